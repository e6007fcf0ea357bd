"""The plan in the app: its panel section, and the card that asks a question with quick answers.

`QuickQuestionCard` shows any `coach.plan.QuickQuestion`: the plan's own "how will you split?"
today, a router answer of kind "clarify" tomorrow. Answers are buttons and number keys (1-9 on
the focused card, or a lone digit typed in the input); the card only reports the choice with a
message, the screen decides what it means.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from coach.plan.items import SPEC_BY_ID
from coach.plan.model import Plan, PlanItem, QuickAnswer, QuickQuestion

STATUS_GLYPH = {
    "decided": ("✓", "$success"),
    "at_risk": ("!", "$error"),
    "open": ("○", "$text-muted"),
}


def _decision_words(item: PlanItem) -> str:
    """The decision without its "split: " style prefix."""
    decision = item.decision or ""
    head, sep, rest = decision.partition(": ")
    return rest if sep and len(head) <= 16 else decision


def item_summary(item: PlanItem) -> str:
    """A few words for the panel: what was decided, then what puts it at risk (rule ids)."""
    if item.risks:
        rules = [r.rule for r in item.risks if r.rule and r.rule != "TIME"]
        if any(r.rule == "TIME" for r in item.risks):
            rules.append("time column")
        if any(r.rule is None for r in item.risks) and not rules:
            rules.append(item.risks[0].text)
        flagged = ", ".join(dict.fromkeys(rules))
        return f"{_decision_words(item)} · {flagged}" if item.decision else f"at risk: {flagged}"
    if item.decision:
        return _decision_words(item)
    return "open"


def render_plan(plan: Plan) -> Content:
    """One line per item: status glyph, short name, what settled or flags it."""
    lines = []
    for item in plan.items:
        glyph, style = STATUS_GLYPH[item.status]
        lines.append(
            Content.from_markup(
                f"[{style}]$glyph[/] [b]$name[/b] [dim]$what[/dim]",
                glyph=glyph,
                name=SPEC_BY_ID[item.id].short,
                what=item_summary(item),
            )
        )
    return Content("\n").join(lines)


def plan_heading(plan: Plan) -> Content:
    counts = plan.counts()
    return Content.from_markup(
        "[b]Plan[/b]  [$success]✓$decided[/] [$error]!$risk[/] [dim]○$open[/dim]",
        decided=str(counts["decided"]),
        risk=str(counts["at_risk"]),
        open=str(counts["open"]),
    )


class QuickQuestionCard(Vertical, can_focus=True):
    """A question with quick answers: click one, or press its number."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(str(n), f"choose({n})", f"Answer {n}", show=False) for n in range(1, 10)
    ]

    class Answered(Message):
        def __init__(self, card: QuickQuestionCard, answer: QuickAnswer) -> None:
            super().__init__()
            self.card = card
            self.answer = answer

    def __init__(self, question: QuickQuestion) -> None:
        super().__init__(classes="card quick-card")
        self.question = question
        self.chosen: QuickAnswer | None = None

    def compose(self):
        yield Static(
            Content.from_markup("[b]$prompt[/b]", prompt=self.question.prompt),
            classes="card-title",
        )
        for number, answer in enumerate(self.question.answers, start=1):
            yield Button(
                f"{number}  {answer.label}",
                compact=True,
                id=f"quick-{number}",
                classes="quick-answer",
            )
        yield Static(
            Content.from_markup("[dim]press a number, or type your own answer[/dim]"),
            classes="card-status",
        )

    @property
    def open(self) -> bool:
        return self.chosen is None

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id and event.button.id.startswith("quick-"):
            self.action_choose(int(event.button.id.removeprefix("quick-")))

    def action_choose(self, number: int) -> None:
        if self.chosen is not None or not 1 <= number <= len(self.question.answers):
            return
        self.chosen = self.question.answers[number - 1]
        for button in self.query(Button):
            button.disabled = True
        self.add_class("-answered")
        self.query_one(".card-status", Static).update(
            Content.from_markup("[$success]● answered:[/] $label", label=self.chosen.label)
        )
        self.post_message(self.Answered(self, self.chosen))
