"""Read a dataset (CSV, TSV, Parquet, compressed CSV) into a DataFrame, or fail with a clear message.

Everything that can go wrong with a user's file — missing, empty, binary, wrong encoding, ragged
rows, not a table at all — becomes a `DataError` that says what is wrong and what to do; nothing
here lets a parser traceback reach the user.
"""

from __future__ import annotations

import bz2
import csv
import difflib
import gzip
import lzma
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from coach.data.errors import DataError

if TYPE_CHECKING:
    import pandas as pd

COMPRESSIONS = {".gz": "gzip", ".bz2": "bz2", ".zip": "zip", ".xz": "xz", ".zst": "zstd"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
TAB_SUFFIXES = {".tsv", ".tab"}
SUPPORTED_TEXT = "CSV, TSV, Parquet, or CSV compressed with gzip/bz2/zip/xz/zstd"
_SNIFF_BYTES = 64 * 1024
_DELIMITERS = [",", "\t", ";", "|"]


def _compression(path: Path) -> str | None:
    return COMPRESSIONS.get(path.suffix.lower())


def _inner_suffix(path: Path) -> str:
    """The format suffix, under any compression suffix: data.csv.gz -> .csv."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in COMPRESSIONS:
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _check_file(path: Path) -> None:
    if not path.exists():
        raise DataError(f"{path}: no such file")
    if path.is_dir():
        raise DataError(f"{path}: is a directory, not a data file ({SUPPORTED_TEXT})")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if size == 0:
        raise DataError(f"{path}: the file is empty (0 bytes)")


def _head_bytes(path: Path) -> bytes:
    """The first bytes of the (decompressed) file, for sniffing."""
    compression = _compression(path)
    try:
        if compression == "gzip":
            with gzip.open(path, "rb") as fh:
                return fh.read(_SNIFF_BYTES)
        if compression == "bz2":
            with bz2.open(path, "rb") as fh:
                return fh.read(_SNIFF_BYTES)
        if compression == "xz":
            with lzma.open(path, "rb") as fh:
                return fh.read(_SNIFF_BYTES)
        if compression == "zip":
            with zipfile.ZipFile(path) as zf:
                names = [n for n in zf.namelist() if not n.endswith("/")]
                if len(names) != 1:
                    raise DataError(
                        f"{path}: a zip archive must hold exactly one data file "
                        f"(found {len(names)})"
                    )
                with zf.open(names[0]) as fh:
                    return fh.read(_SNIFF_BYTES)
        if compression == "zstd":
            return b""  # no standard-library reader: let pandas decide
        with path.open("rb") as fh:
            return fh.read(_SNIFF_BYTES)
    except DataError:
        raise
    except (OSError, EOFError, lzma.LZMAError, zipfile.BadZipFile) as exc:
        raise DataError(
            f"{path}: cannot decompress as {compression}: {exc}. Is the file complete and is the "
            "extension right?"
        ) from exc


def _detect_encoding(path: Path, head: bytes, encoding: str | None) -> str:
    if encoding:
        return encoding
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return "utf-8"


def _decode_head(path: Path, head: bytes, encoding: str) -> str:
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
        raise _encoding_error(path, encoding, exc) from exc


def _encoding_error(path: Path, encoding: str, exc: UnicodeDecodeError) -> DataError:
    return DataError(
        f"{path}: cannot decode the file as {encoding} (byte 0x{exc.object[exc.start]:02x} at "
        f"position {exc.start} of a chunk is not valid {encoding}); re-save it as UTF-8 or pass "
        "the right encoding, e.g. --encoding latin-1"
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
    import pandas as pd

    path = Path(path)
    _check_file(path)
    wanted = list(columns) if columns is not None else None
    if _inner_suffix(path) in PARQUET_SUFFIXES:
        frame = _read_parquet(path, wanted)
        if nrows is not None:
            frame = frame.head(nrows)
    else:
        head = _head_bytes(path)
        enc = _detect_encoding(path, head, encoding)
        sep = ","
        if head:
            text = _decode_head(path, head, enc)
            if not text.strip():
                raise DataError(f"{path}: the file is empty (only whitespace)")
            sep = _sniff_delimiter(path, text)
        try:
            frame = pd.read_csv(
                path,
                sep=sep,
                encoding=enc,
                usecols=wanted,
                nrows=nrows,
                low_memory=False,
                compression="infer",
            )
        except UnicodeDecodeError as exc:
            raise _encoding_error(path, enc, exc) from exc
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
    if frame.shape[1] == 0:
        raise DataError(f"{path}: the file has no columns")
    if frame.shape[0] == 0 and not allow_no_rows:
        raise DataError(f"{path}: the file has a header but no data rows")
    frame.columns = [str(c) for c in frame.columns]
    return frame


def _read_parquet(path: Path, columns: list[str] | None) -> pd.DataFrame:
    import pandas as pd

    with path.open("rb") as fh:
        magic = fh.read(4)
    if magic != b"PAR1":
        raise DataError(f"{path}: not a Parquet file (the file does not start with 'PAR1')")
    try:
        return pd.read_parquet(path, columns=columns)
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
