"""Printing a `LintRun`: text (rustc/ruff style, with source snippets), JSON, SARIF 2.1.0 for
GitHub code scanning, and GitHub workflow annotations.

Location conventions, the same in every format: `line` is the line you would jump to in the file
you open — for a `.ipynb` that is the line *within the cell* given by `cell` (cells count from 1,
markdown cells included, like editors show them); for a script exported from a notebook, `line`
is the script's own line and `cell` says which `# In[ ]:` cell it is in. Columns are 1-based in
every format (like editors and ruff), counted in characters.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import quote

from coach.lint.config import lint_catalog
from coach.lint.runner import FileEntry, LintRun
from coach.models import SEVERITY_ORDER, Finding, Location, Rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
INFORMATION_URI = "https://github.com/coach-ml/coach"


def _catalog_rules() -> dict[str, Rule]:
    catalog = lint_catalog()
    return dict(catalog.rules) if catalog else {}


def _catalog_version() -> str | None:
    catalog = lint_catalog()
    return catalog.version if catalog else None


def rule_name(rule_id: str, rules: dict[str, Rule]) -> str:
    rule = rules.get(rule_id)
    return rule.name if rule else ""


def severity_of(finding: Finding, rules: dict[str, Rule]) -> str:
    if finding.severity:
        return finding.severity
    rule = rules.get(finding.rule)
    return rule.severity if rule else "warning"


def char_column(line_text: str | None, column: int | None) -> int:
    """The AST's UTF-8 byte offset as a character offset (0-based) into the line."""
    if column is None or column <= 0:
        return 0
    if not line_text or line_text.isascii():
        return column
    return len(line_text.encode("utf-8")[:column].decode("utf-8", errors="ignore"))


# --------------------------------------------------------------------------- text


class Style:
    """ANSI styling, or none at all (not a terminal, NO_COLOR, --color never)."""

    CODES: ClassVar[dict[str, str]] = {
        "bold": "1",
        "dim": "2",
        "red": "1;31",
        "yellow": "1;33",
        "cyan": "1;36",
        "blue": "1;34",
        "green": "1;32",
    }

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, *styles: str) -> str:
        if not self.enabled or not styles:
            return text
        codes = ";".join(self.CODES[s] for s in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"

    def severity(self, text: str, severity: str) -> str:
        return self(text, {"error": "red", "warning": "yellow"}.get(severity, "cyan"))


def use_color(choice: str, stream: Any) -> bool:
    """--color auto: only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)()) and os.environ.get("TERM") != "dumb"


def format_position(location: Location, line_text: str | None = None) -> str:
    """`path:line:col`, `nb.ipynb:cell 3:4:5` or `script.py:42:5 (cell 3)` (1-based column)."""
    if location.line is None:
        return location.path
    column = char_column(line_text, location.column) + 1
    if location.cell is not None and location.path.endswith(".ipynb"):
        return f"{location.path}:cell {location.cell}:{location.line}:{column}"
    suffix = f" (cell {location.cell})" if location.cell is not None else ""
    return f"{location.path}:{location.line}:{column}{suffix}"


def _gutter_width(run: LintRun, finding: Finding) -> int:
    numbers = [loc.line for loc in (finding.location, *finding.related) if loc and loc.line]
    return max([len(str(n)) for n in numbers] or [1])


def _snippet(
    out: list[str],
    style: Style,
    width: int,
    location: Location,
    text: str,
    marker: str,
    label: str,
    marker_style: str,
) -> None:
    pad = " " * width
    shown = text.rstrip("\n").expandtabs(4) if text else ""
    start = char_column(text, location.column) if text else 0
    start = min(start, len(shown))
    span = max(1, len(shown.rstrip()) - start)
    out.append(f"{style(str(location.line).rjust(width), 'blue')} {style('|', 'blue')} {shown}")
    underline = " " * start + style(marker * span, marker_style)
    tail = f" {style(label, marker_style)}" if label else ""
    out.append(f"{pad} {style('|', 'blue')} {underline}{tail}")


def render_finding(run: LintRun, finding: Finding, rules: dict[str, Rule], style: Style) -> str:
    severity = severity_of(finding, rules)
    name = rule_name(finding.rule, rules)
    head = style.severity(f"{severity}[{finding.rule}]", severity)
    out = [f"{head}{style(': ' + finding.message, 'bold')}"]
    width = _gutter_width(run, finding)
    pad = " " * width
    bar = style("|", "blue")
    location = finding.location
    if location is not None:
        text = run.source_line(location)
        out.append(f"{pad}{style('-->', 'blue')} {format_position(location, text)}")
        if text is not None and location.line is not None:
            out.append(f"{pad} {bar}")
            marker_style = {"error": "red", "warning": "yellow"}.get(severity, "cyan")
            _snippet(out, style, width, location, text, "^", "", marker_style)
    previous = location
    for related in finding.related:
        if related.line is None:
            out.append(f"{pad} {style('=', 'blue')} {style('note', 'bold')}: {related.message}")
            continue
        text = run.source_line(related)
        same_place = (
            previous is not None
            and related.path == previous.path
            and related.cell == previous.cell
            and previous.line is not None
        )
        if not same_place:
            out.append(f"{pad}{style(':::', 'blue')} {format_position(related, text)}")
            out.append(f"{pad} {bar}")
        elif abs(related.line - (previous.line or 0)) > 1:  # type: ignore[union-attr]
            out.append(style("...", "blue"))
        if text is not None:
            _snippet(out, style, width, related, text, "-", related.message, "blue")
        else:
            out.append(f"{pad} {bar} line {related.line}: {related.message}")
        previous = related
    out.append(f"{pad} {bar}")
    what = f"{name}: " if name else ""
    out.append(
        f"{pad} {style('=', 'blue')} {style('help', 'bold')}: {what}"
        f"`coach rule {finding.rule}` explains why it matters and how to fix it"
    )
    return "\n".join(out)


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def summary_line(run: LintRun) -> str:
    """The one line always printed: what was checked, what was found, what could not be read."""
    summary = run.summary
    parts = [
        f"Checked {_plural(summary.files, 'file')} "
        f"({summary.files_with_models} with a model fit recognised)"
    ]
    if summary.findings:
        severities = Counter(f.severity or "warning" for f in run.findings)
        detail = ", ".join(
            _plural(severities[s], s, "info" if s == "info" else None)
            for s in sorted(severities, key=lambda s: SEVERITY_ORDER.get(s, 9))
        )
        found = f"{_plural(summary.findings, 'finding')} ({detail})"
    else:
        found = "no findings"
    parts.append(found)
    not_ok = Counter(f.status for f in run.files if f.status != "ok")
    if not_ok:
        why = ", ".join(f"{count} {status}" for status, count in sorted(not_ok.items()))
        parts.append(f"{_plural(sum(not_ok.values()), 'file')} not analysed ({why})")
    if run.suppressed:
        parts.append(f"{run.suppressed} suppressed by comments")
    if run.baselined:
        parts.append(f"{run.baselined} in the baseline")
    if run.unused_suppressions:
        parts.append(_plural(len(run.unused_suppressions), "unused suppression"))
    return parts[0] + ": " + "; ".join(parts[1:]) + "."


def render_problems(run: LintRun, style: Style) -> list[str]:
    """Files that could not be analysed, notes about files, unused suppressions, run notes."""
    out: list[str] = []
    failed = [f for f in run.files if f.status != "ok"]
    if failed:
        out.append(style(f"Not analysed ({len(failed)}):", "bold"))
        out += [f"  {f.path}: {style(f.status, 'yellow')} — {f.detail or ''}" for f in failed]
    noted = [f for f in run.files if f.status == "ok" and f.notes]
    for entry in noted:
        for note in entry.notes:
            out.append(f"{style('note', 'cyan')}: {entry.path}: {note}")
    for unused in run.unused_suppressions:
        where = (
            f"{unused.path}:cell {unused.cell}:{unused.line}"
            if unused.cell is not None and unused.path.endswith(".ipynb")
            else f"{unused.path}:{unused.line}"
        )
        codes = f" {', '.join(unused.codes)}:" if unused.codes else ""
        out.append(
            f"{style('warning', 'yellow')}: {where}: unused suppression `{unused.comment}` —"
            f"{codes} {unused.reason}"
        )
    for note in run.notes:
        out.append(f"{style('note', 'cyan')}: {note}")
    return out


def render_text(
    run: LintRun,
    *,
    color: bool = False,
    statistics: bool = False,
    verbose: bool = False,
    quiet: bool = False,
) -> str:
    """The human report. `quiet` (-q): the findings and the files that could not be analysed
    (both fail the run), without notes, unused-suppression warnings or the summary."""
    rules = _catalog_rules()
    style = Style(color)
    blocks: list[str] = []
    if statistics:
        table = render_statistics(run, rules)
        if table:
            blocks.append(table)
    else:
        blocks += [render_finding(run, f, rules, style) for f in run.findings]
    if verbose and not quiet:
        blocks.append("\n".join(_file_lines(run.files, style)))
    problems = render_problems(run, style)
    if quiet:
        failed = [f for f in run.files if f.status != "ok"]
        problems = problems[: len(failed) + 1] if failed else []
    if problems:
        blocks.append("\n".join(problems))
    if not quiet:
        blocks.append(style(summary_line(run), "bold"))
    return "\n\n".join(blocks)


def _file_lines(files: Iterable[FileEntry], style: Style) -> list[str]:
    out = [style("Files:", "bold")]
    for entry in files:
        if entry.status != "ok":
            state = style(entry.status, "yellow")
        elif entry.models_found:
            state = "model fit recognised" + (
                ", evaluation recognised" if entry.evaluation_found else ""
            )
        else:
            state = style("no model fit recognised", "dim")
        out.append(f"  {entry.path} ({_plural(entry.lines, 'line')}): {state}")
    return out


def statistics_rows(run: LintRun, rules: dict[str, Rule]) -> list[dict[str, Any]]:
    counts = Counter(f.rule for f in run.findings)
    return [
        {
            "rule": rule_id,
            "name": rule_name(rule_id, rules),
            "severity": rules[rule_id].severity if rule_id in rules else None,
            "count": count,
        }
        for rule_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def render_statistics(run: LintRun, rules: dict[str, Rule] | None = None) -> str:
    rows = statistics_rows(run, rules if rules is not None else _catalog_rules())
    if not rows:
        return ""
    count_w = max(len(str(r["count"])) for r in rows)
    name_w = max(len(r["name"]) for r in rows)
    return "\n".join(
        f"{str(r['count']).rjust(count_w)}  {r['rule']:<8} {r['name']:<{name_w}}  "
        f"{r['severity'] or ''}".rstrip()
        for r in rows
    )


# --------------------------------------------------------------------------- JSON


def json_column(location: Location, run: LintRun) -> int | None:
    """The 1-based character column of a location (None when it has no line)."""
    if location.line is None:
        return None
    return char_column(run.source_line(location), location.column) + 1


def _location_json(location: Location, run: LintRun) -> dict[str, Any]:
    return {
        "path": location.path,
        "line": location.line,
        "column": json_column(location, run),
        "end_line": location.end_line,
        "cell": location.cell,
        "message": location.message,
    }


def finding_json(
    run: LintRun, finding: Finding, rules: dict[str, Rule], fingerprint: str | None
) -> dict[str, Any]:
    location = finding.location
    data: dict[str, Any] = {
        "rule": finding.rule,
        "name": rule_name(finding.rule, rules),
        "severity": severity_of(finding, rules),
        "path": location.path if location else None,
        "line": location.line if location else None,
        "column": json_column(location, run) if location else None,
        "end_line": location.end_line if location else None,
        "cell": location.cell if location else None,
        "message": finding.message,
        "related": [
            {k: v for k, v in _location_json(r, run).items() if k != "end_line"}
            for r in finding.related
        ],
        "source": run.source_line(location),
        "fingerprint": fingerprint,
    }
    if finding.data:
        data["data"] = finding.data
    return data


def render_json(run: LintRun, *, statistics: bool = False, cwd: Path | None = None) -> str:
    from coach.lint.baseline_file import fingerprints

    rules = _catalog_rules()
    prints = fingerprints(run, (cwd or Path.cwd()).resolve(), cwd)
    status_counts = Counter(f.status for f in run.files)
    payload: dict[str, Any] = {
        "version": run.version,
        "catalog_version": _catalog_version(),
        "files": [
            {
                "path": f.path,
                "status": f.status,
                "models_found": f.models_found,
                "evaluation_found": f.evaluation_found,
                "kind": f.kind,
                "lines": f.lines,
                "detail": f.detail,
                "notes": f.notes,
            }
            for f in run.files
        ],
        "findings": [
            finding_json(run, f, rules, fp) for f, fp in zip(run.findings, prints, strict=True)
        ],
        "unused_suppressions": [u.model_dump() for u in run.unused_suppressions],
        "notes": run.notes,
        "summary": {
            **run.summary.model_dump(),
            "by_status": dict(sorted(status_counts.items())),
            "suppressed": run.suppressed,
            "baselined": run.baselined,
            "unused_suppressions": len(run.unused_suppressions),
            "internal_errors": run.internal_errors,
        },
    }
    payload["run"] = {"jobs": run.jobs, "seconds": round(run.elapsed, 3)}
    if statistics:
        payload["statistics"] = statistics_rows(run, rules)
    return json.dumps(payload, indent=2, ensure_ascii=False)


# --------------------------------------------------------------------------- SARIF


def _uri(path: str) -> tuple[str, str | None]:
    """(uri, uriBaseId): repository-relative paths for GitHub, absolute ones as file URIs."""
    if Path(path).is_absolute():
        return Path(path).as_uri(), None
    return quote(path.replace(os.sep, "/"), safe="/"), "%SRCROOT%"


class _NotebookIndex:
    """Each notebook of a report scanned once, to place cell lines on the `.ipynb` file."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        self.cache: dict[str, Any] = {}

    def locate(self, location: Location, text: str | None) -> tuple[int, int] | None:
        from coach.lint.ipynb_lines import NotebookLines

        if location.path not in self.cache:
            path = Path(location.path)
            self.cache[location.path] = NotebookLines.read(
                path if path.is_absolute() else self.cwd / path
            )
        lines = self.cache[location.path]
        if lines is None or location.cell is None or location.line is None:
            return None
        return lines.locate(location.cell, location.line, char_column(text, location.column))


def is_notebook_location(location: Location) -> bool:
    return location.cell is not None and location.path.endswith(".ipynb")


def _physical(
    location: Location, run: LintRun, notebooks: _NotebookIndex | None = None
) -> dict[str, Any]:
    uri, base = _uri(location.path)
    artifact: dict[str, Any] = {"uri": uri}
    if base:
        artifact["uriBaseId"] = base
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if not location.line:
        return physical
    text = run.source_line(location)
    if is_notebook_location(location):
        # Code scanning shows the .ipynb file itself: point at the JSON line holding the code.
        place = notebooks.locate(location, text) if notebooks is not None else None
        if place is not None:
            physical["region"] = {"startLine": place[0], "startColumn": place[1]}
        return physical
    region: dict[str, Any] = {
        "startLine": location.line,
        "startColumn": char_column(text, location.column) + 1,
    }
    if location.end_line and location.end_line >= location.line:
        region["endLine"] = location.end_line
    if text:
        region["snippet"] = {"text": text}
    physical["region"] = region
    return physical


def rule_help_uri(rule: Rule) -> str:
    """Where a person reads the rule's full text: its family's file in the repository (the same
    text `coach rule ID` prints offline)."""
    return f"{INFORMATION_URI}/blob/main/rules/{rule.family.lower()}.toml"


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.summary},
        "help": {
            "text": f"{rule.summary}\n\nWhy it matters:\n{rule.why}\n\nHow to fix it:\n{rule.fix}",
            "markdown": (
                f"{rule.summary}\n\n**Why it matters**\n\n{rule.why}\n\n"
                f"**How to fix it**\n\n{rule.fix}\n\n**References**\n\n"
                + "\n".join(f"- {ref}" for ref in rule.references)
            ),
        },
        "helpUri": rule_help_uri(rule),
        "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity]},
        "properties": {"tags": ["ml", rule.family.lower()], "family": rule.family},
    }


def render_sarif(run: LintRun, *, cwd: Path | None = None) -> str:
    from coach.lint.baseline_file import fingerprints

    cwd = (cwd or Path.cwd()).resolve()
    rules = _catalog_rules()
    wanted = sorted(
        {rid for rid, r in rules.items() if "code" in r.detectors}
        | {f.rule for f in run.findings if f.rule in rules}
    )
    descriptors = [_rule_descriptor(rules[rid]) for rid in wanted]
    index = {rid: i for i, rid in enumerate(wanted)}
    prints = fingerprints(run, cwd, cwd)
    notebooks = _NotebookIndex(cwd)
    results = []
    for finding, fp in zip(run.findings, prints, strict=True):
        message = finding.message
        location = finding.location
        if location is not None and location.cell is not None and location.path.endswith(".ipynb"):
            message = f"cell {location.cell}, line {location.line}: {message}"
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "level": SARIF_LEVEL.get(severity_of(finding, rules), "warning"),
            "message": {"text": message},
            "partialFingerprints": {"coachFingerprint/v1": fp},
        }
        if finding.rule in index:
            result["ruleIndex"] = index[finding.rule]
        if location is not None:
            entry: dict[str, Any] = {"physicalLocation": _physical(location, run, notebooks)}
            if location.cell is not None:
                entry["properties"] = {"cell": location.cell, "cellLine": location.line}
            result["locations"] = [entry]
        related = [r for r in finding.related if r.path]
        if related:
            result["relatedLocations"] = [
                {
                    "id": i,
                    "physicalLocation": _physical(r, run, notebooks),
                    "message": {"text": r.message or "related"},
                }
                for i, r in enumerate(related)
            ]
        results.append(result)
    notifications = [
        {
            "level": "warning" if f.status != "skipped" else "note",
            "message": {"text": f"{f.status}: {f.detail or ''}".strip()},
            "locations": [{"physicalLocation": _physical(Location(path=f.path), run)}],
        }
        for f in run.files
        if f.status != "ok"
    ]
    sarif = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "coach",
                        "version": run.version,
                        "semanticVersion": run.version,
                        "informationUri": INFORMATION_URI,
                        "rules": descriptors,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": cwd.as_uri() + "/"}},
                "invocations": [
                    {
                        "executionSuccessful": run.internal_errors == 0,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "results": results,
            }
        ],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False)


# --------------------------------------------------------------------------- GitHub


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(level: str, message: str, **props: Any) -> str:
    fields = ",".join(f"{k}={_escape_property(str(v))}" for k, v in props.items() if v is not None)
    if not fields:
        return f"::{level}::{_escape_data(message)}"
    return f"::{level} {fields}::{_escape_data(message)}"


def render_github(run: LintRun) -> str:
    """Workflow commands: one annotation per finding (plus warnings for files not analysed)."""
    rules = _catalog_rules()
    lines = []
    for finding in run.findings:
        location = finding.location
        severity = severity_of(finding, rules)
        name = rule_name(finding.rule, rules)
        title = f"{finding.rule} {name}".strip()
        message = finding.message
        related = [r for r in finding.related if r.message]
        if related:
            message += "\n" + "\n".join(
                f"{'line ' + str(r.line) + ': ' if r.line else ''}{r.message}" for r in related
            )
        props: dict[str, Any] = {"file": location.path if location else None}
        if location is not None and location.line is not None:
            if location.cell is not None and location.path.endswith(".ipynb"):
                message = f"cell {location.cell}, line {location.line}: {message}"
            else:
                text = run.source_line(location)
                props["line"] = location.line
                props["col"] = char_column(text, location.column) + 1
                if location.end_line and location.end_line >= location.line:
                    props["endLine"] = location.end_line
        props["title"] = title
        lines.append(_annotation(GITHUB_LEVEL.get(severity, "warning"), message, **props))
    for entry in run.files:
        if entry.status != "ok":
            lines.append(
                _annotation(
                    "warning",
                    f"Coach could not analyse this file ({entry.status}): {entry.detail or ''}",
                    file=entry.path,
                    title=f"coach: {entry.status}",
                )
            )
    for unused in run.unused_suppressions:
        lines.append(
            _annotation(
                "warning",
                f"unused suppression `{unused.comment}`: {unused.reason}",
                file=unused.path,
                line=None
                if unused.cell is not None and unused.path.endswith(".ipynb")
                else unused.line,
                title="coach: unused suppression",
            )
        )
    return "\n".join(lines)
