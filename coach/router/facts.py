"""Turn a question into facts: what the person did or plans, in which order, with which numbers.

Deterministic and fast (a few regular expressions per concept, no model). The facts say *what*
was written; whether that breaks a rule is decided by `predicates.py`. Every fact keeps the
span of the user's words that produced it, so each rule can quote its evidence.

Language handling, in one place:
- typos and "n't" are normalised first (`text.normalise`);
- negation: a negator ("not", "never", "no", "without", "instead of", ...) at most three words
  before a mention, with no clause break in between, negates it;
- order: a preprocessing step is placed relative to the split / cross-validation by the
  connective between them ("before", "after", "then", "first", "on the whole dataset", "inside
  the pipeline"), in either textual order, including "Before splitting, I scaled".
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from typing import Any, Literal

from coach.router import lexicon as lx
from coach.router.regex_cache import get, register
from coach.router.text import Normalised, normalise

Order = Literal["before", "after", "full", "inside", "separate", "asking", "unknown"]
Complexity = Literal["simple", "medium", "complex"]


@dataclass
class Mention:
    """A concept found in the question: `kind` names it, `text` quotes the user's words."""

    kind: str
    text: str
    start: int
    end: int
    negated: bool = False


@dataclass
class ModelMention(Mention):
    complexity: Complexity = "complex"
    heavy: bool = False


@dataclass
class Step(Mention):
    """A preprocessing step and where it happens relative to the split / CV."""

    order: Order = "unknown"
    relation: str = ""  # the words that placed it (quoted evidence)


@dataclass
class Score:
    value: float  # 0..1
    text: str
    start: int
    end: int
    metric: str | None = None
    assumed_metric: bool = False
    split: Literal["train", "test", "unknown"] = "unknown"
    role: Literal["model", "baseline"] = "model"


@dataclass
class Balance:
    """The minority class share, from numbers ("2% positives") or words ("rare", "imbalanced")."""

    text: str
    minority_share: float | None = None
    qualitative: bool = False
    implicit: bool = False  # only implied by the domain (fraud, anomalies)
    source: Literal["question", "data"] = "question"


@dataclass
class Facts:
    """Everything extracted from one question (plain dataclasses: built on every keystroke of
    the app and every `coach ask`, so they must be cheap to create and import)."""

    question: str
    text: str  # normalised
    intent: Literal["plan", "past", "question"] = "past"
    models: list[ModelMention] = field(default_factory=list)
    metrics: list[Mention] = field(default_factory=list)
    scores: list[Score] = field(default_factory=list)
    balance: Balance | None = None
    steps: list[Step] = field(default_factory=list)
    splits: list[Mention] = field(default_factory=list)
    signals: dict[str, list[Mention]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """For `--explain` and JSON output: the facts without the bookkeeping."""
        data = asdict(self)
        data.pop("question", None)
        data["signals"] = {
            k: [m["text"] for m in v if not m["negated"]] for k, v in data["signals"].items()
        }
        data["negated_signals"] = {
            k: [m.text for m in v if m.negated]
            for k, v in self.signals.items()
            if any(m.negated for m in v)
        }
        return data

    # -- queries used by predicates ------------------------------------------------------

    def has(self, name: str) -> Mention | None:
        """The first non-negated mention of a signal."""
        return next((m for m in self.signals.get(name, []) if not m.negated), None)

    def negated(self, name: str) -> Mention | None:
        return next((m for m in self.signals.get(name, []) if m.negated), None)

    def models_of(self, complexity: Complexity) -> list[ModelMention]:
        return [m for m in self.models if m.complexity == complexity and not m.negated]

    @property
    def imbalanced(self) -> bool:
        b = self.balance
        return (
            b is not None
            and not b.implicit
            and (b.qualitative or (b.minority_share is not None and b.minority_share < 0.2))
        )


# --- compiled patterns -------------------------------------------------------------------------


def _words(pattern: str) -> str:
    return rf"\b(?:{pattern})\b"


_GROUPS = {
    "simple": lx.SIMPLE_MODELS,
    "medium": lx.MEDIUM_MODELS,
    "complex": lx.COMPLEX_MODELS,
    "metrics": lx.METRICS,
    "steps": lx.STEPS,
}
for _group, _table in _GROUPS.items():
    for _kind, _pattern in _table.items():
        register(f"{_group}:{_kind}", _words(_pattern))
for _name, _pattern in lx.SIGNALS.items():
    register(f"signal:{_name}", _pattern)
for _name, _pattern in {
    "split": _words(lx.SPLIT),
    "cv": _words(lx.CV),
    "before": lx.BEFORE,
    "after": lx.AFTER,
    "then": lx.THEN,
    "first": lx.FIRST,
    "full": lx.FULL_DATA,
    "inside": lx.INSIDE,
}.items():
    register(_name, _pattern)


@dataclass(frozen=True)
class _Patterns:
    groups: dict[str, dict[str, re.Pattern[str]]]  # simple/medium/complex/metrics/steps -> kind
    signals: dict[str, re.Pattern[str]]
    words: dict[str, re.Pattern[str]]  # split, cv, before, after, then, first, full, inside


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    return _Patterns(
        groups={
            group: {kind: get(f"{group}:{kind}") for kind in table}
            for group, table in _GROUPS.items()
        },
        signals={name: get(f"signal:{name}") for name in lx.SIGNALS},
        words={
            name: get(name)
            for name in ("split", "cv", "before", "after", "then", "first", "full", "inside")
        },
    )


# A full stop ends a sentence only before a space or the end ("df.mean()" and "98.1" do not).
# Line breaks alone do not end a sentence (a numbered list of steps is one story), and "2." at the
# start of a line is a list marker, not a full stop; a blank line does end one.
_SENTENCE_END = re.compile(r"(?<!\n\d)(?<!^\d)(?<!\n\d\d)[.!?;]+(?=\s|$)|\n\s*\n")
_CLAUSE_BREAK = re.compile(
    r"[,:()]|\b(and|but|so|because|while|whereas|although|though|however|then|which|that|or|"
    r"since|yet|when|if)\b"
)
_NEGATOR = re.compile(
    r"\b(no one|nobody|none of us|not|no|never|without|nor|neither|none|avoid|avoided|avoiding|"
    r"instead of|rather than|forgot to|forget to|forgetting to|failed to|skip|skipped|skipping|"
    r"refrain from|stopped|don't|dont|didnt|nothing|zero)\b"
)
_SCOPE_END = re.compile(r"\b(before|after|prior to|until|once|then)\b")
_COMPARISON_VERB = re.compile(
    r"\b(beat|beats|outperform\w*|match\w*|exceed\w*|surpass\w*|improve\w*|equal\w*|"
    r"better|worse)\b"
)
_PLAN = re.compile(
    r"\b(i'm|i am|we're|we are|im) (going|planning|about|thinking|considering|hoping) to\b|"
    r"\b(i|we)('ll| will| plan to| want to| intend to| would like to| might| may| am going to)\b|"
    r"\bmy plan\b|\b(should|can|could|do|shall) (i|we)\b|\bis it (ok|okay|fine|bad|wrong|a problem|"
    r"acceptable|correct|right|allowed|legit)\b|\bgonna\b|\bplan to\b"
)


def sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > pos:
            spans.append((pos, match.start()))
        pos = match.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans or [(0, len(text))]


def _sentence_of(spans: list[tuple[int, int]], index: int) -> tuple[int, int]:
    for start, end in spans:
        if start <= index < end or index == end:
            return start, end
    return 0, 0


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text):  # noqa: B007 — we want the last one
        pass
    return found


def is_negated(text: str, start: int, sentence_start: int) -> bool:
    """A negator within three words before `start`, with no clause break in between."""
    window = text[max(sentence_start, start - 60) : start]
    last = _last_match(_NEGATOR, window)
    if last is None:
        return False
    between = window[last.end() :]
    if _CLAUSE_BREAK.search(between) and not re.fullmatch(r"\s*(the|a|an|any)?\s*", between):
        return False
    if _SCOPE_END.search(between):
        return (
            False  # "didn't dedupe before the random split": the dedupe is negated, not the split
        )
    if _COMPARISON_VERB.search(between):
        return False  # "doesn't beat the logistic regression": the comparison is negated, not the model
    return len(between.split()) <= 3


class _Extractor:
    def __init__(self, norm: Normalised) -> None:
        self.norm = norm
        self.text = norm.text
        self.spans = sentences(self.text)
        self.p = _patterns()

    def mention(self, kind: str, match: re.Match[str], cls=Mention, **extra) -> Mention:  # type: ignore[no-untyped-def]
        s, _ = _sentence_of(self.spans, match.start())
        # "Why shouldn't I shuffle time series?" asks about the mistake: the "not" is rhetorical.
        why = _WHY.match(self.text, s)
        rhetorical = why is not None and match.start() - why.end() <= 30
        return cls(
            kind=kind,
            text=self.norm.quote(match.start(), match.end()),
            start=match.start(),
            end=match.end(),
            negated=not rhetorical and is_negated(self.text, match.start(), s),
            **extra,
        )

    # -- models, metrics, signals -------------------------------------------------------

    def models(self) -> list[ModelMention]:
        found: list[ModelMention] = []
        taken: list[tuple[int, int]] = []
        for complexity in ("simple", "complex", "medium"):
            for kind, pattern in self.p.groups[complexity].items():
                for m in pattern.finditer(self.text):
                    if any(a < m.end() and m.start() < b for a, b in taken):
                        continue
                    taken.append((m.start(), m.end()))
                    found.append(
                        self.mention(  # type: ignore[arg-type]
                            kind,
                            m,
                            ModelMention,
                            complexity=complexity,
                            heavy=kind in lx.HEAVY_KINDS,
                        )
                    )
        return sorted(found, key=lambda x: x.start)

    def metrics(self) -> list[Mention]:
        found: list[Mention] = []
        for kind, pattern in self.p.groups["metrics"].items():
            for m in pattern.finditer(self.text):
                found.append(self.mention(kind, m))
        return sorted(found, key=lambda x: x.start)

    def signals(self) -> dict[str, list[Mention]]:
        out: dict[str, list[Mention]] = {}
        for name, pattern in self.p.signals.items():
            hits = [
                self.mention(name, m)
                for m in pattern.finditer(self.text)
                if not _cuts_number(self.text, m.end())
            ]
            if hits:
                out[name] = hits
        return out

    # -- preprocessing order -----------------------------------------------------------

    def splits(self) -> list[Mention]:
        found = []
        for kind in ("split", "cv"):
            for m in self.p.words[kind].finditer(self.text):
                if kind == "split" and _CLASS_SPLIT.search(
                    self.text, max(0, m.start() - 20), m.start()
                ):
                    continue  # "labels are split 70/30" is a class balance, not a data split
                found.append(self.mention(kind, m))
        found.sort(key=lambda x: x.start)
        # "train/test split" also matches "split": keep the outermost.
        kept: list[Mention] = []
        for m in found:
            if kept and m.start < kept[-1].end:
                continue
            kept.append(m)
        return kept

    def steps(self, splits: list[Mention]) -> list[Step]:
        steps: list[Step] = []
        for kind, pattern in self.p.groups["steps"].items():
            for m in pattern.finditer(self.text):
                if any(s.start <= m.start() < s.end for s in splits):
                    continue
                if any(st.start < m.end() and m.start() < st.end for st in steps):
                    continue
                step = self.mention(kind, m, Step)
                assert isinstance(step, Step)
                if step.negated and any(s.negated and 0 < step.start - s.end <= 25 for s in splits):
                    step.negated = False  # "I did not split before scaling": the split is negated
                self.place(step, splits)
                steps.append(step)
        return sorted(steps, key=lambda x: x.start)

    def place(self, step: Step, splits: list[Mention]) -> None:
        """Decide where `step` happens relative to the split, from the words around it."""
        t = self.text
        s0, s1 = _sentence_of(self.spans, step.start)
        sentence = t[s0:s1]
        local_splits = [s for s in splits if s0 <= s.start < s1]
        inside = _first_abs(
            self.p.words["inside"], t, step.end, min(s1, step.end + 70)
        ) or _first_abs(self.p.words["inside"], t, max(s0, step.start - 40), step.start)
        separate = _SEPARATE.search(t, max(s0, step.start - 50), min(s1, step.end + 70))
        if separate:
            step.order = "separate"
            step.relation = self.norm.quote(
                min(step.start, separate.start()), max(step.end, separate.end())
            )
            return
        full = _first_abs(self.p.words["full"], t, step.end, min(s1, step.end + 55)) or _first_abs(
            self.p.words["full"], t, max(s0, step.start - 50), step.start
        )
        train_only = _TRAIN_ONLY.match(t, step.end, min(s1, step.end + 60))
        if train_only and not full and not step.negated:
            # "I fit the imputer on the training fold only": fitted after the split, on train rows
            step.order = "after"
            step.relation = self.norm.quote(step.start, train_only.end())
            return
        # The nearest split on each side; the one tied to the step by a connective wins.
        left = [s for s in local_splits if s.start < step.start]
        right = [s for s in local_splits if s.start > step.start]
        neighbours = ([left[-1]] if left else []) + ([right[0]] if right else [])
        order: Order = "unknown"
        best: tuple[int, int] | None = None
        for split in neighbours:
            relation, strength = self._relation(step, split, s0)
            rank = (strength, -abs(split.start - step.start))
            if best is None or rank > best:
                best, order = rank, relation
                lo, hi = min(step.start, split.start), max(step.end, split.end)
                step.relation = self.norm.quote(lo, hi)
        narrative_only = best is None or best[0] == 0
        if order in ("unknown", "after") and narrative_only and full is not None and not inside:
            # "split the data and normalised the whole dataset": all rows, whatever the order
            order = "full"
            step.relation = self.norm.quote(min(step.start, full[0]), max(step.end, full[1]))
        if order == "before" and inside and not full:
            # "scale before CV inside the pipeline" — the pipeline wins.
            order = "inside"
        if order == "unknown" and inside:
            order = "inside"
        if order in ("before", "full") and step.negated:
            order = "unknown"
        if "before or after" in sentence or "after or before" in sentence:
            order = "asking"
        elif order in ("after", "inside") and local_splits and _ORDER_QUESTION.search(sentence):
            order = "asking"  # "Why should I split before scaling?" asks about the rule itself
        step.order = order

    def _lead(self, mention: Mention, s0: int) -> str | None:
        """'before' / 'after' when the mention opens with a connective at the start of a clause:
        "Before splitting, I scaled" — not "I scaled before the split" (that "before" belongs to
        the scaling)."""
        lead = self.text[max(s0, mention.start - 40) : mention.start]
        m = _LEAD_CONNECTIVE.search(lead)
        if m is None:
            return None
        return "before" if m.group("word") in ("before", "prior to", "ahead of") else "after"

    def _relation(self, step: Step, split: Mention, s0: int) -> tuple[Order, int]:
        """Where `step` happens relative to `split`, and how sure: 2 = a connective between
        them, 1 = a connective opening the clause, 0 = narrative order only."""
        t = self.text
        p = self.p.words
        if step.start < split.start:
            middle = t[step.end : split.start]
            if p["before"].search(middle) and p["after"].search(middle):
                return "asking", 2
            if p["after"].search(middle):
                # "scaled after splitting" — unless the split is negated ("after not splitting").
                return ("before" if split.negated else "after"), 2
            if p["before"].search(middle):
                return "before", 2
            if re.search(r"\bwithout\b", middle[-25:]) or (split.negated and "without" in middle):
                return "before", 2  # "scaled without splitting first"
            lead = self._lead(step, s0)
            if lead is not None:
                # "Before scaling, I split" / "After scaling, I split"
                return ("after" if lead == "before" else "before"), 1
            if p["then"].search(middle) or len(middle.split()) <= 12:
                # Narrative order: "I scaled the data and split it", "normalised, then CV".
                return "before", 0
            return "unknown", 0
        middle = t[split.end : step.start]
        if p["before"].search(middle) and p["after"].search(middle):
            return "asking", 2
        if p["after"].search(middle):
            return ("after" if split.negated else "before"), 2  # "split the data after scaling"
        if p["before"].search(middle):
            return ("before" if split.negated else "after"), 2  # "split before scaling"
        lead = self._lead(split, s0)
        if lead is not None:
            # "Before splitting, I scaled" / "After the split I scaled"
            return lead, 1  # type: ignore[return-value]
        if p["then"].search(middle) or p["first"].search(middle) or len(middle.split()) <= 12:
            return "after", 0  # "split first, then scaled"
        return "unknown", 0

    # -- numbers ---------------------------------------------------------------------------

    def numbers(self, metrics: list[Mention]) -> tuple[list[Score], Balance | None]:
        t = self.text
        scores: list[Score] = []
        balance: Balance | None = None
        for m in _PERCENT.finditer(t):
            value = _to_float(m.group(1)) / 100.0
            if not 0 <= value <= 1:
                continue
            kind, share = self._classify_percent(m, value)
            if kind == "balance" and balance is None:
                balance = Balance(minority_share=share, text=self._phrase(m))
            elif kind == "score":
                score = self._score(m, value, metrics)
                parallel = bool(scores) and bool(
                    re.fullmatch(
                        r"[^.;!?%]{0,40}\b(and|but|vs\.?|versus|while|whereas|yet)\b[^.;!?%]{0,10}",
                        t[scores[-1].end : m.start()],
                    )
                )  # "100% on training data and 68% on the test set": the same kind of number
                if parallel:
                    score = replace(
                        score, metric=scores[-1].metric, assumed_metric=scores[-1].assumed_metric
                    )
                if (
                    score.assumed_metric
                    and not parallel
                    and not (self._score_verb(m, require_metric=False) and self._about_a_model(m))
                ):
                    # a bare "(0.1%)", "95% of our sprint goals": no metric, no model scoring it
                    continue
                scores.append(score)
        for m in _DECIMAL.finditer(t):
            value = _to_float(m.group(1))
            if not 0 <= value <= 1 or any(s.start <= m.start() < s.end for s in scores):
                continue
            near = [
                x for x in metrics if 0 <= m.start() - x.end <= 30 or 0 <= x.start - m.end() <= 6
            ]
            if near or self._score_verb(m):
                scores.append(self._score(m, value, metrics))
        no_skill = _NO_SKILL.search(t)
        if no_skill is not None:
            scores = [s for s in scores if not (no_skill.start(3) <= s.start < no_skill.end(3))]
            if balance is None and any(s.metric == "accuracy" for s in scores):
                # only needed for the accuracy arithmetic; alone it adds nothing to the answer
                share = _to_float(no_skill.group(3))
                if 0 < share < 0.5:
                    balance = Balance(
                        minority_share=share,
                        text=self.norm.quote(no_skill.start(1), no_skill.end(3)),
                    )
        if balance is None:
            balance = self._count_balance()
        return scores, balance

    def _phrase(self, m: re.Match[str]) -> str:
        s0, s1 = _sentence_of(self.spans, m.start())
        end = min(s1, m.end() + 30)
        cut = re.search(
            r"[,;]| and | but | so | my | our | while | whereas | with | the model ",
            self.text[m.end() : end],
        )
        if cut:
            end = m.end() + cut.start()
        start = max(s0, m.start() - 25)
        while start > s0 and self.text[start - 1].isalnum():
            start += 1  # never start mid-word ("curacy 0.71 ...")
        joiner = re.match(r"\s*(and|but|so|while|whereas)\s+", self.text[start : m.start()])
        if joiner:
            start += joiner.end()
        other = _last_match(re.compile(r"\d(?:[\d.,]*\d)?\s*%?"), self.text[start : m.start()])
        if other is not None:
            start += other.end()  # "0.71 on data with 4% fraud": the 0.71 is a score
        lead = re.search(
            r"(?:[,;]| and | but )(?!.*(?:[,;]| and | but ))", self.text[start : m.start()]
        )
        if lead:
            start = start + lead.end()
        return self.norm.quote(start, end)

    def _classify_percent(self, m: re.Match[str], value: float) -> tuple[str, float]:
        t = self.text
        after = t[m.end() : m.end() + 60]
        before = t[max(0, m.start() - 50) : m.start()]
        if re.match(r"\s*(/|:|-)\s*\d", after) or re.search(r"\d\s*(/|:)\s*$", before):
            return "other", value
        if _MISSING_SHARE_AFTER.match(after):
            return "other", value  # "8% of rows have an empty target": missing labels, not a class
        if get(_MAJORITY_AFTER).match(after):
            return "balance", round(1 - value, 6)
        verb_share = _VERB_SHARE.match(after)
        if verb_share and not _MODEL_TALK.search(t):
            return "other", value  # "80% of ML projects fail": no model in sight, not a class
        if (
            get(_CLASS_AFTER).match(after)
            or get(_CLASS_BEFORE).search(before)
            or _GROUP_VERB_AFTER.match(after)
        ):
            return "balance", value
        if get(_SPLIT_AFTER).match(after) or get(_SPLIT_BEFORE).search(before):
            return "other", value
        if _PROPORTION_AFTER.match(after) or re.search(
            r"\d\s*%\s*(vs\.?|versus|and|or|/)\s*$", before
        ):
            return "other", value  # "30% of rows", "48% vs 52%"
        return "score", value

    def _about_a_model(self, m: re.Match[str]) -> bool:
        s0, _ = _sentence_of(self.spans, m.start())
        return bool(_MODEL_WORDS.search(self.text, max(s0, m.start() - 60), m.start()))

    def _score_verb(self, m: re.Match[str], require_metric: bool = True) -> bool:
        before = self.text[max(0, m.start() - 30) : m.start()]
        return bool(
            re.search(
                r"\b(gets?|got|scores?|scored|achieves?|achieved|reach(es|ed)?|gives?|gave|shows?|reports?|"
                r"has|had|yields?|around|above|below|over|under|to|from|model|classifier|we|it|"
                r"mine|ours|net|network|"
                r"hits?|of|is|was|at|around|about|=|:)\s*(an? |only |just |about |"
                r"around |roughly |~)?$",
                before,
            )
        ) and (
            not require_metric
            or bool(re.search(r"\b(auc|f1|accuracy|score|precision|recall)\b", self.text))
        )

    def _score(self, m: re.Match[str], value: float, metrics: list[Mention]) -> Score:
        t = self.text
        s0, s1 = _sentence_of(self.spans, m.start())
        candidates = [x for x in metrics if s0 <= x.start < s1]
        metric = None
        best = None
        for x in candidates:
            if x.end <= m.start():
                gap = t[x.end : m.start()]
                dist = len(gap.split())
            else:
                gap = t[m.end() : x.start]
                dist = len(gap.split()) + 1  # prefer "accuracy of 98%" over "98% ... recall"
            if re.search(r"\d\s*%|\d\.\d", gap):
                continue
            if dist <= 6 and (best is None or dist < best):
                best, metric = dist, x.kind
        assumed = False
        if metric is None:
            named = {x.kind for x in metrics if not x.negated}
            if len(named) == 1:
                metric = next(iter(named))
            else:
                metric, assumed = "accuracy", True
        window = t[max(s0, m.start() - 45) : min(s1, m.end() + 35)]
        split: Literal["train", "test", "unknown"] = "unknown"
        # The split word closest before the number, within its clause, names it: "training
        # accuracy 100% but test 70%" — the 100% is training, the 70% test.
        nearest = _last_match(_SPLIT_NAME, t[max(s0, m.start() - 45) : m.start()])
        after = _SPLIT_AFTER_SCORE.match(t, m.end(), min(s1, m.end() + 30))
        if nearest is not None and not _CLAUSE_CUT.search(
            t[max(s0, m.start() - 45) + nearest.end() : m.start()]
        ):
            window = nearest.group(0)
        elif after is not None:
            window = after.group(1)  # "100% on training data", "0.71 on the test set"
        if re.search(
            r"\b(train|training)( set)?( accuracy| score| data| set|\b)", window
        ) and not re.search(
            r"\b(test|validation|val|holdout|cv|cross[- ]validation|unseen)\b", window
        ):
            split = "train"
        elif re.search(
            r"\b(test|validation|val|holdout|cv|cross[- ]validation|unseen|held[- ]out)\b", window
        ):
            split = "test"
        lead = t[max(s0, m.start() - 45) : m.start()]
        role: Literal["model", "baseline"] = "model"
        base = _last_match(_BASELINE_WORDS, lead)
        if base is not None and not re.search(
            r"\b(my|our|the) (model|classifier|network|net)\b|\b(it|we|i|ours|mine)\b|\bmodel\b|"
            r"\b(bert|roberta|lstm|cnn|transformer|xgboost|lightgbm|network|deep|neural|gpt|llm|ensemble|"
            r"boost\w*|forest|svm)\b",
            lead[base.end() :],
        ):
            role = "baseline"
        return Score(
            value=value,
            metric=metric,
            assumed_metric=assumed,
            split=split,
            role=role,
            text=self.norm.quote(m.start(), m.end()),
            start=m.start(),
            end=m.end(),
        )

    def _count_balance(self) -> Balance | None:
        t = self.text
        # "1 in 40", "one out of every 500", "7 of every 1000"
        for m in [*_ONE_IN.finditer(t), *_N_EVERY.finditer(t)]:
            s0, s1 = _sentence_of(self.spans, m.start())
            if get(_CLASSY).search(t):
                n = _to_number(m.group(1))
                total = _to_number(m.group(2))
                if n and total and total > n:
                    return Balance(
                        minority_share=n / total, text=self.norm.quote(*_widen(m, s0, s1))
                    )
        # "900 negatives and 100 positives", "50 fraud cases out of 10,000 transactions"
        pos = neg = total = None
        spans: list[tuple[int, int]] = []
        for m in _COUNT.finditer(t):
            number = _to_number(m.group(1))
            word = m.group(2)
            if number is None:
                continue
            if re.match(_NEG_WORDS, word):
                neg = neg or number
            elif re.match(_POS_WORDS, word):
                pos = pos or number
            elif re.match(_TOTAL_WORDS, word):
                total = total or number
            else:
                continue
            spans.append((m.start(), m.end()))
        of_them = _OF_THEM.search(t)
        if of_them and pos is None:
            word = of_them.group(2)
            number = _to_number(of_them.group(1))
            if number is not None and re.match(_POS_WORDS, word):
                pos = number
                spans.append((of_them.start(), of_them.end()))
            elif number is not None and re.match(_NEG_WORDS, word):
                neg = number
                spans.append((of_them.start(), of_them.end()))
        for m in _COUNT_REV.finditer(t):
            number = _to_number(m.group(2))
            word = m.group(1)
            if number is None:
                continue
            if re.match(_NEG_WORDS, word) and neg is None:
                neg = number
            elif re.match(_POS_WORDS, word) and pos is None:
                pos = number
            else:
                continue
            spans.append((m.start(), m.end()))
        share = None
        if pos is not None and neg is not None and pos + neg > 0:
            share = min(pos, neg) / (pos + neg)
        elif pos is not None and total and total > pos:
            share = pos / total
        elif neg is not None and total and total > neg:
            share = 1 - neg / total
        if share is not None and spans:
            lo = min(a for a, _ in spans)
            hi = max(b for _, b in spans)
            return Balance(minority_share=share, text=self.norm.quote(lo, hi))
        for m in _OUT_OF.finditer(t):
            n, total_ = _to_number(m.group(1)), _to_number(m.group(2))
            tail = t[m.end() : m.end() + 40]
            if (
                n
                and total_
                and total_ > n
                and get(_CLASSY).search(t[max(0, m.start() - 30) : m.end() + 40])
                and not re.match(r"\s*(folds?|splits?)", tail)
            ):
                return Balance(minority_share=n / total_, text=self.norm.quote(m.start(), m.end()))
        for m in _OUT_OF_REV.finditer(t):
            total_, n = _to_number(m.group(1)), _to_number(m.group(2))
            if (
                n
                and total_
                and total_ > n
                and get(_CLASSY).search(t[m.start() : m.end() + 40])
                and not re.search(
                    r"\b(folds?|splits?|features?|columns?)\b", t[m.start() : m.end()]
                )
            ):
                return Balance(minority_share=n / total_, text=self.norm.quote(m.start(), m.end()))
        for m in _RATIO.finditer(t):
            s0, s1 = _sentence_of(self.spans, m.start())
            context = t[max(s0, m.start() - 40) : min(s1, m.end() + 40)]
            if re.search(
                r"\b(class|classes|label|labels|ratio|imbalanc\w*|positives?|negatives?|"
                r"fraud|distribution|target|dataset|data|problem)\b",
                context,
            ) and not re.search(
                r"\b(train|test|validation)\b|(?<!label )(?<!class )(?<!labels )(?<!classes )(?<!labels are )"
                r"(?<!classes are )\bsplit",
                context,
            ):
                a, b = _to_float(m.group(1)), _to_float(m.group(2))
                if a + b > 0:
                    return Balance(
                        minority_share=min(a, b) / (a + b), text=self.norm.quote(m.start(), m.end())
                    )
        return None


# "PR-AUC 0.93 (no-skill 0.03)": a PR curve's no-skill level is the positive class share.
_NO_SKILL = re.compile(
    r"\b(?:pr[- _]?auc|auprc|auc[- _]?pr|average[- _]precision)\b(?:[^.;!?]|\.(?=\d)){0,40}?\b"
    r"(no[- ]skill|chance|random)( level| line| baseline| rate)?\s*(?:is |of |at |=|:)?\s*"
    r"(0?\.\d+)"
)
_TRAIN_ONLY = re.compile(
    r"(?:\s+\w+){0,2}?\s+(?:on|to|using) (?:the |each |every |only the )?(?:training|train|x_train)"
    r"(?: fold| set| data| split| rows| part| portion| folds| sets)?(?: only)?\b"
)
# "1.2% of users upgrade": a share of a population doing something, a class share only when the
# question is about a model predicting it.
_VERB_SHARE = re.compile(
    r"\s*of (the |my |our |all )?(\w+ ){0,2}?\w{3,}s\s+(upgrade|convert|churn|click|buy|default|"
    r"fail|leave|cancel|respond|return|purchase|subscribe|renew|die|survive|quit|complain|apply|"
    r"sign up)\w*\b"
)
_MODEL_TALK = re.compile(
    r"\b(accuracy|accurate|model|classifier|predict\w*|f1|recall|precision|auc|labels?|class|"
    r"classes|positives?|minority)\b"
)
_CLASS_SPLIT = re.compile(r"\b(labels?|classes|class|targets?)( are| is| were)?\s*$")
_SPLIT_NAME = re.compile(
    r"\b(train(ing)?|test(ing)?|validation|val|holdout|held[- ]out|cv|cross[- ]validation|unseen)\b"
)
_SPLIT_AFTER_SCORE = re.compile(
    r"\s*(?:accuracy|f1|auc|score\w*)?\s*(?:on|in|for|at|from) (?:the |my |our )?"
    r"(train(?:ing)?|test(?:ing)?|validation|val|holdout|held[- ]out|unseen)\b"
)
_CLAUSE_CUT = re.compile(r"[,;]|\b(but|while|whereas|and|vs\.?|versus)\b")


def _cuts_number(text: str, end: int) -> bool:
    """A match that ends inside a number ("recall 0" of "recall 0.05", "99" of "99.5")."""
    return end > 0 and text[end - 1].isdigit() and bool(re.match(r"[.,]?\d", text[end : end + 2]))


_MISSING_SHARE_AFTER = re.compile(
    r"\s*(of (the |my |our |all )?(\w+ ){0,2}?(rows|samples|records|examples|entries|data|"
    r"observations|instances|labels|targets)\s+)?(have|has|had|are|is|were|was|with|contain\w*|"
    r"show)\s+(an? |no |missing |empty )?(\w+ )?(empty|missing|blank|null|nan|no|unknown|"
    r"unlabell?ed|duplicated?|duplicates)\b"
)


def _first_abs(pattern: object, text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The first match of `pattern` inside text[lo:hi], in absolute positions."""
    if hi <= lo:
        return None
    m = pattern.search(text[lo:hi])
    return (lo + m.start(), lo + m.end()) if m else None


_SEPARATE = re.compile(
    r"\b(statistics|stats|mean|means|std|parameters)( \w+)? (computed|calculated|estimated|taken|"
    r"derived|fit|fitted) (from|on) (the )?(test|validation) (set|data)( itself| alone| only)?\b|"
    r"\bre-?fit\w* (a |the |another |a new |a separate )?\w* ?(on|to) (the )?(test|validation) (set|"
    r"data|split)\b|"
    r"\b(its|his|her|their) own (mean|means|statistics|stats|std|min|max|\w*scaler|\w*encoder|vocabulary|parameters|"
    r"median)\b|"
    r"\b(separately|independently|individually) (fitted|fit|trained|learned)\b[^.;]{0,30}\b(train\w*|"
    r"test)\b|\bseparate (\w+ )?(scalers?|encoders?|imputers?|normali[sz]ers?|vectori[sz]ers?)\b|"
    r"\b(test|validation) (set|data)\b[^.;]{0,25}\b(separately|independently|on its own|with its "
    r"own|by itself)\b|\b(separately|independently) (on|for) (the )?(train\w*|test)\b[^.;]{0,20}"
    r"\b(test|train\w*)|\bfit\w* (a |another |a separate |a new |its own )?\w* ?(on|to) (the )?"
    r"(test|validation) (set|data)\b|\bfit_transform\w* (on |to )?(the )?x_test\b|\b(scaler|encoder|imputer|vectori[sz]er|pca|sc|enc)\w*(\(\))?\.fit(_transform)?\( ?x_?(test|val)\w*|\b(train\w*|"
    r"test) and (the )?(test|train\w*) (sets? |data )?(separately|independently)\b"
)


def _widen(m: re.Match[str], s0: int, s1: int) -> tuple[int, int]:
    return max(s0, m.start() - 20), min(s1, m.end() + 25)


_WHY = re.compile(
    r"\s*(why|how come|what is wrong with|what's wrong with|is it (wrong|bad|a mistake|cheating|"
    r"risky|dangerous|a problem) to)\b"
)
_ORDER_QUESTION = re.compile(
    r"^\s*why\b|\b(should|must|shall) (i|we|you)\b|\b(do|does) (i|we|you|one) (have|need) to\b|"
    r"\bis it (necessary|required|important|better|mandatory)\b"
)
_LEAD_CONNECTIVE = re.compile(
    r"(?:^|[,;:(]|\s-|\b(?:and|but|so|then|also|first|firstly|i|we|you|only))\s*\b"
    r"(?P<word>before|prior to|ahead of|after|once)\s+(?:we |i |you |they )?(?:do |did |make |made |"
    r"perform |performed |run |ran |create |created )?(?:the |a |my |our |any |doing (?:the |a )?)?$"
)
# "4% of emails are phishing", "7% of users churn": a share of the rows doing or being something.
_GROUP_VERB_AFTER = re.compile(
    r"\s*of (the |my |our |all )?(\w+ ){0,2}?(rows|samples|records|transactions|examples|"
    r"observations|instances|patients|users|customers|emails|claims|loans|images|accounts|people|"
    r"applicants|visitors|sessions|clients|employees|students|messages|documents|cases|labels)\s+"
    r"(are|is|were|was|have|had|get|got|turn out|end up|become|churn|default|fail|convert|click|"
    r"buy|die|leave|cancel|respond|fraud)\w*\b(?! (in|from|used|kept|held|set|split|missing|"
    r"duplicat\w*|empty|null|nan|unlabell?ed))"
)
_MODEL_WORDS = re.compile(
    r"\b(model|models|classifier|network|net|predictor|regressor|it|we|baseline|algorithm|forest|"
    r"boost\w*|xgboost|lightgbm|svm|knn|bert|lstm|cnn|transformer|mine|ours|tree|ensemble|pipeline|"
    r"system|approach|gets?|got|scores?|scored|achieves?|achieved|accuracy|accurate)\b"
)
_PROPORTION_AFTER = re.compile(
    r"\s*of (the |my |our |their |its |all |all the |his |her )\w+|\s*(of (the |my |all |our )?(rows|samples|data|dataset|records|examples|observations|instances|"
    r"values|time|cases|runs|users|customers|features|columns|traffic|requests|people|visitors|"
    r"sessions|stores|budget|the time|memory|cost|costs|revenue)\b|\s*(faster|slower|more|less|"
    r"fewer|cheaper|bigger|smaller|larger|increase|decrease|reduction|growth|speed-?up|off|"
    r"discount|margin)\b|(vs\.?|versus|and|or|/|to)\s*\d+"
    r"(\.\d+)?\s*%)"
)
_BASELINE_WORDS = re.compile(
    r"\b(baseline|dummy|majority|always predict\w*|most[- ]frequent|zero[- ]?r|null model|"
    r"predicting (the )?majority|logistic regression|linear (regression|model)|naive bayes|"
    r"tf-?idf|bag[- ]of[- ]words|heuristic|simple (model|rule|heuristic))\b"
)
_PERCENT = re.compile(r"(?<![\d.])(\d{1,3}(?:[.,]\d+)?)\s?(?:%|percent\b|pct\b|per cent\b)")
_DECIMAL = re.compile(r"(?<![\d.,/:])(0?\.\d+|1\.0+)(?![\d%/:])")
_CLASSY = register(
    "classy",
    (
        r"\b(positives?|negatives?|fraud\w*|minority|churn\w*|defaults?|spam|anomal\w*|class|classes|"
        r"defective|faulty|broken|tumou?rs?|chargebacks?|positive|malicious|toxic|cancer\w*|"
        r"cancell?ed|rejected|returned|flagged|delayed|overdue|"
        r"(were|was|are|got) (rejected|approved|flagged|returned|cancell?ed|denied|"
        r"readmitted|admitted|infected|diagnosed|hired|accepted)|"
        r"labels?|cases?|events?|malignant|rare|clicks?|conversions?|buyers?|failures?|defects?|"
        r"sick|disease\w*|outliers?|attacks?|intrusions?|targets?|ones|1s|yes|bads?|goods?|fail|fails|"
        r"failed|churned|defaulted|die|died|clicked|bought|converts?|converted|purchases?|healthy|normal|"
        r"benign|legit\w*|genuine|negatives?)\b"
    ),
)
_CLASS_AFTER = register(
    "class_after",
    (
        r"\s*of (the )?(positives?|positive class|fraud\w*|minority( class)?|churn\w*|defaults?|class 1|"
        r"ones)\b|"
        r"\s*(of (the |my |our |all |all the )?(\w+ ){0,2}?(rows|samples|data|transactions|records|"
        r"examples|observations|labels|instances|patients|users|customers|cases|emails|claims|loans|"
        r"images|events|people|accounts|dataset|population|visitors|sessions|applicants|targets?|"
        r"\w{3,}s)\s+)?"
        r"((are|is|were|was|being|belong to|have|has|had|labell?ed( as)?|marked( as)?|flagged( as)?|"
        r"show|positive|of which are)\s+)?((the |a |an )?(actual |true |real )?)(positives?\b|"
        r"positive (class|labels?|cases|examples|samples|rate)|fraud\w*|minority|churn\w*|defaults?\b|"
        r"default\w*|spam|anomal\w*|outliers?|rare|class (1|one|a|b)\b|the minority|minority class|"
        r"cases?\b|events?\b|clicks?|conversions?|malignant|sick|diseased|disease|buyers|attacks?|"
        r"intrusions?|failures?|defects?|defective|ones\b|1s\b|yes\b|bads?\b|target\b|label 1|"
        r"(upgrade|convert|churn|click|buy|default|fail|leave|cancel|respond|return|purchase|"
        r"subscribe|renew|die|survive|quit|complain|apply|sign up)\w*\b|the "
        r"positive|prevalence|imbalanced?)"
    ),
)
_MAJORITY_AFTER = register(
    "majority_after",
    (
        r"\s*(of (the |my |our |all )?(\w+ ){0,2}?(rows|samples|data|transactions|records|examples|"
        r"observations|labels|instances|patients|users|customers|cases|emails|loans|\w{3,}s)\s+)?"
        r"((are|is|were|"
        r"was|belong to|belongs to|fall into|falls into|labell?ed( as)?)\s+)?(the )?(one class|the same "
        r"class|a single class|the majority|the largest class|the dominant class|negatives?\b|"
        r"negative (class|labels?|cases)|"
        r"non-?fraud\w*|legit\w*|genuine|normal|majority|class (0|zero)\b|zeros?\b|0s\b|no\b|benign|"
        r"healthy|non-?churn\w*|non-?defaults?|ham\b|the majority|majority class|(0|zero)\b|"
        r"not (?!labell?ed|annotated|known|available|recorded)\w+\b|"
        r"not (\w+ )?(spam|fraud\w*|churn\w*|default\w*|defective|positive|sick|malignant|"
        r"anomal\w*|attacks?|clicked|converted|cancell?ed)\b|non-?\w+|(do|does|did|will|would) not "
        r"\w+|never \w+)"
    ),
)
_CLASS_BEFORE = register(
    "class_before",
    (
        r"\b(positive|negative|minority|fraud|churn|rare) (examples|samples|cases|labels|rows|class|"
        r"instances)\s*[(:=~]\s*(only |about |around |roughly |~)?$|"
        r"\b(positives?|negatives?|fraud\w*|rare \w+|minority( class)?|events?|cases?|churn\w*|"
        r"defaults?|anomal\w*|outliers?|class \w+)\s*[(:=~]\s*(only |about |around |roughly |~)?$|"
        r"\b(positive|minority|fraud|churn|default|event|rare) (class|rate|share|ratio)\s*$|"
        r"\b(minority|positives?|frauds?|rare|churn|churners?|defaults?|fraud rate|prevalence|"
        r"event rate|positive class|attrition|conversion)( class| cases| rate| share| labels?)? (is|are|was|makes up|"
        r"make up|represents?|accounts? for|at|of|=|:|only|constitutes?|is only|are only)\s*(only |just |"
        r"about |around |roughly |~|less than |under |below )?$|\b(prevalence|base rate|positive rate|"
        r"event rate|fraud rate|churn rate|default rate|imbalance ratio|class ratio|incidence|"
        r"conversion rate|click[- ]through rate|ctr|hit rate)( is| of| at|:|=| around| about)?\s*"
        r"(only |just |about |around |roughly |~|less than |under |below )?$|"
        r"\b\w+ (makes? up|made up|accounts? for|accounted for|represents?|constitutes?|comprises?)"
        r"\s+(only |just |about |around |roughly |~|less than |under |below )?$"
    ),
)
_SPLIT_AFTER = register(
    "split_after",
    (
        r"\s*(of (the |my )?(data|rows|dataset|samples) )?(for |as |in |into )(the |a )?(test|testing|"
        r"validation|holdout|hold-out|val|dev|train|training)\b|\s*(test|testing|holdout|hold-out|"
        r"validation|val|dev|train|training) (split|set|size|data|fraction|portion|rows|sample)\b"
    ),
)
_SPLIT_BEFORE = register(
    "split_before",
    (
        r"\b(test_size|test size|train_size|hold(ing)? out|held out|holdout|reserved?|set aside|keep|"
        r"kept|leave|left|split|using|used|take|took|sample|sampled|subsample\w*)\s*(=|of)?\s*"
        r"(only |about |around |the |a |another )?$"
    ),
)
_ONE_IN = re.compile(
    r"\b(1|one|a single|only one|just one)\s+(?:in|out of|of every|in every|per)\s+"
    r"(\d(?:[\d,]*\d)?(?:\.\d+)?k?|ten|twenty|fifty|a hundred|hundred|a thousand|thousand|"
    r"ten thousand|a million|million)\b"
)
_N_EVERY = re.compile(
    r"(?<![\d.])(\d{1,6})\s+(?:\w+\s)?(?:out of every|of every|in every|per)\s+"
    r"(\d(?:[\d,]*\d)?k?|hundred|thousand|a thousand|million)\b"
)
# "out of 12,000 scans only 60 show a tumour": the total first, then the count.
_OUT_OF_REV = re.compile(
    r"\b(?:out of|of|among|from)\s+(?:the\s|my\s|our\s|all\s)?(\d(?:[\d,]*\d)?(?:\.\d+)?\s?"
    r"(?:k|m|million|thousand)?)\s+(?:\w+\s?){1,3},?\s+(?:only\s|just\s|about\s|around\s|"
    r"roughly\s|~)?(\d(?:[\d,]*\d)?)\b(?!\s*%)(?!\.\d)"
)
_COUNT = re.compile(
    r"(?<![\d.])(\d(?:[\d,]*\d)?(?:\.\d+)?\s?(?:k|m|million|thousand)?)\s+(?:\w+\s)??"
    r"((?:non[- ]?)?(?:positives?|negatives?|fraud\w*|legit\w*|genuine|normal|churn\w*|"
    r"defaults?|spam|ham|malignant|benign|cases|controls|anomal\w*|minority|majority|ones|zeros|"
    r"healthy|sick|rows|samples|records|transactions|examples|observations|instances|images|"
    r"patients|users|customers|emails|loans|claims|data points|entries|accounts|people))\b"
)
_COUNT_REV = re.compile(
    r"\b((?:non[- ]?)?(?:positives?|negatives?|fraud\w*|legit\w*|churn\w*|defaults?|minority|"
    r"majority|ones|zeros|class 1|class 0|spam|ham))\s*[:=]\s*(\d(?:[\d,]*\d)?(?:\.\d+)?\s?(?:k|m)?)\b"
)
_OF_THEM = re.compile(
    r"(?<![\d.])(\d(?:[\d,]*\d)?)\s+(?:of|among)\s+(?:them|these|those|which|the rows|the samples)\s+"
    r"(?:are\s+|were\s+|is\s+|being\s+|labell?ed\s+(?:as\s+)?)?(\w+)"
)
_NEG_WORDS = (
    r"(non[- ]?\w+|negatives?|legit\w*|genuine|normal|ham|benign|controls|majority|zeros|healthy)$"
)
_POS_WORDS = (
    r"(positives?|fraud\w*|churn\w*|defaults?|spam|malignant|cases|anomal\w*|minority|ones|sick)$"
)
_TOTAL_WORDS = (
    r"(rows|samples|records|transactions|examples|observations|instances|images|patients|users|"
    r"customers|emails|loans|claims|data points|entries|accounts|people)$"
)
_OUT_OF = re.compile(
    r"(?<![\d.])(\d(?:[\d,]*\d)?)\s+(?:\w+\s){0,2}?(?:out of|of|in|among|from)\s+(?:the\s|my\s)?"
    r"(\d(?:[\d,]*\d)?(?:\.\d+)?\s?(?:k|m|million|thousand)?)\b"
)
_RATIO = re.compile(
    r"(?<![\d.])(\d{1,4}(?:\.\d+)?)\s?(?::|/|-| to )\s?(\d{1,4}(?:\.\d+)?)(?![\d%])(?!\.\d)"
)

_WORD_NUMBERS = {
    "one": 1,
    "a single": 1,
    "only one": 1,
    "just one": 1,
    "ten": 10,
    "twenty": 20,
    "fifty": 50,
    "a hundred": 100,
    "hundred": 100,
    "a thousand": 1000,
    "thousand": 1000,
    "ten thousand": 10000,
    "a million": 1_000_000,
    "million": 1_000_000,
}


def _to_float(text: str) -> float:
    return float(text.replace(",", "."))


def _to_number(text: str) -> float | None:
    text = text.strip().lower()
    if text in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[text])
    mult = 1.0
    for suffix, factor in (
        (" million", 1e6),
        ("million", 1e6),
        (" thousand", 1e3),
        ("thousand", 1e3),
        ("k", 1e3),
        ("m", 1e6),
    ):
        if text.endswith(suffix):
            text, mult = text[: -len(suffix)].strip(), factor
            break
    try:
        return float(text.replace(",", "")) * mult
    except ValueError:
        return None


def _intent(text: str) -> Literal["plan", "past", "question"]:
    if _PLAN.search(text):
        return "plan"
    if "?" in text:
        return "question"
    return "past"


def _qualitative_balance(ex: _Extractor, signals: dict[str, list[Mention]]) -> Balance | None:
    words = [m for m in signals.get("imbalance_words", []) if not m.negated]
    if words and not any(not m.negated for m in signals.get("balanced_classes", [])):
        return Balance(text=_clause(ex, words[0]), qualitative=True)
    implicit = [m for m in signals.get("implicit_imbalance", []) if not m.negated]
    if implicit:
        return Balance(text=implicit[0].text, implicit=True)
    return None


def _clause(ex: _Extractor, m: Mention) -> str:
    s0, s1 = _sentence_of(ex.spans, m.start)
    return (
        ex.norm.quote(max(s0, m.start - 20), min(s1, m.end + 20))
        if m.end - m.start < 12
        else m.text
    )


def extract(question: str) -> Facts:
    """All the facts in `question` (never raises on odd input)."""
    norm = normalise(question)
    ex = _Extractor(norm)
    splits = ex.splits()
    metrics = ex.metrics()
    signals = ex.signals()
    scores, balance = ex.numbers(metrics)
    if balance is None or (balance.minority_share is None):
        qualitative = _qualitative_balance(ex, signals)
        balance = balance or qualitative
    if balance is not None and balance.minority_share is not None and balance.minority_share > 0.5:
        balance = replace(balance, minority_share=1 - balance.minority_share)
    balanced = any(not m.negated for m in signals.get("balanced_classes", []))
    if balanced and balance is not None and balance.minority_share is None:
        balance = None
    return Facts(
        question=question,
        text=norm.text,
        intent=_intent(norm.text),
        models=ex.models(),
        metrics=metrics,
        scores=scores,
        balance=balance,
        steps=ex.steps(splits),
        splits=splits,
        signals=signals,
    )
