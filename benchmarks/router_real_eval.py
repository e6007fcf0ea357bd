"""How well Coach routes real practitioner questions (issue 12's development set).

    .venv/bin/python benchmarks/router_real_eval.py [--backend auto|inprocess|cli]
        [--split dev|heldout|all] [--show-errors] [--format text|json]

Questions live in benchmarks/router_real/ (see its README): `questions.jsonl` (real questions,
each labelled with the rule families it is about, split into dev and held-out) and
`correct_practice.jsonl` (correct practice described in the mistake's words). Every question is
answered with no LLM, no repository and no data, exactly like `coach ask --no-llm`.

Only the rule ids and severities of the `coach ask --format json` payload are read — the stable
interface — so restructuring the router's answers does not break this script. A family counts as
predicted when any rule of it is among the answer's rule suggestions, whatever the severity.

Reported per set (dev, heldout, correct_practice): micro precision/recall over families, per-family
precision/recall, exact-match rate (predicted family set == labelled set), silence on questions
that need no rule, silence on questions that describe a catalog problem, error-level answers on
correct practice, and the mix of answers by their highest severity.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing the package
    sys.path.insert(0, str(ROOT))
DATA = ROOT / "benchmarks" / "router_real"
RULE_ID = re.compile(r"^([A-Z]+)\d{3}$")
SEVERITIES = ("error", "warning", "info")


@dataclass
class Answer:
    """What one question got back: rule ids with their severity (nothing else is read)."""

    rules: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    failure: str | None = None

    @property
    def families(self) -> set[str]:
        return {family_of(rule) for rule in self.rules}

    @property
    def top_severity(self) -> str:
        for severity in SEVERITIES:
            if severity in self.rules.values():
                return severity
        return "none" if self.rules == {} else "other"


def family_of(rule_id: str) -> str:
    match = RULE_ID.match(rule_id)
    return match.group(1) if match else rule_id


def load(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def rule_suggestions(payload: Any) -> Iterator[tuple[str, str]]:
    """(rule id, severity) of every rule answer in a `coach ask` JSON payload.

    Looks at the top-level `suggestions` list when there is one; otherwise walks the payload for
    objects carrying a rule id, skipping `related` (related rules are pointers, not answers) and
    anything marked as coming from the LLM.
    """
    if isinstance(payload, dict) and isinstance(payload.get("suggestions"), list):
        items: Any = payload["suggestions"]
    else:
        items = payload
    stack = [items]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            rule = node.get("rule")
            if (
                isinstance(rule, str)
                and RULE_ID.match(rule)
                and node.get("source", "rule") != "llm"
            ):
                yield rule, str(node.get("severity", "")).lower()
            stack.extend(v for k, v in node.items() if k != "related")


def answer_from_payload(payload: Any) -> Answer:
    answer = Answer()
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    for rule, severity in rule_suggestions(payload):
        old = answer.rules.get(rule)
        if old is None or rank.get(severity, 9) < rank.get(old, 9):
            answer.rules[rule] = severity
    return answer


def in_process_backend(db: Path) -> Callable[[str], Answer]:
    """Route through `coach.ask.ask` (the function `coach ask` calls), logging to a scratch db."""
    from coach.ask import ask
    from coach.store import Store

    store = Store.open(db)

    def run(question: str) -> Answer:
        start = time.perf_counter()
        result = ask(question, store=store, no_llm=True)
        answer = answer_from_payload(result.to_json())
        answer.seconds = time.perf_counter() - start
        return answer

    return run


def cli_backend(db: Path) -> Callable[[str], Answer]:
    """Route through `coach ask --no-llm --format json` in a subprocess (slow, always current)."""
    exe = Path(sys.executable).with_name("coach")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "coach"]
    env = {**os.environ, "COACH_DB": str(db)}

    def run(question: str) -> Answer:
        start = time.perf_counter()
        done = subprocess.run(
            [*command, "ask", "--no-llm", "--format", "json", "-"],
            input=question,
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        seconds = time.perf_counter() - start
        try:
            answer = answer_from_payload(json.loads(done.stdout))
        except json.JSONDecodeError:
            tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
            answer = Answer(failure=f"exit {done.returncode}: {tail}")
        answer.seconds = seconds
        return answer

    return run


def make_backend(name: str, db: Path) -> tuple[str, Callable[[str], Answer]]:
    if name in ("auto", "inprocess"):
        try:
            return "inprocess", in_process_backend(db)
        except (ImportError, AttributeError, TypeError) as exc:
            if name == "inprocess":
                raise
            print(f"in-process routing unavailable ({exc}); using the CLI", file=sys.stderr)
    return "cli", cli_backend(db)


def ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def score(rows: list[dict], answers: dict[str, Answer]) -> dict[str, Any]:
    """All figures for one set of labelled questions."""
    tp = fp = fn = exact = 0
    per_family: dict[str, Counter] = {}
    kinds = Counter(row["kind"] for row in rows)
    silent_no_rule = silent_problem = error_on_correct = 0
    rule_hits = rule_total = 0
    mix: Counter = Counter()
    failures = 0
    for row in rows:
        answer = answers[row["id"]]
        failures += answer.failure is not None
        gold, pred = set(row["families"]), answer.families
        exact += gold == pred
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        for fam in gold | pred:
            counts = per_family.setdefault(fam, Counter())
            counts["tp"] += fam in gold and fam in pred
            counts["fp"] += fam in pred and fam not in gold
            counts["fn"] += fam in gold and fam not in pred
        rule_total += len(row["rules"])
        rule_hits += len(set(row["rules"]) & set(answer.rules))
        mix[answer.top_severity] += 1
        if row["kind"] == "no_rule" and not answer.rules:
            silent_no_rule += 1
        if row["kind"] == "problem" and not answer.rules:
            silent_problem += 1
        if row["kind"] == "correct_practice" and "error" in answer.rules.values():
            error_on_correct += 1
    families = {
        fam: {
            "precision": ratio(c["tp"], c["tp"] + c["fp"]),
            "recall": ratio(c["tp"], c["tp"] + c["fn"]),
            "labelled": c["tp"] + c["fn"],
            "predicted": c["tp"] + c["fp"],
        }
        for fam, c in sorted(per_family.items())
    }
    return {
        "questions": len(rows),
        "kinds": dict(kinds),
        "precision": ratio(tp, tp + fp),
        "recall": ratio(tp, tp + fn),
        "exact_match": ratio(exact, len(rows)),
        "no_rule_silence": ratio(silent_no_rule, kinds["no_rule"]),
        "problem_silence": ratio(silent_problem, kinds["problem"]),
        "error_on_correct_practice": error_on_correct,
        "error_on_correct_practice_share": ratio(error_on_correct, kinds["correct_practice"]),
        "labelled_rule_recall": ratio(rule_hits, rule_total),
        "answer_mix": {k: mix[k] for k in ("error", "warning", "info", "other", "none") if mix[k]},
        "routing_failures": failures,
        "families": families,
    }


def errors(rows: list[dict], answers: dict[str, Answer]) -> list[dict[str, Any]]:
    """Every question whose predicted families differ from its labels, or that erred on correct
    practice — the list to read before changing anything."""
    out = []
    for row in rows:
        answer = answers[row["id"]]
        gold, pred = set(row["families"]), answer.families
        wrong_level = row["kind"] == "correct_practice" and "error" in answer.rules.values()
        if gold == pred and not wrong_level:
            continue
        out.append(
            {
                "id": row["id"],
                "kind": row["kind"],
                "missed": sorted(gold - pred),
                "false_alarms": sorted(pred - gold),
                "error_on_correct_practice": wrong_level,
                "labelled": sorted(row["rules"]) or sorted(gold),
                "answered": {rule: answer.rules[rule] for rule in sorted(answer.rules)},
                "text": " ".join(row["text"].split())[:160],
                "failure": answer.failure,
            }
        )
    return out


def fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def render(report: dict[str, Any], show_errors: bool) -> str:
    out = [
        f"router on real questions · backend {report['backend']} · "
        f"median {report['median_ms']:.1f} ms/question",
    ]
    for name, res in report["sets"].items():
        out += [
            "",
            f"== {name}: {res['questions']} questions {res['kinds']}",
            f"micro precision {fmt(res['precision'])}  recall {fmt(res['recall'])}  "
            f"exact match {fmt(res['exact_match'])}  labelled-rule recall "
            f"{fmt(res['labelled_rule_recall'])}",
            f"silent on no-rule questions {fmt(res['no_rule_silence'])}  "
            f"silent on problems {fmt(res['problem_silence'])}  "
            f"error-level on correct practice {res['error_on_correct_practice']}",
            f"answers by highest severity {res['answer_mix']}"
            + (f"  routing failures {res['routing_failures']}" if res["routing_failures"] else ""),
            "family  precision recall  labelled predicted",
        ]
        for fam, f in res["families"].items():
            out.append(
                f"{fam:<7} {fmt(f['precision'])}     {fmt(f['recall'])}  "
                f"{f['labelled']:>8} {f['predicted']:>9}"
            )
        if show_errors:
            out.append(f"-- {len(report['errors'][name])} questions answered differently:")
            for e in report["errors"][name]:
                flags = []
                if e["missed"]:
                    flags.append("missed " + ",".join(e["missed"]))
                if e["false_alarms"]:
                    flags.append("false alarm " + ",".join(e["false_alarms"]))
                if e["error_on_correct_practice"]:
                    flags.append("ERROR on correct practice")
                answered = ", ".join(f"{r}:{s}" for r, s in e["answered"].items()) or "nothing"
                out.append(f"{e['id']} [{e['kind']}] {'; '.join(flags)} · answered {answered}")
                out.append(f"    {e['text']}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("auto", "inprocess", "cli"), default="auto")
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    parser.add_argument("--show-errors", action="store_true", help="list misses and false alarms")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)

    questions = load(DATA / "questions.jsonl")
    correct = load(DATA / "correct_practice.jsonl")
    sets: dict[str, list[dict]] = {}
    for split in ("dev", "heldout"):
        if args.split in (split, "all"):
            sets[split] = [q for q in questions if q["split"] == split]
    sets["correct_practice"] = [
        q for q in correct if args.split == "all" or q["split"] == args.split
    ]

    with tempfile.TemporaryDirectory(prefix="coach-router-real-") as tmp:
        backend, run = make_backend(args.backend, Path(tmp) / "ask.db")
        answers: dict[str, Answer] = {}
        for rows in sets.values():
            for row in rows:
                answers[row["id"]] = run(row["text"])

    timings = [a.seconds for a in answers.values()]
    report = {
        "backend": backend,
        "median_ms": statistics.median(timings) * 1000 if timings else 0.0,
        "sets": {name: score(rows, answers) for name, rows in sets.items()},
        "errors": {name: errors(rows, answers) for name, rows in sets.items()},
    }
    if args.format == "json":
        if not args.show_errors:
            report.pop("errors")
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(render(report, args.show_errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
