"""LEAK001-LEAK005: preprocessing leakage, train/test overlap, test-set reuse, the target left
in the features, and time-ordered data split at random."""

from __future__ import annotations

from collections.abc import Iterator

from coach.lint import apis
from coach.lint.checks.common import Context, is_test_name, marked_training, shown
from coach.lint.dataflow import TEST, TRAIN, Data, EvalEv, FitEv, Split, Taint
from coach.registry import emits


@emits("code", "LEAK001")
def preprocessing_leakage(ctx: Context) -> None:
    """Statistics or transformers fitted on rows that later include test rows."""
    _emit_taints(ctx, resampled=False)
    _test_rows_transformed_with_all_rows(ctx)
    _training_part_with_all_rows_statistics(ctx)


@emits("code", "LEAK002")
def train_test_overlap(ctx: Context) -> None:
    """The same rows (or copies of them) on both sides of the evaluation."""
    _emit_taints(ctx, resampled=True)
    _trained_on_test_rows(ctx)
    _scored_on_training_rows(ctx)
    _same_file(ctx)


def _split_label(split: Split) -> str:
    name = split.inputs[0].name if split.inputs and split.inputs[0].name else ""
    what = shown(name, "the data")
    if split.kind == "cv":
        return f"{what} is split into cross-validation folds"
    return f"{what} is split into train/test"


def _in_order(taints: set[Taint] | frozenset[Taint]) -> list[Taint]:
    """Taints in program order. A set's own order follows memory addresses, so without this two
    statistics on one line (`mean()` and `std()`) could each be the one reported, run to run."""
    return sorted(taints, key=lambda t: (t.line, t.seq, t.what, str(getattr(t, "col", ""))))


def _taint_origin(ctx: Context, t: Taint) -> str:
    src = shown(t.src_name, "the data")
    if t.kind == "stat":
        return f"`{t.what}` of {src} computed on all rows at {ctx.at(t.line)}"
    if t.kind == "resample" and t.what.startswith("concatenation"):
        return f"rows derived from {src} are stacked onto it at {ctx.at(t.line)}"
    if t.kind == "resample":
        return f"{t.what} resampled {src} (all rows) at {ctx.at(t.line)}"
    return f"{t.what} fitted on {src} (all rows) at {ctx.at(t.line)}"


def _reaches_a_model(ctx: Context, t: Taint) -> bool:
    """Whether the tainted values are among what a model is trained, cross-validated or
    evaluated on. When Coach recognised no model at all it cannot check, and trusts the split."""
    facts = ctx.facts
    used: set[int] | None = getattr(ctx, "_model_taints", None)
    if used is None:
        used = set()
        for fit in facts.fits:
            if fit.x is not None and fit.est.cat in ("model", "search", "pipeline"):
                used.update(u.seq for u in fit.x.taints)
        for cv in facts.cvs:
            if cv.x is not None:
                used.update(u.seq for u in cv.x.taints)
        for _line, _est, x in facts.predicts:
            used.update(u.seq for u in x.taints)
        ctx._model_taints = used  # type: ignore[attr-defined]
        model_inputs = [f.x for f in facts.fits if f.est.cat in ("model", "search", "pipeline")]
        model_inputs += [cv.x for cv in facts.cvs]
        # only when every model input is known can "no model uses it" be trusted
        ctx._any_model = bool(model_inputs) and all(  # type: ignore[attr-defined]
            x is not None for x in model_inputs
        )
    return t.seq in used or not ctx._any_model  # type: ignore[attr-defined]


def _emit_taints(ctx: Context, *, resampled: bool) -> None:
    """Report each tainted input that reaches a model: resampling taints are LEAK002 (copies on
    both sides), every other taint LEAK001 (test rows shaped the features)."""
    for t, line, where, how in _taint_uses(ctx):
        if (t.kind == "resample") != resampled or not _reaches_a_model(ctx, t):
            continue  # e.g. a filled column that no model ever uses
        if resampled:
            ctx.emit(
                "LEAK002",
                t.line,
                f"{_taint_origin(ctx, t)}; {where} at {ctx.at(line)} — copies or synthetic neighbours "
                "of the same rows end up on both sides, so the test score is inflated",
                [(line, how)],
            )
            continue
        ctx.emit(
            "LEAK001",
            t.line,
            f"{_taint_origin(ctx, t)}; {where} at {ctx.at(line)} — test rows shape the "
            f"{'feature values' if t.kind == 'stat' else 'preprocessing'}",
            [(line, how)],
        )


def _taint_uses(ctx: Context) -> Iterator[tuple[Taint, int, str, str]]:
    """(taint, line, where, how) for every tainted input that is split or cross-validated."""
    yield from _tainted_splits(ctx)
    yield from _tainted_cross_validation(ctx)


def _from_training_file_only(t: Taint, split: Split) -> bool:
    """Statistics of a separately loaded training file, applied to train+test concatenated and
    split back by position: the statistics never saw the other file's rows."""
    return t.src.file_role == TRAIN and bool(split.roots - t.src.roots)


def _fold_of_fitted_part(split: Split, fitted: Data, part: Data) -> bool:
    """Fitted on a training part, then cross-validated within that part: only the folds are
    touched and the held-out test score stays honest, so Coach stays silent (precision first)."""
    if split.kind != "cv" or not fitted.sides:
        return False
    return fitted.sides == frozenset(s for s in part.sides if s[0] != split.id)


def _tainted_splits(ctx: Context) -> Iterator[tuple[Taint, int, str, str]]:
    for split in ctx.facts.splits:
        if split.kind == "file":
            continue
        for d in split.inputs:
            if d is split.y_input:
                continue  # the target: shifting or transforming labels is not feature leakage
            for t in _in_order(d.taints):
                if _from_training_file_only(t, split):
                    continue
                if split.kind == "cv" and d.sides and t.src.sides == d.sides:
                    continue  # fitted on the whole training part, then folds of it: the
                    # held-out test score stays honest (same call as for cross_val_score)
                if t.seq < split.seq and t.src.side_of(split.id) == 0:
                    where = _split_label(split)
                    yield t, split.line, where, f"{where} here"


def _tainted_cross_validation(ctx: Context) -> Iterator[tuple[Taint, int, str, str]]:
    uses: list[tuple[Data | None, int]] = [(cv.x, cv.line) for cv in ctx.facts.cvs]
    uses += [(f.x, f.line) for f in ctx.facts.fits if f.est.cat == "search"]
    for x, line in uses:
        if x is None:
            continue
        for t in _in_order(x.taints):
            if x.sides and t.src.sides == x.sides:
                continue  # statistics of the same training part: only folds are affected
            yield (
                t,
                line,
                "the result is cross-validated outside a Pipeline",
                "cross-validated here: every validation fold already shaped it",
            )


def _test_rows_transformed_with_all_rows(ctx: Context) -> None:
    """A transformer fitted on all rows, then applied to a test part (fit before or after the
    split): `scaler.fit(X)`, `X_train, X_test = split(X)`, `scaler.transform(X_test)`."""
    for tr in ctx.facts.transforms:
        fit = tr.fit
        if fit is None or fit.x is None or not tr.est.stateful():
            continue
        for split in ctx.test_splits(tr.x):
            if _fold_of_fitted_part(split, fit.x, tr.x):
                continue
            if fit.x.side_of(split.id) == 0 and fit.x.roots & split.roots:
                ctx.emit(
                    "LEAK001",
                    fit.line,
                    f"{tr.est.label()} fitted on {shown(fit.x_name or fit.x.name)} (all rows) at "
                    f"{ctx.at(fit.line)}; the test part {shown(tr.x.name)} split off at "
                    f"{ctx.at(split.line)} is transformed with it at {ctx.at(tr.line)} — test rows shape "
                    "the preprocessing",
                    [
                        (split.line, f"{_split_label(split)} here"),
                        (tr.line, "the test rows are transformed here"),
                    ],
                )
    for ev in ctx.facts.evals:
        model = ev.model
        data = _eval_data(ev)
        if model is None or data is None or model.cls not in apis.KERAS_MODELS:
            continue
        # Keras preprocessing layers keep what `adapt` learned; model.fit does not refit them.
        for layer in model.components:
            fit = layer.last_fit
            if fit is None or fit.x is None or not layer.stateful():
                continue
            for split in ctx.test_splits(data):
                if fit.x.side_of(split.id) == 0 and fit.x.roots & split.roots:
                    ctx.emit(
                        "LEAK001",
                        fit.line,
                        f"{layer.label()} is adapted on {shown(fit.x_name or fit.x.name)} (all "
                        f"rows) at {ctx.at(fit.line)} and built into {model.label()}; the test part "
                        f"{shown(data.name)} split off at {ctx.at(split.line)} is evaluated with it "
                        f"at {ctx.at(ev.line)} — test rows shape the preprocessing",
                        [
                            (split.line, f"{_split_label(split)} here"),
                            (ev.line, "evaluated on the test part here"),
                        ],
                    )
    for line, _est, x in ctx.facts.predicts:
        for t in _in_order(x.taints):
            if t.kind == "resample":
                continue
            for split in ctx.test_splits(x):
                if _from_training_file_only(t, split) or _fold_of_fitted_part(split, t.src, x):
                    continue
                if not (t.src.side_of(split.id) == 0 and t.src.roots & split.roots):
                    continue
                ctx.emit(
                    "LEAK001",
                    t.line,
                    f"{_taint_origin(ctx, t)}; the test part {shown(x.name)} split off at "
                    f"{ctx.at(split.line)} carries those values into the prediction at "
                    f"{ctx.at(line)} — test rows shape the features",
                    [
                        (split.line, f"{_split_label(split)} here"),
                        (line, "the model predicts on the test part here"),
                    ],
                )


def _training_part_with_all_rows_statistics(ctx: Context) -> None:
    """`train, test = split(df)`, then `train.fillna(df.mean())` or `scaler.fit(df)` applied to
    the training part: the model learns from features shaped by the test rows."""
    for fit in ctx.facts.fits:
        x = fit.x
        if x is None or fit.est.cat not in ("model", "search", "pipeline"):
            continue
        for sid, side in x.sides:
            split = ctx.splits.get(sid)
            if split is None or side != TRAIN:
                continue
            for t in _in_order(x.taints):
                if t.kind == "resample" or t.seq < split.seq:
                    continue  # statistics before the split are reported where it is split
                if _from_training_file_only(t, split) or _fold_of_fitted_part(split, t.src, x):
                    continue
                if t.src.side_of(sid) != 0 or not (t.src.roots & split.roots):
                    continue
                ctx.emit(
                    "LEAK001",
                    t.line,
                    f"{_taint_origin(ctx, t)}, after the split at {ctx.at(split.line)}; the training "
                    f"part {shown(fit.x_name or x.name)} carries those values into "
                    f"{fit.est.label()} at {ctx.at(fit.line)} — test rows shape the training "
                    "features",
                    [
                        (split.line, f"{_split_label(split)} here"),
                        (fit.line, "the model is trained on them here"),
                    ],
                )


def _eval_data(ev: EvalEv) -> Data | None:
    return ev.x if ev.x is not None else ev.y_true


def _refit_on_more_rows(ctx: Context, fit: FitEv, split: Split) -> bool:
    """The same estimator was fitted earlier on the training part of `split`."""
    return any(
        f.est is fit.est and f.seq < fit.seq and f.x is not None and f.x.side_of(split.id) == TRAIN
        for f in ctx.facts.fits
    )


def _trained_on_test_rows(ctx: Context) -> None:
    refits_reported: set[int] = set()
    for ev in ctx.facts.evals:
        fit = ev.fit
        if fit is None or fit.x is None or fit.est.cat in ("transformer", "resampler"):
            continue
        if fit.seq > ev.seq:
            continue
        # compare like with like: features with features, or else labels with labels
        data, trained = (ev.x, fit.x) if ev.x is not None else (ev.y_true, fit.y)
        if data is None or trained is None:
            continue
        for split in ctx.test_splits(data):
            if (
                trained.side_of(split.id) == TEST
                and fit.est.cat != "search"
                and apis.name_role(fit.x_name or fit.x.name) == TEST
            ):
                ctx.emit(
                    "LEAK002",
                    fit.line,
                    f"{fit.est.label()} is trained on the test part "
                    f"{shown(fit.x_name or fit.x.name)} at {ctx.at(fit.line)} and evaluated on "
                    f"test rows {shown(data.name)} at {ctx.at(ev.line)} — the score is measured on "
                    "rows the model has already seen",
                    [
                        (split.line, f"{_split_label(split)} here"),
                        (ev.line, "evaluated on the same test rows here"),
                    ],
                )
                continue
            if trained.side_of(split.id) == 0 and trained.roots & split.roots:
                if _refit_on_more_rows(ctx, fit, split):
                    if id(fit) in refits_reported:
                        continue
                    refits_reported.add(id(fit))
                    # trained on the training part first, then refitted on train + test: the
                    # mistake the reader sees is the score, so report it there
                    ctx.emit(
                        "LEAK002",
                        ev.line,
                        f"The score at {ctx.at(ev.line)} is measured on {shown(data.name)}, but "
                        f"{fit.est.label()} was refitted at {ctx.at(fit.line)} on "
                        f"{shown(fit.x_name or fit.x.name)}, which includes those rows (split off "
                        f"at {ctx.at(split.line)}) — the model has already seen what it is scored on",
                        [
                            (fit.line, "refitted on rows that include the evaluation rows here"),
                            (split.line, f"{_split_label(split)} here"),
                        ],
                    )
                    continue
                ctx.emit(
                    "LEAK002",
                    fit.line,
                    f"{fit.est.label()} is trained on {shown(fit.x_name or fit.x.name)} at "
                    f"{ctx.at(fit.line)}, which still contains the test rows split off at "
                    f"{ctx.at(split.line)}; it is evaluated on {shown(data.name)} at {ctx.at(ev.line)} — "
                    "the score is measured on rows the model has already seen",
                    [
                        (split.line, f"{_split_label(split)} here"),
                        (ev.line, "evaluated on the test part here"),
                        (fit.call_site or 0, "the training function is called with all rows here"),
                    ],
                )


def _covers(data: Data, trained: Data) -> bool:
    """Every row `trained` holds is also in `data` (same rows, or a superset of them)."""
    return bool(trained.roots) and trained.roots <= data.roots and data.sides <= trained.sides


def _held_out_elsewhere(ctx: Context, fit: FitEv) -> bool:
    """The same model is also cross-validated or scored on a held-out part."""
    est = fit.est
    for cv in ctx.facts.cvs:
        if cv.est is not None and any(c is est for c in cv.est.all_components()):
            return True
    for ev in ctx.facts.evals:
        if ev.model is not est:
            continue
        data = _eval_data(ev)
        if data is not None and (ctx.test_splits(data) or data.file_role == TEST):
            return True
    return False


def _scored_on_training_rows(ctx: Context) -> None:
    """`tree.fit(X, y); accuracy_score(y, tree.predict(X))`: the reported score is measured on
    rows the model was trained on, and nothing in the names says it is a training score.
    (Scores on data named as training data, with no held-out score, are EVAL002.)"""
    for ev in ctx.facts.evals:
        fit = ev.fit
        if fit is None or fit.x is None or fit.seq > ev.seq:
            continue
        est = fit.est
        if est.cat not in ("model", "pipeline") or est.cls in apis.CLUSTERERS:
            continue
        data, trained = (ev.x, fit.x) if ev.x is not None else (ev.y_true, fit.y)
        if data is None or trained is None or not _covers(data, trained):
            continue
        if ctx.test_splits(data):
            continue  # a test part: `_trained_on_test_rows` speaks about it
        if marked_training(data) or apis.name_role(fit.x_name or fit.x.name) == TEST:
            continue  # a deliberate training score (EVAL002 speaks when it is the only one)
        if any(k in fit.kw for k in ("validation_data", "validation_split", "eval_set")):
            continue
        if _held_out_elsewhere(ctx, fit):
            continue
        ctx.emit(
            "LEAK002",
            ev.line,
            f"{est.label()} is scored at {ctx.at(ev.line)} on {shown(data.name)}, which holds the "
            f"rows it was trained on at {ctx.at(fit.line)} — the evaluation overlaps the training "
            "data, so the score measures memorisation, not performance on new data",
            [(fit.line, "trained on the same rows here")],
        )


def _same_file(ctx: Context) -> None:
    by_path: dict[str, list] = {}
    for read in ctx.facts.reads:
        if read.path:
            by_path.setdefault(read.path, []).append(read)
    for path, reads in by_path.items():
        roles = {(apis.name_role(r.name) or r.role): r for r in reads}
        if TRAIN in roles and TEST in roles:
            train, test = roles[TRAIN], roles[TEST]
            ctx.emit(
                "LEAK002",
                test.site,
                f"The test data {shown(test.name)} is read from the same file '{path}' as the "
                f"training data {shown(train.name)} ({ctx.at(train.site)}) — every test row is also "
                "a training row",
                [(train.site, "the training data is read from the same file here")],
            )


@emits("code", "LEAK003")
def test_set_reuse(ctx: Context) -> None:
    """Choices (a search, early stopping, the best model) made on the test set."""
    facts = ctx.facts
    # (a) a model or search fitted on the test set
    for fit in facts.fits:
        if fit.est.cat != "search" or fit.x is None:
            continue
        if not is_test_name(fit.x_name or fit.x.name):
            continue
        splits = [s for s in ctx.test_splits(fit.x) if s.kind in ("tts", "hint", "file")]
        if splits:
            what = "searched over" if fit.est.cat == "search" else "fitted on"
            ctx.emit(
                "LEAK003",
                fit.line,
                f"{fit.est.label()} is {what} the test set {shown(fit.x_name or fit.x.name)} at "
                f"{ctx.at(fit.line)} (split off at {ctx.at(splits[0].line)}) — the test set is used to "
                "make choices, so its score no longer estimates performance on new data",
                [(splits[0].line, f"{_split_label(splits[0])} here")],
            )
    # (b) early stopping on the test set that is then reported
    for fit in facts.fits:
        if not fit.est.callbacks:
            continue
        monitored = _monitored(fit.kw)
        for d in monitored:
            if not ctx.test_splits(d):
                continue
            later = [
                ev
                for ev in facts.evals
                if ev.seq > fit.seq
                and _eval_data(ev) is not None
                and _eval_data(ev).sides == d.sides
            ]  # type: ignore[union-attr]
            if later:
                ev = later[0]
                ctx.emit(
                    "LEAK003",
                    fit.line,
                    f"{fit.est.label()} stops early on {shown(d.name, 'the test set')} at "
                    f"{ctx.at(fit.line)}, and the same data is used to report the score at "
                    f"{ctx.at(ev.line)} — the stopping point was chosen on the test set",
                    [(ev.line, "the same test data is used for the reported score here")],
                )
                break
    # (c) the best of several models picked by test score
    for line, score in facts.score_choices:
        ev = score.ev
        data = _eval_data(ev)
        if data is None or not is_test_name(data.name):
            continue
        if not ctx.test_splits(data):
            continue
        ctx.emit(
            "LEAK003",
            ev.line,
            f"Scores on the test set {shown(data.name)} computed at {ctx.at(ev.line)} are compared "
            f"to pick the best model or setting at {ctx.at(line)} — the winner's test score is "
            "optimistically biased; choose on a validation set or with cross-validation",
            [(line, "the choice by test score happens here")],
        )


def _monitored(kw: dict) -> list[Data]:
    from coach.lint.dataflow import Tup

    out: list[Data] = []
    for key in ("validation_data", "eval_set", "valid_sets", "evals"):
        value = kw.get(key)
        stack = [value]
        while stack:
            item = stack.pop()
            if isinstance(item, Data):
                out.append(item)
            elif isinstance(item, Tup):
                stack.extend(reversed(item.items))
    return out


@emits("code", "LEAK004")
def target_in_features(ctx: Context) -> None:
    facts = ctx.facts
    pairs: list[tuple[Data | None, Data | None, int, str]] = []
    for fit in facts.fits:
        if fit.est.cat in ("model", "search", "pipeline"):
            pairs.append((fit.x, fit.y, fit.line, "trained"))
    for cv in facts.cvs:
        pairs.append((cv.x, cv.y, cv.line, "cross-validated"))
    for split in facts.splits:
        if split.kind == "tts" and len(split.inputs) >= 2:
            pairs.append((split.inputs[0], split.inputs[1], split.line, "split"))
    for x, y, line, how in pairs:
        if x is None or y is None or x.cols is None or y.target is None:
            continue
        key, col = y.target
        if col == "__target__" or x.cols.key != key or not x.cols.holds(col):
            continue
        ctx.emit(
            "LEAK004",
            x.cols.line,
            f"The features {shown(x.name)} built at {ctx.at(x.cols.line)} still contain the target "
            f"column '{col}', which {shown(y.name, 'the target')} is taken from at "
            f"{ctx.at(y.line)}; the model is {how} on them at {ctx.at(line)} — it can read the answer",
            [
                (y.line, f"the target '{col}' is taken from the same frame here"),
                (line, f"{how} with the target among the features here"),
            ],
        )


@emits("code", "LEAK005")
def time_shuffled(ctx: Context) -> None:
    facts = ctx.facts
    if facts.time_series_split:
        return
    for split in facts.splits:
        if split.kind not in ("tts", "cv") or not split.shuffle:
            continue
        if not any(d.time for d in split.inputs):
            continue
        how = (
            "train_test_split shuffles by default"
            if split.kind == "tts"
            else "the folds are shuffled"
        )
        ctx.emit(
            "LEAK005",
            split.line,
            f"{_split_label(split)} at random at {ctx.at(split.line)} ({how}), but the data is "
            "time-ordered (sorted by a date, date-indexed or given lag/rolling features) — "
            "the model trains on the future to predict the past",
            [],
        )
    for cv in facts.cvs:
        sp = cv.splitter
        if sp is None or cv.x is None or not cv.x.time:
            continue
        shuffled = sp.cls in apis.ALWAYS_SHUFFLING_SPLITTERS or (
            getattr(sp.kw.get("shuffle"), "value", None) is True
        )
        if shuffled:
            ctx.emit(
                "LEAK005",
                sp.line,
                f"{sp.cls} shuffles time-ordered data for the cross-validation at {ctx.at(cv.line)} "
                "— folds train on the future to predict the past; use TimeSeriesSplit",
                [(cv.line, "cross-validated here")],
            )
