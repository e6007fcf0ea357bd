"""Normalise a question before fact extraction: case, contractions, and common typos.

People type fast: "normalzied", "stratifed", "acuracy", "didnt". The extractor's patterns are
written for correctly spelled words, so a small edit-distance normaliser maps near-misses onto a
fixed domain vocabulary first. It never corrects a word it already knows, only words of five
letters or more, and only to a vocabulary word with the same first letter — typos rarely hit the
first letter, and this keeps real words ("texts", "modal") from being "corrected" into triggers.

The normalised text keeps a map back to the original characters, so evidence always quotes the
user's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words the extractor's patterns are built on (the correction targets). Inflections are listed
# explicitly: a typo of "splitting" should become "splitting", not "split".
DOMAIN_WORDS = _word_set(
    """
accuracy accurate auc average balanced balance balancing baseline baselines before after
calibrate calibrated calibration categorical category classes classifier classifiers
classification column columns confidence confident correlated correlation cross customer
customers dataset datasets deploy deployed deploying deployment distribution dummy early encode
encoded encoder encoding entire evaluate evaluated evaluating evaluation features feature fitted
fitting forecast forecasting forecasts fraud fraudulent gradient boosting holdout hyperparameter
hyperparameters imbalance imbalanced impute imputed imputer imputing imputation leakage leaked
leaking logistic majority minority missing model models monitor monitoring monitored negatives
negative network networks neural normalise normalised normalising normalize normalized
normalizing normalization normalisation oversample oversampled oversampling patient patients
pipeline pipelines positives positive precision predict predicted predicting prediction
predictions preprocess preprocessed preprocessing probabilities probability production random
randomly recall regression sampling scale scaled scaler scaling scores score selection separate
separately shadow shuffle shuffled shuffling smote split splits splitting standardise
standardised standardize standardized standardizing standardization stopping stratify stratified
stratifying stratification series target testing training transform transformer transformers
tuned tuning undersample undersampled undersampling validate validated validating validation
whole selected selecting threshold thresholds temporal timestamps transactions augment augmented
augmentation reproducible reproduce seeds random_state overfitting overfit calibrating sensitive
personal private privacy upload uploaded uploading directly customers
"""
)

# Frequent real words close to a domain word that must never be "corrected".
KNOWN_WORDS = _word_set(
    """
about above across again against always another answer anything around because being better
between cases change changed changes check choose chose chosen class clean cleaned close could
counts daily data different doing drops during each either every everything example examples
first fixed found getting given going great group groups happen having helps higher hours
however images image improve input inputs items known label labels large later least level
little looks lower makes means might model modal month months never number often other others
output outputs people perfect place point points quite rather really right rows sales same scale
scales second seems series sense shows since small some something still store sure system table
takes tests texts their there these thing things think those three times today train trained
trains under until users using value values versus weeks where which while whole words works
would years yesterday total spent split spilt spits
"""
)

_TOKEN = re.compile(r"[a-z][a-z_]*[a-z]|[a-z]")
_CONTRACTION = re.compile(
    r"\b(ca|wo|do|does|did|is|are|was|were|have|has|had|could|would|should|need|must)(?:n[’']t|nt)\b"
)


# One character for one character, so positions in the lowered text match the original.
_SAME_LENGTH = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "²": "2", "×": "x"}
)


@dataclass(frozen=True)
class Normalised:
    """The question lower-cased and corrected, with a map from each character to the original."""

    original: str
    text: str
    origin: tuple[int, ...]  # origin[i] = index in `original` of text[i]

    def quote(self, start: int, end: int) -> str:
        """The user's own words for text[start:end]."""
        if start >= end or not self.origin:
            return ""
        lo = self.origin[max(0, min(start, len(self.origin) - 1))]
        hi = self.origin[max(0, min(end - 1, len(self.origin) - 1))] + 1
        return self.original[lo:hi].strip()


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _inflections(word: str) -> set[str]:
    stem = word[:-1] if word.endswith("e") else word
    forms = {
        word + "s",
        word + "es",
        word + "d",
        word + "ed",
        word + "er",
        word + "ers",
        word + "ly",
        stem + "ing",
        stem + "ed",
        stem + "er",
        stem + "ion",
        stem + "ions",
    }
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    return forms


@lru_cache(maxsize=1)
def _delete_index() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    # Inflections of a domain word are words, not typos ("predicts" must stay "predicts").
    vocabulary = frozenset(DOMAIN_WORDS) | frozenset(
        form for word in DOMAIN_WORDS for form in _inflections(word)
    )
    index: dict[str, set[str]] = {}
    for word in DOMAIN_WORDS:
        for variant in {word} | _deletes(word):
            index.setdefault(variant, set()).add(word)
    return vocabulary, {variant: tuple(sorted(words)) for variant, words in index.items()}


def correct(token: str) -> str:
    """The domain word `token` is a typo of, or `token` itself.

    Symmetric-delete lookup (distance ≤ 1 by deletion on both sides, which also covers a swap of
    two letters and a substitution); same first letter required. Deterministic: among several
    candidates a word the token is missing one letter of wins, then the closest in length, then
    the alphabetically first.
    """
    vocabulary, index = _delete_index()
    if len(token) < 5 or token in vocabulary or token in KNOWN_WORDS or "_" in token:
        return token
    candidates: set[str] = set(index.get(token, ()))
    for variant in _deletes(token):
        candidates.update(index.get(variant, ()))
    usable = [
        c
        for c in candidates
        if c[0] == token[0]
        and abs(len(c) - len(token)) <= 1
        # five letters are too few to trust a substitution ("speed" is not "seeds"); only a
        # dropped letter ("befor") is corrected
        and (len(token) > 5 or len(c) == 6)
        # an extra last letter is an inflection more often than a typo
        and not (token.startswith(c) and len(token) == len(c) + 1)
    ]
    if not usable:
        return token
    # A dropped letter is the commonest typo ("befor", "featurs"), then the closest length.
    return min(usable, key=lambda c: (token not in _deletes(c), abs(len(c) - len(token)), c))


def normalise(question: str) -> Normalised:
    """Lower-case, unify quotes and dashes, expand "n't", fix typos; keep the way back."""
    text = question.translate(_SAME_LENGTH)
    lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    pieces: list[str] = []
    origin: list[int] = []
    pos = 0

    def emit(piece: str, source_start: int, source_end: int) -> None:
        pieces.append(piece)
        span = max(1, source_end - source_start)
        for k in range(len(piece)):
            origin.append(source_start + _stretch(k, len(piece), span))

    # Contractions first ("didn't" -> "did not"), then typos word by word.
    for match in _CONTRACTION.finditer(lowered):
        _emit_words(lowered, pos, match.start(), emit)
        emit(match.group(1) + " not", match.start(), match.end())
        pos = match.end()
    _emit_words(lowered, pos, len(lowered), emit)
    text, mapped = "".join(pieces), origin
    for pattern, replacement in _SYNONYMS:
        text, mapped = _substitute(text, mapped, pattern, replacement)
    return Normalised(original=question, text=text, origin=tuple(mapped))


# Many names for the same thing; the patterns are written for the canonical one.
_SYNONYMS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"\b(blind|hold[- ]?out|held[- ]out|out[- ]of[- ]sample|evaluation|eval|unseen)"
            r"( test)? (set|data|split)\b"
        ),
        "test set",
    ),
    (re.compile(r"\bin[- ]sample (data|set|rows)\b"), "training data"),
    (re.compile(r"\bz[- ]?scor(ed|ing)\b"), "standardized"),
]


def _stretch(k: int, length: int, span: int) -> int:
    """Map position k of a `length`-long replacement onto a `span`-long original: ends to ends."""
    return 0 if length <= 1 else round(k * (span - 1) / (length - 1))


def _substitute(
    text: str, origin: list[int], pattern: re.Pattern[str], replacement: str
) -> tuple[str, list[int]]:
    """Replace matches of `pattern`, keeping every character's way back to the question."""
    out: list[str] = []
    mapped: list[int] = []
    pos = 0
    for m in pattern.finditer(text):
        out.append(text[pos : m.start()])
        mapped.extend(origin[pos : m.start()])
        out.append(replacement)
        span = m.end() - m.start()
        mapped.extend(
            origin[m.start() + _stretch(k, len(replacement), span)] for k in range(len(replacement))
        )
        pos = m.end()
    out.append(text[pos:])
    mapped.extend(origin[pos:])
    return "".join(out), mapped


def _emit_words(text: str, start: int, end: int, emit) -> None:  # type: ignore[no-untyped-def]
    pos = start
    for match in _TOKEN.finditer(text, start, end):
        if match.start() > pos:
            emit(text[pos : match.start()], pos, match.start())
        word = match.group(0)
        fixed = correct(word)
        emit(fixed, match.start(), match.end())
        pos = match.end()
    if end > pos:
        emit(text[pos:end], pos, end)
