"""Row comparisons by hashing (O(rows), never O(rows²)): duplicates, split overlap, label conflicts.

Each row's features (the label and identifier columns excluded) are hashed twice: exactly, and
after normalisation (numbers rounded to about 6 significant digits; text trimmed, whitespace
collapsed, case-folded), so near-duplicates match too. Row numbers in the evidence count data
rows from 1, header excluded.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from coach.data.frame import Task, column_kinds, round_significant, row_hashes
from coach.data.progress import ProgressCallback, tick
from coach.data.report import finding
from coach.data.thresholds import DUPLICATES_WARNING_SHARE
from coach.models import Finding
from coach.registry import emits

EXAMPLES = 3
NEAR_TOLERANCE = "numbers equal to about 6 significant digits; text trimmed, case-folded"


@dataclass
class RowKeys:
    exact: np.ndarray
    near: np.ndarray


def _pct(share: float) -> str:
    return f"{100 * share:.1f}%" if share >= 0.001 or share == 0 else f"{100 * share:.2f}%"


def row_keys(
    frames: list[pd.DataFrame], features: list[str], progress: ProgressCallback | None = None
) -> list[RowKeys]:
    kinds = column_kinds(frames, features)
    keys = []
    for index, frame in enumerate(frames):
        tick(progress, "hashing rows", 2 * index, 2 * len(frames))
        exact = row_hashes(frame, features, kinds, near=False)
        tick(progress, "hashing rows", 2 * index + 1, 2 * len(frames))
        keys.append(RowKeys(exact=exact, near=row_hashes(frame, features, kinds, near=True)))
    tick(progress, "hashing rows", 1, 1)
    return keys


def label_codes(targets: list[pd.Series], task: Task) -> list[np.ndarray]:
    """Comparable integer codes for labels across frames (-1 for a missing label)."""
    parts = []
    for target in targets:
        if task == "regression":
            values = pd.to_numeric(target, errors="coerce").to_numpy("float64", na_value=np.nan)
            parts.append(pd.Series(round_significant(values)))
        elif pd.api.types.is_numeric_dtype(target.dtype):
            parts.append(target.astype("float64").reset_index(drop=True))
        else:
            parts.append(target.astype(object).reset_index(drop=True))
    joined = pd.concat(parts, ignore_index=True)
    codes = pd.factorize(joined, use_na_sentinel=True)[0]
    out, start = [], 0
    for part in parts:
        out.append(codes[start : start + len(part)])
        start += len(part)
    return out


@emits("data", "LEAK002")
def check_duplicates(keys: RowKeys, features: list[str]) -> list[Finding]:
    """LEAK002 inside one file: rows repeating an earlier row on the features."""
    rows = len(keys.exact)
    exact_dup = pd.Series(keys.exact).duplicated().to_numpy()
    # Equal rows stay equal after normalisation, so exact duplicates are also near duplicates.
    near_dup = pd.Series(keys.near).duplicated().to_numpy()
    total = int(near_dup.sum())
    if total == 0:
        return []
    exact = int(exact_dup.sum())
    share = total / rows
    examples = []
    for position in np.flatnonzero(near_dup)[:EXAMPLES]:
        first = int(np.flatnonzero(keys.near == keys.near[position])[0])
        examples.append({"row": int(position) + 1, "repeats_row": first + 1})
    data = {
        "scope": "within-train",
        "rows": rows,
        "duplicate_rows": total,
        "exact": exact,
        "near_only": total - exact,
        "share": round(share, 6),
        "distinct_duplicated": int(pd.Series(keys.near[near_dup]).nunique()),
        "examples": examples,
        "compared_columns": len(features),
        "near_tolerance": NEAR_TOLERANCE,
    }
    message = (
        f"{total:,} of {rows:,} rows ({_pct(share)}) repeat an earlier row on the features "
        f"({exact:,} exact, {total - exact:,} near-identical); a random split or CV fold puts "
        "copies on both sides, so validation scores are optimistic."
    )
    severity = "warning" if share >= DUPLICATES_WARNING_SHARE else "info"
    return [finding("LEAK002", message, data, severity=severity)]


@emits("data", "DATA001")
def check_conflicts(keys: RowKeys, labels: np.ndarray, target: str) -> list[Finding]:
    """DATA001: rows with identical features but different labels (classification)."""
    mask = labels >= 0
    frame = pd.DataFrame({"h": keys.exact[mask], "y": labels[mask]})
    distinct = frame.groupby("h", sort=False)["y"].nunique()
    bad = distinct[distinct > 1]
    if bad.empty:
        return []
    in_conflict = frame["h"].isin(bad.index).to_numpy()
    rows = int(in_conflict.sum())
    labelled_rows = int(mask.sum())
    positions = np.flatnonzero(mask)[in_conflict]
    first_hash = keys.exact[positions[0]]
    example_rows = [int(p) + 1 for p in np.flatnonzero(keys.exact == first_hash)[:5]]
    data = {
        "target": target,
        "conflicting_groups": len(bad),
        "rows_in_conflict": rows,
        "labelled_rows": labelled_rows,
        "share": round(rows / labelled_rows, 6),
        "example_rows": example_rows,
    }
    message = (
        f"{len(bad):,} groups of rows have identical features but different '{target}' labels "
        f"({rows:,} rows, {_pct(rows / labelled_rows)}); no model can get them all right — "
        f"check the labelling (e.g. rows {', '.join(map(str, example_rows[:3]))})."
    )
    return [finding("DATA001", message, data)]


@emits("data", "LEAK002")
def check_overlap(
    train: RowKeys,
    test: RowKeys,
    train_labels: np.ndarray | None,
    test_labels: np.ndarray | None,
    features: list[str],
) -> list[Finding]:
    """LEAK002 across files: test rows matching a training row on the features, label excluded."""
    exact = np.isin(test.exact, train.exact)
    near = np.isin(test.near, train.near)
    matched = exact | near
    count = int(matched.sum())
    if count == 0:
        return []
    test_rows = len(test.exact)
    n_exact = int(exact.sum())
    share = count / test_rows
    data: dict = {
        "scope": "train-test",
        "test_rows": test_rows,
        "overlapping_rows": count,
        "exact": n_exact,
        "near_only": count - n_exact,
        "share": round(share, 6),
        "compared_columns": len(features),
        "near_tolerance": NEAR_TOLERANCE,
    }
    examples = []
    for position in np.flatnonzero(matched)[:EXAMPLES]:
        key, keys = (
            (test.exact[position], train.exact)
            if exact[position]
            else (test.near[position], train.near)
        )
        examples.append(
            {"test_row": int(position) + 1, "train_row": int(np.flatnonzero(keys == key)[0]) + 1}
        )
    data["examples"] = examples
    conflict_text = ""
    if train_labels is not None and test_labels is not None:
        known = train_labels >= 0
        pairs = pd.DataFrame({"h": train.near[known], "y": train_labels[known]})
        summary = pairs.groupby("h", sort=False)["y"].agg(["nunique", "first"])
        probe = pd.DataFrame({"h": test.near[matched], "y": test_labels[matched]})
        probe = probe[probe["y"] >= 0].join(summary, on="h", how="inner")
        conflicts = int(((probe["nunique"] > 1) | (probe["first"] != probe["y"])).sum())
        data["different_label"] = conflicts
        conflict_text = (
            f"; {conflicts:,} of them carry a different label than the training copy"
            if conflicts
            else "; all carry the same label as the training copy"
        )
    message = (
        f"{count:,} of {test_rows:,} test rows ({_pct(share)}) repeat a training row on the "
        f"features, label excluded ({n_exact:,} exact, {count - n_exact:,} near-identical)"
        f"{conflict_text}. Scores on these rows measure memory, not generalisation."
    )
    return [finding("LEAK002", message, data)]
