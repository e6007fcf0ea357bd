"""A session as a Markdown transcript: the questions, Coach's answers, their review state.

Built from the log (not from what happens to be on screen), so an export is complete even after
`--resume`. Each suggestion is rendered by `coach.export.suggestion_markdown` (the one Markdown
form of a suggestion, shared with `coach log export`), which marks drafts with the DRAFT label.
No Textual here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from coach.export import suggestion_markdown
from coach.models import Question, Session
from coach.store import SuggestionView


def render_transcript(
    session: Session,
    questions: list[Question],
    suggestions: Iterable[SuggestionView],
    exported: datetime | None = None,
) -> str:
    by_question: dict[str | None, list[SuggestionView]] = {}
    for view in sorted(suggestions, key=lambda s: s.created):
        by_question.setdefault(view.question_id, []).append(view)

    lines = [f"# Coach session: {session.title or session.id}", ""]
    lines.append(f"- Session: `{session.id}`, started {_when(session.created)}")
    if session.repo:
        lines.append(f"- Repository: `{session.repo}`")
    if session.data:
        target = f" (target `{session.target}`)" if session.target else ""
        lines.append(f"- Dataset: `{session.data}`{target}")
    if exported:
        lines.append(f"- Exported: {_when(exported)}")
    lines.append(
        "- Rule answers come from Coach's catalog. Sections marked DRAFT are LLM brainstorms: "
        "ideas to check, not answers."
    )
    lines.append("")

    for number, question in enumerate(questions, start=1):
        lines += [f"## Q{number}. {' '.join(question.text.split())}", ""]
        answers = by_question.pop(question.id, [])
        if not answers:
            lines += ["_No rule applied and no draft was made._", ""]
        lines += [suggestion_markdown(view) for view in answers]

    leftovers = [view for group in by_question.values() for view in group]
    if leftovers:
        lines += ["## Findings from the attached repository and dataset", ""]
        lines += [suggestion_markdown(view) for view in leftovers]
    return "\n".join(lines).rstrip() + "\n"


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")
