"""The Coach app: a planning session (default) or the review screen (`coach review`).

Start-up is kept light so the first paint is fast: the log (sqlite-utils pulls in pandas), the
catalog and everything heavier are loaded by a background worker after the screen is up. Work
started before the log is open waits on `ready`.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from coach.tui.backend import Backend, BackendError, SessionHistory
from coach.tui.commands import COMMANDS
from coach.tui.widgets.cards import SuggestionCard

CSS_PATH = Path(__file__).parent / "coach.tcss"


class CoachApp(App[int]):
    TITLE = "Coach"
    SUB_TITLE = ""
    CSS_PATH = CSS_PATH
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [
        (0, "-narrow"),
        (100, "-wide"),
        (140, "-very-wide"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        db_path: str | Path | None = None,
        repo: str | None = None,
        data: str | None = None,
        target: str | None = None,
        resume: bool = False,
        mode: str = "session",
        review_filters: dict[str, str] | None = None,
        theme: str | None = None,
        export_dir: str | Path | None = None,
    ) -> None:
        super().__init__()
        self.backend = Backend(db_path, repo=repo, data=data, target=target, export_dir=export_dir)
        self.resume = resume
        self.start_mode = mode
        self.review_filters = review_filters or {}
        self.ready = threading.Event()
        self.open_error: str | None = None
        self.lint_result: tuple[str, Any, list[Any]] | None = None
        self._background_started = False
        self.llm_warm = False
        if theme:
            self.theme = theme

    # -- start-up ------------------------------------------------------------------------------

    def on_mount(self) -> None:
        if self.start_mode == "review":
            from coach.tui.screens.review import ReviewScreen

            self.push_screen(ReviewScreen(standalone=True, filters=self.review_filters))
        else:
            from coach.tui.screens.session import SessionScreen

            self.push_screen(SessionScreen())

    def start_background(self) -> None:
        """Open the log (and so import sqlite-utils/pandas) once the first screen is painted:
        started earlier, that import competes with the first paint for the interpreter."""
        if self._background_started:
            return
        self._background_started = True
        self.run_worker(self._open, name="open log", group="open", thread=True)

    def _open(self) -> None:
        history: SessionHistory | None = None
        try:
            history = self.backend.open(resume=self.resume)
        except BackendError as exc:
            self.open_error = str(exc)
        except Exception as exc:  # an unexpected failure: show it, do not crash the app
            self.open_error = f"{type(exc).__name__}: {exc}"
        self.ready.set()
        with contextlib.suppress(RuntimeError):  # the app closed while the log was opening
            self.call_from_thread(self._opened, history)
        if self.start_mode == "session":
            # With an LLM configured, its client is imported now, not when the first draft is
            # asked for (litellm takes seconds to import).
            self.llm_warm = self.backend.warm_llm()

    def _opened(self, history: SessionHistory | None) -> None:
        from coach.tui.screens.review import ReviewScreen
        from coach.tui.screens.session import SessionScreen

        session = self._session_screen()
        review = next((s for s in self.screen_stack if isinstance(s, ReviewScreen)), None)
        if self.open_error:
            if session is not None:
                session.say(self.open_error, kind="error", title="Cannot open the log")
            else:
                self.notify(self.open_error, severity="error", timeout=30)
            if review is not None:
                review.show_error(self.open_error)
            return
        if self.backend.catalog_error:
            self.notify(self.backend.catalog_error, severity="error", timeout=30)
        if review is not None and review.is_mounted:
            review.load()
        if isinstance(session, SessionScreen):
            if history is not None and history.note:
                session.say(history.note, kind="warning", title="--resume")
            if history is not None and history.session is not None:
                session.show_history(history)
                session.refresh_plan(report=False)  # the plan replayed from the log
            # Attached (or resumed) context is checked again: the panel shows today's state,
            # and findings already logged in this session are not logged twice.
            if self.backend.repo:
                session.attach_repo(self.backend.repo)
            if self.backend.data and self.backend.target:
                session.attach_data(self.backend.data, self.backend.target)
            session.sub_title_refresh()

    def _session_screen(self) -> Any:
        from coach.tui.screens.session import SessionScreen

        return next((s for s in self.screen_stack if isinstance(s, SessionScreen)), None)

    # -- navigation ----------------------------------------------------------------------------

    def action_help(self) -> None:
        from coach.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_review(self) -> None:
        from coach.tui.screens.review import ReviewScreen

        if isinstance(self.screen, ReviewScreen):
            return
        self.push_screen(ReviewScreen(standalone=False))

    def open_findings(self) -> None:
        from coach.tui.screens.lint import LintScreen

        if self.lint_result is None or isinstance(self.screen, LintScreen):
            return
        path, report, suggestions = self.lint_result
        self.push_screen(LintScreen(path, report, suggestions, self.backend.rules))

    def ask_note(self, suggestion: Any, save: Callable[[str | None], None]) -> None:
        from coach.tui.screens.note import NoteScreen

        self.push_screen(NoteScreen(suggestion.title), save)

    # -- reviews (from cards on any screen) ----------------------------------------------------

    @on(SuggestionCard.ReviewRequested)
    def review_card(self, event: SuggestionCard.ReviewRequested) -> None:
        card = event.card
        if card.suggestion is None:
            return
        if event.status is None:
            self.ask_note(card.suggestion, lambda note: self._save_note(card, note))
            return
        try:
            self.backend.review(card.suggestion.id, event.status)
        except BackendError as exc:
            self.notify(str(exc), severity="error")
            return
        card.status = event.status
        self.notify(f"{event.status.capitalize()}: {card.suggestion.title}", timeout=2)
        self._refresh_open()

    def _save_note(self, card: SuggestionCard, note: str | None) -> None:
        if not note or card.suggestion is None:
            return
        try:
            self.backend.annotate(card.suggestion.id, note)
        except BackendError as exc:
            self.notify(str(exc), severity="error")
            return
        card.add_note(note)
        self.notify("Note saved to the log.", timeout=2)

    def _refresh_open(self) -> None:
        session = self._session_screen()
        if session is not None:
            session.refresh_open()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every slash command is also a palette entry (ctrl+p)."""
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Help: keys and commands", "Show every key and command", self.action_help
        )
        yield SystemCommand(
            "Review suggestions", "Open the review screen (/review)", self.action_review
        )
        session = self._session_screen()
        if session is None:
            return
        for spec in COMMANDS:
            if spec.name in ("help", "review", "quit"):
                continue
            yield SystemCommand(
                f"/{spec.name}", f"{spec.usage} — {spec.summary}", self._palette(spec.name)
            )

    def _palette(self, name: str) -> Callable[[], None]:
        """Commands without arguments run at once; the others are typed into the input."""
        from coach.tui.commands import COMMANDS_BY_NAME, Command
        from coach.tui.screens.session import SessionScreen
        from coach.tui.widgets.prompt import PromptInput

        def run() -> None:
            session = self._session_screen()
            if session is None:
                return
            while not isinstance(self.screen, SessionScreen):
                self.pop_screen()
            spec = COMMANDS_BY_NAME[name]
            if spec.runs_bare:
                session.run_command(Command(name))
                return
            prompt = session.query_one(PromptInput)
            prompt.value = f"/{name} "
            prompt.cursor_position = len(prompt.value)
            prompt.focus()

        return run
