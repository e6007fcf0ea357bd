"""The project plan a planning session builds: eight items, each open, decided or at risk.

Pure logic (pydantic, no Textual, no scikit-learn): the app feeds it what the user said (the
router's facts and rule hits), what `/lint`, `/data` and `/baseline` found, and quick answers to
the plan's own questions; it says which item to settle next and renders the plan as Markdown.
"""

from coach.plan.model import ITEM_IDS, Plan, PlanEvidence, PlanItem, QuickAnswer, QuickQuestion

__all__ = ["ITEM_IDS", "Plan", "PlanEvidence", "PlanItem", "QuickAnswer", "QuickQuestion"]
