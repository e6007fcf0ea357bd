"""What every check needs: the facts, the path, and one way to emit a finding."""

from __future__ import annotations

from coach.lint import apis
from coach.lint.dataflow import TEST, TRAIN, Data, Facts, Split
from coach.lint.model import SourceFile
from coach.models import Finding


class Context:
    """One file's facts plus the source's coordinates: findings are placed in the user's
    coordinates (notebook cell + line) when they are made, and messages name lines with `at`."""

    def __init__(self, facts: Facts, source: SourceFile):
        self.facts = facts
        self.source = source
        self.path = source.path
        self._findings: dict[tuple[str, int], Finding] = {}
        self.splits: dict[int, Split] = {s.id: s for s in facts.splits}
        self.memo: dict[str, object] = {}  # facts derived once per file and shared by checks

    def at(self, line: int) -> str:
        """A line as a message names it: "line 12", or "cell 3, line 4" in a notebook."""
        return self.source.where(line)

    def emit(
        self,
        rule: str,
        line: int,
        message: str,
        related: list[tuple[int, str]] | None = None,
        **data: object,
    ) -> None:
        key = (rule, line)
        if key in self._findings:
            return
        rel = [
            self.source.location(rline, message=rmsg)
            for rline, rmsg in (related or [])
            if rline and rline != line
        ]
        self._findings[key] = Finding(
            rule=rule,
            detector="code",
            message=message,
            location=self.source.location(line, column=0, end_line=line),
            related=rel,
            data=dict(data),
        )

    def has(self, rule: str) -> bool:
        return any(key[0] == rule for key in self._findings)

    def sorted_findings(self) -> list[Finding]:
        """In the order of the file's text (the key holds the text line)."""
        return [self._findings[key] for key in sorted(self._findings, key=lambda k: (k[1], k[0]))]

    def test_splits(self, d: Data | None) -> list[Split]:
        """The splits whose test part `d` is."""
        if d is None:
            return []
        return [self.splits[sid] for sid, side in d.sides if side == TEST and sid in self.splits]


def shown(name: str, fallback: str = "the data") -> str:
    return f"`{name}`" if name else fallback


def marked_training(d: Data) -> bool:
    """Data the code itself marks as training data: named so (`X_train`, `train`), the
    training part of a split, or a separately loaded training file."""
    return (
        apis.name_role(d.name) == TRAIN
        or d.file_role == TRAIN
        or any(side == TRAIN for _, side in d.sides)
    )


def is_test_name(name: str) -> bool:
    return "test" in name.lower() and apis.name_role(name) == TEST
