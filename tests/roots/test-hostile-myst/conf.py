"""Directives and roles given every kind of bad input, in MyST Markdown."""

project = "hostile myst"
extensions = ["sphinxext_casestudies", "myst_parser"]
myst_enable_extensions = ["colon_fence"]
casestudies_data = ["data/*.yaml"]
exclude_patterns = ["_build"]
