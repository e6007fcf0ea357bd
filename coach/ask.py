"""`ask()`: one question in, the routed answer out, everything logged. Used by the CLI and the app.

Order of work, chosen so nothing is ever lost:
1. the question is written to the log first (even an empty or failing one);
2. only the context the question needs is gathered (lint for a repo, cheap or full data checks);
3. the router answers from rules; the rule suggestions are logged before anything slow happens;
4. only then, if no rule applies (or the user asked for ideas) and an LLM is configured, the
   brainstorm runs — its output is always a draft, logged by `coach.llm.draft.draft_for`.
Bad input (empty question, unreadable repo, missing target column) raises `AskError` after the
question has been logged with route "none".
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from coach.catalog import Catalog, default_catalog
from coach.models import Evidence, Finding, Suggestion
from coach.router.related import Related
from coach.router.route import RouteContext, RouteName, needs, route
from coach.suggestions import to_suggestions

NO_LLM_NOTE = (
    "No rule in Coach's catalog applies to this question. An LLM brainstorm could offer ideas "
    "(always as a draft for you to review), but --no-llm was given."
)
NO_MODEL_NOTE = "No rule in Coach's catalog applies to this question."


class AskError(Exception):
    """Bad input for a question; the question itself is already in the log."""

    def __init__(self, message: str, question_id: str | None = None) -> None:
        super().__init__(message)
        self.question_id = question_id


class AskResult(BaseModel):
    question: str
    question_id: str
    session: str
    route: RouteName
    suggestions: list[Suggestion] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)  # parallel to the rule suggestions
    related: list[Related] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    context: dict[str, Any] = Field(default_factory=dict)
    prompt_preview: str | None = None
    facts: Any = Field(default=None, exclude=True)  # coach.router.facts.Facts (a dataclass)
    # Findings of the attached project that this answer points to but did not log again
    # (`log_project_findings=False`: the app logged them once, when they were found).
    project_findings: list[Finding] = Field(default_factory=list, exclude=True)

    def to_json(self) -> dict[str, Any]:
        """The `coach ask --format json` payload (names fixed by the issue; extras appended)."""
        from coach.router.clarify import quick_answers

        numbered = quick_answers(self.findings)
        return {
            "question": self.question,
            "session": self.session,
            "route": self.route,
            "suggestions": [
                suggestion_json(s, self.findings[i] if i < len(self.findings) else None, numbered)
                for i, s in enumerate(self.suggestions)
            ],
            "related": [r.model_dump() for r in self.related],
            "question_id": self.question_id,
            "notes": self.notes,
            "context": self.context,
            **({"prompt_preview": self.prompt_preview} if self.prompt_preview else {}),
        }


def suggestion_json(
    s: Suggestion, finding: Finding | None = None, numbered: list[Any] | None = None
) -> dict[str, Any]:
    """One suggestion; a rule answer also says its `kind` (rule / clarify / correct) and, for a
    clarify answer, the deciding question with numbered quick answers (README: "Answer kinds")."""
    answer: dict[str, Any] = {}
    if s.source == "rule" and finding is not None and finding.rule == s.rule:
        answer["kind"] = finding.kind
        if finding.kind == "clarify" and finding.clarify is not None:
            answer["clarify"] = {
                "question": finding.clarify.question,
                "answers": [
                    {"n": a.number, "label": a.label, "adds": a.adds}
                    for a in numbered or []
                    if a.rule == finding.rule
                ],
            }
    return {
        **answer,
        "id": s.id,
        "source": s.source,
        "rule": s.rule,
        "severity": s.severity,
        "title": s.title,
        "body": s.body,
        "evidence": [_evidence_json(e) for e in s.evidence],
        "draft": s.draft,
        "status": s.status,
        **({"error": s.error} if s.error else {}),
        **({"model": s.model} if s.model else {}),
    }


def _evidence_json(e: Evidence) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": e.kind, "text": e.text}
    if e.location is not None:
        out["location"] = e.location.model_dump(exclude_none=True)
    if e.data:
        out["data"] = e.data
    return out


def ask(
    question: str,
    *,
    store: Any,
    session_id: str | None = None,
    repo: str | Path | None = None,
    data: str | Path | None = None,
    target: str | None = None,
    no_llm: bool = False,
    brainstorm: bool = False,
    show_prompt: bool = False,
    on_token: Callable[[str], None] | None = None,
    on_rules: Callable[[AskResult], None] | None = None,
    cancel: threading.Event | None = None,
    llm_settings: Any = None,
    earlier_turns: list[Any] | None = None,
    catalog: Catalog | None = None,
    context: RouteContext | None = None,
    log_project_findings: bool = True,
    answer: int | None = None,
) -> AskResult:
    """Answer one question; see the module docstring for the order of work.

    `on_rules` is called with the rule answer before a brainstorm starts (the CLI prints it,
    then streams the draft through `on_token`). `context` is context the caller already has
    (the app keeps the reports of what it attached): used as is, nothing is linted or checked
    again. With `log_project_findings=False`, project findings that the question did not raise
    itself are returned in `project_findings` instead of being logged again.
    `answer` N answers the deciding question of the session's last question (quick answer N):
    the follow-up is that question plus the answer.
    """
    catalog = catalog or default_catalog()
    text = question.strip()
    if answer is not None:
        text = _follow_up(store, session_id, answer, text, catalog)
    session = store.ensure_session(
        session_id,
        title=_title(text) if not session_id else None,
        repo=str(repo) if repo else None,
        data=str(data) if data else None,
        target=target,
    )
    logged = store.add_question(session.id, text)

    def fail(message: str) -> AskError:
        store.set_question_route(logged.id, "none")
        return AskError(message, logged.id)

    if not text:
        raise fail(
            'the question is empty — ask something, e.g. coach ask "I scaled before splitting, ok?"'
        )
    if data is not None and not target:
        raise fail("--data needs --target COL (the column to predict)")
    if target and data is None:
        raise fail("--target needs --data FILE")

    summary: dict[str, Any] = {}
    if context is not None:
        context = _given_context(context, repo, data, target, summary)
    else:
        context = _gather_context(text, repo, data, target, summary, fail)

    routed = route(text, context, catalog=catalog)
    findings = routed.findings
    project: list[Finding] = []
    if not log_project_findings:
        project = [f for f in findings if f.detector != "question"]
        findings = [f for f in findings if f.detector == "question"]
    suggestions = to_suggestions(
        findings,
        session_id=session.id,
        question_id=logged.id,
        kind=None,
        fix_in_body=True,
        catalog=catalog,
    )
    store.add_suggestions(suggestions)

    wants_draft = brainstorm or not suggestions
    route_name: RouteName = routed.route
    result = AskResult(
        question=text,
        question_id=logged.id,
        session=session.id,
        route=route_name,
        suggestions=list(suggestions),
        findings=findings,
        related=routed.related,
        context=summary,
        facts=routed.facts,
        project_findings=project,
    )
    if routed.data_balance is not None and routed.facts.balance is not None:
        result.notes.append(
            f"Your numbers: {routed.facts.balance.text}. The dataset: "
            f"{routed.data_balance.text}. This answer uses your numbers."
        )
    store.set_question_route(logged.id, route_name)
    if not wants_draft:
        return result

    if no_llm and not show_prompt:
        result.notes.append(
            NO_LLM_NOTE if not suggestions else "Brainstorm skipped: --no-llm was given."
        )
        return result
    from coach.llm.config import HOW_TO_CONFIGURE, LLMConfigError, load_settings

    settings = llm_settings
    if settings is None:
        try:
            settings = load_settings()
        except LLMConfigError as exc:
            lead = NO_MODEL_NOTE if not suggestions else "Brainstorm skipped:"
            result.notes.append(f"{lead} The LLM configuration is invalid: {exc}")
            return result
    from coach.llm.draft import session_turns
    from coach.llm.prompt import DraftContext

    if earlier_turns is None:  # the CLI's --session: the model sees what was asked before
        earlier_turns = session_turns(store, session.id, exclude_question_id=logged.id)
    draft_context = DraftContext(
        repo=str(repo) if repo else None,
        # The rule answers travel as `prior`; the context adds what the repository showed.
        findings=list(context.lint.findings) if context.lint else [],
        dataset=summary.get("data", {}).get("path") if data else None,
        dataset_facts=_dataset_facts(context),
        earlier_turns=earlier_turns,
    )
    if show_prompt:
        from coach.llm.prompt import PromptError, preview

        try:
            result.prompt_preview = preview(
                text, prior=suggestions, context=draft_context, settings=settings
            ).render()
        except PromptError as exc:
            result.notes.append(f"cannot build the prompt: {exc}")
        return result
    if not settings.configured:
        result.notes.append(
            (NO_MODEL_NOTE + " " if not suggestions else "Brainstorm skipped. ") + HOW_TO_CONFIGURE
        )
        return result
    if suggestions:
        # Rules answered and the user asked for ideas as well: both, the draft labelled as such.
        result.route = "rules+draft"
        store.set_question_route(logged.id, result.route)
    if on_rules is not None:
        on_rules(result)
    from coach.llm.draft import draft_for

    draft = draft_for(
        text,
        prior=suggestions,
        context=draft_context,
        store=store,
        session_id=session.id,
        question_id=logged.id,
        on_token=on_token,
        settings=settings,
        cancel=cancel,
    )
    result.suggestions.append(draft)
    if draft.status == "failed":
        result.notes.append(f"The brainstorm failed: {draft.error}")
    return result


def _given_context(
    context: RouteContext,
    repo: str | Path | None,
    data: str | Path | None,
    target: str | None,
    summary: dict[str, Any],
) -> RouteContext:
    """Context the caller already gathered, summarised like gathered context."""
    if context.lint is not None:
        summary["repo"] = {
            "path": str(repo),
            "files": context.lint.summary.files,
            "findings": context.lint.summary.findings,
        }
    if context.data is not None:
        summary["data"] = {
            "path": str(data),
            "target": target,
            "rows": context.data.summary.rows,
            "class_counts": context.data.class_counts,
        }
    return context


def _gather_context(
    text: str,
    repo: str | Path | None,
    data: str | Path | None,
    target: str | None,
    summary: dict[str, Any],
    fail: Callable[[str], AskError],
) -> RouteContext:
    """Run only the checks the question needs: lint for a repo, cheap or full data checks."""
    wanted = needs(text, has_repo=repo is not None, has_data=data is not None)
    context = RouteContext()
    if repo is not None:
        _check_repo(Path(repo), fail)
        if wanted.lint:
            context.lint = _lint(Path(repo), fail)
            summary["repo"] = {
                "path": str(repo),
                "files": context.lint.summary.files,
                "findings": context.lint.summary.findings,
            }
        else:
            summary["repo"] = {"path": str(repo), "linted": False}
    if data is not None:
        if wanted.data_checks:
            context.data = _check_data(Path(data), str(target), wanted.data_checks, fail)
            context.data_label = f"{Path(data).name}, target {target}"
            summary["data"] = {
                "path": str(data),
                "target": target,
                "rows": context.data.summary.rows,
                "class_counts": context.data.class_counts,
                "checks": sorted(wanted.data_checks),
            }
        else:
            summary["data"] = {"path": str(data), "target": target, "checked": False}
    return context


def _follow_up(
    store: Any, session_id: str | None, number: int, extra: str, catalog: Catalog
) -> str:
    """The follow-up question for quick answer `number` to the session's last question."""
    from coach.router.clarify import follow_up

    asked = store.questions(session_id) if session_id else []
    if not asked:
        raise AskError("--answer needs a session with a question (e.g. --session last)")
    try:
        text = follow_up(asked[-1].text, number, catalog)
    except ValueError as exc:
        raise AskError(f"--answer {number}: {exc}") from exc
    return f"{text}\n{extra}" if extra else text


def _title(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:59] + "…"


def _check_repo(path: Path, fail: Callable[[str], AskError]) -> None:
    if not path.exists():
        raise fail(f"--repo {path}: no such file or directory")
    if not os.access(path, os.R_OK) or (path.is_dir() and not os.access(path, os.X_OK)):
        raise fail(f"--repo {path}: permission denied (cannot read it)")


def _lint(path: Path, fail: Callable[[str], AskError]):  # type: ignore[no-untyped-def]
    from coach.lint.config import ConfigError, resolve_settings
    from coach.lint.runner import lint_paths
    from coach.lint.sources import PathError

    try:
        settings = resolve_settings([str(path)])
        return lint_paths([path], settings)
    except (ConfigError, PathError, OSError) as exc:
        raise fail(f"--repo {path}: cannot lint it: {exc}") from exc


def _check_data(path: Path, target: str, checks: set[str], fail: Callable[[str], AskError]):  # type: ignore[no-untyped-def]
    from coach.data.checks import check_data
    from coach.data.errors import DataError

    try:
        return check_data(path, target, checks=checks)
    except DataError as exc:
        raise fail(str(exc)) from exc
    except OSError as exc:
        raise fail(f"--data {path}: cannot read it: {exc}") from exc


def _dataset_facts(context: RouteContext) -> list[str]:
    if context.data is None:
        return []
    facts = []
    if context.data.class_counts:
        counts = ", ".join(f"{k}: {v}" for k, v in context.data.class_counts.items())
        facts.append(f"class counts: {counts}")
    facts += [f.message for f in context.data.findings]
    return facts
