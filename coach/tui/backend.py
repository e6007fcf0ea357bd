"""Everything the app asks of the rest of Coach, in one place and without Textual.

The app calls these methods from worker threads, so the slow parts (opening the log imports
sqlite-utils and pandas; data checks import scikit-learn; drafts import litellm) never block the
screen. Threading rule: `self.store` is opened once and shared by the UI thread and the workers;
the store holds a lock per transaction and per read, so two threads never interleave inside one
SQLite transaction.
"""

from __future__ import annotations

import contextlib
import re
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
        export_dir: str | Path | None = None,
    ) -> None:
        from coach.plan.items import new_plan

        self.requested_db = db_path
        self.export_dir = Path(export_dir).expanduser() if export_dir else None
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
        # The plan this session builds (coach.plan); every update holds the lock (workers).
        self.plan = new_plan()
        self.plan_lock = threading.Lock()

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
            questions = self.store.questions(session.id)
            # The attachments in force when the session ended: the last /lint and /data.
            repo, data, target = latest_attachments(questions, session)
            self.repo = self.repo or repo
            if not self.data:
                self.data, self.target = data, target
            self._replay_plan(questions)
            history = SessionHistory(
                session=session,
                questions=questions,
                suggestions=list(reversed(self.store.list_suggestions(session=session.id))),
            )
        return history

    def _replay_plan(self, questions: list[Question]) -> None:
        """Rebuild the plan from what the user said and answered (attachments are checked
        again after opening, and fill their part then)."""
        from coach.plan.fill import from_answer, from_question, parse_answer_line
        from coach.router.route import route

        with self.plan_lock:
            for question in questions:
                answer = parse_answer_line(question.text)
                if answer is not None:
                    from_answer(self.plan, *answer)
                elif not question.text.startswith("/"):
                    routed = route(question.text, with_related=False)
                    from_question(self.plan, routed.facts, routed.findings)

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
        from coach.plan.fill import from_question
        from coach.router.route import RouteContext

        # The attachments' reports are already here: the answer uses them as they are (nothing
        # is linted or checked again), and their findings, logged once when they were found,
        # are not logged again for every question.
        context = RouteContext(
            lint=self.last_lint,
            data=self.last_data,
            data_label=self.data_label() if self.last_data is not None else "",
        )
        with self._worker_store() as store:
            session = self.ensure_session(store, title=text)
            try:
                result = ask(
                    text,
                    store=store,
                    session_id=session.id,
                    repo=self.repo,
                    data=self.data if self.target else None,
                    target=self.target if self.data else None,
                    brainstorm=brainstorm,
                    on_rules=on_rules,
                    on_token=on_token,
                    cancel=cancel,
                    earlier_turns=list(self.turns[-6:]),
                    context=context,
                    log_project_findings=False,
                )
            except AskError as exc:
                raise BackendError(str(exc)) from exc
        answer = "; ".join(s.title for s in result.suggestions) or "no rule applied"
        self.turns.append((text, answer))
        if result.facts is not None:
            with self.plan_lock:
                from_question(self.plan, result.facts, result.findings)
        return result

    def data_label(self) -> str:
        return f"{Path(self.data or '').name}, target {self.target}"

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
        from coach.plan.fill import from_lint

        with self.plan_lock:
            from_lint(
                self.plan, report.findings, report.summary.files, report.summary.files_with_models
            )
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
            self.forget_data()  # the header and the answers must not use a dataset that failed
            raise BackendError(str(exc)) from exc
        except StopRequested as exc:
            raise Cancelled("cancelled") from exc
        _check(cancel)
        self.data, self.target = str(path), target
        self.last_data = report
        self.last_baseline = None
        from coach.plan.fill import from_data

        with self.plan_lock:
            from_data(
                self.plan,
                self.data_label(),
                report.class_counts,
                report.findings,
                time_columns(file, target, time_col),
            )
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
        from coach.plan.fill import from_baseline

        with self.plan_lock:
            from_baseline(
                self.plan, best_baseline(report), report.findings, comparison_lines(report)
            )
        with self._worker_store() as store:
            logged = self._log_findings(store, list(report.findings), "baseline")
        return report, logged

    def answer(self, item_id: str, answer: Any) -> None:
        """A quick answer to the plan's question: decides the item and is logged (as a line of
        the session) so `--resume` replays it."""
        from coach.plan.fill import answer_line, from_answer

        with self.plan_lock:
            from_answer(self.plan, item_id, answer)
        with self._worker_store() as store:
            session = self.ensure_session(store, title="project plan")
            store.add_question(session.id, answer_line(item_id, answer), "plan")

    def warm_llm(self) -> bool:
        """Import the LLM client (litellm, tiktoken's encoding) ahead of the first draft when an
        LLM is configured; worker thread. Returns whether it did."""
        try:
            from coach.llm.config import load_settings

            settings = load_settings()
        except Exception:  # an invalid configuration is reported when a draft is asked for
            return False
        if not settings.configured:
            return False
        import coach.llm.draft  # noqa: F401  (the modules a draft goes through)
        from coach.llm import client

        with contextlib.suppress(Exception):  # a failing import is reported by the draft itself
            # The library the draft will use: openai for OpenAI-compatible endpoints, else litellm.
            if client.backend_for(settings) == "openai":
                client.import_openai()
            else:
                client.import_litellm(settings.provider or "model's")
            from coach.llm.tokens import encoding_name_for, get_encoding

            get_encoding(encoding_name_for(settings.model))
        return True

    def forget_data(self) -> None:
        self.data = self.target = None
        self.last_data = self.last_baseline = None

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
        return self._write_export(path, f"coach-session-{self.session.id[:8]}.md", text)

    def export_plan(self, path: str | None = None, now: datetime | None = None) -> Path:
        """Write the plan as Markdown (decisions, evidence, open risks); returns where."""
        from coach.plan.markdown import render_markdown

        with self.plan_lock:
            text = render_markdown(
                self.plan,
                title=self.session.title if self.session else None,
                repo=self.repo,
                data=self.data,
                exported=now or utcnow(),
            )
        name = f"coach-plan-{self.session.id[:8] if self.session else 'new'}.md"
        return self._write_export(path, name, text)

    def exports_folder(self) -> Path:
        """Where exports go without a path: --export-dir, else `exports/` beside the log."""
        if self.export_dir is not None:
            return self.export_dir
        base = self.db_path.parent if self.db_path is not None else Path.cwd()
        return base / "exports"

    def _write_export(self, path: str | None, name: str, text: str) -> Path:
        out = Path(path).expanduser() if path else self.exports_folder() / name
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise BackendError(f"cannot write {out}: {exc.strerror or exc}") from exc
        return out.resolve()


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


def latest_attachments(
    questions: list[Question], session: Session
) -> tuple[str | None, str | None, str | None]:
    """(repo, data, target) of the last `/lint` and `/data` logged in a session, falling back to
    what the session was started with."""
    from coach.tui.commands import CommandParseError, parse_command

    repo, data, target = session.repo, session.data, session.target
    for question in questions:
        if not question.text.startswith(("/lint ", "/data ")):
            continue
        try:
            command = parse_command(question.text)
        except CommandParseError:
            continue
        if command.name == "lint":
            repo = command.args["path"]
        elif command.name == "data":
            data, target = command.args["path"], command.args["target"]
    return repo, data, target


_TIME_NAME = re.compile(
    r"(^|_)(date|dates|time|timestamp|datetime|created|updated|month|year|week|day)(_|$)|"
    r"_(at|on|ts)$|^ts$",
    re.IGNORECASE,
)


def time_columns(path: Path, target: str, time_col: str | None = None) -> list[str]:
    """Columns whose names say they hold a time (`--time-col`, or read from a CSV/TSV header):
    a random split on such data is flagged in the plan."""
    if time_col:
        return [time_col]
    if path.suffix.lower() not in (".csv", ".tsv", ".txt"):
        return []
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            header = handle.readline()
    except OSError:
        return []
    sep = "\t" if path.suffix.lower() == ".tsv" else ","
    names = [name.strip().strip('"') for name in header.split(sep)]
    return [n for n in names if n and n != target and _TIME_NAME.search(n)]


def best_baseline(report: Any) -> str | None:
    """ "logistic_regression: balanced accuracy 0.712 ± 0.020" for the best simple model."""
    from coach.tui.summaries import PANEL_METRICS

    best: tuple[float, str] | None = None
    for model in report.models:
        if getattr(model, "kind", "simple") == "flagged":
            continue  # put back the leaky columns for comparison only: never the bar
        metric = next((m for m in PANEL_METRICS if m in model.metrics), None)
        if metric is None:
            continue
        stat = model.metrics[metric]
        text = f"{model.name}: {metric.replace('_', ' ')} {stat.mean:.3f} ± {stat.std:.3f}"
        score = -stat.mean if metric == "mae" else stat.mean  # error metrics: lower is better
        if best is None or score > best[0]:
            best = (score, text)
    return best[1] if best else None


def comparison_lines(report: Any) -> list[str]:
    return [
        f"your {c.metric} {c.value:.3f} vs {c.best_model} {c.best_mean:.3f}"
        + (" — clearly better" if c.beats_clearly else " — not clearly better")
        for c in report.comparisons
    ]


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
