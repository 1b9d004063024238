project = "myst"
extensions = ["sphinxext_casestudies", "myst_parser"]
myst_enable_extensions = ["colon_fence"]
casestudies_data = ["data/*.yaml"]
