"""Injection: data cannot become HTML, script, or a copy of a file outside the source folder.

* Text fields (name, title, link_text, alt, quote author/role, metric value and
  label, industry, tags, section titles) are text: HTML and reST/MyST markup in
  them shows literally, escaped.
* Markup fields (headline, summary, section bodies, quote texts) are parsed,
  but ``raw``, ``include``, ``literalinclude``, ``csv-table :file:``, images
  outside the source folder (absolute, ``..``, symlink), MyST raw HTML and
  substitution tricks are refused with a located warning while
  ``casestudies_allow_raw`` is False (the default), and work when it is True.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_util import (
    SECRET,
    badly_reported,
    build,
    files_containing,
    make_project,
    records,
    unsafe_output,
)
from util import body

PAYLOAD = ('<script>alert("x")</script><img src=x onerror=alert(1)> *emph* **strong** '
           '``lit`` `ref`_ :doc:`index` |sub| [#]_ {sub}`x` $x$ <b>&amp;</b> &lt;')
"""reST, MyST and HTML in one text; every character of it must show as typed."""

TEXT_ENTRY = f"""\
- id: texty
  name: &p '{PAYLOAD.replace("'", "''")}'
  title: *p
  kind: article
  industry: *p
  tags: [*p, 'second " tag']
  link: https://example.org/story
  link_text: *p
  logo: {{src: ../logos/ok.svg, alt: *p}}
  quotes: [{{text: Said., author: *p, role: *p}}]
  metrics: [{{value: *p, label: *p}}]
  sections: [{{title: *p, body: Body.}}]
"""

TEXT_PAGE = """\
Text fields
===========

.. case-study:: texty
   :no-index:

.. case-studies::
   :ids: texty
   :layout: summary
   :filter-ui:
   :no-index:

.. case-studies::
   :ids: texty
   :layout: card

.. case-studies::
   :ids: texty
   :layout: quote

.. logo-grid::
   :ids: texty
   :captions:
   :link: none

Role: :case-study:`texty`.
"""

# -- text fields ------------------------------------------------------------------------------

@pytest.fixture(scope="module", params=["rst", "myst"])
def text_app(request, tmp_path_factory):
    extensions: tuple[str, ...] = ("sphinxext_casestudies",)
    data = TEXT_ENTRY
    if request.param == "myst":
        pytest.importorskip("myst_parser")
        extensions += ("myst_parser",)
        data = "markup: myst\ncase_studies:\n" + "".join(
            "  " + line + "\n" for line in TEXT_ENTRY.splitlines())
    src = make_project(tmp_path_factory.mktemp("text"), {"texty.yaml": data}, TEXT_PAGE,
                       extensions=extensions)
    return build(src)


def test_text_fields_show_literally(text_app) -> None:
    page = body(text_app, "index.html")
    full = page.select_one("section#texty")
    assert full.select_one("h2").get_text().removesuffix("¶") == PAYLOAD  # title
    assert full.select_one("img")["alt"] == PAYLOAD
    assert full.select_one("p.cs-link a").get_text() == PAYLOAD  # link_text
    assert full.select_one(".cs-quote .attribution").get_text().strip("—") == (
        f"{PAYLOAD}, {PAYLOAD}")
    assert full.select_one(".cs-metric-value").get_text() == PAYLOAD
    assert full.select_one(".cs-metric-label").get_text() == PAYLOAD
    assert full.select_one("section.cs-story-section h3").get_text().removesuffix("¶") == PAYLOAD
    # summary: "name (industry)" for an article, and the chips show industry and tags
    summary = page.select_one("section#texty-2")
    assert summary.select_one("h2").get_text().removesuffix("¶") == f"{PAYLOAD} ({PAYLOAD})"
    chips = {b.get_text(): b.get("data-cs-value") for b in page.select("button.cs-chip")
             if b.get("data-cs-facet")}
    assert chips == {PAYLOAD: PAYLOAD, 'second " tag': 'second " tag'}
    assert summary["data-cs-tags"] == f'{PAYLOAD} second " tag'
    assert page.select_one("div.cs-card strong").get_text() == f"{PAYLOAD} ({PAYLOAD})"
    captions = [p.get_text() for p in page.select(".cs-logo-grid p.cs-caption")]
    assert captions == [PAYLOAD]
    assert page.select_one("span.cs-role").get_text() == PAYLOAD


def test_text_fields_make_no_markup_and_nothing_unsafe(text_app) -> None:
    page = body(text_app, "index.html")
    for tag in ("em", "strong", "code", "b", "sup", "span.math", "a.footnote-reference"):
        found = [t for t in page.select(tag) if PAYLOAD not in t.get_text()
                 and "cs-" not in " ".join(t.get("class", []))]
        if tag == "strong":  # the card's name is a <strong> holding the payload text
            found = [t for t in found if t.get_text() != "strong"]
        assert found == [], tag
    assert unsafe_output(Path(text_app.outdir)) == []
    # nothing was parsed, so no parser complained
    assert [str(r) for r in records(text_app)] == []


# -- markup fields: smuggling refused ------------------------------------------------------------

RST_SMUGGLING = """\
- id: raw
  name: Raw
  summary: |
    .. raw:: html

       <script>alert("raw")</script>
- id: raw-file
  name: Raw file
  summary: |
    .. raw:: html
       :file: ../leak/secret.txt
- id: include
  name: Include
  summary: |
    .. include:: /etc/passwd

    .. include:: leak/secret.txt
- id: literalinclude
  name: Literalinclude
  summary: |
    .. literalinclude:: leak/secret.txt
- id: csv-file
  name: CSV file
  summary: |
    .. csv-table:: Secrets
       :file: leak/secret.csv
- id: csv-url
  name: CSV URL
  summary: |
    .. csv-table:: Secrets
       :url: file://{outside}/secret.csv
- id: image-dotdot
  name: Image dotdot
  summary: |
    .. image:: ../outside/secret.svg
- id: image-symlink
  name: Image symlink
  summary: |
    .. figure:: leak/secret.svg

       A caption.
- id: image-absolute
  name: Image absolute
  summary: |
    .. image:: /../outside/secret.svg
- id: image-data
  name: Image data
  headline: "Inline |pic| image."
  summary: |
    .. image:: data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+

    .. |pic| image:: ../outside/secret.svg
- id: subst-raw
  name: Substitution raw
  headline: "Say |x|."
  summary: |
    Say |x| and |y|.

    .. |x| raw:: html

       <script>alert("subst")</script>

    .. |y| include:: /etc/passwd
- id: raw-role
  name: Raw role
  summary: |
    .. role:: html(raw)
       :format: html

    :html:`<script>alert("role")</script>`
- id: links
  name: Links
  summary: |
    `x <javascript:alert(1)>`_, `y <JaVaScRiPt:alert(2)>`__, `z <data:text/html,x>`_
    and javascript:alert(3) and `w <java\tscript:alert(4)>`__.

    .. image:: https://example.org/ok.png
       :target: vbscript:msgbox(1)
- id: sections-and-quotes
  name: Sections and quotes
  quotes:
    - text: |
        .. raw:: html

           <script>alert("quote")</script>
  sections:
    - title: Smuggled
      body: |
        .. include:: leak/secret.txt

        .. raw:: html

           <script>alert("section")</script>
- id: still-fine
  name: Still fine
  summary: A *normal* summary with `a link <https://example.org/>`_.
"""

MYST_SMUGGLING = """\
markup: myst
case_studies:
- id: md-raw-block
  name: Raw block
  summary: |
    <script>alert("block")</script>

    <div onclick="alert(1)">div</div>
- id: md-raw-inline
  name: Raw inline
  headline: 'Hi <img src=x onerror=alert(1)> there'
- id: md-raw-directive
  name: Raw directive
  summary: |
    ```{raw} html
    <script>alert("directive")</script>
    ```
- id: md-include
  name: Include
  summary: |
    ```{include} leak/secret.txt
    ```

    ```{literalinclude} leak/secret.txt
    ```
- id: md-image
  name: Image
  summary: |
    ![dotdot](../outside/secret.svg) and ![link](leak/secret.svg)

    ```{image} /../outside/secret.svg
    ```
- id: md-links
  name: Links
  summary: |
    <javascript:alert(1)> and [x](javascript:alert(2)) and [y](JAVASCRIPT:alert(3))
    and [z](data:text/html,x)
- id: md-eval-rst
  name: Eval rst
  summary: |
    ```{eval-rst}
    .. raw:: html

       <script>alert("eval")</script>

    .. include:: leak/secret.txt
    ```
- id: md-still-fine
  name: Still fine
  summary: A *normal* summary with [a link](https://example.org/).
"""

SMUGGLING_PAGE = """\
Smuggling
=========

.. case-studies::
   :layout: full
"""


@pytest.fixture(scope="module")
def smuggling(tmp_path_factory):
    root = tmp_path_factory.mktemp("smuggling")
    data = {"rst.yaml": RST_SMUGGLING.replace("{outside}", str(root / "outside"))}
    extensions: tuple[str, ...] = ("sphinxext_casestudies",)
    try:
        import myst_parser  # noqa: F401
    except ImportError:
        pass
    else:
        data["myst.yaml"] = MYST_SMUGGLING
        extensions += ("myst_parser",)
    src = make_project(root, data, SMUGGLING_PAGE, extensions=extensions)
    return build(src), data


def _data_line(data: str, needle: str, after: int = 0) -> int:
    """1-based line of the first line holding ``needle`` (after line ``after``)."""
    for number, line in enumerate(data.splitlines(), 1):
        if number > after and needle in line:
            return number
    raise AssertionError(needle)


def test_smuggling_leaves_no_secret_and_nothing_unsafe(smuggling) -> None:
    app, _ = smuggling
    out = Path(app.outdir)
    assert files_containing(out, SECRET) == []
    assert files_containing(out, "root:x:0:0") == []  # /etc/passwd
    assert unsafe_output(out) == []


def test_smuggling_every_refusal_is_located_at_the_data_line(smuggling) -> None:
    app, data = smuggling
    rst = data["rst.yaml"]
    recs = records(app)

    def at(needle: str, typ: str, words: str, after: int = 0, slack: int = 0) -> None:
        line = _data_line(rst, needle, after)
        assert any(r.path == "data/rst.yaml" and line <= (r.line or 0) <= line + slack
                   and r.type == typ and words in r.message for r in recs), (
            needle, line, typ, words, [str(r) for r in recs])

    refused = "casestudies.markup"
    at(".. raw:: html", refused, "directive 'raw' is not allowed")
    at(".. raw:: html", refused, "directive 'raw' is not allowed", after=6)  # with :file:
    at(".. include:: /etc/passwd", refused, "directive 'include' is not allowed")
    at(".. include:: leak/secret.txt", refused, "directive 'include' is not allowed")
    at(".. literalinclude::", refused, "directive 'literalinclude' is not allowed")
    at(".. csv-table:: Secrets", refused, "option :file: of directive 'csv-table'")
    at(".. csv-table:: Secrets", refused, "option :url: of directive 'csv-table'", after=26)
    at(".. image:: ../outside/secret.svg", "casestudies.image", "outside the source folder")
    at(".. figure:: leak/secret.svg", "casestudies.image", "outside the source folder")
    at(".. image:: /../outside", "casestudies.image", "outside the source folder")
    at(".. |pic| image::", "casestudies.image", "outside the source folder")
    at(".. image:: data:", "casestudies.url", "scheme 'data'")
    at(".. |x| raw:: html", refused, "directive 'raw' is not allowed")
    at(".. |y| include::", refused, "directive 'include' is not allowed")
    # a custom role derived from raw needs the "role" directive, which data may not use
    at(".. role:: html(raw)", refused, "directive 'role' is not allowed")


def test_smuggled_links_are_refused_with_url_warnings(smuggling) -> None:
    app, _ = smuggling
    urls = [r.message for r in records(app) if r.path == "data/rst.yaml"
            and r.type == "casestudies.url"]
    for scheme in ("'javascript'", "'data'", "'vbscript'"):
        assert any(scheme in m for m in urls), (scheme, urls)
    assert sum("javascript" in m for m in urls) == 4  # incl. mixed case and java<TAB>script
    page = body(app, "index.html")
    assert page.select_one("#links .cs-summary a[href]") is None


def test_smuggling_keeps_the_rest_and_reports_cleanly(smuggling) -> None:
    app, data = smuggling
    page = body(app, "index.html")
    fine = page.select_one("#still-fine .cs-summary")
    assert fine.select_one("em").get_text() == "normal"
    assert fine.select_one("a")["href"] == "https://example.org/"
    assert badly_reported(records(app)) == [], [str(r) for r in records(app)]
    if "myst.yaml" in data:
        assert page.select_one("#md-still-fine .cs-summary a")["href"] == "https://example.org/"


def test_myst_smuggling_refused_at_the_data_line(smuggling) -> None:
    app, data = smuggling
    if "myst.yaml" not in data:
        pytest.skip("myst-parser is not installed")
    md = data["myst.yaml"]
    recs = [r for r in records(app) if r.path == "data/myst.yaml"]

    def at(needle: str, typ: str, words: str, after: int = 0) -> None:
        line = _data_line(md, needle, after)
        assert any(r.line == line and r.type == typ and words in r.message for r in recs), (
            needle, line, typ, words, [str(r) for r in recs])

    refused = "casestudies.markup"
    at('<script>alert("block")', "docutils", "raw output disabled")
    at("Hi <img src=x", "docutils", "raw output disabled")
    at("```{raw} html", refused, "directive 'raw' is not allowed")
    at("```{include} leak", refused, "directive 'include' is not allowed")
    at("```{literalinclude}", refused, "directive 'literalinclude' is not allowed")
    at("![dotdot]", "casestudies.image", "outside the source folder")
    at("```{image} /../outside", "casestudies.image", "outside the source folder")
    at("```{eval-rst}", refused, "directive 'eval-rst' is not allowed")
    page = body(app, "index.html")
    assert page.select_one("#md-links .cs-summary a[href]") is None


# -- casestudies_allow_raw = True: the same directives work ----------------------------------

ALLOWED = """\
- id: allowed
  name: Allowed
  summary: |
    .. raw:: html

       <span id="raw-html-allowed">raw</span>

    .. include:: snippet.txt
"""


def test_allow_raw_true_lets_raw_and_include_work(tmp_path) -> None:
    extensions: tuple[str, ...] = ("sphinxext_casestudies",)
    data = {"allowed.yaml": ALLOWED}
    try:
        import myst_parser  # noqa: F401
    except ImportError:
        pass
    else:
        extensions += ("myst_parser",)
        data["allowed-md.yaml"] = (
            "markup: myst\ncase_studies:\n- id: allowed-md\n  name: Allowed MyST\n"
            "  summary: |\n    <span id=\"myst-html-allowed\">inline html</span>\n")
    src = make_project(tmp_path, data, SMUGGLING_PAGE, extensions=extensions)
    allowed = build(src, casestudies_allow_raw=True)
    page = body(allowed, "index.html")
    assert page.select_one("span#raw-html-allowed") is not None
    assert "Included from inside the source folder." in page.get_text()
    if "allowed-md.yaml" in data:
        assert page.select_one("span#myst-html-allowed") is not None
    assert [str(r) for r in records(allowed)] == []
    # ...and the default refuses the very same file
    refused = build(src)
    page = body(refused, "index.html")
    assert page.select_one("span#raw-html-allowed") is None
    assert "Included from inside" not in page.get_text()
