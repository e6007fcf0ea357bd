"""Give new questions of the real development set an id and a dev/held-out split.

    .venv/bin/python benchmarks/router_real/assign_split.py [--check]

Only questions without an `id` or `split` are touched, so questions already assigned keep their
split when more are added: the held-out part stays held out. New questions are grouped by their
first labelled family (`NONE` for questions that need no rule) and, within each group, shuffled
with a fixed seed; 35 % of each group (rounded) becomes `heldout`. `--check` assigns nothing and
fails when a line lacks a field, repeats an id or a source, or holds an unknown label.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = (HERE / "questions.jsonl", HERE / "correct_practice.jsonl")
SEED = 20261206
HELDOUT_SHARE = 0.35
FAMILIES = {"LEAK", "BASE", "IMB", "EVAL", "REPRO", "SCALE", "CAL", "DEPLOY", "PRIV", "DATA"}
KINDS = {"problem", "correct_practice", "no_rule"}
FIELDS = ("id", "text", "source", "site", "families", "rules", "kind", "split", "note")


def load(path: Path) -> list[dict]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def save(path: Path, rows: list[dict]) -> None:
    ordered = [{key: row[key] for key in FIELDS if key in row} for row in rows]
    text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in ordered)
    path.write_text(text, encoding="utf-8")


def problems(rows: list[dict], prefix: str) -> list[str]:
    """Every reason a row is unusable, so a bad edit is caught before anyone measures on it."""
    found: list[str] = []
    ids: set[str] = set()
    sources: set[str] = set()
    for n, row in enumerate(rows, 1):
        where = f"{prefix} line {n}"
        missing = [key for key in FIELDS if key not in row]
        if missing:
            found.append(f"{where}: missing {', '.join(missing)}")
            continue
        if row["id"] in ids:
            found.append(f"{where}: repeated id {row['id']}")
        ids.add(row["id"])
        if row["source"] != "written":
            if row["source"] in sources:
                found.append(f"{where}: repeated source {row['source']}")
            sources.add(row["source"])
        if not set(row["families"]) <= FAMILIES:
            found.append(f"{where}: unknown family in {row['families']}")
        if any(rule[:-3] not in row["families"] for rule in row["rules"]):
            found.append(f"{where}: a rule of {row['rules']} is outside its families")
        if row["kind"] not in KINDS:
            found.append(f"{where}: unknown kind {row['kind']}")
        if (row["kind"] == "no_rule") != (not row["families"]):
            found.append(f"{where}: kind no_rule goes with no families, and only with none")
        if row["split"] not in {"dev", "heldout"}:
            found.append(f"{where}: unknown split {row['split']}")
        if len(row["text"]) > 1200:
            found.append(f"{where}: text longer than 1,200 characters")
    return found


def assign(rows: list[dict], prefix: str, rng: random.Random) -> int:
    """Number new rows (continuing after the highest id) and split them per family group."""
    taken = [int(row["id"].rsplit("-", 1)[1]) for row in rows if row.get("id")]
    next_number = max(taken, default=0) + 1
    for row in rows:
        if not row.get("id"):
            row["id"] = f"{prefix}-{next_number:03d}"
            next_number += 1
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if row.get("split") not in {"dev", "heldout"}:
            groups[row["families"][0] if row["families"] else "NONE"].append(row)
    assigned = 0
    for key in sorted(groups):
        members = groups[key]
        rng.shuffle(members)
        cut = round(len(members) * HELDOUT_SHARE)
        for i, row in enumerate(members):
            row["split"] = "heldout" if i < cut else "dev"
            assigned += 1
    return assigned


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="validate only, write nothing")
    args = parser.parse_args()
    rng = random.Random(SEED)
    found: list[str] = []
    for path, prefix in zip(FILES, ("rq", "cp"), strict=True):
        rows = load(path)
        if not args.check:
            count = assign(rows, prefix, rng)
            save(path, rows)
            print(f"{path.name}: {count} newly assigned, {len(rows)} in all")
        found += problems(rows, path.name)
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
