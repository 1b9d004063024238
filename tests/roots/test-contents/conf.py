import importlib.util

project = "contents"
extensions = ["sphinxext_casestudies"]
if importlib.util.find_spec("myst_parser"):
    extensions.append("myst_parser")
casestudies_data = ["data/*.yaml"]
