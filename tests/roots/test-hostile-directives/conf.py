"""Directives and roles given every kind of bad input, in reStructuredText."""

project = "hostile directives"
extensions = ["sphinxext_casestudies"]
casestudies_data = ["data/*.yaml"]
exclude_patterns = ["_build"]
