"""One question predicate per rule: read the facts, return evidence (or nothing).

A predicate answers "does what this person wrote break rule X?" from `Facts` only — the words of
the question, plus dataset numbers when the caller attached a dataset. It quotes the words that
triggered it and, where there are numbers, does the arithmetic and says so in the message.

Predicates are registered by rule id with `@emits("question", "LEAK001")` (see `coach.registry`);
the router only runs those whose id exists in the catalog, so a rule removed from the catalog can
never be reported. Rules that only recognise a topic and give fixed advice have no code here: the
catalog declares them (`[rules.question]`) and `declared_advice` answers for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from coach.models import Evidence, QuestionAdvice, Severity
from coach.registry import emits, registrations
from coach.router.facts import Facts, Mention, Score

if TYPE_CHECKING:
    from coach.catalog import Catalog


@dataclass
class Hit:
    """A predicate's answer: the message for this question, its evidence, the numbers."""

    message: str
    evidence: list[Evidence] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    severity: Severity | None = None  # None: the catalog's severity
    # A weak hit is only reported when no other rule fires (e.g. "no baseline" for a bare score).
    weak: bool = False


def quote(text: str) -> Evidence:
    return Evidence(kind="question", text=text)


def _pct(value: float) -> str:
    text = f"{value * 100:.2f}".rstrip("0").rstrip(".")
    return f"{text}%"


def _first(*mentions: Mention | None) -> Mention | None:
    return next((m for m in mentions if m is not None), None)


# --- LEAK ------------------------------------------------------------------------------------

_STEP_WORDS = {
    "binning": "binning / outlier thresholds",
    "preprocessing": "preprocessing",
    "scaling": "scaling",
    "imputation": "imputation",
    "encoding": "encoding",
    "target encoding": "target encoding",
    "PCA": "PCA",
    "feature selection": "feature selection",
    "vectorizing": "vectorising",
}
_ORDER_WORDS = {
    "before": "before the train/test split (or outside cross-validation)",
    "full": "on the full dataset, test rows included",
    "asking": "— you ask whether it belongs before or after the split",
}


# Pasted code: a transformer fitted on the whole X, and a split or cross-validation after it.
_FULL_FIT = re.compile(
    r"\b[\w.]*?(scaler|selector|selectkbest|kbest|pca|svd|imputer|encoder|vectori[sz]er|"
    r"normali[sz]er|transformer|rfe|variancethreshold|discreti[sz]er|selectpercentile)\w*"
    r"(\([^()]*\))?\.(fit_transform|fit)\(\s*x\b(?![_.\[])[^)]*\)",
    re.IGNORECASE,
)
_LATER_SPLIT = re.compile(
    r"\b(train_test_split|cross_val_score|cross_validate|cross_val_predict|gridsearchcv|"
    r"randomizedsearchcv|kfold|stratifiedkfold|shufflesplit)\b|\.split\(",
    re.IGNORECASE,
)


def _fit_on_all_rows(f: Facts) -> Mention | None:
    """`StandardScaler().fit_transform(X)` (or `SelectKBest().fit(X, y)`) before the split or
    the cross-validation call: read the order of the pasted steps."""
    fit = _FULL_FIT.search(f.text)
    if fit is None or _LATER_SPLIT.search(f.text, fit.end()) is None:
        return None
    if re.search(r"\b(make_)?pipeline\b", f.text[fit.end() :], re.IGNORECASE):
        return None  # the later call cross-validates a pipeline: the early fit may be unused
    return Mention(kind="cv_on_transformed", text=fit.group(0), start=fit.start(), end=fit.end())


@emits("question", "LEAK001")
def preprocessing_before_split(f: Facts) -> Hit | None:
    steps = [s for s in f.steps if s.kind in _STEP_WORDS and s.order in _ORDER_WORDS]
    cv = f.has("cv_on_transformed") or _fit_on_all_rows(f)
    if not steps and cv:
        return Hit(
            message=(
                "Cross-validation runs on a matrix that was already transformed with statistics "
                "from every row, so each validation fold helped fit the preprocessing. Put the "
                "transformer in a Pipeline and cross-validate the Pipeline on the raw X."
            ),
            evidence=[quote(cv.text)],
        )
    if not steps:
        return None
    first = steps[0]
    kinds = sorted({_STEP_WORDS[s.kind] for s in steps})
    message = (
        f"{', '.join(kinds).capitalize()} {_ORDER_WORDS[first.order]}: the statistics it learns "
        "(means, scales, categories, components, selected features) then include the test rows, "
        "so the test score is optimistic. Fit it on the training part only — inside a Pipeline "
        "that cross-validation refits per fold."
    )
    if first.order == "asking":
        message = (
            f"{', '.join(kinds).capitalize()}: fit it after the split, on the training rows "
            "only (inside a Pipeline under cross-validation); fitting it before the split lets "
            "test rows shape the statistics."
        )
    return Hit(
        message=message,
        evidence=[quote(s.relation or s.text) for s in steps],
        data={"steps": kinds, "order": first.order},
        severity="info" if first.order == "asking" else None,
    )


def _duplicates_then_random_split(f: Facts) -> Mention | None:
    """Duplicates left in the data ("didn't dedupe", "has many duplicate rows") and a random
    split: copies of a training row land in the test set."""
    if f.has("dedupe") or f.has("group_split") or f.has("time_split"):
        return None
    dup = f.negated("dedupe") or f.has("has_duplicates")
    split = f.has("random_split") or next((s for s in f.splits if not s.negated), None)
    return dup if dup is not None and split is not None else None


@emits("question", "LEAK002")
def train_test_overlap(f: Facts) -> Hit | None:
    evidence: list[Evidence] = []
    reasons: list[str] = []
    resampled = [
        s
        for s in f.steps
        if s.kind in ("oversampling", "undersampling", "augmentation")
        and s.order in ("before", "full", "asking")
    ]
    if resampled:
        evidence += [quote(s.relation or s.text) for s in resampled]
        kinds = sorted({s.kind for s in resampled})
        reasons.append(
            f"{' and '.join(kinds).capitalize()} before the split: copies or synthetic neighbours "
            "of training rows land in the test set (and the test set no longer has the real "
            "class balance). Resample inside the training folds only (imblearn Pipeline)."
        )
    eval_train = f.has("eval_on_train")
    if eval_train:
        evidence.append(quote(eval_train.text))
        reasons.append(
            "The model is scored on rows it was trained on, so the score measures memory, not "
            "generalisation. Score it on a held-out test set or with cross-validation."
        )
    dup = f.has("duplicates_across") or _duplicates_then_random_split(f)
    entity = f.has("entity_repeated")
    if dup and entity and entity.start < dup.end and dup.start < entity.end:
        dup = None  # "patients overlap between train and test": the same entity, LEAK006's case
    if dup:
        evidence.append(quote(dup.text))
        reasons.append(
            "Rows shared between train and test (duplicates, near-duplicates, concatenation) "
            "are scored as if unseen. De-duplicate before splitting."
        )
    if not evidence:
        return None
    return Hit(message=" ".join(reasons), evidence=evidence)


@emits("question", "LEAK003")
def test_set_reuse(f: Facts) -> Hit | None:
    m = _first(f.has("test_tuning"), f.has("early_stop_test"), f.has("report_best_cv"))
    if m is None:
        return None
    if m.kind == "report_best_cv":
        message = (
            "The best score of a search is the score of the configuration that got luckiest on "
            "those folds: reporting it overstates performance. Use nested cross-validation or "
            "score the chosen model once on an untouched test set."
        )
    elif m.kind == "early_stop_test":
        message = (
            "Early stopping on the test set picks the epoch that scores best on it, so the "
            "reported test score is a tuned number. Stop on a validation split carved from the "
            "training data; keep the test set for one final evaluation."
        )
    else:
        message = (
            "The test set was used to make choices (hyperparameters, threshold, model, "
            "stopping point); its score is then optimistic. Choose on a validation set or with "
            "cross-validation on the training data, and touch the test set once at the end."
        )
    return Hit(message=message, evidence=[quote(m.text)])


_SUSPICIOUS = 0.995  # accuracy; ranking metrics are suspicious a little earlier
_SUSPICIOUS_RANKING = 0.99


def _suspicious_scores(f: Facts) -> list[Score]:
    out = []
    for s in f.scores:
        threshold = _SUSPICIOUS_RANKING if s.metric in ("roc_auc", "pr_auc", "f1") else _SUSPICIOUS
        if s.value < threshold or s.split == "train" or s.role == "baseline":
            continue
        if s.metric in ("regression", "log_loss", "brier"):
            continue
        share = f.balance.minority_share if f.balance else None
        if share is not None and s.metric == "accuracy" and share < 0.2 and s.value < 1:
            continue  # imbalanced classes explain a high accuracy (IMB001's job), not a leak
        out.append(s)
    return out


_REMOVED = re.compile(
    r"\b(remov\w*|dropp?\w*|exclud\w*|delet\w*|got rid of|took out|take out|taken out)\b[^.;!?]*$"
)


@emits("question", "LEAK004")
def target_leakage(f: Facts) -> Hit | None:
    direct = next(
        (
            m
            for m in f.signals.get("target_in_features", [])
            if not m.negated and not _REMOVED.search(f.text, max(0, m.start - 40), m.start)
        ),
        None,
    )  # "we removed the leaky column discharge_date": already fixed
    if direct:
        return Hit(
            message=(
                "A feature that contains the target, is computed from it, or is only known after "
                "the outcome lets the model read the answer. Drop it (and anything recorded after "
                "the prediction time) and re-evaluate."
            ),
            evidence=[quote(direct.text)],
        )
    scores = [] if f.has("predicts_majority") else _suspicious_scores(f)
    words = f.has("suspicious_words")
    if not scores and not words:
        return None
    evidence = [quote(s.text) for s in scores] + ([quote(words.text)] if words else [])
    shown = ", ".join(_pct(s.value) for s in scores)
    return Hit(
        message=(
            (f"A score of {shown} on held-out data" if scores else "A near-perfect score")
            + " is more often a leak than a breakthrough: look for a feature that encodes the "
            "target (an id, a post-outcome field, a copy of the label) — fit a one-feature model "
            "per column and see which one alone predicts the target."
        ),
        evidence=evidence,
        data={"scores": [s.value for s in scores]},
    )


@emits("question", "LEAK005")
def temporal_leakage(f: Facts) -> Hit | None:
    future = f.has("future_leak") or _trained_on_later_years(f)
    if future:
        return Hit(
            message=(
                "Information from after the prediction time reaches the model (future rows in "
                "training, features computed with later values). Split by time and build every "
                "feature only from data available at prediction time."
            ),
            evidence=[quote(future.text)],
        )
    time = f.has("time_data")
    if time is None:
        return None
    shuffled_folds = _SHUFFLED_FOLDS.search(f.text)
    if f.has("time_split") and not shuffled_folds:
        # Only a question weighing a time-based split against a random one still needs the rule.
        weighing = re.search(r"\b(vs\.?|versus|or|instead of|compared to)\b", f.text)
        if not (f.has("random_split") and weighing and _asks(f)):
            return None
    random = f.has("random_split")
    negated_time_split = f.negated("time_split")
    split_words = random or negated_time_split
    if split_words is None:
        # A time-ordered problem plus a question about splitting / validating it.
        split_words = next((s for s in f.splits if not s.negated), None)
    if split_words is None or (random is None and negated_time_split is None and not _asks(f)):
        return None
    return Hit(
        message=(
            "Time-ordered data split at random (shuffled split, plain K-fold): the model trains "
            "on the future and is tested on the past, which is not how it will be used. Split "
            "by time (TimeSeriesSplit, or train on the past and test on the most recent period)."
        ),
        evidence=[quote(time.text), quote(split_words.text)],
    )


_YEARS = re.compile(
    r"\btrain\w* (?:\w+ )?(?:on|with|using) (?:data from |the )?((?:19|20)\d\d)\b[^.;!?]{0,40}?\b"
    r"(?:test|evaluat|validat|predict)\w* (?:\w+ )?(?:on|with|using|for) (?:data from |the )?"
    r"((?:19|20)\d\d)\b"
)


_SHUFFLED_FOLDS = re.compile(
    r"\bshuffl\w* (folds|cv|cross[- ]validation|k-?fold|splits?)\b|\b(folds|cv|kfold|k-?fold|split) "
    r"(with )?shuffl\w*|\bshuffle ?= ?true\b"
)


_MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
_MONTH_PERIODS = re.compile(
    rf"\btrain\w* (?:\w+ )?(?:on|with|using) (?:data from )?({'|'.join(_MONTHS)})\b[^.;!?]{{0,40}}?\b"
    rf"(?:test|evaluat|validat|predict)\w* (?:\w+ )?(?:on|with|using|for) (?:data from )?"
    rf"({'|'.join(_MONTHS)})\b"
)


def _trained_on_later_years(f: Facts) -> Mention | None:
    """ "Trained on 2024, tested on 2022" / "trained on March, tested on January"."""
    m = _YEARS.search(f.text)
    if m and int(m.group(1)) > int(m.group(2)):
        return Mention(kind="future_leak", text=m.group(0), start=m.start(), end=m.end())
    m = _MONTH_PERIODS.search(f.text)
    if m and _MONTHS.index(m.group(1)) > _MONTHS.index(m.group(2)):
        return Mention(kind="future_leak", text=m.group(0), start=m.start(), end=m.end())
    return None


def _asks(f: Facts) -> bool:
    return f.intent in ("plan", "question") or bool(
        re.match(r"\s*(set|fix|use|add|pick|choose|how)\b", f.text)
    )


_ENTITY_ATTRIBUTE = re.compile(
    r"\b\w+ (features?|values|columns?|attributes|vectors?|profiles?)\b(?! of)", re.IGNORECASE
)


@emits("question", "LEAK006")
def group_leakage(f: Facts) -> Hit | None:
    entity = f.has("entity_repeated")
    asked = f.has("group_question")
    if asked is not None:
        entity = entity or asked
    elif entity is None or f.has("group_split"):
        return None
    elif _ENTITY_ATTRIBUTE.search(entity.text):
        return None  # "the same customer features ... different labels": features, not entities
    assert entity is not None
    return Hit(
        message=(
            "The same entity contributes rows to both training and test data, so the model can "
            "recognise the entity instead of learning the pattern. Split by entity (GroupKFold / "
            "GroupShuffleSplit with the entity id as groups)."
        ),
        evidence=[quote(entity.text)],
    )


# --- BASE -------------------------------------------------------------------------------------


def _majority_comparison(f: Facts) -> tuple[Score, float, float] | None:
    """(score, minority share, majority accuracy) when an accuracy does not clearly beat it."""
    b = f.balance
    if b is None or b.minority_share is None:
        return None
    majority = 1 - b.minority_share
    for s in f.scores:
        if s.role != "model" or s.split == "train" or s.metric != "accuracy":
            continue
        # "Clearly beats" = removes at least half of the majority predictor's errors.
        if s.value < majority + (1 - majority) / 2:
            return s, b.minority_share, majority
    return None


@emits("question", "BASE003")
def not_beating_baseline(f: Facts) -> Hit | None:
    cmp = _majority_comparison(f)
    if cmp is not None:
        score, share, majority = cmp
        gap = score.value - majority
        where = "from your dataset" if f.balance and f.balance.source == "data" else ""
        relation = (
            f"only {gap * 100:.1f} points above it"
            if gap > 0
            else "no better than it"
            if gap == 0
            else f"{-gap * 100:.1f} points below it"
        )
        return Hit(
            message=(
                f"With {_pct(share)} in the minority class{(' ' + where) if where else ''}, "
                f"always predicting the majority class scores {_pct(majority)} accuracy; your "
                f"{_pct(score.value)} is {relation}. Compare against DummyClassifier and report "
                "a metric that the majority class cannot game (PR-AUC, recall at a fixed "
                "precision, balanced accuracy)."
            ),
            evidence=[e for e in (_imbalance_evidence(f),) if e] + [quote(score.text)],
            data={
                "minority_share": share,
                "majority_baseline_accuracy": round(majority, 6),
                "model_accuracy": score.value,
                "gap": round(gap, 6),
            },
        )
    base_scores = [s for s in f.scores if s.role == "baseline"]
    model_scores = [s for s in f.scores if s.role == "model" and s.split != "train"]
    for b in base_scores:
        for m in model_scores:
            if m.metric == b.metric and m.value - b.value < max(0.01, (1 - b.value) * 0.2):
                return Hit(
                    message=(
                        f"The baseline scores {_pct(b.value)} and the model {_pct(m.value)} on "
                        f"{m.metric}: not a clear improvement. Check the difference across CV "
                        "folds; if it is within the noise, ship the simpler model or keep "
                        "working on the problem framing."
                    ),
                    evidence=[quote(b.text), quote(m.text)],
                    data={"baseline": b.value, "model": m.value, "metric": m.metric},
                )
    for s in f.scores:
        if (
            s.role == "model"
            and s.metric in ("roc_auc", "balanced_accuracy")
            and 0.4 <= s.value <= 0.56
        ):
            return Hit(
                message=(
                    f"{s.metric.replace('_', ' ').replace('roc auc', 'ROC-AUC')} of "
                    f"{s.value:.2f} is chance level (0.5 for random guessing or a constant "
                    "prediction): the model has not learnt a usable signal yet. Check the labels "
                    "and the input pipeline against a simple baseline."
                ),
                evidence=[quote(s.text)],
                data={"metric": s.metric, "model": s.value, "chance": 0.5},
            )
    compared = _error_comparison(f.text)
    if compared is not None:
        return compared
    m = _first(
        f.has("beats_baseline_not"),
        f.has("majority_equal"),
        f.has("predicts_majority"),
        f.has("r2_zero"),
    )
    if m is None:
        return None
    message = (
        "The model does not clearly beat a simple baseline. When a sophisticated model does no "
        "better than logistic regression or the majority class, suspect the pipeline (input "
        "processing, tokenisation, labels) before the idea — then keep the simpler model."
    )
    if m.kind == "predicts_majority":
        message = (
            "A model that only predicts the majority class is the trivial baseline: it has "
            "learnt nothing about the minority class. Use class weights or a tuned threshold, "
            "and judge it with recall/precision on the minority class, not accuracy."
        )
    if m.kind == "r2_zero":
        message = (
            "An R² near (or below) zero means the model does no better than always predicting "
            "the mean — the DummyRegressor baseline. Check the features and the pipeline "
            "before tuning the model."
        )
    return Hit(message=message, evidence=[quote(m.text)])


_ERROR_VALUE = re.compile(
    r"\b(rmse|mae|mse|mape|smape|error|loss|log ?loss)( of| =|:| is| was)?\s*(\d+(?:\.\d+)?)"
)
_NAIVE = re.compile(
    r"\b(mean|median|naive|dummy|baseline|persistence|constant|seasonal naive|last[- ]value|"
    r"majority)[\w-]*\s*(prediction|predictor|forecast|model|baseline)?\W*$"
)


def _error_comparison(text: str) -> Hit | None:
    """ "RMSE 10.2 vs mean-prediction RMSE 10.4": an error no clearly lower than a naive one."""
    model: float | None = None
    naive: float | None = None
    quoted: list[str] = []
    for m in _ERROR_VALUE.finditer(text):
        lead = text[max(0, m.start() - 30) : m.start()]
        value = float(m.group(3))
        if _NAIVE.search(lead):
            naive = value if naive is None else naive
        elif model is None:
            model = value
        quoted.append(m.group(0))
    if model is None or naive is None or naive <= 0 or model < naive * 0.95:
        return None
    return Hit(
        message=(
            f"An error of {model:g} against {naive:g} for the naive predictor is not a clear "
            "improvement (less than 5% lower). Check the gap across folds before trusting the "
            "model, and suspect the features or the pipeline."
        ),
        evidence=[quote(q) for q in quoted[:2]],
        data={"model_error": model, "baseline_error": naive},
    )


_SELF_NEGATED = re.compile(r"\s*(nothing|no|none|never|without|not)\b", re.IGNORECASE)


def _baseline_mention(f: Facts) -> Mention | None:
    """A baseline that was tried — not "nothing simpler", whose negator is inside the match."""
    return next(
        (
            m
            for m in f.signals.get("baseline", [])
            if not m.negated and not _SELF_NEGATED.match(m.text)
        ),
        None,
    )


def _no_baseline_mention(f: Facts) -> Mention | None:
    """ "no baseline", "nothing simpler has been tried"."""
    return f.negated("baseline") or next(
        (m for m in f.signals.get("baseline", []) if _SELF_NEGATED.match(m.text)), None
    )


# Words that ask for a judgement of a score ("what do I compare it to", "is it meaningful").
_JUDGING = re.compile(r"\b(compare|comparison|know|tell|judge|meaningful|impressive|good|decent)\b")


@emits("question", "BASE001")
def no_baseline(f: Facts) -> Hit | None:
    untried = next((m for m in f.models if m.negated and m.complexity == "simple"), None)
    m = _first(f.has("baseline_question"), _no_baseline_mention(f), untried)
    weak = False
    if m is None:
        if _baseline_mention(f) or f.models_of("simple"):
            return None
        goodness = f.has("goodness_question")
        if goodness and f.scores:
            m = goodness
        elif goodness:
            m, weak = goodness, True
        elif (
            any(s.role == "model" for s in f.scores)
            and (f.models or _asks(f) or "?" in f.text or _JUDGING.search(f.text))
            and not {"train", "test"} <= {s.split for s in f.scores}  # over-fitting question
        ):
            # "my random forest gets 0.83 F1" — not a bare "my accuracy is 84%"
            m, weak = next(s for s in f.scores if s.role == "model"), True
    if m is None:
        return None
    return Hit(
        weak=weak,
        message=(
            "A score means little without a baseline: train a DummyClassifier/DummyRegressor "
            "and a simple linear or logistic model with the same split and metric, and report "
            "your model next to them."
        ),
        evidence=[quote(m.text)],
    )


_BARE_VERB = re.compile(
    r"\s*(use|using|build|building|train|training|try|trying)\s*", re.IGNORECASE
)


def _verb_about_something_else(text: str, plan: Mention, model: Mention) -> bool:
    """ "Using early stopping with XGBoost": the opening verb's object is early stopping, not the
    model, so it is no plan to *start* with the model. A bare verb counts only when the model
    follows it within a few words, in the same clause."""
    if not _BARE_VERB.fullmatch(plan.text) or plan.start > model.start:
        return False
    gap = text[plan.end : model.start]
    return len(gap.split()) > 4 or bool(re.search(r"[,:(]|\b(with|on|for|and|to)\b", gap))


@emits("question", "BASE002")
def complex_first(f: Facts) -> Hit | None:
    complex_models = f.models_of("complex")
    versus = f.has("model_choice_question")
    if versus and re.search(r"\b(simple|simpler|baseline|linear|logistic)\b", versus.text.lower()):
        return Hit(
            message=(
                "Start simple: a baseline and a linear / logistic model first, then add "
                "complexity step by step, keeping each step only if it beats the simpler one "
                "on the same validation."
            ),
            evidence=[quote(versus.text)],
        )
    if not complex_models or f.models_of("simple") or _baseline_mention(f):
        return None
    heavy = [m for m in complex_models if m.heavy]
    nothing_simple = _no_baseline_mention(f) or next(
        (m for m in f.models if m.negated and m.complexity == "simple"), None
    )
    model = (heavy or complex_models)[0]
    plans = [
        m
        for name in ("plan_start", "model_choice_question")
        for m in f.signals.get(name, [])
        if not m.negated
        and abs(m.start - model.start) <= 60  # about this model, in the same sentence
        and not re.search(
            r"[.!?;](\s|$)", f.text[min(m.start, model.start) : max(m.end, model.end)]
        )
        and not _verb_about_something_else(f.text, m, model)
    ]
    starting = plans[0] if plans else (nothing_simple if heavy else None)
    if starting is None:
        return None  # a complex model merely mentioned is not "complex first"
    evidence = [quote(model.text)] + ([quote(starting.text)] if starting else [])
    return Hit(
        message=(
            f"Starting with {model.text} before any simple model has been tried: you will not "
            "know whether its complexity buys anything, and bugs hide in it. Start with a "
            "baseline (majority/mean predictor, then logistic regression on bag-of-words or "
            "a linear model), then add complexity step by step."
        ),
        evidence=evidence,
        data={"model": model.kind},
    )


# --- IMB --------------------------------------------------------------------------------------


def _imbalance_evidence(f: Facts) -> Evidence | None:
    b = f.balance
    if b is None:
        return None
    if b.source == "data":
        return Evidence(kind="data", text=b.text, data={"minority_share": b.minority_share})
    return quote(b.text)


@emits("question", "IMB001")
def accuracy_on_imbalanced(f: Facts) -> Hit | None:
    accuracy = [m for m in f.metrics if m.kind == "accuracy" and not m.negated]
    assumed = [s for s in f.scores if s.metric == "accuracy" and s.assumed_metric]
    question = f.has("metric_question")
    only = f.has("accuracy_only")
    b = f.balance
    imbalanced = b is not None and (f.imbalanced or b.implicit)
    if only is not None or (question is not None and accuracy and not imbalanced):
        # "I only report accuracy" / "F1 or accuracy?" — the advice applies even before we
        # know the class balance.
        trigger = only or question
        assert trigger is not None
        return Hit(
            message=(
                "Accuracy alone hides how the minority class is handled: on imbalanced data "
                "predicting the majority class scores high. Report precision and recall (or "
                "F1) on the minority class, PR-AUC and balanced accuracy, plus the confusion "
                "matrix."
            ),
            evidence=[e for e in (_imbalance_evidence(f),) if e] + [quote(trigger.text)],
            severity=None if imbalanced else "info",
        )
    if not accuracy and not assumed and not (question and imbalanced):
        return None
    if not imbalanced or b is None:
        return None
    symptoms = b.text.lower()
    others = {
        m.kind
        for m in f.metrics
        if not m.negated
        and m.kind
        in {
            "balanced_accuracy",
            "f1",
            "recall",
            "precision",
            "pr_auc",
            "roc_auc",
            "mcc",
            "kappa",
            "specificity",
        }
        # "recall is zero" / "terrible recall" is the symptom, not a second metric
        and m.text.lower() not in symptoms
        and not _BAD.search(f.text[max(0, m.start - 20) : m.end + 40])
    }
    if accuracy and others and question is None:
        return None  # accuracy is not the only metric
    evidence = [e for e in (_imbalance_evidence(f),) if e] + [
        quote(accuracy[0].text if accuracy else assumed[0].text if assumed else question.text)  # type: ignore[union-attr]
    ]
    share = b.minority_share
    if share is not None:
        detail = (
            f"with {_pct(share)} in the minority class, predicting the majority class for "
            f"every row already scores {_pct(1 - share)} accuracy"
        )
    else:
        detail = "with a rare class, predicting the majority class for every row already scores high accuracy"
    return Hit(
        message=(
            f"Accuracy on imbalanced classes: {detail}. Report precision and recall on the "
            "minority class, PR-AUC and balanced accuracy instead."
        ),
        evidence=evidence,
        data={"minority_share": share} if share is not None else {},
    )


_SET_REFERENCE = re.compile(
    r"\b(on|in|for|from|of) (the |our |my |a )?(test|validation|val|holdout|held-out|training|train|"
    r"eval\w*) $"
)


@emits("question", "IMB002")
def unstratified_split(f: Facts) -> Hit | None:
    explicit = _first(
        f.has("stratify_question"), f.has("fold_missing_class"), f.negated("stratify")
    )
    if explicit is None:
        share = f.balance.minority_share if f.balance else None
        if f.has("stratify") or not f.imbalanced or (share is not None and share >= 0.1):
            return None  # a plain split only matters when the minority is really rare
        anchored = [(s.start, s.end) for s in f.steps if s.order in ("before", "full")]
        candidates = [f.has("random_split")] + [
            s
            for s in f.splits
            if not s.negated
            and re.search(r"split|fold|partition|cv|cross", s.text.lower())
            # "F1 on the test split" names a set, it does not describe how it was made
            and not _SET_REFERENCE.search(f.text, max(0, s.start - 25), s.start)
        ]
        split = next(
            (
                s
                for s in candidates
                if s is not None and not any(a <= s.start <= b + 40 for a, b in anchored)
            ),
            None,
        )
        if split is None or f.has("time_split") or f.has("group_split"):
            return None
        explicit = split
    evidence = [e for e in (_imbalance_evidence(f),) if e and f.imbalanced] + [quote(explicit.text)]
    return Hit(
        message=(
            "Without stratification a random split (or K-fold) can leave the test set or a fold "
            "with very few — or no — minority examples, and scores swing from split to split. "
            "Use train_test_split(..., stratify=y) and StratifiedKFold."
        ),
        evidence=evidence,
    )


_HANDLING_QUESTION = re.compile(r"\b(should|can|do|how|handle|deal|fix|address|what)\b")
_BAD = re.compile(
    r"\b(terrible|bad|poor|low|zero|awful|horrible|useless|tiny|miserable|abysmal|0|0\.0+)\b"
    r"(?![.,]\d)"
)


@emits("question", "IMB003")
def imbalanced_classes(f: Facts) -> Hit | None:
    handling = f.has("imbalance_handling") or f.has("predicts_majority")
    tuning = f.has("test_tuning")
    if handling is not None and tuning is not None and tuning.start <= handling.start < tuning.end:
        handling = None  # "we tuned the class weights on the test set" is LEAK003's subject
    if (
        handling is not None
        and handling.kind == "imbalance_handling"
        and any(
            s.kind in ("oversampling", "undersampling") and s.order in ("before", "full", "asking")
            for s in f.steps
        )
    ):
        handling = None  # resampling before the split is LEAK002's subject
    if (
        handling is not None
        and handling.kind == "imbalance_handling"
        and not _HANDLING_QUESTION.search(handling.text.lower())
        and any(
            s.kind in ("oversampling", "undersampling") and s.order in ("after", "inside")
            for s in f.steps
        )
    ):
        handling = None  # "I applied SMOTE inside the pipeline": done right, nothing to add
    b = f.balance
    if not f.imbalanced and handling is None:
        return None
    if b is not None and b.minority_share is not None and b.minority_share >= 0.2 and not handling:
        return None
    evidence = [e for e in (_imbalance_evidence(f),) if e and f.imbalanced]
    if handling:
        evidence.append(quote(handling.text))
    share = b.minority_share if b else None
    severity: Severity | None = None
    if share is not None and share >= 0.1:
        severity = "info"
    numbers = f" ({_pct(share)} minority)" if share is not None else ""
    return Hit(
        message=(
            f"The minority class is rare{numbers}: judge the model on it (precision/recall, "
            "PR-AUC), choose the decision threshold for the cost of each error, use class "
            "weights, and resample only inside the training folds."
        ),
        evidence=evidence,
        data={"minority_share": share} if share is not None else {},
        severity=severity,
    )


# --- CAL, DEPLOY, PRIV --------------------------------------------------------------------------


# A rollout that already tries the model on live traffic first.
_SAFE_ROLLOUT = re.compile(r"\b(shadow|canary|gradual\w*|staged|phased|ramp\w* up)\b")
_NEGATION_WORDS = re.compile(r"\b(no|not|without|skip\w*|never|instead of)\b")
_ASKING = re.compile(r"\?|\b(why|should|worth|how|whether)\b")


@emits("question", "DEPLOY001")
def no_shadow_deployment(f: Facts) -> Hit | None:
    m = f.has("deploy_plan") or f.negated("deploy_plan")  # "deploying without a shadow phase"
    if m is None:
        return None
    if (
        _SAFE_ROLLOUT.search(f.text)
        and f.negated("deploy_plan") is None
        and not _NEGATION_WORDS.search(f.text)
        and not _ASKING.search(f.text)
    ):
        return None  # "we run it in shadow mode before switching": already the advice
    return Hit(
        message=(
            "Before switching users to the new model, run it in shadow mode on live traffic "
            "(predictions logged, not used), compare with the current system, then roll out "
            "gradually (canary / A/B) with a way back."
        ),
        evidence=[quote(m.text)],
    )


@emits("question", "PRIV002")
def llm_output_as_final(f: Facts) -> Hit | None:
    m = f.has("llm_output_final")
    if m is None and f.has("llm_mention"):
        m = f.has("unreviewed_output")
    if m is None:
        return None
    return Hit(
        message=(
            "LLM output is fluent whether or not it is right. Treat it as a draft: have a person "
            "review it (or measure its error rate on a labelled sample) before it becomes a "
            "label, a record or an answer to a customer."
        ),
        evidence=[quote(m.text)],
    )


# --- combining -----------------------------------------------------------------------------------

# When the specific rule fires, the general one adds nothing.
SUBSUMED_BY: dict[str, tuple[str, ...]] = {
    "BASE001": ("BASE003",),
    "IMB003": ("IMB001", "IMB002", "BASE003", "CAL003", "LEAK002"),
    # Missing labels are DATA007's subject, not a mostly-missing feature column.
    "DATA003": ("DATA007",),
    "CAL001": ("CAL003",),
    # An LLM used on private data or as final output is a PRIV question, not "complex first".
    "BASE002": ("PRIV001", "PRIV002"),
    # Unreviewed LLM output is PRIV002's subject, not a missing fallback of a classifier.
    "DEPLOY003": ("PRIV002",),
}


def declared_advice(advice: QuestionAdvice, f: Facts) -> Hit | None:
    """The question detector of a rule declared in the catalog (topic -> fixed advice)."""
    if any(f.has(signal) for signal in advice.unless):
        return None
    if advice.unless_words and re.search(advice.unless_words, f.text):
        return None
    quoted: list[Mention] = []
    for signal in advice.all_of:
        m = f.has(signal) or (f.negated(signal) if advice.negated_counts else None)
        if m is None:
            return None
        quoted.append(m)
    if advice.any_of:
        found = [
            f.has(signal) or (f.negated(signal) if advice.negated_counts else None)
            for signal in advice.any_of
        ]
        first = _first(*found)
        if first is None:
            return None
        quoted.append(first)
    return Hit(message=advice.message, evidence=[quote(m.text) for m in quoted])


def evaluate(facts: Facts, catalog: Catalog, only: set[str] | None = None) -> dict[str, Hit]:
    """Run every question detector of a catalog rule (registered predicates and catalog-declared
    advice); drop rules subsumed by a stronger one. `only` narrows the rules considered."""
    known = set(catalog.rules) if only is None else set(catalog.rules) & only
    hits: dict[str, Hit] = {}
    for reg in registrations("question"):
        if reg.rule not in known:
            continue
        hit = reg.func(facts)
        if hit is not None:
            hits[reg.rule] = hit
    for rule_id in sorted(known):
        advice = catalog.rules[rule_id].question
        if advice is not None:
            hit = declared_advice(advice, facts)
            if hit is not None:
                hits[rule_id] = hit
    for general, specifics in SUBSUMED_BY.items():
        if general in hits and any(s in hits for s in specifics):
            asked = facts.has("imbalance_handling") or (
                facts.has("predicts_majority") and "IMB001" not in hits
            )
            if general == "IMB003" and asked and not ("CAL003" in hits or "LEAK002" in hits):
                continue  # they asked how to handle the imbalance: keep the advice
            del hits[general]
    if any(not h.weak for h in hits.values()):
        hits = {rule: h for rule, h in hits.items() if not h.weak}
    return hits


# --- EVAL, REPRO, SCALE, DATA ----------------------------------------------------------------


@emits("question", "EVAL001")
def inconsistent_preprocessing(f: Facts) -> Hit | None:
    separate = [s for s in f.steps if s.order == "separate"]
    m = f.has("refit_on_test")
    if not separate and m is None:
        return None
    evidence = [quote(s.relation or s.text) for s in separate] or [quote(m.text)]  # type: ignore[union-attr]
    return Hit(
        message=(
            "The test data is transformed with statistics fitted on the test data itself, so "
            "train and test are scaled / encoded with different numbers. (Coach treats this as "
            "inconsistent preprocessing, not leakage.) Fit once on the training data and only "
            "call transform() on the test data — a Pipeline does this for you."
        ),
        evidence=evidence,
    )


@emits("question", "EVAL002")
def evaluated_on_training_data(f: Facts) -> Hit | None:
    m = _first(f.has("train_only_eval"), f.has("no_test_set"), f.has("eval_on_train"))
    train_scores = [s for s in f.scores if s.split == "train"]
    if any(s.split == "test" for s in f.scores) and not f.has("no_test_set"):
        return None  # a held-out score is reported too: over-fitting, not training-only scoring
    if m is None and not train_scores:
        return None
    evidence = [quote(s.text) for s in train_scores[:1]] + ([quote(m.text)] if m else [])
    return Hit(
        message=(
            "A score on the training rows measures how well the model memorised them; it says "
            "nothing about new data. Report the score on a held-out test set or cross-validation "
            "(and compare with the training score to see over-fitting)."
        ),
        evidence=evidence,
    )


@emits("question", "REPRO001")
def unseeded_split(f: Facts) -> Hit | None:
    vary = f.has("results_vary")
    seed_missing = f.has("seed_missing") or f.negated("seed")
    seed_asked = f.has("seed") if _asks(f) else None
    trigger = vary or seed_missing or seed_asked
    if trigger is None or "fold" in trigger.text.lower():
        return None
    split = f.has("random_split") or next((s for s in f.splits if not s.negated), None)
    model_context = _randomised_models(f) or f.has("model_context")
    if split is None and model_context:
        return None  # about the model's own randomness: REPRO002
    return Hit(
        message=(
            "Each run evaluates on a different random split, so scores move from run to run. "
            "Pass random_state to train_test_split / KFold(shuffle=True), and report the mean "
            "and spread over several seeds or CV folds rather than one lucky split."
        ),
        evidence=[quote(trigger.text)]
        + ([quote(split.text)] if split and split is not trigger else []),
    )


# Model families whose training is random (bootstrap, initialisation, subsampling).
_RANDOMISED = {
    "random forest",
    "deep network",
    "cnn",
    "rnn",
    "transformer",
    "bert",
    "gradient boosting",
    "ensemble",
}


def _randomised_models(f: Facts) -> list[Mention]:
    return [m for m in f.models if not m.negated and m.kind in _RANDOMISED]


@emits("question", "REPRO002")
def unseeded_model(f: Facts) -> Hit | None:
    vary = f.has("results_vary")
    seed_missing = f.has("seed_missing") or f.negated("seed")
    seed_asked = f.has("seed") if _asks(f) else None
    trigger = vary or seed_missing or seed_asked
    models: list[Mention] = list(_randomised_models(f))
    context = f.has("model_context")
    if trigger is None or not (models or context):
        return None
    if not models:
        models = [context]  # type: ignore[list-item]
    return Hit(
        message=(
            f"{models[0].text.capitalize()} trains with randomness (bootstrap, initialisation, subsampling): "
            "without random_state every run gives a different model. Set random_state (and the "
            "framework's seed), then compare models over several seeds."
        ),
        evidence=[quote(models[0].text), quote(trigger.text)],
    )


@emits("question", "SCALE001")
def unscaled_features(f: Facts) -> Hit | None:
    model = f.has("scale_sensitive_model")
    if model is None:
        return None
    unscaled = f.has("unscaled")
    negated_scaling = next(
        (
            s
            for s in f.steps
            if s.kind == "scaling" and s.negated and s.order == "unknown" and not s.relation
        ),
        None,
    )
    trigger = unscaled or negated_scaling
    if trigger is None:
        return None
    return Hit(
        message=(
            f"{model.text} is sensitive to feature scale: a feature measured in large units "
            "dominates distances and gradients. Put a StandardScaler in a Pipeline before the "
            "model (fitted on the training data only)."
        ),
        evidence=[quote(model.text), quote(trigger.text)],
    )
