"""Small DataFrame helpers shared by the checks and the baselines (pandas and numpy only)."""

from __future__ import annotations

import re
from typing import Literal

import numpy as np
import pandas as pd
from pandas.util import hash_array

from coach.data.thresholds import ID_UNIQUE_SHARE, NEAR_MANTISSA_BITS

Task = Literal["classification", "regression"]
ColumnKind = Literal["num", "text"]

# A target with at most this many distinct integer values is treated as classes.
MAX_CLASSES_FOR_INTEGER_TARGET = 20

_ID_NAME = re.compile(
    r"(^|[_\s.\-])(id|uuid|guid|key|idx|index|row_?num(ber)?)$|^(id|uuid|guid)[_\s.\-]|^unnamed: ?\d+$",
    re.IGNORECASE,
)
_CAMEL_ID = re.compile(r"[a-z](Id|ID|Key|Uuid)$")
_NA_HASH = np.uint64(0x9E3779B97F4A7C15)
_MIX = np.uint64(0x100000001B3)


def is_numeric(series: pd.Series) -> bool:
    return bool(pd.api.types.is_numeric_dtype(series.dtype))


def infer_task(target: pd.Series) -> Task:
    """Classification for text, booleans and small sets of integers; regression otherwise."""
    values = target.dropna()
    if not is_numeric(values) or pd.api.types.is_bool_dtype(values.dtype):
        return "classification"
    distinct = values.nunique()
    if distinct <= 2:
        return "classification"
    numbers = values.to_numpy(dtype="float64")
    if np.all(np.mod(numbers, 1) == 0) and distinct <= MAX_CLASSES_FOR_INTEGER_TARGET:
        return "classification"
    return "regression"


def label_text(value: object) -> str:
    """A class label as a person reads it: 1.0 -> "1", True -> "True"."""
    if isinstance(value, float | np.floating) and float(value).is_integer():
        return str(int(value)) if abs(value) < 1e15 else f"{float(value):g}"
    return str(value)


# Numbers past this size overflow in squares and sums (float64) or in float32 (trees).
HUGE = 1e30


def tame(values: np.ndarray) -> tuple[np.ndarray, float]:
    """`values` divided by a power of ten when they are too large to square safely, and that
    divisor (1.0 when nothing changed). Trees, R² and standardised linear models do not change
    with the unit, so fits on the divided values are the same fits without overflow."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return values, 1.0
    largest = float(np.max(np.abs(finite)))
    if largest <= HUGE:
        return values, 1.0
    divisor = 10.0 ** np.floor(np.log10(largest))
    return values / divisor, divisor


def class_counts(target: pd.Series) -> dict[str, int]:
    """Counts per class, largest first (labels as text)."""
    counts = target.dropna().value_counts(sort=True)
    return {label_text(k): int(v) for k, v in counts.items() if v > 0}  # unused categories


def id_like_reason(name: str, series: pd.Series) -> str | None:
    """Why this column looks like an identifier (a key a model can memorise), or None.

    Cheap rejections come first (floats, small integer ranges, repeated values early in the
    file) so that scanning 50 columns of a million rows stays fast.
    """
    named = bool(_ID_NAME.search(name) or _CAMEL_ID.search(name))
    continuous = pd.api.types.is_float_dtype(series.dtype)
    if not named and (continuous or pd.api.types.is_bool_dtype(series.dtype)):
        return None
    values = series.dropna()
    rows = len(values)
    if rows < 20:
        return None
    if not named:
        if len(values) != len(series):
            return None
        head = values.head(10_000)
        if head.nunique() != len(head):
            return None
        if pd.api.types.is_integer_dtype(values.dtype):
            low, high = int(values.min()), int(values.max())
            if high - low + 1 != rows or values.nunique() != rows:
                return None
            return f"consecutive integers {low}..{high}, one per row (a row number)"
        if is_numeric(values) or not pd.api.types.is_string_dtype(values.dtype):
            return None
        if values.astype(str).head(1000).str.contains(r"\s", regex=True).any():
            return None
        if values.nunique() != rows:
            return None
        return "a distinct code for every row (a key)"
    share = values.nunique() / rows
    if share >= ID_UNIQUE_SHARE:
        return f"named like an identifier, and {share:.0%} of its values are distinct"
    return None


def column_kinds(frames: list[pd.DataFrame], columns: list[str]) -> dict[str, ColumnKind]:
    """Each column's kind: numeric when it is numeric in every frame, else compared as text."""
    return {
        col: "num" if all(is_numeric(f[col]) for f in frames if col in f) else "text"
        for col in columns
    }


def round_significant(values: np.ndarray, bits: int = NEAR_MANTISSA_BITS) -> np.ndarray:
    """Round each number's binary mantissa to `bits` bits: a relative tolerance of 2**-bits
    (about 1e-6 for 20 bits). NaN and inf are kept. Faster than decimal rounding via log10."""
    mantissa, exponent = np.frexp(values)
    scale = float(2**bits)
    rounded = np.ldexp(np.round(mantissa * scale) / scale, exponent)
    finite = np.isfinite(values)
    if not finite.all():
        rounded[~finite] = values[~finite]
    return rounded


def normalise_text(values: pd.Series) -> pd.Series:
    """Trim, collapse inner whitespace and case-fold."""
    return values.str.strip().str.replace(r"\s+", " ", regex=True).str.casefold()


def column_hash(series: pd.Series, kind: ColumnKind, *, near: bool) -> np.ndarray:
    """A uint64 hash per value; equal values (after normalisation if `near`) hash equally."""
    if kind == "num":
        numbers = pd.to_numeric(series, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        if near:
            numbers = round_significant(numbers)
        numbers = numbers + 0.0  # -0.0 and 0.0 are the same number
        hashed = hash_array(numbers)
        hashed[np.isnan(numbers)] = _NA_HASH
        return hashed
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    texts = pd.Series(np.asarray(uniques, dtype=object)).astype(str)
    if near:
        texts = normalise_text(texts)
    unique_hashes = hash_array(texts.to_numpy(dtype=object))
    out = np.full(len(codes), _NA_HASH, dtype="uint64")
    present = codes >= 0
    out[present] = unique_hashes[codes[present]]
    return out


def row_hashes(
    frame: pd.DataFrame, columns: list[str], kinds: dict[str, ColumnKind], *, near: bool
) -> np.ndarray:
    """One uint64 per row combining the column hashes in `columns` order (O(rows × columns))."""
    combined = np.zeros(len(frame), dtype="uint64")
    for col in columns:
        combined = (combined * _MIX) ^ column_hash(frame[col], kinds[col], near=near)
    return combined


def sample_rows(
    frame: pd.DataFrame, size: int, seed: int, stratify: pd.Series | None = None
) -> pd.DataFrame:
    """At most `size` rows, drawn with a fixed seed; per class when `stratify` is given."""
    if len(frame) <= size:
        return frame
    if stratify is None:
        return frame.sample(n=size, random_state=seed)
    fraction = size / len(frame)
    parts = []
    for _, group in frame.groupby(stratify, sort=True, observed=True):
        take = max(round(len(group) * fraction), min(len(group), 50))
        parts.append(group.sample(n=min(take, len(group)), random_state=seed))
    return pd.concat(parts).sort_index()
