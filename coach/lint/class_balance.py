"""Evidence that a classification target is imbalanced, for IMB001/IMB002.

The imbalance rules speak only when something shows the classes *are* imbalanced (a rule that
fires on every iris or MNIST script is switched off). The evidence, strongest first:

- the dataset the code reads is at hand next to it: its target's class counts, read streaming
  and bounded (`CSV_BYTE_BUDGET`; a finding says when the count stopped early);
- a notebook's saved outputs: a `value_counts()`, `bincount` or `mean()` of the target;
- a known loader: imbalanced toy datasets, `make_classification(weights=...)`;
- the code handles imbalance (`class_weight`, `scale_pos_weight`, resamplers, ...).

Known-balanced loaders (iris, digits, MNIST-likes, make_moons, ...) are evidence of *balance*.
This module never imports pandas or NumPy: the lint path stays light.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

# The one threshold: the rarest class has at most this share of the commonest class's rows
# (a two-class target whose minority is under 20% of the rows).
MAX_MINORITY_RATIO = 0.25
# Bytes of a data file read to count classes; the count stops there and says so.
CSV_BYTE_BUDGET = 4 * 1024 * 1024
# A target with more distinct values than this is not a class label.
MAX_CLASSES = 50
_DATA_SUFFIXES = (".csv", ".tsv", ".txt", ".data", ".csv.gz")

# Loaders whose classes are (near) balanced: the imbalance rules never fire on them.
BALANCED_LOADERS: frozenset[str] = frozenset(
    {
        "load_iris",
        "load_digits",
        "load_wine",
        "load_breast_cancer",
        "fetch_20newsgroups",
        "fetch_20newsgroups_vectorized",
        "fetch_olivetti_faces",
        "make_moons",
        "make_blobs",
        "make_circles",
        "make_gaussian_quantiles",
        "make_hastie_10_2",
        "mnist",
        "fashion_mnist",
        "cifar10",
        "cifar100",
        "imdb",
        "load_mnist",
    }
)
# Loaders whose classes are known to be imbalanced.
IMBALANCED_LOADERS: dict[str, str] = {
    "fetch_kddcup99": "KDD Cup 99 (rare attack classes)",
    "fetch_covtype": "covertype (rarest class under 1%)",
    "fetch_lfw_people": "LFW people (one person holds most images)",
    "make_imbalance": "make_imbalance",
    "fetch_datasets": "imbalanced-learn's benchmark datasets",
    "reuters": "Reuters newswires (46 topics, very uneven)",
}
# Arguments of models and fits that only make sense when the classes are imbalanced.
HANDLING_KWARGS = ("class_weight", "scale_pos_weight", "is_unbalance", "auto_class_weights")


@dataclass
class Evidence:
    """Why the classes are taken to be imbalanced: a short phrase for the message, where."""

    text: str
    line: int | None = None
    balanced: bool = False  # evidence of balance (a known-balanced loader, a balanced count)
    related: list[tuple[int, str]] = field(default_factory=list)


def is_imbalanced(counts: dict[str, int] | list[float]) -> bool:
    values = list(counts.values()) if isinstance(counts, dict) else list(counts)
    values = [v for v in values if v > 0]
    if len(values) < 2:
        return False
    return min(values) <= MAX_MINORITY_RATIO * max(values)


def minority_share(values: list[float]) -> float:
    total = sum(values)
    return min(values) / total if total else 0.0


def weight_shares(weights: list[float]) -> list[float]:
    """The class shares of `make_classification(weights=[0.95])`: the last class gets the
    remainder when the weights given sum to less than one."""
    shares = [w for w in weights if w > 0]
    rest = 1.0 - sum(shares)
    if rest > 1e-9:
        shares.append(rest)
    return shares


# --- the data file next to the code ------------------------------------------------------------


@dataclass
class ClassCount:
    counts: dict[str, int]
    rows: int
    truncated: bool  # stopped at CSV_BYTE_BUDGET


def find_data_file(reference: str, origin: str | None) -> Path | None:
    """The file a read refers to, looked up beside the code and in up to three parent folders
    (scripts run from the repository root or from their own folder)."""
    if origin is None or "://" in reference or not reference.lower().endswith(_DATA_SUFFIXES):
        return None
    ref = Path(reference.replace("\\", "/"))
    if ref.is_absolute():
        return None
    folder = Path(origin).resolve().parent
    for _ in range(4):
        candidate = folder / ref
        try:
            if candidate.is_file():
                return candidate
        except OSError:
            return None
        if folder.parent == folder:
            break
        folder = folder.parent
    return None


@lru_cache(maxsize=64)
def _count_cached(path: str, mtime: float, size: int, column: str) -> ClassCount | None:
    return _count_classes(Path(path), column)


def count_classes(path: Path, column: str) -> ClassCount | None:
    """Class counts of `column` in a delimited text file, reading at most CSV_BYTE_BUDGET bytes;
    None when the column is missing or does not look like a class label."""
    try:
        info = path.stat()
    except OSError:
        return None
    return _count_cached(str(path), info.st_mtime, info.st_size, column)


def _count_classes(path: Path, column: str) -> ClassCount | None:
    try:
        if path.name.endswith(".gz"):
            import gzip

            with gzip.open(path, "rb") as fh:
                raw = fh.read(CSV_BYTE_BUDGET + 1)
        else:
            with path.open("rb") as fh:
                raw = fh.read(CSV_BYTE_BUDGET + 1)
    except (OSError, EOFError):
        return None
    truncated = len(raw) > CSV_BYTE_BUDGET
    if truncated:
        raw = raw[: raw.rfind(b"\n", 0, CSV_BYTE_BUDGET) + 1]
    text = raw.decode("utf-8", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    if first.count(";") > first.count(delimiter):
        delimiter = ";"
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [h.strip().strip('"') for h in next(reader)]
    except (StopIteration, csv.Error):
        return None
    if column not in header:
        return None
    index = header.index(column)
    counts: dict[str, int] = {}
    rows = 0
    try:
        for row in reader:
            if len(row) <= index:
                continue
            value = row[index].strip()
            if not value:
                continue
            counts[value] = counts.get(value, 0) + 1
            rows += 1
            if len(counts) > MAX_CLASSES:
                return None
    except csv.Error:
        return None
    if len(counts) < 2:
        return None
    return ClassCount(counts, rows, truncated)


def describe_count(count: ClassCount, column: str, file: str) -> str:
    rare = min(count.counts, key=lambda k: count.counts[k])
    share = 100 * count.counts[rare] / count.rows
    where = (
        f"the first {CSV_BYTE_BUDGET // (1024 * 1024)} MB of {file}" if count.truncated else file
    )
    return f"`{column}`={rare} is {share:.1f}% of {count.rows} rows in {where}"


# --- a notebook's saved outputs ----------------------------------------------------------------

_SERIES_ROW = re.compile(r"^\s*([\w.\-]+)\s+(\d+(?:\.\d+)?(?:e-?\d+)?)\s*$")
_SERIES_NAME = re.compile(r"^Name:\s*([^,]*),")
_ARRAY = re.compile(r"array\(\[([\d,\s]+)\]")
_FLOAT = re.compile(r"^\s*(0?\.\d+|0|1(?:\.0+)?)\s*$")
# `df.groupby("Category").describe()` / `.size()` / `.count()`: one row per class, count first.
_GROUPBY = re.compile(r"groupby\(\s*['\"]([^'\"]+)['\"]\s*\)\s*(?:\.\w+)?\.(describe|size|count)\(")
_GROUP_ROW = re.compile(r"^\s*([A-Za-z_][\w.\-]*|\d+)\s+(\d+)(?:\s|$)")
_CLASS_WORDS = frozenset({"y", "target", "label", "labels", "class", "category", "outcome"})


def _target_expr(target: str | None) -> str:
    """A regex for an expression that is the target: `y`, `y_train`, `df["target"]`, `df.label`."""
    names = r"(?i:y|y_\w+|target|labels?|class)"
    if target:
        names = f"(?:{names}|{re.escape(target)})"
    return rf"(?:\w+\[\s*['\"]{names}['\"]\s*\]|\w+\.{names}\b|\b{names}\b)(?:\.values)?"


def output_counts(code: str, text: str, target: str | None) -> list[float] | None:
    """Class counts (or shares) shown by one saved output, when it is about the target:
    a `value_counts()` Series, a `bincount` array, or a `mean()` of a 0/1 target."""
    if "value_counts" in code:
        lines = text.strip().splitlines()
        name_ok = bool(re.search(_target_expr(target) + r"\s*\.value_counts", code))
        values: list[float] = []
        for line in lines:
            row = _SERIES_ROW.match(line)
            if row:
                values.append(float(row.group(2)))
                continue
            named = _SERIES_NAME.match(line)
            if named and target and named.group(1).strip() == target:
                name_ok = True
        if name_ok and 2 <= len(values) <= MAX_CLASSES:
            return values
        return None
    grouped = _GROUPBY.search(code)
    if grouped:
        key = grouped.group(1)
        if key != target and key.lower() not in _CLASS_WORDS:
            return None
        seen: dict[str, float] = {}
        for line in text.splitlines():
            row = _GROUP_ROW.match(line)
            if row and row.group(1) not in seen:
                seen[row.group(1)] = float(row.group(2))
        return list(seen.values()) if 2 <= len(seen) <= MAX_CLASSES else None
    if re.search(r"bincount\(\s*" + _target_expr(target), code):
        match = _ARRAY.search(text)
        if match:
            nums = [float(v) for v in match.group(1).replace("\n", " ").split(",") if v.strip()]
            return nums if len(nums) >= 2 else None
        return None
    if re.search(_target_expr(target) + r"\s*\.mean\(\)", code):
        match = _FLOAT.match(text)
        if match:
            share = float(match.group(1))
            if 0 < share < 1:
                return [share, 1 - share]
    return None
