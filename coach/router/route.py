"""`route(question, context) -> RouteResult`: facts, then rules, then related checklist items.

Pure: no I/O beyond reading the catalog (and the cached `related` index). The caller
(`coach.ask`) decides which context to gather — `needs()` tells it what the question asks about —
runs lint / data checks, and passes their reports in. Context feeds the rules two ways:
- dataset class counts stand in for balance numbers the question does not give; when the
  question gives its own, those are used and the dataset's are kept beside them
  (`RouteResult.data_balance`) so the answer can show both;
- lint and data findings are merged into the answer only for a rule the question itself raised
  (your `train.py:14` does exactly this), or, when the question asks about the project ("any
  problems in my code?", "is my dataset imbalanced?"), for the families it asks about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from coach.catalog import Catalog, default_catalog
from coach.models import SEVERITY_ORDER, Evidence, Finding
from coach.router import classifier, correct
from coach.router.facts import Balance, Facts, extract
from coach.router.predicates import Hit, evaluate
from coach.router.regex_cache import get, register
from coach.router.related import Related

if TYPE_CHECKING:
    from coach.data.report import DataReport
    from coach.lint.model import LintReport

RouteName = Literal["rules", "draft", "rules+draft", "none"]

# Families the code linter and the data checks can answer about.
LINT_FAMILIES = {"LEAK", "BASE", "IMB", "EVAL", "REPRO", "SCALE"}
DATA_FAMILIES = {"LEAK", "IMB", "DATA", "BASE"}
# Data checks that answer each family (None = all of them). Imbalance is cheap (target only).
DATA_CHECKS: dict[str, set[str]] = {
    "IMB": {"target", "imbalance"},
    "BASE": {"target", "imbalance"},
    "LEAK": {
        "target",
        "imbalance",
        "duplicates",
        "conflicts",
        "overlap",
        "leakage",
        "time",
        "groups",
    },
    "DATA": {"target", "imbalance", "order", "columns", "duplicates", "conflicts"},
}

_TOPICS: dict[str, str] = {
    "IMB": r"\b(imbalanc\w*|unbalanc\w*|balanced|class (distribution|balance|counts?|ratio)|"
    r"minority|majority|rare class|skew\w*|stratif\w*|accuracy|how many (positives|negatives))",
    "LEAK": r"\b(leak\w*|overlap\w*|duplicat\w*|contaminat\w*|split\w*|test set|preprocess\w*|"
    r"scal(e|ed|ing)|normali[sz]\w*|imput\w*|target|time|group\w*|too good|suspicious)",
    "BASE": r"\b(baselines?|dummy|simple model|complex|beat\w*|better than)\b",
    "EVAL": r"\b(evaluat\w*|metrics?|scor(e|es|ing)|test(ed|ing)?)\b",
    "REPRO": r"\b(seeds?|random_state|reproduc\w*|determinis\w*|different (results|scores))",
    "SCALE": r"\b(scal(e|ed|ing|er)|normali[sz]\w*|standardi[sz]\w*|knn|svm|neural)",
    "DATA": r"\b(missing|constant|conflict\w*|sorted|mixed types?|duplicat\w*|empty|nan|null)\b",
}
for _family, _pattern in _TOPICS.items():
    register(f"topic:{_family}", _pattern)
_GENERIC = re.compile(
    r"\b(problems?|issues?|wrong|mistakes?|bugs?|check|review|anything|red flags?|pitfalls?|"
    r"look (ok|okay|right|fine)|is (it|this|everything) (ok|okay|fine|right)|concerns?|flaws?|"
    r"smells?|errors?|what do you think)\b"
)
_CODE_WORDS = re.compile(
    r"\b(code|script|notebook|repo|repository|pipeline|project|training file)s?\b"
)
# The question is about the attached project itself, not about practice in general.
_PROJECT_WORDS = re.compile(
    r"\b(my|our|the|this|attached) (own )?(code|scripts?|notebooks?|repo|repository|project|"
    r"training (code|scripts?|files?|notebooks?)|data ?sets?|csv|data files?|files?|columns?)\b|"
    r"\b(my|our) (training |own )?data\b"
)
_DATA_WORDS = re.compile(r"\b(data|dataset|csv|file|table|labels?|classes|rows|columns?|target)\b")


@dataclass
class RouteResult:
    question: str
    route: RouteName
    facts: Facts
    findings: list[Finding] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    families: list[str] = field(default_factory=list)  # what the question asks about
    # The dataset's class balance when the question gave its own numbers (which were used).
    data_balance: Balance | None = None
    # Stage 1's view: family -> probability from the shipped classifier (empty without it).
    recognised: dict[str, float] = field(default_factory=dict)


@dataclass
class RouteContext:
    """What the caller gathered for this question (both optional)."""

    lint: LintReport | None = None
    data: DataReport | None = None
    data_label: str = ""  # e.g. "transactions.csv, target is_fraud"
    notes: list[str] = field(default_factory=list)


@dataclass
class ContextNeeds:
    lint: bool
    data_checks: set[str] | None  # None: nothing to run
    families: set[str]


def topics(facts: Facts, rule_hits: set[str] | None = None) -> tuple[set[str], bool]:
    """(families the question asks about, whether it asks generically "any problems?")."""
    text = facts.text
    families = {fam for fam in _TOPICS if get(f"topic:{fam}").search(text)}
    families |= {rid.rstrip("0123456789") for rid in rule_hits or set()}
    if facts.scores:
        families |= {"IMB", "BASE"}
    return families, bool(_GENERIC.search(text))


def needs(question: str, *, has_repo: bool, has_data: bool) -> ContextNeeds:
    """Which context this question needs: run only what it asks about."""
    facts = extract(question)
    families, generic = topics(facts)
    lint = has_repo and bool(generic or families & LINT_FAMILIES or _CODE_WORDS.search(facts.text))
    checks: set[str] | None = None
    if has_data:
        if generic:
            wanted = set().union(*DATA_CHECKS.values())
        else:
            wanted = (
                set().union(*(DATA_CHECKS[f] for f in families & DATA_FAMILIES))
                if families & DATA_FAMILIES
                else set()
            )
        if not wanted and _DATA_WORDS.search(facts.text):
            wanted = DATA_CHECKS["IMB"]
        checks = wanted or None
    return ContextNeeds(lint=lint, data_checks=checks, families=families)


def _data_balance(report: DataReport, label: str) -> Balance | None:
    counts = report.class_counts or {}
    if len(counts) < 2 or (report.summary.task not in (None, "classification")):
        return None
    total = sum(counts.values())
    if total <= 0:
        return None
    minority_class, minority = min(counts.items(), key=lambda kv: (kv[1], kv[0]))
    share = minority / total
    parts = ", ".join(f"{k}: {v:,}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
    where = f" in {label}" if label else ""
    return Balance(
        minority_share=share,
        text=f"class counts{where}: {parts} (minority '{minority_class}' = {share * 100:.2f}%)",
        source="data",
    )


def _with_context(facts: Facts, context: RouteContext | None) -> tuple[Facts, Balance | None]:
    """(facts to answer from, the dataset's balance when it was *not* used). The user's own
    numbers are never silently replaced: they are used, and the dataset's are returned beside."""
    if context is None or context.data is None:
        return facts, None
    balance = _data_balance(context.data, context.data_label)
    if balance is None:
        return facts, None
    own = facts.balance
    if own is not None and own.source == "question" and own.minority_share is not None:
        return facts, balance
    families, _generic = topics(facts)
    if not (facts.scores or families & {"IMB", "BASE"}):
        return facts, None  # the question is not about balance or scores: no numbers to add
    return replace(facts, balance=balance), None


def about_project(facts: Facts, generic: bool) -> bool:
    """Whether the question asks about the attached code or data itself."""
    return generic or (facts.intent == "question" and bool(_PROJECT_WORDS.search(facts.text)))


def _context_findings(
    context: RouteContext | None,
    families: set[str],
    generic: bool,
    raised: set[str],
    project: bool,
) -> list[Finding]:
    """The project's findings that belong in this answer: the rules the question raised, and,
    for a question about the project, the families it asks about (all of them if generic)."""
    if context is None:
        return []

    def wanted(f: Finding) -> bool:
        if f.rule in raised:
            return True
        return project and (generic or f.rule.rstrip("0123456789") in families)

    found: list[Finding] = []
    if context.lint is not None:
        found += [f for f in context.lint.findings if wanted(f)]
    if context.data is not None:
        found += [f for f in context.data.findings if wanted(f)]
    return found


def _code_evidence(finding: Finding) -> Evidence:
    loc = finding.location
    where = ""
    if loc is not None:
        if loc.cell is not None:
            where = f"{loc.path} cell {loc.cell}" + (f", line {loc.line}" if loc.line else "")
        else:
            where = loc.path + (f":{loc.line}" if loc.line else "")
    text = f"{where}: {finding.message}" if where else finding.message
    return Evidence(kind="code", text=text, location=loc)


def _answer_findings(
    facts: Facts,
    hits: dict[str, Hit],
    catalog: Catalog,
    answered: set[str],
) -> tuple[dict[str, Finding], dict[str, float]]:
    """Stage 2 decides: evidence -> `rule`; correct practice -> `correct`; recognised by stage 1
    but undecided -> `clarify` (the rule's deciding question, info level)."""
    findings: dict[str, Finding] = {}
    for rule_id, hit in hits.items():
        findings[rule_id] = Finding(
            rule=rule_id,
            detector="question",
            message=hit.message,
            severity=hit.severity,
            evidence=hit.evidence,
            data={k: v for k, v in hit.data.items() if v not in (None, "", [], {})},
        )
    for practice in correct.find(facts.question):
        rules = [r for r in practice.concept.rules if r in catalog.rules]
        hit_rules = [r for r in rules if r in findings and findings[r].kind == "rule"]
        if practice.proposed:
            # "we should fit it on the training data": the mistake may or may not have been made
            # (unless the user already answered the rule's deciding question).
            for rule_id in (r for r in hit_rules if r not in answered):
                findings[rule_id] = _clarify(rule_id, catalog, findings[rule_id].evidence)
            continue
        for rule_id in _misread(findings, facts.question, practice):
            del findings[rule_id]
        for rule_id in hit_rules or rules[:1]:
            if rule_id in findings and findings[rule_id].kind == "correct":
                continue
            findings[rule_id] = Finding(
                rule=rule_id,
                detector="question",
                kind="correct",
                severity="info",
                message=f"That order is right: {practice.concept.says}.",
                evidence=[Evidence(kind="question", text=practice.text)],
                data={},
            )
    for rule_id in set(findings) & answered:
        if findings[rule_id].kind == "clarify":
            del findings[rule_id]
    recognised: dict[str, float] = {}
    model = classifier.load()
    if model is not None:
        recognised = model.family_scores(facts.text)
        covered = {r.rstrip("0123456789") for r in set(findings) | answered}
        known = set(catalog.rules) - answered
        for family, prob in sorted(recognised.items()):
            if prob < model.threshold or family in covered:
                continue
            rule_id = model.best_rule(facts.text, family, known)
            if rule_id is None or rule_id in findings:
                continue
            words = [w for w, weight in model.explain(facts.text, family) if weight > 0][:4]
            evidence = [Evidence(kind="note", text="recognised from: " + ", ".join(words))]
            findings[rule_id] = _clarify(rule_id, catalog, evidence if words else [])
    return findings, recognised


def _misread(findings: dict[str, Finding], question: str, practice: correct.Practice) -> list[str]:
    """Mistake hits quoting the very words that describe the correct practice (other rules than
    the practice's own): the words were misread, there is no evidence of a mistake."""
    stated = [
        (lo, lo + len(t)) for t in (practice.text, *practice.also) if (lo := question.find(t)) >= 0
    ]
    out = []
    for rule_id, finding in findings.items():
        if finding.kind != "rule" or rule_id in practice.concept.rules:
            continue
        quoted = [(question.find(e.text), len(e.text)) for e in finding.evidence]
        if quoted and all(
            any(0 <= start < hi and lo < start + n for lo, hi in stated) for start, n in quoted
        ):
            out.append(rule_id)
    return out


def _apply_answer(
    findings: dict[str, Finding], catalog: Catalog, rule_id: str, index: int
) -> dict[str, Finding]:
    """The user answered `rule_id`'s deciding question: the first answer confirms it, the last
    clears it; their own sentence is the evidence."""
    rule = catalog.rules[rule_id]
    assert rule.clarify is not None
    answer = rule.clarify.answers[index]
    current = findings.get(rule_id)
    evidence = [Evidence(kind="question", text=answer.adds)]
    if index == 0 and (current is None or current.kind != "rule"):
        findings[rule_id] = Finding(
            rule=rule_id, detector="question", message=rule.summary, evidence=evidence
        )
    elif index == len(rule.clarify.answers) - 1 and current is not None and current.kind == "rule":
        findings[rule_id] = Finding(
            rule=rule_id,
            detector="question",
            kind="correct",
            severity="info",
            message=f"Then this looks right: {answer.label[0].lower()}{answer.label[1:]}.",
            evidence=evidence,
        )
    return findings


def _clarify(rule_id: str, catalog: Catalog, evidence: list[Evidence]) -> Finding:
    rule = catalog.rules[rule_id]
    ask = rule.clarify.question if rule.clarify else "Does this apply to what you did?"
    return Finding(
        rule=rule_id,
        detector="question",
        kind="clarify",
        severity="info",
        clarify=rule.clarify,
        message=f"Worth checking: {rule.title[0].lower()}{rule.title[1:]}. {ask}",
        evidence=evidence,
    )


def route(
    question: str,
    context: RouteContext | None = None,
    *,
    catalog: Catalog | None = None,
    with_related: bool = True,
    answered: set[str] | None = None,
) -> RouteResult:
    """Route one question: facts -> candidates -> checked answers (+ context findings) -> related.

    `answered`: rules whose deciding question the user already answered (a follow-up): they are
    not asked again.
    """
    catalog = catalog or default_catalog()
    facts, data_balance = _with_context(extract(question), context)
    hits = evaluate(facts, catalog)
    families, generic = topics(facts, set(hits))
    project = about_project(facts, generic)
    from coach.router.clarify import answered_rules

    given = answered_rules(question, catalog)
    findings, recognised = _answer_findings(facts, hits, catalog, (answered or set()) | set(given))
    for rule_id, index in given.items():
        findings = _apply_answer(findings, catalog, rule_id, index)
    for item in _context_findings(context, families, generic, set(hits), project):
        if item.rule not in catalog.rules:
            continue
        evidence = (
            [_code_evidence(item)]
            if item.detector == "code"
            else (item.evidence or [Evidence(kind="data", text=item.message, data=item.data)])
        )
        existing = findings.get(item.rule)
        if existing is None or existing.kind != "rule":  # the code or data decided it
            findings[item.rule] = item.model_copy(update={"evidence": evidence})
        else:
            merged_data: dict[str, Any] = {
                **existing.data,
                **({} if item.detector == "code" else item.data),
            }
            findings[item.rule] = existing.model_copy(
                update={"evidence": existing.evidence + evidence, "data": merged_data}
            )
    ordered = sorted(
        findings.values(),
        key=lambda f: (SEVERITY_ORDER[f.severity or catalog.rules[f.rule].severity], f.rule),
    )
    related: list[Related] = []
    if with_related:
        from coach.router.related import load_index

        index = load_index(catalog)
        if index is not None:
            related = index.top(facts.text, exclude={f.rule for f in ordered})
    return RouteResult(
        question=question,
        route="rules" if ordered else "draft",
        facts=facts,
        findings=ordered,
        related=related,
        families=sorted(families),
        data_balance=data_balance,
        recognised=recognised,
    )
