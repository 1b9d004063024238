"""Bad configuration values warn at conf.py and fall back to their defaults."""

from __future__ import annotations

import dataclasses

import pytest
from util import body, matching

from sphinxext_casestudies.sphinx_ext.config import settings_of


def test_bad_values_fall_back_with_a_warning(build_root):
    app = build_root("basic", confoverrides={
        "casestudies_logo_width": 0,
        "casestudies_markup": "html",
        "casestudies_link_text": "",
        "casestudies_industries": ["finance"],
        "casestudies_allow_raw": 3,
    })
    found = matching(app, "config")
    assert len(found) == 5, found
    assert all(w.startswith("conf.py:") for w in found)
    assert any("casestudies_logo_width" in w and "150" in w for w in found)
    # defaults are in force: 150px logos, link texts per kind, industry keys shown as is
    cards = body(app, "cards.html")
    assert cards.select_one("img")["style"] == "width: 150px;"
    assert [link.contents[0].contents[0] for link in cards.select(".cs-link a")] == [
        "Watch the talk", "Read more", "Read more"]
    assert "Civic Tech Talk (public)" in cards.text


def test_a_single_pattern_string_is_accepted(build_root):
    app = build_root("basic", confoverrides={"casestudies_data": "data/*.yaml"})
    assert matching(app, "config") == []
    assert body(app, "summary.html").select_one("section#acme-pay") is not None


def test_config_values_are_used(build_root):
    app = build_root("basic", confoverrides={"casestudies_link_text": "Full story",
                                             "casestudies_logo_width": 90})
    cards = body(app, "cards.html")
    assert cards.select_one(".cs-link").text.startswith("Full story")
    assert cards.select_one("img")["style"] == "width: 90px;"


def test_one_frozen_settings_object_per_build(build_root):
    """Modules read the validated values as one typed object, made at config-inited."""
    app = build_root("basic", confoverrides={"casestudies_logo_width": 0,
                                             "casestudies_pages": "/stories/",
                                             "casestudies_markup_allow": ["kbd"]})
    settings = settings_of(app.config)
    assert settings is settings_of(app.config)
    assert (settings.logo_width, settings.pages, settings.markup_allow) == (150, "stories",
                                                                           ("kbd",))
    assert settings.gate is not None and settings.gate.role_allowed("kbd")
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.logo_width = 90  # type: ignore[misc]
    with pytest.raises(TypeError):
        settings.industries["x"] = "y"  # type: ignore[index]
