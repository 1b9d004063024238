"""The trust boundary, links: which URLs data may write.

Data files come from pull requests, so every link, link target, logo, image
and download they name is judged in :mod:`.trust` and nowhere else: the data
layer, the markup sanitizer, the domain and the renderers all ask it.  The
rule for links: a URL is written only when its scheme (as a browser reads it)
is http or https, or mailto for links in markup; anything without a scheme is
a name inside the project, which :mod:`.files` resolves.

Nothing here imports Sphinx or docutils (the ``validate`` command uses it too).
"""

from __future__ import annotations

import re

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
"""Schemes a link or link target in data markup may have."""
WEB_SCHEMES = ("http", "https")
"""Schemes an entry's ``link``, a logo, an image or a download URL may have."""

_BLANK = r"[\s\x00-\x20]*"
"""What browsers skip before a URL (spaces and control characters)."""
_SCHEME_TEXT = r"[A-Za-z][A-Za-z0-9+.\-\t\n\r]*:"
"""A URL scheme; browsers drop tabs and line breaks inside it ("java<TAB>script:")."""
SCHEME_PATTERN = "^" + _BLANK + _SCHEME_TEXT
"""A value starting with this carries a URL scheme (checked case-insensitively)."""
_URL_OR_NAME = rf"(?:(?!{_BLANK}{_SCHEME_TEXT})|{_BLANK}[Hh][Tt][Tt][Pp][Ss]?://\S)"
IMAGE_PATTERN = r"^(?=\s*\S)" + _URL_OR_NAME
"""JSON Schema of a logo: not blank, and no scheme at all (a path) or http(s)://."""
LINK_PATTERN = r"^(?=[\s/]*[^\s/])" + _URL_OR_NAME
"""JSON Schema of a link: like a logo, and not only slashes (leading ones are dropped)."""

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_DATA_SCHEME = re.compile(SCHEME_PATTERN)
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_BLANKS = re.compile(r"^[\s\x00-\x20]+|[\s\x00-\x20]+$")
_AUTHORITY = re.compile(r"//\S")


def as_browsers_read(uri: str) -> str:
    """``uri`` without the control characters and white space browsers drop from a
    scheme (``java\\tscript:``): what every scheme check must look at."""
    return _CONTROL.sub("", uri)


def url_scheme(uri: str) -> str | None:
    """The lower-cased scheme of ``uri`` as a browser would read it, if any."""
    match = _SCHEME.match(as_browsers_read(uri))
    return match.group(1).lower() if match else None


def link_allowed(uri: str) -> bool:
    """Whether a link or link target in data markup may be written: web, mail or internal."""
    scheme = url_scheme(uri)
    return scheme is None or scheme in LINK_SCHEMES


def is_web_url(value: str) -> bool:
    """Whether ``value`` (a checked ``link`` or logo) is an http(s) URL rather than a name."""
    scheme = url_scheme(value)
    return scheme in WEB_SCHEMES


def data_url(value: str) -> tuple[str, str, str | None] | None:
    """An entry's ``link`` or logo as written: None when it carries no scheme (a name).

    Otherwise ``(url, scheme, refusal)``: the URL with blanks stripped and its
    scheme lower-cased, the scheme as written (lower-cased), and ``"scheme"``
    or ``"malformed"`` when it is refused (None for a well-formed http(s) URL).
    """
    value = _BLANKS.sub("", value)
    match = _DATA_SCHEME.match(value)
    if match is None:
        return None
    scheme = match.group()[:-1].lower()
    rest = value[match.end():]
    if scheme not in WEB_SCHEMES:
        return value, scheme, "scheme"
    if not _AUTHORITY.match(rest):
        return value, scheme, "malformed"
    return scheme + ":" + rest, scheme, None


def strip_blanks(value: str) -> str:
    """``value`` without the white space and control characters browsers skip around a URL."""
    return _BLANKS.sub("", value)
