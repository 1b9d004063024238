project = "pages"
extensions = ["sphinxext_casestudies"]
casestudies_data = ["data/*.yaml"]
casestudies_pages = "customers"
html_baseurl = "https://example.org/docs/"
