"""Findings -> suggestions: the one place a detector's finding becomes what Coach says and logs.

Every surface that logs findings (`coach ask`, `coach check-data`, `coach baseline`, the app's
/lint and /data) goes through `to_suggestions`, so title, severity, evidence and provenance
(catalog version) are decided once.
"""

from __future__ import annotations

from coach.catalog import Catalog, default_catalog
from coach.models import Evidence, EvidenceKind, Finding, Suggestion


def to_suggestions(
    findings: list[Finding],
    *,
    session_id: str | None,
    question_id: str | None = None,
    kind: EvidenceKind | None = "data",
    fix_in_body: bool = False,
    catalog: Catalog | None = None,
) -> list[Suggestion]:
    """One rule suggestion per finding: the catalog's title, the finding's message as the body,
    its evidence (or, for a finding without any, its message and numbers as `kind` evidence;
    `kind=None` keeps an empty evidence list, as the router's answers do).

    `fix_in_body` appends the catalog's fix to the body, as `coach ask` has always logged it.
    """
    catalog = catalog or default_catalog()
    out = []
    for item in findings:
        rule = catalog.rules.get(item.rule)
        body = item.message
        if item.kind == "clarify" and item.clarify is not None:
            # A deciding question (issue 12): the log keeps the quick answers, not a fix.
            options = "\n".join(f"- {a.label}" for a in item.clarify.answers)
            body = f"{item.message}\n\nQuick answers:\n{options}"
        elif fix_in_body and rule is not None and item.kind == "rule":
            body = f"{item.message}\n\nHow to fix:\n{rule.fix}"
        out.append(
            Suggestion(
                session_id=session_id,
                question_id=question_id,
                source="rule",
                rule=item.rule,
                catalog_version=catalog.version,
                severity=catalog.severity_of(item),
                title=rule.title if rule else item.rule,
                body=body,
                evidence=item.evidence
                or ([Evidence(kind=kind, text=item.message, data=item.data)] if kind else []),
            )
        )
    return out
