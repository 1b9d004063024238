import os
import sys

sys.path.insert(0, os.path.abspath("."))

project = "forking"
extensions = ["sphinxext_casestudies", "fork_probe"]
casestudies_data = ["data/*.yaml"]
