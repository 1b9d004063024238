project = "incremental"
extensions = ["sphinxext_casestudies"]
casestudies_data = ["data/*.yaml"]
