"""The models the lint stages hand to each other: loaded sources, per-file analysis, the report."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from coach.models import Finding, Location

FileStatus = Literal["ok", "syntax-error", "unreadable", "too-large", "skipped"]
SourceKind = Literal["py", "ipynb", "exported"]


class CellSpan(BaseModel):
    """Lines `start_line..end_line` (1-based, inclusive) of the joined text came from `cell`."""

    cell: int
    start_line: int
    end_line: int


class CellOutput(BaseModel):
    """The saved text output of a notebook cell and the code line it shows (the last one)."""

    cell: int
    code: str
    text: str


class SourceFile(BaseModel):
    """A file made ready for analysis: Python text plus the way back to the user's coordinates.

    For notebooks, `text` is the code cells joined in order, with IPython magics and shell lines
    neutralised (replaced by `pass`-like lines so line numbers stay put); `cells` maps each joined
    line back to its cell.
    """

    path: str  # as shown to the user (relative to the current directory when possible)
    kind: SourceKind = "py"
    text: str
    cells: list[CellSpan] = Field(default_factory=list)
    origin: str | None = None  # the file on disk (data files next to it are evidence)
    outputs: list[CellOutput] = Field(default_factory=list)  # a notebook's saved text outputs

    def locate(self, line: int) -> tuple[int | None, int]:
        """(cell, line within cell) for a line of `text`; (None, line) for plain scripts."""
        for span in self.cells:
            if span.start_line <= line <= span.end_line:
                return span.cell, line - span.start_line + 1
        return None, line

    def location(
        self,
        text_line: int,
        *,
        column: int | None = None,
        end_line: int | None = None,
        message: str = "",
    ) -> Location:
        """A place in the user's coordinates, from a line of `text`: cell + line within the cell
        for a notebook; an exported script keeps its lines and gains the cell they belong to."""
        cell, line = self.locate(text_line)
        if cell is None or self.kind == "py":
            return Location(
                path=self.path, line=text_line, column=column, end_line=end_line, message=message
            )
        if self.kind == "exported":
            return Location(
                path=self.path,
                line=text_line,
                column=column,
                end_line=end_line,
                cell=cell,
                message=message,
            )
        end = line  # a notebook region always names its end (the cell's line when unknown)
        if end_line is not None:
            end_cell, end_in_cell = self.locate(end_line)
            end = end_in_cell if end_cell == cell else line
        return Location(
            path=self.path, line=line, column=column, end_line=end, cell=cell, message=message
        )

    def text_line(self, location: Location, line: int | None = None) -> int | None:
        """The line of `text` a location (or its `line` override, e.g. the end line) is on."""
        line = location.line if line is None else line
        if line is None or self.kind != "ipynb" or location.cell is None:
            return line
        span = next((s for s in self.cells if s.cell == location.cell), None)
        return span.start_line + line - 1 if span is not None else line

    def where(self, text_line: int) -> str:
        """How a message names a line: "line 12", or "cell 3, line 4" in a notebook."""
        if self.kind == "ipynb":
            cell, line = self.locate(text_line)
            if cell is not None:
                return f"cell {cell}, line {line}"
        return f"line {text_line}"


class FileAnalysis(BaseModel):
    """What the analysis of one file found, plus what it recognised (so that "no findings" is
    never confused with "nothing understood")."""

    findings: list[Finding] = Field(default_factory=list)
    models_found: bool = False
    evaluation_found: bool = False
    baseline_found: bool = False
    # Facts the project-level checks (e.g. BASE001) combine across files.
    facts: dict[str, object] = Field(default_factory=dict)


class FileReport(BaseModel):
    path: str
    status: FileStatus
    models_found: bool = False
    evaluation_found: bool = False
    detail: str | None = None  # why a file could not be analysed
    lines: int = 0


class LintSummary(BaseModel):
    files: int = 0
    files_with_models: int = 0
    findings: int = 0
    errors: int = 0  # files that could not be analysed


class LintReport(BaseModel):
    version: str
    files: list[FileReport] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    summary: LintSummary = Field(default_factory=LintSummary)
