"""The command line: ``python -m sphinxext_casestudies validate|schema`` (no Sphinx import)."""
