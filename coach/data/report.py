"""What the data checks and baselines return (pydantic). Findings become log suggestions in
`coach.suggestions`."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from coach.models import SEVERITY_ORDER, Evidence, EvidenceKind, Finding, Severity

Task = Literal["classification", "regression"]


def finding(
    rule: str,
    message: str,
    data: dict[str, Any],
    *,
    severity: Severity | None = None,
    kind: EvidenceKind = "data",
) -> Finding:
    """A data-detector finding whose numbers are both in `data` and in one Evidence."""
    return Finding(
        rule=rule,
        detector="data",
        message=message,
        severity=severity,
        data=data,
        evidence=[Evidence(kind=kind, text=message, data=data)],
    )


def severity_of(item: Finding) -> Severity:
    """The finding's own severity, else the catalog's severity for its rule."""
    from coach.catalog import default_catalog

    return default_catalog().severity_of(item)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[severity_of(f)], f.rule))


def finding_json(item: Finding) -> dict[str, Any]:
    return {
        "rule": item.rule,
        "severity": severity_of(item),
        "message": item.message,
        "evidence": item.data,
    }


def fails(findings: list[Finding]) -> bool:
    """True when a finding is a warning or an error (the commands then exit 1)."""
    return any(severity_of(f) in ("error", "warning") for f in findings)


class DataSummary(BaseModel):
    file: str
    target: str
    task: Task | None = None
    rows: int
    columns: int
    labelled_rows: int
    missing_target_rows: int = 0
    n_classes: int | None = None
    test_file: str | None = None
    test_rows: int | None = None
    test_columns: int | None = None
    sampled: bool = False
    sample_size: int | None = None
    seed: int = 0
    checks: list[str] = Field(default_factory=list)
    # Columns left out of row comparisons (duplicates, overlap, conflicts), with the reason.
    ignored_columns: dict[str, str] = Field(default_factory=dict)
    seconds: float = 0.0


class ColumnDrift(BaseModel):
    """How one column differs between training and test (the numbers behind DATA008)."""

    column: str
    kind: Literal["num", "text"]
    psi: float
    p_value: float
    ks: float | None = None
    train_median: float | None = None
    test_median: float | None = None
    unseen_share: float | None = None
    unseen_rows: int | None = None
    expected_unseen_rows: float | None = None
    unseen_examples: list[str] = Field(default_factory=list)
    drifted: bool = False


class Adversarial(BaseModel):
    """Adversarial validation: how well a model tells training rows from test rows."""

    auc: float
    rows_per_file: int
    folds: int
    seed: int
    columns: dict[str, float] = Field(default_factory=dict)  # column -> AUC lost when shuffled


class DataReport(BaseModel):
    summary: DataSummary
    class_counts: dict[str, int] | None = None
    test_class_counts: dict[str, int] | None = None
    findings: list[Finding] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    # Best single-feature skills from the LEAK004 check (column -> skill), for context.
    single_feature_skill: dict[str, float] = Field(default_factory=dict)
    # Train/test drift per compared column (DATA008) and adversarial validation (DATA009).
    drift: dict[str, ColumnDrift] = Field(default_factory=dict)
    adversarial: Adversarial | None = None

    def finding(self, rule: str) -> Finding | None:
        return next((f for f in self.findings if f.rule == rule), None)

    def rules(self) -> list[str]:
        return [f.rule for f in self.findings]

    def to_json(self) -> dict[str, Any]:
        return {
            "findings": [finding_json(f) for f in self.findings],
            "summary": self.summary.model_dump(mode="json"),
            "class_counts": self.class_counts,
            "test_class_counts": self.test_class_counts,
            "single_feature_skill": self.single_feature_skill,
            "drift": {c: d.model_dump(mode="json") for c, d in self.drift.items()},
            "adversarial": self.adversarial.model_dump(mode="json") if self.adversarial else None,
            "notes": self.notes,
        }


class MetricStat(BaseModel):
    mean: float
    std: float
    folds: list[float] = Field(default_factory=list)


class ModelResult(BaseModel):
    name: str
    # "flagged": the simple model with the columns the leakage checks flagged put back, shown for
    # comparison only — never the bar a user's score is measured against.
    kind: Literal["trivial", "simple", "flagged"]
    description: str
    metrics: dict[str, MetricStat]
    seconds: float = 0.0


class ScoreComparison(BaseModel):
    """The user's `--model-score METRIC=VALUE` against the best baseline on that metric."""

    metric: str
    value: float
    higher_is_better: bool
    best_model: str
    best_mean: float
    best_std: float
    margin: float
    trivial_model: str
    trivial_mean: float
    beats_clearly: bool
    beats_trivial: bool


class BaselineReport(BaseModel):
    file: str
    target: str
    task: Task
    cv: int
    rows: int
    rows_used: int
    sampled: bool = False
    sample_size: int | None = None
    seed: int = 0
    class_counts: dict[str, int] | None = None
    positive_class: str | None = None
    features: list[str] = Field(default_factory=list)
    dropped_columns: dict[str, str] = Field(default_factory=dict)
    # Columns the leakage checks flagged and the baseline left out (also in dropped_columns).
    leakage_columns: dict[str, str] = Field(default_factory=dict)
    models: list[ModelResult] = Field(default_factory=list)
    comparisons: list[ScoreComparison] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    seconds: float = 0.0

    def model(self, name: str) -> ModelResult:
        return next(m for m in self.models if m.name == name)

    def to_json(self) -> dict[str, Any]:
        payload = self.model_dump(mode="json", exclude={"findings"})
        payload["findings"] = [finding_json(f) for f in self.findings]
        return payload
