"""Score Coach's question router on the held-out question set.

Every question in benchmarks/heldout_questions.jsonl is sent through

    python -m coach ask --no-llm --format json QUESTION

in its own subprocess (two at a time), with COACH_DB pointing at a temporary
database so the user's log is never touched. The rule ids of the suggestions
with source == "rule" are compared with the expected ids.

Prints TP/FP/FN and precision/recall per family (rule-id prefix, e.g. LEAK),
overall micro precision/recall, and the exact-match rate (predicted set ==
expected set). `--show-errors` also lists every mismatched question.

    .venv/bin/python benchmarks/heldout_eval.py [--show-errors] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_SET = HERE / "heldout_questions.jsonl"


def family(rule_id: str) -> str:
    match = re.match(r"[A-Za-z]+", rule_id)
    return match.group(0).upper() if match else rule_id


def load(path: Path) -> list[dict]:
    items = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            item = json.loads(line)
            if not isinstance(item.get("question"), str) or not isinstance(
                item.get("expected"), list
            ):
                raise SystemExit(f"{path}:{lineno}: needs 'question' (str) and 'expected' (list)")
            items.append(item)
    return items


_local = threading.local()


def _db_path(tmpdir: str) -> str:
    # One database per worker thread: no two processes write the same SQLite file at once.
    if not hasattr(_local, "db"):
        _local.db = os.path.join(tmpdir, f"coach-{threading.get_ident()}.db")
    return _local.db


def ask(question: str, tmpdir: str, timeout: float) -> tuple[set[str], str | None]:
    env = dict(os.environ)
    env["COACH_DB"] = _db_path(tmpdir)
    cmd = [sys.executable, "-m", "coach", "ask", "--no-llm", "--format", "json", question]
    try:
        proc = subprocess.run(
            cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return set(), f"timeout after {timeout}s"
    if proc.returncode != 0:
        return set(), f"exit {proc.returncode}: {proc.stderr.strip()[-300:]}"
    try:
        payload = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        return set(), f"bad JSON ({exc}): {proc.stdout[:200]!r}"
    rules = {
        s["rule"]
        for s in payload.get("suggestions", [])
        if s.get("source") == "rule" and s.get("rule")
    }
    return rules, None


def ratio(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "  n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=DEFAULT_SET)
    parser.add_argument("--show-errors", action="store_true", help="list mismatched questions")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per question")
    parser.add_argument("--json", type=Path, help="also write per-question results here")
    args = parser.parse_args(argv)

    items = load(args.questions)
    with (
        tempfile.TemporaryDirectory(prefix="coach-heldout-") as tmpdir,
        ThreadPoolExecutor(max_workers=args.workers) as pool,
    ):
        results = list(pool.map(lambda it: ask(it["question"], tmpdir, args.timeout), items))

    tp: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    fn: dict[str, int] = defaultdict(int)
    exact = 0
    failures = 0
    errors = []
    records = []
    for item, (got, failure) in zip(items, results, strict=True):
        expected = set(item["expected"])
        if failure:
            failures += 1
        for rule in expected & got:
            tp[rule] += 1
        for rule in got - expected:
            fp[rule] += 1
        for rule in expected - got:
            fn[rule] += 1
        ok = expected == got and not failure
        exact += ok
        record = {
            "question": item["question"],
            "expected": sorted(expected),
            "got": sorted(got),
            "note": item.get("note", ""),
            "failure": failure,
        }
        records.append(record)
        if not ok:
            errors.append(record)

    fams = sorted({family(r) for r in (*tp, *fp, *fn)})
    print(f"held-out router accuracy — {len(items)} questions, {args.questions.name}")
    print(f"{'family':8s} {'TP':>4s} {'FP':>4s} {'FN':>4s} {'precision':>10s} {'recall':>8s}")
    for fam in fams:
        t = sum(v for r, v in tp.items() if family(r) == fam)
        p = sum(v for r, v in fp.items() if family(r) == fam)
        n = sum(v for r, v in fn.items() if family(r) == fam)
        print(f"{fam:8s} {t:4d} {p:4d} {n:4d} {ratio(t, t + p):>10s} {ratio(t, t + n):>8s}")
    T, P, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    print(f"{'overall':8s} {T:4d} {P:4d} {N:4d} {ratio(T, T + P):>10s} {ratio(T, T + N):>8s}")
    empty = [r for r in records if not r["expected"]]
    empty_ok = sum(1 for r in empty if not r["got"])
    print(f"exact match: {exact}/{len(items)} = {exact / len(items):.3f}")
    print(f"no-rule questions answered with no rule: {empty_ok}/{len(empty)}")
    if failures:
        print(f"failed runs (counted as no rules): {failures}")

    if args.show_errors:
        print(f"\nmismatches ({len(errors)}):")
        for r in errors:
            missing = sorted(set(r["expected"]) - set(r["got"]))
            extra = sorted(set(r["got"]) - set(r["expected"]))
            print(f"- {r['question']}")
            print(
                f"    expected {r['expected']}  got {r['got']}  (missing {missing}, extra {extra})"
            )
            if r["failure"]:
                print(f"    FAILURE: {r['failure']}")

    if args.json:
        args.json.write_text(json.dumps(records, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
