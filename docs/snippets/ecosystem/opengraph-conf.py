extensions = ["sphinxext_casestudies", "sphinxext.opengraph"]
ogp_site_url = "https://docs.example.org/"
