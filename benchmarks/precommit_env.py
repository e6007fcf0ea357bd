"""Install Coach's pre-commit hook environment for real and measure its time and size.

Creates a scratch git repository whose .pre-commit-config.yaml points at this checkout (committed
state, the `rev` is HEAD), then times `pre-commit install-hooks` with an empty PRE_COMMIT_HOME —
which installs the `mlcoach` base package and its dependencies from PyPI, exactly as a user's
first `pre-commit run` does — and reports the size and package count of the environment it made.
Then runs the hook on a leaky script to show it works. Needs network (PyPI) and `pre-commit`
(a dev dependency). Targets: ≤ 20 s and ≤ 80 MB.

    .venv/bin/python benchmarks/precommit_env.py [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEAKY = """\
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

df = pd.read_csv("data.csv")
X = StandardScaler().fit_transform(df.drop(columns=["y"]))
X_train, X_test, y_train, y_test = train_test_split(X, df["y"], random_state=0)
"""


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which(
        "pre-commit"
    )
    if pre_commit is None:
        sys.exit("pre-commit is not installed (it is in requirements/dev.txt)")
    rev = _git("rev-parse", "HEAD", cwd=ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        repo, home = Path(tmp) / "repo", Path(tmp) / "pre-commit-home"
        repo.mkdir()
        _git("init", "-q", cwd=repo)
        (repo / ".pre-commit-config.yaml").write_text(
            f"repos:\n  - repo: {ROOT}\n    rev: {rev}\n    hooks:\n      - id: coach-lint\n"
        )
        (repo / "train.py").write_text(LEAKY)
        _git("add", ".", cwd=repo)
        env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([pre_commit, "install-hooks"], cwd=repo, env=env, check=True)
        seconds = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        envs = [p for p in home.glob("repo*/py_env-*") if p.is_dir()]
        size = sum(_size(p) for p in envs)
        site = next(envs[0].glob("lib/python*/site-packages"))
        packages = sorted(p.name.split("-")[0] for p in site.glob("*.dist-info"))
        hook = subprocess.run(
            [pre_commit, "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True
        )
    result = {
        "install_seconds": round(seconds, 1),
        "install_cpu_seconds": round(cpu, 1),
        "load_average": round(os.getloadavg()[0], 1),
        "env_megabytes": round(size / 1e6, 1),
        "packages": len(packages),
        "hook_exit_code": hook.returncode,
        "hook_found_leak001": "LEAK001" in hook.stdout,
    }
    if args.json:
        print(json.dumps({**result, "package_names": packages}, indent=2))
    else:
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"pre-commit hook environment: {seconds:.1f} s wall, {cpu:.1f} s CPU ", end="")
        print("(target ≤ 20 s), ", end="")
        print(f"{size / 1e6:.1f} MB (target ≤ 80 MB), {len(packages)} packages")
        print(f"  {' '.join(packages)}")
        print(
            f"hook on a leaky script: exit {hook.returncode}, LEAK001 found: {result['hook_found_leak001']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
