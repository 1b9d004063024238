"""Data files -> a :class:`~.model.Catalog`: reading, the three file forms, duplicate ids.

Nothing here raises on bad input: every problem becomes a
:class:`~.model.Problem` with a path and line, a bad entry is dropped, and the
rest of the file and of the project survives.
"""

from __future__ import annotations

import dataclasses
import glob
import os
from collections.abc import Iterable, Mapping, Sequence

from yaml.nodes import MappingNode, Node, SequenceNode

from sphinxext_casestudies.data.entries import LoadOptions, validate_entry
from sphinxext_casestudies.data.fields import BAD, Context, Expansion, convert
from sphinxext_casestudies.data.logo_paths import LogoResolver
from sphinxext_casestudies.data.model import Catalog, Entry, Markup, Problem
from sphinxext_casestudies.data.nodewalk import tag_problem, tainted, unsafe_nodes
from sphinxext_casestudies.data.schema import ENTRY, FILE
from sphinxext_casestudies.data.wording import describe, hint, key_name, shown
from sphinxext_casestudies.data.yamlnodes import MAP, SEQ, Lines, compose, decode, gc_paused

_FORMS = "a list of entries, a mapping with 'case_studies', or one entry (a mapping with 'id')"


def load_catalog(patterns: Sequence[str], *, confdir: str, srcdir: str,
                 default_markup: str = "rst",
                 industries: Mapping[str, str] | None = None) -> Catalog:
    """Every entry of the files matching ``patterns`` (relative to ``confdir``), in data order.

    Files are read in sorted path order, each once; a pattern matching no file
    is reported at ``conf.py``.
    """
    conf_py = os.path.join(confdir, "conf.py")
    paths: set[str] = set()
    problems: list[Problem] = []
    for pattern in patterns:
        matched = expand(pattern, root=confdir)
        if not matched:
            problems.append(Problem(conf_py, 0, "data",
                                    f"casestudies_data pattern '{pattern}' matches no file"))
        paths.update(os.path.abspath(p) for p in matched)
    catalog = load_files(sorted(paths), srcdir=srcdir, default_markup=default_markup,
                         industries=industries)
    return Catalog(catalog.entries, (*problems, *catalog.problems), catalog.files)


def expand(pattern: str, root: str = "") -> list[str]:
    """Files named by a path or glob pattern (``**`` recursive), sorted, spelled as given.

    A relative ``pattern`` counts from ``root``, whose own name is never read as a
    pattern (a folder may well be called ``[docs]``).
    """
    full = os.path.join(root, pattern)
    if glob.has_magic(pattern):
        found = glob.glob(os.path.join(glob.escape(root), pattern) if root else pattern,
                          recursive=True)
        return sorted(p for p in found if os.path.isfile(p))
    return [full] if os.path.isfile(full) else []


def load_files(paths: Iterable[str], *, srcdir: str, default_markup: str = "rst",
               industries: Mapping[str, str] | None = None) -> Catalog:
    """Entries of ``paths`` in this order; a repeated id keeps its first definition."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    first: dict[str, Entry] = {}
    files: list[str] = []
    logos = LogoResolver(srcdir)
    for path in paths:
        files.append(path)
        found, file_problems = load_file(path, srcdir=srcdir, default_markup=default_markup,
                                         industries=industries, logos=logos)
        for entry in found:
            earlier = first.setdefault(entry.id, entry)
            if earlier is entry:
                entries.append(entry)
            else:
                file_problems.append(Problem(
                    path, entry.line, "duplicate", f"duplicate id '{entry.id}': first "
                    f"defined at {earlier.source}:{earlier.line}"))
        problems.extend(sorted(file_problems, key=lambda p: p.line))
    return Catalog(tuple(entries), tuple(problems), tuple(files))


def load_file(path: str, *, srcdir: str, default_markup: str = "rst",
              industries: Mapping[str, str] | None = None, logos: LogoResolver | None = None,
              ) -> tuple[list[Entry], list[Problem]]:
    """The valid entries of one data file and every problem found in it.

    ``logos`` may be shared by the files of one load (logos are often shared).
    """
    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError as err:
        return [], [Problem(path, 0, "data", f"cannot read data file: {err.strerror or err}")]
    text, problems = decode(data, path)
    if text is None:
        return [], problems
    options = LoadOptions(path=path, srcdir=srcdir, base_dir=os.path.dirname(os.path.abspath(path)),
                        markup=_markup(default_markup), industries=industries,
                        lines=Lines(text), logos=logos or LogoResolver(srcdir))
    with gc_paused():  # until the node tree is freed, see gc_paused()
        return _load_text(text, options)


def _load_text(text: str, options: LoadOptions) -> tuple[list[Entry], list[Problem]]:
    path = options.path
    root, problems = compose(text, path, options.lines)
    if root is None:
        return [], problems or [Problem(path, 0, "data", "empty data file")]
    return _load_root(root, text, options)


def _markup(value: str) -> Markup:
    return "myst" if value == "myst" else "rst"


def _load_root(root: Node, text: str, options: LoadOptions) -> tuple[list[Entry], list[Problem]]:
    bad = unsafe_nodes(root, text)
    problems = [tag_problem(node, options.path, options.lines) for node in bad]
    taint = tainted(root, bad)
    expansion = Expansion(text)
    options = dataclasses.replace(options, expansion=expansion)
    ctx = Context(options.path, options.lines, expansion=expansion)
    items, markup = _entry_nodes(root, taint, ctx)
    problems.extend(ctx.problems)
    if markup is not None:
        options = dataclasses.replace(options, markup=markup)
    entries: list[Entry] = []
    for item in items:
        if id(item) in taint:
            continue  # its non-safe tag is reported already
        entry, entry_problems = validate_entry(item, options)
        problems.extend(entry_problems)
        if entry is not None:
            entries.append(entry)
    return entries, sorted(problems, key=lambda p: p.line)


def _entry_nodes(root: Node, taint: set[int], ctx: Context) -> tuple[list[Node], Markup | None]:
    """The entry nodes of one of the three file forms, and the file's markup if it sets one.

    Nothing is returned when the file's own structure (outside any entry) is
    wrong or holds a non-safe tag: then no entry of it can be trusted.
    """
    if isinstance(root, SequenceNode):
        return ([] if root.tag != SEQ else list(root.value)), None
    if not isinstance(root, MappingNode):
        ctx.report(root, "schema", f"a data file holds {_FORMS}; got {describe(root)}")
        return [], None
    names = {key_name(key) for key, _ in root.value}
    if "case_studies" in names:
        return _file_mapping(root, taint, ctx)
    if names & set(ENTRY.by_name):
        return [root], None
    close = next((h for h in (hint(n, ("case_studies",)) for n in sorted(names)) if h), "")
    ctx.report(root, "schema", f"a data file holds {_FORMS}{close}")
    return [], None


def _file_mapping(root: MappingNode, taint: set[int],
                  ctx: Context) -> tuple[list[Node], Markup | None]:
    """Form 2: ``case_studies`` (a list of entries) and an optional ``markup``."""
    if root.tag != MAP:  # a non-safe tag on the root, reported already
        return [], None
    items: list[Node] = []
    markup: Markup | None = None
    seen: set[str] = set()
    fatal = False
    for key, value in root.value:
        name = key_name(key)
        if id(key) in taint or (id(value) in taint and name != "case_studies"):
            return [], None  # a non-safe tag outside the entries: trust nothing
        if name in seen:
            ctx.report(key, "schema", f"duplicate top-level field {shown(name)}")
            fatal = True
        elif name == "case_studies":
            items, bad = _entry_list(value, ctx)
            fatal = fatal or bad
        elif name == "markup":
            checked = convert(FILE.by_name["markup"].spec, value, "markup", ctx)
            markup = None if checked is BAD else _markup(checked)
            fatal = fatal or checked is BAD
        else:
            ctx.report(key, "schema", f"unknown top-level field {shown(name)} ignored"
                       f"{hint(name, tuple(FILE.by_name))}")
        seen.add(name)
    return ([] if fatal else items), markup


def _entry_list(node: Node, ctx: Context) -> tuple[list[Node], bool]:
    """The items of ``case_studies``, and whether it is unusable."""
    if not isinstance(node, SequenceNode):
        ctx.report(node, "schema", f"case_studies: expected a list of entries, "
                   f"got {describe(node)}")
        return [], True
    if node.tag != SEQ:  # a non-safe tag on the list itself, reported already
        return [], True
    return list(node.value), False


def parse_inline_entry(text: str, *, source: str, first_line: int, base_dir: str, srcdir: str,
                       markup: str = "rst", industries: Mapping[str, str] | None = None,
                       ) -> tuple[Entry | None, list[Problem]]:
    """One entry written as YAML in a directive body (lines counted from ``first_line``)."""
    lines = Lines(text, first_line)
    root, problems = compose(text, source, lines)
    if root is None:
        return None, problems or [Problem(source, first_line, "directive",
                                          "the directive body holds no entry")]
    line = lines.of(root)
    if not isinstance(root, MappingNode):
        return None, [Problem(source, line, "directive", "the directive body must hold one "
                              f"entry (a YAML mapping), got {describe(root)}")]
    if any(key_name(key) == "case_studies" for key, _ in root.value):
        return None, [Problem(source, line, "directive", "the directive body holds one "
                              "entry, not a data file with 'case_studies'")]
    bad = unsafe_nodes(root, text)
    if bad:
        return None, [tag_problem(node, source, lines) for node in bad]
    options = LoadOptions(path=source, srcdir=srcdir, base_dir=base_dir, markup=_markup(markup),
                        industries=industries, lines=lines)
    return validate_entry(root, options)
