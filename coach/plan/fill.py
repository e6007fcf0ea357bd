"""Filling the plan: from what the user says, from project checks, from quick answers.

Every function takes the plan and one event and updates it in place; `reconcile` then re-checks
the cross-item contradictions (a random split on data with a time column). Nothing here reads a
file or the log: the app hands over facts, findings and numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from coach.models import Finding
from coach.plan.items import RULE_ITEMS, SPEC_BY_ID
from coach.plan.model import ITEM_IDS, Plan, PlanEvidence, QuickAnswer, Source

if TYPE_CHECKING:
    from coach.router.facts import Facts

# Rules that state a fact to plan for rather than a mistake: they inform, they do not flag.
FACT_RULES = {"IMB003"}
# Metrics that suit a rare positive class.
IMBALANCE_METRICS = {"pr_auc", "f1", "recall", "precision", "balanced_accuracy", "mcc", "kappa"}
METRIC_NAMES = {
    "pr_auc": "PR-AUC",
    "roc_auc": "ROC-AUC",
    "f1": "F1",
    "balanced_accuracy": "balanced accuracy",
    "log_loss": "log loss",
    "mcc": "MCC",
}
_NEGATOR = re.compile(r"\b(not|no|never|without|nor|dont|don't|didnt|won't|wont|avoid\w*)\b")
# Words that settle an item, beyond the router's facts (matched on the normalised text).
_CUES: dict[str, tuple[tuple[str, str], ...]] = {
    "leakage": (
        (
            r"\b(inside|within|in) (a |the |an |my |our )?(sklearn |imblearn |imbalanced-learn )?"
            r"pipelines?\b|\bmake_pipeline\b",
            "leakage: preprocessing fitted inside a Pipeline",
        ),
        (
            r"\b(fit|fitted|fitting)\w* (the )?(scaler|imputer|encoder|preprocessing)\w* (only )?"
            r"on (the )?train",
            "leakage: preprocessing fitted on training data only",
        ),
    ),
    "deployment": (
        (r"\bshadow\b", "deployment: shadow first"),
        (r"\bcanary\b|\bgradual rollout\b|\bstaged rollout\b", "deployment: canary rollout"),
        (r"\ba/?b[- ]?test\w*", "deployment: A/B test"),
    ),
    "privacy": (
        (
            r"\b(local|on-?prem\w*|self-?hosted|in-?house)( \w+)? (model|llm|server)s?\b|"
            r"\bno (customer |personal |raw )?data (leaves|goes|is sent)\b|\banonymi[sz]\w*|"
            r"\bpseudonymi[sz]\w*|\bonly aggregated?\b",
            "third parties: only local models or anonymised data",
        ),
    ),
    "calibration": (
        (
            r"\bcalibrat\w*|\bisotonic\b|\bplatt\b|\breliability (curve|diagram)\b|\bbrier\b",
            "probabilities checked for calibration",
        ),
    ),
    "monitoring": (
        (
            r"\bmonitor\w*|\balert\w*|\bdashboard\w*|\bdrift\w*",
            "monitoring planned",
        ),
    ),
    "fallback": (
        (
            r"\bfall ?back\b|\bhuman review\b|\broll ?back\b|\bmanual review\b",
            "fallback planned",
        ),
    ),
}
# A sentence that asks ("should I use F1?") rather than says what was done or decided ("we split
# by time — ok?" still says what was done).
_ASKING = re.compile(
    r"\s*(should|shall|which|what|how|is|are|can|could|would|do|does|will|any|when|why|where)\b"
)
# Words that make a metric mention a choice, not just a reported score.
_CHOICE = re.compile(
    r"\b(success|optimi[sz]\w*|target metric|primary metric|main metric|measure\w*|judge\w*|"
    r"(we|i)('ll| will| shall) use|switch\w* to|instead of|chose|choose|decided)\b"
)
_COMPILED = {
    key: tuple((re.compile(pattern), text) for pattern, text in cues) for key, cues in _CUES.items()
}


def _positive(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match not negated by a negator in the three words before it."""
    for match in pattern.finditer(text):
        before = text[: match.start()].split()[-3:]
        if not _NEGATOR.search(" ".join(before)):
            return match
    return None


def _cue(key: str, text: str) -> tuple[str, str] | None:
    """(decision, the user's words) for the first cue of `key` found in `text`."""
    for pattern, decision in _COMPILED[key]:
        match = _positive(pattern, text)
        if match is not None:
            return decision, match.group(0)
    return None


def _place(finding: Finding) -> str | None:
    loc = finding.location
    if loc is None:
        loc = next((e.location for e in finding.evidence if e.location is not None), None)
    if loc is None:
        return None
    where = loc.path + (f" cell {loc.cell}" if loc.cell is not None else "")
    return where + (f":{loc.line}" if loc.line else "")


def _quote(finding: Finding) -> str:
    """The user's words that raised a question finding, else its message."""
    words = [e.text for e in finding.evidence if e.kind == "question" and e.text]
    return words[0] if words else finding.message


def _flag(plan: Plan, findings: Iterable[Finding], source: Source) -> None:
    for finding in findings:
        items = RULE_ITEMS.get(finding.rule, ())
        if not items or finding.kind != "rule":
            continue  # a `correct` or `clarify` answer (issue 12) is no evidence of a risk
        if finding.rule in FACT_RULES:
            for item_id in items:
                plan.item(item_id).add_known(f"{finding.rule}: {finding.message}")
            continue
        text = _quote(finding) if source == "question" else finding.message
        where = None if source == "question" else _place(finding)
        for item_id in items:
            plan.item(item_id).add_risk(
                PlanEvidence(source=source, text=text, rule=finding.rule, where=where)
            )


def from_question(plan: Plan, facts: Facts, findings: Iterable[Finding]) -> None:
    """What the user said: the rules their words raised flag items; what they decided settles
    them. Questions ("should I use F1?") decide nothing."""
    # Only mistakes raise a rule: `correct` / `clarify` answers (issue 12) leave decisions alone.
    findings = [f for f in findings if f.detector == "question" and f.kind == "rule"]
    raised = {f.rule for f in findings}
    text = facts.text
    asking = bool(_ASKING.match(text))

    def decide(item_id: str, decision: str, words: str) -> None:
        item = plan.item(item_id)
        item.decide(decision, PlanEvidence(source="question", text=words))

    metrics = [m for m in facts.metrics if not m.negated]
    problem = plan.item("problem")
    if metrics and not asking and (problem.decision is None or _positive(_CHOICE, text)):
        names = ", ".join(dict.fromkeys(METRIC_NAMES.get(m.kind, m.kind) for m in metrics))
        if "IMB001" not in raised:
            decide("problem", f"success metric: {names}", metrics[0].text)
    baseline_scores = [s for s in facts.scores if s.role == "baseline"]
    if baseline_scores:
        score = baseline_scores[0]
        decide("baseline", f"baseline scores {score.text}", score.text)
    elif not asking and not raised & {"BASE001", "BASE002"}:
        simple = facts.models_of("simple")
        mention = facts.has("baseline")
        if simple or mention:
            words = (simple[0] if simple else mention).text  # type: ignore[union-attr]
            decide("baseline", f"baseline: {words}", words)
    for signal, decision in (
        ("time_split", "split: by time"),
        ("group_split", "split: by group"),
    ):
        mention = facts.has(signal)
        if mention is not None and not raised & {"LEAK005", "LEAK006"}:
            decide("split", decision, mention.text)
            break
    else:
        random = facts.has("random_split") or facts.has("stratify")
        if random is not None and not asking and not raised & {"LEAK005", "LEAK006", "IMB002"}:
            stratified = " and stratified" if facts.has("stratify") else ""
            decide("split", f"split: random{stratified}", random.text)
    _decide_balance(plan, facts, metrics, raised)
    leak_steps = [s for s in facts.steps if not s.negated and s.order in ("before", "full")]
    safe_steps = [s for s in facts.steps if not s.negated and s.order in ("after", "inside")]
    cue = _cue("leakage", text)
    if not leak_steps and not raised & set(SPEC_BY_ID["leakage"].rules):
        if cue is not None:
            decide("leakage", *cue)
        elif safe_steps and not asking:
            step = safe_steps[0]
            decide(
                "leakage",
                f"leakage: {step.kind} fitted after the split",
                f"{step.text} {step.relation}".strip(),
            )
    probability = facts.has("probability_use")
    cal = _cue("calibration", text)
    if cal is not None and not raised & {"CAL001", "CAL003"}:
        decide("calibration", *cal)
    elif probability is None and facts.negated("probability_use") is not None:
        words = facts.negated("probability_use").text  # type: ignore[union-attr]
        decide("calibration", "probabilities not used as probabilities", words)
    deploy = _cue("deployment", text)
    if deploy is not None and "DEPLOY001" not in raised:
        parts = [deploy[0]]
        for extra in ("monitoring", "fallback"):
            found = _cue(extra, text)
            if found is not None:
                parts.append(found[0])
        decide("deployment", "; ".join(parts), deploy[1])
    privacy = _cue("privacy", text)
    if privacy is not None and not raised & {"PRIV001", "PRIV002"}:
        decide("privacy", *privacy)
    # Flagged after deciding: a decision replaces the user's earlier words, never what the same
    # sentence raised ("we deploy in shadow, nobody monitors it" is decided *and* at risk).
    _flag(plan, findings, "question")
    reconcile(plan)


def _decide_balance(plan: Plan, facts: Facts, metrics: list[Any], raised: set[str]) -> None:
    balance = facts.balance
    item = plan.item("balance")
    share = None
    if balance is not None and balance.source == "question" and not balance.implicit:
        if balance.minority_share is not None:
            share = balance.minority_share
            item.add_known(f"minority {share * 100:.3g}% (your words: “{balance.text}”)")
        elif balance.qualitative:
            item.add_known(f"imbalanced (your words: “{balance.text}”)")
    if share is None and plan.minority_share is not None:
        share = plan.minority_share
    if "IMB001" in raised:
        return
    suited = [m for m in metrics if m.kind in IMBALANCE_METRICS]
    if share is not None and share >= 0.2 and balance is not None and balance.source == "question":
        item.decide(
            "balanced classes: accuracy is meaningful",
            PlanEvidence(source="question", text=balance.text),
        )
    elif suited and ((share is not None and share < 0.2) or facts.imbalanced):
        names = ", ".join(dict.fromkeys(METRIC_NAMES.get(m.kind, m.kind) for m in suited))
        where = f"minority {share * 100:.3g}%" if share is not None else "imbalanced"
        item.decide(
            f"{where}: judged by {names}", PlanEvidence(source="question", text=suited[0].text)
        )


def from_lint(plan: Plan, findings: Iterable[Finding], files: int, with_models: int) -> None:
    """A `/lint` result replaces the previous one: its findings flag items; a clean audit of
    code that trains a model decides the leakage item (unless the user already did)."""
    findings = list(findings)
    for item_id in ITEM_IDS:
        plan.item(item_id).clear_source("lint")
    _flag(plan, findings, "lint")
    leakage = plan.item("leakage")
    leak_rules = set(SPEC_BY_ID["leakage"].rules)
    clean = with_models and not any(f.rule in leak_rules for f in findings)
    if clean and leakage.decision is None:
        leakage.decide(
            f"/lint found no leakage in {files} files ({with_models} with a model)",
            PlanEvidence(source="lint", text=f"no leakage findings in {files} files"),
        )
    plan.linted = True
    reconcile(plan)


def from_data(
    plan: Plan,
    label: str,
    class_counts: dict[str, int] | None,
    findings: Iterable[Finding],
    time_columns: Iterable[str] = (),
) -> None:
    """A `/data` result replaces the previous one: class balance, leaks in the table, time
    columns (which put a random split at risk)."""
    findings = list(findings)
    for item_id in ITEM_IDS:
        plan.item(item_id).clear_source("data")
    balance = plan.item("balance")
    balance.known = [k for k in balance.known if "(/data" not in k]
    plan.data_label = label
    plan.time_columns = list(time_columns)
    plan.minority_share = None
    if class_counts and len(class_counts) >= 2:
        total = sum(class_counts.values())
        minority, count = min(class_counts.items(), key=lambda kv: (kv[1], kv[0]))
        share = count / total if total else 0.0
        plan.minority_share = share
        balance.add_known(f"minority '{minority}' {share * 100:.3g}% (/data {label})")
        if share >= 0.2 and balance.decision is None:
            balance.decide(
                "balanced classes: accuracy is meaningful",
                PlanEvidence(source="data", text=f"minority class {share * 100:.3g}% in {label}"),
            )
    _flag(plan, findings, "data")
    plan.data_checked = True
    reconcile(plan)


def from_baseline(
    plan: Plan, best: str | None, findings: Iterable[Finding], comparisons: Iterable[str] = ()
) -> None:
    """A `/baseline` result: the best simple model's score decides the item; a model score that
    does not beat it (BASE003) flags it."""
    item = plan.item("baseline")
    for item_id in ITEM_IDS:
        plan.item(item_id).clear_source("baseline")
    if best:
        item.decide(f"baseline: {best}", PlanEvidence(source="baseline", text=best))
    for line in comparisons:
        item.add_known(line)
    _flag(plan, findings, "baseline")
    reconcile(plan)


def from_answer(plan: Plan, item_id: str, answer: QuickAnswer) -> None:
    """A quick answer to the plan's own question (or, later, to a router "clarify")."""
    plan.item(item_id).decide(answer.value, PlanEvidence(source="answer", text=answer.label))
    reconcile(plan)


TIME_RISK = "TIME"  # marks the synthetic "random split on time-ordered data" risk


def reconcile(plan: Plan) -> None:
    """Cross-item contradictions, recomputed after every event."""
    split = plan.item("split")
    split.risks = [r for r in split.risks if r.rule != TIME_RISK]
    decision = (split.decision or "").lower()
    if plan.time_columns and "random" in decision:
        columns = ", ".join(f"'{c}'" for c in plan.time_columns[:3])
        split.add_risk(
            PlanEvidence(
                source="data",
                rule=TIME_RISK,
                text=f"the split is random, but {plan.data_label or 'the data'} has a time column "
                f"({columns}): test on rows later than the training rows",
            )
        )


# -- plan answers in the log ----------------------------------------------------------------

ANSWER_PREFIX = "/plan "


def answer_line(item_id: str, answer: QuickAnswer) -> str:
    """How a quick answer is logged (as a question of the session), so `--resume` replays it."""
    return f"{ANSWER_PREFIX}{item_id}: {answer.label} = {answer.value}"


def parse_answer_line(text: str) -> tuple[str, QuickAnswer] | None:
    if not text.startswith(ANSWER_PREFIX):
        return None
    item_id, sep, rest = text[len(ANSWER_PREFIX) :].partition(": ")
    label, eq, value = rest.partition(" = ")
    if not sep or not eq or item_id not in ITEM_IDS:
        return None
    return item_id, QuickAnswer(label=label, value=value)
