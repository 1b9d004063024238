project = "data errors"
extensions = ["sphinxext_casestudies"]
casestudies_data = ["data/*.yaml", "data/*.yml", "nothing/*.yaml"]
