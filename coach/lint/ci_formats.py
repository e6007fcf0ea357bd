"""Reports for CI systems other than GitHub: GitLab code quality (JSON) and JUnit XML.

GitLab shows code-quality entries in merge requests by path and line of the file in the
repository, so notebook findings are placed on the `.ipynb` JSON line holding the code (as in
SARIF). JUnit has no notion of lines: each finding is a failed test case named after its rule,
each file that could not be analysed an errored one, so CI dashboards count them.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

from coach.lint.reporters import (
    _catalog_rules,
    _NotebookIndex,
    format_position,
    is_notebook_location,
    rule_name,
    severity_of,
)
from coach.lint.runner import LintRun

# Coach severities -> GitLab's (info, minor, major, critical, blocker).
GITLAB_SEVERITY = {"error": "critical", "warning": "major", "info": "info"}


def render_gitlab(run: LintRun, *, cwd: Path | None = None) -> str:
    cwd = (cwd or Path.cwd()).resolve()
    rules = _catalog_rules()
    notebooks = _NotebookIndex(cwd)
    seen: Counter[str] = Counter()
    issues: list[dict[str, Any]] = []
    for finding in run.findings:
        location = finding.location
        path = location.path if location else ""
        line = location.line if location and location.line else 1
        description = f"{finding.rule} {finding.message}"
        if location is not None and is_notebook_location(location):
            description = f"{finding.rule} cell {location.cell}, line {location.line}: "
            description += finding.message
            place = notebooks.locate(location, run.source_line(location))
            line = place[0] if place else 1
        # Stable across runs, unique within the report (GitLab drops duplicates).
        key = f"{finding.rule}|{path}|{run.source_line(location) or ''}|{finding.message}"
        seen[key] += 1
        digest = hashlib.sha256(f"{key}|{seen[key]}".encode()).hexdigest()
        issues.append(
            {
                "type": "issue",
                "check_name": finding.rule,
                "description": description,
                "content": {"body": rule_name(finding.rule, rules)},
                "categories": ["Bug Risk"],
                "severity": GITLAB_SEVERITY.get(severity_of(finding, rules), "major"),
                "fingerprint": digest,
                "location": {"path": path, "lines": {"begin": line}},
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False)


def render_junit(run: LintRun) -> str:
    from xml.etree import ElementTree as ET

    rules = _catalog_rules()
    by_file: dict[str, list] = {}
    for finding in run.findings:
        by_file.setdefault(finding.location.path if finding.location else "", []).append(finding)
    failed_files = [f for f in run.files if f.status != "ok" and f.status != "skipped"]
    root = ET.Element(
        "testsuites",
        name="coach",
        tests=str(max(1, len(run.findings) + len(failed_files))),
        failures=str(len(run.findings)),
        errors=str(len(failed_files)),
    )
    for path in sorted(by_file):
        findings = by_file[path]
        suite = ET.SubElement(
            root,
            "testsuite",
            name=path,
            tests=str(len(findings)),
            failures=str(len(findings)),
            errors="0",
        )
        for finding in findings:
            location = finding.location
            where = format_position(location, run.source_line(location)) if location else path
            case = ET.SubElement(
                suite, "testcase", name=f"{finding.rule} {where}", classname=finding.rule
            )
            failure = ET.SubElement(
                case,
                "failure",
                message=finding.message,
                type=severity_of(finding, rules),
            )
            failure.text = f"{where}: {finding.rule} {rule_name(finding.rule, rules)}\n"
            failure.text += finding.message
    if failed_files:
        suite = ET.SubElement(
            root,
            "testsuite",
            name="files not analysed",
            tests=str(len(failed_files)),
            failures="0",
            errors=str(len(failed_files)),
        )
        for entry in failed_files:
            case = ET.SubElement(suite, "testcase", name=entry.path, classname=entry.status)
            ET.SubElement(case, "error", message=f"{entry.status}: {entry.detail or ''}")
    if not run.findings and not failed_files:
        suite = ET.SubElement(root, "testsuite", name="coach", tests="1", failures="0", errors="0")
        ET.SubElement(suite, "testcase", name="no findings", classname="coach")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
