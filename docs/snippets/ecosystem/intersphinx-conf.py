extensions = ["sphinxext_casestudies", "sphinx.ext.intersphinx"]

intersphinx_mapping = {
    # name: (where the other project's docs are published, its inventory:
    #        None = <that address>/objects.inv, or a local path to the file)
    "pact": ("https://docs.pact.example/", None),
}
