project = "pages"
extensions = ["sphinxext_casestudies"]
casestudies_data = ["data/*.yaml"]
casestudies_pages = "customers"
html_baseurl = "https://example.org/docs/"
copyright = "2026, tests"
version = "1.0"
