"""The context panel: what Coach knows about this session at a glance.

Four sections: the plan (each item open, decided or at risk, and what to settle next), the
attached repository (lint summary by family), the attached dataset (facts, class-balance and
baseline charts) and the session's open findings (logged suggestions nobody has reviewed yet) —
the project's findings live here, not in every answer. The panel only displays; the screen hands
it plain summaries (see `coach.tui.summaries` and `coach.plan`).
"""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from coach.plan.model import Plan
from coach.tui.summaries import DataSummary, OpenFinding, RepoSummary
from coach.tui.widgets.charts import BarChart, balance_rows, score_rows
from coach.tui.widgets.plan import plan_heading, render_plan

SEVERITY_STYLE = {"error": "$error", "warning": "$warning", "info": "$primary"}


class ContextPanel(VerticalScroll, can_focus=False):
    def compose(self):
        yield Static(Content.from_markup("[b]Plan[/b]"), classes="panel-title", id="plan-title")
        yield Static("", id="panel-plan")
        yield Static("", id="panel-next")
        yield Static(Content.from_markup("[b]Repository[/b]"), classes="panel-title")
        yield Static(Content.from_markup("[dim]none attached — /lint PATH[/dim]"), id="panel-repo")
        yield Static(Content.from_markup("[b]Dataset[/b]"), classes="panel-title")
        yield Static(
            Content.from_markup("[dim]none attached — /data FILE --target COL[/dim]"),
            id="panel-data",
        )
        yield BarChart("", id="chart-balance", classes="chart")
        yield BarChart("", id="chart-scores", classes="chart")
        yield Static(Content.from_markup("[b]Open findings[/b]"), classes="panel-title")
        yield Static(Content.from_markup("[dim]nothing to review yet[/dim]"), id="panel-open")

    def show_repo_busy(self, path: str) -> None:
        self.query_one("#panel-repo", Static).update(
            Content.from_markup("$path\n[dim]linting…[/dim]", path=path)
        )

    def show_data_busy(self, path: str, what: str = "checking…") -> None:
        self.query_one("#panel-data", Static).update(
            Content.from_markup("$path\n[dim]$what[/dim]", path=path, what=what)
        )

    def show_repo(self, summary: RepoSummary | None, error: str | None = None) -> None:
        self.query_one("#panel-repo", Static).update(render_repo(summary, error))

    def show_data(self, summary: DataSummary | None, error: str | None = None) -> None:
        self.query_one("#panel-data", Static).update(render_data(summary, error))
        balance = self.query_one("#chart-balance", BarChart)
        scores = self.query_one("#chart-scores", BarChart)
        if summary is None:
            balance.show_rows("", [], 1.0)
            scores.show_rows("", [], 1.0)
            return
        balance.show_rows("Class balance", balance_rows(summary), 1.0)
        rows = score_rows(summary)
        metric = summary.baselines[0][1].replace("_", " ") if summary.baselines else ""
        top = max([1.0, *(value for _, value, _, _ in rows)])
        scores.show_rows(f"Scores ({metric})", rows, top, stacked=True)

    def show_plan(self, plan: Plan) -> None:
        self.query_one("#plan-title", Static).update(plan_heading(plan))
        self.query_one("#panel-plan", Static).update(render_plan(plan))
        item = plan.next_open()
        text = (
            Content.from_markup("[b]Next[/b] $title [dim]· /plan[/dim]", title=item.title)
            if item is not None
            else Content.from_markup(
                "[$success]All decided or flagged[/] [dim]· /plan export[/dim]"
            )
        )
        self.query_one("#panel-next", Static).update(text)

    def show_open(self, findings: list[OpenFinding]) -> None:
        self.query_one("#panel-open", Static).update(render_open(findings))


def render_repo(summary: RepoSummary | None, error: str | None = None) -> Content:
    if error:
        return Content.from_markup("[$error]$error[/]", error=error)
    if summary is None:
        return Content.from_markup("[dim]none attached — /lint PATH[/dim]")
    lines = [
        Content.from_markup("[b]$path[/b]", path=summary.path),
        Content.from_markup(
            "$files files · $models with models",
            files=summary.files,
            models=summary.files_with_models,
        ),
    ]
    if summary.unanalysed:
        lines.append(Content.from_markup("[$warning]$n not analysed[/]", n=summary.unanalysed))
    if not summary.by_family:
        lines.append(Content.from_markup("[$success]no findings[/]"))
    for family, count, worst in summary.by_family:
        style = SEVERITY_STYLE.get(worst, "$primary")
        lines.append(
            Content.from_markup(f"[{style}]●[/] $family  $count", family=family, count=count)
        )
    if summary.by_family:
        lines.append(Content.from_markup("[dim]ctrl+l: findings by file[/dim]"))
    return Content("\n").join(lines)


def render_data(summary: DataSummary | None, error: str | None = None) -> Content:
    if error:
        return Content.from_markup("[$error]$error[/]", error=error)
    if summary is None:
        return Content.from_markup("[dim]none attached — /data FILE --target COL[/dim]")
    lines = [
        Content.from_markup("[b]$name[/b]", name=Path(summary.path).name),
        Content.from_markup("target [b]$target[/b]", target=summary.target),
    ]
    # Classes are drawn in the chart below; the other facts are listed.
    lines += [
        Content.from_markup("$fact", fact=fact)
        for fact in summary.facts
        if not (summary.classes and fact.startswith("classes:"))
    ]
    for family, count, worst in summary.by_rule:
        style = SEVERITY_STYLE.get(worst, "$primary")
        lines.append(
            Content.from_markup(f"[{style}]●[/] $family  $count", family=family, count=count)
        )
    if not summary.baselines and summary.facts:
        lines.append(Content.from_markup("[dim]/baseline: score simple models[/dim]"))
    return Content("\n").join(lines)


def render_open(findings: list[OpenFinding]) -> Content:
    if not findings:
        return Content.from_markup("[dim]nothing to review yet[/dim]")
    lines = []
    for item in findings[:12]:
        times = f"×{item.count} " if item.count > 1 else ""
        if item.draft:
            lines.append(
                Content.from_markup(
                    "[$accent]◇ DRAFT[/] $times$title", times=times, title=item.title
                )
            )
        else:
            style = SEVERITY_STYLE.get(item.severity or "info", "$primary")
            lines.append(
                Content.from_markup(
                    f"[{style}]●[/] [b]$rule[/b] $times$title",
                    rule=item.rule or "",
                    times=times,
                    title=item.title,
                )
            )
    if len(findings) > 12:
        lines.append(
            Content.from_markup("[dim]… $n more rules (ctrl+r)[/dim]", n=str(len(findings) - 12))
        )
    total = sum(item.count for item in findings)
    lines.append(Content.from_markup("[dim]$n to review · ctrl+r[/dim]", n=str(total)))
    return Content("\n").join(lines)
