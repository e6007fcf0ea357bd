"""The plan's data: items, the evidence behind each decision or risk, and quick questions.

An item's status is derived, never stored: *at risk* while a finding contradicts it, *decided*
when something settled it and nothing contradicts it, *open* otherwise. Evidence keeps its source
so a later event can replace exactly what it owns (a new `/lint` replaces the old lint risks; the
user's new words replace their earlier words, but never a finding in the project).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

ItemId = Literal[
    "problem", "baseline", "split", "leakage", "balance", "calibration", "deployment", "privacy"
]
ITEM_IDS: tuple[ItemId, ...] = (
    "problem",
    "baseline",
    "split",
    "leakage",
    "balance",
    "calibration",
    "deployment",
    "privacy",
)
Status = Literal["open", "decided", "at_risk"]
# Where a decision or risk came from: the user's question, a quick answer to the plan's own
# question, or a project check.
Source = Literal["question", "answer", "lint", "data", "baseline"]
SOURCE_LABEL: dict[str, str] = {
    "question": "your words",
    "answer": "your answer",
    "lint": "/lint",
    "data": "/data",
    "baseline": "/baseline",
}


class PlanEvidence(BaseModel):
    """One reason: the user's words, or a finding (rule id, message, place)."""

    source: Source
    text: str
    rule: str | None = None
    where: str | None = None  # "examples/train.py:14"

    def describe(self) -> str:
        label = SOURCE_LABEL[self.source]
        head = f"{self.rule} " if self.rule else ""
        place = f" ({self.where})" if self.where else ""
        if self.source in ("question", "answer"):
            return f"{label}: “{self.text}”"
        return f"{label}: {head}{self.text}{place}"

    def short(self) -> str:
        """A few words: the user's words, or the rule and its place."""
        if self.source in ("question", "answer"):
            return f"“{self.text}”" + (f" ({self.rule})" if self.rule else "")
        if self.rule and self.rule != "TIME":
            return f"{self.rule}" + (f" at {self.where}" if self.where else f" ({self.source})")
        return self.text


class PlanItem(BaseModel):
    id: ItemId
    title: str
    decision: str | None = None  # what was decided, in a few words
    decided_by: PlanEvidence | None = None
    known: list[str] = Field(default_factory=list)  # facts gathered on the way (not a decision)
    risks: list[PlanEvidence] = Field(default_factory=list)

    @property
    def status(self) -> Status:
        if self.risks:
            return "at_risk"
        return "decided" if self.decision else "open"

    def decide(self, decision: str, by: PlanEvidence) -> None:
        """Settle the item. The user's new words supersede risks raised by their own earlier
        words; risks from the project (lint, data, baseline) stay until a new check clears them."""
        self.decision = decision
        self.decided_by = by
        if by.source in ("question", "answer"):
            self.risks = [r for r in self.risks if r.source not in ("question", "answer")]

    def add_risk(self, risk: PlanEvidence) -> None:
        key = (risk.rule, risk.where, risk.text)
        if all((r.rule, r.where, r.text) != key for r in self.risks):
            self.risks.append(risk)

    def clear_source(self, source: Source) -> None:
        """Forget what one check said (it is about to be replaced by its new result)."""
        self.risks = [r for r in self.risks if r.source != source]
        if self.decided_by is not None and self.decided_by.source == source:
            self.decision = None
            self.decided_by = None

    def add_known(self, fact: str) -> None:
        if fact not in self.known:
            self.known.append(fact)


class Plan(BaseModel):
    items: list[PlanItem]
    # What the project checks said that several items depend on.
    linted: bool = False
    data_checked: bool = False
    data_label: str | None = None
    minority_share: float | None = None
    time_columns: list[str] = Field(default_factory=list)

    def item(self, item_id: str) -> PlanItem:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def counts(self) -> dict[Status, int]:
        out: dict[Status, int] = {"decided": 0, "at_risk": 0, "open": 0}
        for item in self.items:
            out[item.status] += 1
        return out

    def next_open(self) -> PlanItem | None:
        """The first item nobody has settled yet, in plan order."""
        return next((item for item in self.items if item.status == "open"), None)

    @property
    def settled(self) -> bool:
        """Every item decided or flagged at risk: nothing left unasked."""
        return all(item.status != "open" for item in self.items)


class QuickAnswer(BaseModel):
    """One answer offered with a question: a button, or its number key."""

    label: str  # what the button says
    value: str  # what it means (the decision text, or a command to run)
    command: str | None = None  # a slash command this answer runs instead of deciding


class QuickQuestion(BaseModel):
    """A question with quick answers. The plan asks these to settle an item; a router answer of
    kind "clarify" (the router issue) is meant to arrive in this same shape."""

    prompt: str
    answers: list[QuickAnswer] = Field(min_length=1, max_length=9)
    item: ItemId | None = None  # the plan item an answer decides, if any
