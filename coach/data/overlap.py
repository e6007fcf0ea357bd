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

from coach.data.frame import Task, column_hash, column_kinds, round_significant, row_hashes
from coach.data.progress import ProgressCallback, tick
from coach.data.report import finding
from coach.data.thresholds import (
    DUPLICATES_WARNING_SHARE,
    NEAR_COPY_MIN_COLUMNS,
    NEAR_COPY_MIN_COLUMNS_TWO,
    NEAR_COPY_PAIR_BUDGET,
)
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
    copies: NearCopies | None = None,
) -> list[Finding]:
    """LEAK002 across files: test rows matching a training row on the features, label excluded
    (exactly, after normalisation, or on all but one or two columns when `copies` is given)."""
    exact = np.isin(test.exact, train.exact)
    near = np.isin(test.near, train.near)
    matched = exact | near
    if copies is not None:
        matched = matched | copies.matched
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
    for position in np.flatnonzero(exact | near)[:EXAMPLES]:
        key, keys = (
            (test.exact[position], train.exact)
            if exact[position]
            else (test.near[position], train.near)
        )
        examples.append(
            {"test_row": int(position) + 1, "train_row": int(np.flatnonzero(keys == key)[0]) + 1}
        )
    copy_text = ""
    if copies is not None:
        data["one_column_off"] = copies.one_off
        data["two_columns_off"] = copies.two_off
        data["two_columns_checked"] = copies.two_checked
        data["near_copy_examples"] = copies.examples
        if copies.one_off or copies.two_off:
            shown = "; ".join(
                f"test row {e['test_row']} = training row {e['train_row']} except "
                + ", ".join(f"'{c}'" for c in e["differs_in"])
                for e in copies.examples
            )
            copy_text = (
                f", {copies.one_off:,} equal on all but one column"
                + (f", {copies.two_off:,} on all but two" if copies.two_checked else "")
                + f" (e.g. {shown})"
            )
    data["examples"] = examples
    conflict_text = ""
    if train_labels is not None and test_labels is not None:
        known = train_labels >= 0
        pairs = pd.DataFrame({"h": train.near[known], "y": train_labels[known]})
        summary = pairs.groupby("h", sort=False)["y"].agg(["nunique", "first"])
        same = exact | near
        probe = pd.DataFrame({"h": test.near[same], "y": test_labels[same]})
        probe = probe[probe["y"] >= 0].join(summary, on="h", how="inner")
        conflicts = int(((probe["nunique"] > 1) | (probe["first"] != probe["y"])).sum())
        data["different_label"] = conflicts
        conflict_text = (
            f"; {conflicts:,} of them carry a different label than the training copy"
            if conflicts
            else "; all carry the same label as the training copy"
        )
    n_near = int((near & ~exact).sum())
    data["near_only"] = n_near
    message = (
        f"{count:,} of {test_rows:,} test rows ({_pct(share)}) repeat a training row on the "
        f"features, label excluded ({n_exact:,} exact, {n_near:,} near-identical{copy_text})"
        f"{conflict_text}. Scores on these rows measure memory, not generalisation."
    )
    return [finding("LEAK002", message, data)]


# -- rows equal on all but one or two columns -------------------------------------------------

# Random odd multipliers, one per column position: row key = sum of weight × column hash (mod
# 2**64), so the key without column c is the row key minus that column's term — one pass each.
_WEIGHTS = np.random.default_rng(20_240_601).integers(1, 2**63, size=4096, dtype=np.uint64) | 1


@dataclass
class NearCopies:
    """Test rows that equal a training row on all but one or two feature columns."""

    matched: np.ndarray  # bool per test row
    examples: list[dict]
    one_off: int
    two_off: int
    two_checked: bool


def _column_terms(frame: pd.DataFrame, col: str, kind, position: int) -> np.ndarray:
    return column_hash(frame[col], kind, near=True) * _WEIGHTS[position % len(_WEIGHTS)]


def near_copies(
    train: pd.DataFrame,
    test: pd.DataFrame,
    features: list[str],
    already: np.ndarray,
    progress: ProgressCallback | None = None,
) -> NearCopies | None:
    """Test rows (not already matched exactly or near) equal to a training row on all but one
    feature column — and all but two when the pairs fit the work budget. None when there are
    too few columns for "all but one" to mean a copy."""
    if len(features) < NEAR_COPY_MIN_COLUMNS:
        return None
    kinds = column_kinds([train, test], features)
    with np.errstate(over="ignore"):
        total_a = np.zeros(len(train), dtype="uint64")
        total_b = np.zeros(len(test), dtype="uint64")
        for j, col in enumerate(features):
            total_a += _column_terms(train, col, kinds[col], j)
            total_b += _column_terms(test, col, kinds[col], j)
        matched = np.zeros(len(test), dtype=bool)
        differs: dict[int, tuple[int, ...]] = {}
        one_off = 0
        for j, col in enumerate(features):
            tick(progress, "near copies", j, len(features))
            key_a = total_a - _column_terms(train, col, kinds[col], j)
            key_b = total_b - _column_terms(test, col, kinds[col], j)
            hit = pd.Series(key_b).isin(pd.Series(key_a)).to_numpy() & ~already & ~matched
            for position in np.flatnonzero(hit)[:EXAMPLES]:
                differs.setdefault(int(position), (j,))
            matched |= hit
        one_off = int(matched.sum())
        pairs = len(features) * (len(features) - 1) // 2
        two_checked = (
            len(features) >= NEAR_COPY_MIN_COLUMNS_TWO
            and pairs * (len(train) + len(test)) <= NEAR_COPY_PAIR_BUDGET
        )
        if two_checked:
            terms_a = [_column_terms(train, c, kinds[c], j) for j, c in enumerate(features)]
            terms_b = [_column_terms(test, c, kinds[c], j) for j, c in enumerate(features)]
            for j in range(len(features)):
                for k in range(j + 1, len(features)):
                    key_a = total_a - terms_a[j] - terms_a[k]
                    key_b = total_b - terms_b[j] - terms_b[k]
                    hit = pd.Series(key_b).isin(pd.Series(key_a)).to_numpy() & ~already & ~matched
                    for position in np.flatnonzero(hit)[:EXAMPLES]:
                        differs.setdefault(int(position), (j, k))
                    matched |= hit
        tick(progress, "near copies", len(features), len(features))
        examples = []
        for position, columns in sorted(differs.items())[:EXAMPLES]:
            key_a, key_b = total_a.copy(), total_b[position]
            for j in columns:
                key_a -= _column_terms(train, features[j], kinds[features[j]], j)
                key_b -= _column_terms(test.iloc[[position]], features[j], kinds[features[j]], j)[0]
            train_row = int(np.flatnonzero(key_a == key_b)[0])
            examples.append(
                {
                    "test_row": position + 1,
                    "train_row": train_row + 1,
                    "differs_in": [features[j] for j in columns],
                }
            )
    return NearCopies(
        matched=matched,
        examples=examples,
        one_off=one_off,
        two_off=int(matched.sum()) - one_off,
        two_checked=two_checked,
    )
