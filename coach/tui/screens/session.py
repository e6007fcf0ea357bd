"""The planning session: conversation, input, context panel.

Every slow thing (opening the log, routing, lint, data checks, baselines, drafts) runs as a
thread worker started by `start_job`; the screen only renders results. Esc cancels what runs.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Static
from textual.worker import Worker

from coach.tui.backend import BackendError, Cancelled
from coach.tui.commands import (
    Command,
    CommandParseError,
    commands_help,
    is_command,
    parse_command,
    usage_of,
)
from coach.tui.summaries import open_findings, repo_summary
from coach.tui.widgets.cards import DraftCard, Notice, QuestionBubble, RuleCard, SuggestionCard
from coach.tui.widgets.context import ContextPanel
from coach.tui.widgets.plan import QuickQuestionCard
from coach.tui.widgets.prompt import PromptInput

WELCOME = (
    "Describe what you are doing or plan to do, e.g. “I scaled the data and then split it — "
    "fine?”. Coach answers from its rules, with evidence, and fills the plan on the right. "
    "Attach code with /lint PATH and data with /data FILE --target COL; /plan shows the plan "
    "and asks the next question; /brainstorm TEXT asks the LLM for a draft. "
    "F1 lists keys, /help lists commands."
)


@dataclass
class Job:
    label: str
    cancel: threading.Event = field(default_factory=threading.Event)
    worker: Worker | None = None
    draft: DraftCard | None = None
    detail: str = ""
    last_progress: float = 0.0
    keep_when_cancelled: bool = False
    shown: set[str] = field(default_factory=set)  # suggestion ids already on screen


class SessionScreen(Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "app.help", "Help"),
        Binding("ctrl+r", "app.review", "Review"),
        Binding("ctrl+l", "findings", "Findings"),
        Binding("ctrl+s", "export", "Export"),
        Binding("ctrl+b", "toggle_panel", "Panel", show=False),
        Binding("escape", "escape", "Cancel / input", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.jobs: list[Job] = []
        # What the plan looked like when last shown: each turn reports what it changed.
        self._plan_seen: dict[str, tuple[str, str | None]] = {}

    # -- layout ------------------------------------------------------------------------------

    def compose(self):
        yield Header(icon="◆")
        with Horizontal(id="body"):
            with Vertical(id="main"):
                yield VerticalScroll(id="conversation", can_focus=False)
                yield Static("", id="activity")
                yield PromptInput(placeholder="Ask a question, or /help for commands", id="prompt")
            yield ContextPanel(id="context")
        yield Footer()

    def on_mount(self) -> None:
        self.add(Notice(WELCOME, kind="welcome", title="Coach — rules first, drafts on request"))
        self.refresh_plan(report=False)
        self.query_one(PromptInput).focus()
        self.call_after_refresh(self.app.start_background)  # type: ignore[attr-defined]

    @property
    def backend(self):
        return self.app.backend  # type: ignore[attr-defined]

    @property
    def conversation(self) -> VerticalScroll:
        return self.query_one("#conversation", VerticalScroll)

    @property
    def panel(self) -> ContextPanel:
        return self.query_one(ContextPanel)

    def add(self, *widgets: Widget) -> None:
        self.conversation.mount_all(widgets)
        self.follow()

    def follow(self) -> None:
        """Keep the newest output in view (after the new widgets have been laid out)."""
        self.call_after_refresh(self.conversation.scroll_end, animate=False)

    def say(self, text: str | Content, kind: str = "info", title: str | None = None) -> None:
        self.add(Notice(text, kind=kind, title=title))

    # -- jobs --------------------------------------------------------------------------------

    def start_job(
        self,
        label: str,
        work: Callable[[Job], Any],
        done: Callable[[Any], None],
        failed: Callable[[str], None] | None = None,
        keep_when_cancelled: bool = False,
    ) -> Job:
        """Run `work(job)` in a thread; `done(result)` / `failed(message)` run on the UI thread.

        Esc sets `job.cancel`; the result of a cancelled job is dropped unless
        `keep_when_cancelled` (for work that has already logged what it returns)."""
        job = Job(label, keep_when_cancelled=keep_when_cancelled)
        self.jobs.append(job)
        self._show_activity()

        def run() -> None:
            try:
                self.app.ready.wait(60)  # type: ignore[attr-defined]
                if self.app.backend.store is None:  # type: ignore[attr-defined]
                    raise BackendError("the log could not be opened; see the message above.")
                result = work(job)
            except Cancelled:
                self._from_thread(self._job_cancelled, job)
            except BackendError as exc:
                self._from_thread(self._job_failed, job, str(exc), failed)
            except Exception as exc:  # a bug elsewhere must not take the session down
                self._from_thread(self._job_failed, job, f"{type(exc).__name__}: {exc}", failed)
            else:
                if job.cancel.is_set() and not job.keep_when_cancelled:
                    self._from_thread(self._job_cancelled, job)
                else:
                    self._from_thread(self._job_done, job, result, done)

        job.worker = self.run_worker(run, name=label, group="jobs", thread=True)
        return job

    def _from_thread(self, callback: Callable[..., Any], *args: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the app is closing; nothing left to show
            self.app.call_from_thread(callback, *args)

    def progress(self, job: Job, detail: str) -> None:
        """From a worker thread: show how far a long job is (at most ten updates a second)."""
        now = time.monotonic()
        if now - job.last_progress < 0.1:
            return
        job.last_progress = now
        job.detail = detail
        self._from_thread(self._show_activity)

    def _job_done(self, job: Job, result: Any, done: Callable[[Any], None]) -> None:
        self._end(job)
        try:
            done(result)
        except Exception as exc:  # showing a result must never take the session down
            self.log.error(f"{job.label}: cannot show the result", exc)
            self.say(
                f"{type(exc).__name__}: {exc}\nThe work itself is in the log (ctrl+r).",
                kind="error",
                title=f"Cannot show the result of {job.label}",
            )
        if job.cancel.is_set():
            self.say(f"Cancelled: {job.label}.", kind="warning")

    def _job_failed(self, job: Job, message: str, failed: Callable[[str], None] | None) -> None:
        self._end(job)
        if failed is not None:
            failed(message)
        else:
            self.say(message, kind="error", title=f"{job.label} failed")

    def _job_cancelled(self, job: Job) -> None:
        self._end(job)
        if job.draft is not None:
            job.draft.finish(None, error="cancelled")
        self.say(f"Cancelled: {job.label}.", kind="warning")

    def _end(self, job: Job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        self._show_activity()

    def _show_activity(self) -> None:
        activity = self.query_one("#activity", Static)
        if self.jobs:
            labels = ", ".join(
                job.label + (f" ({job.detail})" if job.detail else "") for job in self.jobs
            )
            activity.update(
                Content.from_markup("[b]⧗[/b] $labels… [dim](Esc cancels)[/dim]", labels=labels)
            )
            activity.add_class("-busy")
        else:
            activity.update("")
            activity.remove_class("-busy")

    def action_escape(self) -> None:
        if self.jobs:
            for job in list(self.jobs):
                job.cancel.set()
                if job.worker is not None:
                    job.worker.cancel()
            return
        self.query_one(PromptInput).focus()

    def scroll_conversation(self, where: str) -> None:
        """PageUp/PageDown/Home/End from the input line: the conversation moves, focus stays."""
        conversation = self.conversation
        if where == "page_up":
            conversation.scroll_page_up(animate=False)
        elif where == "page_down":
            conversation.scroll_page_down(animate=False)
        elif where == "home":
            conversation.scroll_home(animate=False)
        elif where == "end":
            conversation.scroll_end(animate=False)

    # -- input -------------------------------------------------------------------------------

    @on(Input.Submitted, "#prompt")
    def submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        prompt = self.query_one(PromptInput)
        prompt.value = ""
        if not text:
            return
        prompt.remember(text)
        quick = self.open_quick_question()
        if quick is not None and text.isdigit() and 1 <= int(text) <= len(quick.question.answers):
            quick.action_choose(int(text))  # a number answers the question on screen
            return
        if is_command(text):
            try:
                command = parse_command(text)
            except CommandParseError as exc:
                self.say(Content(f"{exc.message}\n\n{exc.help}"), kind="error", title="Command")
                return
            self.run_command(command)
        else:
            self.ask(text)

    def run_command(self, command: Command) -> None:
        handler = getattr(self, f"cmd_{command.name}")
        handler(**command.args)

    # -- commands ----------------------------------------------------------------------------

    def cmd_help(self, topic: str | None = None) -> None:
        if topic:
            self.say(usage_of(topic), kind="help", title=f"/{topic}")
        else:
            self.say(commands_help(), kind="help", title="Commands (F1 for keys)")

    def cmd_quit(self) -> None:
        self.app.exit()

    def cmd_review(self) -> None:
        self.app.action_review()  # type: ignore[attr-defined]

    def cmd_findings(self) -> None:
        self.action_findings()

    def cmd_export(self, path: str | None = None) -> None:
        self.action_export(path)

    def cmd_lint(self, path: str) -> None:
        self.attach_repo(path)

    def cmd_data(self, path: str, target: str, **options: str) -> None:
        self.attach_data(path, target, **options)

    def cmd_baseline(self, scores: str | None = None) -> None:
        backend = self.backend
        if not backend.data or not backend.target:
            self.say(
                f"No dataset attached yet.\n\n{usage_of('data')}", kind="error", title="/baseline"
            )
            return
        self.panel.show_data_busy(backend.data, "fitting baselines…")
        self.start_job(
            f"baselines on {backend.data}",
            lambda job: backend.baseline(
                cancel=job.cancel,
                progress=self._stage_progress(job),
                model_scores=scores.split() if scores else None,
            ),
            self._baseline_done,
            failed=self._data_failed,
        )

    def cmd_brainstorm(self, text: str) -> None:
        self.ask(text, brainstorm=True)

    # -- asking ------------------------------------------------------------------------------

    def ask(self, text: str, brainstorm: bool = False) -> None:
        self.add(QuestionBubble(text if not brainstorm else f"/brainstorm {text}"))
        holder: dict[str, Job] = {}

        def on_rules(result: Any) -> None:
            self._from_thread(self._show_rules, holder["job"], result)

        def on_token(token: str) -> None:
            self._from_thread(self._stream, holder["job"], token)

        job = self.start_job(
            "brainstorming" if brainstorm else "answering",
            lambda job: self.backend.ask(
                text, brainstorm=brainstorm, on_rules=on_rules, on_token=on_token, cancel=job.cancel
            ),
            lambda result: self._answered(holder["job"], result, brainstorm),
            keep_when_cancelled=True,  # a cancelled draft is logged (failed): show it as it is
        )
        holder["job"] = job
        if brainstorm:
            job.draft = DraftCard(title=text)
            self.add(job.draft)

    def _show_rules(self, job: Job, result: Any) -> None:
        """Rule answers, as soon as they exist (a draft may still be on its way)."""
        rules = self.backend.rules
        cards = [
            RuleCard(s, rules.get(s.rule or ""))
            for s in result.suggestions
            if not s.draft and s.id not in job.shown
        ]
        job.shown.update(card.suggestion_id for card in cards if card.suggestion_id)
        if not cards:
            return
        if job.draft is not None and job.draft.is_mounted:
            self.conversation.mount_all(cards, before=job.draft)  # rules above the draft
        else:
            self.add(*cards)

    def _stream(self, job: Job, token: str) -> None:
        if job.draft is None:
            job.draft = DraftCard(title="Brainstorm")
            self.add(job.draft)
        job.draft.append_text(token)
        if self.conversation.max_scroll_y - self.conversation.scroll_y <= 3:
            self.follow()

    def _answered(self, job: Job, result: Any, brainstorm: bool = False) -> None:
        self._show_rules(job, result)
        self._show_project(result)
        drafts = [s for s in result.suggestions if s.draft]
        for suggestion in drafts:
            if job.draft is not None:
                job.draft.finish(suggestion)
                job.draft = None
            else:
                self.add(DraftCard(suggestion))
        if job.draft is not None:  # a placeholder, but no draft was made (e.g. no LLM set up)
            job.draft.remove()
            job.draft = None
        notes = [_app_note(n) for n in result.notes if not n.startswith("The brainstorm failed")]
        has_rules = any(not s.draft for s in result.suggestions)
        no_llm = any(NO_LLM_IN_APP in n for n in notes)
        if result.project_findings and not brainstorm:
            # Answered from the project's findings: "no rule applies, no LLM" is not news here.
            notes = [n for n in notes if NO_LLM_IN_APP not in n and n != NO_MODEL_NOTE]
        if brainstorm and no_llm and not drafts:
            # The user asked for a brainstorm: the answer is that no LLM is set up, and how.
            self.say(NO_LLM_IN_APP, kind="warning", title="No LLM is configured")
            notes = [n for n in notes if NO_LLM_IN_APP not in n]
            notes = [n for n in notes if n not in ("Brainstorm skipped.", NO_MODEL_NOTE)]
            if notes:
                self.say("\n\n".join(notes), title="Note")
        elif not has_rules and not result.project_findings and not drafts and self._plan_moved():
            pass  # a statement for the plan ("we split by time"): the plan notice answers it
        elif not has_rules and not result.project_findings:
            lines = [*notes]
            if result.related:
                lines.append(_related_text(result.related))
            if not drafts and not any("brainstorm" in n.lower() for n in notes):
                lines.append("/brainstorm TEXT asks the LLM for ideas (shown as a draft).")
            self.say("\n\n".join(lines) or "No rule applies.", title="No rule applies")
        elif notes:
            self.say("\n\n".join(notes), title="Note")
        self.refresh_open()
        self.refresh_plan()

    def _show_project(self, result: Any) -> None:
        """A question about the project itself ("any problems in my code?") is answered with
        the project's findings for it — pointers to what the panel already holds (logged once,
        when /lint or /data found them), not new cards."""
        findings = result.project_findings
        if not findings:
            return
        rules = self.backend.rules
        lines = []
        for finding in findings[:12]:
            place = _finding_place(finding)
            rule = rules.get(finding.rule)
            title = rule.title if rule is not None else finding.message
            lines.append(f"  {finding.rule}  {title}" + (f" — {place}" if place else ""))
        if len(findings) > 12:
            lines.append(f"  … and {len(findings) - 12} more")
        lines.append(
            "They are in the side panel (open findings); ctrl+l shows the code, ctrl+r reviews."
        )
        self.say("\n".join(lines), title=f"In your project ({_plural(len(findings), 'finding')})")

    # -- repository and dataset ----------------------------------------------------------------

    def attach_repo(self, path: str) -> None:
        self.panel.show_repo_busy(path)
        self.start_job(
            f"linting {path}",
            lambda job: self.backend.lint(
                path,
                cancel=job.cancel,
                progress=lambda done, total: self.progress(job, f"{done}/{total} files"),
            ),
            lambda result: self._linted(path, result),
            failed=lambda message: self._lint_failed(path, message),
        )

    def _linted(self, path: str, result: tuple[Any, list[Any]]) -> None:
        report, suggestions = result
        summary = repo_summary(path, report, self.backend.rules)
        self.panel.show_repo(summary)
        self.app.lint_result = (path, report, suggestions)  # type: ignore[attr-defined]
        families = ", ".join(f"{family} {count}" for family, count, _ in summary.by_family)
        lines = [
            f"{_plural(summary.files, 'file')}, {summary.files_with_models} with a model, "
            f"{_plural(summary.findings, 'finding')}" + (f" ({families})" if families else "") + "."
        ]
        if summary.unanalysed:
            lines.append(
                f"{_plural(summary.unanalysed, 'file')} could not be analysed (see ctrl+l)."
            )
        if summary.findings:
            lines.append("ctrl+l or /findings shows them by file, with the source.")
        self.say("\n".join(lines), kind="success", title=f"Linted {path}")
        self.sub_title_refresh()
        self.refresh_open()
        self.refresh_plan()

    def _lint_failed(self, path: str, message: str) -> None:
        self.panel.show_repo(None, error=message)
        self.say(message, kind="error", title=f"/lint {path}")

    def attach_data(self, path: str, target: str, **options: str) -> None:
        """Check a dataset; `options` are check_data's test/time_col/group_col/id_col."""
        self.panel.show_data_busy(path)
        self.start_job(
            f"checking {path}",
            lambda job: self.backend.check_data(
                path, target, cancel=job.cancel, progress=self._stage_progress(job), **options
            ),
            self._data_checked,
            failed=self._data_failed,
        )

    def _stage_progress(self, job: Job) -> Callable[[str, float, float], None]:
        def report(stage: str, done: float, total: float) -> None:
            pct = int(100 * done / total) if total else 100
            self.progress(job, f"{stage} {pct}%")

        return report

    def _data_checked(self, result: tuple[Any, list[Any]]) -> None:
        from coach.tui.summaries import data_summary

        report, suggestions = result
        backend = self.backend
        summary = data_summary(
            backend.data, backend.target, report, backend.last_baseline, backend.rules
        )
        self.panel.show_data(summary)
        self.say(
            "\n".join(summary.facts) or "Checked.",
            kind="success",
            title=f"Checked {backend.data} (target {backend.target})",
        )
        self.add(*[RuleCard(s, backend.rules.get(s.rule or "")) for s in suggestions])
        self.sub_title_refresh()
        self.refresh_open()
        self.refresh_plan()

    def _baseline_done(self, result: tuple[Any, list[Any]]) -> None:
        from coach.tui.summaries import data_summary

        report, suggestions = result
        backend = self.backend
        summary = data_summary(
            backend.data, backend.target, backend.last_data, report, backend.rules
        )
        self.panel.show_data(summary)
        lines = summary.baseline_lines() or ["No baseline scores."]
        for c in report.comparisons:
            verdict = (
                "clearly beats the baselines"
                if c.beats_clearly
                else "beats the trivial baseline, but not clearly the best one"
                if c.beats_trivial
                else "does not beat the trivial baseline"
            )
            lines.append(
                f"Your {c.metric} {c.value:.3f} vs {c.best_model} {c.best_mean:.3f} ± "
                f"{c.best_std:.3f}: {verdict}."
            )
        self.say("\n".join(lines), kind="success", title="Baselines (cross-validated)")
        self.add(*[RuleCard(s, backend.rules.get(s.rule or "")) for s in suggestions])
        self.refresh_open()
        self.refresh_plan()

    def _data_failed(self, message: str) -> None:
        self.panel.show_data(None, error=message)
        self.say(message, kind="error", title="Dataset")
        self.sub_title_refresh()  # the failed dataset is not attached: the header says so

    # -- session state -------------------------------------------------------------------------

    def sub_title_refresh(self) -> None:
        backend = self.backend
        parts = []
        if backend.repo:
            parts.append(f"repo {backend.repo}")
        if backend.data:
            parts.append(f"data {backend.data}")
        self.sub_title = " · ".join(parts)

    def refresh_open(self) -> None:
        try:
            views = self.backend.session_suggestions()
        except Exception:  # the panel is a convenience; a read failure must not break the turn
            return
        self.panel.show_open(open_findings(views))
        # Decisions made elsewhere (review or lint screen) show on the cards here too.
        status = {view.id: view.status for view in views}
        for card in self.query(SuggestionCard):
            if card.suggestion_id in status and card.status != status[card.suggestion_id]:
                card.status = status[card.suggestion_id]

    def on_screen_resume(self) -> None:
        if self.backend.store is not None:
            self.refresh_open()

    def show_history(self, history: Any) -> None:
        """Render a resumed session from the log."""
        rules = self.backend.rules
        by_question: dict[str | None, list[Any]] = {}
        for view in history.suggestions:
            by_question.setdefault(view.question_id, []).append(view)
        self.say(
            f"{_plural(len(history.questions), 'question')}, "
            f"{_plural(len(history.suggestions), 'suggestion')} from the log.",
            kind="success",
            title=f"Resumed: {history.session.title or history.session.id}",
        )
        prompt = self.query_one(PromptInput)
        for question in history.questions:
            prompt.remember(question.text)
            self.add(QuestionBubble(question.text))
            answers = by_question.pop(question.id, [])
            if answers:
                self.add(*[_card_for(v, rules) for v in answers])
            else:
                self.say("No rule applied and nothing was drafted.", kind="muted")
        leftovers = [v for group in by_question.values() for v in group]
        if leftovers:
            self.say(
                f"{len(leftovers)} findings from the attached repository and dataset.",
                title="Findings",
            )
            self.add(*[_card_for(v, rules) for v in leftovers])
        self.sub_title_refresh()
        self.refresh_open()

    # -- the plan ------------------------------------------------------------------------------

    def cmd_plan(self, action: str | None = None, path: str | None = None) -> None:
        if action == "export":
            self.export_plan(path)
            return
        backend = self.backend
        plan = backend.plan
        if action is None:
            self.say(_plan_text(plan), title=_plan_title(plan))
            item = plan.next_open()
        else:
            item = plan.item(action)
        if item is not None:
            self.ask_plan_item(item)
        else:
            self.say(
                "Every item is decided or flagged. /plan export writes the plan as Markdown.",
                kind="success",
            )

    def ask_plan_item(self, item: Any) -> None:
        from coach.plan.items import quick_question

        question = quick_question(item, has_data=bool(self.backend.last_data))
        self.add(QuickQuestionCard(question))

    def open_quick_question(self) -> QuickQuestionCard | None:
        cards = [card for card in self.query(QuickQuestionCard) if card.open]
        return cards[-1] if cards else None

    @on(QuickQuestionCard.Answered)
    def quick_answered(self, event: QuickQuestionCard.Answered) -> None:
        answer = event.answer
        item_id = event.card.question.item
        if answer.command:
            self.run_command(parse_command(answer.command))
            return
        if item_id is None:  # a question that decides no plan item (a future router clarify)
            self.ask(answer.value)
            return
        self.start_job(
            "saving the answer",
            lambda job: self.backend.answer(item_id, answer),
            lambda _result: self._plan_answered(),
        )

    def _plan_answered(self) -> None:
        self.refresh_plan()
        item = self.backend.plan.next_open()
        if item is not None:
            self.ask_plan_item(item)

    def _plan_moved(self) -> bool:
        """Whether the plan has decided or flagged something since it was last shown."""
        with self.backend.plan_lock:
            now = {i.id: (i.status, i.decision) for i in self.backend.plan.items}
        return any(now[key] != self._plan_seen.get(key) and now[key][0] != "open" for key in now)

    def refresh_plan(self, report: bool = True) -> None:
        """Redraw the plan panel; with `report`, say in the conversation what this turn changed
        and what to settle next."""
        from coach.plan.items import next_step

        backend = self.backend
        with backend.plan_lock:
            plan = backend.plan.model_copy(deep=True)
        step = next_step(plan, has_repo=bool(backend.last_lint), has_data=bool(backend.last_data))
        self.panel.show_plan(plan)
        now = {item.id: (item.status, item.decision) for item in plan.items}
        changed = [item for item in plan.items if self._plan_seen.get(item.id) != now[item.id]]
        self._plan_seen = now
        if not report:
            return
        lines = [_plan_change(item) for item in changed if item.status != "open"]
        if not lines:
            return
        if step:
            lines.append(f"Next: {step}")
        self.add(Notice("\n".join(lines), kind="plan", title="Plan"))

    def export_plan(self, path: str | None = None) -> None:
        try:
            out = self.backend.export_plan(path)
        except BackendError as exc:
            self.say(str(exc), kind="error", title="/plan export")
            return
        self.say(f"Wrote {out}", kind="success", title="Exported the plan")

    # -- actions -------------------------------------------------------------------------------

    def action_findings(self) -> None:
        result = getattr(self.app, "lint_result", None)
        if result is None:
            self.say(
                f"No repository linted yet.\n\n{usage_of('lint')}", kind="error", title="Findings"
            )
            return
        self.app.open_findings()  # type: ignore[attr-defined]

    def action_export(self, path: str | None = None) -> None:
        try:
            out = self.backend.export(path)
        except BackendError as exc:
            self.say(str(exc), kind="error", title="/export")
            return
        self.say(f"Wrote {out}", kind="success", title="Exported the session")

    def action_toggle_panel(self) -> None:
        self.panel.display = not self.panel.display


def _finding_place(finding: Any) -> str:
    """Every place a (merged) project finding points to, e.g. "train.py:14, train.py:21"."""
    locations = [e.location for e in finding.evidence if e.location is not None]
    if not locations and finding.location is not None:
        locations = [finding.location]
    places = []
    for loc in locations:
        where = loc.path + (f" cell {loc.cell}" if loc.cell is not None else "")
        places.append(where + (f":{loc.line}" if loc.line else ""))
    return ", ".join(dict.fromkeys(places))


def _plan_title(plan: Any) -> str:
    counts = plan.counts()
    return f"Plan: {counts['decided']} decided, {counts['at_risk']} at risk, {counts['open']} open"


def _plan_text(plan: Any) -> str:
    from coach.plan.items import SPEC_BY_ID

    mark = {"decided": "✓", "at_risk": "!", "open": "○"}
    lines = []
    for item in plan.items:
        lines.append(f"{mark[item.status]} {SPEC_BY_ID[item.id].title}")
        if item.decision:
            by = f" — {item.decided_by.describe()}" if item.decided_by else ""
            lines.append(f"    {item.decision}{by}")
        for risk in item.risks:
            lines.append(f"    at risk: {risk.describe()}")
    return "\n".join(lines)


def _plan_change(item: Any) -> str:
    from coach.plan.items import SPEC_BY_ID

    title = SPEC_BY_ID[item.id].title
    if item.status == "at_risk":
        risks = ", ".join(dict.fromkeys(risk.short() for risk in item.risks[:3]))
        return f"! {title} — at risk: {risks}"
    by = f" ({item.decided_by.short()})" if item.decided_by else ""
    return f"✓ {title} — {item.decision}{by}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _card_for(view: Any, rules: dict[str, Any]) -> SuggestionCard:
    if view.draft:
        return DraftCard(view)
    return RuleCard(view, rules.get(view.rule or ""))


NO_MODEL_NOTE = "No rule in Coach's catalog applies to this question."
NO_LLM_IN_APP = (
    "No LLM is configured, so Coach cannot brainstorm (rule answers work without one). Set "
    "COACH_MODEL (e.g. openai/gpt-4o-mini with OPENAI_API_KEY, or a local server with "
    "COACH_API_BASE), then start Coach again; `coach config show` shows the settings."
)


def _app_note(note: str) -> str:
    """The router's notes are written for a wide terminal; the long how-to-configure text is
    replaced by a version that reads well in the conversation pane."""
    from coach.llm.config import HOW_TO_CONFIGURE

    if HOW_TO_CONFIGURE in note:
        return note.replace(HOW_TO_CONFIGURE, NO_LLM_IN_APP).strip()
    return note


def _related_text(related: list[Any]) -> str:
    lines = ["Related checklist items (closest rules; `coach rule ID` explains one):"]
    lines += [f"  {item.rule}  {item.title}" for item in related[:5]]
    return "\n".join(lines)


__all__ = ["SessionScreen"]
