"""LEAK004 on data: identifier columns, copies / functions of the target, one-feature models.

The copy and identifier checks are exact pandas computations on every row. The one-feature model
check fits, for every column, a small model on that column alone (a shallow decision tree for
numbers, a per-category lookup for text) with cross-validation on a fixed-seed sample, and
compares it with the trivial baseline. scikit-learn is imported only inside that function.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from coach.data.frame import Task, id_like_reason, is_numeric, sample_rows, tame
from coach.data.progress import ProgressCallback, tick
from coach.data.report import finding
from coach.data.thresholds import (
    DOMINANT_GAP,
    DOMINANT_SKILL,
    MONOTONE_RANK_CORRELATION,
    RANK_SAMPLE,
    SINGLE_FEATURE_SKILL,
)
from coach.models import Finding
from coach.registry import emits

CV_FOLDS = 3
# The copy / function test needs classes that repeat: skipped when classes exceed this share of rows.
MAX_CLASS_SHARE_FOR_COPIES = 0.5
TREE_DEPTH = 6
MIN_LEAF = 5


@dataclass
class SingleFeatureResult:
    """Out-of-fold score and skill of a one-feature model per column, with the sample used."""

    metric: str
    trivial: float
    scores: dict[str, float] = field(default_factory=dict)
    skills: dict[str, float] = field(default_factory=dict)
    rows: int = 0
    sampled: bool = False
    folds: int = CV_FOLDS
    note: str | None = None


def identifier_columns(frame: pd.DataFrame, candidates: list[str]) -> dict[str, str]:
    """Columns that look like identifiers, with the reason."""
    found = {}
    for col in candidates:
        reason = id_like_reason(col, frame[col])
        if reason:
            found[col] = reason
    return found


@emits("data", "LEAK004")
def check_identifiers(id_like: dict[str, str]) -> list[Finding]:
    return [
        finding(
            "LEAK004",
            f"Column '{col}' looks like an identifier ({reason}): a model can memorise it, and "
            "it means nothing for new rows. Drop it from the features (or pass --id-col).",
            {"column": col, "kind": "identifier", "reason": reason},
            severity="warning",
        )
        for col, reason in id_like.items()
    ]


def target_functions(
    frame: pd.DataFrame, features: list[str], target: pd.Series, task: Task
) -> dict[str, dict]:
    """Columns that are a copy / deterministic function (classification) or a monotone function
    (regression) of the target, computed on the labelled rows."""
    labelled = target.notna().to_numpy()
    found: dict[str, dict] = {}
    if task == "classification":
        y_codes, classes = pd.factorize(target[labelled])
        k = len(classes)
        # With (nearly) a class per row, every column "takes one value per class" trivially:
        # only classes that repeat can show that a column follows the label.
        if k < 2 or k > MAX_CLASS_SHARE_FOR_COPIES * len(y_codes):
            return found
        everything = bool(labelled.all())
        for col in features:
            # Fast rejection: more distinct values than classes, already in the first rows.
            if frame[col].head(10_000).nunique(dropna=False) > k:
                continue
            x = frame[col] if everything else frame[col][labelled]
            if x.nunique(dropna=False) > k:
                continue
            x_codes, x_values = pd.factorize(x, use_na_sentinel=False)
            if len(x_values) < 2:
                continue
            pairs = np.unique(x_codes.astype("int64") * k + y_codes)
            per_class = np.bincount(pairs % k, minlength=k)
            per_value = np.bincount(pairs // k, minlength=len(x_values))
            if not np.all(per_class == 1):
                continue
            kind = "copy" if np.all(per_value == 1) else "function"
            found[col] = {"kind": kind, "values": len(x_values), "classes": int(k)}
        return found
    y = pd.to_numeric(target[labelled], errors="coerce")
    step = max(1, len(y) // RANK_SAMPLE)
    y_ranks = y.iloc[::step].rank()
    for col in features:
        x = frame[col][labelled]
        if not is_numeric(x) or x.nunique() < 3:
            continue
        x_ranks = x.iloc[::step].astype("float64").rank()
        both = x_ranks.notna() & y_ranks.notna()
        if both.sum() < 10:
            continue
        rho = float(np.corrcoef(x_ranks[both], y_ranks[both])[0, 1])
        if np.isfinite(rho) and abs(rho) >= MONOTONE_RANK_CORRELATION:
            found[col] = {
                "kind": "monotone",
                "rank_correlation": round(rho, 6),
                "rows": int(both.sum()),
            }
    return found


def _lookup_predictions(codes: np.ndarray, y: np.ndarray, folds, task: Task, k: int) -> np.ndarray:
    """Out-of-fold predictions of a per-category model (class by balanced weight, or mean)."""
    n_cat = int(codes.max()) + 1
    pred = np.zeros(len(y), dtype="float64" if task == "regression" else "int64")
    for train, test in folds:
        if task == "regression":
            sums = np.bincount(codes[train], weights=y[train], minlength=n_cat)
            counts = np.bincount(codes[train], minlength=n_cat)
            means = np.where(counts > 0, sums / np.maximum(counts, 1), y[train].mean())
            pred[test] = means[codes[test]]
            continue
        counts = np.zeros((n_cat, k))
        np.add.at(counts, (codes[train], y[train]), 1)
        totals = np.bincount(y[train], minlength=k)
        best = (counts / np.maximum(totals, 1)).argmax(axis=1)
        seen = counts.sum(axis=1) > 0
        guess = best[codes[test]]
        guess[~seen[codes[test]]] = int(totals.argmax())
        pred[test] = guess
    return pred


def single_feature_skills(
    frame: pd.DataFrame,
    features: list[str],
    target: pd.Series,
    task: Task,
    *,
    sample_size: int,
    seed: int,
    progress: ProgressCallback | None = None,
) -> SingleFeatureResult:
    """How well each column alone predicts the target, against the trivial baseline."""
    from sklearn.metrics import balanced_accuracy_score, r2_score
    from sklearn.model_selection import KFold, StratifiedKFold
    from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

    tick(progress, "one-feature leak check", 0, max(1, len(features)))  # (a cancel checkpoint)
    labelled = target.dropna()
    metric = "balanced_accuracy" if task == "classification" else "r2"
    result = SingleFeatureResult(metric=metric, trivial=0.0)
    if task == "classification":
        counts = labelled.value_counts()
        keep = counts[counts >= CV_FOLDS].index
        if len(keep) < 2:
            result.note = "one-feature leak check skipped: fewer than two classes with 3+ rows"
            return result
        labelled = labelled[labelled.isin(keep)]
        picked = sample_rows(labelled.to_frame("y"), sample_size, seed, stratify=labelled).index
    else:
        picked = sample_rows(labelled.to_frame("y"), sample_size, seed).index
    result.rows = len(picked)
    result.sampled = len(picked) < len(labelled)
    sample = frame.loc[picked, features]
    if task == "classification":
        y, classes = pd.factorize(labelled.loc[picked])
        k = len(classes)
        result.trivial = 1.0 / k
        splitter = StratifiedKFold(CV_FOLDS, shuffle=True, random_state=seed)
        folds = list(splitter.split(np.zeros(len(y)), y))
    else:
        y = tame(pd.to_numeric(labelled.loc[picked], errors="coerce").to_numpy("float64"))[0]
        k = 0
        folds = list(KFold(CV_FOLDS, shuffle=True, random_state=seed).split(np.zeros(len(y))))
    for index, col in enumerate(features):
        tick(progress, "one-feature leak check", index, len(features))
        x = sample[col]
        if x.isna().all():
            continue
        if is_numeric(x) or pd.api.types.is_bool_dtype(x.dtype):
            values = x.to_numpy(dtype="float64", na_value=np.nan, copy=True).reshape(-1, 1)
            values[~np.isfinite(values)] = np.nan
            values = tame(values)[0]
            pred = np.zeros(len(y), dtype="float64" if task == "regression" else "int64")
            for fold, (train, test) in enumerate(folds):
                tick(progress, "one-feature leak check", index + fold / len(folds), len(features))
                if task == "classification":
                    model = DecisionTreeClassifier(
                        max_depth=TREE_DEPTH,
                        min_samples_leaf=MIN_LEAF,
                        class_weight="balanced",
                        random_state=seed,
                    )
                else:
                    model = DecisionTreeRegressor(
                        max_depth=TREE_DEPTH, min_samples_leaf=MIN_LEAF, random_state=seed
                    )
                model.fit(values[train], y[train])
                pred[test] = model.predict(values[test])
        else:
            codes = pd.factorize(x, use_na_sentinel=False)[0]
            pred = _lookup_predictions(codes, y, folds, task, k)
        if task == "classification":
            score = float(balanced_accuracy_score(y, pred))
            skill = (score - result.trivial) / (1.0 - result.trivial)
        else:
            score = float(r2_score(y, pred))
            skill = score
        result.scores[col] = round(score, 6)
        result.skills[col] = round(skill, 6)
    tick(progress, "one-feature leak check", len(features), len(features))
    return result


def _metric_text(metric: str) -> str:
    return "balanced accuracy" if metric == "balanced_accuracy" else "R²"


@emits("data", "LEAK004")
def check_target_leakage(
    target_name: str,
    functions: dict[str, dict],
    single: SingleFeatureResult | None,
) -> list[Finding]:
    """One LEAK004 finding per suspicious column, with the strongest reason first."""
    out: list[Finding] = []
    reported: set[str] = set()
    for col, info in functions.items():
        data = {"column": col, "target": target_name, **info}
        if single and col in single.skills:
            data |= {"single_feature_score": single.scores[col], "skill": single.skills[col]}
        if info["kind"] == "copy":
            message = (
                f"Column '{col}' is a copy of the target '{target_name}' under another encoding: "
                f"each of its {info['values']} values goes with exactly one class."
            )
        elif info["kind"] == "function":
            message = (
                f"Column '{col}' is a deterministic function of the target '{target_name}': it "
                "takes exactly one value for each class, so it can only have been computed from "
                "the label."
            )
        else:
            message = (
                f"Column '{col}' is a monotone function of the target '{target_name}' (rank "
                f"correlation {info['rank_correlation']:+.4f} on {info['rows']:,} rows)."
            )
        out.append(finding("LEAK004", message, data))
        reported.add(col)
    if single is None or not single.skills:
        return out
    ranked = sorted(single.skills.items(), key=lambda kv: kv[1], reverse=True)
    metric = _metric_text(single.metric)
    where = f"{single.folds}-fold CV on {single.rows:,} rows"
    perfect = [c for c, s in ranked if s >= SINGLE_FEATURE_SKILL and c not in reported]
    for rank, (col, skill) in enumerate(ranked):
        if col in reported:
            continue
        score = single.scores[col]
        runner_up = next(((c, s) for c, s in ranked if c != col), None)
        data = {
            "column": col,
            "target": target_name,
            "kind": "single-feature-model",
            "metric": single.metric,
            "single_feature_score": score,
            "trivial_score": round(single.trivial, 6),
            "skill": skill,
            "rows": single.rows,
            "folds": single.folds,
        }
        if skill >= SINGLE_FEATURE_SKILL:
            message = (
                f"Column '{col}' alone predicts '{target_name}' almost perfectly: a one-feature "
                f"model scores {metric} {score:.3f} ({where}; trivial baseline "
                f"{single.trivial:.3f}). Check that it is known before the outcome."
            )
            severity = None
            if len(perfect) > 1:
                # Several unrelated columns each separating the classes suggests an easy task
                # as much as a leak: still worth a look, but not an error.
                severity = "warning"
                message += (
                    f" {len(perfect)} columns do this on their own, which can also mean the "
                    "classes are simply easy to separate."
                )
            out.append(finding("LEAK004", message, data, severity=severity))
        elif (
            rank == 0
            and skill >= DOMINANT_SKILL
            and skill - (runner_up[1] if runner_up else 0.0) >= DOMINANT_GAP
        ):
            next_text = (
                f"the next best, '{runner_up[0]}', reaches {single.scores[runner_up[0]]:.3f}"
                if runner_up
                else "no other column carries signal"
            )
            data |= {
                "kind": "dominant-single-feature",
                "runner_up": runner_up[0] if runner_up else None,
                "runner_up_skill": runner_up[1] if runner_up else None,
            }
            message = (
                f"Column '{col}' alone predicts '{target_name}' far better than any other column: "
                f"a one-feature model scores {metric} {score:.3f} ({where}; trivial baseline "
                f"{single.trivial:.3f}), while {next_text}. A feature that strong is often "
                "recorded after the outcome — check when its value becomes known."
            )
            out.append(finding("LEAK004", message, data, severity="warning"))
    return out
