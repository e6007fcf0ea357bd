"""How long `coach --version` and `coach lint one.py` take from a cold process (start-up cost).

Runs the installed `coach` entry point (what a user, an editor or pre-commit starts), several
times each, and reports the median wall time next to the targets (0.05 s and 0.12 s) and, for
reference, a bare `python -c pass`.

    .venv/bin/python benchmarks/startup.py [--runs 15] [--json]
"""

from __future__ import annotations

import argparse
import json
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


def _median(cmd: list[str], cwd: Path, runs: int) -> float:
    subprocess.run(cmd, cwd=cwd, capture_output=True)  # warm the file cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "one.py").write_text(ONE)
        rows = {
            "python -c pass": _median([sys.executable, "-c", "pass"], work, args.runs),
            "coach --version": _median([str(COACH), "--version"], work, args.runs),
            "coach lint one.py": _median([str(COACH), "lint", "one.py"], work, args.runs),
        }
    if args.json:
        print(json.dumps({k: round(v, 4) for k, v in rows.items()}, indent=2))
        return 0
    for name, seconds in rows.items():
        target = TARGETS.get(name)
        verdict = "" if target is None else ("  ok" if seconds <= target else "  OVER")
        limit = f" (target ≤ {target:.2f} s)" if target else ""
        print(f"{name:<20} {seconds:.3f} s median of {args.runs}{limit}{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
