"""IMB001 (a classifier judged by accuracy alone) and IMB002 (no stratification)."""

from __future__ import annotations

from coach.lint import apis
from coach.lint.checks.common import Context, shown
from coach.lint.dataflow import TRAIN, EvalEv
from coach.registry import emits


def _is_accuracy(ev: EvalEv) -> bool:
    if ev.metric == "accuracy":
        return True
    if ev.model is None:
        return False
    if ev.metric == "score":
        return ev.model.is_classifier()
    if ev.metric == "evaluate":
        return any(m in apis.ACCURACY_NAMES for m in ev.model.compile_metrics)
    return False


@emits("code", "IMB001")
def accuracy_only(ctx: Context) -> None:
    facts = ctx.facts
    if facts.metric_names - {"accuracy"} or "accuracy" not in facts.metric_names:
        return
    candidates: list[tuple[int, str]] = []
    for ev in facts.evals:
        if _is_accuracy(ev):
            model = ev.model.label() if ev.model is not None else "The classifier"
            how = {
                "score": f"`.score()` (accuracy) at {ctx.at(ev.line)}",
                "evaluate": f"`evaluate()` with metrics=['accuracy'] at {ctx.at(ev.line)}",
            }.get(ev.metric, f"accuracy_score at {ctx.at(ev.line)}")
            candidates.append((ev.line, f"{model} is judged by {how}"))
    for cv in facts.cvs:
        if cv.est is not None and cv.est.is_classifier():
            candidates.append(
                (
                    cv.line,
                    f"{cv.est.label()} is cross-validated with accuracy "
                    f"(the default scoring for a classifier) at {ctx.at(cv.line)}",
                )
            )
    if not candidates:
        return
    line, what = min(candidates)
    ctx.emit(
        "IMB001",
        line,
        f"{what}, and no other metric appears in this file — on imbalanced classes accuracy "
        "stays high while the rare class is missed; report precision/recall/F1, PR-AUC or "
        "balanced accuracy and the confusion matrix",
        [(other, "accuracy is used here too") for other, _ in sorted(candidates)[1:3]],
    )


@emits("code", "IMB002")
def unstratified(ctx: Context) -> None:
    facts = ctx.facts
    classifier_fits = [
        f
        for f in facts.fits
        if f.est.cat in ("model", "search", "pipeline")
        and f.est.is_classifier()
        and f.x is not None
    ]
    for split in facts.splits:
        if split.kind != "tts" or split.stratify or not split.shuffle:
            continue
        users = [f for f in classifier_fits if f.x.side_of(split.id) == TRAIN]  # type: ignore[union-attr]
        if not users:
            continue
        fit = users[0]
        ctx.emit(
            "IMB002",
            split.line,
            f"train_test_split at {ctx.at(split.line)} has no stratify= although "
            f"{fit.est.label()} is trained on its output at {ctx.at(fit.line)} — the class "
            "proportions of the test set are left to chance; pass stratify=y",
            [(fit.line, "a classifier is trained on the split here")],
        )
    for cv in facts.cvs:
        sp = cv.splitter
        if sp is None or sp.cls not in apis.UNSTRATIFIED_SPLITTERS or cv.est is None:
            continue
        if cv.est.is_classifier():
            ctx.emit(
                "IMB002",
                sp.line,
                f"{sp.cls} at {ctx.at(sp.line)} is used to cross-validate the classifier "
                f"{cv.est.label()} at {ctx.at(cv.line)} — folds do not keep the class proportions; "
                "use StratifiedKFold",
                [(cv.line, "cross-validated here")],
            )
    for split in facts.splits:
        sp = split.splitter
        if split.kind != "cv" or sp is None or sp.cls not in apis.UNSTRATIFIED_SPLITTERS:
            continue
        users = [f for f in classifier_fits if f.x.side_of(split.id) == TRAIN]  # type: ignore[union-attr]
        if users:
            ctx.emit(
                "IMB002",
                sp.line,
                f"{sp.cls} at {ctx.at(sp.line)} makes the folds for the classifier "
                f"{users[0].est.label()} (trained at {ctx.at(users[0].line)}) — folds do not keep "
                "the class proportions; use StratifiedKFold",
                [(users[0].line, "a classifier is trained on a fold here")],
            )
    for fit in facts.fits:
        if fit.est.cat != "search" or not fit.est.is_classifier():
            continue
        cv = fit.est.kw.get("cv")
        from coach.lint.dataflow import Est

        if isinstance(cv, Est) and cv.cls in apis.UNSTRATIFIED_SPLITTERS:
            ctx.emit(
                "IMB002",
                cv.line,
                f"{cv.cls} at {ctx.at(cv.line)} makes the folds of {fit.est.label()} for a "
                "classifier — folds do not keep the class proportions; use StratifiedKFold",
                [(fit.line, f"{shown(fit.est.name, 'the search')} is fitted here")],
            )
