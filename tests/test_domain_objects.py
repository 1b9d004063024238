"""Canonical places are ``casestudies:entry`` objects: the domain role, ``:any:``,
``objects.inv``, and a second project linking to them through intersphinx."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.util.inventory import InventoryFile
from util import body, build, matching, warnings

DATA = """\
- id: acme-pay
  name: Acme Pay
  link: https://acme.example.com/story
- id: bright
  name: Bright Bank
- id: civic
  name: Civic Tech
  link: https://civic.example.com/
"""

CONF = 'extensions = ["sphinxext_casestudies"]\ncasestudies_data = ["data.yaml"]\n'


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory):
    """acme-pay has a canonical place; bright is shown only with :no-index:; civic nowhere."""
    src = write(tmp_path_factory.mktemp("first") / "src", {
        "conf.py": CONF + 'project = "pact"\n',
        "data.yaml": DATA,
        "index.rst": ("Index\n=====\n\n.. toctree::\n\n   stories\n   links\n"),
        "stories.rst": ("Stories\n=======\n\n.. case-study:: acme-pay\n\n"
                        ".. case-study:: bright\n   :no-index:\n"),
        "links.rst": ("Links\n=====\n\nDomain :casestudies:entry:`acme-pay`, "
                      "titled :casestudies:entry:`the story <acme-pay>`, "
                      "any :any:`acme-pay`, by link :casestudies:entry:`civic`.\n\n"
                      "Unknown :casestudies:entry:`nope` here.\n"),
    })
    return build(src)


def test_the_domain_role_links_like_the_case_study_role(first):
    links = {a.get_text(): a["href"] for a in body(first, "links.html").select("a")}
    assert links["Acme Pay"] == "stories.html#acme-pay"
    assert links["the story"] == "stories.html#acme-pay"
    assert links["Civic Tech"] == "https://civic.example.com/"  # no canonical place: its link


def test_any_finds_the_canonical_place(first):
    any_links = [(a.get_text(), a["href"]) for a in body(first, "links.html").select("a")
                 if a.code is not None]
    assert any_links == [("Acme Pay", "stories.html#acme-pay")]  # named like the role's
    assert not [w for w in warnings(first) if "any" in w]


def test_an_unknown_id_is_one_located_ref_warning(first):
    found = matching(first, "ref")
    assert len(found) == 1, warnings(first)
    assert found[0].startswith("links.rst:6:") and "'nope'" in found[0]
    assert len(warnings(first)) == 1


def test_objects_inv_lists_canonical_places_only(first):
    inventory = InventoryFile.load((Path(first.outdir) / "objects.inv").open("rb"),
                                   "", lambda base, uri: uri)
    entries = inventory["casestudies:entry"]
    assert sorted(entries) == ["acme-pay"]  # not :no-index: bright, not unshown civic
    item = entries["acme-pay"]
    name = item[3] if isinstance(item, tuple) else item.display_name
    uri = item[2] if isinstance(item, tuple) else item.uri
    assert (name, uri) == ("Acme Pay", "stories.html#acme-pay")


def test_another_project_links_through_intersphinx(first, tmp_path):
    inventory = Path(first.outdir) / "objects.inv"
    src = write(tmp_path / "second", {
        "conf.py": ('extensions = ["sphinxext_casestudies", "sphinx.ext.intersphinx"]\n'
                    "intersphinx_mapping = {'pact': ('https://pact.example.org/', "
                    f"{str(inventory)!r})}}\n"),
        "index.rst": ("Second\n======\n\nSee :external+pact:casestudies:entry:`acme-pay`, "
                      ":external+pact:casestudies:entry:`their story <acme-pay>` and "
                      ":casestudies:entry:`acme-pay`.\n"),
    })
    app = build(src)
    assert warnings(app) == []
    links = [(a.get_text(), a["href"]) for a in body(app, "index.html").select("p a")]
    story = "https://pact.example.org/stories.html#acme-pay"
    assert links == [("Acme Pay", story), ("their story", story), ("Acme Pay", story)]
