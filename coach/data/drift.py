"""Train/test drift per column (DATA008) and adversarial validation (DATA009).

A random split gives two samples of one population, so no column should shift and no model should
tell the files apart. Per column: the population stability index (PSI) over training deciles and
the Kolmogorov-Smirnov distance for numbers; for categories the PSI over training categories and
the share of test rows whose category training never saw, compared with what a random split of
the same rows would leave unseen. A finding needs a shift that is both large (PSI) and unlikely
by chance (KS or chi-square p-value), so random splits of clean data stay quiet. scikit-learn and
scipy are imported only inside the functions that need them.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from coach.data.frame import ColumnKind, tame
from coach.data.report import Adversarial, ColumnDrift, finding
from coach.data.thresholds import (
    ADVERSARIAL_AUC,
    ADVERSARIAL_SAMPLE,
    DRIFT_P_VALUE,
    DRIFT_PSI_INFO,
    DRIFT_PSI_WARNING,
    DRIFT_SAMPLE,
    SEED,
    UNSEEN_MIN_ROWS,
)
from coach.models import Finding
from coach.registry import emits

_EPS = 1e-4
_BINS = 10
_MAX_CATEGORIES = 50
_MISSING = -1e31
MAX_FINDINGS = 10


def _psi(p: np.ndarray, q: np.ndarray) -> float:
    p = np.clip(p, _EPS, None)
    q = np.clip(q, _EPS, None)
    return float(np.sum((q - p) * np.log(q / p)))


def _numbers(series: pd.Series) -> np.ndarray:
    values = pd.to_numeric(series, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    values = values.copy()
    values[~np.isfinite(values)] = np.nan
    return values


def _sample(values: np.ndarray, size: int, seed: int) -> np.ndarray:
    if len(values) <= size:
        return values
    return np.random.default_rng(seed).choice(values, size=size, replace=False)


def numeric_drift(column: str, train: pd.Series, test: pd.Series, seed: int = SEED) -> ColumnDrift:
    """PSI over training deciles (missing values as their own bin) and the KS distance."""
    from scipy.stats import ks_2samp

    raw_a, raw_b = _numbers(train), _numbers(test)
    a, b = tame(raw_a)[0], tame(raw_b)[0]
    a_ok, b_ok = a[~np.isnan(a)], b[~np.isnan(b)]
    if a_ok.size < 2 or b_ok.size < 2:
        return ColumnDrift(column=column, kind="num", psi=0.0, p_value=1.0)
    edges = np.unique(np.quantile(a_ok, np.linspace(0, 1, _BINS + 1))[1:-1])
    p = np.bincount(np.searchsorted(edges, a_ok, side="right"), minlength=len(edges) + 1)
    q = np.bincount(np.searchsorted(edges, b_ok, side="right"), minlength=len(edges) + 1)
    p = np.append(p, a.size - a_ok.size) / a.size
    q = np.append(q, b.size - b_ok.size) / b.size
    result = ks_2samp(_sample(a_ok, DRIFT_SAMPLE, seed), _sample(b_ok, DRIFT_SAMPLE, seed))
    return ColumnDrift(
        column=column,
        kind="num",
        psi=round(_psi(p, q), 6),
        ks=round(float(result.statistic), 6),
        p_value=float(result.pvalue),
        train_median=float(np.nanmedian(raw_a)),
        test_median=float(np.nanmedian(raw_b)),
    )


def categorical_drift(column: str, train: pd.Series, test: pd.Series) -> ColumnDrift:
    """PSI over the training categories, and unseen test categories against a random split."""
    from scipy.stats import chi2_contingency

    a = train.dropna().astype(str)
    b = test.dropna().astype(str)
    if a.empty or b.empty:
        return ColumnDrift(column=column, kind="text", psi=0.0, p_value=1.0)
    a_counts = a.value_counts()
    b_counts = b.value_counts()
    top = list(a_counts.index[:_MAX_CATEGORIES])
    rest_a = int(a_counts.iloc[_MAX_CATEGORIES:].sum())
    unseen_mask = ~b_counts.index.isin(a_counts.index)
    unseen_rows = int(b_counts[unseen_mask].sum())
    seen_rest_b = int(b_counts[~unseen_mask & ~b_counts.index.isin(top)].sum())
    table = np.array(
        [
            [*(a_counts.get(c, 0) for c in top), rest_a, 0],
            [*(b_counts.get(c, 0) for c in top), seen_rest_b, unseen_rows],
        ],
        dtype="float64",
    )
    table = table[:, table.sum(axis=0) > 0]
    p = table[0] / table[0].sum()
    q = table[1] / table[1].sum()
    psi = _psi(p, q)
    p_value = 1.0
    if table.shape[1] > 1:
        p_value = float(chi2_contingency(table, correction=False).pvalue)
    # Under a random split, a category with c rows in all lands wholly in test with
    # probability t**c (t = the test share): that many unseen rows are expected anyway.
    share = len(b) / (len(a) + len(b))
    totals = a_counts.add(b_counts, fill_value=0).to_numpy(dtype="float64")
    expected = float(np.sum(totals * share**totals))
    examples = [str(v) for v in b_counts[unseen_mask].index[:3]]
    return ColumnDrift(
        column=column,
        kind="text",
        psi=round(psi, 6),
        p_value=p_value,
        unseen_share=round(unseen_rows / len(b), 6),
        unseen_rows=unseen_rows,
        expected_unseen_rows=round(expected, 3),
        unseen_examples=examples,
    )


def _unseen_excess(item: ColumnDrift) -> bool:
    """More unseen-category rows than a random split leaves (3 sigma, Poisson), and enough."""
    if not item.unseen_rows or item.expected_unseen_rows is None:
        return False
    expected = item.expected_unseen_rows
    return item.unseen_rows >= max(UNSEEN_MIN_ROWS, expected + 3 * math.sqrt(expected) + 3)


def column_drifts(
    train: pd.DataFrame,
    test: pd.DataFrame,
    features: list[str],
    kinds: dict[str, ColumnKind],
    seed: int = SEED,
) -> dict[str, ColumnDrift]:
    """The drift statistics of every compared column, flagged when they pass the thresholds."""
    out: dict[str, ColumnDrift] = {}
    for col in features:
        if kinds[col] == "num":
            item = numeric_drift(col, train[col], test[col], seed)
        else:
            item = categorical_drift(col, train[col], test[col])
        significant = item.p_value < DRIFT_P_VALUE
        item.drifted = (significant and item.psi >= DRIFT_PSI_INFO) or _unseen_excess(item)
        out[col] = item
    return out


def _number(value: float | None) -> str:
    if value is None or not math.isfinite(value):
        return "n/a"
    return f"{value:.4g}"


def _p_text(p_value: float) -> str:
    return "p < 1e-10" if p_value < 1e-10 else f"p = {p_value:.1g}"


@emits("data", "DATA008")
def check_drift(drifts: dict[str, ColumnDrift], test_name: str) -> list[Finding]:
    """DATA008, one finding per drifted column (largest shift first, at most MAX_FINDINGS)."""
    drifted = sorted(
        (d for d in drifts.values() if d.drifted),
        key=lambda d: (d.unseen_share or 0.0, d.psi),
        reverse=True,
    )
    findings = []
    for item in drifted[:MAX_FINDINGS]:
        size = (
            "a large shift"
            if item.psi >= DRIFT_PSI_WARNING
            else "a moderate shift"
            if item.psi >= DRIFT_PSI_INFO
            else "a small shift"
        )
        data = item.model_dump(mode="json") | {"test_file": test_name}
        if item.kind == "num":
            message = (
                f"Column '{item.column}' is distributed differently in {test_name} than in "
                f"training: PSI {item.psi:.3f} ({size}), KS distance {item.ks:.3f} "
                f"({_p_text(item.p_value)}); median {_number(item.test_median)} in test against "
                f"{_number(item.train_median)} in training."
            )
        else:
            unseen = ""
            if item.unseen_rows:
                shown = ", ".join(f"'{e}'" for e in item.unseen_examples)
                unseen = (
                    f" {100 * (item.unseen_share or 0):.1f}% of its test rows "
                    f"({item.unseen_rows:,}) have a category training never saw (e.g. {shown}); a "
                    f"random split would leave about {item.expected_unseen_rows:.0f} such rows."
                )
            message = (
                f"Column '{item.column}' is distributed differently in {test_name} than in "
                f"training: PSI {item.psi:.3f} over its training categories ({size}, "
                f"{_p_text(item.p_value)}).{unseen}"
            )
        severity = "warning" if item.psi >= DRIFT_PSI_WARNING or _unseen_excess(item) else "info"
        findings.append(finding("DATA008", message, data, severity=severity))
    return findings


def _encode(frames: list[pd.DataFrame], features: list[str], kinds: dict[str, ColumnKind]):
    """One numeric matrix per frame: numbers as they are, text as codes shared by both frames."""
    encoded = [np.empty((len(f), len(features)), dtype="float64") for f in frames]
    for j, col in enumerate(features):
        if kinds[col] == "num":
            for out, frame in zip(encoded, frames, strict=True):
                out[:, j] = tame(_numbers(frame[col]))[0]
            continue
        joined = pd.concat([f[col].astype("string") for f in frames], ignore_index=True)
        codes = pd.factorize(joined, use_na_sentinel=True)[0].astype("float64")
        codes[codes < 0] = np.nan
        start = 0
        for out, frame in zip(encoded, frames, strict=True):
            out[:, j] = codes[start : start + len(frame)]
            start += len(frame)
    return encoded


def adversarial_validation(
    train: pd.DataFrame,
    test: pd.DataFrame,
    features: list[str],
    kinds: dict[str, ColumnKind],
    *,
    seed: int = SEED,
    sample: int = ADVERSARIAL_SAMPLE,
) -> Adversarial | None:
    """Out-of-fold ROC-AUC of a random forest guessing the file of each row, on a sample of
    equally many rows from each file, and the AUC each column costs when shuffled.

    A single-threaded forest, not gradient boosting: OpenMP-based models slow down by orders of
    magnitude on a machine whose cores are busy, and this check must stay cheap."""
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold

    rows = min(len(train), len(test), sample)
    if rows < 30 or not features:
        return None
    parts = [
        train.sample(n=rows, random_state=seed) if len(train) > rows else train,
        test.sample(n=rows, random_state=seed) if len(test) > rows else test,
    ]
    a, b = _encode(parts, features, kinds)
    X = np.vstack([a, b])
    X[np.isnan(X)] = _MISSING  # below every (tamed) value: "missing" is its own branch
    y = np.r_[np.zeros(len(a), dtype=int), np.ones(len(b), dtype=int)]
    folds = 3
    proba = np.zeros(len(y))
    losses = np.zeros(len(features))
    rng = np.random.default_rng(seed)
    splitter = StratifiedKFold(folds, shuffle=True, random_state=seed)
    for fit_idx, test_idx in splitter.split(X, y):
        model = RandomForestClassifier(
            n_estimators=60, max_depth=8, min_samples_leaf=5, n_jobs=1, random_state=seed
        )
        model.fit(X[fit_idx], y[fit_idx])
        held = X[test_idx]
        proba[test_idx] = model.predict_proba(held)[:, 1]
        base = roc_auc_score(y[test_idx], proba[test_idx])
        for j in range(len(features)):
            shuffled = held.copy()
            shuffled[:, j] = rng.permutation(shuffled[:, j])
            losses[j] += base - roc_auc_score(y[test_idx], model.predict_proba(shuffled)[:, 1])
    auc = float(roc_auc_score(y, proba))
    ranked = sorted(zip(features, losses / folds, strict=True), key=lambda kv: kv[1], reverse=True)
    return Adversarial(
        auc=round(auc, 6),
        rows_per_file=rows,
        folds=folds,
        seed=seed,
        columns={c: round(float(v), 6) for c, v in ranked[:10]},
    )


@emits("data", "DATA009")
def check_adversarial(result: Adversarial | None, test_name: str) -> list[Finding]:
    """DATA009 when a model separates the files well; names the columns it relies on."""
    if result is None or result.auc < ADVERSARIAL_AUC:
        return []
    leaders = [(c, v) for c, v in result.columns.items() if v >= 0.01][:5]
    named = (
        "it relies most on " + ", ".join(f"'{c}' (AUC −{v:.2f} when shuffled)" for c, v in leaders)
        if leaders
        else "no single column carries it: the difference lies in combinations of columns"
    )
    message = (
        f"A model tells training rows from {test_name} rows with ROC-AUC {result.auc:.3f} "
        f"(0.5 = indistinguishable; {result.folds}-fold CV on {result.rows_per_file:,} rows from "
        f"each file, seed {result.seed}): the split is not random; {named}."
    )
    data = result.model_dump(mode="json") | {"test_file": test_name, "threshold": ADVERSARIAL_AUC}
    return [finding("DATA009", message, data)]
