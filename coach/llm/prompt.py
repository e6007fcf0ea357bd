"""Build the brainstorm prompt: template + redacted context, trimmed to a token budget.

`preview()` returns exactly the messages `draft_for` would send, so `--show-prompt` shows the
truth. The budget is the smaller of `max_prompt_tokens` and the model's context window minus the
completion allowance. When the context does not fit, the least useful parts go first: dataset
rows, then the oldest earlier turns, then dataset facts and repository findings from the end, and
only then the rule findings already given (shortened to their titles before any is dropped). The
question itself is never cut: a question that cannot fit is an error the user can act on.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, field_validator

from coach.llm.config import LLMSettings
from coach.llm.redact import redact, redact_text
from coach.llm.tokens import (
    DEFAULT_CONTEXT_WINDOW,
    TokenizerUnavailable,
    count_messages,
    count_text,
    encoding_name_for,
    get_encoding,
    model_info,
)
from coach.models import Finding, Suggestion
from coach.resources import prompts_dir

DEFAULT_TEMPLATE = "brainstorm"
ITEM_TOKEN_CAP = 300  # one finding, fact or earlier answer never takes more than this
ROWS_TOKEN_CAP = 1500
RULE_BODY_CHARS = 400
MIN_BUDGET = 128


class PromptError(Exception):
    """A template is missing or invalid, or the question cannot fit the budget."""


class PromptTooLong(PromptError):
    pass


class Turn(BaseModel):
    """An earlier question in the session and what Coach answered (a short summary is enough)."""

    question: str
    answer: str = ""


def finding_line(finding: Finding) -> str:
    """One line per finding: `LEAK001: scaler fitted before the split (train.py:12)`."""
    line = f"{finding.rule}: {finding.message}"
    loc = finding.location
    if loc is not None:
        where = loc.path + (f":{loc.line}" if loc.line else "")
        if loc.cell is not None:
            where += f" (cell {loc.cell})"
        line += f" ({where})"
    return line


_QUOTED_VALUE = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|“[^”\n]*”|‘[^’\n]*’")


def withhold_values(fact: str) -> str:
    """A dataset fact without the dataset's own values: class labels and quoted examples are
    rows (people's names, card numbers in a mixed column), sent only with `include_rows`."""
    counts = re.match(r"class counts: (.*)", fact)
    if counts:
        numbers = [item.rsplit(": ", 1)[-1] for item in counts.group(1).split(", ")]
        return "class counts: " + ", ".join(f"class {i}: {n}" for i, n in enumerate(numbers, 1))
    return _QUOTED_VALUE.sub("'…'", fact)


class DraftContext(BaseModel):
    """What the brainstorm may know besides the question. All of it is redacted and trimmed.

    `findings` and `dataset_facts` accept plain strings or `Finding`s; `earlier_turns` accepts
    `Turn`s, dicts or (question, answer) pairs. `dataset_rows` (a small text sample) is only ever
    sent when the user opted in (`include_rows = true`).
    """

    repo: str | None = None
    findings: list[str] = Field(default_factory=list)
    dataset: str | None = None
    dataset_facts: list[str] = Field(default_factory=list)
    dataset_rows: str | None = None
    earlier_turns: list[Turn] = Field(default_factory=list)

    @field_validator("findings", "dataset_facts", mode="before")
    @classmethod
    def _lines(cls, value: Any) -> Any:
        if value is None:
            return []
        return [finding_line(v) if isinstance(v, Finding) else v for v in value]

    @field_validator("earlier_turns", mode="before")
    @classmethod
    def _turns(cls, value: Any) -> Any:
        if value is None:
            return []
        return [
            {"question": v[0], "answer": v[1]} if isinstance(v, tuple | list) else v for v in value
        ]


class PromptTemplate(BaseModel):
    name: str
    version: str
    description: str = ""
    system: str
    user: str

    @property
    def label(self) -> str:
        """What is logged with each draft, e.g. `brainstorm@1`."""
        return f"{self.name}@{self.version}"


class ChatMessage(BaseModel):
    role: Literal["system", "user", "assistant"]
    content: str


class PromptPreview(BaseModel):
    """Exactly what would be sent, with the numbers behind it."""

    model: str | None
    template_version: str
    messages: list[ChatMessage]
    prompt_tokens: int
    budget: int
    context_window: int
    max_completion_tokens: int
    encoding: str
    trimmed: list[str] = Field(default_factory=list)
    redactions: dict[str, int] = Field(default_factory=dict)
    rows_withheld: bool = False

    def as_dicts(self) -> list[dict[str, str]]:
        return [m.model_dump() for m in self.messages]

    def render(self) -> str:
        """The `--show-prompt` text: a header of facts, then each message verbatim."""
        lines = [
            "=== prompt preview — nothing was sent ===",
            f"model: {self.model or '(not configured)'} · template: {self.template_version}",
            f"tokens: {self.prompt_tokens} prompt (budget {self.budget}; context window "
            f"{self.context_window}; up to {self.max_completion_tokens} for the reply; {self.encoding})",
        ]
        if self.redactions:
            kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.redactions.items()))
            lines.append(f"redacted: {kinds}")
        if self.trimmed:
            lines.append("trimmed to fit: " + "; ".join(self.trimmed))
        if self.rows_withheld:
            lines.append("dataset rows withheld (set include_rows = true in [llm] to send them)")
        for message in self.messages:
            lines += ["", f"--- {message.role} ---", message.content]
        return "\n".join(lines)


@lru_cache(maxsize=8)
def load_template(name: str = DEFAULT_TEMPLATE, directory: Path | None = None) -> PromptTemplate:
    path = (directory or prompts_dir()) / f"{name}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise PromptError(f"prompt template {path} is missing; reinstall Coach") from exc
    except tomllib.TOMLDecodeError as exc:
        raise PromptError(f"prompt template {path} is not valid TOML: {exc}") from exc
    try:
        template = PromptTemplate.model_validate(data)
    except ValidationError as exc:
        raise PromptError(f"prompt template {path} is invalid: {exc.errors()[0]['msg']}") from exc
    for placeholder in ("$question", "$rule_findings", "$context"):
        if placeholder not in template.user:
            raise PromptError(f"prompt template {path}: the user part lacks {placeholder}")
    return template


# --------------------------------------------------------------------------------------------


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _rule_lines(
    prior: Iterable[Suggestion], clean: Callable[[str], str], *, titles_only: bool = False
) -> list[str]:
    """One line per rule suggestion. `clean` (redaction) runs before any cut, so a secret can
    never be truncated into a shape the patterns no longer recognise."""
    lines = []
    for s in prior:
        if s.source != "rule":
            continue
        head = f"- {s.rule or 'rule'}" + (f" ({s.severity})" if s.severity else "")
        head += f": {clean(s.title)}"
        body = clean(" ".join(s.body.split()))
        if body and not titles_only:
            head += " — " + (body[:RULE_BODY_CHARS] + "…" if len(body) > RULE_BODY_CHARS else body)
        lines.append(head)
    return lines


class _Parts:
    """The redacted pieces of the prompt, trimmed in place until the rendering fits."""

    def __init__(
        self, question: str, prior: list[Suggestion], context: DraftContext, settings: LLMSettings
    ) -> None:
        self.model = settings.model
        self.redactions: dict[str, int] = {}
        self.question = self._clean(question)
        self.rules = _rule_lines(prior, self._clean)
        self.rule_titles = _rule_lines(prior, redact_text, titles_only=True)  # counted above
        self.rules_shortened = False
        self.findings = [self._cap(self._clean(f), ITEM_TOKEN_CAP) for f in context.findings]
        self.facts = [
            self._cap(
                self._clean(f if settings.include_rows else withhold_values(f)), ITEM_TOKEN_CAP
            )
            for f in context.dataset_facts
        ]
        self.turns = [
            (
                self._cap(self._clean(t.question), ITEM_TOKEN_CAP),
                self._cap(self._clean(t.answer), ITEM_TOKEN_CAP),
            )
            for t in context.earlier_turns
        ]
        self.rows_withheld = bool(context.dataset_rows) and not settings.include_rows
        self.rows = (
            self._cap(self._clean(context.dataset_rows), ROWS_TOKEN_CAP)
            if context.dataset_rows and settings.include_rows
            else None
        )
        self.repo = self._clean(context.repo) if context.repo else None
        self.dataset = self._clean(context.dataset) if context.dataset else None
        self.total = {
            "findings": len(self.findings),
            "facts": len(self.facts),
            "turns": len(self.turns),
            "rules": len(self.rules),
        }
        self.rows_dropped = False

    def _clean(self, text: str) -> str:
        result = redact(text)
        for kind, n in result.counts.items():
            self.redactions[kind] = self.redactions.get(kind, 0) + n
        return result.text

    def _cap(self, text: str, limit: int) -> str:
        encoding = get_encoding(encoding_name_for(self.model))
        tokens = encoding.encode(text, disallowed_special=())
        if len(tokens) <= limit:
            return text
        return encoding.decode(tokens[:limit]) + " …[truncated]"

    # -- rendering ----------------------------------------------------------------------------
    def context_text(self) -> str:
        blocks = []
        if self.findings or self.total["findings"]:
            head = (
                "Repository findings"
                + (f" (from `coach lint` on {self.repo})" if self.repo else "")
                + ":"
            )
            blocks.append(head + "\n" + self._list(self.findings, "findings", "finding"))
        if self.facts or self.total["facts"]:
            head = "Dataset facts" + (f" ({self.dataset})" if self.dataset else "") + ":"
            blocks.append(head + "\n" + self._list(self.facts, "facts", "dataset fact"))
        if self.rows:
            blocks.append("Dataset rows (the user opted in to sending a sample):\n" + self.rows)
        if self.turns or self.total["turns"]:
            dropped = self.total["turns"] - len(self.turns)
            lines = [f"Q: {q}\nA: {a or '(no answer recorded)'}" for q, a in self.turns]
            if dropped:
                lines.insert(
                    0, f"({_plural(dropped, 'earlier turn')} omitted to fit the token budget)"
                )
            blocks.append("Earlier turns in this session (oldest first):\n" + "\n".join(lines))
        return "\n\n".join(blocks) or "(no repository, dataset or earlier turns attached)"

    def _list(self, items: list[str], key: str, noun: str) -> str:
        lines = [f"- {item}" for item in items]
        dropped = self.total[key] - len(items)
        if dropped:
            lines.append(f"- ({_plural(dropped, 'more ' + noun)} omitted to fit the token budget)")
        return "\n".join(lines)

    def rules_text(self) -> str:
        lines = list(self.rules)
        dropped = self.total["rules"] - len(lines)
        if dropped:
            lines.append(
                f"- ({_plural(dropped, 'more rule finding')} omitted to fit the token budget)"
            )
        return "\n".join(lines) or "(none: no rule in Coach's catalog matched this question)"

    def messages(self, template: PromptTemplate) -> list[ChatMessage]:
        user = Template(template.user).substitute(
            question=self.question, rule_findings=self.rules_text(), context=self.context_text()
        )
        return [
            ChatMessage(role="system", content=template.system),
            ChatMessage(role="user", content=user),
        ]

    # -- trimming -----------------------------------------------------------------------------
    def drop_one(self) -> int | None:
        """Remove the least useful remaining piece; its token estimate, or None if nothing is left."""
        if self.rows:
            size = count_text(self.rows, self.model)
            self.rows, self.rows_dropped = None, True
            return size
        if self.turns:
            q, a = self.turns.pop(0)
            return count_text(q + a, self.model) + 6
        if self.facts or self.findings:
            # From the end of whichever list is longer, so neither crowds the other out.
            longer = self.findings if len(self.findings) >= len(self.facts) else self.facts
            return count_text(longer.pop(), self.model) + 2
        if not self.rules_shortened and self.rules:
            before = sum(count_text(r, self.model) for r in self.rules)
            self.rules = self.rule_titles[: len(self.rules)]
            self.rules_shortened = True
            return before - sum(count_text(r, self.model) for r in self.rules)
        if self.rules:
            return count_text(self.rules.pop(), self.model) + 2
        return None

    def trimmed_summary(self) -> list[str]:
        notes = []
        if self.rows_dropped:
            notes.append("dropped the dataset rows")
        for key, noun in (
            ("turns", "earlier turns"),
            ("facts", "dataset facts"),
            ("findings", "repository findings"),
        ):
            kept = len(getattr(self, key))
            if kept < self.total[key]:
                notes.append(f"kept {kept} of {self.total[key]} {noun}")
        if self.rules_shortened:
            notes.append("shortened the rule findings to their titles")
        if len(self.rules) < self.total["rules"]:
            notes.append(f"kept {len(self.rules)} of {self.total['rules']} rule findings")
        return notes


def budget_for(settings: LLMSettings) -> tuple[int, int]:
    """(prompt token budget, context window) for these settings."""
    info = model_info(settings.model, api_base=settings.api_base)
    window = settings.context_window or info.max_input_tokens or DEFAULT_CONTEXT_WINDOW
    return min(settings.max_prompt_tokens, window - settings.max_completion_tokens), window


def preview(
    question: str,
    *,
    prior: list[Suggestion] | None = None,
    context: DraftContext | None = None,
    settings: LLMSettings,
    template: PromptTemplate | None = None,
) -> PromptPreview:
    """The messages that would be sent (redacted, trimmed) and their token count. Sends nothing.

    Raises PromptTooLong when even the bare question does not fit the budget.
    """
    try:
        return _preview(question, prior, context, settings, template or load_template())
    except TokenizerUnavailable as exc:
        raise PromptError(str(exc)) from exc


def _preview(
    question: str,
    prior: list[Suggestion] | None,
    context: DraftContext | None,
    settings: LLMSettings,
    template: PromptTemplate,
) -> PromptPreview:
    budget, window = budget_for(settings)
    if budget < MIN_BUDGET:
        raise PromptTooLong(
            f"no room for a prompt: the context window ({window} tokens) minus max_completion_tokens "
            f"({settings.max_completion_tokens}) leaves {budget}; lower max_completion_tokens"
        )
    parts = _Parts(question, list(prior or []), context or DraftContext(), settings)
    messages = parts.messages(template)
    tokens = count_messages([m.model_dump() for m in messages], settings.model)
    while tokens > budget:
        excess, freed, dropped = tokens - budget, 0, False
        while freed < excess:
            step = parts.drop_one()
            if step is None:
                break
            freed, dropped = freed + step, True
        if not dropped:
            raise PromptTooLong(
                f"the question alone needs {tokens} prompt tokens, over the budget of {budget} "
                "(max_prompt_tokens / the model's context window); shorten the question"
            )
        messages = parts.messages(template)
        tokens = count_messages([m.model_dump() for m in messages], settings.model)
    return PromptPreview(
        model=settings.model,
        template_version=template.label,
        messages=messages,
        prompt_tokens=tokens,
        budget=budget,
        context_window=window,
        max_completion_tokens=settings.max_completion_tokens,
        encoding=encoding_name_for(settings.model),
        trimmed=parts.trimmed_summary(),
        redactions=parts.redactions,
        rows_withheld=parts.rows_withheld,
    )
