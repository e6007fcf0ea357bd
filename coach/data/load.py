"""Read a dataset (CSV, TSV, Parquet, compressed CSV) into a DataFrame, or fail with a clear message.

Everything that can go wrong with a user's file — missing, empty, binary, wrong encoding, ragged
rows, not a table at all — becomes a `DataError` that says what is wrong and what to do; nothing
here lets a parser traceback reach the user.
"""

from __future__ import annotations

import csv
import difflib
import lzma
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from coach.data.errors import DataError
from coach.data.source import (
    COMPRESSIONS,
    MemoryLimitError,
    check_expansion,
    compression_of,
    open_text_bytes,
    regular_file,
)

if TYPE_CHECKING:
    import pandas as pd

PARQUET_SUFFIXES = {".parquet", ".pq"}
TAB_SUFFIXES = {".tsv", ".tab"}
SUPPORTED_TEXT = "CSV, TSV, Parquet, or CSV compressed with gzip/bz2/zip/xz/zstd"
_SNIFF_BYTES = 64 * 1024
_DELIMITERS = [",", "\t", ";", "|"]
NOTES_ATTR = "coach_load_notes"


def _inner_suffix(path: Path) -> str:
    """The format suffix, under any compression suffix: data.csv.gz -> .csv."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in COMPRESSIONS:
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _check_file(path: Path) -> Path:
    """The regular file to read for `path` (a spooled copy for pipes and devices)."""
    if not path.exists() and not path.is_symlink():
        raise DataError(f"{path}: no such file")
    if path.is_dir():
        raise DataError(f"{path}: is a directory, not a data file ({SUPPORTED_TEXT})")
    readable = regular_file(path)
    try:
        size = readable.stat().st_size
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if size == 0:
        raise DataError(f"{path}: the file is empty (0 bytes)")
    if _inner_suffix(path) not in PARQUET_SUFFIXES:
        try:
            check_expansion(readable, path)
        except (OSError, EOFError, lzma.LZMAError, zipfile.BadZipFile) as exc:
            raise DataError(
                f"{path}: cannot decompress as {compression_of(path)}: {exc}. Is the file "
                "complete and is the extension right?"
            ) from exc
    return readable


def _head_bytes(readable: Path, path: Path) -> bytes:
    """The first bytes of the (decompressed) file, for sniffing."""
    with open_text_bytes(readable, path) as fh:
        try:
            return fh.read(_SNIFF_BYTES)
        except (OSError, EOFError, lzma.LZMAError, zipfile.BadZipFile) as exc:
            raise DataError(
                f"{path}: cannot decompress as {compression_of(path)}: {exc}. Is the file "
                "complete and is the extension right?"
            ) from exc


def _detect_encoding(path: Path, head: bytes, encoding: str | None) -> str:
    if encoding:
        return encoding
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return "utf-8"


def _decode_head(path: Path, head: bytes, encoding: str, readable: Path) -> str:
    if b"\x00" in head and not encoding.lower().startswith("utf-16"):
        raise DataError(
            f"{path}: looks like a binary file, not a text table; expected {SUPPORTED_TEXT}"
        )
    try:
        return head.decode(encoding)
    except LookupError as exc:
        raise DataError(f"unknown encoding '{encoding}'") from exc
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 4 and len(head) == _SNIFF_BYTES:
            # A multi-byte character cut by the sniff window, not a real error.
            return head[: exc.start].decode(encoding)
        raise _encoding_error(path, encoding, readable) from exc


def _first_bad_byte(readable: Path, path: Path, encoding: str) -> tuple[int, bytes, int] | None:
    """The offset of the first byte `encoding` cannot decode, the bytes around it, and the
    position of the bad byte in them."""
    import codecs

    decoder = codecs.getincrementaldecoder(encoding)()
    offset = 0
    with open_text_bytes(readable, path) as fh:
        while chunk := fh.read(1024 * 1024):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                begin = max(0, exc.start - 32 * 1024)
                return offset + exc.start, chunk[begin : exc.start + 32 * 1024], exc.start - begin
            offset += len(chunk)
    return None


def _guess_encoding(sample: bytes) -> str | None:
    """charset-normalizer's guess for bytes that are not valid UTF-8, as a codec name.

    Its first choice among close candidates is sometimes a rare code page (cp1257 for Western
    text), so a common encoding among its plausible candidates is preferred.
    """
    import codecs

    try:
        from charset_normalizer import from_bytes
    except ImportError:  # not part of a minimal [data] install: the message stays generic
        return None

    matches = from_bytes(sample)
    best = matches.best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    plausible = {codecs.lookup(m.encoding).name for m in matches if m.chaos <= best.chaos + 0.1}
    for common in _COMMON_ENCODINGS:
        if codecs.lookup(common).name in plausible:
            return common
    return codecs.lookup(best.encoding).name


_COMMON_ENCODINGS = ("cp1252", "latin-1", "iso-8859-15", "cp1250", "shift_jis", "gb18030")


def _encoding_error(path: Path, encoding: str, readable: Path | None = None) -> DataError:
    """Say where the file stops being `encoding`, and which --encoding would read it."""
    found = _first_bad_byte(readable, path, encoding) if readable is not None else None
    if found is None:
        return DataError(
            f"{path}: cannot decode the file as {encoding}; re-save it as UTF-8 or pass the "
            "right encoding, e.g. --encoding cp1252"
        )
    offset, window, index = found
    with open_text_bytes(readable, path) as fh:
        head = fh.read(256 * 1024)
    guess = _guess_encoding(head + b"\n" + window)
    bad = window[index]
    where = f"byte 0x{bad:02x} at offset {offset:,} is not valid {encoding}"
    if guess:
        shown = bytes([bad]).decode(guess, errors="replace")
        return DataError(
            f"{path}: cannot decode the file as {encoding} ({where}; in {guess} it is "
            f"'{shown}'). It looks like {guess} (charset-normalizer): pass --encoding {guess}, "
            "or re-save the file as UTF-8"
        )
    return DataError(
        f"{path}: cannot decode the file as {encoding} ({where}); re-save it as UTF-8 or pass "
        "the right encoding, e.g. --encoding cp1252"
    )


def _sniff_delimiter(path: Path, text: str) -> str:
    if _inner_suffix(path) in TAB_SUFFIXES:
        return "\t"
    stripped = text.lstrip()
    if stripped[:1] in ("{", "[", "<"):
        kind = "JSON" if stripped[:1] in "{[" else "HTML/XML"
        raise DataError(
            f"{path}: looks like {kind}, not a table; expected {SUPPORTED_TEXT} with a header row"
        )
    lines = [line for line in text.splitlines() if line.strip()][:20]
    if len(text) == _SNIFF_BYTES and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut by the sniff window
    best, best_fields = ",", 1
    for delimiter in _DELIMITERS:
        try:
            counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:
            continue
        if counts and counts[0] > best_fields and all(c == counts[0] for c in counts):
            best, best_fields = delimiter, counts[0]
    return best


def _parse_error_message(path: Path, exc: Exception) -> str:
    text = str(exc)
    match = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", text)
    if match:
        expected, line, saw = match.groups()
        return (
            f"{path}: not a well-formed table: line {line} has {saw} fields but the header has "
            f"{expected}. Check the delimiter and quoting, or that this is really a data table."
        )
    return (
        f"{path}: not a well-formed table: {text.strip().splitlines()[-1] if text.strip() else exc}"
    )


def read_header(path: str | Path, *, encoding: str | None = None) -> list[str]:
    """The column names of a data file, reading only its first rows."""
    return list(load_table(path, encoding=encoding, nrows=0, allow_no_rows=True).columns)


def load_table(
    path: str | Path,
    *,
    columns: Iterable[str] | None = None,
    encoding: str | None = None,
    nrows: int | None = None,
    allow_no_rows: bool = False,
) -> pd.DataFrame:
    """Read a data file into a DataFrame (only `columns`, if given), or raise DataError."""

    path = Path(path)
    readable = _check_file(path)
    wanted = list(columns) if columns is not None else None
    if _inner_suffix(path) in PARQUET_SUFFIXES:
        frame = _read_parquet(readable, path, wanted)
        if nrows is not None:
            frame = frame.head(nrows)
    else:
        frame = _read_text(readable, path, wanted, encoding, nrows)
    if frame.shape[1] == 0:
        raise DataError(f"{path}: the file has no columns")
    if frame.shape[0] == 0 and not allow_no_rows:
        raise DataError(f"{path}: the file has a header but no data rows")
    frame.columns = [str(c) for c in frame.columns]
    notes = _decimal_commas(frame) + _infinities(frame)
    frame.attrs[NOTES_ATTR] = notes
    return frame


def load_notes(frame: pd.DataFrame) -> list[str]:
    """What the loader changed while reading (decimal commas, infinities), for the report."""
    return list(frame.attrs.get(NOTES_ATTR, []))


def _read_text(
    readable: Path, path: Path, wanted: list[str] | None, encoding: str | None, nrows: int | None
) -> pd.DataFrame:
    import pandas as pd

    head = _head_bytes(readable, path)
    enc = _detect_encoding(path, head, encoding)
    sep = ","
    if head:
        text = _decode_head(path, head, enc, readable)
        if not text.strip():
            raise DataError(f"{path}: the file is empty (only whitespace)")
        sep = _sniff_delimiter(path, text)
    try:
        with open_text_bytes(readable, path, watch_memory=True) as stream:
            return pd.read_csv(
                stream,
                sep=sep,
                encoding=enc,
                usecols=wanted,
                nrows=nrows,
                low_memory=False,
                compression=None,
            )
    except MemoryLimitError as exc:
        raise DataError(
            f"{path}: {exc}. The file is too large to check in memory: check a sample, or "
            "convert it to Parquet with only the columns you need"
        ) from exc
    except DataError:
        raise
    except UnicodeDecodeError as exc:
        raise _encoding_error(path, enc, readable) from exc
    except LookupError as exc:
        raise DataError(f"unknown encoding '{enc}'") from exc
    except pd.errors.EmptyDataError as exc:
        raise DataError(f"{path}: the file is empty (no header row)") from exc
    except pd.errors.ParserError as exc:
        raise DataError(_parse_error_message(path, exc)) from exc
    except (OSError, EOFError, lzma.LZMAError, zipfile.BadZipFile) as exc:
        raise DataError(f"{path}: cannot read: {exc}") from exc
    except (ValueError, ImportError) as exc:
        raise DataError(f"{path}: cannot read as a table: {exc}") from exc


# "12,5", "-0,25", "1.234,56": a number written with a decimal comma (and optional dot thousands).
_DECIMAL_COMMA = re.compile(r"^\s*[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?\s*$")
_HAS_COMMA = re.compile(r",\d")


def _decimal_commas(frame: pd.DataFrame) -> list[str]:
    """Text columns that are numbers written with a decimal comma become numbers, with a note.

    A column qualifies when every value looks like such a number and at least one has a comma
    decimal part — "1,5" in a ';'-separated file, or a quoted "1,5" in a ','-separated one.
    """
    import pandas as pd

    converted = []
    for col in frame.columns:
        series = frame[col]
        if not (
            pd.api.types.is_object_dtype(series.dtype) or pd.api.types.is_string_dtype(series.dtype)
        ):
            continue
        values = series.dropna()
        if values.empty:
            continue
        head = values.head(1000).astype(str)
        if not head.str.match(_DECIMAL_COMMA).all() or not head.str.contains(_HAS_COMMA).any():
            continue
        text = values.astype(str)
        if not text.str.match(_DECIMAL_COMMA).all():
            continue
        numbers = pd.to_numeric(
            text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        )
        frame[col] = numbers.reindex(series.index)
        example = next(v.strip() for v in head if "," in v)
        value = float(example.replace(".", "").replace(",", "."))
        converted.append(f"'{col}' (e.g. '{example}' → {value:g})")
    if not converted:
        return []
    return [
        "read as numbers written with a decimal comma: "
        + ", ".join(converted[:8])
        + (f" and {len(converted) - 8} more" if len(converted) > 8 else "")
    ]


def _infinities(frame: pd.DataFrame) -> list[str]:
    """±inf in a numeric column becomes missing (no check or model can use it), with a note."""
    import numpy as np
    import pandas as pd

    found = []
    for col in frame.columns:
        series = frame[col]
        if not pd.api.types.is_float_dtype(series.dtype):
            continue
        infinite = np.isinf(series.to_numpy(dtype="float64", na_value=np.nan))
        count = int(infinite.sum())
        if count:
            frame[col] = series.mask(infinite)
            found.append(f"'{col}' ({count:,})")
    if not found:
        return []
    return [
        "infinite values (inf / -inf) treated as missing: "
        + ", ".join(found[:8])
        + (f" and {len(found) - 8} more" if len(found) > 8 else "")
    ]


def _read_parquet(readable: Path, path: Path, columns: list[str] | None) -> pd.DataFrame:
    import pandas as pd

    with readable.open("rb") as fh:
        magic = fh.read(4)
    if magic != b"PAR1":
        raise DataError(f"{path}: not a Parquet file (the file does not start with 'PAR1')")
    try:
        return pd.read_parquet(readable, columns=columns)
    except Exception as exc:  # pyarrow raises many exception types for corrupt files
        raise DataError(f"{path}: cannot read the Parquet file: {exc}") from exc


def require_columns(available: list[str], wanted: dict[str, str], source: str | Path) -> None:
    """Raise DataError naming the missing column, the closest existing name and the columns."""
    for role, name in wanted.items():
        if name in available:
            continue
        folded = {c.strip().lower(): c for c in available}
        close = folded.get(name.strip().lower())
        if close is None:
            matches = difflib.get_close_matches(name, available, n=1, cutoff=0.6)
            close = matches[0] if matches else None
        hint = f" Did you mean '{close}'?" if close else ""
        shown = ", ".join(available[:30]) + (
            f", … ({len(available)} in all)" if len(available) > 30 else ""
        )
        extra = ""
        if len(available) == 1:
            extra = (
                " The file was read as a single column: is the delimiter right, and is it a table?"
            )
        raise DataError(
            f"{role} column '{name}' not found in {source}.{hint} Columns: {shown}.{extra}"
        )
