"""Source lines around a finding, for the lint screen. No Textual here.

Scripts are read as text; notebooks by cell (cells numbered from 1 in notebook order, markdown
cells included, as the linter reports them). Anything unreadable gives no snippet, never an error:
the finding itself is still shown.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from coach.models import Location


@lru_cache(maxsize=64)
def _script_lines(path: str) -> tuple[str, ...] | None:
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    if len(data) > 5_000_000:
        return None
    return tuple(data.decode("utf-8", errors="replace").splitlines())


@lru_cache(maxsize=16)
def _notebook_cells(path: str) -> tuple[tuple[str, ...], ...] | None:
    try:
        raw = json.loads(Path(path).read_bytes())
        cells = raw["cells"] if isinstance(raw, dict) else None
    except (OSError, ValueError, KeyError):
        return None
    if not isinstance(cells, list):
        return None
    out = []
    for cell in cells:
        source = cell.get("source", "") if isinstance(cell, dict) else ""
        text = "".join(source) if isinstance(source, list) else str(source)
        out.append(tuple(text.splitlines()))
    return tuple(out)


def source_lines(location: Location, base: Path | None = None) -> tuple[str, ...] | None:
    """All lines of the file (or of the notebook cell) the location points into."""
    path = Path(location.path)
    if base is not None and not path.is_absolute() and not path.exists():
        path = base / path
    if location.cell is not None or path.suffix == ".ipynb":
        cells = _notebook_cells(str(path))
        if cells is None or location.cell is None or not 1 <= location.cell <= len(cells):
            return None
        return cells[location.cell - 1]
    return _script_lines(str(path))


def snippet(
    location: Location, context: int = 2, base: Path | None = None
) -> list[tuple[int, str]] | None:
    """[(line number, text)] from `context` lines before the location to `context` after."""
    if not location.line:
        return None
    lines = source_lines(location, base)
    if not lines or location.line > len(lines):
        return None
    end_line = max(location.end_line or location.line, location.line)
    first = max(1, location.line - context)
    last = min(len(lines), end_line + context)
    return [(number, lines[number - 1]) for number in range(first, last + 1)]


def clear_cache() -> None:
    _script_lines.cache_clear()
    _notebook_cells.cache_clear()
