"""Where a notebook cell's code sits in the `.ipynb` file itself (its JSON text).

Findings in a notebook are reported as (cell, line in the cell), which is what a person reads.
Tools that only know files — GitHub code scanning (SARIF), GitLab code quality — need the line of
the `.ipynb` JSON that holds that code, or they point at line 1 (`{`). A small scanner walks the
JSON text once, keeping line numbers, and records where each string of `cells[i].source` starts;
`json.loads` cannot say where anything was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_WS = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SCALAR = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null")
_ESCAPE = re.compile(r'\\u[0-9a-fA-F]{4}|\\["\\/bfnrt]|.', re.DOTALL)


class _Malformed(Exception):
    pass


@dataclass(frozen=True)
class SourcePiece:
    """One JSON string of a cell's `source`: where its opening quote is, and its raw text."""

    line: int  # 1-based line of the .ipynb file
    column: int  # 0-based column of the opening quote
    raw: str  # the token without its quotes, escapes kept

    def text(self) -> str:
        import json

        return json.loads(f'"{self.raw}"')

    def raw_column(self, index: int) -> int:
        """The 0-based file column of the decoded character `index` of this string."""
        decoded = 0
        offset = 0
        for match in _ESCAPE.finditer(self.raw):
            if decoded >= index:
                break
            token = match.group(0)
            # A surrogate pair (two \\u escapes) is one Python character.
            if token.startswith("\\u") and 0xDC00 <= int(token[2:], 16) <= 0xDFFF and decoded:
                decoded -= 1
            decoded += 1
            offset = match.end()
        return self.column + 1 + offset


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.line_start = 0
        self.cells: dict[int, list[SourcePiece]] = {}

    def _skip(self) -> None:
        match = _WS.match(self.text, self.pos)
        assert match is not None
        gap = match.group(0)
        newlines = gap.count("\n")
        if newlines:
            self.line += newlines
            self.line_start = self.pos + gap.rindex("\n") + 1
        self.pos = match.end()

    def _expect(self, char: str) -> None:
        self._skip()
        if not self.text.startswith(char, self.pos):
            raise _Malformed
        self.pos += 1

    def value(self, path: tuple) -> None:
        self._skip()
        char = self.text[self.pos : self.pos + 1]
        if char == "{":
            self.pos += 1
            self._skip()
            if self.text.startswith("}", self.pos):
                self.pos += 1
                return
            while True:
                self._skip()
                key = self._string()
                self._expect(":")
                self.value((*path, key))
                self._skip()
                if self.text.startswith(",", self.pos):
                    self.pos += 1
                    continue
                self._expect("}")
                return
        if char == "[":
            self.pos += 1
            self._skip()
            if self.text.startswith("]", self.pos):
                self.pos += 1
                return
            index = 0
            while True:
                self.value((*path, index))
                index += 1
                self._skip()
                if self.text.startswith(",", self.pos):
                    self.pos += 1
                    continue
                self._expect("]")
                return
        if char == '"':
            line, column = self.line, self.pos - self.line_start
            raw = self._string_raw()
            if len(path) in (3, 4) and path[0] == "cells" and path[2] == "source":
                piece = SourcePiece(line=line, column=column, raw=raw)
                self.cells.setdefault(int(path[1]) + 1, []).append(piece)
            return
        match = _SCALAR.match(self.text, self.pos)
        if match is None:
            raise _Malformed
        self.pos = match.end()

    def _string_raw(self) -> str:
        match = _STRING.match(self.text, self.pos)
        if match is None:
            raise _Malformed
        self.pos = match.end()
        return match.group(0)[1:-1]

    def _string(self) -> str:
        import json

        return json.loads(f'"{self._string_raw()}"')


class NotebookLines:
    """Maps (cell, line in cell, character column) to (line, column) of the `.ipynb` file."""

    def __init__(self, cells: dict[int, list[SourcePiece]]) -> None:
        self.cells = cells

    @classmethod
    def parse(cls, text: str) -> NotebookLines | None:
        """None when the text is not a notebook we can scan (the caller falls back)."""
        scanner = _Scanner(text)
        try:
            scanner.value(())
        except (_Malformed, RecursionError, IndexError, ValueError):
            return None
        return cls(scanner.cells)

    @classmethod
    def read(cls, path: Path) -> NotebookLines | None:
        try:
            return cls.parse(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            return None

    def locate(self, cell: int, line: int, column: int = 0) -> tuple[int, int] | None:
        """(1-based file line, 1-based file column) of the code, or None if it is not there."""
        current = 1
        for piece in self.cells.get(cell, []):
            segments = piece.text().split("\n")
            for k, segment in enumerate(segments):
                if k == len(segments) - 1 and k and not segment:
                    break  # after the string's last newline: the next string's line
                if current + k == line:
                    before = sum(len(s) + 1 for s in segments[:k])
                    index = before + min(max(column, 0), len(segment))
                    return piece.line, piece.raw_column(index) + 1
            current += len(segments) - 1
        return None
