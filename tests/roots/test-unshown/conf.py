project = "unshown"
extensions = ["sphinxext_casestudies"]
casestudies_data = ["data/*.yaml"]
# py:func only warns under -n (nitpicky), as on a page; data markup may use it once named
casestudies_markup_allow = ["py:func"]
