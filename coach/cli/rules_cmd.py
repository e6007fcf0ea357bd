"""`coach rules` and `coach rule ID`: browse the catalog, like `ruff rule`."""

from __future__ import annotations

import argparse
import textwrap

from coach.catalog import CatalogError, UnknownRuleError, default_catalog
from coach.cli.common import CommandError, add_format_option, dump_json
from coach.models import Rule


def register(subparsers: argparse._SubParsersAction) -> None:
    rules = subparsers.add_parser("rules", help="list the rule catalog")
    rules.add_argument("--family", metavar="F", help="only this family (e.g. LEAK, BASE, IMB)")
    add_format_option(rules)
    rules.set_defaults(func=run_rules)

    rule = subparsers.add_parser("rule", help="explain one rule (e.g. `coach rule LEAK001`)")
    rule.add_argument("rule_id", metavar="ID", help="rule id or name, e.g. LEAK001")
    add_format_option(rule)
    rule.set_defaults(func=run_rule)


def _catalog():
    try:
        return default_catalog()
    except CatalogError as exc:
        raise CommandError(f"the rule catalog is invalid: {exc}") from exc


def run_rules(args: argparse.Namespace) -> int:
    catalog = _catalog()
    if args.family and args.family.upper() not in catalog.families:
        known = ", ".join(sorted(catalog.families))
        raise CommandError(f"unknown family '{args.family}'; known families: {known}")
    rules = catalog.select(args.family)
    if args.format == "json":
        print(dump_json([rule.model_dump(mode="json") for rule in rules]))
        return 0
    width = max(len(r.name) for r in rules)
    current = None
    for rule in rules:
        if rule.family != current:
            current = rule.family
            family = catalog.families[current]
            print(f"\n{family.id} — {family.name}")
        print(f"  {rule.id}  {rule.name:<{width}}  {rule.severity:<7}  {rule.title}")
    print(f"\n{len(rules)} rules · catalog {catalog.version} · `coach rule ID` explains one")
    return 0


def run_rule(args: argparse.Namespace) -> int:
    catalog = _catalog()
    try:
        rule = catalog.get(args.rule_id)
    except UnknownRuleError as exc:
        rule = catalog.by_name(args.rule_id.strip().lower())
        if rule is None:
            raise CommandError(str(exc)) from exc
    if args.format == "json":
        print(dump_json(rule.model_dump(mode="json")))
        return 0
    print(render_rule(rule))
    return 0


def render_rule(rule: Rule) -> str:
    """The full explanation of a rule as plain text (used by `coach rule` and the app)."""
    out = [
        f"{rule.id} ({rule.name}) — {rule.title}",
        f"Family: {rule.family}   Severity: {rule.severity}"
        + (f"   Detected in: {', '.join(rule.detectors)}" if rule.detectors else ""),
        "",
        textwrap.fill(rule.summary, 96),
        "",
        "## Why it matters",
        rule.why,
        "",
        "## How to fix it",
        rule.fix,
        "",
        "## References",
        *[f"- {ref}" for ref in rule.references],
    ]
    return "\n".join(out)
