"""The cheap checks (pandas only): target, imbalance, file order, columns, time and group splits."""

from __future__ import annotations

import numpy as np
import pandas as pd

from coach.data.errors import DataError
from coach.data.frame import Task, is_numeric, label_text
from coach.data.progress import ProgressCallback, tick
from coach.data.report import finding
from coach.data.thresholds import (
    IMBALANCE_INFO,
    IMBALANCE_WARNING,
    MISSING_INFO,
    MISSING_WARNING,
    MIXED_NUMERIC_SHARE,
    RANK_SAMPLE,
    SORTED_MIN_EXPECTED_CHANGES,
    SORTED_RANK_CORRELATION,
    SORTED_RUNS_RATIO,
    TIME_UNPARSEABLE_SHARE,
)
from coach.models import Finding
from coach.registry import emits


def _pct(share: float) -> str:
    return f"{100 * share:.1f}%" if share >= 0.001 or share == 0 else f"{100 * share:.2f}%"


def _names(columns: list[str], limit: int = 8) -> str:
    shown = ", ".join(f"'{c}'" for c in columns[:limit])
    return shown + (f" and {len(columns) - limit} more" if len(columns) > limit else "")


@emits("data", "DATA004", "DATA007")
def check_target(target: pd.Series, name: str) -> list[Finding]:
    """DATA004 a single class (or value); DATA007 rows without a target value."""
    out: list[Finding] = []
    rows = len(target)
    labelled = target.dropna()
    missing = rows - len(labelled)
    if missing:
        share = missing / rows
        out.append(
            finding(
                "DATA007",
                f"{missing:,} of {rows:,} rows ({_pct(share)}) have no value in the target "
                f"'{name}'; they are left out of the label checks and the baselines.",
                {"target": name, "missing_rows": missing, "rows": rows, "share": round(share, 6)},
            )
        )
    distinct = labelled.nunique()
    if distinct == 1:
        value = label_text(labelled.iloc[0])
        out.append(
            finding(
                "DATA004",
                f"The target '{name}' has a single value ('{value}') in all {len(labelled):,} "
                "labelled rows: there is nothing to learn and no metric can be computed.",
                {"target": name, "value": value, "rows": len(labelled)},
            )
        )
    return out


@emits("data", "IMB003")
def check_imbalance(counts: dict[str, int], name: str) -> list[Finding]:
    """IMB003: minority share (binary) or count relative to the majority (multiclass)."""
    if len(counts) < 2:
        return []
    total = sum(counts.values())
    majority_label, majority = next(iter(counts.items()))
    shares = {k: round(v / total, 6) for k, v in counts.items()}
    data = {
        "target": name,
        "counts": counts,
        "shares": shares,
        "majority_class": majority_label,
        "thresholds": {"warning": IMBALANCE_WARNING, "info": IMBALANCE_INFO},
    }
    if len(counts) == 2:
        minority_label, minority = list(counts.items())[-1]
        share = minority / total
        data |= {
            "minority_class": minority_label,
            "minority_share": round(share, 6),
            "measure": "minority share of labelled rows",
        }
        if share >= IMBALANCE_INFO:
            return []
        severity = "warning" if share < IMBALANCE_WARNING else "info"
        message = (
            f"Minority class '{minority_label}' is {_pct(share)} of the labelled rows "
            f"({minority:,} of {total:,}); majority class '{majority_label}' has {majority:,}. "
            f"{'Below' if severity == 'warning' else 'Between'} the "
            f"{'10% warning threshold' if severity == 'warning' else '10%-20% info band'}."
        )
        return [finding("IMB003", message, data, severity=severity)]
    ratios = {k: round(v / majority, 6) for k, v in counts.items()}
    rare = {k: r for k, r in ratios.items() if r < IMBALANCE_INFO}
    if not rare:
        return []
    data |= {"ratio_to_majority": ratios, "rare_classes": sorted(rare, key=rare.get)}
    data["measure"] = "class count relative to the majority class's count"
    worst = min(rare, key=rare.get)
    data |= {"minority_class": worst, "minority_share": shares[worst]}
    severity = "warning" if min(rare.values()) < IMBALANCE_WARNING else "info"
    listed = "; ".join(
        f"'{k}' {counts[k]:,} rows ({_pct(r)} of the majority)"
        for k, r in sorted(rare.items(), key=lambda kv: kv[1])[:6]
    )
    message = (
        f"{len(rare)} of {len(counts)} classes {'is' if len(rare) == 1 else 'are'} rare next to "
        f"the majority class "
        f"'{majority_label}' ({majority:,} rows): {listed}."
    )
    return [finding("IMB003", message, data, severity=severity)]


@emits("data", "DATA005")
def check_order(target: pd.Series, name: str, task: Task) -> list[Finding]:
    """DATA005: the file is sorted (or grouped) by the target, a trap for unshuffled K-fold."""
    labelled = target.dropna()
    if labelled.nunique() < 2:
        return []
    if task == "classification":
        codes = pd.factorize(labelled)[0]
        changes = int(np.count_nonzero(codes[1:] != codes[:-1]))
        shares = np.bincount(codes) / len(codes)
        expected = (len(codes) - 1) * (1.0 - float(np.sum(shares**2)))
        if expected < SORTED_MIN_EXPECTED_CHANGES:
            return []
        ratio = changes / expected
        if ratio >= SORTED_RUNS_RATIO:
            return []
        data = {
            "target": name,
            "label_changes": changes,
            "expected_changes_if_shuffled": round(expected, 1),
            "ratio": round(ratio, 6),
        }
        message = (
            f"The rows are grouped by the target '{name}': the label changes only {changes:,} "
            f"time{'s' if changes != 1 else ''} between adjacent rows, where a shuffled file would change about "
            f"{expected:,.0f} times. Unshuffled K-fold (KFold without shuffle=True) would train "
            "and test on different classes."
        )
        return [finding("DATA005", message, data)]
    step = max(1, len(labelled) // RANK_SAMPLE)
    values = labelled.iloc[::step]
    positions = pd.Series(np.arange(len(values)), index=values.index, dtype="float64")
    rho = float(positions.corr(values.astype("float64"), method="spearman"))
    if not np.isfinite(rho) or abs(rho) < SORTED_RANK_CORRELATION:
        return []
    direction = "ascending" if rho > 0 else "descending"
    message = (
        f"The rows are sorted by the target '{name}' ({direction}; rank correlation between row "
        f"position and target {rho:+.3f}). Unshuffled K-fold would test on target ranges the "
        "model never saw."
    )
    data = {"target": name, "rank_correlation": round(rho, 6), "direction": direction}
    return [finding("DATA005", message, data)]


def _mixed_column(series: pd.Series) -> dict | None:
    """Counts and examples when a mostly numeric text column holds some non-numbers."""
    if is_numeric(series) or pd.api.types.is_bool_dtype(series.dtype):
        return None
    values = series.dropna()
    if values.empty:
        return None
    counts = values.value_counts()
    if len(counts) > 200_000:
        counts = counts.head(200_000)
    as_text = pd.Series(counts.index.astype(str), index=counts.index)
    parsed = pd.to_numeric(as_text.str.strip(), errors="coerce")
    numeric = parsed.notna().to_numpy()
    share = float(numeric.mean())
    if share < MIXED_NUMERIC_SHARE or numeric.all():
        return None
    text_values = counts[~numeric]
    return {
        "numeric_values_share": round(share, 6),
        "text_rows": int(text_values.sum()),
        "numeric_rows": int(counts[numeric].sum()),
        "text_examples": [str(v) for v in text_values.index[:5]],
    }


def _is_constant(series: pd.Series) -> bool:
    """One value in every row (no missing values); min == max is the fast path for numbers."""
    if is_numeric(series) and not pd.api.types.is_bool_dtype(series.dtype):
        return bool(series.min() == series.max())
    first = series.iloc[0]
    return bool(series.head(1000).eq(first).all() and series.eq(first).all())


@emits("data", "DATA002", "DATA003", "DATA006")
def check_columns(
    frame: pd.DataFrame, target: str, progress: ProgressCallback | None = None
) -> list[Finding]:
    """DATA002 constant columns, DATA003 mostly-missing columns, DATA006 mixed types."""
    out: list[Finding] = []
    rows = len(frame)
    constant: dict[str, str] = {}
    missing: dict[str, float] = {}
    mixed: dict[str, dict] = {}
    for index, col in enumerate(frame.columns):
        tick(progress, "column checks", index, frame.shape[1])
        series = frame[col]
        n_missing = int(series.isna().sum())
        if n_missing / rows >= MISSING_INFO:
            missing[col] = round(n_missing / rows, 6)
        if col != target and n_missing == 0 and _is_constant(series):
            constant[col] = label_text(series.iloc[0])
        info = _mixed_column(series)
        if info is not None:
            mixed[col] = info
    if constant:
        cols = list(constant)
        out.append(
            finding(
                "DATA002",
                f"{len(cols)} constant column{'s' if len(cols) > 1 else ''} (one value in every "
                f"row, carrying no information): {_names(cols)}.",
                {"columns": constant, "count": len(cols)},
            )
        )
    if missing:
        cols = sorted(missing, key=missing.get, reverse=True)
        severity = "warning" if max(missing.values()) >= MISSING_WARNING else "info"
        listed = ", ".join(f"'{c}' {_pct(missing[c])}" for c in cols[:8])
        out.append(
            finding(
                "DATA003",
                f"{len(cols)} column{'s are' if len(cols) > 1 else ' is'} mostly missing "
                f"(at least {MISSING_INFO:.0%} empty): {listed}"
                + (f" and {len(cols) - 8} more" if len(cols) > 8 else "")
                + ".",
                {
                    "columns": missing,
                    "thresholds": {"info": MISSING_INFO, "warning": MISSING_WARNING},
                },
                severity=severity,
            )
        )
    for col, info in mixed.items():
        is_target = col == target
        examples = ", ".join(f"'{v}'" for v in info["text_examples"][:3])
        message = (
            f"{'The target' if is_target else 'Column'} '{col}' is mostly numbers, but "
            f"{info['text_rows']:,} rows hold text ({examples}), so the whole column is read as "
            "text" + (": its classes mix numbers and words." if is_target else ".")
        )
        out.append(
            finding(
                "DATA006",
                message,
                {"column": col, "is_target": is_target, **info},
                severity="error" if is_target else None,
            )
        )
    return out


def parse_times(series: pd.Series, name: str, source: str) -> pd.Series:
    """Dates (or plain numbers, e.g. years) of a time column, as a sortable Series."""
    values = series.dropna()
    if is_numeric(values) or pd.api.types.is_datetime64_any_dtype(values.dtype):
        return series
    parsed = pd.to_datetime(series, errors="coerce", format="mixed", utc=True)
    bad = int(parsed.isna().sum() - series.isna().sum())
    if values.size and bad / values.size > TIME_UNPARSEABLE_SHARE:
        examples = ", ".join(f"'{v}'" for v in values[parsed[values.index].isna()].head(3))
        raise DataError(
            f"time column '{name}' in {source}: {bad:,} of {values.size:,} values are not dates "
            f"(e.g. {examples}); pass a column of dates or numbers to --time-col"
        )
    return parsed


def _when(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return (
            value.isoformat() if (value.hour or value.minute or value.second) else str(value.date())
        )
    return label_text(value)


@emits("data", "LEAK005")
def check_time(train: pd.Series, test: pd.Series, name: str) -> list[Finding]:
    """LEAK005: test rows dated before the last training date."""
    last_train = train.max()
    first_test = test.min()
    dated_test = test.dropna()
    if pd.isna(last_train) or dated_test.empty:
        return []
    earlier = int((dated_test < last_train).sum())
    if not earlier:
        return []
    share = earlier / len(dated_test)
    data = {
        "time_column": name,
        "test_rows_before_last_train_date": earlier,
        "test_rows_dated": len(dated_test),
        "share": round(share, 6),
        "last_train_date": _when(last_train),
        "first_test_date": _when(first_test),
        "first_train_date": _when(train.min()),
        "last_test_date": _when(test.max()),
    }
    message = (
        f"{earlier:,} of {len(dated_test):,} test rows ({_pct(share)}) are dated before the last "
        f"training date ({_when(last_train)}; test starts {_when(first_test)}): the model is "
        "trained on the future of the rows it is tested on."
    )
    return [finding("LEAK005", message, data)]


@emits("data", "LEAK006")
def check_groups(train: pd.Series, test: pd.Series | None, name: str) -> list[Finding]:
    """LEAK006: entities in both splits (counted by rows); without a test file, repeated groups."""
    if test is None:
        sizes = train.value_counts()
        repeated = sizes[sizes > 1]
        if repeated.empty:
            return []
        rows = int(repeated.sum())
        data = {
            "group_column": name,
            "groups": len(sizes),
            "groups_with_several_rows": len(repeated),
            "rows_in_those_groups": rows,
            "largest_group_rows": int(repeated.max()),
        }
        message = (
            f"{len(repeated):,} of {len(sizes):,} '{name}' groups have several rows ({rows:,} rows "
            "in all): a random split or plain KFold puts the same entity on both sides; split "
            "with GroupKFold / GroupShuffleSplit on this column."
        )
        return [finding("LEAK006", message, data, severity="info")]
    train_groups = pd.Index(train.dropna().unique())
    test_values = test.dropna()
    shared = train_groups.intersection(pd.Index(test_values.unique()))
    if shared.empty:
        return []
    test_rows = int(test_values.isin(shared).sum())
    train_rows = int(train.isin(shared).sum())
    share = test_rows / len(test)
    data = {
        "group_column": name,
        "shared_groups": len(shared),
        "test_groups": int(test_values.nunique()),
        "train_groups": len(train_groups),
        "test_rows_in_shared_groups": test_rows,
        "train_rows_in_shared_groups": train_rows,
        "test_rows": len(test),
        "share_of_test_rows": round(share, 6),
        "examples": [label_text(v) for v in shared[:5]],
    }
    message = (
        f"{len(shared):,} of {test_values.nunique():,} '{name}' groups in the test file also "
        f"appear in training; they account for {test_rows:,} of {len(test):,} test rows "
        f"({_pct(share)}) and {train_rows:,} training rows."
    )
    return [finding("LEAK006", message, data)]
