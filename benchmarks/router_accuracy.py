"""Precision and recall of the question router on the labelled set, per rule family.

    .venv/bin/python benchmarks/router_accuracy.py [--questions FILE] [--misses] [--cli]

Each line of the question file is {"question": ..., "expected": [rule ids], "tags": [...]}.
A question's predicted rules are compared with its expected rules (micro-averaged per family:
a predicted rule not expected is a false positive, an expected rule not predicted a false
negative). `--cli` routes through `coach ask --no-llm --format json` in a subprocess, exactly as
the held-out set is run (slow: one process per question); the default routes in process.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing the package
    sys.path.insert(0, str(ROOT))
DEFAULT = ROOT / "tests" / "router" / "questions.jsonl"


def load(path: Path) -> list[dict]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def predict_in_process(question: str) -> set[str]:
    from coach.router.route import route

    return {f.rule for f in route(question, with_related=False).findings}


def predict_cli(question: str, db: Path) -> set[str]:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "coach",
            "--db",
            str(db),
            "ask",
            "--no-llm",
            "--format",
            "json",
            question,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return {s["rule"] for s in json.loads(out.stdout)["suggestions"] if s["source"] == "rule"}


def family(rule: str) -> str:
    return rule.rstrip("0123456789")


def score(items: list[dict], predict) -> tuple[dict[str, Counter], list[tuple[str, set, set]]]:  # type: ignore[no-untyped-def]
    counts: dict[str, Counter] = {}
    misses = []
    for item in items:
        expected = set(item["expected"])
        predicted = predict(item["question"])
        for rule in expected | predicted:
            c = counts.setdefault(family(rule), Counter())
            if rule in expected and rule in predicted:
                c["tp"] += 1
            elif rule in predicted:
                c["fp"] += 1
            else:
                c["fn"] += 1
        if expected != predicted:
            misses.append((item["question"], expected, predicted))
    return counts, misses


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def report(counts: dict[str, Counter], n: int, exact: int) -> str:
    lines = [f"{'family':<8} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>8}"]
    total = Counter()
    for fam in sorted(counts):
        c = counts[fam]
        total.update(c)
        lines.append(
            f"{fam:<8} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4} "
            f"{ratio(c['tp'], c['tp'] + c['fp']):>10.3f} {ratio(c['tp'], c['tp'] + c['fn']):>8.3f}"
        )
    lines.append(
        f"{'ALL':<8} {total['tp']:>4} {total['fp']:>4} {total['fn']:>4} "
        f"{ratio(total['tp'], total['tp'] + total['fp']):>10.3f} "
        f"{ratio(total['tp'], total['tp'] + total['fn']):>8.3f}"
    )
    lines.append(f"{n} questions, {exact} answered exactly (same rule set as expected)")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--questions", type=Path, default=DEFAULT)
    parser.add_argument(
        "--misses", action="store_true", help="list the questions answered differently"
    )
    parser.add_argument(
        "--cli", action="store_true", help="run `coach ask` in a subprocess per question"
    )
    args = parser.parse_args()
    items = load(args.questions)
    if args.cli:
        tmp = Path(tempfile.mkdtemp())
        os.environ.setdefault("COACH_CACHE_DIR", str(tmp / "cache"))
        counts, misses = score(items, lambda q: predict_cli(q, tmp / "coach.db"))
    else:
        counts, misses = score(items, predict_in_process)
    print(report(counts, len(items), len(items) - len(misses)))
    if args.misses:
        for question, expected, predicted in misses:
            print(f"- {question!r}: expected {sorted(expected)}, got {sorted(predicted)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
