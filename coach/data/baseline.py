"""`run_baseline`: trivial and simple baselines with honest cross-validation.

Trivial: DummyClassifier (majority class, stratified guessing) or DummyRegressor (mean, median).
Simple: LogisticRegression or Ridge in a Pipeline (impute, scale, one-hot) that is fitted inside
each fold, so no statistic of a validation fold reaches training. Folds are shuffled with a fixed
seed (StratifiedKFold for classification). scikit-learn is imported inside the functions only.
"""

from __future__ import annotations

import re
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from coach.data.errors import DataError
from coach.data.frame import (
    Task,
    class_counts,
    infer_task,
    is_numeric,
    label_text,
    sample_rows,
    tame,
)
from coach.data.progress import ProgressCallback, tick
from coach.data.report import (
    BaselineReport,
    MetricStat,
    ModelResult,
    ScoreComparison,
    finding,
    sort_findings,
)
from coach.data.thresholds import (
    BASELINE_MAX_ROWS,
    CLEAR_MARGIN,
    IMBALANCE_INFO,
    SEED,
    SINGLE_FEATURE_SAMPLE,
    SUSPICIOUS_SCORE,
)
from coach.models import Finding
from coach.registry import emits

MAX_ONE_HOT_CATEGORIES = 20
# Text columns with more distinct values than this share of rows are keys or free text.
TEXT_DISTINCT_SHARE = 0.5
MAX_CLASSES = 100


@dataclass(frozen=True)
class MetricInfo:
    label: str
    higher_is_better: bool
    bounded: bool  # a score in [0, 1]


METRICS: dict[str, MetricInfo] = {
    "balanced_accuracy": MetricInfo("balanced accuracy", True, True),
    "f1": MetricInfo("F1 (positive class)", True, True),
    "f1_macro": MetricInfo("macro F1", True, True),
    "roc_auc": MetricInfo("ROC-AUC", True, True),
    "pr_auc": MetricInfo("PR-AUC (avg precision)", True, True),
    "log_loss": MetricInfo("log loss", False, False),
    "accuracy": MetricInfo("accuracy", True, True),
    "r2": MetricInfo("R²", True, False),
    "mae": MetricInfo("MAE", False, False),
    "rmse": MetricInfo("RMSE", False, False),
}
ALIASES = {
    "auc": "roc_auc",
    "rocauc": "roc_auc",
    "roc": "roc_auc",
    "average_precision": "pr_auc",
    "ap": "pr_auc",
    "prauc": "pr_auc",
    "macro_f1": "f1_macro",
    "f1macro": "f1_macro",
    "balanced_acc": "balanced_accuracy",
    "bacc": "balanced_accuracy",
    "acc": "accuracy",
    "logloss": "log_loss",
    "cross_entropy": "log_loss",
    "r_squared": "r2",
    "rsquared": "r2",
    "mean_absolute_error": "mae",
    "root_mean_squared_error": "rmse",
}


def canonical_metric(name: str) -> str:
    key = re.sub(r"[\s\-]+", "_", name.strip().lower())
    key = ALIASES.get(key, ALIASES.get(key.replace("_", ""), key))
    return key


def parse_model_scores(items: list[str]) -> dict[str, float]:
    """`["roc_auc=0.91", "accuracy=0.97"]` -> {"roc_auc": 0.91, ...}; DataError when malformed."""
    scores: dict[str, float] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise DataError(f"--model-score expects METRIC=VALUE (e.g. roc_auc=0.91), got '{item}'")
        try:
            number = float(value)
        except ValueError as exc:
            raise DataError(f"--model-score {item}: '{value}' is not a number") from exc
        if not np.isfinite(number):
            raise DataError(f"--model-score {item}: the value must be a finite number")
        scores[canonical_metric(name)] = number
    return scores


def _metric_names(task: str, n_classes: int, balanced: bool, requested: set[str]) -> list[str]:
    if task == "regression":
        names = ["r2", "mae", "rmse"]
    elif n_classes == 2:
        names = ["balanced_accuracy", "f1", "f1_macro", "roc_auc", "pr_auc", "log_loss"]
    else:
        names = ["balanced_accuracy", "f1_macro", "log_loss"]
    if task == "classification" and (balanced or "accuracy" in requested):
        names.append("accuracy")
    return names


def _positive_class(counts: dict[str, int], labels: pd.Series) -> Any:
    """1 / True when the labels are 0/1 or booleans, else the minority class."""
    if pd.api.types.is_bool_dtype(labels.dtype):
        return True
    values = set(labels.dropna().unique().tolist())
    if is_numeric(labels) and values == {0, 1}:
        return next(v for v in values if v == 1)
    minority = list(counts)[-1]
    return next(v for v in values if label_text(v) == minority)


def _prepare_features(
    frame: pd.DataFrame, target: str, id_col: str | None, keep: frozenset[str] = frozenset()
) -> tuple[pd.DataFrame, list[str], list[str], dict[str, str]]:
    from coach.data.leakage import identifier_columns

    dropped: dict[str, str] = {}
    if id_col:
        dropped[id_col] = "--id-col"
    candidates = [c for c in frame.columns if c not in (target, id_col)]
    ids = identifier_columns(frame, [c for c in candidates if c not in keep])
    dropped |= {c: f"identifier: {r}" for c, r in ids.items()}
    numeric, categorical = [], []
    rows = len(frame)
    for col in candidates:
        if col in dropped:
            continue
        series = frame[col]
        if series.isna().all():
            dropped[col] = "no values"
        elif series.nunique(dropna=False) < 2:
            dropped[col] = "constant"
        elif pd.api.types.is_datetime64_any_dtype(series.dtype):
            dropped[col] = "date/time (derive features such as day of week from it first)"
        elif is_numeric(series) or pd.api.types.is_bool_dtype(series.dtype):
            numeric.append(col)
        elif series.nunique() > TEXT_DISTINCT_SHARE * rows:
            dropped[col] = "text with a distinct value in most rows (free text or a key)"
        else:
            categorical.append(col)
    X = frame[numeric + categorical].copy()
    for col in numeric:
        X[col] = tame(X[col].to_numpy(dtype="float64", na_value=np.nan))[0]
    for col in categorical:
        X[col] = X[col].astype(object).where(X[col].notna(), np.nan)
    return X, numeric, categorical, dropped


def _leak_reason(data: dict[str, Any]) -> str:
    """Why a LEAK004 finding's column is left out of the baseline, in a few words."""
    kind = data.get("kind")
    metric = "balanced accuracy" if data.get("metric") == "balanced_accuracy" else "R²"
    if kind == "copy":
        return "target leakage: a copy of the target under another encoding (LEAK004)"
    if kind == "function":
        return "target leakage: takes exactly one value per class (LEAK004)"
    if kind == "monotone":
        return (
            "target leakage: a monotone function of the target, rank correlation "
            f"{data['rank_correlation']:+.4f} (LEAK004)"
        )
    if kind == "dominant-single-feature":
        return (
            f"target leakage: alone it scores {metric} {data['single_feature_score']:.3f}, far "
            f"above every other column (LEAK004)"
        )
    return (
        f"target leakage: alone it scores {metric} {data['single_feature_score']:.3f} "
        f"against a trivial {data['trivial_score']:.3f} (LEAK004)"
    )


@dataclass
class LeakScreen:
    """Columns the cheap leakage checks flag (column -> why), and their LEAK004 findings."""

    columns: dict[str, str]
    findings: list[Finding]
    rows: int


def screen_leaks(
    frame: pd.DataFrame, features: list[str], target: str, task: Task, seed: int
) -> LeakScreen:
    """The LEAK004 checks `check-data` runs (copies and functions of the target, one-feature
    models on a sample), so that no baseline score rests on a column they flag."""
    from coach.data import leakage

    if not features:
        return LeakScreen({}, [], 0)
    y = frame[target]
    functions = leakage.target_functions(frame, features, y, task)
    single = leakage.single_feature_skills(
        frame, features, y, task, sample_size=SINGLE_FEATURE_SAMPLE, seed=seed
    )
    findings = [
        f.model_copy(
            update={"evidence": [e.model_copy(update={"kind": "baseline"}) for e in f.evidence]}
        )
        for f in leakage.check_target_leakage(target, functions, single)
    ]
    columns = {f.data["column"]: _leak_reason(f.data) for f in findings}
    return LeakScreen(columns, findings, single.rows)


def _simple_pipeline(
    task: str, numeric: list[str], categorical: list[str], balanced_weights: bool, seed: int
):
    from sklearn.compose import ColumnTransformer
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression, Ridge
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    parts = []
    if numeric:
        parts.append(
            (
                "numeric",
                Pipeline(
                    [
                        ("impute", SimpleImputer(strategy="median", keep_empty_features=True)),
                        ("scale", StandardScaler()),
                    ]
                ),
                numeric,
            )
        )
    if categorical:
        parts.append(
            (
                "categorical",
                Pipeline(
                    [
                        ("impute", SimpleImputer(strategy="constant", fill_value="(missing)")),
                        (
                            "one_hot",
                            OneHotEncoder(
                                handle_unknown="infrequent_if_exist",
                                max_categories=MAX_ONE_HOT_CATEGORIES,
                            ),
                        ),
                    ]
                ),
                categorical,
            )
        )
    prep = ColumnTransformer(parts)
    if task == "classification":
        model = LogisticRegression(
            max_iter=1000, class_weight="balanced" if balanced_weights else None
        )
    else:
        model = Ridge(alpha=1.0)
    return Pipeline([("prep", prep), ("model", model)])


def _scores(task: str, names: list[str], est, X, y: np.ndarray, k: int) -> dict[str, float]:
    from sklearn import metrics as m

    out: dict[str, float] = {}
    if task == "regression":
        pred = est.predict(X)
        out["r2"] = float(m.r2_score(y, pred))
        out["mae"] = float(m.mean_absolute_error(y, pred))
        out["rmse"] = float(np.sqrt(m.mean_squared_error(y, pred)))
        return out
    pred = est.predict(X)
    raw = est.predict_proba(X)
    proba = np.zeros((len(y), k))
    proba[:, np.asarray(est.classes_, dtype=int)] = raw
    for name in names:
        if name == "balanced_accuracy":
            out[name] = float(m.balanced_accuracy_score(y, pred))
        elif name == "f1":
            out[name] = float(m.f1_score(y, pred, pos_label=1, zero_division=0))
        elif name == "f1_macro":
            out[name] = float(m.f1_score(y, pred, average="macro", zero_division=0))
        elif name == "roc_auc":
            out[name] = float(m.roc_auc_score(y, proba[:, 1]))
        elif name == "pr_auc":
            out[name] = float(m.average_precision_score(y, proba[:, 1]))
        elif name == "log_loss":
            out[name] = float(m.log_loss(y, proba, labels=list(range(k))))
        elif name == "accuracy":
            out[name] = float(m.accuracy_score(y, pred))
    return out


def _load(
    path: Path, target: str, encoding: str | None, id_col: str | None, keep: list[str]
) -> pd.DataFrame:
    from coach.data.load import load_table, read_header, require_columns

    header = read_header(path, encoding=encoding)
    roles = {"target": target} | ({"id": id_col} if id_col else {})
    roles |= {f"--keep {i + 1}": name for i, name in enumerate(keep)}
    require_columns(header, roles, path)
    return load_table(path, encoding=encoding)


def _looks_like(values: pd.Series) -> str:
    """ " (they look like dates)" when the text values parse as dates, else ""."""
    if is_numeric(values):
        return ""
    sample = values.dropna().astype(str).head(200)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = pd.to_datetime(sample, errors="coerce", format="mixed")
    return " (they look like dates and times)" if parsed.notna().mean() > 0.9 else ""


def _resolve_task(y: pd.Series, task: str, target: str) -> Task:
    if task == "auto":
        return infer_task(y)
    if task == "regression":
        if not is_numeric(y) or pd.api.types.is_bool_dtype(y.dtype):
            example = next((v for v in y if pd.isna(pd.to_numeric(v, errors="coerce"))), y.iloc[0])
            raise DataError(
                f"--task regression needs a numeric target, but '{target}' holds text "
                f"(e.g. '{example}'); use --task classification"
            )
        return "regression"
    if task == "classification":
        distinct = y.nunique()
        if distinct > MAX_CLASSES:
            raise DataError(
                f"--task classification, but '{target}' has {distinct:,} distinct values; "
                "is it a regression target? (use --task regression or auto)"
            )
        return "classification"
    raise DataError(f"unknown task '{task}'; choose auto, classification or regression")


def run_baseline(
    path: str | Path,
    target: str,
    *,
    task: str = "auto",
    cv: int = 5,
    model_scores: dict[str, float] | None = None,
    progress: ProgressCallback | None = None,
    id_col: str | None = None,
    max_rows: int | None = BASELINE_MAX_ROWS,
    seed: int = SEED,
    encoding: str | None = None,
    keep: list[str] | None = None,
) -> BaselineReport:
    """Cross-validate trivial and simple baselines on `path` for the column `target`.

    The cheap leakage checks run first: columns they flag (identifiers, copies and functions of
    the target, one-feature models that are too good) are left out of the features, and the
    simple model is scored again with them only to show what they would have added. `keep`
    names columns to use anyway.
    """
    from sklearn.base import clone
    from sklearn.dummy import DummyClassifier, DummyRegressor
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.model_selection import KFold, StratifiedKFold

    started = time.monotonic()
    if cv < 2:
        raise DataError(f"--cv must be at least 2 (got {cv})")
    path = Path(path)
    tick(progress, "reading data", 0, 1)
    kept = list(keep or [])
    frame = _load(path, target, encoding, id_col, kept)
    rows = len(frame)
    from coach.data.load import load_notes

    notes: list[str] = load_notes(frame)
    frame = frame[frame[target].notna()]
    if frame.empty:
        raise DataError(f"the target column '{target}' in {path} has no values")
    if len(frame) < rows:
        notes.append(f"{rows - len(frame):,} rows without a target value left out (DATA007)")
    y_raw = frame[target]
    resolved = _resolve_task(y_raw, task, target)
    requested = {canonical_metric(m) for m in (model_scores or {})}

    counts: dict[str, int] | None = None
    positive = None
    balanced = True
    y_unit = 1.0
    if resolved == "classification":
        counts = class_counts(y_raw)
        if len(counts) > 0.5 * len(frame) and len(frame) >= 10:
            raise DataError(
                f"the target '{target}' has {len(counts):,} distinct values in {len(frame):,} "
                f"labelled rows{_looks_like(y_raw)}: nearly every row is its own class, which no "
                "classifier can learn. Is it the right column? (a number to predict: --task "
                "regression)"
            )
        if len(counts) < 2:
            only = next(iter(counts))
            raise DataError(
                f"the target '{target}' has a single class ('{only}') in all {len(frame):,} "
                "labelled rows: a classifier needs at least two classes (DATA004)"
            )
        smallest = min(counts.values())
        if smallest < 2:
            rare = [k for k, v in counts.items() if v < 2]
            raise DataError(
                f"class(es) {', '.join(repr(r) for r in rare[:5])} of '{target}' have a single "
                "row: cross-validation needs at least 2 rows per class; drop or merge them"
            )
        total = sum(counts.values())
        majority = max(counts.values())
        if len(counts) == 2:
            balanced = min(counts.values()) / total >= IMBALANCE_INFO
        else:
            balanced = smallest / majority >= IMBALANCE_INFO
    sampled = False
    if max_rows and len(frame) > max_rows:
        strat = y_raw if resolved == "classification" else None
        frame = sample_rows(frame, max_rows, seed, stratify=strat)
        y_raw = frame[target]
        sampled = True
        notes.append(
            f"fitted on a sample of {len(frame):,} of {rows:,} rows (seed {seed}"
            + (", stratified by class" if resolved == "classification" else "")
            + "); use --max-rows 0 for all rows"
        )
    if resolved == "classification":
        if len(counts) == 2:
            positive = _positive_class(counts, y_raw)
            y = (y_raw == positive).to_numpy().astype(int)
            classes = 2
        else:
            order = [c for c in counts]  # largest first
            lookup = {label: i for i, label in enumerate(order)}
            y = np.array([lookup[label_text(v)] for v in y_raw], dtype=int)
            classes = len(order)
        fold_counts = np.bincount(y, minlength=classes)
        folds_n = cv
        if fold_counts.min() < cv:
            folds_n = max(2, int(fold_counts.min()))
            notes.append(
                f"the smallest class has {int(fold_counts.min())} rows, fewer than {cv} folds: "
                f"using {folds_n} folds"
            )
        splitter = StratifiedKFold(n_splits=folds_n, shuffle=True, random_state=seed)
        folds = list(splitter.split(np.zeros(len(y)), y))
    else:
        y, y_unit = tame(pd.to_numeric(y_raw, errors="coerce").to_numpy("float64"))
        if y_unit != 1.0:
            notes.append(
                f"the target's values are too large to square in floating point: the models were "
                f"fitted on target / {y_unit:g}; MAE and RMSE are shown in the original units"
            )
        classes = 0
        if len(y) < cv:
            raise DataError(f"{len(y)} labelled rows are too few for {cv}-fold cross-validation")
        folds_n = cv
        folds = list(KFold(n_splits=cv, shuffle=True, random_state=seed).split(np.zeros(len(y))))

    X, numeric, categorical, dropped = _prepare_features(frame, target, id_col, frozenset(kept))
    tick(progress, "leakage checks", 0, 1)
    screen = screen_leaks(
        frame, [c for c in numeric + categorical if c not in kept], target, resolved, seed
    )
    flagged = [c for c in numeric + categorical if c in screen.columns]
    dropped |= {c: screen.columns[c] for c in flagged}
    all_numeric, all_categorical = numeric, categorical
    numeric = [c for c in numeric if c not in screen.columns]
    categorical = [c for c in categorical if c not in screen.columns]
    names = _metric_names(resolved, classes, balanced, requested)
    if resolved == "classification" and not balanced and "accuracy" in names:
        notes.append(
            "accuracy is shown because you asked for it, but with imbalanced classes it mostly "
            "measures the majority class (IMB001)"
        )
    weighted = resolved == "classification" and not balanced
    candidates: list[tuple[str, str, str, Any]] = []
    if resolved == "classification":
        candidates += [
            (
                "dummy-most-frequent",
                "trivial",
                "always predicts the majority class (probabilities = class shares)",
                DummyClassifier(strategy="prior"),
            ),
            (
                "dummy-stratified",
                "trivial",
                "guesses at random with the class shares",
                DummyClassifier(strategy="stratified", random_state=seed),
            ),
        ]
        simple_name, simple_desc = (
            "logistic-regression",
            "LogisticRegression in a Pipeline(impute, scale, one-hot)"
            + (", class_weight='balanced'" if weighted else ""),
        )
    else:
        candidates += [
            (
                "dummy-mean",
                "trivial",
                "always predicts the training mean",
                DummyRegressor(strategy="mean"),
            ),
            (
                "dummy-median",
                "trivial",
                "always predicts the training median",
                DummyRegressor(strategy="median"),
            ),
        ]
        simple_name, simple_desc = "ridge", "Ridge in a Pipeline(impute, scale, one-hot)"
    if numeric or categorical:
        candidates.append(
            (
                simple_name,
                "simple",
                simple_desc,
                _simple_pipeline(resolved, numeric, categorical, weighted, seed),
            )
        )
    else:
        notes.append("no usable feature columns: only the trivial baselines were run")
    if flagged:
        candidates.append(
            (
                "with-flagged",
                "flagged",
                f"{simple_name} with the flagged columns put back ("
                + ", ".join(flagged)
                + "), only to show what they add; never used for advice",
                _simple_pipeline(resolved, all_numeric, all_categorical, weighted, seed),
            )
        )

    results: list[ModelResult] = []
    steps, done = len(candidates) * len(folds), 0
    converged = True
    for name, kind, description, template in candidates:
        per_metric: dict[str, list[float]] = {}
        model_started = time.monotonic()
        for train_idx, test_idx in folds:
            tick(progress, f"fitting {name}", done, steps)
            estimator = clone(template)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                estimator.fit(X.iloc[train_idx], y[train_idx])
                fold_scores = _scores(
                    resolved, names, estimator, X.iloc[test_idx], y[test_idx], classes
                )
            if any(issubclass(w.category, ConvergenceWarning) for w in caught):
                converged = False
            for metric, value in fold_scores.items():
                per_metric.setdefault(metric, []).append(value)
            done += 1
        results.append(
            ModelResult(
                name=name,
                kind=kind,
                description=description,
                metrics={
                    metric: _stat(v, y_unit if metric in ("mae", "rmse") else 1.0)
                    for metric, v in per_metric.items()
                },
                seconds=round(time.monotonic() - model_started, 3),
            )
        )
    tick(progress, "fitting baselines", steps, steps)
    if not converged:
        notes.append("the logistic regression did not fully converge in some folds (max_iter=1000)")

    report = BaselineReport(
        file=str(path),
        target=target,
        task=resolved,
        cv=folds_n,
        rows=rows,
        rows_used=len(frame),
        sampled=sampled,
        sample_size=len(frame) if sampled else None,
        seed=seed,
        class_counts=counts,
        positive_class=label_text(positive) if positive is not None else None,
        features=numeric + categorical,
        dropped_columns=dropped,
        leakage_columns={c: screen.columns[c] for c in flagged},
        models=results,
        notes=notes,
    )
    from coach.data.basic import check_columns

    # A target mixing numbers and words (DATA006) is worth saying next to the scores.
    report.findings += [f for f in check_columns(frame[[target]], target) if f.rule == "DATA006"]
    report.findings += screen.findings
    report.findings += _suspicious(report, frame, target, resolved, seed)
    if flagged:
        report.notes.append(_flagged_note(report, names[0]))
    if model_scores:
        comparisons, findings = compare_scores(report, model_scores, names)
        report.comparisons = comparisons
        report.findings += findings
    report.findings = sort_findings(report.findings)
    report.seconds = round(time.monotonic() - started, 3)
    return report


def _stat(values: list[float], unit: float) -> MetricStat:
    """Mean ± std over folds, computed on the divided target and then put back in its units."""
    return MetricStat(
        mean=_round(float(np.mean(values)) * unit),
        std=_round(float(np.std(values)) * unit),
        folds=[_round(x * unit) for x in values],
    )


def _round(value: float) -> float:
    """Six decimals for ordinary scores, six significant digits for huge errors."""
    return round(value, 6) if abs(value) < 1e9 else float(f"{value:.6g}")


@emits("data", "LEAK004")
def _suspicious(
    report: BaselineReport, frame: pd.DataFrame, target: str, task: Task, seed: int
) -> list[Finding]:
    """LEAK004 when the simple model is too good to be true, naming the columns to look at."""
    simple = next((m for m in report.models if m.kind == "simple"), None)
    metric = "balanced_accuracy" if task == "classification" else "r2"
    # NaN (a target too large to square, say) is not "perfect": `not (x >= t)` keeps it out.
    if simple is None or not simple.metrics[metric].mean >= SUSPICIOUS_SCORE:
        return []
    from coach.data import leakage

    stat = simple.metrics[metric]
    features = report.features
    functions = leakage.target_functions(frame, features, frame[target], task)
    single = leakage.single_feature_skills(
        frame,
        features,
        frame[target],
        task,
        sample_size=5000,
        seed=seed,
    )
    suspects = sorted(single.skills.items(), key=lambda kv: kv[1], reverse=True)[:3]
    label = METRICS[metric].label
    named = list(functions) or [c for c, s in suspects if s >= 0.9]
    hint = (
        "columns to look at first: "
        + ", ".join(f"'{c}' (alone: {single.scores[c]:.3f})" for c in named if c in single.scores)
        if named
        else "no single column explains it, so look for a combination (e.g. a total and its parts)"
    )
    message = (
        f"The simple {simple.name} baseline scores {label} {stat.mean:.3f} ± {stat.std:.3f} — "
        f"suspiciously perfect for a linear model. Treat it as a likely leak, not a win; {hint}."
    )
    data = {
        "model": simple.name,
        "metric": metric,
        "mean": stat.mean,
        "std": stat.std,
        "threshold": SUSPICIOUS_SCORE,
        "suspects": [
            {"column": c, "single_feature_score": single.scores[c], "skill": s} for c, s in suspects
        ],
        "copies_of_target": list(functions),
    }
    return [finding("LEAK004", message, data, kind="baseline")]


def _flagged_note(report: BaselineReport, metric: str) -> str:
    """The simple model's score with and without the flagged columns, in one sentence."""
    simple = next((m for m in report.models if m.kind == "simple"), None)
    flagged = next(m for m in report.models if m.kind == "flagged")
    info = METRICS[metric]
    columns = ", ".join(f"'{c}'" for c in report.leakage_columns)
    them = "them" if len(report.leakage_columns) > 1 else "it"
    with_ = flagged.metrics[metric]
    if simple is None:
        return (
            f"with the flagged column(s) {columns} the simple model would score {info.label} "
            f"{with_.mean:.3f}; without them no feature is left"
        )
    without = simple.metrics[metric]
    gap = abs(with_.mean - without.mean)
    if gap > max(
        2 * without.std, CLEAR_MARGIN if info.bounded else CLEAR_MARGIN * abs(without.mean)
    ):
        return (
            f"left out as likely leakage: {columns}. With {them} the simple model scores "
            f"{info.label} {with_.mean:.3f} ± {with_.std:.3f}, without {them} {without.mean:.3f} "
            f"± {without.std:.3f}; the difference is what the flagged column(s) explain, so no "
            f"advice here rests on the score with {them}"
        )
    return (
        f"left out as likely leakage: {columns}; putting {them} back changes the simple model's "
        f"{info.label} little ({with_.mean:.3f} with {them}, {without.mean:.3f} without)"
    )


@emits("data", "BASE003")
def compare_scores(
    report: BaselineReport, model_scores: dict[str, float], names: list[str]
) -> tuple[list[ScoreComparison], list[Finding]]:
    """BASE003 for each user score that does not clearly beat the best baseline."""
    comparisons: list[ScoreComparison] = []
    findings = []
    for raw_name, value in model_scores.items():
        metric = canonical_metric(raw_name)
        if metric not in names:
            raise DataError(
                f"--model-score: metric '{raw_name}' is not computed for this "
                f"{report.task} target; available: {', '.join(names)}"
            )
        info = METRICS[metric]
        if info.bounded and not 0.0 <= value <= 1.0:
            raise DataError(f"--model-score {raw_name}={value}: {info.label} lies between 0 and 1")
        if metric in ("mae", "rmse", "log_loss") and value < 0:
            raise DataError(f"--model-score {raw_name}={value}: {info.label} cannot be negative")
        sign = 1.0 if info.higher_is_better else -1.0

        def margin(stat: MetricStat, info: MetricInfo = info) -> float:
            floor = CLEAR_MARGIN if info.higher_is_better else CLEAR_MARGIN * abs(stat.mean)
            return max(2 * stat.std, floor)

        # A model that uses a flagged column never sets the bar: its score may be the leak's.
        honest = [m for m in report.models if m.kind != "flagged"]
        ranked = sorted(honest, key=lambda m: sign * m.metrics[metric].mean, reverse=True)
        best = ranked[0]
        trivial = next(m for m in ranked if m.kind == "trivial")
        best_stat, trivial_stat = best.metrics[metric], trivial.metrics[metric]
        beats = sign * (value - best_stat.mean) > margin(best_stat)
        beats_trivial = sign * (value - trivial_stat.mean) > margin(trivial_stat)
        comparison = ScoreComparison(
            metric=metric,
            value=value,
            higher_is_better=info.higher_is_better,
            best_model=best.name,
            best_mean=best_stat.mean,
            best_std=best_stat.std,
            margin=round(margin(best_stat), 6),
            trivial_model=trivial.name,
            trivial_mean=trivial_stat.mean,
            beats_clearly=beats,
            beats_trivial=beats_trivial,
        )
        comparisons.append(comparison)
        if beats:
            continue
        data = comparison.model_dump(mode="json")
        if not beats_trivial:
            message = (
                f"Your model's {info.label} {value:.4g} does not beat the trivial baseline "
                f"{trivial.name} ({trivial_stat.mean:.4g} ± {trivial_stat.std:.2g}): it does no "
                "better than a model that ignores the features. Suspect a bug (labels misaligned "
                "with rows, features not what you think) before tuning."
            )
            findings.append(finding("BASE003", message, data, severity="error", kind="baseline"))
            continue
        needed = best_stat.mean + sign * margin(best_stat)
        worse = sign * (value - best_stat.mean) < 0
        if info.bounded and not 0.0 <= needed <= 1.0:
            bar = "the baseline is already at the ceiling of this metric"
        else:
            bar = (
                f"a clear win needs {'above' if info.higher_is_better else 'below'} {needed:.4g} "
                f"(2 × fold std, at least {CLEAR_MARGIN:g}"
                + (" of the value" if not info.higher_is_better else "")
                + ")"
            )
        message = (
            f"Your model's {info.label} {value:.4g} "
            + ("is worse than" if worse else "does not clearly beat")
            + f" the simple baseline {best.name} ({best_stat.mean:.4g} ± {best_stat.std:.2g}); "
            f"{bar}. Keep the simpler model, or find out why the complex one adds nothing."
        )
        findings.append(finding("BASE003", message, data, kind="baseline"))
    return comparisons, findings
