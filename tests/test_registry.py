"""Every rule a detector can emit is declared in one place, and agrees with the catalog.

For each detector kind (code = `coach lint`, question = the router, data = `coach check-data` /
`coach baseline`) the rules registered with `@emits(kind, RULE)` — plus, for questions, the rules
whose catalog entry declares its question detector as data — must be exactly the rules whose
catalog entry lists that kind in `detectors`. A rule the catalog promises but no code emits, or
code emitting a rule the catalog does not list, fails here with the rule and the function named.
"""

from __future__ import annotations

import pytest

from coach import registry
from coach.catalog import default_catalog


@pytest.fixture(scope="module", autouse=True)
def _loaded() -> None:
    registry.load()


def _declared(kind: str) -> set[str]:
    rules = default_catalog().rules.values()
    return {r.id for r in rules if kind in r.detectors}


def _implemented(kind: registry.DetectorKind) -> set[str]:
    found = registry.rules(kind)
    if kind == "question":
        found |= {r.id for r in default_catalog().rules.values() if r.question is not None}
    return found


@pytest.mark.parametrize("kind", registry.KINDS)
def test_registrations_match_the_catalog_detectors_both_ways(kind) -> None:
    declared, implemented = _declared(kind), _implemented(kind)
    where = {r.rule: r.where for r in registry.registrations(kind)}
    unlisted = {
        rule: where.get(rule, "catalog [rules.question]") for rule in implemented - declared
    }
    assert not unlisted, f"{kind} detectors emit rules whose catalog entry does not list {kind!r}"
    assert not declared - implemented, (
        f"the catalog lists a {kind} detector for {sorted(declared - implemented)}, "
        "but nothing registers one"
    )


def test_every_registered_rule_exists_in_the_catalog() -> None:
    catalog = default_catalog()
    unknown = [
        r.where + " -> " + r.rule for r in registry.registrations() if r.rule not in catalog.rules
    ]
    assert not unknown


def test_a_question_rule_is_either_code_or_catalog_data_never_both() -> None:
    """One home: a topic-only rule's advice lives in the catalog, and then no predicate exists."""
    declared_as_data = {r.id for r in default_catalog().rules.values() if r.question is not None}
    assert declared_as_data, "topic-only question rules are declared in the catalog"
    assert not declared_as_data & registry.rules("question")


def test_each_code_rule_has_exactly_one_check_function() -> None:
    per_rule: dict[str, list[str]] = {}
    for reg in registry.registrations("code"):
        per_rule.setdefault(reg.rule, []).append(reg.where)
    assert {rule: funcs for rule, funcs in per_rule.items() if len(funcs) != 1} == {}


def test_the_lint_runner_runs_what_is_registered() -> None:
    from coach.lint.checks import RULE_IDS

    assert registry.rules("code") == RULE_IDS


def test_declared_question_advice_answers_with_the_catalog_text() -> None:
    from coach.router.route import route

    result = route("We send customer records with names to the OpenAI API", with_related=False)
    priv = next(f for f in result.findings if f.rule == "PRIV001")
    assert priv.message == default_catalog().rules["PRIV001"].question.message
    assert priv.evidence and priv.evidence[0].kind == "question"


def test_registering_an_unknown_kind_fails_loudly() -> None:
    with pytest.raises(ValueError, match="unknown detector kind"):
        registry.emits("regex", "LEAK001")  # type: ignore[arg-type]
