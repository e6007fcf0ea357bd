"""Everything the app asks of the rest of Coach, in one place and without Textual.

The app calls these methods from worker threads, so the slow parts (opening the log imports
sqlite-utils and pandas; data checks import scikit-learn; drafts import litellm) never block the
screen. Threading rule: `self.store` is opened once and shared by the UI thread and the workers;
the store holds a lock per transaction and per read, so two threads never interleave inside one
SQLite transaction.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from coach.cancel import Cancelled as StopRequested
from coach.models import Evidence, Finding, Question, Session, Suggestion, utcnow


class BackendError(Exception):
    """A user-facing failure of an app action; the message is shown as is."""


class Cancelled(BackendError):
    """The user pressed Esc; the result is thrown away and nothing more is logged."""


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled("cancelled")


class SessionHistory(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    session: Session | None = None
    questions: list[Question] = Field(default_factory=list)
    suggestions: list[Any] = Field(default_factory=list)  # SuggestionView, oldest first
    note: str | None = None  # e.g. why nothing was resumed


class Backend:
    def __init__(
        self,
        db_path: str | Path | None = None,
        repo: str | None = None,
        data: str | None = None,
        target: str | None = None,
    ) -> None:
        self.requested_db = db_path
        self.repo = repo
        self.data = data
        self.target = target
        self.store: Any = None  # coach.store.Store, opened by `open()`
        self.db_path: Path | None = None
        self.session: Session | None = None
        self.rules: dict[str, Any] = {}
        self.catalog_version: str | None = None
        self.catalog_error: str | None = None
        self._session_lock = threading.Lock()
        self.last_lint: Any = None  # LintReport
        self.last_data: Any = None  # DataReport
        self.last_baseline: Any = None  # BaselineReport
        # (question, answer) pairs of this session, given to the LLM so drafts build on them.
        self.turns: list[tuple[str, str]] = []

    # -- opening -----------------------------------------------------------------------------

    def open(self, resume: bool = False) -> SessionHistory:
        """Open the log and the catalog; with `resume`, load the last session. Worker thread."""
        from coach.catalog import CatalogError, default_catalog
        from coach.store import Store, StoreError

        try:
            self.store = Store.open(self.requested_db)
        except StoreError as exc:
            raise BackendError(str(exc)) from exc
        self.db_path = self.store.path
        try:
            catalog = default_catalog()
            self.rules = dict(catalog.rules)
            self.catalog_version = catalog.version
        except CatalogError as exc:
            self.catalog_error = f"the rule catalog is invalid: {exc}"
        history = SessionHistory()
        if resume:
            session = self.store.last_session()
            if session is None:
                return SessionHistory(
                    note="There is no earlier session in the log to resume; this is a new one."
                )
            self.session = session
            self.repo = self.repo or session.repo
            self.data = self.data or session.data
            self.target = self.target or session.target
            history = SessionHistory(
                session=session,
                questions=self.store.questions(session.id),
                suggestions=list(reversed(self.store.list_suggestions(session=session.id))),
            )
        return history

    @contextlib.contextmanager
    def _worker_store(self) -> Iterator[Any]:
        """The app's one long-lived store: it serialises its own use across threads, and a
        second connection per task would only add ways to lose SQLite's locks."""
        if self.store is None:
            raise BackendError("the log is not open yet.")
        yield self.store

    def ensure_session(self, store: Any, title: str | None = None) -> Session:
        """The session, created in the log the first time something is logged (titled after
        that first question or attachment)."""
        with self._session_lock:
            if self.session is None:
                if title is not None:
                    title = " ".join(title.split())
                    title = title if len(title) <= 60 else title[:59] + "…"
                self.session = store.create_session(
                    title=title, repo=self.repo, data=self.data, target=self.target
                )
            return self.session

    # -- asking ------------------------------------------------------------------------------

    def ask(
        self,
        text: str,
        *,
        brainstorm: bool = False,
        on_rules: Callable[[Any], None] | None = None,
        on_token: Callable[[str], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> Any:
        """Route a question: rules first (`on_rules` gets them before any draft), then a draft
        when asked for or when no rule applies (streamed to `on_token`). Returns the AskResult."""
        from coach.ask import AskError, ask

        with self._worker_store() as store:
            session = self.ensure_session(store, title=text)
            try:
                result = ask(
                    text,
                    store=store,
                    session_id=session.id,
                    repo=self.repo,
                    data=self.data,
                    target=self.target if self.data else None,
                    brainstorm=brainstorm,
                    on_rules=on_rules,
                    on_token=on_token,
                    cancel=cancel,
                    earlier_turns=list(self.turns[-6:]),
                )
            except AskError as exc:
                raise BackendError(str(exc)) from exc
        answer = "; ".join(s.title for s in result.suggestions) or "no rule applied"
        self.turns.append((text, answer))
        return result

    # -- repository ----------------------------------------------------------------------------

    def lint(
        self,
        path: str,
        cancel: threading.Event | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> tuple[Any, list[Suggestion]]:
        """Lint a repository/file and log its findings; (report, suggestion per finding)."""
        target = Path(path).expanduser()
        if not target.exists():
            raise BackendError(f"{path}: no such file or directory.")
        from coach.lint.config import ConfigError, resolve_settings
        from coach.lint.runner import lint_paths
        from coach.lint.sources import PathError

        try:
            settings = resolve_settings([str(target)])
            report = lint_paths([str(target)], settings, progress=progress, cancel=cancel)
        except (ConfigError, PathError) as exc:
            raise BackendError(str(exc)) from exc
        except StopRequested as exc:
            raise Cancelled("cancelled") from exc
        _check(cancel)
        self.repo = str(path)
        self.last_lint = report
        with self._worker_store() as store:
            self.ensure_session(store, title=f"repo {path}")
            logged = self._log_findings(
                store, [with_location_evidence(f) for f in report.findings], "lint"
            )
        return report, logged

    # -- dataset -------------------------------------------------------------------------------

    def check_data(
        self,
        path: str,
        target: str,
        cancel: threading.Event | None = None,
        progress: Callable[[str, float, float], None] | None = None,
        test: str | None = None,
        time_col: str | None = None,
        group_col: str | None = None,
        id_col: str | None = None,
    ) -> tuple[Any, list[Suggestion]]:
        """Check a dataset (and a test split) and log its findings; (report, suggestions)."""
        file = Path(path).expanduser()
        _require_data("checking a dataset")
        from coach.data.checks import check_data
        from coach.data.errors import DataError

        try:
            report = check_data(
                file,
                target,
                Path(test).expanduser() if test else None,
                time_col=time_col,
                group_col=group_col,
                id_col=id_col,
                progress=progress,
                cancel=cancel,
            )
        except DataError as exc:
            raise BackendError(str(exc)) from exc
        except StopRequested as exc:
            raise Cancelled("cancelled") from exc
        _check(cancel)
        self.data, self.target = str(path), target
        self.last_data = report
        self.last_baseline = None
        with self._worker_store() as store:
            self.ensure_session(store, title=f"data {path}")
            logged = self._log_findings(store, list(report.findings), "data")
        return report, logged

    def baseline(
        self,
        cancel: threading.Event | None = None,
        progress: Callable[[str, float, float], None] | None = None,
        model_scores: list[str] | None = None,
    ) -> tuple[Any, list[Suggestion]]:
        """Cross-validated baselines; with `model_scores` (METRIC=VALUE), the comparison."""
        if not self.data or not self.target:
            raise BackendError("no dataset attached: use /data FILE --target COL first.")
        _require_data("a baseline")
        from coach.data.baseline import parse_model_scores, run_baseline
        from coach.data.errors import DataError

        try:
            scores = parse_model_scores(model_scores or []) or None
            report = run_baseline(
                Path(self.data), self.target, model_scores=scores, progress=progress
            )
        except DataError as exc:
            raise BackendError(str(exc)) from exc
        _check(cancel)
        self.last_baseline = report
        with self._worker_store() as store:
            logged = self._log_findings(store, list(report.findings), "baseline")
        return report, logged

    def _log_findings(self, store: Any, findings: list[Finding], kind: str) -> list[Suggestion]:
        """The logged suggestion for each finding, in order. A finding already logged in this
        session (same rule, message and place) is not logged again, so re-linting adds nothing."""
        from coach.suggestions import to_suggestions

        session = self.ensure_session(store)
        # The command is the "question" these suggestions answer, so the log can show it.
        command = {
            "lint": f"/lint {self.repo}",
            "data": f"/data {self.data} --target {self.target}",
        }
        question = store.add_question(session.id, command.get(kind, f"/{kind}"), kind)
        existing = {
            _finding_key(s.rule, s.body, s.evidence): s
            for s in store.list_suggestions(session=session.id, source="rule")
        }
        evidence_kind = "lint" if kind == "lint" else "baseline" if kind == "baseline" else "data"
        result: list[Suggestion] = []
        fresh: list[Suggestion] = []
        for suggestion in to_suggestions(findings, session_id=session.id, kind=evidence_kind):
            key = _finding_key(suggestion.rule, suggestion.body, suggestion.evidence)
            if key in existing:
                result.append(existing[key])
                continue
            existing[key] = suggestion
            suggestion.question_id = question.id
            fresh.append(suggestion)
            result.append(suggestion)
        store.add_suggestions(fresh)
        return result

    # -- the log (UI thread) ---------------------------------------------------------------------

    def review(self, suggestion_id: str, status: str, note: str | None = None) -> Any:
        from coach.store import StoreError

        try:
            return self.store.review(suggestion_id, status, note=note)
        except StoreError as exc:
            raise BackendError(str(exc)) from exc

    def annotate(self, suggestion_id: str, note: str) -> Any:
        from coach.store import StoreError

        try:
            return self.store.annotate(suggestion_id, note)
        except StoreError as exc:
            raise BackendError(str(exc)) from exc

    def session_suggestions(self) -> list[Any]:
        if self.session is None or self.store is None:
            return []
        return self.store.list_suggestions(session=self.session.id)

    def export(self, path: str | None = None, now: datetime | None = None) -> Path:
        """Write the session transcript; returns where it went."""
        from coach.tui.transcript import render_transcript

        if self.store is None:
            raise BackendError("the log is not open, so there is nothing to export.")
        if self.session is None:
            raise BackendError("nothing to export yet: ask a question or attach a repo first.")
        questions = self.store.questions(self.session.id)
        views = self.store.list_suggestions(session=self.session.id)
        text = render_transcript(self.session, questions, views, exported=now or utcnow())
        out = Path(path or f"coach-session-{self.session.id[:8]}.md").expanduser()
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise BackendError(f"cannot write {out}: {exc.strerror or exc}") from exc
        return out


def with_location_evidence(finding: Finding) -> Finding:
    """A lint finding with its place (and related places) as evidence, so the logged
    suggestion says file:line, not just the message."""
    if finding.evidence or finding.location is None:
        return finding
    evidence = [Evidence(kind="lint", text=finding.message, location=finding.location)]
    evidence += [
        Evidence(kind="lint", text=related.message or "related line", location=related)
        for related in finding.related
    ]
    return finding.model_copy(update={"evidence": evidence})


def _finding_key(rule: str | None, body: str, evidence: list[Evidence]) -> tuple:
    places = tuple(
        (e.location.path, e.location.line, e.location.cell) for e in evidence if e.location
    )
    return (rule, body, places)


__all__ = ["Backend", "BackendError", "Cancelled", "SessionHistory", "with_location_evidence"]


def _require_data(feature: str) -> None:
    """A base install (no [data] extra) gets a message naming the extra, not an ImportError."""
    from coach.extras import MissingExtra, require

    try:
        require("data", feature)
    except MissingExtra as exc:
        raise BackendError(str(exc)) from exc
