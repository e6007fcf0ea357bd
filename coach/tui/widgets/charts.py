"""Small bar charts for the context panel: class balance, baselines against your model.

Written here rather than taken from a plotting library: the panel is 28-56 cells wide, and a
labelled horizontal bar per class or per model reads better there than an axis-and-tick plot
(textual-plotext was considered; its axes take most of such a narrow pane).
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from coach.tui.summaries import DataSummary, bar

LABEL_WIDTH = 12


class BarChart(Static):
    """Rows of label, bar, value. Hidden while it has nothing to show."""

    def show_rows(
        self,
        title: str,
        rows: list[tuple[str, float, str, str]],
        maximum: float,
        stacked: bool = False,
    ) -> None:
        """`rows` are (label, value, value text, style); bars scale to `maximum`. `stacked` puts
        each label on its own line above its bar (long model names in a narrow panel)."""
        self.display = bool(rows)
        if not rows:
            self.update("")
            return
        available = (self.size.width or 26) - 1
        text_width = max(len(text) for _, _, text, _ in rows)
        label_width = 0 if stacked else min(LABEL_WIDTH, max(len(label) for label, *_ in rows))
        width = max(4, available - text_width - (label_width + 1 if label_width else 0) - 1)
        lines = [Content.from_markup("[b]$title[/b]", title=title)]
        for label, value, text, style in rows:
            drawn = bar(value, maximum, width).ljust(width)
            if stacked:
                lines.append(Content.from_markup("$label", label=label))
                lines.append(Content.from_markup(f"[{style}]$bar[/] $text", bar=drawn, text=text))
                continue
            name = label if len(label) <= label_width else label[: label_width - 1] + "…"
            lines.append(
                Content.from_markup(
                    f"$name [{style}]$bar[/] $text",
                    name=name.ljust(label_width),
                    bar=drawn,
                    text=text,
                )
            )
        self.update(Content("\n").join(lines))


def balance_rows(summary: DataSummary) -> list[tuple[str, float, str, str]]:
    total = sum(n for _, n in summary.classes)
    if not total:
        return []
    rows = []
    for index, (label, count) in enumerate(summary.classes[:5]):
        share = count / total
        style = "$primary" if index == 0 else "$warning" if share < 0.1 else "$accent"
        rows.append((f"{summary.target}={label}", share, f"{share * 100:.1f}%", style))
    return rows


def score_rows(summary: DataSummary) -> list[tuple[str, float, str, str]]:
    rows = [
        (name, mean, f"{mean:.3f}", "$primary" if "dummy" not in name.lower() else "$text-muted")
        for name, _metric, mean, _std in summary.baselines
    ]
    if rows and summary.yours is not None:
        rows.append(("your model", summary.yours, f"{summary.yours:.3f}", "$success"))
    return rows
