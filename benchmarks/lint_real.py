"""Precision and recall of `coach lint` on real public code (the lint_real corpus).

The fixture corpus (benchmarks/lint_accuracy.py) says whether the rules still do what they were
written to do; this script says whether they are right on code nobody here wrote. For each split
(dev is for tuning, heldout is never tuned against) it runs `coach lint --format json` over
benchmarks/lint_real/corpus/<split>/ (rebuilt by benchmarks/lint_real/rebuild.py) and compares:

- every finding of the judged families with <split>/judged.csv (hand verdicts tp/fp/debatable),
  matched on rule + path (+ cell for notebooks) + line within a small tolerance;
- the hand-labelled leaks in <split>/leaks.csv (recall; labels were written before running Coach).

It prints per rule: findings, tp/fp/debatable, precision tp/(tp+fp), recall on labelled leaks,
lost true positives (judged tp no longer reported) and unjudged findings (new, need a verdict).

    python benchmarks/lint_real.py [--split dev|heldout|all] [--show-unjudged] [--show-lost]
                                   [--format text|json] [--tolerance N]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "benchmarks" / "lint_real"
SPLITS = ("dev", "heldout")
JUDGED_FAMILIES = ("LEAK", "EVAL", "IMB", "SCALE", "BASE", "REPRO")
VERDICTS = ("tp", "fp", "debatable")


def family(rule: str) -> str:
    match = re.match(r"[A-Z]+", rule)
    return match.group(0) if match else rule


def location(path: str, cell: int | None) -> str:
    """The corpus's location key: `path#cellN` for notebooks, the plain path for scripts."""
    if path.endswith(".ipynb") and cell:
        return f"{path}#cell{cell}"
    return path


def file_of(loc: str) -> str:
    return loc.split("#cell", 1)[0]


def read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def coach_command() -> list[str]:
    exe = ROOT / ".venv" / "bin" / "coach"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "coach"]


def run_coach(corpus: Path) -> dict:
    """Run the linter with every rule on and no project configuration; paths relative to corpus."""
    cmd = [*coach_command(), "lint", "--format", "json", "--isolated", "--exit-zero", "."]
    res = subprocess.run(cmd, cwd=corpus, capture_output=True, text=True)
    if res.returncode != 0 or not res.stdout.strip():
        raise SystemExit(f"coach lint failed in {corpus} (exit {res.returncode}):\n{res.stderr}")
    return json.loads(res.stdout)


def _match(
    items: list[tuple[str, str, int]], wanted: list[tuple[str, str, int]], tol: int
) -> dict[int, int]:
    """Pair each wanted (rule, loc, line) with the nearest unpaired item within `tol` lines."""
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (rule, loc, _line) in enumerate(items):
        by_key[(rule, loc)].append(i)
    taken: set[int] = set()
    pairs: dict[int, int] = {}
    order = sorted(range(len(wanted)), key=lambda w: wanted[w])
    for w in order:
        rule, loc, line = wanted[w]
        best = None
        for i in by_key.get((rule, loc), []):
            gap = abs(items[i][2] - line)
            if i not in taken and gap <= tol and (best is None or gap < best[0]):
                best = (gap, i)
        if best is not None:
            taken.add(best[1])
            pairs[w] = best[1]
    return pairs


def evaluate(split: str, report: dict, tol: int) -> dict:
    """Figures for one split from a coach JSON report and the split's CSVs."""
    findings = [
        (f["rule"], location(f["path"], f.get("cell")), int(f["line"]))
        for f in report.get("findings", [])
    ]
    judged_rows = [
        r for r in read_csv(HERE / split / "judged.csv") if r.get("split", split) == split
    ]
    leak_rows = [r for r in read_csv(HERE / split / "leaks.csv") if r.get("split", split) == split]
    judged = [(r["rule"], r["path"], int(r["line"])) for r in judged_rows]
    leaks = [(r["rule"], r["path"], int(r["line"])) for r in leak_rows]

    pair_j = _match(findings, judged, tol)  # judged index -> finding index
    finding_verdict = {fi: judged_rows[ji]["verdict"] for ji, fi in pair_j.items()}
    pair_l = _match(findings, leaks, tol)
    found_files = {(rule, file_of(loc)) for rule, loc, _ in findings}

    rules: dict[str, dict] = defaultdict(
        lambda: {"findings": 0, "tp": 0, "fp": 0, "debatable": 0, "unjudged": 0, "lost_tp": 0}
    )
    unjudged, lost = [], []
    for i, (rule, loc, line) in enumerate(findings):
        row = rules[rule]
        row["findings"] += 1
        if family(rule) not in JUDGED_FAMILIES:
            continue
        verdict = finding_verdict.get(i)
        if verdict in VERDICTS:
            row[verdict] += 1
        else:
            row["unjudged"] += 1
            unjudged.append({"rule": rule, "path": loc, "line": line})
    for ji, r in enumerate(judged_rows):
        if ji not in pair_j and r["verdict"] == "tp":
            rules[r["rule"]]["lost_tp"] += 1
            lost.append({"rule": r["rule"], "path": r["path"], "line": int(r["line"])})
    for li, (rule, loc, _line) in enumerate(leaks):
        row = rules[rule]
        row["labelled"] = row.get("labelled", 0) + 1
        row["recalled"] = row.get("recalled", 0) + (li in pair_l)
        row["recalled_file"] = row.get("recalled_file", 0) + ((rule, file_of(loc)) in found_files)
    for row in rules.values():
        scored = row["tp"] + row["fp"]
        row["precision"] = round(row["tp"] / scored, 3) if scored else None
        if row.get("labelled"):
            row["recall"] = round(row["recalled"] / row["labelled"], 3)
            row["recall_file"] = round(row["recalled_file"] / row["labelled"], 3)
    total = {k: sum(r[k] for r in rules.values()) for k in ("findings", "tp", "fp", "debatable")}
    total["unjudged"] = len(unjudged)
    total["lost_tp"] = len(lost)
    summary = report.get("summary", {})
    return {
        "split": split,
        "files": summary.get("files"),
        "internal_errors": summary.get("internal_errors"),
        "not_analysed": {k: v for k, v in summary.get("by_status", {}).items() if k != "ok"},
        "rules": dict(sorted(rules.items())),
        "total": total,
        "unjudged": unjudged,
        "lost": lost,
    }


def _fmt(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.2f}"


def print_text(result: dict, show_unjudged: bool, show_lost: bool) -> None:
    print(
        f"\n== {result['split']}: {result['files']} files, internal errors "
        f"{result['internal_errors']}, not analysed {result['not_analysed'] or 0}"
    )
    head = "rule        find   tp   fp  deb  unj  prec | leaks  rec  rec(file) | lost tp"
    print(head)
    print("-" * len(head))
    for rule, r in result["rules"].items():
        judged = family(rule) in JUDGED_FAMILIES
        cells = (
            f"{r['tp']:4} {r['fp']:4} {r['debatable']:4} {r['unjudged']:4}  {_fmt(r['precision'])}"
            if judged
            else "   (family not judged)     "
        )
        recall = (
            f"{r['labelled']:5} {_fmt(r['recall'])}  {_fmt(r['recall_file'])}     "
            if r.get("labelled")
            else "    -    -     -        "
        )
        print(f"{rule:10} {r['findings']:5} {cells} | {recall} | {r['lost_tp']:4}")
    t = result["total"]
    scored = t["tp"] + t["fp"]
    prec = f"{t['tp'] / scored:.2f}" if scored else "-"
    print(
        f"total: {t['findings']} findings, tp {t['tp']} fp {t['fp']} debatable {t['debatable']}, "
        f"precision {prec}; unjudged {t['unjudged']}; lost tp {t['lost_tp']}"
    )
    if show_unjudged and result["unjudged"]:
        print("unjudged findings (add a verdict to judged.csv):")
        for u in result["unjudged"]:
            print(f"  {u['rule']} {u['path']}:{u['line']}")
    if show_lost and result["lost"]:
        print("lost true positives (judged tp, no longer reported):")
        for u in result["lost"]:
            print(f"  {u['rule']} {u['path']}:{u['line']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    ap.add_argument("--show-unjudged", action="store_true")
    ap.add_argument("--show-lost", action="store_true")
    ap.add_argument("--format", choices=["text", "json"], default="text")
    ap.add_argument("--tolerance", type=int, default=2, help="line tolerance when matching")
    args = ap.parse_args(argv)
    results, skipped = [], []
    for split in SPLITS if args.split == "all" else (args.split,):
        corpus = HERE / "corpus" / split
        if not (HERE / split / "manifest.csv").is_file():
            skipped.append(f"{split}: no manifest at benchmarks/lint_real/{split}/manifest.csv")
            continue
        if not corpus.is_dir():
            skipped.append(
                f"{split}: corpus not extracted - run "
                f"python benchmarks/lint_real/rebuild.py --split {split}"
            )
            continue
        results.append(evaluate(split, run_coach(corpus), args.tolerance))
    if args.format == "json":
        print(json.dumps({"results": results, "skipped": skipped}, indent=2))
    else:
        for note in skipped:
            print(f"skipped {note}")
        for result in results:
            print_text(result, args.show_unjudged, args.show_lost)
    return 0 if results or skipped else 1


if __name__ == "__main__":
    sys.exit(main())
