"""`coach lint` behaves like the linters it sits next to (ruff): exit codes for unparsable files,
1-based columns everywhere, configuration resolved per file, standard input, -q/-s."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest


def _findings(result) -> list[tuple[str, str, int, int]]:
    return sorted((f["rule"], f["path"], f["line"], f["column"]) for f in result.json()["findings"])


# --------------------------------------------------------------------------- exit codes


@pytest.mark.parametrize(
    ("name", "text"),
    [("old.py", "print 'hello'\n"), ("broken.ipynb", '{"cells": [ {"cell_type": "code", ')],
)
def test_an_unparsable_file_fails_the_run_unless_opted_out(
    kit, lint, tmp_path: Path, name: str, text: str
) -> None:
    kit.write(tmp_path / name, text)
    kit.write(tmp_path / "clean.py", kit.CLEAN_SCRIPT)
    assert lint().code == 1
    assert lint("--format", "json").code == 1
    assert lint("--ignore-unparsable").code == 0
    assert lint("--exit-zero").code == 0
    # Still reported when it does not fail the run.
    assert name in lint("--ignore-unparsable").out


def test_json_columns_are_one_based_like_text_and_sarif(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "train.py", kit.LEAKY_SCRIPT)
    finding = lint("--format", "json", "--select", "LEAK001").json()["findings"][0]
    text = lint("--select", "LEAK001").out
    sarif = lint("--format", "sarif", "--select", "LEAK001").json()
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert finding["column"] == 1  # `X = StandardScaler()...` starts the line
    assert f"train.py:{kit.LEAK_LINE}:{finding['column']}" in text
    assert region["startColumn"] == finding["column"]
    assert all(r["column"] >= 1 for r in finding["related"] if r["line"] is not None)


# --------------------------------------------------------------------------- configuration


@pytest.fixture
def nested(kit, tmp_path: Path) -> Path:
    """a.py under a root config that switches LEAK001 off; sub/b.py under its own coach.toml
    that keeps every rule: each file must get its own, whatever the argument order."""
    kit.write(tmp_path / "pyproject.toml", '[tool.coach.lint]\nignore = ["LEAK001"]\n')
    kit.write(tmp_path / "a.py", kit.LEAKY_SCRIPT)
    kit.write(tmp_path / "sub" / "coach.toml", '[lint]\nselect = ["LEAK001"]\n')
    kit.write(tmp_path / "sub" / "b.py", kit.LEAKY_SCRIPT)
    return tmp_path


def test_config_is_resolved_per_file_whatever_the_argument_order(lint, nested: Path) -> None:
    forward = lint("--format", "json", "a.py", "sub/b.py")
    backward = lint("--format", "json", "sub/b.py", "a.py")
    assert _findings(forward) == _findings(backward)
    assert forward.code == backward.code == 1
    rules = {(rule, path) for rule, path, _, _ in _findings(forward)}
    assert ("LEAK001", "sub/b.py") in rules  # sub/coach.toml selects it
    assert ("LEAK001", "a.py") not in rules  # the root pyproject ignores it
    assert {rule for rule, path in rules if path == "sub/b.py"} == {"LEAK001"}
    # A folder argument gives the same per-file answer.
    assert _findings(lint("--format", "json", ".")) == _findings(forward)


def test_dot_coach_toml_wins_over_coach_toml_and_pyproject(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "train.py", kit.LEAKY_SCRIPT)
    kit.write(tmp_path / "pyproject.toml", '[tool.coach.lint]\nselect = ["IMB"]\n')
    kit.write(tmp_path / "coach.toml", '[lint]\nselect = ["BASE"]\n')
    kit.write(tmp_path / ".coach.toml", '[lint]\nselect = ["LEAK001"]\n')
    assert {f[0] for f in _findings(lint("--format", "json"))} == {"LEAK001"}
    settings = lint("--show-settings", "--format", "json").json()
    assert settings["config_file"].endswith(".coach.toml")


def test_config_and_isolated_apply_one_configuration_to_every_file(lint, nested: Path) -> None:
    isolated = lint("--format", "json", "--isolated", "a.py", "sub/b.py")
    assert {("LEAK001", "a.py"), ("LEAK001", "sub/b.py")} <= {
        (r, p) for r, p, _, _ in _findings(isolated)
    }
    fixed = lint("--format", "json", "--config", "pyproject.toml", "sub/b.py", "a.py")
    assert not [f for f in _findings(fixed) if f[0] == "LEAK001"]


def test_coach_toml_typo_is_a_usage_error_naming_file_and_key(kit, lint, tmp_path) -> None:
    kit.write(tmp_path / "train.py", kit.LEAKY_SCRIPT)
    kit.write(tmp_path / "coach.toml", '[lint]\nselct = ["LEAK"]\n')
    result = lint()
    assert result.code == 2
    assert "coach.toml: [lint] unknown key 'selct'" in result.err


def test_nested_exclude_applies_to_files_found_by_walking(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "train.py", kit.LEAKY_SCRIPT)
    kit.write(tmp_path / "sub" / ".coach.toml", '[lint]\nexclude = ["scratch.py"]\n')
    kit.write(tmp_path / "sub" / "scratch.py", kit.LEAKY_SCRIPT)
    kit.write(tmp_path / "sub" / "kept.py", kit.LEAKY_SCRIPT)
    paths = {f["path"] for f in lint("--format", "json", ".").json()["files"]}
    assert paths == {"train.py", "sub/kept.py"}


# --------------------------------------------------------------------------- stdin, -q, -s


def _stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_lint_from_stdin_reports_under_the_given_name(kit, lint, monkeypatch, nested) -> None:
    _stdin(monkeypatch, (nested / "a.py").read_text())
    result = lint("-", "--stdin-filename", "sub/editor.py", "--format", "json")
    assert result.code == 1
    assert {(r, p) for r, p, _, _ in _findings(result)} == {("LEAK001", "sub/editor.py")}
    # The settings are those of the named file's folder: the root config ignores LEAK001.
    _stdin(monkeypatch, (nested / "a.py").read_text())
    assert lint("-", "--stdin-filename", "editor.py").code in (0, 1)
    _stdin(monkeypatch, (nested / "a.py").read_text())
    root = lint("-", "--stdin-filename", "editor.py", "--format", "json")
    assert "LEAK001" not in {r for r, _, _, _ in _findings(root)}


def test_stdin_notebook_and_syntax_error(kit, lint, monkeypatch, tmp_path: Path) -> None:
    _stdin(monkeypatch, kit.notebook(("markdown", "# t"), ("code", kit.LEAKY_SCRIPT)))
    result = lint("-", "--stdin-filename", "nb.ipynb", "--format", "json")
    leak = next(f for f in result.json()["findings"] if f["rule"] == "LEAK001")
    assert (leak["path"], leak["cell"], leak["line"]) == ("nb.ipynb", 2, kit.LEAK_LINE)
    _stdin(monkeypatch, "def f(:\n")
    broken = lint("-", "--stdin-filename", "x.py")
    assert broken.code == 1
    assert "x.py: syntax-error" in broken.out


def test_quiet_prints_findings_only_and_silent_prints_nothing(kit, lint, tmp_path) -> None:
    kit.write(tmp_path / "train.py", kit.LEAKY_SCRIPT)
    full = lint()
    quiet = lint("-q")
    silent = lint("--silent")
    assert full.code == quiet.code == silent.code == 1
    assert "Checked 1 file" in full.out and "Checked 1 file" not in quiet.out + quiet.err
    assert "error[LEAK001]" in quiet.out
    assert silent.out == "" and silent.err == ""
    json_quiet = lint("-q", "--output-format", "json")
    assert json_quiet.json()["findings"] and json_quiet.err == ""


def test_output_file_and_format_alias(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "train.py", kit.LEAKY_SCRIPT)
    result = lint("--output-format", "json", "--output-file", "report.json")
    assert result.code == 1 and result.out == ""
    assert '"LEAK001"' in (tmp_path / "report.json").read_text()


# --------------------------------------------------------------------------- SARIF, GitLab, JUnit


def _notebook_with_leak(kit, tmp_path: Path) -> Path:
    """A pretty-printed notebook (as Jupyter writes it): markdown, a helper cell, the leaky code."""
    text = kit.notebook(
        ("markdown", "# Fraud"), ("code", "import os\n"), ("code", kit.LEAKY_SCRIPT)
    )
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps(json.loads(text), indent=1, ensure_ascii=False), encoding="utf-8")
    return path


def test_sarif_places_notebook_findings_on_the_json_line_with_the_code(
    kit, lint, tmp_path: Path
) -> None:
    path = _notebook_with_leak(kit, tmp_path)
    file_lines = path.read_text(encoding="utf-8").splitlines()
    sarif = lint("--format", "sarif", "nb.ipynb").json()  # validated against the schema too
    results = sarif["runs"][0]["results"]
    leak = next(r for r in results if r["ruleId"] == "LEAK001")
    location = leak["locations"][0]
    region = location["physicalLocation"]["region"]
    code = "X = StandardScaler().fit_transform(X)"
    assert code in file_lines[region["startLine"] - 1]
    # The column points at the code inside the JSON string, not at the quote.
    assert file_lines[region["startLine"] - 1][region["startColumn"] - 1 :].startswith(code)
    assert location["properties"] == {"cell": 3, "cellLine": kit.LEAK_LINE}
    assert leak["message"]["text"].startswith(f"cell 3, line {kit.LEAK_LINE}: ")
    for related in leak.get("relatedLocations", []):
        line = related["physicalLocation"]["region"]["startLine"]
        assert file_lines[line - 1].strip().startswith('"')  # a source line, not `{` or `]`
    # Every rule has a help URI.
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert rules and all(r["helpUri"].startswith("https://") for r in rules)


def test_sarif_for_a_compact_notebook_still_lands_on_its_line(kit, lint, tmp_path) -> None:
    # One-line JSON (as some tools write): every cell is on line 1; the column finds the code.
    (tmp_path / "nb.ipynb").write_text(
        kit.notebook(("code", kit.LEAKY_SCRIPT)).replace("\n ", " "), encoding="utf-8"
    )
    sarif = lint("--format", "sarif", "nb.ipynb").json()
    leak = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "LEAK001")
    region = leak["locations"][0]["physicalLocation"]["region"]
    text = (tmp_path / "nb.ipynb").read_text().splitlines()[region["startLine"] - 1]
    assert text[region["startColumn"] - 1 :].startswith("X = StandardScaler()")


def test_sarif_with_unparsable_files_and_unicode_validates(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "dir ü" / "train.py", "# café\n" + kit.LEAKY_SCRIPT)
    kit.write(tmp_path / "bad.py", "def f(:\n")
    result = lint("--output-format", "sarif", ".")
    assert result.code == 1
    notes = result.json()["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any("syntax-error" in n["message"]["text"] for n in notes)


def test_gitlab_code_quality_report(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "train.py", kit.LEAKY_SCRIPT)
    path = _notebook_with_leak(kit, tmp_path)
    issues = lint("--output-format", "gitlab").json()
    assert issues and len({i["fingerprint"] for i in issues}) == len(issues)
    script = next(
        i for i in issues if i["check_name"] == "LEAK001" and i["location"]["path"] == "train.py"
    )
    assert script["location"]["lines"]["begin"] == kit.LEAK_LINE
    assert script["severity"] == "critical"
    notebook = next(
        i for i in issues if i["check_name"] == "LEAK001" and i["location"]["path"] == "nb.ipynb"
    )
    line = path.read_text().splitlines()[notebook["location"]["lines"]["begin"] - 1]
    assert "StandardScaler().fit_transform" in line


def test_junit_report_counts_findings_and_unparsable_files(kit, lint, tmp_path: Path) -> None:
    from xml.etree import ElementTree as ET

    kit.write(tmp_path / "train.py", kit.LEAKY_SCRIPT)
    kit.write(tmp_path / "bad.py", "def f(:\n")
    result = lint("--output-format", "junit")
    root = ET.fromstring(result.out)
    findings = len(lint("--format", "json").json()["findings"])
    assert root.tag == "testsuites"
    assert int(root.get("failures")) == findings and int(root.get("errors")) == 1
    cases = root.findall(".//testcase")
    assert any(c.get("classname") == "LEAK001" and "train.py:10" in c.get("name") for c in cases)
    clean = tmp_path / "clean"
    kit.write(clean / "ok.py", kit.CLEAN_SCRIPT)
    passing = ET.fromstring(lint("--output-format", "junit", "clean").out)
    assert passing.get("failures") == "0" and passing.findall(".//testcase")
