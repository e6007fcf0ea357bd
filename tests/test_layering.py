"""Coach's own packages import downwards only (a contract, checked over the AST of every file).

Layers, bottom to top:
  0  models, registry, cancel, resources, extras, coach  (shared vocabulary; version)
  1  catalog                              (the rule catalog, validated into models)
  2  lint, router, data, suggestions      (detectors: input in, findings out; -> suggestions)
  3  llm, store                           (the outside world: model providers, the SQLite log)
  4  ask, export, service, plan           (orchestration over detectors, LLM and log; the plan
                                          a session builds from their results)
  5  cli, tui                             (adapters people use)
  6  __main__                             (`python -m coach`)
A module may import its own package and any lower layer. Imports between packages of the same
layer, or upwards, fail here unless listed in ALLOWED with the reason. Imports under
`if TYPE_CHECKING:` count too: a type is a dependency a reader has to follow.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "coach"

LAYERS: dict[str, int] = {
    "coach": 0,  # coach/__init__.py: the version
    "models": 0,
    "registry": 0,
    "cancel": 0,
    "resources": 0,
    "extras": 0,  # which optional extra brings which library (standard library only)
    "sanitize": 0,  # pure text: strips terminal escapes from untrusted text
    "catalog": 1,
    "lint": 2,
    "router": 2,
    "data": 2,
    "suggestions": 2,  # findings -> suggestions: any detector's output, the catalog's words
    "llm": 3,
    "store": 3,
    "ask": 4,
    "export": 4,
    "service": 4,
    "plan": 4,
    "cli": 5,
    "tui": 5,
    "__main__": 6,
}
# (importer file, imported package): why the exception is acceptable.
ALLOWED: dict[tuple[str, str], str] = {
    # The router merges lint and data reports a caller attached; it reads them duck-typed and
    # names their types only for the type checker.
    ("coach/router/route.py", "lint"): "type-only: LintReport of attached context",
    ("coach/router/route.py", "data"): "type-only: DataReport of attached context",
    # `coach` with no command starts the app.
    ("coach/cli/app_cmd.py", "tui"): "the CLI entry point launches the Textual app",
}


def _package_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "coach":
        return None
    return parts[1] if len(parts) > 1 else "coach"


def _imports(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node.lineno))
    return found


def _violations() -> list[str]:
    bad: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        parts = [p for p in path.relative_to(ROOT).with_suffix("").parts if p != "__init__"]
        own = _package_of(".".join(parts))
        assert own in LAYERS, f"{rel}: package {own!r} has no layer in LAYERS"
        for module, line in _imports(path):
            other = _package_of(module)
            if other is None or other == own:
                continue
            assert other in LAYERS, f"{rel}:{line}: imports {module}, whose package has no layer"
            if LAYERS[other] < LAYERS[own] or (rel, other) in ALLOWED:
                continue
            bad.append(f"{rel}:{line} imports {module} (layer {LAYERS[own]} -> {LAYERS[other]})")
    return bad


def test_packages_import_only_downwards() -> None:
    assert _violations() == []


def test_every_allowed_exception_is_still_needed() -> None:
    """An exception nobody uses any more is removed, so the list stays the truth."""
    used = set()
    for rel, other in ALLOWED:
        imports = {_package_of(m) for m, _ in _imports(ROOT / rel)}
        if other in imports:
            used.add((rel, other))
    assert used == set(ALLOWED)


def test_the_contract_catches_a_wrong_way_import(tmp_path, monkeypatch) -> None:
    """The walker sees an upward import (the kind the transcript recorder once made)."""
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from coach.cli.main import main\n", encoding="utf-8")
    assert [m for m, _ in _imports(sample)] == ["coach.cli.main"]
    assert LAYERS[_package_of("coach.cli.main")] > LAYERS["router"]
