"""What each plan item asks, how to settle it, and which catalog rules put it at risk.

The items follow the practitioner lessons the catalog is built on (shared KNOWLEDGE.md): frame
the problem and its metric first (Ameisen), always get a simple baseline (Raschka), split the way
the model will be used, audit for leakage, pick metrics that suit the class balance, check
calibration before anyone reads scores as probabilities, deploy in shadow or canary with
monitoring and a fallback, and decide what may go to third-party APIs.
"""

from __future__ import annotations

from dataclasses import dataclass

from coach.plan.model import ItemId, Plan, PlanItem, QuickAnswer, QuickQuestion


@dataclass(frozen=True)
class ItemSpec:
    id: ItemId
    title: str
    short: str  # the panel's label (narrow)
    ask: str  # the question that settles it
    answers: tuple[tuple[str, str], ...]  # quick answers: (button label, decision)
    rules: tuple[str, ...]  # rules whose findings put the item at risk


SPECS: tuple[ItemSpec, ...] = (
    ItemSpec(
        "problem",
        "Problem and success metric",
        "Metric",
        "What decides whether the model is good enough — which metric, on which data?",
        (
            (
                "PR-AUC / recall at a fixed precision",
                "success metric: PR-AUC and recall at a fixed precision (rare positives)",
            ),
            ("F1 on the positive class", "success metric: F1 on the positive class"),
            ("ROC-AUC (ranking)", "success metric: ROC-AUC (the model ranks cases)"),
            ("RMSE / MAE (regression)", "success metric: RMSE / MAE (a regression)"),
        ),
        ("IMB001",),
    ),
    ItemSpec(
        "baseline",
        "Simplest baseline and its score",
        "Baseline",
        "What is the simplest model you trust, and what does it score?",
        (
            ("Run /baseline on the attached data", "/baseline"),
            ("Majority class (DummyClassifier)", "baseline: majority-class DummyClassifier"),
            (
                "Logistic regression on simple features",
                "baseline: logistic regression on simple features",
            ),
            ("A business rule / heuristic", "baseline: the current business rule"),
        ),
        ("BASE001", "BASE002", "BASE003"),
    ),
    ItemSpec(
        "split",
        "Split strategy (random, time or group, and why)",
        "Split",
        "How will train and test be split — as the model will meet new data?",
        (
            (
                "Random, stratified (rows are independent)",
                "split: random and stratified — rows are independent",
            ),
            (
                "By time (train on the past, test on later)",
                "split: by time — train on the past, test on later rows",
            ),
            (
                "By group (an entity on one side only)",
                "split: by group — each customer/entity on one side only",
            ),
        ),
        ("LEAK005", "LEAK006", "IMB002"),
    ),
    ItemSpec(
        "leakage",
        "Leakage audit",
        "Leakage",
        "Has the pipeline been checked for leakage (preprocessing, overlap, target leaks)?",
        (
            (
                "Preprocessing is fitted inside a Pipeline",
                "leakage: preprocessing fitted inside a Pipeline, on training folds only",
            ),
            (
                "Every feature is known at prediction time",
                "leakage: every feature is known at prediction time",
            ),
        ),
        ("LEAK001", "LEAK002", "LEAK003", "LEAK004", "EVAL001", "EVAL002", "EVAL003"),
    ),
    ItemSpec(
        "balance",
        "Class balance and the metric that suits it",
        "Balance",
        "How rare is the positive class, and which metric and weighting suit it?",
        (
            (
                "Rare positives: PR-AUC, class weights",
                "imbalanced: PR-AUC and recall, class weights, threshold chosen on validation data",
            ),
            ("Roughly balanced: accuracy is fine", "balanced classes: accuracy or ROC-AUC"),
        ),
        ("IMB001", "IMB003"),
    ),
    ItemSpec(
        "calibration",
        "Calibration, if probabilities are used",
        "Calibration",
        "Will anyone read the scores as probabilities?",
        (
            (
                "No — only a ranking or a threshold",
                "probabilities not used as probabilities (ranking / threshold only)",
            ),
            (
                "Yes — check and calibrate them",
                "probabilities used: reliability curve and Brier "
                "score on held-out data, calibrate if off",
            ),
        ),
        ("CAL001", "CAL002", "CAL003"),
    ),
    ItemSpec(
        "deployment",
        "Deployment, monitoring and fallback",
        "Deploy",
        "How will it go live — shadow or canary first, what is monitored, what is the fallback?",
        (
            (
                "Shadow first, then canary",
                "deployment: shadow on live traffic, then a canary; "
                "monitor inputs and predictions; fall back to the current rule",
            ),
            (
                "Batch scores reviewed by a person",
                "deployment: batch scores reviewed by a person before any action",
            ),
        ),
        ("DEPLOY001", "DEPLOY002", "DEPLOY003"),
    ),
    ItemSpec(
        "privacy",
        "Data sent to third-party APIs",
        "Privacy",
        "What data may go to third-party APIs (LLMs, hosted services)?",
        (
            ("None — everything stays local", "third parties: no data leaves our systems"),
            (
                "Only anonymised or aggregated data",
                "third parties: only anonymised or aggregated data",
            ),
            ("No third-party APIs are used", "third parties: none used"),
        ),
        ("PRIV001", "PRIV002"),
    ),
)
SPEC_BY_ID: dict[str, ItemSpec] = {spec.id: spec for spec in SPECS}
# Rule id -> the plan items its findings put at risk.
RULE_ITEMS: dict[str, tuple[ItemId, ...]] = {}
for _spec in SPECS:
    for _rule in _spec.rules:
        RULE_ITEMS[_rule] = (*RULE_ITEMS.get(_rule, ()), _spec.id)


def new_plan() -> Plan:
    return Plan(items=[PlanItem(id=spec.id, title=spec.title) for spec in SPECS])


def quick_question(item: PlanItem, *, has_data: bool = False) -> QuickQuestion:
    """The question that settles `item`, with its quick answers (commands need their context:
    `/baseline` is offered only with a dataset attached)."""
    spec = SPEC_BY_ID[item.id]
    answers = []
    for label, value in spec.answers:
        if value.startswith("/"):
            if value == "/baseline" and not has_data:
                continue
            answers.append(QuickAnswer(label=label, value=value, command=value))
        else:
            answers.append(QuickAnswer(label=label, value=value))
    return QuickQuestion(prompt=spec.ask, answers=answers, item=item.id)


def next_step(plan: Plan, *, has_repo: bool = False, has_data: bool = False) -> str | None:
    """One sentence proposing the next open item, naming the command that settles it when one
    exists; None when every item is decided or flagged."""
    item = plan.next_open()
    if item is None:
        return None
    if item.id == "baseline":
        if has_data:
            return "You have no baseline yet — /baseline runs one on your data."
        return (
            "You have no baseline yet — attach data (/data FILE --target COL) and run /baseline, "
            "or tell me your simplest model and its score."
        )
    if item.id == "leakage" and not has_repo:
        return "No leakage audit yet — /lint PATH checks your code (and /data your dataset)."
    if item.id == "balance" and not has_data:
        return (
            "Class balance unknown — /data FILE --target COL counts the classes, or tell me how "
            "rare the positive class is."
        )
    return f"{item.title}: {SPEC_BY_ID[item.id].ask}"
