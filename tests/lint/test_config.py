"""Rule selection and settings: prefixes, [tool.coach.lint], CLI precedence, --show-settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture
def project(kit, tmp_path: Path) -> Path:
    kit.write(tmp_path / "src" / "train.py", kit.LEAKY_SCRIPT)
    return tmp_path


def _rules(result) -> list[str]:
    return sorted({f["rule"] for f in result.json()["findings"]})


def _config(root: Path, body: str) -> Path:
    path = root / "pyproject.toml"
    path.write_text(f'[project]\nname = "x"\n\n[tool.coach.lint]\n{body}\n', encoding="utf-8")
    return path


@pytest.mark.parametrize("selector", ["LEAK001", "LEAK00", "LEAK", "leak001", "ALL"])
def test_select_by_code_or_prefix(lint, project: Path, selector: str) -> None:
    result = lint("--format", "json", "--select", selector)
    assert "LEAK001" in _rules(result)
    assert all(rule.startswith(selector.upper()) or selector == "ALL" for rule in _rules(result))


@pytest.mark.parametrize("selector", ["LEAK001", "LEAK00", "LEAK"])
def test_ignore_by_code_or_prefix(lint, project: Path, selector: str) -> None:
    result = lint("--format", "json", "--ignore", selector)
    assert "LEAK001" not in _rules(result)


def test_config_file_is_used_and_cli_overrides_it(lint, project: Path) -> None:
    _config(project, 'ignore = ["LEAK"]')
    assert "LEAK001" not in _rules(lint("--format", "json"))
    # --select on the command line starts afresh: the config's ignore no longer applies.
    assert "LEAK001" in _rules(lint("--format", "json", "--select", "LEAK001"))
    # --isolated ignores the file altogether.
    assert "LEAK001" in _rules(lint("--format", "json", "--isolated"))


def test_more_specific_selector_wins(lint, project: Path) -> None:
    _config(project, 'select = ["LEAK001"]\nignore = ["LEAK"]')
    assert _rules(lint("--format", "json")) == ["LEAK001"]
    _config(project, 'select = ["LEAK"]\nignore = ["LEAK001"]')
    assert "LEAK001" not in _rules(lint("--format", "json"))


def test_cli_ignore_adds_to_config_select(lint, project: Path) -> None:
    _config(project, 'select = ["LEAK001"]')
    assert _rules(lint("--format", "json")) == ["LEAK001"]
    assert _rules(lint("--format", "json", "--ignore", "LEAK001")) == []


def test_nearest_pyproject_is_found_from_a_subfolder(lint, project: Path, monkeypatch) -> None:
    _config(project, 'ignore = ["LEAK001"]')
    monkeypatch.chdir(project / "src")
    assert "LEAK001" not in _rules(lint("--format", "json", "train.py"))


def test_exclude_and_per_file_ignores_from_config(kit, lint, project: Path) -> None:
    kit.write(project / "notebooks" / "scratch.py", kit.LEAKY_SCRIPT)
    kit.write(project / "tests" / "test_model.py", kit.LEAKY_SCRIPT)
    _config(project, 'exclude = ["notebooks/"]\nper-file-ignores = { "tests/*" = ["LEAK001"] }')
    result = lint("--format", "json")
    assert sorted(f["path"] for f in result.json()["files"]) == [
        "src/train.py",
        "tests/test_model.py",
    ]
    assert {f["path"] for f in result.json()["findings"]} == {"src/train.py"}


def test_show_settings_says_where_values_come_from(lint, project: Path) -> None:
    _config(project, 'select = ["LEAK", "IMB"]\nexclude = ["build/"]\nmax-file-size = "1MB"')
    result = lint("--show-settings", "--ignore", "LEAK005")
    assert result.code == 0
    lines = result.out.splitlines()
    assert f"  config file:  {project / 'pyproject.toml'}" in lines
    select = next(line for line in lines if line.strip().startswith("select"))
    assert "LEAK, IMB" in select and select.endswith("from pyproject.toml")
    ignore = next(line for line in lines if line.strip().startswith("ignore"))
    assert "LEAK005" in ignore and ignore.endswith("from command line")
    size = next(line for line in lines if line.strip().startswith("max-file-size"))
    assert "1000000 bytes" in size and size.endswith("from pyproject.toml")
    enabled = next(line for line in lines if "enabled rules" in line)
    assert "LEAK001" in enabled and "LEAK005" not in enabled
    data = json.loads(lint("--show-settings", "--format", "json").out)
    assert data["select"] == ["LEAK", "IMB"] and data["origins"]["select"] == "pyproject.toml"


def test_unknown_selector_is_a_usage_error_with_a_suggestion(lint, project: Path) -> None:
    result = lint("--select", "LEAK01X")
    assert result.code == 2
    assert result.err.startswith("coach: error: --select: ")
    result = lint("--select", "LAEK001")
    assert result.code == 2
    assert "unknown rule selector 'LAEK001'. Did you mean LEAK001" in result.err


def test_bad_config_is_reported_with_file_and_key(lint, project: Path) -> None:
    path = _config(project, 'selct = ["LEAK"]')
    result = lint()
    assert result.code == 2
    assert f"{path}: [tool.coach.lint] unknown key 'selct' (did you mean 'select'?)" in result.err
    _config(project, "max-file-size = true")
    assert "max-file-size: expected a size" in lint().err
    _config(project, 'ignore = ["NOPE999"]')
    assert "unknown rule selector 'NOPE999'" in lint().err
    (project / "pyproject.toml").write_text("[tool.coach.lint\nselect=", encoding="utf-8")
    # A broken pyproject without our table is not ours to use: defaults apply.
    assert lint("--format", "json").code == 1
