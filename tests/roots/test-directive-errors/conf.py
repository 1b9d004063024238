project = "directive errors"
extensions = ["sphinxext_casestudies"]
casestudies_data = ["data/*.yaml"]
