"""Get bytes out of whatever the user named, within limits: files, pipes, devices, archives.

Two hostile cases shape this module. A small compressed file can expand to gigabytes (a
"decompression bomb"), and a path can name something that is not a regular file at all — a named
pipe, `/dev/zero`, a symlink to `/dev/urandom`, or `<(zcat data.csv.gz)` from the shell. Text is
therefore read through a reader that counts decompressed bytes and stops at a limit with the
numbers, and streams are copied once (bounded) into a temporary file that the rest of the loader
reads like any other file.
"""

from __future__ import annotations

import atexit
import bz2
import gzip
import io
import lzma
import os
import select
import stat
import tempfile
import zipfile
from pathlib import Path
from typing import BinaryIO

from coach.data.errors import DataError

COMPRESSIONS = {".gz": "gzip", ".bz2": "bz2", ".zip": "zip", ".xz": "xz", ".zst": "zstd"}
# Environment overrides (bytes): the most decompressed text, and the most bytes read from a stream.
MAX_BYTES_ENV = "COACH_DATA_MAX_BYTES"
# A compressed file expanding by more than this factor *and* past RATIO_FLOOR bytes is a bomb,
# not data: real CSVs compress 3-20×; very repetitive ones reach ~100×.
MAX_RATIO = 100
RATIO_FLOOR = 64 * 1024**2
# Environment override (bytes): the most memory this process may reach while parsing text.
MAX_MEMORY_ENV = "COACH_DATA_MAX_MEMORY"
_MEMORY_CHECK_EVERY = 8 * 1024**2
# Seconds to wait for the first bytes (and between chunks) of a pipe before giving up.
STREAM_TIMEOUT = 30.0
_CHUNK = 1024 * 1024
_spooled: dict[str, Path] = {}


def human_bytes(count: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if count < 1024 or unit == "GB":
            return f"{count:,.0f} {unit}" if unit == "bytes" else f"{count:.1f} {unit}"
        count /= 1024
    return f"{count:.1f} GB"  # pragma: no cover - loop always returns


def _available_memory() -> int | None:
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def max_text_bytes() -> tuple[int, str]:
    """The most (decompressed) text the in-memory loader accepts, and where the limit comes from.

    pandas needs several times a CSV's size in memory once it is parsed, so the default is a
    sixth of the memory available now (at least 256 MB); COACH_DATA_MAX_BYTES overrides it.
    """
    raw = os.environ.get(MAX_BYTES_ENV, "").strip()
    if raw:
        try:
            value = int(float(raw))
        except ValueError as exc:
            raise DataError(f"{MAX_BYTES_ENV}={raw!r} is not a number of bytes") from exc
        if value > 0:
            return value, f"{MAX_BYTES_ENV}={value}"
    available = _available_memory()
    if available is None:
        return 4 * 1024**3, "the default of 4 GB"
    limit = max(256 * 1024**2, available // 6)
    return limit, f"a sixth of the {human_bytes(available)} of memory available"


def _rss() -> int:
    """This process's resident memory in bytes (0 where /proc is not available)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def max_memory() -> tuple[int, str]:
    """The resident memory at which reading stops with a message instead of swapping or being
    killed: COACH_DATA_MAX_MEMORY, else what the process uses now plus 60% of what is free."""
    raw = os.environ.get(MAX_MEMORY_ENV, "").strip()
    if raw:
        try:
            return int(float(raw)), f"{MAX_MEMORY_ENV}={raw}"
        except ValueError as exc:
            raise DataError(f"{MAX_MEMORY_ENV}={raw!r} is not a number of bytes") from exc
    available = _available_memory()
    if available is None:
        return 8 * 1024**3, "the default of 8 GB"
    return _rss() + int(available * 0.6), "60% of the memory that was free"


def compression_of(path: Path) -> str | None:
    return COMPRESSIONS.get(path.suffix.lower())


def describe_kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a regular file"


class MemoryLimitError(DataError):
    """Parsing the text made the process reach its memory limit."""

    def __init__(self, read: int, used: int, limit: int, source: str) -> None:
        super().__init__(
            f"memory use reached {human_bytes(used)} after reading {human_bytes(read)} of text, "
            f"past the limit of {human_bytes(limit)} ({source}); reading stopped"
        )


class CappedReader(io.RawIOBase):
    """A read-only stream that raises DataError once more than `limit` bytes came through."""

    def __init__(
        self, inner: BinaryIO, limit: int, describe, memory: tuple[int, str] | None = None
    ) -> None:
        self._inner = inner
        self._limit = limit
        self._describe = describe  # (bytes read so far) -> the error message
        self._memory = memory  # (resident bytes, where the limit comes from), or None
        self._next_check = _MEMORY_CHECK_EVERY
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._inner.read(len(buffer))
        size = len(data)
        buffer[:size] = data
        self.count += size
        if self.count > self._limit:
            raise DataError(self._describe(self.count))
        if self._memory and self.count >= self._next_check:
            self._next_check = self.count + _MEMORY_CHECK_EVERY
            used = _rss()
            if used > self._memory[0]:
                raise MemoryLimitError(self.count, used, *self._memory)
        return size

    def close(self) -> None:
        try:
            self._inner.close()
        finally:
            super().close()


def _decompressor(path: Path, compression: str | None) -> BinaryIO:
    if compression == "gzip":
        return gzip.open(path, "rb")
    if compression == "bz2":
        return bz2.open(path, "rb")
    if compression == "xz":
        return lzma.open(path, "rb")
    if compression == "zip":
        archive = zipfile.ZipFile(path)
        names = [n for n in archive.namelist() if not n.endswith("/")]
        if len(names) != 1:
            archive.close()
            raise DataError(
                f"{path}: a zip archive must hold exactly one data file (found {len(names)})"
            )
        return archive.open(names[0])
    if compression == "zstd":
        try:
            import zstandard
        except ImportError as exc:
            raise DataError(
                f"{path}: reading .zst files needs the 'zstandard' package; decompress it first "
                "(zstd -d) or install zstandard"
            ) from exc
        return zstandard.ZstdDecompressor().stream_reader(path.open("rb"), closefd=True)
    return path.open("rb")


def open_text_bytes(
    path: Path, shown: Path | None = None, *, watch_memory: bool = False
) -> BinaryIO:
    """The file's (decompressed) bytes as a buffered stream that stops at the size limits
    (and, with `watch_memory`, when the process's memory passes its limit).

    `shown` is the name to use in messages (the user's path when `path` is a spooled copy).
    """
    shown = shown or path
    compression = compression_of(shown)
    limit, source = max_text_bytes()
    packed = path.stat().st_size
    if compression is None and packed > limit:
        raise DataError(_too_big(shown, packed, limit, source))
    ratio_limit = max(RATIO_FLOOR, MAX_RATIO * packed) if compression else limit
    cap = min(limit, ratio_limit)

    def describe(count: int) -> str:
        if compression and count > ratio_limit and ratio_limit < limit:
            return (
                f"{shown}: stopped reading: the {human_bytes(packed)} {compression} file expands "
                f"to more than {human_bytes(count)} (over {MAX_RATIO}× its size), which looks "
                "like a decompression bomb, not a data table. Decompress it yourself and check "
                "the result if it is genuine."
            )
        return _too_big(shown, count, limit, source, expanded=compression is not None)

    try:
        inner = _decompressor(path, compression)
    except DataError:
        raise
    except (OSError, EOFError, lzma.LZMAError, zipfile.BadZipFile) as exc:
        raise DataError(
            f"{shown}: cannot decompress as {compression}: {exc}. Is the file complete and is "
            "the extension right?"
        ) from exc
    memory = max_memory() if watch_memory else None
    return io.BufferedReader(CappedReader(inner, cap, describe, memory), buffer_size=_CHUNK)


def check_expansion(path: Path, shown: Path) -> None:
    """Decompress once without parsing (constant memory) to find a bomb before pandas holds
    its rows: raises DataError when the text passes the limits."""
    if compression_of(shown) is None:
        return
    key = (str(path), path.stat().st_mtime_ns)
    if key in _expansion_checked:
        return
    with open_text_bytes(path, shown) as stream:
        while stream.read(_CHUNK):
            pass
    _expansion_checked.add(key)


_expansion_checked: set[tuple[str, int]] = set()


def _too_big(shown: Path, count: int, limit: int, source: str, *, expanded: bool = False) -> str:
    what = "expands to more than" if expanded else "holds"
    return (
        f"{shown}: {what} {human_bytes(count)} of text, more than the {human_bytes(limit)} "
        f"this check reads into memory ({source}). Check a sample (e.g. the first million rows), "
        f"convert it to Parquet with only the columns you need, or raise {MAX_BYTES_ENV}."
    )


def regular_file(path: Path) -> Path:
    """`path` itself when it is a regular file; for a pipe or a character device, a temporary
    regular copy of what it delivers (read once per process, bounded, deleted at exit).

    Raises DataError for what cannot hold a table: directories, block devices, sockets, devices
    that deliver binary data (`/dev/zero`, `/dev/urandom`), and streams past the size limit.
    """
    try:
        mode = path.stat().st_mode  # follows symlinks: a link to /dev/urandom is a device
    except FileNotFoundError as exc:
        raise DataError(f"{path}: no such file") from exc
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    kind = describe_kind(mode)
    if kind is None:
        return path
    target = f" (a link to {os.path.realpath(path)})" if path.is_symlink() else ""
    if stat.S_ISDIR(mode):
        raise DataError(f"{path}: is a directory, not a data file")
    if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
        raise DataError(f"{path}{target}: is {kind}, not a data file")
    key = str(path)
    if key in _spooled and _spooled[key].exists():
        return _spooled[key]
    copy = _spool(path, kind, target)
    _spooled[key] = copy
    return copy


def _spool(path: Path, kind: str, target: str) -> Path:
    limit, source = max_text_bytes()
    compression = compression_of(path)
    suffix = "".join(path.suffixes[-2:]) if compression else path.suffix
    handle, name = tempfile.mkstemp(prefix="coach-stream-", suffix=suffix)
    copy = Path(name)
    atexit.register(_remove, copy)
    total = 0
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        os.close(handle)
        raise DataError(f"{path}{target}: cannot read {kind}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(handle, "wb") as out:
            while True:
                ready, _, _ = select.select([fd], [], [], STREAM_TIMEOUT)
                if not ready:
                    raise DataError(
                        f"{path}{target}: is {kind}, and nothing arrived for {STREAM_TIMEOUT:.0f} s "
                        f"after {human_bytes(total)}; is anything writing to it?"
                    )
                try:
                    chunk = os.read(fd, _CHUNK)
                except BlockingIOError:
                    continue
                if not chunk:
                    break
                if total == 0 and not compression and _looks_binary(chunk[:4096]):
                    raise DataError(
                        f"{path}{target}: is {kind} that delivers binary data (NUL or control "
                        "bytes among its first bytes), not a text table"
                    )
                total += len(chunk)
                if total > limit:
                    raise DataError(
                        f"{path}{target}: is {kind}; stopped reading after {human_bytes(total)}, "
                        f"more than the {human_bytes(limit)} this check reads ({source}). An "
                        "endless device such as /dev/zero never ends; save real data to a file."
                    )
                out.write(chunk)
    except BaseException:
        _remove(copy)
        raise
    finally:
        os.close(fd)
    if total == 0:
        _remove(copy)
        raise DataError(f"{path}{target}: is {kind}, and it delivered no data (0 bytes)")
    return copy


_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 13))


def _looks_binary(head: bytes) -> bool:
    """NUL bytes, or more than a tenth control characters: not text in any common encoding."""
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls > 0.1 * max(1, len(head))


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)
