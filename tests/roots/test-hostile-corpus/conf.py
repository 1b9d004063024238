"""Every hostile data file of tests/hostile/corpus (copied in at test time) in one build."""

project = "hostile corpus"
extensions = ["sphinxext_casestudies"]
casestudies_data = ["corpus/*.yaml", "generated/*.yaml"]
exclude_patterns = ["_build", "corpus", "generated"]
