"""An intra-file abstract interpreter: which values hold all / training / test data.

One forward pass over the module's statements in order (notebook cells are already joined in
order). Values are abstract: `Data` (rows of some dataset, with its lineage), `Est` (an estimator
object and what it was fitted on), `Tup` (tuples and lists), `Const`, `Score`, `FuncRef`.
Anything not understood evaluates to None ("unknown"), which never makes a finding fire: the
checks only speak when the dataflow proves the pattern.

The interpreter does not decide what is a mistake. It records events (fits, splits, transforms,
evaluations, cross-validation, reads) with immutable snapshots of the values involved; the
modules in `coach.lint.checks` turn events into findings.

Key ideas:
- Every dataset has `roots` (the reads/loads it comes from) and `sides`: a set of
  (split id, TRAIN|TEST) saying which part of which split it is restricted to. Data with roots
  of a split but no side for it holds *all* the rows of that split, train and test.
- Stateful fits and pandas statistics create a `Taint` carried by every value computed from
  them; a taint reaching a split's input means test rows shaped the training features.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterable
from typing import Any

from coach.lint import apis

TRAIN = 1
TEST = 2
SIDE_NAMES = {TRAIN: "train", TEST: "test"}

_MAX_INLINE_DEPTH = 4
_MAX_EXPR_DEPTH = 150


class Taint:
    """Statistics learned from `src` at `line` (kind 'fit', 'stat' or 'resample')."""

    __slots__ = ("col", "kind", "line", "seq", "src", "src_name", "what")

    def __init__(self, kind: str, line: int, src: Data, what: str, src_name: str, seq: int):
        self.kind = kind
        self.line = line
        self.src = src
        self.what = what
        self.src_name = src_name
        self.col: str | None = None
        self.seq = seq

    def with_col(self, col: str | None) -> Taint:
        if col == self.col:
            return self
        clone = Taint(self.kind, self.line, self.src, self.what, self.src_name, self.seq)
        clone.col = col
        return clone


class Cols:
    """Which columns of the frame `key` a value still holds (for LEAK004)."""

    __slots__ = ("dropped", "key", "line", "name", "selected")

    def __init__(
        self,
        key: frozenset[int],
        dropped: frozenset[str],
        selected: frozenset[str] | None,
        line: int,
        name: str = "",
    ):
        self.key = key
        self.dropped = dropped
        self.selected = selected
        self.line = line
        self.name = name

    def holds(self, col: str) -> bool:
        if self.selected is not None:
            return col in self.selected
        return col not in self.dropped


class Data:
    """Rows of a dataset (a frame, array, column, predictions or statistic of them)."""

    __slots__ = (
        "bunch",
        "cols",
        "datetime",
        "file_role",
        "grouped",
        "line",
        "loc",
        "mask",
        "name",
        "parent",
        "path",
        "pred",
        "roots",
        "scaled",
        "sides",
        "stat",
        "sub",
        "subset",
        "taints",
        "target",
        "time",
        "window",
        "ystat",
    )

    def __init__(self, roots: frozenset[int], line: int):
        self.roots = roots
        self.sides: frozenset[tuple[int, int]] = frozenset()
        self.taints: frozenset[Taint] = frozenset()
        self.cols: Cols | None = None
        self.target: tuple[frozenset[int], str] | None = None
        self.line = line
        self.name = ""
        self.file_role = 0
        self.path: str | None = None
        self.time = False
        self.datetime = False
        self.scaled = False
        self.pred: Any = None  # (Est, FitEv | None, x Data) for predictions
        self.stat = False
        self.ystat = False
        self.sub = False  # a row subset freshly computed (a named result can be a split part)
        self.mask = False
        self.bunch = False
        self.loc = False
        self.parent: Data | None = None
        self.subset = False  # some rows only (a filter, slice or sample of its roots)
        self.window = False  # a rolling/expanding window: its reductions are per row
        self.grouped = False  # `df.groupby(key)` (or a column of it): reductions are per group

    def copy(self, **changes: Any) -> Data:
        clone = Data.__new__(Data)
        for slot in Data.__slots__:
            setattr(clone, slot, getattr(self, slot))
        clone.mask = False
        clone.loc = False
        clone.window = False
        clone.grouped = False
        for key, value in changes.items():
            setattr(clone, key, value)
        return clone

    def side_of(self, split_id: int) -> int:
        for sid, side in self.sides:
            if sid == split_id:
                return side
        return 0


class Est:
    """An estimator-like object: transformer, resampler, model, pipeline, search or splitter."""

    __slots__ = (
        "callbacks",
        "cat",
        "classifier",
        "cls",
        "compile_loss",
        "compile_metrics",
        "components",
        "fitted",
        "kw",
        "last_fit",
        "line",
        "name",
        "taint",
    )

    def __init__(self, cls: str, cat: str, line: int, kw: dict[str, Any]):
        self.cls = cls
        self.cat = cat
        self.line = line
        self.kw = kw
        self.components: list[Est] = []
        self.last_fit: FitEv | None = None
        self.taint: Taint | None = None
        self.fitted = False
        self.name = ""
        self.classifier: bool | None = (
            True if cls in apis.CLASSIFIERS else False if cls in apis.REGRESSORS else None
        )
        self.compile_metrics: list[str] = []
        self.compile_loss: str | None = None
        self.callbacks = False

    def all_components(self) -> Iterable[Est]:
        yield self
        for comp in self.components:
            yield from comp.all_components()

    def is_classifier(self) -> bool:
        if self.classifier is not None:
            return self.classifier
        return any(c.classifier for c in self.components if c is not self)

    def stateful(self) -> bool:
        return self.cls in apis.STATEFUL_TRANSFORMERS or (
            self.cat == "pipeline" and any(c.stateful() for c in self.components)
        )

    def label(self) -> str:
        return f"`{self.name}` ({self.cls})" if self.name and self.name != self.cls else self.cls


class Tup:
    __slots__ = ("items", "scores")

    def __init__(self, items: list[Any]):
        self.items = items
        self.scores: list[Score] = []


class Const:
    __slots__ = ("value",)

    def __init__(self, value: Any):
        self.value = value


class Score:
    __slots__ = ("ev",)

    def __init__(self, ev: EvalEv):
        self.ev = ev


class FuncRef:
    __slots__ = ("analysed", "node")

    def __init__(self, node: ast.FunctionDef | ast.AsyncFunctionDef):
        self.node = node
        self.analysed = False


class CvSplit:
    """`splitter.split(X, y)`: iterating it yields (train indices, test indices)."""

    __slots__ = ("enumerated", "line", "splitter", "x")

    def __init__(self, splitter: Est | None, x: Data | None, line: int):
        self.splitter = splitter
        self.x = x
        self.line = line
        self.enumerated = False


class ColSel:
    """A column mask or ranking a fitted feature selector learned (`rfe.support_`,
    `vt.get_support()`): the columns it keeps carry the selector's taint."""

    __slots__ = ("taints",)

    def __init__(self, taints: frozenset[Taint]):
        self.taints = taints


class CorrSel:
    """`df.corr()` and what is derived from it. Once it is narrowed to one column (the target)
    and then to some entries (`nlargest`, `> 0.5`, `[:10]`), it names the features chosen by
    their correlation with the target on those rows."""

    __slots__ = ("selected", "taint", "targeted")

    def __init__(self, taint: Taint, targeted: bool = False, selected: bool = False):
        self.taint = taint
        self.targeted = targeted
        self.selected = selected

    def but(self, targeted: bool = False, selected: bool = False) -> CorrSel:
        if (targeted or self.targeted) == self.targeted and (
            selected or self.selected
        ) == self.selected:
            return self
        return CorrSel(self.taint, self.targeted or targeted, self.selected or selected)

    def chosen(self) -> ColSel | None:
        """Columns chosen by correlation with one column: a learned selection."""
        return ColSel(frozenset({self.taint})) if self.targeted and self.selected else None


class Idx:
    __slots__ = ("side", "split")

    def __init__(self, split: Split, side: int):
        self.split = split
        self.side = side


# --- events ---------------------------------------------------------------------------------


class Split:
    __slots__ = (
        "id",
        "inputs",
        "kind",
        "line",
        "names",
        "random_state",
        "roots",
        "seq",
        "shuffle",
        "splitter",
        "stratify",
        "y_input",
    )

    def __init__(self, sid: int, kind: str, line: int, inputs: list[Data], seq: int):
        self.id = sid
        self.kind = kind  # tts | hint | cv | file
        self.line = line
        self.inputs = inputs
        self.roots = frozenset().union(*(d.roots for d in inputs)) if inputs else frozenset()
        self.seq = seq
        self.shuffle: bool | None = True
        self.stratify = False
        self.random_state = False
        self.splitter: Est | None = None
        self.names: list[str] = []
        self.y_input: Data | None = None  # the last of several arrays given to train_test_split


class FitEv:
    __slots__ = ("call_site", "est", "in_loop", "kw", "line", "seq", "x", "x_name", "y")

    def __init__(
        self,
        est: Est,
        x: Data | None,
        y: Data | None,
        line: int,
        kw: dict[str, Any],
        x_name: str,
        seq: int,
        in_loop: bool,
    ):
        self.est = est
        self.x = x
        self.y = y
        self.line = line
        self.kw = kw
        self.x_name = x_name
        self.seq = seq
        self.in_loop = in_loop
        self.call_site: int | None = None  # the outermost call when inside an inlined function


class TransformEv:
    __slots__ = ("est", "fit", "line", "out", "x")

    def __init__(self, est: Est, x: Data, fit: FitEv | None, line: int, out: Data):
        self.est = est
        self.x = x
        self.fit = fit
        self.line = line
        self.out = out


class EvalEv:
    __slots__ = ("fit", "kind", "line", "loop", "metric", "model", "seq", "x", "y_pred", "y_true")

    def __init__(self, line: int, metric: str, kind: str, seq: int):
        self.line = line
        self.metric = metric  # accuracy, f1, r2, ... ('score' resolved by model type)
        self.kind = kind  # metric | score | evaluate | cv
        self.seq = seq
        self.model: Est | None = None
        self.fit: FitEv | None = None
        self.x: Data | None = None
        self.y_true: Data | None = None
        self.y_pred: Data | None = None
        self.loop: int | None = None


class CvEv:
    __slots__ = ("est", "line", "scoring", "seq", "splitter", "x", "y")

    def __init__(
        self,
        est: Est | None,
        x: Data | None,
        y: Data | None,
        line: int,
        splitter: Est | None,
        scoring: Any,
        seq: int,
    ):
        self.est = est
        self.x = x
        self.y = y
        self.line = line
        self.splitter = splitter
        self.scoring = scoring
        self.seq = seq


class Read:
    __slots__ = ("line", "name", "path", "role", "root", "site")

    def __init__(self, line: int, path: str | None, role: int, root: int):
        self.line = line
        self.path = path
        self.role = role
        self.root = root
        self.name = ""
        self.site = line  # the top-level statement that reads (a helper's call site)


class Facts:
    """Everything the checks need, collected in one pass."""

    def __init__(self) -> None:
        self.fits: list[FitEv] = []
        self.splits: list[Split] = []
        self.transforms: list[TransformEv] = []
        self.evals: list[EvalEv] = []
        self.cvs: list[CvEv] = []
        self.reads: list[Read] = []
        self.estimators: list[Est] = []
        self.score_choices: list[tuple[int, Score]] = []  # (line of the choice, score)
        self.predicts: list[tuple[int, Est, Data]] = []
        self.seed_line: int | None = None
        self.metric_names: set[str] = set()  # every metric family named anywhere
        self.scaling_seen = False
        self.time_series_split = False
        self.early_stopping_seen = False
        self.baseline_line: int | None = None
        self.stat_baseline = False
        self.incomplete = False
        self.read_roots: set[int] = set()
        # Dataset loaders called: (line, name, make_classification weights or None); the
        # dataset of `mnist.load_data()` is named by its module (`mnist`).
        self.loaders: list[tuple[int, str, list[float] | None]] = []
        # Set by the front end: the file on disk and a notebook's saved outputs (imbalance
        # evidence is read from them).
        self.origin: str | None = None
        self.outputs: list[Any] = []
        # Set by IMB001/IMB002: accuracy-only or unstratified, but no evidence of imbalance.
        self.balance_unknown = False


# --- the interpreter ------------------------------------------------------------------------

_PANDAS_ATTRS = frozenset(
    {
        "values",
        "T",
        "shape",
        "columns",
        "index",
        "dtypes",
        "dtype",
        "iloc",
        "loc",
        "at",
        "iat",
        "str",
        "dt",
        "cat",
        "size",
        "ndim",
        "empty",
        "name",
        "array",
        "flat",
        "plot",
        "axes",
        "data",
        "target",
        "feature_names",
        "target_names",
        "DESCR",
        "frame",
        "real",
        "imag",
    }
)
_ROW_KEEPING_ATTRS = frozenset({"values", "T", "str", "dt", "cat", "array", "flat", "real"})


_SHIFT_STATS = frozenset({"min()", "max()", "nanmin()", "nanmax()", "amin()", "amax()"})


def _const_strs(value: Any) -> list[str] | None:
    """The strings of a constant string or a list/tuple of constant strings."""
    if isinstance(value, Const) and isinstance(value.value, str):
        return [value.value]
    if isinstance(value, Tup) and value.items:
        out = []
        for item in value.items:
            if isinstance(item, Const) and isinstance(item.value, str):
                out.append(item.value)
            else:
                return None
        return out
    return None


def _join(values: list[Data], line: int) -> Data:
    first = values[0]
    if len(values) == 1:
        return first.copy(line=line)
    roots = frozenset().union(*(v.roots for v in values))
    sides = first.sides
    taints = first.taints
    for v in values[1:]:
        sides = sides & v.sides
        taints = taints | v.taints
    roles = {v.file_role for v in values}
    out = first.copy(
        roots=roots,
        sides=sides,
        taints=taints,
        line=line,
        cols=None,
        target=None,
        file_role=roles.pop() if len(roles) == 1 else 0,
        time=any(v.time for v in values),
        scaled=all(v.scaled for v in values),
        pred=None,
        stat=all(v.stat for v in values),
        path=None,
    )
    return out


class Interpreter:
    def __init__(self, tree: ast.Module, text: str):
        self.tree = tree
        self.facts = Facts()
        self.globals: dict[str, Any] = {}
        self.scopes: list[dict[str, Any]] = [self.globals]
        self.aliases: dict[str, str] = {}
        self._ids = itertools.count(1)
        self._seq = itertools.count(1)
        self.depth = 0
        self.inline_depth = 0
        self.loop_stack: list[int] = []
        self.budget = max(20000, 30 * text.count("\n"))
        self.funcs: list[FuncRef] = []
        self.hint_splits: dict[int, Split] = {}
        self.returns: list[list[Any]] = []
        self.call_sites: list[int] = []
        self.file_split: Split | None = None

    # -- scopes --
    def lookup(self, name: str) -> Any:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        return None

    def bound(self, name: str) -> bool:
        return any(name in scope for scope in self.scopes)

    def setvar(self, name: str, value: Any) -> None:
        self.scopes[-1][name] = value

    def seq(self) -> int:
        return next(self._seq)

    # -- entry --
    def run(self) -> Facts:
        try:
            self.block(self.tree.body)
            for ref in list(self.funcs):
                if not ref.analysed:
                    self.call_function(ref, [], {}, ref.node.lineno, analyse_only=True)
        except RecursionError:
            self.facts.incomplete = True
        return self.facts

    # -- statements --
    def block(self, body: list[ast.stmt]) -> None:
        for stmt in body:
            self.budget -= 1
            self.stmt(stmt)

    def stmt(self, node: ast.stmt) -> None:
        kind = type(node)
        if kind is ast.Assign:
            value = self.expr(node.value)
            for target in node.targets:
                self.bind(target, value, node.lineno)
        elif kind is ast.Expr:
            self.expr(node.value)
        elif kind is ast.AugAssign:
            left = self.expr(node.target)
            right = self.expr(node.value)
            value = self.binop(left, right, node.op, node.lineno)
            if isinstance(node.target, ast.Name):
                self.bind(node.target, value, node.lineno)
        elif kind is ast.AnnAssign:
            if node.value is not None:
                self.bind(node.target, self.expr(node.value), node.lineno)
        elif kind is ast.For or kind is ast.AsyncFor:
            self.for_loop(node)  # type: ignore[arg-type]
        elif kind is ast.If:
            self.expr(node.test)
            self.block(node.body)
            self.block(node.orelse)
        elif kind is ast.While:
            self.expr(node.test)
            self.loop_stack.append(node.lineno)
            self.block(node.body)
            self.loop_stack.pop()
            self.block(node.orelse)
        elif kind is ast.With or kind is ast.AsyncWith:
            for item in node.items:  # type: ignore[attr-defined]
                self.expr(item.context_expr)
                if item.optional_vars is not None:
                    self.bind(item.optional_vars, None, node.lineno)
            self.block(node.body)  # type: ignore[attr-defined]
        elif kind is ast.Try or kind is ast.TryStar:
            self.block(node.body)  # type: ignore[attr-defined]
            for handler in node.handlers:  # type: ignore[attr-defined]
                self.block(handler.body)
            self.block(node.orelse)  # type: ignore[attr-defined]
            self.block(node.finalbody)  # type: ignore[attr-defined]
        elif kind is ast.FunctionDef or kind is ast.AsyncFunctionDef:
            ref = FuncRef(node)  # type: ignore[arg-type]
            self.funcs.append(ref)
            self.setvar(node.name, ref)  # type: ignore[attr-defined]
        elif kind is ast.ClassDef:
            self.setvar(node.name, Const("__class__"))  # type: ignore[attr-defined]
            for item in node.body:  # type: ignore[attr-defined]
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                    self.funcs.append(FuncRef(item))
        elif kind is ast.Return:
            value = self.expr(node.value) if node.value is not None else None  # type: ignore[attr-defined]
            if self.returns:
                self.returns[-1].append(value)
        elif kind is ast.Import:
            for alias in node.names:  # type: ignore[attr-defined]
                if alias.asname:
                    self.aliases[alias.asname] = alias.name.rsplit(".", 1)[-1]
        elif kind is ast.ImportFrom:
            for alias in node.names:  # type: ignore[attr-defined]
                if alias.asname:
                    self.aliases[alias.asname] = alias.name
        elif kind is ast.Delete:
            for target in node.targets:  # type: ignore[attr-defined]
                if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
                    cols = _const_strs(self.expr(target.slice))
                    if cols:
                        self.drop_columns_inplace(target.value.id, cols, node.lineno)

    def for_loop(self, node: ast.For | ast.AsyncFor) -> None:
        it = self.expr(node.iter)
        line = node.lineno
        target = node.target
        if isinstance(it, CvSplit):
            split = self.cv_split(it, line)
            pair = target
            if it.enumerated and isinstance(target, ast.Tuple) and len(target.elts) == 2:
                self.bind(target.elts[0], None, line)
                pair = target.elts[1]
            if isinstance(pair, ast.Tuple | ast.List) and len(pair.elts) == 2:
                self.bind(pair.elts[0], Idx(split, TRAIN), line)
                self.bind(pair.elts[1], Idx(split, TEST), line)
            else:
                self.bind(pair, None, line)
        elif isinstance(it, Tup) and it.items:
            first = it.items[0]
            self.bind(target, first, line)
        else:
            self.bind(target, None, line)
        self.loop_stack.append(line)
        self.block(node.body)
        self.loop_stack.pop()
        self.block(node.orelse)

    # -- binding --
    def bind(self, target: ast.expr, value: Any, line: int) -> None:
        kind = type(target)
        if kind is ast.Name:
            name = target.id  # type: ignore[attr-defined]
            if isinstance(value, Data):
                value = self.named_data(value, name, line)
            elif isinstance(value, Est) and not value.name:
                value.name = name
            self.setvar(name, value)
        elif kind is ast.Tuple or kind is ast.List:
            elts = target.elts  # type: ignore[attr-defined]
            if isinstance(value, Tup):
                items = value.items
                star = next((i for i, e in enumerate(elts) if isinstance(e, ast.Starred)), None)
                if star is None and len(items) == len(elts):
                    for elt, item in zip(elts, items, strict=True):
                        self.bind(elt, item, line)
                    return
            for elt in elts:
                self.bind(elt.value if isinstance(elt, ast.Starred) else elt, None, line)
        elif kind is ast.Subscript:
            self.bind_subscript(target, value, line)  # type: ignore[arg-type]
        elif kind is ast.Starred:
            self.bind(target.value, None, line)  # type: ignore[attr-defined]

    def named_data(self, value: Data, name: str, line: int) -> Data:
        """Bind-time view: a row subset named like `train`/`test` is a part of a split."""
        if len(value.roots) == 1 and not value.sides:
            # `train = pd.read_csv(p)`, `train = prepare(pd.read_csv(p))`, `train = load(p)`
            for read in self.facts.reads:
                if read.root not in value.roots:
                    continue
                # through a helper: only when it keeps every row (no filter picks a part)
                whole = value.line == line or (not self.call_sites and not value.subset)
                fresh = read.line == line and whole
                via_helper = whole and not self.call_sites and read.site == line != read.line
                if (fresh and not read.name) or (via_helper and not read.role):
                    read.name = name
                    if not read.role:
                        read.role = apis.name_role(name)
                    if read.role:
                        value = self.file_part(value, read.role, line)
        if value.sub and value.line == line and value.parent is not None:
            role = apis.name_role(name)
            parent = value.parent
            if role:
                # one split per dataset and part: `X[:800]`, `y[:800]` and `X[800:]` belong together
                key = hash((parent.roots, parent.sides))
                split = self.hint_splits.get(key)
                if split is None:
                    split = Split(next(self._ids), "hint", line, [parent], self.seq())
                    split.shuffle = None
                    self.hint_splits[key] = split
                    self.facts.splits.append(split)
                elif not any(parent is d for d in split.inputs):
                    split.inputs.append(parent)  # `X_scaled[:800]` after `y[:800]`
                    split.seq = self.seq()
                if role == TEST:
                    split.names.append(name)
                return value.copy(
                    sides=value.sides | {(split.id, role)}, name=name, sub=False, parent=None
                )
            return value.copy(name=name, sub=False, parent=None)
        if value.name == name and not value.sub:
            return value
        out = value.copy(name=name, sub=False, parent=None, mask=value.mask, grouped=value.grouped)
        if value.cols is not None and value.line != line and value.name:
            # `X = df`: the features are defined here (what LEAK004 points at)
            c = value.cols
            out.cols = Cols(c.key, c.dropped, c.selected, line)
        return out

    def file_part(self, value: Data, role: int, line: int) -> Data:
        """Separately loaded train and test files are the two parts of one pseudo-split."""
        split = self.file_split
        if split is None:
            split = Split(next(self._ids), "file", line, [], self.seq())
            split.shuffle = False
            self.file_split = split
            self.facts.splits.append(split)
        split.roots = split.roots | value.roots
        return value.copy(file_role=role, sides=value.sides | {(split.id, role)})

    def bind_subscript(self, target: ast.Subscript, value: Any, line: int) -> None:
        """`df[col] = value` / `df.loc[..., col] = value`: the frame now carries value's taints."""
        base = target.value
        col = None
        if isinstance(base, ast.Attribute) and base.attr in ("loc", "iloc", "at"):
            base = base.value
            index = target.slice
            if isinstance(index, ast.Tuple) and len(index.elts) == 2:
                names = _const_strs(self.expr(index.elts[1]))
                col = names[0] if names and len(names) == 1 else None
        else:
            names = _const_strs(self.expr(target.slice))
            col = names[0] if names and len(names) == 1 else None
        if isinstance(base, ast.Subscript) and isinstance(base.value, ast.Name):
            # chained: `df["Age"].iloc[i] = med`, `df["Age"][i] = med` — a column of the frame
            names = _const_strs(self.expr(base.slice))
            if not names or len(names) != 1:
                return
            base, col = base.value, names[0]
        elif isinstance(base, ast.Attribute) and isinstance(base.value, ast.Name):
            base, col = base.value, base.attr  # `df.Age.iloc[i] = med`
        if not isinstance(base, ast.Name):
            return
        frame = self.lookup(base.id)
        if not isinstance(frame, Data):
            return
        changes: dict[str, Any] = {}
        if isinstance(value, Data):
            if value.taints:
                changes["taints"] = frame.taints | {t.with_col(col) for t in value.taints}
            if value.datetime and col:
                changes["datetime"] = True
            if value.time:
                changes["time"] = True
        if changes:
            self.setvar(base.id, frame.copy(name=frame.name, **changes))

    def drop_columns_inplace(self, var: str, cols: list[str], line: int) -> None:
        frame = self.lookup(var)
        if isinstance(frame, Data):
            self.setvar(var, self.drop_columns(frame, cols, line, keep_line=True))

    def drop_columns(self, d: Data, cols: list[str], line: int, keep_line: bool = False) -> Data:
        dropped = set(cols)
        taints = frozenset(t for t in d.taints if t.col not in dropped)
        new_cols = None
        if d.cols is not None:
            sel = d.cols.selected - dropped if d.cols.selected is not None else None
            new_cols = Cols(d.cols.key, d.cols.dropped | dropped, sel, line)
        return d.copy(taints=taints, cols=new_cols, line=d.line if keep_line else line, target=None)

    # -- expressions --
    def expr(self, node: ast.expr | None) -> Any:
        if node is None:
            return None
        self.depth += 1
        try:
            if self.depth > _MAX_EXPR_DEPTH:
                return None
            return self._expr(node)
        finally:
            self.depth -= 1

    def _expr(self, node: ast.expr) -> Any:
        kind = type(node)
        if kind is ast.Name:
            return self.lookup(node.id)  # type: ignore[attr-defined]
        if kind is ast.Call:
            return self.call(node)  # type: ignore[arg-type]
        if kind is ast.Attribute:
            return self.attribute(node)  # type: ignore[arg-type]
        if kind is ast.Subscript:
            return self.subscript(node)  # type: ignore[arg-type]
        if kind is ast.Constant:
            return Const(node.value)  # type: ignore[attr-defined]
        if kind is ast.BinOp:
            return self.binop(
                self.expr(node.left),
                self.expr(node.right),
                node.op,  # type: ignore[attr-defined]
                node.lineno,
            )
        if kind is ast.Compare:
            left = self.expr(node.left)  # type: ignore[attr-defined]
            rights = [self.expr(c) for c in node.comparators]  # type: ignore[attr-defined]
            for v in [left, *rights]:
                if isinstance(v, Score) and self.loop_stack:
                    self.facts.score_choices.append((node.lineno, v))
            if isinstance(left, CorrSel):
                return left.but(selected=True)  # `corr["y"].abs() > 0.5`
            if isinstance(left, Data):
                taints = left.taints
                return left.copy(
                    line=node.lineno, mask=True, taints=taints, stat=False, pred=left.pred
                )
            return None
        if kind is ast.Tuple or kind is ast.List or kind is ast.Set:
            items: list[Any] = []
            for e in node.elts:  # type: ignore[attr-defined]
                value = self.expr(e)
                if type(e) is ast.Starred and isinstance(value, Tup):
                    items.extend(value.items)  # `[df, *[minority] * 3]`
                else:
                    items.append(value)
            return Tup(items)
        if kind is ast.Dict:
            return Tup([self.expr(v) for v in node.values])  # type: ignore[attr-defined]
        if kind is ast.UnaryOp:
            return self.expr(node.operand)  # type: ignore[attr-defined]
        if kind is ast.BoolOp:
            values = [self.expr(v) for v in node.values]  # type: ignore[attr-defined]
            datas = [v for v in values if isinstance(v, Data)]
            return _join(datas, node.lineno).copy(mask=True) if datas else None
        if kind is ast.IfExp:
            self.expr(node.test)  # type: ignore[attr-defined]
            body = self.expr(node.body)  # type: ignore[attr-defined]
            other = self.expr(node.orelse)  # type: ignore[attr-defined]
            return body if body is not None else other
        if kind is ast.NamedExpr:
            value = self.expr(node.value)  # type: ignore[attr-defined]
            self.bind(node.target, value, node.lineno)  # type: ignore[attr-defined]
            return value
        if kind is ast.Starred or kind is ast.Await:
            return self.expr(node.value)  # type: ignore[attr-defined]
        if kind is ast.JoinedStr:
            for v in node.values:  # type: ignore[attr-defined]
                if isinstance(v, ast.FormattedValue):
                    self.expr(v.value)
            return None
        if kind is ast.ListComp or kind is ast.GeneratorExp or kind is ast.SetComp:
            return self.comprehension(node)  # type: ignore[arg-type]
        return None

    def comprehension(self, node: ast.ListComp | ast.GeneratorExp | ast.SetComp) -> Any:
        """`[rotate(im) for im in imgs]`: one element per row of `imgs`, so the result is rows
        derived from it. The loop variables live in their own scope, as in Python 3."""
        gens = node.generators
        first = self.expr(gens[0].iter)
        scope: dict[str, Any] = {}
        self.scopes.append(scope)
        try:
            element = first.copy(name="", line=node.lineno) if isinstance(first, Data) else None
            if isinstance(first, Tup) and first.items:
                element = first.items[0]
            self.bind(gens[0].target, element, node.lineno)
            for gen in gens[1:]:
                self.bind(gen.target, None, node.lineno)
                self.expr(gen.iter)
            elt = self.expr(node.elt)
        finally:
            self.scopes.pop()
        if isinstance(first, Data) and len(gens) == 1 and not gens[0].ifs:
            return first.copy(line=node.lineno, cols=None, target=None, stat=False, pred=None)
        if isinstance(first, Tup) and isinstance(elt, Data):
            return Tup([elt])
        return None

    def binop(self, left: Any, right: Any, op: ast.operator, line: int) -> Any:
        ld, rd = isinstance(left, Data), isinstance(right, Data)
        if ld and rd:
            out = _join([left, right], line)
            if left.stat != right.stat:
                # data (op) statistic keeps the data's shape and lineage, plus the taint.
                base = left if not left.stat else right
                stat = right if base is left else left
                extra = stat.taints
                if isinstance(op, ast.Add | ast.Sub):
                    # shifting by a minimum or maximum (to make values positive) changes nothing
                    # a model learns; only scaling by a range does
                    extra = frozenset(t for t in extra if t.what not in _SHIFT_STATS)
                out = base.copy(
                    line=line,
                    taints=base.taints | extra,
                    scaled=base.scaled or isinstance(op, ast.Div | ast.Sub),
                )
            return out
        if ld or rd:
            d = left if ld else right
            other = right if ld else left
            if isinstance(other, Tup) and isinstance(op, ast.Mult) and d.ystat:
                return d  # [y.mode()] * n: a constant prediction
            scaled = d.scaled or (ld and isinstance(op, ast.Div) and isinstance(other, Const))
            return d.copy(line=line, scaled=scaled)
        if isinstance(left, Tup) and isinstance(right, Tup) and isinstance(op, ast.Add):
            return Tup(left.items + right.items)
        if isinstance(op, ast.Mult) and (isinstance(left, Tup) or isinstance(right, Tup)):
            # `[minority] * 3`: the same items repeated (two copies are enough to know it)
            t, n = (left, right) if isinstance(left, Tup) else (right, left)
            if isinstance(n, Const) and type(n.value) is int and n.value > 0 and len(t.items) < 8:
                return Tup(t.items * min(n.value, 2))
        return None

    def attribute(self, node: ast.Attribute) -> Any:
        base = self.expr(node.value)
        if base is None:
            return None
        attr = node.attr
        if isinstance(base, Data):
            if attr in ("iloc", "loc", "at", "iat"):
                return base.copy(line=base.line, name=base.name, loc=True)
            if attr in _ROW_KEEPING_ATTRS:
                return base.copy(name=base.name)
            if attr == "data" and base.bunch:
                return base.copy(bunch=False, cols=None, line=node.lineno)
            if attr == "target" and base.bunch:
                return base.copy(
                    bunch=False, target=(base.roots, "__target__"), cols=None, line=node.lineno
                )
            if attr in _PANDAS_ATTRS or attr.startswith("_"):
                return None
            return self.column(base, [attr], node.lineno)
        if isinstance(base, Est):
            if attr in ("best_estimator_", "estimator", "model", "best_model"):
                return base
            if attr in _SELECTOR_ATTRS:
                return _selection(base)
            return None
        if isinstance(base, ColSel) and attr in ("values", "index", "columns", "T"):
            return base
        if isinstance(base, CorrSel) and attr in ("values", "index", "columns", "T", "loc"):
            return base
        return None

    def column(self, d: Data, cols: list[str], line: int) -> Data:
        """`df[cols]`: keep only the taints about those columns; remember a single target."""
        wanted = set(cols)
        taints = frozenset(t for t in d.taints if t.col is None or t.col in wanted)
        target = (d.roots, cols[0]) if len(cols) == 1 else None
        new_cols = None
        if d.cols is not None:
            new_cols = Cols(d.cols.key, d.cols.dropped, frozenset(wanted), line)
        datetime = d.datetime and len(cols) == 1
        return d.copy(
            taints=taints,
            target=target,
            cols=new_cols,
            line=line,
            grouped=d.grouped,
            datetime=datetime or (len(cols) == 1 and apis.is_time_word(cols[0]) and d.time),
        )

    def row_subset(self, d: Data, line: int, idx: Any = None) -> Data:
        if isinstance(idx, Idx):
            return d.copy(sides=d.sides | {(idx.split.id, idx.side)}, line=line)
        return d.copy(line=line, sub=True, parent=d, subset=True)

    def subscript(self, node: ast.Subscript) -> Any:
        base = self.expr(node.value)
        index_node = node.slice
        if isinstance(base, Tup):
            index = self.expr(index_node)
            if isinstance(index, Const) and isinstance(index.value, int):
                try:
                    return base.items[index.value]
                except IndexError:
                    return None
            return None
        if isinstance(base, CorrSel):
            return self.corr_subscript(base, index_node)
        if not isinstance(base, Data):
            index = self.expr(index_node)
            # `X.columns[rfe.support_]`: the selected column names
            return index if isinstance(index, ColSel) else None
        line = node.lineno
        via_loc = base.loc
        base_clean = base.copy(name=base.name) if via_loc else base
        if isinstance(index_node, ast.Slice):
            for part in (index_node.lower, index_node.upper, index_node.step):
                self.expr(part)
            if index_node.lower is None and index_node.upper is None:
                return base_clean.copy(line=line)
            return self.row_subset(base_clean, line)
        if isinstance(index_node, ast.Tuple) and index_node.elts:
            first = index_node.elts[0]
            values = [self.expr(e) for e in index_node.elts]
            rows = values[0]
            if isinstance(first, ast.Slice) and first.lower is None and first.upper is None:
                if len(values) > 1 and isinstance(values[1], CorrSel):
                    values[1] = values[1].chosen()
                if len(values) > 1 and isinstance(values[1], ColSel):
                    taints = base.taints | values[1].taints  # `X.loc[:, selector.support_]`
                    return base_clean.copy(line=line, cols=None, target=None, taints=taints)
                cols = _const_strs(values[1]) if len(values) > 1 else None
                if cols:
                    return self.column(base_clean, cols, line)
                return base_clean.copy(line=line, cols=None, target=None)
            if (
                isinstance(rows, Idx)
                or (isinstance(rows, Data) and rows.mask)
                or isinstance(first, ast.Slice)
            ):
                out = self.row_subset(base_clean, line, rows)
                return out.copy(cols=None, target=None) if len(values) > 1 else out
            return base_clean.copy(line=line, cols=None, target=None)
        index = self.expr(index_node)
        if isinstance(index, CorrSel):
            index = index.chosen()
        if isinstance(index, ColSel):
            return base_clean.copy(
                line=line, cols=None, target=None, taints=base.taints | index.taints
            )
        if isinstance(index, Idx):
            return self.row_subset(base_clean, line, index)
        if _is_mask_expr(index_node) or (index is None and _looks_like_row_index(index_node)):
            return self.row_subset(base_clean, line)
        if isinstance(index, Data) and (index.mask or index.sides):
            return self.row_subset(base_clean, line)
        cols = _const_strs(index)
        if cols and not via_loc:
            return self.column(base_clean, cols, line)
        if cols and via_loc:
            return self.row_subset(base_clean, line)
        if isinstance(index, Const):
            return base_clean.copy(line=line, cols=None, target=None, stat=base.stat)
        return base_clean.copy(line=line, cols=None, target=None)

    # -- calls --
    def call(self, node: ast.Call) -> Any:
        func = node.func
        line = node.lineno
        if isinstance(func, ast.Name):
            target = self.lookup(func.id)
            if isinstance(target, FuncRef):
                args = [self.expr(a) for a in node.args]
                kwargs = {k.arg: self.expr(k.value) for k in node.keywords if k.arg}
                arg_names = [a.id if isinstance(a, ast.Name) else "" for a in node.args]
                return self.call_function(target, args, kwargs, line, arg_names=arg_names)
            if isinstance(target, Est) or (
                isinstance(target, Const) and target.value == "__class__"
            ):
                self.eval_args(node)
                return None
            name = self.aliases.get(func.id, func.id)
            if self.bound(func.id) and not isinstance(target, Const | type(None)):
                self.eval_args(node)
                return None
            return self.call_global(name, node, None)
        if isinstance(func, ast.Attribute):
            root = func.value
            while isinstance(root, ast.Attribute | ast.Call | ast.Subscript):
                root = root.func if isinstance(root, ast.Call) else root.value
            module_like = isinstance(root, ast.Name) and not self.bound(root.id)
            recv = (
                None if module_like and isinstance(func.value, ast.Name) else self.expr(func.value)
            )
            if recv is None:
                if module_like:
                    return self.call_global(func.attr, node, func.value)
                self.eval_args(node)
                return None
            if isinstance(recv, Est):
                return self.est_method(recv, func.attr, node)
            if isinstance(recv, Data):
                return self.data_method(recv, func.attr, node, func.value)
            if isinstance(recv, Tup):
                return self.tup_method(recv, func.attr, node)
            if isinstance(recv, CvSplit):
                self.eval_args(node)
                return None
            if isinstance(recv, CorrSel):
                return self.corr_method(recv, func.attr, node)
            if isinstance(recv, ColSel):
                self.eval_args(node)
                return recv if func.attr in ("tolist", "to_list", "copy", "astype") else None
            self.eval_args(node)
            return None
        self.expr(func)
        self.eval_args(node)
        return None

    def eval_args(self, node: ast.Call) -> tuple[list[Any], dict[str, Any]]:
        args = [self.expr(a) for a in node.args]
        kwargs = {k.arg: self.expr(k.value) for k in node.keywords if k.arg}
        for k in node.keywords:
            if k.arg is None:
                self.expr(k.value)
        return args, kwargs

    def call_function(
        self,
        ref: FuncRef,
        args: list[Any],
        kwargs: dict[str, Any],
        line: int,
        analyse_only: bool = False,
        arg_names: list[str] | None = None,
    ) -> Any:
        """Inline a function defined in this file, binding its parameters to the arguments."""
        if self.inline_depth >= _MAX_INLINE_DEPTH or self.budget <= 0:
            return None
        if ref.analysed and not any(
            isinstance(v, Data | Est | Tup | CvSplit | Idx) or _is_path(v)
            for v in [*args, *kwargs.values()]
        ):
            return None  # nothing known flows in: one analysis of the body is enough
        ref.analysed = True
        node = ref.node
        scope: dict[str, Any] = {}
        params = [*node.args.posonlyargs, *node.args.args]
        defaults = node.args.defaults
        for i, param in enumerate(params):
            value = args[i] if i < len(args) else kwargs.get(param.arg)
            if value is None and not analyse_only:
                d_index = i - (len(params) - len(defaults))
                if 0 <= d_index < len(defaults):
                    value = self.expr(defaults[d_index])
            scope[param.arg] = value
        for param in node.args.kwonlyargs:
            scope[param.arg] = kwargs.get(param.arg)
        if node.args.vararg:
            scope[node.args.vararg.arg] = Tup(list(args[len(params) :]))
        if node.args.kwarg:
            scope[node.args.kwarg.arg] = None
        self.scopes.append(scope)
        self.returns.append([])
        self.call_sites.append(line)
        self.inline_depth += 1
        try:
            self.block(node.body)
        finally:
            self.inline_depth -= 1
            self.call_sites.pop()
            results = self.returns.pop()
            self.scopes.pop()
        # a helper that fills or scales a frame in place: the caller's variable changes too
        for i, name in enumerate(arg_names or []):
            if not name or i >= len(params) or not isinstance(args[i], Data):
                continue
            after = scope.get(params[i].arg)
            before = args[i]
            if (
                isinstance(after, Data)
                and after.roots == before.roots
                and (after.taints - before.taints or after.time != before.time)
            ):
                self.setvar(
                    name,
                    before.copy(
                        taints=before.taints | after.taints, time=before.time or after.time
                    ),
                )
        results = [r for r in results if r is not None]
        return results[-1] if results else None

    # -- global (module-level) functions and constructors --
    def call_global(self, name: str, node: ast.Call, module: ast.expr | None) -> Any:
        line = node.lineno
        name = self.aliases.get(name, name).rsplit(".", 1)[-1]
        cat = apis.estimator_category(name)
        if cat is not None:
            return self.construct(name, cat, node)
        if name == "train_test_split":
            return self.train_test_split(node)
        if name in apis.READERS:
            return self.read(name, node)
        if name.startswith(apis.DATASET_LOADERS_PREFIXES) and module_is_data_lib(module, name):
            return self.load_dataset(name, node)
        if name in apis.CV_FUNCTIONS:
            return self.cross_validation(name, node)
        if name in apis.METRICS:
            return self.metric(name, node)
        args, kwargs = self.eval_args(node)
        datas = [a for a in args if isinstance(a, Data)]
        if not datas and kwargs:
            # the keyword form: `pd.get_dummies(data=df)`, `pd.DataFrame(data=X)`, `np.log1p(x=a)`
            datas = [v for k, v in kwargs.items() if k in _DATA_KEYWORDS and isinstance(v, Data)]
            args = datas[:1] + args if datas else args
        if name in apis.SEED_FUNCTIONS:
            if self.facts.seed_line is None:
                self.facts.seed_line = line
            return None
        if name in ("EarlyStopping", "early_stopping", "ModelCheckpoint", "EarlyStoppingCallback"):
            self.facts.early_stopping_seen = True
            return Const("early_stopping")
        if name in (
            "AUC",
            "Precision",
            "Recall",
            "F1Score",
            "PrecisionAtRecall",
            "make_scorer",
            "FBetaScore",
            "AUCPR",
            "precision",
            "recall",
        ):
            self.facts.metric_names.add(name.lower())
            return None
        if name in apis.SCALERS:
            self.facts.scaling_seen = True
        if name in _FUNCTION_SCALERS and datas and module_is_sklearn_like(module):
            # preprocessing.scale(X) and friends: a fit_transform in one call
            d = datas[0]
            taint = Taint("fit", line, d, f"{name}()", d.name, self.seq())
            return d.copy(line=line, taints=d.taints | {taint}, scaled=True, stat=False)
        if name == "normalize" and datas:
            return datas[0].copy(line=line, scaled=True)  # row-wise: no statistic of other rows
        if name in ("Dataset", "DMatrix", "Pool") and datas:
            return datas[0].copy(line=line)  # LightGBM / XGBoost / CatBoost data wrappers
        if name == "train" and module is not None and _root_name(module) in _BOOSTING_MODULES:
            booster = Est("Booster", "model", line, kwargs)
            self.facts.estimators.append(booster)
            data = args[1] if len(args) > 1 else kwargs.get("train_set", kwargs.get("dtrain"))
            if "early_stopping_rounds" in kwargs or _has_early_stopping(kwargs.get("callbacks")):
                booster.callbacks = True
            self.record_fit(
                booster, data if isinstance(data, Data) else None, None, line, kwargs, ""
            )
            return booster
        if name == "resample" and datas:
            replace = kwargs.get("replace")
            if isinstance(replace, Const) and replace.value is True:
                # sklearn.utils.resample(minority, replace=True): upsampling by duplication
                d = datas[0]
                taint = Taint("resample", line, d, "resample(replace=True)", d.name, self.seq())
                return d.copy(line=line, taints=d.taints | {taint})
            return datas[0].copy(line=line)
        if name in apis.CONCAT_FUNCTIONS:
            items: list[Data] = []
            pieces = [*args, *(kwargs[k] for k in _CONCAT_KEYWORDS if k in kwargs)]
            for a in pieces:
                if isinstance(a, Data):
                    items.append(a)
                elif isinstance(a, Tup):
                    items.extend(i for i in a.items if isinstance(i, Data))
            if not items:
                return None
            out = _join(items, line)
            axis = kwargs.get("axis", kwargs.get("dim"))
            if axis is None and len(args) > 1 and isinstance(args[1], Const):
                axis = args[1]
            by_rows = axis is None or (isinstance(axis, Const) and axis.value in (0, "index"))
            if by_rows and name not in ("hstack", "column_stack", "merge", "stack", "dstack"):
                out = self.duplicated_rows(items, out, line)
            if (isinstance(axis, Const) and axis.value in (1, "columns")) or name in (
                "hstack",
                "column_stack",
            ):
                return out
            return out
        if (
            args
            and isinstance(args[0], ColSel | CorrSel)
            and name in ("list", "array", "asarray", "Index", "abs", "absolute")
        ):
            return args[0]
        if name in ("enumerate", "list", "iter", "tqdm", "sorted", "reversed", "zip") and args:
            first = args[0]
            if isinstance(first, CvSplit):
                if name == "enumerate":
                    first.enumerated = True
                return first
            if name in ("sorted", "list") and isinstance(first, Tup) and first.scores:
                self.choose_by_scores(first, line)
            if name == "zip" and len(args) > 1:
                # zip(names, models): rows of (name, model) — what a `for a, b in` loop unpacks
                cols = [a.items if isinstance(a, Tup) else [] for a in args]
                rows = max(len(c) for c in cols)
                if not rows:
                    return None
                return Tup([Tup([c[i] if i < len(c) else None for c in cols]) for i in range(rows)])
            if name == "enumerate" and isinstance(first, Tup):
                return Tup([Tup([Const(i), item]) for i, item in enumerate(first.items)])
            return first if isinstance(first, Tup) else None
        if name in ("max", "min", "argmax", "argmin", "nanargmax") and args:
            first = args[0]
            if isinstance(first, Tup) and first.scores:
                self.choose_by_scores(first, line)
                return None
            if name in ("argmax", "argmin") and isinstance(first, Data):
                return first.copy(line=line, stat=False)
        if name in apis.STAT_METHODS and datas and module is not None:
            return self.statistic(datas[0], name, kwargs, line, args[0] is datas[0])
        if name == "to_datetime" and datas:
            return datas[0].copy(line=line, datetime=True)
        if name in ("full", "full_like", "repeat", "ones_like", "tile") and any(
            isinstance(a, Data) and a.ystat for a in [*args, *kwargs.values()]
        ):
            ystat = next(a for a in [*args, *kwargs.values()] if isinstance(a, Data) and a.ystat)
            return ystat
        if name in apis.PASSTHROUGH_FUNCTIONS and not datas and args and isinstance(args[0], Tup):
            # np.array(rows) where rows is a list of slices built in a loop
            datas = [i for i in args[0].items if isinstance(i, Data)][:8]
        if name in apis.PASSTHROUGH_FUNCTIONS and datas:
            out = _join(datas, line) if len(datas) > 1 else datas[0].copy(line=line)
            return out
        if datas and args and args[0] is datas[0] and apis.is_augmentation(name):
            # `ndimage.rotate(img, 10)`, `np.fliplr(X[i])`: new rows made from existing ones
            return datas[0].copy(line=line, cols=None, target=None, stat=False, pred=None)
        return None

    def construct(self, name: str, cat: str, node: ast.Call) -> Est:
        args, kwargs = self.eval_args(node)
        if any(k.arg is None for k in node.keywords):
            kwargs["__star__"] = None
        est = Est(name, cat, node.lineno, kwargs)
        self.facts.estimators.append(est)
        if name in apis.SCALERS:
            self.facts.scaling_seen = True
        if name == "TimeSeriesSplit":
            self.facts.time_series_split = True
        if name in apis.BASELINES and self.facts.baseline_line is None:
            self.facts.baseline_line = node.lineno
        if (
            "early_stopping_rounds" in kwargs
            or "use_best_model" in kwargs
            or (isinstance(kwargs.get("early_stopping"), Const) and kwargs["early_stopping"].value)
        ):
            est.callbacks = True
        if cat == "pipeline":
            for value in [*args, *kwargs.values()]:
                est.components.extend(_ests_in(value))
        elif cat == "search":
            inner = args[0] if args else kwargs.get("estimator")
            est.components.extend(_ests_in(inner))
            scoring = kwargs.get("scoring")
            self.note_scoring(scoring, est)
        elif name in apis.KERAS_MODELS or name in (
            "VotingClassifier",
            "StackingClassifier",
            "VotingRegressor",
            "StackingRegressor",
            "BaggingClassifier",
            "BaggingRegressor",
            "OneVsRestClassifier",
            "CalibratedClassifierCV",
            "AdaBoostClassifier",
        ):
            for value in [*args, *kwargs.values()]:
                est.components.extend(_ests_in(value))
        return est

    def note_scoring(self, scoring: Any, est: Est | None) -> None:
        names = _const_strs(scoring)
        if names:
            for n in names:
                self.facts.metric_names.add("accuracy" if n in apis.ACCURACY_NAMES else n)
        elif scoring is not None:
            self.facts.metric_names.add("custom")

    def read(self, name: str, node: ast.Call) -> Data:
        args, kwargs = self.eval_args(node)
        root = next(self._ids)
        d = Data(frozenset({root}), node.lineno)
        path = None
        first = args[0] if args else kwargs.get("filepath_or_buffer") or kwargs.get("fname")
        if isinstance(first, Const) and isinstance(first.value, str):
            path = first.value
        role = apis.name_role(path.replace("\\", "/").rsplit("/", 1)[-1]) if path else 0
        d.file_role = role
        d.cols = Cols(d.roots, frozenset(), None, node.lineno)
        if "parse_dates" in kwargs and "index_col" in kwargs:
            d.time = True
        read = Read(node.lineno, path, role, root)
        if self.call_sites:
            read.site = self.call_sites[0]
        self.facts.reads.append(read)
        self.facts.read_roots.add(root)
        d.path = path
        return d

    def load_dataset(self, name: str, node: ast.Call) -> Any:
        _, kwargs = self.eval_args(node)
        root = next(self._ids)
        line = node.lineno
        self.facts.loaders.append((line, _loader_label(name, node), _weights_arg(node)))
        d = Data(frozenset({root}), line)
        if name == "load_data":
            # keras.datasets.X.load_data(): ((x_train, y_train), (x_test, y_test))
            split = Split(next(self._ids), "file", line, [d], self.seq())
            split.shuffle = False
            self.facts.splits.append(split)
            tr = d.copy(sides=frozenset({(split.id, TRAIN)}))
            te = d.copy(sides=frozenset({(split.id, TEST)}))
            return Tup(
                [
                    Tup([tr, tr.copy(target=(d.roots, "__target__"))]),
                    Tup([te, te.copy(target=(d.roots, "__target__"))]),
                ]
            )
        return_xy = kwargs.get("return_X_y")
        if name.startswith("make_") or (isinstance(return_xy, Const) and return_xy.value):
            return Tup([d, d.copy(target=(d.roots, "__target__"))])
        d.bunch = True
        return d

    def duplicated_rows(self, items: list[Data], out: Data, line: int) -> Data:
        """`concat([df, df[df.y == 1]])`, `vstack([X, X_augmented])`: rows stacked onto the data
        they come from, so copies of the same row can land on both sides of a later split."""
        for i, a in enumerate(items):
            for b in items[i + 1 :]:
                if a.roots & b.roots and a.sides == b.sides and not (a.subset and b.subset):
                    whole = a if not a.subset else b
                    taint = Taint(
                        "resample",
                        line,
                        whole,
                        "concatenation",
                        whole.name,
                        self.seq(),
                    )
                    return out.copy(taints=out.taints | {taint})
        return out

    def statistic(
        self, d: Data, name: str, kwargs: dict[str, Any], line: int, on_receiver: bool = True
    ) -> Data | None:
        axis = kwargs.get("axis")
        if isinstance(axis, Const) and axis.value in (1, "columns", -1):
            return d.copy(line=line)  # a row-wise reduction: no statistic of other rows
        if d.stat:
            return d.copy(line=line)
        label = f'{d.name}["{d.target[1]}"]' if d.target and d.name else d.name
        taint = Taint("stat", line, d, f"{name}()", label, self.seq())
        out = d.copy(
            line=line,
            stat=True,
            taints=d.taints | {taint},
            cols=None,
            target=None,
            ystat=d.target is not None or d.pred is not None,
            pred=None,
        )
        return out

    # -- methods on data --
    def data_method(self, d: Data, method: str, node: ast.Call, recv_node: ast.expr) -> Any:
        line = node.lineno
        if method in apis.STAT_METHODS:
            args, kwargs = self.eval_args(node)
            if (method in ("min", "max") and args and isinstance(args[0], Data)) or d.window:
                return d.copy(line=line, window=False)
            return self.statistic(d, method, kwargs, line)
        args, kwargs = self.eval_args(node)
        if method in ("corr", "corrwith") and not d.stat:
            taint = Taint("stat", line, d, f"{method}()", d.name, self.seq())
            return CorrSel(taint, targeted=method == "corrwith")
        inplace = isinstance(kwargs.get("inplace"), Const) and kwargs["inplace"].value is True
        extra = [a for a in [*args, *kwargs.values()] if isinstance(a, Data)]
        for a in [*args, *kwargs.values()]:
            if isinstance(a, Tup):
                extra.extend(i for i in a.items if isinstance(i, Data))
        if method in apis.NON_DATA_METHODS and not (method == "sum" and d.grouped):
            return None
        if method == "drop":
            cols = None
            axis = kwargs.get("axis")
            if len(args) > 1 and isinstance(args[1], Const):
                axis = args[1]
            sel = next((a for a in [*args, *kwargs.values()] if isinstance(a, ColSel)), None)
            if sel is not None:
                # `X.drop(columns=X.columns[~vt.get_support()])`: a learned column selection
                out = d.copy(line=line, cols=None, target=None, taints=d.taints | sel.taints)
            elif "columns" in kwargs:
                cols = _const_strs(kwargs["columns"])
                out = self.drop_columns(d, cols, line) if cols else d.copy(line=line, cols=None)
            elif isinstance(axis, Const) and axis.value in (1, "columns"):
                label = args[0] if args else kwargs.get("labels")
                cols = _const_strs(label)
                out = self.drop_columns(d, cols, line) if cols else d.copy(line=line, cols=None)
            else:
                out = self.row_subset(d, line)
            if inplace and isinstance(recv_node, ast.Name):
                self.setvar(recv_node.id, out.copy(name=recv_node.id, sub=False, parent=None))
                return None
            return out
        if method == "pop":
            cols = _const_strs(args[0]) if args else None
            if cols and isinstance(recv_node, ast.Name):
                self.drop_columns_inplace(recv_node.id, cols, line)
            return self.column(d, cols, line) if cols else None
        if method in ("sample",):
            frac = kwargs.get("frac")
            replace = kwargs.get("replace")
            if isinstance(replace, Const) and replace.value is True:
                # df_minority.sample(n, replace=True): upsampling by duplicating rows
                taint = Taint("resample", line, d, "sample(replace=True)", d.name, self.seq())
                return d.copy(line=line, taints=d.taints | {taint})
            if isinstance(frac, Const) and frac.value == 1:
                return d.copy(line=line)
            return self.row_subset(d, line)
        if method in apis.ROW_SUBSET_METHODS:
            return self.row_subset(d, line)
        if method in (
            "select_dtypes",
            "filter",
            "reindex",
            "pivot",
            "melt",
            "stack",
            "unstack",
            "transpose",
        ):
            return d.copy(line=line, cols=None, target=None)
        if method in ("sort_values", "sort_index", "set_index"):
            by = args[0] if args else kwargs.get("by") or kwargs.get("keys")
            names = _const_strs(by) or []
            time = (
                d.time
                or any(apis.is_time_word(n) for n in names)
                or (method == "sort_index" and d.datetime)
            )
            if method == "set_index":
                time = d.time or (any(apis.is_time_word(n) for n in names) and d.datetime)
            out = d.copy(line=line, time=time)
            if inplace and isinstance(recv_node, ast.Name):
                self.setvar(recv_node.id, out.copy(name=recv_node.id))
                return None
            return out
        if method in apis.TIME_METHODS:
            window = method in ("rolling", "expanding", "ewm", "resample")
            return d.copy(line=line, time=True, stat=False, window=window)
        if method in ("groupby",):
            return d.copy(line=line, cols=None, grouped=True)
        if method in ("agg", "aggregate", "transform", "apply") and node.args:
            if isinstance(node.args[0], ast.Lambda):
                return self.apply_lambda(d, node.args[0], kwargs, line)
            names = _const_strs(args[0]) or []
            fn = node.args[0]
            if (
                isinstance(fn, ast.Attribute)
                and isinstance(fn.value, ast.Name)
                and not self.bound(fn.value.id)
            ):
                names = [fn.attr]  # `.agg(np.mean)`, `.transform(np.median)`
            stat = next((n for n in names if n in _AGG_STATS), None)
            if stat is not None and method != "apply":
                return self.statistic(d, stat, kwargs, line)
        if method == "sum" and d.grouped:
            return self.statistic(d, "sum", kwargs, line)  # `g.sum() / g.count()`: a mean
        if method == "pivot_table":
            agg = _const_strs(kwargs.get("aggfunc")) or []
            if "values" in kwargs and any(n in _AGG_STATS for n in agg):
                return self.statistic(d, f"pivot_table({agg[0]})", kwargs, line)
            return d.copy(line=line, cols=None, target=None)
        if method == "split" and not extra:
            return None
        out = d.copy(line=line)
        if extra:
            out = (
                _join([out, *extra], line)
                if method in ("merge", "join", "append", "combine_first", "concat")
                else out.copy(taints=out.taints.union(*(e.taints for e in extra)))
            )
            if method in ("merge", "join"):
                out.cols = None
            if method == "append":
                out = self.duplicated_rows([d, *extra], out, line)
        if method == "astype" and d.datetime:
            out.datetime = True
        if inplace and isinstance(recv_node, ast.Name):
            self.setvar(recv_node.id, out.copy(name=recv_node.id))
            return None
        if inplace and isinstance(recv_node, ast.Subscript | ast.Attribute):
            self.inplace_column(recv_node, out, line)
            return None
        return out

    def corr_subscript(self, c: CorrSel, index_node: ast.expr) -> Any:
        index = self.expr(index_node)
        if isinstance(index, CorrSel):
            # `corr["y"][corr["y"] > 0.5]`, `corr.index[abs(corr["y"]) > 0.5]`
            return c.but(targeted=index.targeted, selected=True)
        if isinstance(index_node, ast.Slice):
            for part in (index_node.lower, index_node.upper, index_node.step):
                self.expr(part)
            return c.but(selected=index_node.upper is not None or index_node.lower is not None)
        names = _const_strs(index)
        if names and len(names) == 1:
            return c.but(targeted=True)
        return c if index is None else None

    def corr_method(self, c: CorrSel, method: str, node: ast.Call) -> Any:
        args, kwargs = self.eval_args(node)
        if method in ("nlargest", "nsmallest"):
            column = len(args) > 1 or "columns" in kwargs
            return c.but(targeted=column, selected=True)
        if method in ("head", "tail"):
            return c.but(selected=True)
        if method == "sort_values":
            return c.but(targeted=bool(args) or "by" in kwargs)
        if method in ("abs", "dropna", "drop", "tolist", "to_list", "copy", "round", "keys"):
            return c
        return None

    def apply_lambda(self, d: Data, fn: ast.Lambda, kwargs: dict[str, Any], line: int) -> Any:
        """`g["a"].transform(lambda x: x.fillna(x.median()))`, `.apply(lambda s: s.mean())`:
        the statistics the lambda computes on its argument (a group or column) are learned from
        every row. Row-wise (`axis=1`) lambdas see one row at a time: nothing is learned."""
        axis = kwargs.get("axis")
        params = fn.args.args
        if (isinstance(axis, Const) and axis.value in (1, "columns")) or len(params) != 1:
            return d.copy(line=line)
        self.scopes.append({params[0].arg: d.copy(name=d.name, grouped=False)})
        try:
            result = self.expr(fn.body)
        finally:
            self.scopes.pop()
        if not isinstance(result, Data) or not (result.taints - d.taints):
            return d.copy(line=line)
        return d.copy(
            line=line,
            taints=d.taints | result.taints,
            stat=result.stat,
            ystat=result.ystat,
            cols=None if result.stat else d.cols,
            target=None if result.stat else d.target,
        )

    def inplace_column(self, recv_node: ast.expr, out: Data, line: int) -> None:
        """`df['c'].fillna(v, inplace=True)` / `df.c.fillna(...)`: the frame gets the taints."""
        if isinstance(recv_node, ast.Subscript):
            self.bind_subscript(recv_node, out, line)
        elif isinstance(recv_node, ast.Attribute) and isinstance(recv_node.value, ast.Name):
            fake = ast.Subscript(value=recv_node.value, slice=ast.Constant(recv_node.attr))
            self.bind_subscript(fake, out, line)

    def tup_method(self, t: Tup, method: str, node: ast.Call) -> Any:
        args, _ = self.eval_args(node)
        if method == "append" and args:
            value = args[0]
            t.items.append(value)
            if isinstance(value, Score):
                t.scores.append(value)
            return None
        if method in ("items", "values", "copy"):
            if method == "items":
                return Tup([Tup([None, v]) for v in t.items])
            return Tup(list(t.items))
        if method == "index" and t.scores:
            self.choose_by_scores(t, node.lineno)
        return None

    # -- estimators --
    def est_method(self, est: Est, method: str, node: ast.Call) -> Any:
        line = node.lineno
        args, kwargs = self.eval_args(node)
        x = args[0] if args else kwargs.get("X") or kwargs.get("x")
        y = args[1] if len(args) > 1 else kwargs.get("y")
        x = x if isinstance(x, Data) else None
        y = y if isinstance(y, Data) else None
        x_name = node.args[0].id if node.args and isinstance(node.args[0], ast.Name) else ""
        if method in (
            "fit",
            "fit_transform",
            "fit_resample",
            "fit_sample",
            "adapt",
            "fit_on_texts",
            "partial_fit",
            "fit_predict",
            "train",
            "fit_generator",
        ):
            if est.cat == "splitter":
                return None
            if (
                x is None
                and node.args
                and (est.stateful() or est.cat == "resampler")
                and not apis.name_role(x_name)
            ):
                # fitted on something Coach cannot follow (a list built in a loop, a helper's
                # result): still "these rows", so a later split of the output is provable. Not
                # when the name says it is already a train or test part.
                x = self.opaque_rows(x_name, line)
            fit = self.record_fit(est, x, y, line, kwargs, x_name)
            if method == "fit_transform":
                return self.transformed(est, x, fit, line)
            if method in ("fit_resample", "fit_sample"):
                if x is None:
                    return None
                xr = x.copy(line=line, taints=x.taints | ({est.taint} if est.taint else set()))
                yr = (
                    y.copy(line=line, taints=y.taints | ({est.taint} if est.taint else set()))
                    if y is not None
                    else None
                )
                return Tup([xr, yr])
            if method == "fit_predict":
                return self.prediction(est, x, line) if x is not None else None
            return est
        if (
            x is None
            and node.args
            and method in ("transform", "texts_to_sequences", "texts_to_matrix")
            and est.taint is not None
            and not apis.name_role(x_name)
        ):
            x = self.opaque_rows(x_name, line)  # `select.transform(X_0)` of an unknown X_0
        if method in (
            "transform",
            "texts_to_sequences",
            "texts_to_matrix",
            "sequences_to_matrix",
            "flow",
            "standardize",
            "inverse_transform",
        ):
            if x is None:
                return None
            return self.transformed(
                est, x, est.last_fit, line, record=method != "inverse_transform"
            )
        if method in (
            "predict",
            "predict_proba",
            "decision_function",
            "predict_log_proba",
            "predict_classes",
            "predict_generator",
        ):
            if x is None:
                return None
            return self.prediction(est, x, line)
        if method == "score":
            ev = EvalEv(line, "score", "score", self.seq())
            ev.model, ev.fit, ev.x, ev.y_true = est, est.last_fit, x, y
            return self.record_eval(ev)
        if method in ("evaluate", "evaluate_generator"):
            ev = EvalEv(line, "evaluate", "evaluate", self.seq())
            ev.model, ev.fit, ev.x, ev.y_true = est, est.last_fit, x, y
            return self.record_eval(ev)
        if method == "compile":
            metrics = _const_strs(kwargs.get("metrics")) or []
            est.compile_metrics = metrics
            for m in metrics:
                self.facts.metric_names.add("accuracy" if m in apis.ACCURACY_NAMES else m)
            if isinstance(kwargs.get("metrics"), Tup) and not metrics:
                self.facts.metric_names.add("custom")
            loss = kwargs.get("loss")
            if isinstance(loss, Const) and isinstance(loss.value, str):
                est.compile_loss = loss.value
                if loss.value in apis.CLASSIFICATION_LOSSES:
                    est.classifier = True
                elif loss.value in (
                    "mse",
                    "mae",
                    "mean_squared_error",
                    "mean_absolute_error",
                    "huber",
                ):
                    est.classifier = False
            return None
        if method in ("split",) and est.cat == "splitter":
            return CvSplit(est, x, line)
        if method == "add" and args and isinstance(args[0], Est):
            est.components.append(args[0])
            return None
        if method in ("set_params", "set_output"):
            return est
        if method in ("get_support", "get_feature_names_out"):
            return _selection(est)
        return None

    def record_fit(
        self,
        est: Est,
        x: Data | None,
        y: Data | None,
        line: int,
        kwargs: dict[str, Any],
        x_name: str,
    ) -> FitEv:
        fit = FitEv(est, x, y, line, kwargs, x_name, self.seq(), bool(self.loop_stack))
        if self.call_sites and self.call_sites[0] != line:
            fit.call_site = self.call_sites[0]
        est.last_fit = fit
        est.fitted = True
        for comp in est.all_components():
            comp.fitted = True
        self.facts.fits.append(fit)
        cb = kwargs.get("callbacks")
        if (cb is not None and _has_early_stopping(cb)) or "early_stopping_rounds" in kwargs:
            est.callbacks = True
        if x is not None and (est.stateful() or est.cat == "resampler"):
            kind = "resample" if est.cat == "resampler" else "fit"
            est.taint = Taint(kind, line, x, est.cls, x_name or x.name, fit.seq)
        elif est.cat not in ("resampler",) and not est.stateful():
            est.taint = None
        return fit

    def opaque_rows(self, name: str, line: int) -> Data:
        """Rows whose origin Coach cannot see: only splits made later can give them sides."""
        d = Data(frozenset({next(self._ids)}), line)
        d.name = name
        return d

    def transformed(
        self, est: Est, x: Data | None, fit: FitEv | None, line: int, record: bool = True
    ) -> Data | None:
        if x is None:
            return None
        taints = x.taints
        if est.taint is not None and est.stateful():
            taints = taints | {est.taint}
        scaled = (
            x.scaled
            or est.cls in apis.SCALERS
            or any(c.cls in apis.SCALERS for c in est.all_components())
        )
        out = x.copy(line=line, taints=taints, scaled=scaled, stat=False)
        if est.cls in apis.VOCAB_ENCODERS or est.cls in ("TfidfVectorizer", "CountVectorizer"):
            out.cols = None
        if record:
            self.facts.transforms.append(TransformEv(est, x, fit, line, out))
        return out

    def prediction(self, est: Est, x: Data, line: int) -> Data:
        out = x.copy(line=line, pred=(est, est.last_fit, x), stat=False, cols=None, target=None)
        self.facts.predicts.append((line, est, x))
        return out

    def record_eval(self, ev: EvalEv) -> Score:
        ev.loop = self.loop_stack[-1] if self.loop_stack else None
        self.facts.evals.append(ev)
        if ev.metric in ("score", "evaluate") and ev.model is not None:
            model = ev.model
            if ev.metric == "score":
                metric = "accuracy" if model.is_classifier() else "r2"
            else:
                metric = (
                    "accuracy"
                    if any(m in apis.ACCURACY_NAMES for m in model.compile_metrics)
                    else "loss"
                )
            self.facts.metric_names.add(metric)
        return Score(ev)

    def metric(self, name: str, node: ast.Call) -> Any:
        args, kwargs = self.eval_args(node)
        family = apis.METRICS[name]
        self.facts.metric_names.add(family)
        y_true = args[0] if args else kwargs.get("y_true")
        y_pred = (
            args[1]
            if len(args) > 1
            else kwargs.get("y_pred")
            or kwargs.get("y_score")
            or (kwargs.get("y_prob") or kwargs.get("probas_pred"))
        )
        if name in ("ConfusionMatrixDisplay", "plot_confusion_matrix", "plot_roc_curve"):
            return None
        ev = EvalEv(node.lineno, family, "metric", self.seq())
        ev.y_true = y_true if isinstance(y_true, Data) else None
        ev.y_pred = y_pred if isinstance(y_pred, Data) else None
        if ev.y_pred is not None and ev.y_pred.pred is not None:
            ev.model, ev.fit, ev.x = ev.y_pred.pred
        if ev.y_pred is not None and ev.y_pred.ystat:
            self.facts.stat_baseline = True
        return self.record_eval(ev)

    def cross_validation(self, name: str, node: ast.Call) -> Any:
        args, kwargs = self.eval_args(node)
        est = args[0] if args else kwargs.get("estimator")
        x = args[1] if len(args) > 1 else kwargs.get("X")
        y = args[2] if len(args) > 2 else kwargs.get("y")
        est = est if isinstance(est, Est) else None
        x = x if isinstance(x, Data) else None
        y = y if isinstance(y, Data) else None
        cv = kwargs.get("cv")
        splitter = cv if isinstance(cv, Est) else None
        scoring = kwargs.get("scoring")
        ev = CvEv(est, x, y, node.lineno, splitter, scoring, self.seq())
        self.facts.cvs.append(ev)
        if est is not None:
            for comp in est.all_components():
                comp.fitted = True
        if name in ("cross_val_score", "cross_validate"):
            if scoring is None and est is not None:
                self.facts.metric_names.add("accuracy" if est.is_classifier() else "r2")
            else:
                self.note_scoring(scoring, est)
        if name == "cross_val_predict" and x is not None and est is not None:
            return x.copy(line=node.lineno, pred=(est, None, x), cols=None, target=None)
        return None

    def train_test_split(self, node: ast.Call) -> Any:
        args, kwargs = self.eval_args(node)
        line = node.lineno
        datas = [a if isinstance(a, Data) else None for a in args]
        present = [d for d in datas if d is not None]
        split = Split(next(self._ids), "tts", line, present, self.seq())
        if len(datas) >= 2:
            split.y_input = datas[-1]
        shuffle = kwargs.get("shuffle")
        split.shuffle = not (isinstance(shuffle, Const) and shuffle.value is False)
        split.stratify = "stratify" in kwargs and not (
            isinstance(kwargs["stratify"], Const) and kwargs["stratify"].value is None
        )
        split.random_state = "random_state" in kwargs and not (
            isinstance(kwargs["random_state"], Const) and kwargs["random_state"].value is None
        )
        self.facts.splits.append(split)
        out: list[Any] = []
        for d in datas:
            if d is None:
                out.extend([None, None])
                continue
            tr = d.copy(sides=d.sides | {(split.id, TRAIN)}, line=line)
            te = d.copy(sides=d.sides | {(split.id, TEST)}, line=line)
            out.extend([tr, te])
        return Tup(out)

    def cv_split(self, it: CvSplit, line: int) -> Split:
        inputs = [it.x] if it.x is not None else []
        split = Split(next(self._ids), "cv", it.line, inputs, self.seq())
        splitter = it.splitter
        split.splitter = splitter
        if splitter is not None:
            shuffle = splitter.kw.get("shuffle")
            split.shuffle = (isinstance(shuffle, Const) and shuffle.value is True) or (
                splitter.cls in apis.ALWAYS_SHUFFLING_SPLITTERS
            )
            split.stratify = splitter.cls.startswith("Stratified") or "Stratified" in splitter.cls
            split.random_state = "random_state" in splitter.kw
        self.facts.splits.append(split)
        return split

    def choose_by_scores(self, t: Tup, line: int) -> None:
        if self.loop_stack or t.scores:
            for score in t.scores:
                self.facts.score_choices.append((line, score))
                break


# `pd.concat(objs=[...])`, `np.concatenate(arrays=...)`, `np.vstack(tup=...)`, `torch.cat(tensors=)`
_DATA_KEYWORDS = frozenset({"data", "X", "x", "a", "arr", "frame", "obj"})
_CONCAT_KEYWORDS = ("objs", "arrays", "tup", "tensors", "frames")

# Reductions by group whose results are statistics of the rows (`agg(["sum", "count"])` is the
# weight-of-evidence / target-mean encoding written by hand).
_AGG_STATS = apis.STAT_METHODS | {"sum"}


def _is_path(value: Any) -> bool:
    """A file name passed to a loading helper (`load("train.csv")`): each call reads anew."""
    return (
        isinstance(value, Const)
        and isinstance(value.value, str)
        and value.value.endswith(_DATA_SUFFIXES)
    )


_DATA_SUFFIXES = (".csv", ".tsv", ".parquet", ".xlsx", ".xls", ".json", ".feather", ".txt", ".pkl")

_SELECTOR_ATTRS = frozenset({"support_", "ranking_", "scores_", "pvalues_", "variances_"})


def _selection(est: Est) -> ColSel | None:
    """What a fitted selector chose, when it was fitted on rows Coach can follow."""
    if est.taint is None or est.taint.kind != "fit" or est.cls not in apis.FEATURE_SELECTORS:
        return None
    return ColSel(frozenset({est.taint}))


_BOOSTING_MODULES = frozenset({"lgb", "lightgbm", "xgb", "xgboost", "cb", "catboost"})


def _root_name(node: ast.expr) -> str:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else ""


_ROW_INDEX_WORDS = ("idx", "index", "indices", "ind", "mask", "msk", "perm", "rows", "ids")


def _looks_like_row_index(node: ast.expr) -> bool:
    """`X[train_idx]`, `df.iloc[perm[:800]]`: an index array whose value Coach cannot see."""
    while isinstance(node, ast.Subscript | ast.UnaryOp):
        node = node.value if isinstance(node, ast.Subscript) else node.operand
    if not isinstance(node, ast.Name):
        return False
    tokens = node.id.lower().replace("-", "_").split("_")
    return any(t in _ROW_INDEX_WORDS or t.endswith(("idx", "index")) for t in tokens)


_FUNCTION_SCALERS = frozenset(
    {
        "scale",
        "minmax_scale",
        "robust_scale",
        "maxabs_scale",
        "quantile_transform",
        "power_transform",
    }
)


def module_is_sklearn_like(module: ast.expr | None) -> bool:
    """`scale(X)` imported from sklearn, or `preprocessing.scale(X)` — not `np.scale`-likes."""
    if module is None:
        return True
    root = module
    while isinstance(root, ast.Attribute):
        if root.attr == "preprocessing":
            return True
        root = root.value
    return isinstance(root, ast.Name) and root.id in ("preprocessing", "sklearn")


_MASK_METHODS = frozenset(
    {
        "isin",
        "notnull",
        "notna",
        "isnull",
        "isna",
        "between",
        "contains",
        "startswith",
        "endswith",
        "duplicated",
        "eq",
        "ne",
        "lt",
        "le",
        "gt",
        "ge",
    }
)


def _is_mask_expr(node: ast.expr) -> bool:
    """`df[df.a > 1]`, `df[(a) & (b)]`, `df[~df.x.isna()]`, `df[df.c.isin(v)]`: a row filter."""
    if isinstance(node, ast.Compare):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitAnd | ast.BitOr | ast.BitXor):
        return _is_mask_expr(node.left) or _is_mask_expr(node.right)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Invert | ast.Not):
        return _is_mask_expr(node.operand)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in _MASK_METHODS
    return False


def _loader_label(name: str, node: ast.Call) -> str:
    """`load_iris`, or the dataset module of `keras.datasets.mnist.load_data()` (`mnist`)."""
    if name == "load_data" and isinstance(node.func, ast.Attribute):
        owner = node.func.value
        if isinstance(owner, ast.Attribute):
            return owner.attr
        if isinstance(owner, ast.Name):
            return owner.id
    return name


def _weights_arg(node: ast.Call) -> list[float] | None:
    """The literal `weights=[...]` of `make_classification`, if given."""
    for kw in node.keywords:
        if kw.arg == "weights":
            try:
                value = ast.literal_eval(kw.value)
            except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
                return None
            if isinstance(value, list | tuple) and all(
                isinstance(v, int | float) and not isinstance(v, bool) for v in value
            ):
                return [float(v) for v in value]
    return None


def module_is_data_lib(module: ast.expr | None, name: str) -> bool:
    """`load_iris()` / `datasets.load_iris()` / `mnist.load_data()` — not `json.load_x`."""
    if name == "load_data":
        return True
    if module is None:
        return name.startswith(
            (
                "load_",
                "fetch_",
                "make_classification",
                "make_regression",
                "make_blobs",
                "make_moons",
                "make_circles",
            )
        )
    root = module
    while isinstance(root, ast.Attribute):
        root = root.value
    return isinstance(root, ast.Name) and root.id in ("datasets", "sklearn", "skds")


def _ests_in(value: Any) -> list[Est]:
    if isinstance(value, Est):
        return [value]
    if isinstance(value, Tup):
        out: list[Est] = []
        for item in value.items:
            out.extend(_ests_in(item))
        return out
    return []


def _has_early_stopping(value: Any) -> bool:
    if isinstance(value, Const):
        return value.value == "early_stopping"
    if isinstance(value, Tup):
        return any(_has_early_stopping(v) for v in value.items)
    return False


def analyse(tree: ast.Module, text: str) -> Facts:
    return Interpreter(tree, text).run()
