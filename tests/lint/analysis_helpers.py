"""Build a SourceFile from text and run the analysis, as the front end does."""

from __future__ import annotations

import ast
import re
import textwrap
from pathlib import Path

from coach.lint.analysis import analyze_source
from coach.lint.model import FileAnalysis, SourceFile


def analyze_text(text: str, path: str = "snippet.py", dedent: bool = True) -> FileAnalysis:
    if dedent:
        text = textwrap.dedent(text)
    source = SourceFile(path=path, text=text)
    return analyze_source(source, ast.parse(text))


def rule_lines(analysis: FileAnalysis) -> list[tuple[str, int]]:
    return sorted((f.rule, f.location.line) for f in analysis.findings if f.location)


# --- the fixture corpus (tests/lint/corpus/<RULE>/...) ----------------------------------------

CORPUS = Path(__file__).parent / "corpus"
_EXPECT = re.compile(r"expect:\s*([^\n\"\\]*)")
_ITEM = re.compile(r"^([A-Z]+[0-9]{3})@(?:cell(\d+):)?(\d+)$")

Expected = tuple[str, int | None, int]  # (rule, cell or None, line)


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in (".py", ".ipynb"))


def expected_findings(path: Path) -> set[Expected]:
    """The `# expect: RULE@LINE, RULE@cellN:LINE` header of a fixture (`none` for a clean twin)."""
    match = _EXPECT.search(path.read_text(encoding="utf-8"))
    if match is None:
        raise ValueError(f"{path}: no `expect:` header")
    spec = match.group(1).strip()
    if spec == "none":
        return set()
    out: set[Expected] = set()
    for item in spec.split(","):
        parsed = _ITEM.match(item.strip())
        if parsed is None:
            raise ValueError(f"{path}: bad expectation {item!r}")
        cell = int(parsed.group(2)) if parsed.group(2) else None
        out.add((parsed.group(1), cell, int(parsed.group(3))))
    return out


def load_fixture(path: Path) -> tuple[SourceFile, ast.Module]:
    """Load a fixture exactly as `coach lint` does (notebooks, exported scripts, magics)."""
    from coach.lint.sources import Candidate, load_file

    loaded = load_file(Candidate(path=path, display=path.relative_to(CORPUS).as_posix()))
    if loaded.source is None or loaded.tree is None:
        raise ValueError(f"{path}: could not be loaded: {loaded.report.detail}")
    return loaded.source, loaded.tree


def actual_findings(path: Path) -> set[Expected]:
    """What the analysis reports for one fixture, in the user's coordinates. Fixtures under
    BASE001/ are also run through the project-level check (each file is its own project)."""
    from coach.lint.analysis import project_findings

    source, tree = load_fixture(path)
    analysis = analyze_source(source, tree)
    findings = list(analysis.findings)
    if path.parent.name == "BASE001":
        findings += project_findings([(source, analysis)])
    out: set[Expected] = set()
    for finding in findings:
        assert finding.location is not None and finding.location.line is not None
        cell = finding.location.cell if source.kind == "ipynb" else None
        out.add((finding.rule, cell, finding.location.line))
    return out
