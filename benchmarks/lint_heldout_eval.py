"""Held-out accuracy of `coach lint` on LEAK001 / LEAK002 over benchmarks/lint_heldout/.

The programs in benchmarks/lint_heldout/ were written independently of the analysis code and of
the fixture corpus, in the style of Kaggle notebooks exported to .py. labels.json gives, per file
and rule, the lines of the leaking statements ({} for files without a leak).

Two scores per rule:
  file level  a rule reported in a file whose label has it = TP, reported in a file without it =
              FP, labelled but not reported = FN.
  line level  findings and labelled lines are paired one-to-one (nearest first) when they are at
              most 2 lines apart; paired = TP, unpaired findings = FP, unpaired labels = FN.

    .venv/bin/python benchmarks/lint_heldout_eval.py                 # table
    .venv/bin/python benchmarks/lint_heldout_eval.py --show-errors   # plus every mismatch
    .venv/bin/python benchmarks/lint_heldout_eval.py --json          # machine-readable
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "benchmarks" / "lint_heldout"
RULES = ("LEAK001", "LEAK002")
TOLERANCE = 2


def run_lint() -> tuple[dict, float]:
    coach = ROOT / ".venv" / "bin" / "coach"
    cmd = [
        str(coach) if coach.exists() else "coach",
        "lint",
        str(CORPUS.relative_to(ROOT)),
        "--format",
        "json",
        "--select",
        ",".join(RULES),
        "--exit-zero",
        "--isolated",
    ]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"coach lint failed ({proc.returncode}):\n{proc.stderr}")
    return json.loads(proc.stdout), elapsed


def pair_lines(found: list[int], expected: list[int]) -> tuple[list, list, list]:
    """One-to-one pairing of found and expected lines, nearest pairs first."""
    candidates = sorted(
        (abs(f - e), i, j)
        for i, f in enumerate(found)
        for j, e in enumerate(expected)
        if abs(f - e) <= TOLERANCE
    )
    used_f: set[int] = set()
    used_e: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i in used_f or j in used_e:
            continue
        used_f.add(i)
        used_e.add(j)
        pairs.append((found[i], expected[j]))
    extra = [f for i, f in enumerate(found) if i not in used_f]
    missed = [e for j, e in enumerate(expected) if j not in used_e]
    return pairs, extra, missed


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def evaluate() -> dict:
    labels = json.loads((CORPUS / "labels.json").read_text())
    report, elapsed = run_lint()

    status: dict[str, dict] = {}
    for entry in report.get("files", []):
        status[Path(entry["path"]).name] = entry
    found: dict[str, dict[str, list[dict]]] = {}
    for f in report.get("findings", []):
        if f["rule"] not in RULES:
            continue
        found.setdefault(Path(f["path"]).name, {}).setdefault(f["rule"], []).append(f)

    names = sorted(set(labels) | set(found))
    result: dict = {"files": len(labels), "seconds": round(elapsed, 3), "rules": {}, "errors": []}
    for rule in RULES:
        file_tp = file_fp = file_fn = line_tp = line_fp = line_fn = 0
        for name in names:
            expected = sorted(labels.get(name, {}).get(rule, []))
            hits = found.get(name, {}).get(rule, [])
            lines = sorted({h["line"] for h in hits})
            if name not in labels:
                result["errors"].append({"kind": "unlabelled-file", "rule": rule, "file": name})
            # file level
            if lines and expected:
                file_tp += 1
            elif lines:
                file_fp += 1
                result["errors"].append(
                    {
                        "kind": "file-FP",
                        "rule": rule,
                        "file": name,
                        "found": lines,
                        "messages": [h["message"] for h in hits],
                    }
                )
            elif expected:
                file_fn += 1
                st = status.get(name, {})
                result["errors"].append(
                    {
                        "kind": "file-FN",
                        "rule": rule,
                        "file": name,
                        "expected": expected,
                        "status": st.get("status"),
                        "models_found": st.get("models_found"),
                    }
                )
            # line level
            pairs, extra, missed = pair_lines(lines, expected)
            line_tp += len(pairs)
            line_fp += len(extra)
            line_fn += len(missed)
            if expected and lines and (extra or missed):
                result["errors"].append(
                    {
                        "kind": "line-mismatch",
                        "rule": rule,
                        "file": name,
                        "expected": expected,
                        "found": lines,
                        "unpaired_found": extra,
                        "unpaired_expected": missed,
                        "messages": [
                            f"{h['line']}: {h['message']}" for h in hits if h["line"] in extra
                        ],
                    }
                )
        result["rules"][rule] = {
            "file": {
                "tp": file_tp,
                "fp": file_fp,
                "fn": file_fn,
                "precision": ratio(file_tp, file_tp + file_fp),
                "recall": ratio(file_tp, file_tp + file_fn),
            },
            "line": {
                "tp": line_tp,
                "fp": line_fp,
                "fn": line_fn,
                "precision": ratio(line_tp, line_tp + line_fp),
                "recall": ratio(line_tp, line_tp + line_fn),
            },
        }
    not_ok = {n: s.get("status") for n, s in status.items() if s.get("status") != "ok"}
    no_models = sorted(n for n, s in status.items() if s.get("models_found") is False)
    result["not_analysed"] = not_ok
    result["no_models_found"] = no_models
    return result


def fmt(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:5.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true", help="list every mismatch")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    res = evaluate()
    if args.json:
        print(json.dumps(res, indent=2))
        return 0
    print(f"coach lint held-out: {res['files']} files, {res['seconds']} s")
    print(f"{'rule':8s} {'level':5s} {'TP':>4s} {'FP':>4s} {'FN':>4s} {'prec':>6s} {'recall':>6s}")
    for rule, levels in res["rules"].items():
        for level, s in levels.items():
            print(
                f"{rule:8s} {level:5s} {s['tp']:4d} {s['fp']:4d} {s['fn']:4d} "
                f"{fmt(s['precision']):>6s} {fmt(s['recall']):>6s}"
            )
    if res["not_analysed"]:
        print("not analysed:", res["not_analysed"])
    if res["no_models_found"]:
        print("no model recognised in:", ", ".join(res["no_models_found"]))
    if args.show_errors:
        print()
        for e in res["errors"]:
            kind, rule, name = e["kind"], e["rule"], e["file"]
            if kind == "file-FP":
                print(f"[{rule}] false positive  {name} lines {e['found']}")
                for m in e["messages"]:
                    print(f"      {m}")
            elif kind == "file-FN":
                print(
                    f"[{rule}] missed          {name} expected {e['expected']}"
                    f" (status={e['status']}, models_found={e['models_found']})"
                )
            elif kind == "line-mismatch":
                print(
                    f"[{rule}] line mismatch   {name} expected {e['expected']} found {e['found']}"
                    f" (extra {e['unpaired_found']}, missed {e['unpaired_expected']})"
                )
                for m in e["messages"]:
                    print(f"      {m}")
            else:
                print(f"[{rule}] {kind} {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
