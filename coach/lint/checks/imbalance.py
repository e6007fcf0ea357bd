"""IMB001 (a classifier judged by accuracy alone) and IMB002 (no stratification).

Both speak only with evidence that the classes are imbalanced (`coach.lint.class_balance`):
the data file next to the code, a notebook's saved outputs, a known loader, or code that handles
imbalance. Without it they stay silent and the file is counted as "balance unknown".
"""

from __future__ import annotations

from pathlib import Path

from coach.lint import apis, class_balance
from coach.lint.checks.common import Context, shown
from coach.lint.class_balance import Evidence
from coach.lint.dataflow import TRAIN, Const, Data, Est, EvalEv, Facts
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


def _targets(facts: Facts) -> list[tuple[str, frozenset[int]]]:
    """Named target columns the classifiers learn (`df["is_fraud"]`), with their data's roots."""
    datas: list[Data | None] = [f.y for f in facts.fits]
    datas += [cv.y for cv in facts.cvs]
    datas += [s.y_input for s in facts.splits]
    datas += [ev.y_true for ev in facts.evals]
    out: list[tuple[str, frozenset[int]]] = []
    for d in datas:
        if d is not None and d.target is not None and d.target[1] != "__target__":
            item = (d.target[1], d.target[0])
            if item not in out:
                out.append(item)
    return out


def _from_data_files(facts: Facts, targets: list[tuple[str, frozenset[int]]]) -> Evidence | None:
    for read in facts.reads:
        if not read.path:
            continue
        file = class_balance.find_data_file(read.path, facts.origin)
        if file is None:
            continue
        for column, roots in targets:
            if roots and read.root not in roots and len(facts.reads) > 1:
                continue
            count = class_balance.count_classes(file, column)
            if count is None:
                continue
            text = class_balance.describe_count(count, column, Path(read.path).name)
            return Evidence(
                text,
                read.line,
                balanced=not class_balance.is_imbalanced(count.counts),
                related=[(read.line, f"class counts read from {read.path}")],
            )
    return None


def _from_outputs(facts: Facts, targets: list[tuple[str, frozenset[int]]]) -> Evidence | None:
    names = [name for name, _ in targets] or [None]
    for output in facts.outputs:
        for name in names:
            values = class_balance.output_counts(output.code, output.text, name)
            if values is None:
                continue
            share = 100 * class_balance.minority_share(values)
            return Evidence(
                f"cell {output.cell}'s saved output shows a {share:.1f}% minority class",
                balanced=not class_balance.is_imbalanced(values),
            )
    return None


def _from_loaders(facts: Facts) -> Evidence | None:
    balanced: Evidence | None = None
    for line, name, weights in facts.loaders:
        if name in class_balance.IMBALANCED_LOADERS:
            what = class_balance.IMBALANCED_LOADERS[name]
            return Evidence(f"{what} is imbalanced ({name} at line {line})", line)
        if name == "make_classification" and weights:
            shares = class_balance.weight_shares(weights)
            if class_balance.is_imbalanced(shares):
                share = 100 * class_balance.minority_share(shares)
                return Evidence(
                    f"make_classification(weights=...) at line {line} makes a {share:.0f}% class",
                    line,
                )
            balanced = Evidence("balanced weights", line, balanced=True)
        elif name in class_balance.BALANCED_LOADERS or name == "make_classification":
            balanced = balanced or Evidence(f"{name} is balanced", line, balanced=True)
    if balanced is not None and not facts.reads:
        return balanced
    return None


def _from_handling(facts: Facts) -> Evidence | None:
    for est in facts.estimators:
        if est.cat == "resampler":
            return Evidence(
                f"the code resamples the classes ({est.cls} at line {est.line})",
                est.line,
                related=[(est.line, "the classes are resampled here")],
            )
        for kw in class_balance.HANDLING_KWARGS:
            value = est.kw.get(kw)
            if kw in est.kw and not (isinstance(value, Const) and value.value in (None, False)):
                return Evidence(
                    f"the code weights the classes ({kw}= at line {est.line})",
                    est.line,
                    related=[(est.line, f"{kw}= handles imbalance here")],
                )
    tts = [s for s in facts.splits if s.kind == "tts"]
    stratified = [s for s in tts if s.stratify]
    if stratified and len(stratified) < len(tts):
        line = stratified[0].line
        return Evidence(
            f"another split is stratified (line {line})",
            line,
            related=[(line, "this split is stratified")],
        )
    return None


def imbalance_evidence(ctx: Context) -> Evidence | None:
    """Why this file's classes are imbalanced, or None (unknown, or shown to be balanced).
    Computed once per file and shared by both rules."""
    if "imbalance_evidence" in ctx.memo:
        return ctx.memo["imbalance_evidence"]  # type: ignore[return-value]
    facts = ctx.facts
    targets = _targets(facts)
    found = (
        _from_data_files(facts, targets)
        or _from_loaders(facts)
        or _from_outputs(facts, targets)
        or _from_handling(facts)
    )
    result = None if found is None or found.balanced else found
    ctx.memo["imbalance_evidence"] = result
    return result


def _note_unknown(ctx: Context) -> None:
    """An accuracy-only or unstratified classifier with no evidence either way: counted, silent."""
    ctx.facts.balance_unknown = True


@emits("code", "IMB001")
def accuracy_only(ctx: Context) -> None:
    facts = ctx.facts
    if facts.metric_names - {"accuracy"} or "accuracy" not in facts.metric_names:
        return
    candidates: list[tuple[int, str]] = []
    for ev in facts.evals:
        if _is_accuracy(ev):
            model = ev.model.label() if ev.model is not None else "The classifier"
            candidates.append((ev.line, model))
    for cv in facts.cvs:
        if cv.est is not None and cv.est.is_classifier():
            candidates.append((cv.line, cv.est.label()))
    if not candidates:
        return
    evidence = imbalance_evidence(ctx)
    if evidence is None:
        _note_unknown(ctx)
        return
    line, model = min(candidates)
    ctx.emit(
        "IMB001",
        line,
        f"{model} is judged by accuracy alone, yet {evidence.text}; report recall, precision "
        "or PR-AUC",
        [
            *evidence.related,
            *((other, "accuracy is used here too") for other, _ in sorted(candidates)[1:3]),
        ],
    )


def _emit_unstratified(ctx: Context, line: int, what: str, related: list[tuple[int, str]]) -> None:
    evidence = imbalance_evidence(ctx)
    if evidence is None:
        _note_unknown(ctx)
        return
    message = f"{what}, yet {evidence.text}; keep class proportions (stratify)"
    ctx.emit("IMB002", line, message, [*related, *evidence.related])


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
        _emit_unstratified(
            ctx,
            split.line,
            "train_test_split has no stratify= for a classifier",
            [(users[0].line, f"{users[0].est.label()} is trained on the split here")],
        )
    for cv in facts.cvs:
        sp = cv.splitter
        if sp is None or sp.cls not in apis.UNSTRATIFIED_SPLITTERS or cv.est is None:
            continue
        if cv.est.is_classifier():
            _emit_unstratified(
                ctx,
                sp.line,
                f"{sp.cls} folds ignore the classes of {cv.est.label()}",
                [(cv.line, "cross-validated here")],
            )
    for split in facts.splits:
        sp = split.splitter
        if split.kind != "cv" or sp is None or sp.cls not in apis.UNSTRATIFIED_SPLITTERS:
            continue
        users = [f for f in classifier_fits if f.x.side_of(split.id) == TRAIN]  # type: ignore[union-attr]
        if users:
            _emit_unstratified(
                ctx,
                sp.line,
                f"{sp.cls} folds ignore the classes of {users[0].est.label()}",
                [(users[0].line, "a classifier is trained on a fold here")],
            )
    for fit in facts.fits:
        if fit.est.cat != "search" or not fit.est.is_classifier():
            continue
        cv = fit.est.kw.get("cv")
        if isinstance(cv, Est) and cv.cls in apis.UNSTRATIFIED_SPLITTERS:
            _emit_unstratified(
                ctx,
                cv.line,
                f"{cv.cls} folds ignore the classes of {fit.est.label()}",
                [(fit.line, f"{shown(fit.est.name, 'the search')} is fitted here")],
            )
