"""Import boundaries that keep Coach fast and easy to change.

- Only `coach/tui/` imports Textual.
- `coach.lint`, `coach.router`, `coach.catalog` and `coach.store` never import scikit-learn or
  litellm at import time, and only where listed below inside a function.
- Starting the app imports neither scikit-learn nor litellm (nor pandas: the log is opened in the
  background after the first paint).

Checked twice: statically, over the AST of every source file (so a lazy import inside a function
is caught too), and dynamically, in a fresh interpreter via `sys.modules`.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "coach"

HEAVY = ("sklearn", "litellm")
LIGHT_PACKAGES = ("coach/lint", "coach/router", "coach/catalog.py", "coach/store.py")
# Deliberate lazy imports inside functions of the light packages, with the reason.
# (None today: the related-rules TF-IDF is fitted in pure Python, issue 12.)
ALLOWED_LAZY: set[tuple[str, str]] = set()


def _sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _imports(path: Path) -> list[tuple[str, int, bool]]:
    """(top-level module name, line, at module level?) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(
                child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
            )
            if isinstance(child, ast.Import):
                for alias in child.names:
                    found.append((alias.name.split(".")[0], child.lineno, not in_function))
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                found.append((child.module.split(".")[0], child.lineno, not in_function))
            elif isinstance(child, ast.Call) and _dynamic_import(child):
                found.append((_dynamic_import(child), child.lineno, not in_function))
            visit(child, nested)

    visit(tree, False)
    return found


def _dynamic_import(call: ast.Call) -> str:
    """`importlib.import_module("x.y")` / `__import__("x")` with a literal name."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name not in ("import_module", "__import__") or not call.args:
        return ""
    arg = call.args[0]
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value.split(".")[0]
    return ""


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_the_ast_walker_sees_lazy_and_dynamic_imports(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os\n"
        "def f():\n"
        "    import textual.app\n"
        "    from sklearn.linear_model import Ridge\n"
        "    return importlib.import_module('litellm')\n"
    )
    assert _imports(sample) == [
        ("os", 1, True),
        ("textual", 3, False),
        ("sklearn", 4, False),
        ("litellm", 5, False),
    ]


def test_only_the_tui_package_imports_textual():
    offenders = [
        f"{_rel(path)}:{line}"
        for path in _sources()
        if not _rel(path).startswith("coach/tui/")
        for module, line, _ in _imports(path)
        if module == "textual"
    ]
    assert offenders == [], f"Textual imported outside coach/tui/: {offenders}"


def test_light_packages_do_not_import_scikit_learn_or_litellm():
    offenders = []
    for path in _sources():
        rel = _rel(path)
        if not any(rel == pkg or rel.startswith(pkg + "/") for pkg in LIGHT_PACKAGES):
            continue
        for module, line, top_level in _imports(path):
            if module not in HEAVY:
                continue
            if top_level or (rel, module) not in ALLOWED_LAZY:
                offenders.append(f"{rel}:{line} imports {module}")
    assert offenders == [], "\n".join(offenders)


def _fresh_interpreter(code: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_importing_the_light_packages_loads_no_heavy_module():
    code = """
import importlib, json, pkgutil, sys
import coach.lint, coach.router
names = ["coach.catalog", "coach.store"]
for package in (coach.lint, coach.router):
    names += [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
for name in names:
    importlib.import_module(name)
print(json.dumps({"modules": names,
                  "loaded": sorted(m for m in ("sklearn", "litellm", "textual") if m in sys.modules)}))
"""
    result = _fresh_interpreter(code)
    assert "coach.lint.runner" in result["modules"] and "coach.router.route" in result["modules"]
    assert result["loaded"] == []


def test_linting_the_example_project_loads_no_heavy_module():
    code = """
import json, sys
from coach.lint.config import resolve_settings
from coach.lint.runner import lint_paths
report = lint_paths(["examples"], resolve_settings(["examples"]), jobs=1)
print(json.dumps({"findings": len(report.findings),
                  "loaded": sorted(m for m in ("sklearn", "litellm", "textual") if m in sys.modules)}))
"""
    result = _fresh_interpreter(code)
    assert result["findings"] > 0
    assert result["loaded"] == []


@pytest.mark.parametrize(
    "entry",
    [
        # The CLI dispatcher (every `coach ...` command goes through it).
        "from coach.cli.main import build_parser; build_parser()",
        # The app's modules, up to building the first screen.
        "from coach.tui.app import CoachApp; from coach.tui.screens.session import SessionScreen;"
        " CoachApp(db_path=':memory:')",
    ],
)
def test_start_up_paths_do_not_load_heavy_modules(entry):
    code = f"""
import json, sys
{entry}
print(json.dumps({{"loaded": sorted(m for m in ("sklearn", "litellm", "pandas")
                                    if m in sys.modules),
                   "textual": "textual" in sys.modules}}))
"""
    result = _fresh_interpreter(code)
    assert result["loaded"] == []
    if "build_parser" in entry:
        assert result["textual"] is False  # `coach rules` and friends never pay for Textual
