project = "unshown"
extensions = ["sphinxext_casestudies"]
casestudies_data = ["data/*.yaml"]
