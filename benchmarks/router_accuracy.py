"""Precision and recall of the question router per rule family, on every labelled set.

    .venv/bin/python benchmarks/router_accuracy.py [--sets synthetic,dev,heldout,correct_practice]
        [--format text|json]

Sets: `synthetic` (tests/router/questions.jsonl, the lexicon's own 1,489 questions), and the real
questions of benchmarks/router_real/ — `dev` (tuned on), `heldout` (never tuned on; report only)
and `correct_practice` (guard rail: no error-level answer allowed). Scoring is
benchmarks/router_real_eval.py's (one home for it): micro precision / recall over families, per
family, exact match, silence on no-rule questions, error-level answers on correct practice; this
script adds the mix of answer kinds (rule / clarify / correct) read from `coach ask`'s JSON.
Every question is answered like `coach ask --no-llm` (in process, no repository, no data).

On the synthetic set a family counts whatever the answer kind, as on the real sets; the unit
test (tests/router/test_router_accuracy.py) holds the stricter rule-kind figure.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import router_real_eval as rre  # noqa: E402

SETS = ("synthetic", "dev", "heldout", "correct_practice")


def synthetic_rows() -> list[dict]:
    rows = []
    for i, item in enumerate(rre.load(ROOT / "tests" / "router" / "questions.jsonl")):
        families = sorted({rre.family_of(r) for r in item["expected"]})
        rows.append(
            {
                "id": f"syn-{i:04d}",
                "text": item["question"],
                "families": families,
                "rules": item["expected"],
                "kind": "problem" if families else "no_rule",
            }
        )
    return rows


def load_sets(names: list[str]) -> dict[str, list[dict]]:
    real = rre.load(rre.DATA / "questions.jsonl")
    correct = rre.load(rre.DATA / "correct_practice.jsonl")
    out: dict[str, list[dict]] = {}
    for name in names:
        if name == "synthetic":
            out[name] = synthetic_rows()
        elif name in ("dev", "heldout"):
            out[name] = [q for q in real if q["split"] == name]
        elif name == "correct_practice":
            out[name] = correct
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated: " + ",".join(SETS))
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    names = [n for n in args.sets.split(",") if n]
    unknown = set(names) - set(SETS)
    if unknown:
        parser.error(f"unknown set(s): {', '.join(sorted(unknown))}")

    from coach.ask import ask
    from coach.store import Store

    sets = load_sets(names)
    report: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="coach-router-acc-") as tmp:
        store = Store.open(Path(tmp) / "ask.db")
        for name, rows in sets.items():
            answers: dict[str, rre.Answer] = {}
            kinds: Counter = Counter()
            for row in rows:
                start = time.perf_counter()
                payload = ask(row["text"], store=store, no_llm=True).to_json()
                answer = rre.answer_from_payload(payload)
                answer.seconds = time.perf_counter() - start
                answers[row["id"]] = answer
                got = {s.get("kind") for s in payload["suggestions"] if s.get("source") == "rule"}
                for kind in got or {"none"}:
                    kinds[kind] += 1
            res = rre.score(rows, answers)
            res["answer_kinds"] = dict(sorted(kinds.items()))
            report[name] = res
        store.close()
    if args.format == "json":
        print(json.dumps(report, indent=2))
        return 0
    for name, res in report.items():
        print(
            f"== {name}: {res['questions']} questions · P {rre.fmt(res['precision'])} "
            f"R {rre.fmt(res['recall'])} · exact {rre.fmt(res['exact_match'])} · "
            f"no-rule silence {rre.fmt(res['no_rule_silence'])} · "
            f"error on correct practice {res['error_on_correct_practice']}"
        )
        print(f"   answers with each kind {res['answer_kinds']} · by severity {res['answer_mix']}")
        fams = "  ".join(
            f"{fam} {rre.fmt(f['precision'])}/{rre.fmt(f['recall'])}"
            for fam, f in res["families"].items()
        )
        print(f"   per family P/R: {fams}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
