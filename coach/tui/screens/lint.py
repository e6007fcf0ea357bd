"""The lint screen: the attached repository's findings grouped by file, with the source lines.

Each finding shows the line where the mistake happens and the related lines (where the data was
split, where the model was fitted), so the user sees the evidence without opening an editor.
Findings are logged suggestions, so the same review keys work here as on the session's cards.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from coach.models import SEVERITY_ORDER, Finding, Location
from coach.tui.snippets import snippet
from coach.tui.summaries import severity_of
from coach.tui.widgets.cards import SEVERITY_STYLE, RuleCard

# Each finding is a few widgets with its source; beyond this many the screen gets slow to build,
# and the terminal output of `coach lint` serves better.
MAX_SHOWN = 200


class FindingCard(RuleCard):
    """One finding: rule and message, the source around it, the related lines."""

    def __init__(self, finding: Finding, suggestion: Any, rule: Any, severity: str) -> None:
        super().__init__(suggestion, rule, severity=severity)
        self.add_class("finding-card")
        self.finding = finding

    def compose(self):
        f = self.finding
        style = SEVERITY_STYLE.get(self.severity, "$primary")
        yield Static(
            Content.from_markup(
                f"[b {style}]$rule[/] [{style}]$severity[/]  [b]$title[/b]  [dim]$where[/dim]",
                rule=f.rule,
                severity=self.severity,
                title=self.rule.title if self.rule else f.rule,
                where=_where(f.location),
            ),
            classes="card-title",
        )
        yield Static(Content(f.message), classes="card-body")
        if f.location is not None:
            code = render_snippet(f.location, mark="▶")
            if code is not None:
                yield Static(code, classes="snippet")
        for related in f.related:
            yield Static(render_related(related, f.location), classes="related")
        yield from self.compose_rule_details()
        yield Static(self.status_line(), classes="card-status")


class LintScreen(Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("f1", "app.help", "Help"),
    ]

    def __init__(self, path: str, report: Any, suggestions: list[Any], rules: dict[str, Any]):
        super().__init__()
        self.path = path
        self.report = report
        self.suggestions = suggestions
        self.rules = rules

    def compose(self):
        yield Header(icon="◆")
        with VerticalScroll(id="lint-body", can_focus=False):
            yield Static(self._summary(), id="lint-summary")
            if not self.report.findings:
                yield Static(
                    Content.from_markup(
                        "[$success]No findings.[/] [dim]Files where no model fit or evaluation "
                        "was recognised are counted above: no findings there means nothing was "
                        "understood, not that all is well.[/dim]"
                    ),
                    classes="file-header",
                )
            shown = 0
            for path, items in self._grouped():
                if shown >= MAX_SHOWN:
                    break
                yield Static(
                    Content.from_markup(
                        "[b]$path[/b]  [dim]$n[/dim]", path=path, n=_plural(len(items), "finding")
                    ),
                    classes="file-header",
                )
                for finding, suggestion in items[: MAX_SHOWN - shown]:
                    rule = self.rules.get(finding.rule)
                    yield FindingCard(finding, suggestion, rule, severity_of(finding, self.rules))
                    shown += 1
            hidden = len(self.report.findings) - shown
            if hidden > 0:
                yield Static(
                    Content.from_markup(
                        "[$warning]$n more not shown here[/] [dim]— `coach lint $path` lists "
                        "them all; every one is in the log (ctrl+r).[/dim]",
                        n=_plural(hidden, "finding"),
                        path=self.path,
                    ),
                    classes="file-header",
                )
            failed = [f for f in self.report.files if f.status not in ("ok", "skipped")]
            if failed:
                yield Static(Content.from_markup("[b]Not analysed[/b]"), classes="file-header")
                lines = [
                    Content.from_markup(
                        "  [$warning]$status[/]  $path  [dim]$detail[/dim]",
                        status=f.status,
                        path=f.path,
                        detail=f.detail or "",
                    )
                    for f in failed
                ]
                yield Static(Content("\n").join(lines), classes="not-analysed")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Coach — lint findings"
        self.sub_title = self.path
        first = next(iter(self.query(FindingCard)), None)
        if first is not None:
            first.focus(scroll_visible=False)
        # Start at the top: the summary and the first file's name belong in view.
        body = self.query_one("#lint-body", VerticalScroll)
        self.call_after_refresh(body.scroll_home, animate=False)

    def _summary(self) -> Content:
        s = self.report.summary
        failed = sum(1 for f in self.report.files if f.status not in ("ok", "skipped"))
        text = (
            f"{_plural(s.files, 'file')} · {s.files_with_models} with a model · "
            f"{_plural(s.findings, 'finding')}" + (f" · {failed} not analysed" if failed else "")
        )
        return Content.from_markup(
            "$text  [dim]a accept · r reject · n note · ↑↓ move · Esc back[/dim]", text=text
        )

    def _grouped(self) -> list[tuple[str, list[tuple[Finding, Any]]]]:
        suggestions = list(self.suggestions) + [None] * (
            len(self.report.findings) - len(self.suggestions)
        )
        groups: dict[str, list[tuple[Finding, Any]]] = {}
        for finding, suggestion in zip(self.report.findings, suggestions, strict=False):
            key = finding.location.path if finding.location else "(project)"
            groups.setdefault(key, []).append((finding, suggestion))
        for items in groups.values():
            items.sort(
                key=lambda pair: (
                    pair[0].location.line or 0 if pair[0].location else 0,
                    SEVERITY_ORDER[severity_of(pair[0], self.rules)],
                )
            )
        return sorted(groups.items(), key=lambda item: (item[0] == "(project)", item[0]))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _where(location: Location | None) -> str:
    if location is None:
        return "project"
    cell = f"cell {location.cell}, " if location.cell is not None else ""
    return f"{cell}line {location.line}" if location.line else cell.rstrip(", ")


def render_snippet(location: Location, mark: str = "▶", context: int = 2) -> Content | None:
    from textual.highlight import highlight

    lines = snippet(location, context=context, base=Path.cwd())
    if not lines:
        return None
    last = max(location.end_line or location.line or 0, location.line or 0)
    width = len(str(lines[-1][0]))
    out = []
    for number, text in lines:
        hit = (location.line or 0) <= number <= last
        gutter = Content.from_markup(
            "[b $warning]$m $n │[/] " if hit else "[dim]  $n │[/dim] ",
            m=mark,
            n=str(number).rjust(width),
        )
        out.append(Content.assemble(gutter, highlight(text, language="python")))
    return Content("\n").join(out)


def render_related(related: Location, primary: Location | None) -> Content:
    same_file = primary is not None and related.path == primary.path
    place = _where(related) if same_file else f"{related.path} {_where(related)}"
    head = Content.from_markup(
        "[b $accent]↳ $place[/]  $message", place=place, message=related.message or "related"
    )
    lines = snippet(related, context=0, base=Path.cwd())
    if not lines:
        return head
    from textual.highlight import highlight

    code = [
        Content.assemble(
            Content.from_markup("[dim]  $n │[/dim] ", n=str(n)), highlight(t, language="python")
        )
        for n, t in lines
    ]
    return Content("\n").join([head, *code])
