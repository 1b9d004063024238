extensions = ["sphinxext_casestudies"]
casestudies_data = ["_data/*.yaml"]

language = "de"
locale_dirs = ["locales/"]  # your translations of page and data texts
gettext_compact = False  # one catalog per page
