"""Page metadata: sphinxext-opengraph describes a page that starts with our directive by
its entries' words, not by logo alt texts or screen-reader-only words."""

from __future__ import annotations

from pathlib import Path

import pytest
from util import build, html, warnings

DATA = """\
- id: acme
  name: Acme Pay
  logo:
    src: logo.svg
    dark: logo.svg
  headline: Acme Pay moved every payment flow in six weeks.
  link: https://example.com/acme
"""


@pytest.mark.parametrize("layout", ["card", "summary", "full"])
def test_og_description_has_no_logo_words(tmp_path: Path, layout: str) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["sphinxext_casestudies", "sphinxext.opengraph"]\n'
        'casestudies_data = ["data.yaml"]\nogp_site_url = "https://docs.example.org/"\n',
        encoding="utf-8")
    (src / "data.yaml").write_text(DATA, encoding="utf-8")
    (src / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    (src / "index.rst").write_text(
        f"Customers\n=========\n\n.. case-studies::\n   :layout: {layout}\n", encoding="utf-8")
    app = build(src)
    assert warnings(app) == []
    page = html(app, "index.html")
    description = page.select_one('meta[property="og:description"]')["content"]
    assert "Acme Pay moved every payment flow in six weeks." in description
    assert "logo" not in description and "about Acme Pay" not in description
    # the page itself still shows both logos (and, where the logo is the link, its words)
    assert len(page.select(".cs-logo img")) == 2
    hidden = [span.get_text() for span in page.select(".cs-logo .cs-visually-hidden")]
    assert hidden == ([": Read more about Acme Pay"] * 2 if layout == "summary" else [])
