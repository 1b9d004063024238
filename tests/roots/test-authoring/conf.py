project = "authoring"
extensions = ["sphinxext_casestudies", "myst_parser"]
casestudies_data = ["data/*.yaml"]
