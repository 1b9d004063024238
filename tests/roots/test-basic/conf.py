project = "basic"
extensions = ["sphinxext_casestudies"]
casestudies_data = ["data/*.yaml"]
casestudies_industries = {"finance": "Finance", "public": "Public sector", "media": "Media"}
copyright = "2026, tests"
version = "1.0"
