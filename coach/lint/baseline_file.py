"""`--write-baseline FILE` / `--baseline FILE`: adopt Coach in an existing repository by
recording today's findings and reporting only new ones from then on.

A finding is recognised by a fingerprint that does not contain its line number: rule + path + a
hash of the source line's text with whitespace normalised + how many identical (rule, path, text)
findings come before it in the file. Adding or removing lines elsewhere therefore keeps old
findings matched; editing the offending line itself makes it a new finding, which is the point.
Paths are stored relative to the baseline file's folder so the file works from any directory.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from coach import __version__
from coach.lint.runner import LintRun
from coach.models import Finding

BASELINE_FORMAT = 1
_SPACE = re.compile(r"\s+")


class BaselineError(Exception):
    """The baseline file is missing or broken (a usage error)."""


class BaselineEntry(BaseModel):
    fingerprint: str
    rule: str
    path: str
    line: int | None = None
    cell: int | None = None
    message: str = ""


class BaselineFile(BaseModel):
    tool: str = "coach"
    format: int = BASELINE_FORMAT
    coach_version: str = __version__
    created: str = Field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    findings: list[BaselineEntry] = Field(default_factory=list)


def normalise_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def fingerprint(rule: str, path: str, line_text: str, occurrence: int) -> str:
    digest = hashlib.sha256(
        "\0".join([rule, path, normalise_line(line_text), str(occurrence)]).encode("utf-8")
    )
    return digest.hexdigest()[:20]


def _relative_to(path: str, base: Path, cwd: Path) -> str:
    absolute = Path(path) if Path(path).is_absolute() else cwd / path
    try:
        return Path(os.path.relpath(absolute.resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return absolute.as_posix()


def fingerprints(run: LintRun, base: Path, cwd: Path | None = None) -> list[str]:
    """One fingerprint per finding of `run`, in order; paths relative to `base`."""
    cwd = cwd or Path.cwd()
    seen: Counter[tuple[str, str, str]] = Counter()
    out: list[str] = []
    for finding in run.findings:
        path = finding.location.path if finding.location else ""
        rel = _relative_to(path, base, cwd) if path else ""
        text = normalise_line(run.source_line(finding.location) or "")
        key = (finding.rule, rel, text)
        out.append(fingerprint(finding.rule, rel, text, seen[key]))
        seen[key] += 1
    return out


def write_baseline(run: LintRun, file: Path, cwd: Path | None = None) -> int:
    """Record every finding of `run` in `file`; returns how many."""
    base = (file.parent if file.parent != Path("") else Path(".")).resolve()
    prints = fingerprints(run, base, cwd)
    entries = [
        BaselineEntry(
            fingerprint=fp,
            rule=f.rule,
            path=_relative_to(f.location.path, base, cwd or Path.cwd()) if f.location else "",
            line=f.location.line if f.location else None,
            cell=f.location.cell if f.location else None,
            message=f.message,
        )
        for fp, f in zip(prints, run.findings, strict=True)
    ]
    payload = BaselineFile(findings=entries)
    try:
        file.write_text(payload.model_dump_json(indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"{file}: cannot write the baseline: {exc.strerror or exc}") from exc
    return len(entries)


def read_baseline(file: Path) -> BaselineFile:
    try:
        raw = file.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise BaselineError(
            f"{file}: baseline file not found (create it with --write-baseline {file})"
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{file}: cannot read the baseline: {exc}") from exc
    try:
        data = json.loads(raw)
        baseline = BaselineFile.model_validate(data)
    except (json.JSONDecodeError, ValidationError) as exc:
        raise BaselineError(
            f"{file}: not a Coach baseline file ({str(exc).splitlines()[0]})"
        ) from exc
    if baseline.tool != "coach" or baseline.format > BASELINE_FORMAT:
        raise BaselineError(
            f"{file}: baseline format {baseline.format} of {baseline.tool!r} is not supported "
            f"by coach {__version__}"
        )
    return baseline


def apply_baseline(run: LintRun, file: Path, cwd: Path | None = None) -> int:
    """Drop the findings of `run` recorded in the baseline; returns how many were dropped."""
    baseline = read_baseline(file)
    base = (file.parent if file.parent != Path("") else Path(".")).resolve()
    remaining = Counter(entry.fingerprint for entry in baseline.findings)
    kept: list[Finding] = []
    for fp, finding in zip(fingerprints(run, base, cwd), run.findings, strict=True):
        if remaining[fp] > 0:
            remaining[fp] -= 1
            continue
        kept.append(finding)
    dropped = len(run.findings) - len(kept)
    run.findings = kept
    run.baselined = dropped
    run.recount()
    return dropped
