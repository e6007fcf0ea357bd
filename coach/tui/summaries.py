"""Plain summaries of lint, data and log results for the app's panels. No Textual here.

The panels show counts and a few facts; computing them from the reports is kept apart from the
widgets so it can be tested directly and so the widgets stay dumb.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from pydantic import BaseModel, Field

from coach.models import SEVERITY_ORDER, Finding, Suggestion


class RepoSummary(BaseModel):
    path: str
    files: int = 0
    files_with_models: int = 0
    unanalysed: int = 0
    findings: int = 0
    # (family, count, worst severity), most severe first.
    by_family: list[tuple[str, int, str]] = Field(default_factory=list)


class DataSummary(BaseModel):
    path: str
    target: str
    facts: list[str] = Field(default_factory=list)
    by_rule: list[tuple[str, int, str]] = Field(default_factory=list)
    # (model name, metric, mean, std) per cross-validated baseline.
    baselines: list[tuple[str, str, float, float]] = Field(default_factory=list)
    # (class label, rows), largest first: the class-balance chart.
    classes: list[tuple[str, int]] = Field(default_factory=list)
    # Your model's score on the baselines' metric (from /baseline METRIC=VALUE), for the chart.
    yours: float | None = None

    def baseline_lines(self) -> list[str]:
        return [
            f"{name}: {metric} {mean:.3f} ± {std:.3f}" for name, metric, mean, std in self.baselines
        ]


class OpenFinding(BaseModel):
    """Pending suggestions of one rule (or all pending drafts), for the side panel."""

    ids: list[str]
    rule: str | None
    title: str
    severity: str | None
    draft: bool

    @property
    def count(self) -> int:
        return len(self.ids)


def family_of(rule_id: str) -> str:
    return rule_id.rstrip("0123456789") or rule_id


def severity_of(finding: Finding, rules: dict[str, Any]) -> str:
    if finding.severity:
        return finding.severity
    rule = rules.get(finding.rule)
    return rule.severity if rule is not None else "info"


def count_by(findings: list[Finding], rules: dict[str, Any], key) -> list[tuple[str, int, str]]:
    """(group, count, worst severity) per group, most severe groups first, then by name."""
    counts: Counter[str] = Counter()
    worst: dict[str, str] = {}
    for finding in findings:
        group = key(finding)
        counts[group] += 1
        severity = severity_of(finding, rules)
        if group not in worst or SEVERITY_ORDER[severity] < SEVERITY_ORDER[worst[group]]:
            worst[group] = severity
    return sorted(
        ((g, counts[g], worst[g]) for g in counts),
        key=lambda item: (SEVERITY_ORDER[item[2]], item[0]),
    )


def repo_summary(path: str, report: Any, rules: dict[str, Any]) -> RepoSummary:
    """From a `coach.lint.model.LintReport`."""
    findings = list(report.findings)
    return RepoSummary(
        path=path,
        files=report.summary.files,
        files_with_models=report.summary.files_with_models,
        # The report's own count, so the app and `coach lint` agree on what was not analysed.
        unanalysed=report.summary.errors,
        findings=len(findings),
        by_family=count_by(findings, rules, lambda f: family_of(f.rule)),
    )


def open_findings(suggestions: list[Suggestion]) -> list[OpenFinding]:
    """Pending suggestions grouped by rule (drafts together), most severe first, drafts last:
    what still needs a decision."""
    groups: dict[tuple[bool, str | None], OpenFinding] = {}
    for s in suggestions:
        if s.status != "pending":
            continue
        key = (s.draft, None if s.draft else s.rule)
        group = groups.get(key)
        if group is None:
            groups[key] = OpenFinding(
                ids=[s.id],
                rule=key[1],
                title="brainstorm" if s.draft else s.title,
                severity=s.severity,
                draft=s.draft,
            )
            continue
        group.ids.append(s.id)
        if _rank(s.severity) < _rank(group.severity):
            group.severity = s.severity
    return sorted(groups.values(), key=lambda g: (g.draft, _rank(g.severity), g.rule or ""))


def _rank(severity: str | None) -> int:
    return SEVERITY_ORDER.get(severity or "info", 3)


def _share(count: int, total: int) -> str:
    share = 100 * count / total if total else 0.0
    return f"{share:.1f}%" if share >= 0.1 or share == 0 else f"{share:.2f}%"


# The metrics shown per baseline model, in order of preference (the panel is narrow).
PANEL_METRICS = ("balanced_accuracy", "average_precision", "pr_auc", "r2", "mae")


def data_summary(
    path: str, target: str, report: Any | None, baseline: Any | None, rules: dict[str, Any]
) -> DataSummary:
    """From a `coach.data.report.DataReport` and/or `BaselineReport` (either may be None)."""
    facts: list[str] = []
    by_rule: list[tuple[str, int, str]] = []
    classes: list[tuple[str, int]] = []
    yours: float | None = None
    if report is not None:
        s = report.summary
        facts.append(f"{s.rows:,} rows × {s.columns} columns" + (" (sampled)" if s.sampled else ""))
        if report.class_counts:
            total = sum(report.class_counts.values())
            ranked = sorted(report.class_counts.items(), key=lambda kv: -kv[1])
            classes = [(str(label), int(n)) for label, n in ranked]
            shown = ", ".join(f"{label} {_share(n, total)}" for label, n in ranked[:4])
            more = f" +{len(ranked) - 4}" if len(ranked) > 4 else ""
            facts.append(f"classes: {shown}{more}")
        elif s.task:
            facts.append(f"task: {s.task}")
        by_rule = count_by(list(report.findings), rules, lambda f: f.rule)
    scores: list[tuple[str, str, float, float]] = []
    if baseline is not None:
        for model in baseline.models:
            metric = next((m for m in PANEL_METRICS if m in model.metrics), None)
            if metric is None and model.metrics:
                metric = next(iter(model.metrics))
            if metric is None:
                continue
            stat = model.metrics[metric]
            scores.append((model.name, metric, stat.mean, stat.std))
        shown_metric = scores[0][1] if scores else None
        yours = next((c.value for c in baseline.comparisons if c.metric == shown_metric), None)
    return DataSummary(
        path=path,
        target=target,
        facts=facts,
        by_rule=by_rule,
        baselines=scores,
        classes=classes,
        yours=yours,
    )


BAR_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: float, maximum: float, width: int) -> str:
    """A horizontal bar of `width` cells for value/maximum, in eighths of a cell (a value above
    zero always shows at least a sliver, so a 0.5% class is still visible)."""
    if maximum <= 0 or width <= 0:
        return ""
    eighths = round(8 * width * max(0.0, min(value, maximum)) / maximum)
    if value > 0 and eighths == 0:
        eighths = 1
    full, rest = divmod(eighths, 8)
    return "█" * full + (BAR_EIGHTHS[rest] if rest else "")
