"""The context panel: what Coach knows about this session at a glance.

Three sections: the attached repository (lint summary by family), the attached dataset (facts and
baseline scores) and the session's open findings (logged suggestions nobody has reviewed yet).
The panel only displays; the screen hands it plain summaries (see `coach.tui.summaries`).
"""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from coach.tui.summaries import DataSummary, OpenFinding, RepoSummary

SEVERITY_STYLE = {"error": "$error", "warning": "$warning", "info": "$primary"}


class ContextPanel(VerticalScroll, can_focus=False):
    def compose(self):
        yield Static(Content.from_markup("[b]Repository[/b]"), classes="panel-title")
        yield Static(Content.from_markup("[dim]none attached — /lint PATH[/dim]"), id="panel-repo")
        yield Static(Content.from_markup("[b]Dataset[/b]"), classes="panel-title")
        yield Static(
            Content.from_markup("[dim]none attached — /data FILE --target COL[/dim]"),
            id="panel-data",
        )
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
    lines += [Content.from_markup("$fact", fact=fact) for fact in summary.facts]
    for family, count, worst in summary.by_rule:
        style = SEVERITY_STYLE.get(worst, "$primary")
        lines.append(
            Content.from_markup(f"[{style}]●[/] $family  $count", family=family, count=count)
        )
    if summary.baselines:
        metric = summary.baselines[0][1].replace("_", " ")
        lines.append(Content.from_markup("[b]Baselines[/b] [dim]$metric[/dim]", metric=metric))
        lines += [
            Content.from_markup("$name [b]$mean[/b]", name=name, mean=f"{mean:.3f}")
            for name, _metric, mean, _std in summary.baselines
        ]
    elif summary.facts:
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
