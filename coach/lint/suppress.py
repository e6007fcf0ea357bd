"""In-source suppression comments, and which of them no longer suppress anything.

    x = scaler.fit_transform(X)  # coach: ignore[LEAK001]   one rule on this line
    x = scaler.fit_transform(X)  # noqa: LEAK001            the same, flake8/ruff style
    x = scaler.fit_transform(X)  # coach: ignore            every rule on this line
    # coach: ignore-file[LEAK005]                           one rule in the whole file
    # coach: ignore-file                                    the whole file

Decisions:
- A bare `# noqa` (no codes) does *not* hide Coach findings: it is usually written for another
  linter, and silently hiding a leakage finding would be worse than showing one too many.
- In `# noqa: E501, LEAK001` only codes of Coach's rule families count; the others belong to
  other tools and are never reported as unused.
- A line comment covers a finding that starts or ends on that line (multi-line statements).
- Codes may be prefixes (`LEAK` covers every LEAK rule), like `--select`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

_COACH = re.compile(
    r"#[ \t]*coach[ \t]*:[ \t]*(?P<kind>ignore-file|ignore)\b(?:[ \t]*\[(?P<codes>[^\]\n]*)\])?",
    re.IGNORECASE,
)
_NOQA = re.compile(
    r"#[ \t]*noqa[ \t]*:[ \t]*(?P<codes>[A-Za-z]+[0-9]+(?:[ \t]*,?[ \t]*[A-Za-z]+[0-9]+)*)",
    re.IGNORECASE,
)
_CODE = re.compile(r"[A-Za-z]+[0-9]*")
FALLBACK_FAMILIES = ("LEAK", "BASE", "IMB", "EVAL", "REPRO", "SCALE", "CAL", "DEPLOY", "PRIV")


@dataclass
class Directive:
    """One suppression comment. `codes` empty means every rule."""

    line: int  # in the analysed text's line numbers
    scope: Literal["line", "file"]
    codes: tuple[str, ...]
    comment: str  # as written, for messages
    used: set[str] = field(default_factory=set)  # codes that suppressed something ("*" = bare)

    def covers(self, rule_id: str) -> str | None:
        """The code of this directive that covers `rule_id` ("*" for a bare directive)."""
        if not self.codes:
            return "*"
        return next((code for code in self.codes if rule_id.startswith(code)), None)


@dataclass
class UnusedSuppression:
    line: int
    comment: str
    codes: tuple[str, ...]  # the codes that matched nothing (empty: a bare comment)
    reason: str


def _families() -> tuple[str, ...]:
    from coach.lint.config import lint_catalog

    catalog = lint_catalog()
    return tuple(catalog.families) if catalog else FALLBACK_FAMILIES


def _is_coach_code(code: str, families: tuple[str, ...]) -> bool:
    letters = re.match(r"[A-Z]+", code)
    return bool(letters) and letters.group(0) in families


def parse_directives(text: str, families: tuple[str, ...] | None = None) -> list[Directive]:
    """Every Coach suppression comment in `text` (a quick scan: files without '#' cost nothing)."""
    if "coach" not in text and "noqa" not in text and "COACH" not in text and "NOQA" not in text:
        return []
    families = families or _families()
    directives: list[Directive] = []
    line_starts: list[int] | None = None

    def line_of(offset: int) -> int:
        nonlocal line_starts
        if line_starts is None:
            line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        lo, hi = 0, len(line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1

    for match in _COACH.finditer(text):
        codes = tuple(c.upper() for c in _CODE.findall(match["codes"] or "") if c.strip())
        scope: Literal["line", "file"] = (
            "file" if match["kind"].lower() == "ignore-file" else "line"
        )
        directives.append(Directive(line_of(match.start()), scope, codes, match.group(0)))
    for match in _NOQA.finditer(text):
        codes = tuple(
            c.upper() for c in _CODE.findall(match["codes"]) if _is_coach_code(c.upper(), families)
        )
        if codes:
            directives.append(Directive(line_of(match.start()), "line", codes, match.group(0)))
    directives.sort(key=lambda d: d.line)
    return directives


class Suppressions:
    """The directives of one file, answering "is this finding suppressed?" and remembering it."""

    def __init__(self, directives: list[Directive]) -> None:
        self.directives = directives
        self.file_level = [d for d in directives if d.scope == "file"]
        self.by_line: dict[int, list[Directive]] = {}
        for directive in directives:
            if directive.scope == "line":
                self.by_line.setdefault(directive.line, []).append(directive)

    def suppress(self, rule_id: str, line: int | None, end_line: int | None = None) -> bool:
        """Whether a finding of `rule_id` at `line..end_line` is suppressed (marks it used)."""
        hit = False
        for directive in self.file_level:
            code = directive.covers(rule_id)
            if code is not None:
                directive.used.add(code)
                hit = True
        if line is not None:
            last = end_line if end_line is not None and end_line >= line else line
            for number in (line, last) if last != line else (line,):
                for directive in self.by_line.get(number, []):
                    code = directive.covers(rule_id)
                    if code is not None:
                        directive.used.add(code)
                        hit = True
        return hit

    def unused(
        self, rule_enabled: Callable[[str], bool], known_rules: list[str] | None
    ) -> list[UnusedSuppression]:
        """Directives (or codes in them) that suppressed nothing, for rules that are switched on.

        A code for a rule switched off by --select/--ignore is not reported: the rule did not run,
        so there is no telling whether the comment is still needed.
        """
        out: list[UnusedSuppression] = []
        for directive in self.directives:
            if not directive.codes:
                if "*" not in directive.used:
                    out.append(
                        UnusedSuppression(
                            directive.line, directive.comment, (), "nothing to suppress"
                        )
                    )
                continue
            unknown = [
                c
                for c in directive.codes
                if known_rules is not None and not any(r.startswith(c) for r in known_rules)
            ]
            stale = [
                c
                for c in directive.codes
                if c not in directive.used
                and c not in unknown
                and (
                    known_rules is None
                    or any(r.startswith(c) and rule_enabled(r) for r in known_rules)
                )
            ]
            if unknown:
                out.append(
                    UnusedSuppression(
                        directive.line, directive.comment, tuple(unknown), "unknown rule code"
                    )
                )
            if stale:
                out.append(
                    UnusedSuppression(
                        directive.line,
                        directive.comment,
                        tuple(stale),
                        "no such finding here"
                        if directive.scope == "line"
                        else "no such finding in this file",
                    )
                )
        return out
