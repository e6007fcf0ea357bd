"""The plan as Markdown: what is decided and why, what is at risk and why, what is still open."""

from __future__ import annotations

from datetime import datetime

from coach.plan.items import SPEC_BY_ID
from coach.plan.model import Plan

STATUS_WORD = {"decided": "decided", "at_risk": "AT RISK", "open": "open"}


def render_markdown(
    plan: Plan,
    *,
    title: str | None = None,
    repo: str | None = None,
    data: str | None = None,
    exported: datetime | None = None,
) -> str:
    counts = plan.counts()
    lines = [f"# Project plan{': ' + title if title else ''}", ""]
    if repo:
        lines.append(f"- Repository: `{repo}`")
    if data:
        lines.append(f"- Dataset: `{data}`")
    if exported:
        lines.append(f"- Exported: {exported.strftime('%Y-%m-%d %H:%M UTC')}")
    lines.append(
        f"- {counts['decided']} decided, {counts['at_risk']} at risk, {counts['open']} open "
        "(of 8 items). Decisions quote the words or the check that made them."
    )
    lines.append("")
    for number, item in enumerate(plan.items, start=1):
        lines += [f"## {number}. {item.title} — {STATUS_WORD[item.status]}", ""]
        if item.decision:
            lines.append(f"- **Decision:** {item.decision}")
            if item.decided_by is not None:
                lines.append(f"  - decided by {item.decided_by.describe()}")
        for fact in item.known:
            lines.append(f"- Known: {fact}")
        for risk in item.risks:
            lines.append(f"- **Risk:** {risk.describe()}")
        if item.status == "open":
            lines.append(f"- Still to settle: {SPEC_BY_ID[item.id].ask}")
        lines.append("")
    risks = [(item, risk) for item in plan.items for risk in item.risks]
    lines += ["## Open risks", ""]
    if risks:
        # One line per risk, short: the details are in the item's section above.
        seen: set[tuple[str, str]] = set()
        for item, risk in risks:
            key = (item.id, risk.short())
            if key not in seen:
                seen.add(key)
                lines.append(f"- {SPEC_BY_ID[item.id].short}: {risk.short()}")
    else:
        lines.append("- none recorded")
    return "\n".join(lines).rstrip() + "\n"
