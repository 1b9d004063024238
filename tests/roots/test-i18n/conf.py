project = "i18n"
extensions = ["sphinxext_casestudies"]
casestudies_data = ["data/*.yaml"]
locale_dirs = ["locales"]
