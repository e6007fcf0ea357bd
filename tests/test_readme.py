"""The README's claims that can drift: the command table, flags, names, hooks and scripts it cites."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from coach.cli import main as cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(f"## {title}")
    end = README.find("\n## ", start + 3)
    return README[start : end if end != -1 else None]


def test_commands_table_is_one_table_naming_real_commands() -> None:
    section = _section("Commands")
    rows = [line for line in section.splitlines() if line.startswith("|")]
    first = section.index(rows[0])
    last = section.index(rows[-1]) + len(rows[-1])
    assert "\n\n" not in section[first:last], "a blank line splits the table"
    named = {
        re.match(r"\| `coach ([a-z-]+)", r).group(1)
        for r in rows
        if re.match(r"\| `coach [a-z]", r)
    }
    assert named - {"PATH"} <= set(cli.COMMANDS)
    assert set(cli.COMMANDS) - {"check-data", "baseline", "ask"} <= named | {"rule", "review"}


def test_lint_flags_the_readme_names_exist() -> None:
    parser = cli.build_parser("lint")
    lint = next(a for a in parser._actions if a.dest == "command").choices["lint"]
    known = {flag for action in lint._actions for flag in action.option_strings}
    mentioned = set(re.findall(r"coach lint[^`\n]*", README))
    flags = {f for text in mentioned for f in re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", text)}
    assert flags <= known, flags - known


def test_install_name_hook_and_action_match_the_project() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert f"pipx install {project['name']}" in README
    assert set(project["optional-dependencies"]) <= set(re.findall(r"\[(data|llm|all)\]", README))
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text()
    hook_id = re.search(r"- id: (\S+)", hooks).group(1)
    assert f"id: {hook_id}" in README
    assert "action.yml" in README and (ROOT / "action.yml").is_file()


def test_every_benchmark_script_the_readme_cites_exists() -> None:
    scripts = set(re.findall(r"benchmarks/[\w/]+\.py", README))
    assert scripts
    missing = [s for s in scripts if not (ROOT / s).is_file()]
    assert not missing
