"""Precision and recall of `coach lint`'s analysis, per rule, over the fixture corpus.

Each fixture in tests/lint/corpus/<RULE>/ declares its expected findings in an `expect:` header
(rule + line, or rule + cell + line for notebooks); fixed twins declare `none`. A finding counts
as a true positive only when rule *and* line match.

    .venv/bin/python benchmarks/lint_accuracy.py            # table
    .venv/bin/python benchmarks/lint_accuracy.py --json     # machine-readable
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "lint"))
sys.path.insert(0, str(ROOT))

from analysis_helpers import actual_findings, corpus_files, expected_findings  # noqa: E402


def measure() -> dict:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    files = corpus_files()
    clean = dirty = 0
    mistakes: list[str] = []
    start = time.perf_counter()
    for path in files:
        expected = expected_findings(path)
        actual = actual_findings(path)
        if expected:
            dirty += 1
        else:
            clean += 1
        for item in actual & expected:
            tp[item[0]] += 1
        for item in actual - expected:
            fp[item[0]] += 1
            mistakes.append(f"false positive {item} in {path.relative_to(ROOT)}")
        for item in expected - actual:
            fn[item[0]] += 1
            mistakes.append(f"missed {item} in {path.relative_to(ROOT)}")
    elapsed = time.perf_counter() - start
    rules = sorted(set(tp) | set(fp) | set(fn))
    per_rule = {}
    for rule in rules:
        p_den = tp[rule] + fp[rule]
        r_den = tp[rule] + fn[rule]
        per_rule[rule] = {
            "tp": tp[rule],
            "fp": fp[rule],
            "fn": fn[rule],
            "precision": tp[rule] / p_den if p_den else 1.0,
            "recall": tp[rule] / r_den if r_den else 1.0,
        }
    total_tp, total_fp, total_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    return {
        "files": len(files),
        "leaky_files": dirty,
        "clean_twins": clean,
        "seconds": round(elapsed, 3),
        "rules": per_rule,
        "overall": {
            "precision": total_tp / (total_tp + total_fp) if total_tp + total_fp else 1.0,
            "recall": total_tp / (total_tp + total_fn) if total_tp + total_fn else 1.0,
        },
        "mistakes": mistakes,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    result = measure()
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(
        f"corpus: {result['files']} files ({result['leaky_files']} with mistakes, "
        f"{result['clean_twins']} clean twins), analysed in {result['seconds']:.2f} s"
    )
    print(f"{'rule':<10}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}")
    for rule, row in result["rules"].items():
        print(
            f"{rule:<10}{row['tp']:>5}{row['fp']:>5}{row['fn']:>5}"
            f"{row['precision']:>11.2f}{row['recall']:>8.2f}"
        )
    overall = result["overall"]
    print(f"{'overall':<25}{overall['precision']:>11.2f}{overall['recall']:>8.2f}")
    for line in result["mistakes"]:
        print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
