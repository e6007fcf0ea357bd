"""The help screen: every key, by where it works, and every slash command."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from coach.tui.commands import COMMANDS

KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Everywhere",
        [
            ("ctrl+p", "command palette: every command, themes, keys"),
            ("F1", "this help"),
            ("ctrl+q", "quit (everything is already in the log)"),
            ("tab / shift+tab", "move focus"),
        ],
    ),
    (
        "Session",
        [
            ("enter", "ask the question / run the /command"),
            ("up / down", "in the input: earlier inputs (history)"),
            ("shift+tab", "from the input: jump to the last card"),
            ("esc", "cancel running work (lint, data, draft); else back to the input"),
            ("ctrl+r", "review screen"),
            ("ctrl+l", "lint findings by file"),
            ("ctrl+s", "export the session as Markdown"),
            ("ctrl+b", "show / hide the side panel"),
        ],
    ),
    (
        "On a card",
        [
            ("a / r", "accept / reject — written to the log at once"),
            ("n", "add a note"),
            ("w or enter", "rule cards: show / hide why it matters"),
            ("up / down (k / j)", "previous / next card"),
        ],
    ),
    (
        "Review screen",
        [
            ("a / r / n", "accept / reject / note the highlighted suggestion"),
            ("/", "search (full text)"),
            ("f", "filters"),
            ("esc", "back (or quit, in `coach review`)"),
        ],
    ),
    (
        "Lint screen",
        [
            ("a / r / n", "accept / reject / note the focused finding"),
            ("w or enter", "why it matters, and the full fix"),
            ("up / down", "previous / next finding"),
            ("esc", "back"),
        ],
    ),
]


def help_content() -> Content:
    parts: list[Content] = [Content.from_markup("[b]Coach — keys[/b]\n")]
    for section, keys in KEYS:
        parts.append(Content.from_markup("\n[b $accent]$section[/]\n", section=section))
        for key, what in keys:
            parts.append(Content.from_markup("  [b]$key[/b]  $what\n", key=f"{key:<18}", what=what))
    parts.append(
        Content.from_markup("\n[b $accent]Commands[/] (type them, or find them in ctrl+p)\n")
    )
    width = max(len(spec.usage) for spec in COMMANDS)
    for spec in COMMANDS:
        parts.append(
            Content.from_markup(
                "  [b]$usage[/b]  $summary\n", usage=f"{spec.usage:<{width}}", summary=spec.summary
            )
        )
    parts.append(
        Content.from_markup(
            "\n[dim]Rule cards are answers from Coach's catalog. Cards labelled "
            "DRAFT are LLM brainstorms: ideas to check, never answers.[/dim]"
        )
    )
    return Content.assemble(*parts)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f1", "dismiss_help", "Close"),
    ]

    def compose(self):
        with VerticalScroll(id="help-dialog"):
            yield Static(help_content(), id="help-text")
            yield Static(Content.from_markup("[dim]Esc closes[/dim]"), id="help-close")

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
