"""How long `coach --version` and `coach lint one.py` take from a cold process (start-up cost).

Runs the installed `coach` entry point (what a user, an editor or pre-commit starts), several
times each, and reports the median wall time and the median CPU time (user + system: what the
process itself costs, less distorted when other work shares the cores) next to the targets
(0.05 s and 0.12 s) and, for reference, a bare `python -c pass`. Coach's modules are compiled to
bytecode first, as an installed wheel's are (a checkout run with PYTHONDONTWRITEBYTECODE=1 would
otherwise recompile them on every start).

    .venv/bin/python benchmarks/startup.py [--runs 15] [--json]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COACH = Path(sys.executable).parent / "coach"
TARGETS = {"coach --version": 0.05, "coach lint one.py": 0.12}
ONE = """\
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

df = pd.read_csv("data.csv")
X = StandardScaler().fit_transform(df.drop(columns=["y"]))
X_train, X_test, y_train, y_test = train_test_split(X, df["y"], random_state=0)
"""


def _median(cmd: list[str], cwd: Path, runs: int) -> tuple[float, float]:
    """(median wall seconds, median CPU seconds of the child) over `runs` starts."""
    subprocess.run(cmd, cwd=cwd, capture_output=True)  # warm the file cache
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, capture_output=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "coach", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "one.py").write_text(ONE)
        rows = {
            "python -c pass": _median([sys.executable, "-c", "pass"], work, args.runs),
            "coach --version": _median([str(COACH), "--version"], work, args.runs),
            "coach lint one.py": _median([str(COACH), "lint", "one.py"], work, args.runs),
        }
    if args.json:
        out = {k: {"wall": round(w, 4), "cpu": round(c, 4)} for k, (w, c) in rows.items()}
        print(json.dumps(out, indent=2))
        return 0
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; median of {args.runs}")
    for name, (wall, cpu) in rows.items():
        target = TARGETS.get(name)
        verdict = "" if target is None else ("  ok" if wall <= target else "  OVER")
        limit = f"  (target ≤ {target:.2f} s)" if target else ""
        print(f"{name:<20} wall {wall:.3f} s  cpu {cpu:.3f} s{limit}{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
