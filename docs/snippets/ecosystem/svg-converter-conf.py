extensions = [
    "sphinxext_casestudies",
    # SVG -> PDF for LaTeX: pip install "sphinxcontrib-svg2pdfconverter[CairoSVG]"
    "sphinxcontrib.cairosvgconverter",
]
