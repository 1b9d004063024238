"""Sphinx configuration of the sphinxext-casestudies documentation.

All organisations, people and figures in ``_data/`` are invented examples.
"""

project = "sphinxext-casestudies"
author = "sphinxext-casestudies developers"
copyright = "sphinxext-casestudies developers"

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

extensions = [
    "sphinxext_casestudies",
    # The field reference of data-format.rst, generated from the schema.
    "sphinxext_casestudies.sphinx_ext.field_reference",
    # The package map of architecture.rst, generated from the source.
    "package_map",
    "myst_parser",
]

source_suffix = {
    ".rst": "restructuredtext",
    ".md": "markdown",
}
root_doc = "index"

# Snippets are included into pages (and tested on their own); they are not
# documents of their own.
exclude_patterns = ["_build", "snippets/*", "snippets/**"]

myst_enable_extensions = ["colon_fence"]

html_theme = "alabaster"
html_title = "sphinxext-casestudies"

# -- sphinxext-casestudies ---------------------------------------------------

casestudies_data = ["_data/*.yaml"]

# Every case study gets a story page stories/<id>, generated from the data;
# stories/quillfeather-press.md is written by hand and replaces its page.
casestudies_pages = "stories"

casestudies_industries = {
    "finance": "Finance",
    "insurance": "Insurance",
    "publishing": "Publishing",
    "logistics": "Logistics",
    "healthcare": "Healthcare",
    "education": "Education",
    "public-sector": "Public sector",
}
