"""Finding the files to lint and loading each one into a `SourceFile`.

Real repositories are messy, so every problem here is *per file*: a file that cannot be read,
decoded or parsed becomes a `FileReport` with a status and a one-line reason, and the run goes on.

Limits (documented in `coach lint --help` and the README):
- at most `max-file-size` bytes of code per file (default 2 MB). For notebooks this counts the code
  cells only, after outputs are dropped, so a 5 MB notebook that is mostly plots is still analysed;
- notebooks are not read at all above 25x that size (default 50 MB on disk), to bound memory.
"""

from __future__ import annotations

import ast
import codecs
import os
import re
import stat
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

from coach.lint.model import FileReport, FileStatus, SourceFile
from coach.lint.notebook import (
    NotebookError,
    cell_outputs,
    exported_cells,
    neutralise_script_magics,
    notebook_code,
    notebook_language,
    parse_notebook_json,
)

DEFAULT_MAX_CODE_BYTES = 2_000_000
NOTEBOOK_READ_FACTOR = 25
MAX_BROKEN_CELLS = 20  # a notebook with more cells in error is reported as a syntax-error
SOURCE_SUFFIXES = frozenset({".py", ".ipynb"})
# Folders that never hold the user's own training code (ruff skips much the same set).
DEFAULT_EXCLUDED_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".bzr",
        ".venv",
        "venv",
        ".env",
        ".tox",
        ".nox",
        ".direnv",
        "node_modules",
        "__pycache__",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        ".ipynb_checkpoints",
        ".eggs",
        "site-packages",
        "__pypackages__",
        "build",
        "dist",
        "_build",
    }
)
_CODING_COOKIE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_PY2_HINTS = ("Missing parentheses in call to 'print'", "Missing parentheses in call to 'exec'")


class PathError(Exception):
    """A path given on the command line does not exist (a usage error, exit code 2)."""


@dataclass(frozen=True)
class Candidate:
    """A file to lint: where it is, how it is shown to the user, and whether it was named."""

    path: Path
    display: str
    explicit: bool = False


@dataclass
class Discovery:
    files: list[Candidate] = field(default_factory=list)
    skipped: list[FileReport] = field(default_factory=list)  # named files we will not lint
    notes: list[str] = field(default_factory=list)  # e.g. symlink loops that were cut


def display_path(path: Path, cwd: Path) -> str:
    """The path as the user should see it: relative to the current directory when inside it."""
    try:
        return path.relative_to(cwd).as_posix()
    except ValueError:
        absolute = path if path.is_absolute() else cwd / path
        try:
            return absolute.relative_to(cwd).as_posix()
        except ValueError:
            return absolute.as_posix()


# --------------------------------------------------------------------------- discovery


@dataclass(frozen=True)
class _IgnoreSpec:
    base: Path
    spec: pathspec.PathSpec

    def matches(self, path: Path, is_dir: bool) -> bool:
        try:
            rel = path.relative_to(self.base).as_posix()
        except ValueError:
            return False
        return self.spec.match_file(rel + "/" if is_dir else rel)


def _read_gitignore(directory: Path) -> _IgnoreSpec | None:
    lines: list[str] = []
    for name in (".gitignore", ".git/info/exclude"):
        try:
            lines += (directory / name).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
    if not lines:
        return None
    return _IgnoreSpec(directory, pathspec.GitIgnoreSpec.from_lines(lines))


def _repo_root(start: Path) -> Path | None:
    for directory in (start, *start.parents):
        if (directory / ".git").exists():
            return directory
    return None


def _ancestor_gitignores(directory: Path) -> list[_IgnoreSpec]:
    """`.gitignore` files of the folders above `directory`, up to the repository's root."""
    root = _repo_root(directory)
    if root is None:
        return []
    chain = [directory, *directory.parents]
    chain = chain[: chain.index(root) + 1] if root in chain else [directory]
    specs = [_read_gitignore(d) for d in reversed(chain[1:])]
    return [s for s in specs if s is not None]


class Walker:
    """Walks folders without following a symlink into a folder it has already visited."""

    def __init__(
        self,
        cwd: Path,
        exclude: pathspec.PathSpec | None,
        exclude_base: Path,
        respect_gitignore: bool,
    ) -> None:
        self.cwd = cwd
        self.exclude = exclude
        self.exclude_base = exclude_base
        self.respect_gitignore = respect_gitignore
        self.visited: set[tuple[int, int]] = set()
        self.seen_files: set[tuple[int, int]] = set()
        self.result = Discovery()

    def excluded(self, path: Path, is_dir: bool) -> bool:
        if self.exclude is None:
            return False
        absolute = path if path.is_absolute() else self.cwd / path
        candidates = [path.name + ("/" if is_dir else "")]
        for base in (self.exclude_base, self.cwd):
            try:
                rel = absolute.relative_to(base).as_posix()
            except ValueError:
                continue
            candidates.append(rel + "/" if is_dir else rel)
        return any(self.exclude.match_file(c) for c in candidates)

    def add_file(self, path: Path, explicit: bool) -> None:
        try:
            info = path.stat()
        except OSError:
            info = None  # broken link or loop: the loader reports it
        if info is not None:
            key = (info.st_dev, info.st_ino)
            if key in self.seen_files:
                return
            self.seen_files.add(key)
        self.result.files.append(Candidate(path, display_path(path, self.cwd), explicit))

    def walk(self, directory: Path, ignores: list[_IgnoreSpec]) -> None:
        """Depth-first in name order, with an explicit stack instead of recursion: a tree nested
        a thousand folders deep must not hit Python's recursion limit."""
        stack = [(directory, ignores)]
        while stack:
            current, inherited = stack.pop()
            stack.extend(reversed(self._walk_one(current, inherited)))

    def _walk_one(
        self, directory: Path, ignores: list[_IgnoreSpec]
    ) -> list[tuple[Path, list[_IgnoreSpec]]]:
        """Add the files of one folder; return its subfolders to walk next."""
        try:
            info = directory.stat()
        except OSError as exc:
            self.result.notes.append(f"{display_path(directory, self.cwd)}: cannot enter: {exc}")
            return []
        key = (info.st_dev, info.st_ino)
        if key in self.visited:
            self.result.notes.append(
                f"{display_path(directory, self.cwd)}: skipped (symbolic link to a folder "
                "already visited — a loop or a duplicate)"
            )
            return []
        self.visited.add(key)
        if self.respect_gitignore:
            own = _read_gitignore(directory)
            if own is not None:
                ignores = [*ignores, own]
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            self.result.notes.append(f"{display_path(directory, self.cwd)}: cannot list: {exc}")
            return []
        subdirs: list[Path] = []
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                if entry.name in DEFAULT_EXCLUDED_DIRS or entry.name.endswith(".egg-info"):
                    continue
                if self.excluded(path, True) or any(s.matches(path, True) for s in ignores):
                    continue
                subdirs.append(path)
                continue
            if Path(entry.name).suffix not in SOURCE_SUFFIXES:
                continue
            if self.excluded(path, False) or any(s.matches(path, False) for s in ignores):
                continue
            self.add_file(path, explicit=False)
        return [(sub, ignores) for sub in subdirs]


def discover(
    paths: Sequence[str | Path],
    *,
    cwd: Path | None = None,
    exclude: Iterable[str] = (),
    exclude_base: Path | None = None,
    respect_gitignore: bool = True,
    force_exclude: bool = False,
) -> Discovery:
    """The files to lint under `paths`, in a stable order.

    Folders are walked (honouring `.gitignore`, `exclude` patterns and the default excluded folders);
    files named explicitly are always linted, unless `force_exclude` is set (what pre-commit wants:
    it names every staged file, excluded or not).
    """
    cwd = (cwd or Path.cwd()).resolve()
    patterns = [p for p in exclude if p.strip()]
    spec = pathspec.GitIgnoreSpec.from_lines(patterns) if patterns else None
    walker = Walker(cwd, spec, (exclude_base or cwd), respect_gitignore)
    for raw in paths:
        path = Path(raw)
        path = path if path.is_absolute() else cwd / path
        if not os.path.lexists(path):
            raise PathError(f"{raw}: no such file or directory")
        try:
            is_dir = path.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            ignores = _ancestor_gitignores(path.resolve()) if respect_gitignore else []
            if any(spec.matches(path.resolve(), True) for spec in ignores):
                # The user named a folder that .gitignore excludes (e.g. .venv/lib/...): lint it,
                # honouring only the .gitignore files inside it, as ripgrep and ruff do.
                ignores = []
            walker.walk(path, _rebase(ignores, path))
            continue
        if force_exclude:
            ancestors = _ancestor_gitignores(path.resolve().parent) if respect_gitignore else []
            own = _read_gitignore(path.resolve().parent) if respect_gitignore else None
            specs = _rebase([*ancestors, *([own] if own else [])], path.parent)
            if walker.excluded(path, False) or any(s.matches(path, False) for s in specs):
                continue
            if any(part in DEFAULT_EXCLUDED_DIRS for part in Path(display_path(path, cwd)).parts):
                continue
        if path.suffix not in SOURCE_SUFFIXES:
            walker.result.skipped.append(
                FileReport(
                    path=display_path(path, cwd),
                    status="skipped",
                    detail="not a Python file or notebook (.py, .ipynb)",
                )
            )
            continue
        walker.add_file(path, explicit=True)
    return walker.result


def _rebase(specs: list[_IgnoreSpec], path: Path) -> list[_IgnoreSpec]:
    """Specs read from resolved folders, re-anchored so they match the unresolved `path`."""
    resolved = path.resolve()
    out = []
    for spec in specs:
        try:
            rel = resolved.relative_to(spec.base)
        except ValueError:
            out.append(spec)
            continue
        base = path
        for _ in rel.parts:
            base = base.parent
        out.append(_IgnoreSpec(base, spec.spec))
    return out


# --------------------------------------------------------------------------- loading


@dataclass
class Loaded:
    """A file made ready for analysis, or the reason it cannot be analysed."""

    report: FileReport
    source: SourceFile | None = None
    tree: ast.Module | None = None
    original_lines: list[str] | None = None  # the user's lines, when `text` differs (notebooks)
    notes: list[str] = field(default_factory=list)

    def line(self, number: int) -> str:
        """Line `number` (1-based, in `text` coordinates) as the user wrote it."""
        if self.original_lines is not None:
            lines = self.original_lines
        elif self.source is not None:
            lines = self.source.text.split("\n")
            self.original_lines = lines
        else:
            return ""
        return lines[number - 1] if 0 < number <= len(lines) else ""


def _failed(display: str, status: FileStatus, detail: str, lines: int = 0) -> Loaded:
    return Loaded(FileReport(path=display, status=status, detail=detail, lines=lines))


def _size_text(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or mostly control characters: not source code whatever its name says."""
    if b"\x00" in data:
        return True
    sample = data[:8192]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > 0.05


def decode_source(data: bytes) -> tuple[str, str | None]:
    """Text of a Python file and a note when the encoding was guessed.

    Order: UTF-8 (with or without BOM); the PEP 263 coding cookie in the first two lines;
    otherwise Latin-1, which never fails, with a note so the user knows.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        utf8_error = exc
    for line in data.split(b"\n", 2)[:2]:
        match = _CODING_COOKIE.match(line)
        if match:
            encoding = match.group(1).decode("ascii", "replace")
            try:
                return data.decode(encoding), None
            except (LookupError, UnicodeDecodeError):
                break
    note = (
        f"not valid UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}) "
        "and no usable coding declaration: decoded as Latin-1"
    )
    return data.decode("latin-1"), note


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _count_lines(text: str) -> int:
    return text.count("\n") + (0 if not text or text.endswith("\n") else 1)


def _syntax_detail(exc: SyntaxError, source: SourceFile) -> str:
    line = exc.lineno or 0
    cell, cell_line = source.locate(line) if line else (None, 0)
    where = f"cell {cell}, line {cell_line}" if cell is not None else f"line {line}"
    message = exc.msg or "invalid syntax"
    hint = " (Python 2 code? Coach analyses Python 3)" if message.startswith(_PY2_HINTS) else ""
    return f"{where}: {message}{hint}"


def parse_source(source: SourceFile) -> ast.Module:
    """`ast.parse` with the compiler's warnings (invalid escapes ...) kept off the user's screen."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(source.text, filename=source.path)


def _blank_cell(text: str, start: int, end: int) -> str:
    lines = text.split("\n")
    for index in range(start - 1, min(end, len(lines))):
        lines[index] = ""
    return "\n".join(lines)


def _parse_with_cell_fallback(loaded: Loaded) -> None:
    """Parse; in notebooks, a cell with a syntax error is left out (with a note) and the rest is
    analysed, unless most cells are broken (then the whole file is a `syntax-error`)."""
    source = loaded.source
    assert source is not None
    broken: list[str] = []
    while True:
        try:
            loaded.tree = parse_source(source)
            break
        except SyntaxError as exc:
            cell_line = exc.lineno or 0
            span = next((s for s in source.cells if s.start_line <= cell_line <= s.end_line), None)
            too_many = len(broken) + 1 > min(MAX_BROKEN_CELLS, len(source.cells) // 2)
            if span is None or too_many:
                if broken:
                    detail = _syntax_detail(exc, source) + f" (and {len(broken)} other cell(s))"
                else:
                    detail = _syntax_detail(exc, source)
                loaded.report.status = "syntax-error"
                loaded.report.detail = detail
                loaded.source = None
                return
            broken.append(f"cell {span.cell} not analysed: {_syntax_detail(exc, source)}")
            source = source.model_copy(
                update={"text": _blank_cell(source.text, span.start_line, span.end_line)}
            )
    loaded.source = source
    loaded.notes.extend(broken)


def load_file(
    candidate: Candidate, max_code_bytes: int = DEFAULT_MAX_CODE_BYTES, *, parse: bool = True
) -> Loaded:
    """Read, decode and parse one file. Never raises for a problem with the file itself."""
    display = candidate.display
    path = candidate.path
    is_notebook = path.suffix == ".ipynb"
    try:
        info = path.stat()
    except OSError as exc:
        reason = "symbolic link loop" if exc.errno == 40 else exc.strerror or str(exc)
        if os.path.islink(path) and not os.path.exists(path) and exc.errno != 40:
            reason = "broken symbolic link"
        return _failed(display, "unreadable", reason)
    if not stat.S_ISREG(info.st_mode):
        return _failed(display, "unreadable", "not a regular file")
    limit = max_code_bytes * NOTEBOOK_READ_FACTOR if is_notebook else max_code_bytes
    if info.st_size > limit:
        what = "notebook file" if is_notebook else "file"
        return _failed(
            display,
            "too-large",
            f"{what} is {_size_text(info.st_size)}; the limit is {_size_text(limit)} "
            "(raise `max-file-size` in [tool.coach.lint] to analyse it)",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _failed(display, "unreadable", exc.strerror or str(exc))
    except MemoryError:
        return _failed(display, "too-large", "not enough memory to read the file")
    if is_notebook:
        loaded = _load_notebook(display, data, max_code_bytes)
    else:
        loaded = _load_script(display, data)
    if loaded.source is None:
        return loaded
    loaded.source.origin = str(path)
    loaded.report.lines = _count_lines(loaded.source.text)
    if len(loaded.source.text) > max_code_bytes:
        return _failed(
            display,
            "too-large",
            f"{_size_text(len(loaded.source.text))} of code; the limit is "
            f"{_size_text(max_code_bytes)} (raise `max-file-size` in [tool.coach.lint])",
            loaded.report.lines,
        )
    if not parse:
        return loaded
    try:
        _parse_with_cell_fallback(loaded)
    except RecursionError:
        return _failed(
            display,
            "too-large",
            "nested too deeply to parse (an expression or block exceeds the recursion limit)",
            loaded.report.lines,
        )
    except MemoryError:
        return _failed(display, "too-large", "ran out of memory while parsing", loaded.report.lines)
    except ValueError as exc:  # e.g. a NUL byte that slipped through
        return _failed(display, "unreadable", f"cannot parse: {exc}", loaded.report.lines)
    return loaded


def _load_script(display: str, data: bytes) -> Loaded:
    if looks_binary(data):
        return _failed(display, "unreadable", "binary file (not text)")
    text, note = decode_source(data)
    text = _normalise_newlines(text)
    cells = exported_cells(text)
    kind = "exported" if cells else "py"
    loaded = Loaded(FileReport(path=display, status="ok"))
    if note:
        loaded.notes.append(note)
    if cells:
        # Scripts exported by hand sometimes keep raw `!pip install` / `%matplotlib` lines.
        cleaned, changed = neutralise_script_magics(text)
        if changed:
            loaded.original_lines = text.split("\n")
            text = cleaned
    loaded.source = SourceFile(path=display, kind=kind, text=text, cells=cells)
    return loaded


def _load_notebook(display: str, data: bytes, max_code_bytes: int) -> Loaded:
    try:
        notebook = parse_notebook_json(data)
        language = notebook_language(notebook)
        if language is not None and language not in ("python", "python3", "python2", "ipython"):
            return _failed(display, "skipped", f"the notebook's language is {language}, not Python")
        code = notebook_code(notebook)
        outputs = cell_outputs(notebook)
    except NotebookError as exc:
        return _failed(display, "unreadable", str(exc))
    except MemoryError:
        return _failed(display, "too-large", "not enough memory to read the notebook")
    del data
    loaded = Loaded(FileReport(path=display, status="ok"), original_lines=code.original_lines)
    loaded.source = SourceFile(
        path=display, kind="ipynb", text=code.text, cells=code.cells, outputs=outputs
    )
    return loaded
