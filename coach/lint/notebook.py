"""Jupyter notebooks and scripts exported from them, turned into plain Python for the analysis.

Notebook code is IPython, not Python: `%matplotlib inline`, `!pip install x`, `%%time` cells,
`df.head?`. These lines are *neutralised* (replaced by a line of valid Python) rather than removed,
so that every line of the joined text still maps back to exactly one line of one cell. Lines that
wrap ordinary Python in a timing magic (`%time model.fit(X, y)`, a `%%timeit` cell) keep their
Python, because that is often where the model is trained.

Cells are numbered from 1 in the order they appear in the notebook, counting markdown cells too,
because that is the number an editor shows next to the cell.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from coach.lint.model import CellOutput, CellSpan

# Cell magics whose body is ordinary Python run in the kernel: keep the body.
PYTHON_BODY_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug", "memit"})
# Line magics followed by a Python statement: keep the statement.
_STATEMENT_MAGIC = re.compile(
    r"^(?P<indent>[ \t]*)%(?:time|timeit|prun|memit)\b(?P<opts>(?:\s+-[a-zA-Z](?:\s*\d+)?)*)\s+"
    r"(?P<code>\S.*)$"
)
# `name = !cmd`, `name = %magic args`, `name = %%...` -> keep the assignment so the name exists.
_ASSIGNED_MAGIC = re.compile(r"^(?P<lhs>[ \t]*[A-Za-z_][\w.,\s\[\]]*?=)[ \t]*[!%]")
_MAGIC_OR_SHELL = re.compile(r"^[ \t]*(?:%|!|\?)")
_HELP_SUFFIX = re.compile(r"^[ \t]*[A-Za-z_][\w.\[\]()'\"]*\?{1,2}[ \t]*$")
# nbconvert's markers in exported scripts: `# In[3]:` (or `# In[ ]:` for cells never run).
EXPORTED_CELL_MARKER = re.compile(r"^# In\[[ \d]*\]:?[ \t]*$", re.MULTILINE)


class NotebookError(ValueError):
    """The file is not a notebook we can read (bad JSON, no cells, not Python)."""


@dataclass
class CellCode:
    """The Python of a notebook: joined text, line->cell spans, and the user's original lines."""

    text: str
    cells: list[CellSpan]
    original_lines: list[str]  # line i of `text` (1-based i) as the user wrote it
    neutralised: int = 0  # how many IPython-only lines were replaced
    notes: list[str] = field(default_factory=list)


def _neutral_line(indent: str) -> str:
    return f"{indent}pass"


def neutralise_line(line: str) -> str | None:
    """The Python replacement for an IPython-only line, or None if the line is plain Python."""
    if not line or line.isspace():
        return None
    match = _STATEMENT_MAGIC.match(line)
    if match:
        return f"{match['indent']}{match['code']}"
    stripped = line.lstrip(" \t")
    indent = line[: len(line) - len(stripped)]
    if _MAGIC_OR_SHELL.match(line):
        return _neutral_line(indent)
    match = _ASSIGNED_MAGIC.match(line)
    if match and "==" not in match["lhs"]:
        return f"{match['lhs']} None"
    if _HELP_SUFFIX.match(line):
        return _neutral_line(indent)
    return None


def neutralise_cell(source: str) -> tuple[list[str], int]:
    """Lines of one cell with IPython syntax replaced (same number of lines); and how many."""
    lines = source.split("\n")
    changed = 0
    first = lines[0].strip() if lines else ""
    if first.startswith("%%"):
        name = first[2:].split(None, 1)[0] if len(first) > 2 else ""
        if name in PYTHON_BODY_CELL_MAGICS:
            lines[0] = "pass"
            return lines, 1
        # %%bash, %%writefile, %%html, %%sql ...: the body is not Python at all.
        return ["" for _ in lines], len(lines)
    if not _has_candidates(source):
        return lines, 0
    inside = _continued_lines(lines)
    continuation = False
    for index, line in enumerate(lines):
        if inside[index] and not continuation:
            continue
        if continuation:
            continuation = line.rstrip().endswith("\\")
            lines[index] = ""
            changed += 1
            continue
        replacement = neutralise_line(line)
        if replacement is not None:
            continuation = line.rstrip().endswith("\\")
            lines[index] = replacement
            changed += 1
    return lines, changed


def _cell_source(cell: dict) -> str:
    source = cell.get("source", cell.get("input", ""))
    if isinstance(source, list):
        source = "".join(str(part) for part in source)
    if not isinstance(source, str):
        return ""
    return source.replace("\r\n", "\n").replace("\r", "\n")


def _notebook_cells(data: object) -> list[dict]:
    if not isinstance(data, dict):
        raise NotebookError("not a Jupyter notebook (the JSON is not an object)")
    if isinstance(data.get("cells"), list):
        cells = data["cells"]
    elif isinstance(data.get("worksheets"), list):  # nbformat 3 (old notebooks)
        cells = [
            cell
            for sheet in data["worksheets"]
            if isinstance(sheet, dict)
            for cell in sheet.get("cells", [])
        ]
    else:
        raise NotebookError("not a Jupyter notebook (no 'cells' list)")
    return [cell for cell in cells if isinstance(cell, dict)]


def notebook_language(data: dict) -> str | None:
    """The kernel language the notebook declares, lower-case (None when it does not say)."""
    metadata = data.get("metadata") if isinstance(data, dict) else None
    if not isinstance(metadata, dict):
        return None
    for key, sub in (("kernelspec", "language"), ("language_info", "name")):
        value = metadata.get(key)
        if isinstance(value, dict) and isinstance(value.get(sub), str):
            return value[sub].strip().lower()
    return None


def parse_notebook_json(raw: bytes) -> dict:
    """The notebook's JSON object; NotebookError with the parser's position when it is broken."""
    try:
        data = json.loads(raw)
    except UnicodeDecodeError as exc:
        raise NotebookError(f"notebook is not UTF-8 JSON: {exc.reason}") from exc
    except json.JSONDecodeError as exc:
        raise NotebookError(
            f"not valid notebook JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from exc
    except RecursionError as exc:
        raise NotebookError("notebook JSON is nested too deeply to read") from exc
    except ValueError as exc:  # e.g. a 100,000-digit number (int conversion limit)
        raise NotebookError(f"notebook JSON holds a value that cannot be read: {exc}") from exc
    if not isinstance(data, dict):
        raise NotebookError("not a Jupyter notebook (the JSON is not an object)")
    return data


def notebook_code(data: dict) -> CellCode:
    """The code cells of a notebook joined in the order they are written, ready for `ast.parse`."""
    text_lines: list[str] = []
    original: list[str] = []
    spans: list[CellSpan] = []
    neutralised = 0
    for number, cell in enumerate(_notebook_cells(data), start=1):
        if cell.get("cell_type") != "code":
            continue
        source = _cell_source(cell)
        if not source.strip():
            continue
        raw_lines = source.split("\n")
        if raw_lines and raw_lines[-1] == "":
            raw_lines.pop()
        lines, changed = neutralise_cell("\n".join(raw_lines))
        neutralised += changed
        start = len(text_lines) + 1
        text_lines.extend(lines)
        original.extend(raw_lines)
        spans.append(CellSpan(cell=number, start_line=start, end_line=len(text_lines)))
    text = "\n".join(text_lines) + ("\n" if text_lines else "")
    return CellCode(text=text, cells=spans, original_lines=original, neutralised=neutralised)


# Saved outputs kept per cell (the imbalance rules read class counts from them); longer text
# is cut, since a class count is short.
_MAX_OUTPUT_CHARS = 2000


def cell_outputs(data: dict) -> list[CellOutput]:
    """The text each code cell showed when it last ran (`text/plain` results and streams),
    with the cell's last source line: what the output is the value of."""
    out: list[CellOutput] = []
    for number, cell in enumerate(_notebook_cells(data), start=1):
        if cell.get("cell_type") != "code" or not isinstance(cell.get("outputs"), list):
            continue
        lines = [ln for ln in _cell_source(cell).split("\n") if ln.strip()]
        last = lines[-1] if lines else ""
        for output in cell["outputs"]:
            if not isinstance(output, dict):
                continue
            value = output.get("text")
            if value is None and isinstance(output.get("data"), dict):
                value = output["data"].get("text/plain")
            if value is None:
                continue
            if isinstance(value, list):
                value = "".join(str(part) for part in value)
            if not isinstance(value, str) or not value.strip():
                continue
            code = last if output.get("output_type") != "stream" else "\n".join(lines)
            out.append(CellOutput(cell=number, code=code, text=value[:_MAX_OUTPUT_CHARS]))
    return out


def exported_cells(text: str) -> list[CellSpan]:
    """Cell spans of a script exported from a notebook (`# In[3]:` markers); [] for other scripts.

    Cells are numbered by the order of the markers (1, 2, ...): `# In[ ]:` cells that were never
    run have no execution count, so the count cannot be the cell's name.
    """
    if "# In[" not in text:
        return []
    starts = [text.count("\n", 0, m.start()) + 1 for m in EXPORTED_CELL_MARKER.finditer(text)]
    if not starts:
        return []
    total = text.count("\n") + (0 if text.endswith("\n") else 1)
    spans = []
    for index, start in enumerate(starts):
        end = starts[index + 1] - 1 if index + 1 < len(starts) else total
        spans.append(CellSpan(cell=index + 1, start_line=start, end_line=max(start, end)))
    return spans


def neutralise_script_magics(text: str) -> tuple[str, int]:
    """Replace raw IPython lines left in an exported script (`!pip install x`), keeping lines."""
    lines, changed = neutralise_cell(text) if not text.lstrip().startswith("%%") else ([], 0)
    if not lines:
        return text, 0
    return "\n".join(lines), changed


_CANDIDATE = re.compile(r"^[ \t]*[%!?]|\?[ \t]*$|=[ \t]*[!%]", re.MULTILINE)


def _has_candidates(source: str) -> bool:
    return _CANDIDATE.search(source) is not None


def _continued_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it continues an open bracket, string or backslash from above.

    A line such as `    % (a, b))` inside a call is Python, not a magic; telling them apart
    needs this much of a tokenizer (strings, comments, brackets), nothing more.
    """
    result: list[bool] = []
    depth = 0
    in_triple: str | None = None
    backslash = False
    for line in lines:
        result.append(depth > 0 or in_triple is not None or backslash)
        backslash = False
        i, n = 0, len(line)
        while i < n:
            ch = line[i]
            if in_triple:
                end = line.find(in_triple, i)
                if end < 0:
                    i = n
                    break
                in_triple, i = None, end + 3
                continue
            if ch == "#":
                break
            if ch in "\"'":
                if line.startswith(ch * 3, i):
                    in_triple, i = ch * 3, i + 3
                    continue
                i += 1
                while i < n and line[i] != ch:
                    i += 2 if line[i] == "\\" else 1
                i += 1
                continue
            if ch in "([{":
                depth += 1
            elif ch in ")]}":
                depth = max(0, depth - 1)
            i += 1
        if in_triple is None and line.rstrip().endswith("\\") and "#" not in line:
            backslash = True
    return result
