"""Load and validate the rule catalog (`rules/*.toml`, one file per family).

The catalog is the single source of the words people read. It is validated at load time so a
broken file fails loudly, naming the file and the field, instead of showing half a rule.
"""

from __future__ import annotations

import difflib
import hashlib
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from coach import __version__
from coach.models import SEVERITY_ORDER, Finding, Rule, Severity
from coach.resources import rules_dir


class CatalogError(Exception):
    """A catalog file is missing, unparsable or invalid. The message names file and field."""


class Family(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[A-Z]{2,8}$")
    name: str
    description: str


class Catalog(BaseModel):
    model_config = ConfigDict(frozen=True)

    version: str
    families: dict[str, Family]
    rules: dict[str, Rule]

    def get(self, rule_id: str) -> Rule:
        """The rule with this id (case-insensitive); KeyError with close matches otherwise."""
        rule = self.rules.get(rule_id.strip().upper())
        if rule is None:
            raise UnknownRuleError(rule_id, self.close_matches(rule_id))
        return rule

    def by_name(self, name: str) -> Rule | None:
        return next((r for r in self.rules.values() if r.name == name), None)

    def close_matches(self, text: str, limit: int = 3) -> list[str]:
        text = text.strip()
        keys = list(self.rules) + [r.name for r in self.rules.values()]
        hits = difflib.get_close_matches(text.upper(), list(self.rules), n=limit, cutoff=0.5)
        hits += [
            self.by_name(n).id  # type: ignore[union-attr]
            for n in difflib.get_close_matches(text.lower(), keys, n=limit, cutoff=0.6)
            if self.by_name(n) is not None
        ]
        prefix = [rid for rid in self.rules if text and rid.startswith(text.upper()[:4])]
        ordered: list[str] = []
        for rid in hits + prefix:
            if rid not in ordered:
                ordered.append(rid)
        return ordered[:limit]

    def select(self, family: str | None = None) -> list[Rule]:
        rules = sorted(self.rules.values(), key=lambda r: r.id)
        if family:
            rules = [r for r in rules if r.family == family.upper()]
        return rules

    def severity_of(self, finding: Finding) -> Severity:
        """The finding's own severity, else its rule's ("warning" for a rule not in here)."""
        if finding.severity:
            return finding.severity
        rule = self.rules.get(finding.rule)
        return rule.severity if rule else "warning"

    def severity_rank(self, rule_id: str) -> int:
        return SEVERITY_ORDER[self.rules[rule_id].severity]


class UnknownRuleError(KeyError):
    def __init__(self, rule_id: str, suggestions: list[str]) -> None:
        self.rule_id = rule_id
        self.suggestions = suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"Unknown rule '{rule_id}'.{hint}")

    def __str__(self) -> str:
        return str(self.args[0])


def _field_path(loc: Iterable[object]) -> str:
    return ".".join(str(part) for part in loc)


def _load_file(path: Path) -> tuple[Family, list[Rule]]:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{path.name}: cannot read catalog file: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"{path.name}: not valid TOML: {exc}") from exc
    unknown = set(raw) - {"family", "rules"}
    if unknown:
        raise CatalogError(f"{path.name}: unknown top-level key(s): {', '.join(sorted(unknown))}")
    try:
        family = Family.model_validate(raw.get("family"))
    except ValidationError as exc:
        err = exc.errors()[0]
        raise CatalogError(
            f"{path.name}: [family] field '{_field_path(err['loc']) or 'family'}': {err['msg']}"
        ) from exc
    rules: list[Rule] = []
    for index, entry in enumerate(raw.get("rules", [])):
        label = entry.get("id", f"rules[{index}]") if isinstance(entry, dict) else index
        try:
            rule = Rule.model_validate(entry)
        except ValidationError as exc:
            err = exc.errors()[0]
            raise CatalogError(
                f"{path.name}: rule {label}: field '{_field_path(err['loc'])}': {err['msg']}"
            ) from exc
        if rule.family != family.id or not rule.id.startswith(family.id):
            raise CatalogError(
                f"{path.name}: rule {rule.id}: field 'family': must be '{family.id}' and the id "
                f"must start with it (file declares family {family.id})"
            )
        rules.append(rule)
    if not rules:
        raise CatalogError(f"{path.name}: field 'rules': the family has no rules")
    return family, rules


def load_catalog(directory: Path | None = None) -> Catalog:
    """Read and validate every `*.toml` in the catalog directory."""
    directory = directory or rules_dir()
    files = sorted(directory.glob("*.toml"))
    if not files:
        raise CatalogError(f"{directory}: no catalog files (*.toml) found")
    families: dict[str, Family] = {}
    rules: dict[str, Rule] = {}
    names: dict[str, str] = {}
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.read_bytes())
        family, family_rules = _load_file(path)
        if family.id in families:
            raise CatalogError(f"{path.name}: field 'family.id': family {family.id} defined twice")
        families[family.id] = family
        for rule in family_rules:
            if rule.id in rules:
                raise CatalogError(f"{path.name}: rule {rule.id}: field 'id': duplicate id")
            if rule.name in names:
                raise CatalogError(
                    f"{path.name}: rule {rule.id}: field 'name': '{rule.name}' is already used "
                    f"by {names[rule.name]}"
                )
            rules[rule.id] = rule
            names[rule.name] = rule.id
    version = f"{__version__}+{digest.hexdigest()[:12]}"
    return Catalog(version=version, families=families, rules=rules)


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    """The bundled catalog, loaded once per process."""
    return load_catalog()
