"""``python -m sphinxext_casestudies``: exit codes, the output format, no traceback ever."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sphinxext_casestudies.cli.main import main
from sphinxext_casestudies.data.schema import json_schema

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with good.yaml, bad.yaml and logos/a.svg; the current folder."""
    (tmp_path / "logos").mkdir()
    (tmp_path / "logos" / "a.svg").write_text("<svg/>")
    (tmp_path / "good.yaml").write_text("- id: a\n  name: A\n  logo: logos/a.svg\n")
    (tmp_path / "bad.yaml").write_text("- id: b\n  name: yes\n- id: a\n  name: Again\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_clean_file_exits_0_with_one_line(folder: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "validate", "good.yaml") == (
        0, ["1 data file, 1 entry: no problems found"], "")


def test_success_line_counts_files_and_entries(folder: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "more.yaml").write_text("case_studies:\n  - {id: c, name: C}\n  - {id: d, name: D}\n")
    assert run(capsys, "validate", "good.yaml", "more.yaml")[:2] == (
        0, ["2 data files, 3 entries: no problems found"])


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """docs/conf.py with an industries vocabulary, docs/_data/a.yaml, and a logo inside docs;
    the current folder is elsewhere (neither the source folder nor above it)."""
    docs = tmp_path / "docs"
    (docs / "_data").mkdir(parents=True)
    (docs / "_static").mkdir()
    (docs / "_static" / "a.svg").write_text("<svg/>")
    (docs / "conf.py").write_text('casestudies_industries = {"finance": "Finance"}\n')
    (docs / "_data" / "a.yaml").write_text(
        "- id: a\n  name: A\n  industry: finace\n  logo: ../_static/a.svg\n")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    return tmp_path


def test_source_folder_and_settings_come_from_the_nearest_conf_py(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = run(capsys, "validate", "../docs/_data/a.yaml")
    # the logo is inside docs/, the source folder, though not inside the current folder;
    # the industry is checked against casestudies_industries of docs/conf.py
    assert (code, lines, err) == (1, [
        "../docs/_data/a.yaml:3: industry 'finace' is not in casestudies_industries (did you "
        "mean 'finance'?) [schema]"], "")


def test_srcdir_option_names_the_project(project: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs" / "conf.py").write_text('casestudies_industries = {"finace": "Typo"}\n')
    assert run(capsys, "validate", "--srcdir", "../docs", "../docs/_data/a.yaml")[:2] == (
        0, ["1 data file, 1 entry: no problems found"])


def test_conf_py_runs_as_sphinx_runs_it(project: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """In its own folder, with __file__ and tags: conf.py files rely on all three."""
    docs = project / "docs"
    (docs / "industries.json").write_text('{"banking": "Banking"}')
    (docs / "conf.py").write_text(
        "import json, os\n"
        "assert os.path.dirname(__file__) == os.getcwd()\n"
        "draft = tags.has('draft')\n"
        "casestudies_industries = {} if draft else json.load(open('industries.json'))\n")
    code, lines, _ = run(capsys, "validate", "../docs/_data/a.yaml")
    assert code == 1
    assert lines[0].endswith("industry 'finace' is not in casestudies_industries [schema]")
    assert Path.cwd() == project / "elsewhere"


def test_bad_settings_are_reported_at_conf_py(project: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    conf = project / "docs" / "conf.py"
    conf.write_text('project = "x"\ncasestudies_industries = ["finance"]\n')
    code, lines, _ = run(capsys, "validate", "../docs/_data/a.yaml")
    assert code == 1
    # the vocabulary falls back to its default (none), as in a build
    assert lines == [f"{conf}:2: casestudies_industries must be a mapping of {{key: label}} "
                     "strings, not ['finance']; using the default {} [config]"]


@pytest.mark.parametrize(("source", "line", "why"), [
    ("x = 1\nraise RuntimeError('no')\n", 2, "RuntimeError: no"),
    ("x = (\n", 1, "syntax error: '(' was never closed"),
    ("import sys\n\nsys.exit(3)\n", 3, "SystemExit: 3"),
])
def test_a_failing_conf_py_is_a_problem_not_a_traceback(
        project: Path, capsys: pytest.CaptureFixture[str], source: str, line: int,
        why: str) -> None:
    conf = project / "docs" / "conf.py"
    conf.write_text(source)
    code, lines, err = run(capsys, "validate", "../docs/_data/a.yaml")
    assert (code, lines[0], err) == (
        1, f"{conf}:{line}: cannot read the configuration: {why} [config]", "")


def test_problems_exit_1_one_line_each(folder: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = run(capsys, "validate", "good.yaml", "bad.yaml")
    assert code == 1
    assert lines == [  # files in sorted order: bad.yaml defines "a" first
        "bad.yaml:2: name: expected text, got boolean — quote it [schema]",
        "good.yaml:1: duplicate id 'a': first defined at bad.yaml:3 [duplicate]",
    ]


def test_paths_are_printed_as_typed(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = run(capsys, "validate", "./bad.yaml")
    assert code == 1 and lines[0].startswith("./bad.yaml:2: ")
    code, lines, _ = run(capsys, "validate", str(folder / "bad.yaml"))
    assert lines[0].startswith(f"{folder / 'bad.yaml'}:2: ")


def test_globs_are_expanded(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "c.yaml").write_text("- {id: c, name: C, kind: nope}\n")
    code, lines, _ = run(capsys, "validate", "*.yaml", "**/c.yaml")
    assert code == 1
    assert [line.split(":")[0] for line in lines] == ["bad.yaml", "good.yaml",
                                                      os.path.join("sub", "c.yaml")]


def test_missing_files_and_empty_globs(folder: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = run(capsys, "validate", "nope.yaml", "none/*.yaml", "good.yaml")
    assert code == 1
    assert lines == ["nope.yaml: no such file [data]", "none/*.yaml: matches no file [data]"]


def test_srcdir_for_logo_containment(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "docs").mkdir()
    code, lines, _ = run(capsys, "validate", "--srcdir", "docs", "good.yaml")
    assert code == 1
    assert lines == ["good.yaml:3: logo.src: logo 'logos/a.svg' resolves outside the source "
                     "folder [image]"]


def test_whole_file_problem_has_no_line(folder: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "empty.yaml").write_text("")
    assert run(capsys, "validate", "empty.yaml")[:2] == (1, ["empty.yaml: empty data file [data]"])


@pytest.mark.parametrize("argv", [[], ["validate"], ["frobnicate"], ["validate", "--nope", "x"]])
def test_usage_errors_exit_2(folder: Path, capsys: pytest.CaptureFixture[str],
                             argv: list[str]) -> None:
    code, lines, err = run(capsys, *argv)
    assert code == 2
    assert lines == [] and "usage:" in err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = run(capsys, "validate", "--help")
    assert code == 0 and any("--srcdir" in line for line in lines)


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["schema"])
    out = capsys.readouterr().out
    assert code == 0
    assert json.loads(out) == json_schema()
    assert out.startswith('{\n  "$schema"')


def test_unexpected_error_is_a_problem_not_a_traceback(
        folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr("sphinxext_casestudies.cli.main.load_files", boom)
    code, lines, err = run(capsys, "validate", "good.yaml")
    assert code == 1
    assert lines == ["sphinxext-casestudies: internal error, please report: "
                     "RuntimeError('bug') [data]"]
    assert "Traceback" not in err


def test_hostile_inputs_never_print_a_traceback(folder: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    inputs = {
        "binary.yaml": b"\x00\xff\xfe\x00garbage",
        "deep.yaml": b"[" * 100_000,
        "tag.yaml": b"!!python/object/apply:os.system [echo]\n",
        "bom16.yaml": "- id: a".encode("utf-16"),
        "nul.yaml": b"- id: a\n  name: \x00\n",
    }
    for name, data in inputs.items():
        (folder / name).write_bytes(data)
    code, lines, err = run(capsys, "validate", *inputs)
    assert code == 1
    assert len(lines) == len(inputs) and err == ""
    subtypes = {line.split(":", 1)[0]: line.rsplit("[", 1)[1] for line in lines}
    assert subtypes == {"binary.yaml": "data]", "deep.yaml": "limit]", "tag.yaml": "data]",
                        "bom16.yaml": "data]", "nul.yaml": "data]"}


def test_subprocess_run() -> None:
    """The real command line, as CI and pre-commit call it."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    fixtures = REPO / "tests" / "fixtures" / "data"
    result = subprocess.run(
        [sys.executable, "-m", "sphinxext_casestudies", "validate", "--srcdir", str(fixtures),
         str(fixtures / "valid" / "*.yaml"), str(fixtures / "invalid" / "kind_enum.yaml")],
        capture_output=True, text=True, env=env, timeout=60, check=False)
    assert result.returncode == 1
    assert result.stdout == (f"{fixtures / 'invalid' / 'kind_enum.yaml'}:4: kind: 'casestudy' "
                             "is not one of case-study, article, talk, video (did you mean "
                             "'case-study'?) [schema]\n")
    assert result.stderr == ""


def test_validate_imports_neither_sphinx_nor_docutils() -> None:
    code = ("import sys; from sphinxext_casestudies.cli.main import main; "
            "rc = main(['validate', sys.argv[1]]); "
            "print([m for m in sys.modules if m.split('.')[0] in ('sphinx', 'docutils')]); "
            "sys.exit(rc)")
    fixture = REPO / "tests" / "fixtures" / "data" / "valid" / "minimal.yaml"
    result = subprocess.run([sys.executable, "-c", code, str(fixture)], capture_output=True,
                            text=True, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=60,
                            check=False)
    assert (result.returncode, result.stdout, result.stderr) == (
        0, "1 data file, 1 entry: no problems found\n[]\n", "")
