"""The wheel carries the rule catalog and prompts: `coach rules` works from a fresh install."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    (wheel,) = out.glob("mlcoach-*.whl")
    return wheel


def test_wheel_contains_rules_and_prompts(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    rules = [n for n in names if n.startswith("coach/_data/rules/") and n.endswith(".toml")]
    repo_rules = sorted(p.name for p in (ROOT / "rules").glob("*.toml"))
    assert sorted(Path(n).name for n in rules) == repo_rules
    assert any(n.startswith("coach/_data/prompts/") for n in names)


def test_installed_wheel_runs_coach_rules_outside_the_repo(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "fresh-venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    fresh_python = env_dir / "bin" / "python"
    # Install only the wheel (no network). Its dependencies are borrowed from the test
    # environment through a .pth file, so the check stays fast and offline; the package
    # itself and its data come from the wheel alone.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(fresh_python),
            "install",
            "--no-deps",
            "--no-index",
            "-q",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    site = subprocess.run(
        [str(fresh_python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (Path(site) / "borrowed_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    clean_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    result = subprocess.run(
        [str(env_dir / "bin" / "coach"), "rules"],
        cwd=outside,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "LEAK001" in result.stdout and "preprocessing-before-split" in result.stdout
    where = subprocess.run(
        [str(fresh_python), "-c", "from coach.resources import rules_dir; print(rules_dir())"],
        cwd=outside,
        env=clean_env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(env_dir)), where


def _metadata(wheel: Path) -> str:
    archive = zipfile.ZipFile(wheel)
    name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
    return archive.read(name).decode()


def test_wheel_is_mlcoach_with_licence_urls_and_extras(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    metadata = _metadata(wheel)
    assert "Name: mlcoach\n" in metadata
    assert "License-Expression: MIT" in metadata
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    licence = next(n for n in names if n.endswith("/LICENSE"))
    assert "MIT License" in zipfile.ZipFile(wheel).read(licence).decode()
    assert "Project-URL: Repository, https://" in metadata
    for extra in ("data", "llm", "all"):
        assert f"Provides-Extra: {extra}" in metadata
    requires = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    base = [r for r in requires if "extra ==" not in r]
    heavy = ("scikit-learn", "pandas", "pyarrow", "litellm", "openai", "tiktoken")
    assert not [r for r in base if any(h in r for h in heavy)], base
    assert all(any(op in r for op in (">=", "==")) for r in requires if "mlcoach[" not in r)


def _names(lines: list[str]) -> set[str]:
    import re

    return {
        re.split(r"[<>=!\[; ]", line.strip(), maxsplit=1)[0].lower()
        for line in lines
        if line.strip() and not line.strip().startswith(("#", "-"))
    }


def test_lock_input_names_the_packages_pyproject_declares() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = _names(project["dependencies"])
    for extra, reqs in project["optional-dependencies"].items():
        if extra != "all":
            declared |= _names(reqs)
    locked_inputs = _names((ROOT / "requirements" / "main.in").read_text().splitlines())
    assert declared == locked_inputs
    lock = (ROOT / "requirements" / "main.txt").read_text()
    assert "litellm==1.82.7" not in lock and "litellm==1.82.8" not in lock
    assert "GHSA-" in lock.split("autogenerated")[0]  # the pin's reasoning heads the lock


def _base_site(target: Path) -> Path:
    """A folder holding only the base install's packages (and what they need), linked from this
    environment: what `pip install mlcoach` without extras gives, built offline."""
    from importlib import metadata

    from packaging.requirements import Requirement

    wanted = [Requirement(r) for r in metadata.requires("mlcoach") or []]
    todo = [r for r in wanted if r.marker is None or r.marker.evaluate({"extra": ""})]
    seen: set[str] = set()
    target.mkdir()
    while todo:
        req = todo.pop()
        name = req.name.lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        dist = metadata.distribution(req.name)
        for sub in dist.requires or []:
            sub_req = Requirement(sub)
            if sub_req.marker is None or sub_req.marker.evaluate({"extra": ""}):
                todo.append(sub_req)
        site = Path(dist.locate_file(""))
        tops = {Path(str(f)).parts[0] for f in dist.files or []}
        for top in tops:
            if top.endswith(".dist-info") or not top.startswith(".."):
                source = site / top
                if source.exists() and not (target / top).exists() and top != "__pycache__":
                    (target / top).symlink_to(source)
    return target


def test_base_install_lints_and_names_the_extra_a_command_needs(wheel, tmp_path) -> None:
    env_dir = tmp_path / "base-venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "-q",
            "--no-index",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (Path(site) / "base_deps.pth").write_text(str(_base_site(tmp_path / "base-site")) + "\n")
    work = tmp_path / "work"
    work.mkdir()
    (work / "train.py").write_text(
        "from sklearn.preprocessing import StandardScaler\n"
        "from sklearn.model_selection import train_test_split\n"
        "X = StandardScaler().fit_transform(X)\n"
        "X_train, X_test, y_train, y_test = train_test_split(X, y)\n"
    )
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, "COACH_DB": "c.db"}
    coach = str(env_dir / "bin" / "coach")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [coach, *args], cwd=work, env=env, capture_output=True, text=True, timeout=120
        )

    missing = subprocess.run(
        [str(python), "-c", "import sklearn"], capture_output=True, text=True, env=env
    )
    assert missing.returncode != 0  # the extras really are absent
    lint = run("lint", "train.py", "--format", "json")
    assert lint.returncode == 1, lint.stderr
    assert "LEAK001" in lint.stdout
    assert run("rules").returncode == 0
    asked = run("ask", "--no-llm", "2% of rows are fraud and my model gets 98% accuracy")
    assert asked.returncode == 0, asked.stderr
    assert "IMB001" in asked.stdout
    data = run("check-data", "d.csv", "--target", "y")
    assert data.returncode == 2
    assert "needs the [data] extra" in data.stderr and "mlcoach[data]" in data.stderr
    assert "Traceback" not in data.stderr
    (work / "d.csv").write_text("a,y\n1,0\n2,1\n")
    ask_data = run("ask", "--no-llm", "--data", "d.csv", "--target", "y", "is my data ok?")
    assert "[data] extra" in ask_data.stderr + ask_data.stdout, ask_data.stderr
    assert "Traceback" not in ask_data.stderr
    env["COACH_MODEL"] = "openai/gpt-4o-mini"
    env["COACH_API_KEY"] = "sk-test-000000000000"
    env["COACH_API_BASE"] = "http://127.0.0.1:9/v1"
    draft = run("ask", "--brainstorm", "feature ideas for churn?")
    assert "[llm] extra" in draft.stderr + draft.stdout, draft.stderr + draft.stdout
    assert "Traceback" not in draft.stderr
