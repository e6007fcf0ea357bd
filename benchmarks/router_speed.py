"""Speed of the question router: in-process routing and `coach ask --no-llm` end to end.

    .venv/bin/python benchmarks/router_speed.py [--runs N]

1. Routing in process (facts + rule predicates; no LLM, no repo/data context), over every
   question of tests/router/questions.jsonl, after one warm-up pass: median and p95 per question,
   with and without the `related` TF-IDF lookup. Target: median <= 5 ms.
2. `coach ask --no-llm` as a user runs it: a fresh Python process per question, from process
   start to the answer on stdout, with warm caches (the TF-IDF index and compiled patterns are
   built by the first run). Target: <= 0.5 s. For scale, the same is measured for `python -c
   pass` and `coach rules`, and the heavy libraries imported by `coach ask` are listed (none is
   the goal).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing the package
    sys.path.insert(0, str(ROOT))
QUESTIONS = ROOT / "tests" / "router" / "questions.jsonl"
E2E_QUESTIONS = [
    "0.2% are fraud and my model gets 99.8% accuracy",
    "I scaled the data and then split it into train and test. Is that fine?",
    "give me feature ideas for churn prediction",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def in_process() -> dict[str, float]:
    from coach.router.route import route

    questions = [
        json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines() if line
    ]
    for q in questions:  # warm-up: patterns compiled / loaded, index loaded
        route(q)
    out: dict[str, float] = {}
    for label, related in (("route", False), ("route+related", True)):
        times = []
        for q in questions:
            started = time.perf_counter()
            route(q, with_related=related)
            times.append((time.perf_counter() - started) * 1000)
        out[f"{label} median ms"] = statistics.median(times)
        out[f"{label} p95 ms"] = percentile(times, 0.95)
    out["questions"] = len(questions)
    return out


def timed(cmd: list[str], env: dict[str, str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return times


def end_to_end(runs: int) -> dict[str, object]:
    tmp = Path(tempfile.mkdtemp())
    env = {**os.environ, "COACH_CACHE_DIR": str(tmp / "cache"), "COACH_DB": str(tmp / "coach.db")}
    for var in ("COACH_MODEL", "COACH_API_BASE", "COACH_API_KEY"):
        env.pop(var, None)
    ask = [sys.executable, "-m", "coach", "ask", "--no-llm"]
    subprocess.run([*ask, "warm up the caches"], env=env, cwd=ROOT, capture_output=True, check=True)
    results: dict[str, object] = {}
    samples: list[float] = []
    for q in E2E_QUESTIONS:
        samples += timed([*ask, q], env, runs)
    results["coach ask --no-llm median s"] = statistics.median(samples)
    results["coach ask --no-llm p90 s"] = percentile(samples, 0.9)
    results["python -c pass median s"] = statistics.median(
        timed([sys.executable, "-c", "pass"], env, runs)
    )
    results["coach rules median s"] = statistics.median(
        timed([sys.executable, "-m", "coach", "rules"], env, runs)
    )
    probe = (
        "import sys, io, contextlib\nfrom coach.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['ask', '--no-llm', {E2E_QUESTIONS[0]!r}])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'sklearn', 'litellm', 'textual', 'pandas', 'numpy'}))"
    )
    heavy = subprocess.run(
        [sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True, text=True
    )
    results["heavy modules imported by coach ask --no-llm"] = heavy.stdout.strip()
    results["runs"] = runs * len(E2E_QUESTIONS)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="end-to-end runs per question")
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {os.cpu_count()} cores, load average {load:.2f}")
    for key, value in in_process().items():
        print(f"{key:<48} {value:.3f}" if isinstance(value, float) else f"{key:<48} {value}")
    for key, value in end_to_end(args.runs).items():
        print(f"{key:<48} {value:.3f}" if isinstance(value, float) else f"{key:<48} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
