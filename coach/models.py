"""The shared vocabulary of Coach.

Every layer (lint, router, data checks, LLM drafts, the store, the app) speaks in these models, so
they live in one module and nothing else redefines them. They are pydantic models because they
cross boundaries: JSON output, the SQLite log, the Textual app.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Severity = Literal["error", "warning", "info"]
Detector = Literal["code", "question", "data"]
Source = Literal["rule", "llm"]
# Review state of a suggestion. "failed" marks an LLM draft whose call did not complete: it is kept
# so the question and the error are never lost, but there is nothing to accept.
Status = Literal["pending", "accepted", "rejected", "edited", "failed"]
EvidenceKind = Literal["question", "code", "data", "lint", "baseline", "note"]

# The one label every surface (CLI, app, exports) puts on LLM output.
DRAFT_LABEL = "DRAFT — brainstorm, not verified"

SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}

RULE_ID_PATTERN = r"^[A-Z]{2,8}[0-9]{3}$"
RULE_NAME_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"


def new_id() -> str:
    """A short random id; sortable by time is not needed because rows carry `created`."""
    return uuid.uuid4().hex[:16]


def utcnow() -> datetime:
    return datetime.now(UTC)


# What a question's rule answer is (issue 12): evidence of the mistake found (`rule`), the rule
# recognised but undecided — Coach asks the one question that decides it (`clarify`), or correct
# practice described (`correct`).
AnswerKind = Literal["rule", "clarify", "correct"]


class ClarifyAnswer(BaseModel):
    """One quick answer to a rule's deciding question; `adds` is the sentence appended to the
    original question when the user picks it, so the answer re-routes through the same rules."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str = Field(min_length=1)
    adds: str = Field(min_length=5)


class Clarify(BaseModel):
    """The one question that decides whether a recognised rule applies (catalog field)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    question: str = Field(min_length=10)
    answers: list[ClarifyAnswer] = Field(min_length=2)


class QuestionAdvice(BaseModel):
    """A question detector written as data, for rules that only recognise a topic and give fixed
    advice: it fires when the question mentions a signal the router's facts know (see
    `coach.router.lexicon`), quotes the mention, and answers with `message`.

    `any_of`: the first mentioned signal fires (in this order); `all_of`: every one must be
    mentioned and all are quoted; `negated_counts`: "we have no fallback" counts as a mention;
    `unless`: signals that silence the rule; `unless_words`: a regex on the normalised question.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    any_of: list[str] = Field(default_factory=list)
    all_of: list[str] = Field(default_factory=list)
    negated_counts: bool = False
    unless: list[str] = Field(default_factory=list)
    unless_words: str | None = None
    message: str = Field(min_length=20)

    @model_validator(mode="after")
    def _some_signal(self) -> QuestionAdvice:
        if not self.any_of and not self.all_of:
            raise ValueError("needs any_of or all_of (the signals that make the rule fire)")
        return self


class Rule(BaseModel):
    """One entry of the catalog: the words a person reads. Detectors hold the logic (or, for a
    topic-only question rule, `question` declares it)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=RULE_ID_PATTERN)
    name: str = Field(pattern=RULE_NAME_PATTERN)
    family: str = Field(pattern=r"^[A-Z]{2,8}$")
    severity: Severity
    title: str = Field(min_length=3)
    summary: str = Field(min_length=10)
    why: str = Field(min_length=20)
    fix: str = Field(min_length=20)
    references: list[str] = Field(min_length=1)
    triggers: list[str] = Field(default_factory=list)
    detectors: list[Detector] = Field(default_factory=list)
    question: QuestionAdvice | None = None
    clarify: Clarify | None = None

    @field_validator("title", "summary", "why", "fix")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()


class Location(BaseModel):
    """A place in source code (a notebook cell when `cell` is set; lines are 1-based)."""

    path: str
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    cell: int | None = None
    message: str = ""


class Evidence(BaseModel):
    """Why a finding fired: the words of the question, a code location, or numbers from data."""

    kind: EvidenceKind
    text: str
    location: Location | None = None
    data: dict[str, Any] = Field(default_factory=dict)


class Finding(BaseModel):
    """What a detector found, pointing at a catalog rule id.

    `severity` is None when the rule's catalog severity applies.
    """

    rule: str = Field(pattern=RULE_ID_PATTERN)
    detector: Detector
    message: str
    severity: Severity | None = None
    location: Location | None = None
    related: list[Location] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    data: dict[str, Any] = Field(default_factory=dict)
    # Question answers only (kept out of lint/data JSON and SARIF): see AnswerKind.
    kind: AnswerKind = Field(default="rule", exclude=True)
    clarify: Clarify | None = Field(default=None, exclude=True)


class Suggestion(BaseModel):
    """What Coach said, with provenance. This is the unit the log stores and people review."""

    id: str = Field(default_factory=new_id)
    session_id: str | None = None
    question_id: str | None = None
    source: Source
    rule: str | None = None
    catalog_version: str | None = None
    severity: Severity | None = None
    title: str
    body: str = ""
    evidence: list[Evidence] = Field(default_factory=list)
    draft: bool = False
    status: Status = "pending"
    # LLM provenance (never a key).
    model: str | None = None
    api_base: str | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    cost: float | None = None
    latency_ms: float | None = None
    template_version: str | None = None
    error: str | None = None
    created: datetime = Field(default_factory=utcnow)

    def model_post_init(self, __context: Any) -> None:
        # An LLM output is a draft, always: this is enforced here so no caller can forget it.
        if self.source == "llm":
            object.__setattr__(self, "draft", True)


class Review(BaseModel):
    """One status change of a suggestion. Reviews are appended, never overwritten."""

    id: str = Field(default_factory=new_id)
    suggestion_id: str
    status: Status
    note: str | None = None
    reviewer: str | None = None
    # With status "edited": the reviewer's corrected text. The original body is never changed,
    # so what Coach said and what the person made of it both stay on record.
    edited_body: str | None = None
    created: datetime = Field(default_factory=utcnow)


class Session(BaseModel):
    id: str = Field(default_factory=new_id)
    title: str | None = None
    repo: str | None = None
    data: str | None = None
    target: str | None = None
    created: datetime = Field(default_factory=utcnow)


class Question(BaseModel):
    id: str = Field(default_factory=new_id)
    session_id: str
    text: str
    route: str | None = None
    created: datetime = Field(default_factory=utcnow)
