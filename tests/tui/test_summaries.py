"""The app's repository summary agrees with `coach lint` on what could not be analysed."""

from __future__ import annotations

from coach.catalog import default_catalog
from coach.lint.model import FileReport, LintReport, LintSummary
from coach.tui.summaries import repo_summary


def test_files_the_linter_skipped_count_as_not_analysed() -> None:
    files = [
        FileReport(path="train.py", status="ok", models_found=True),
        FileReport(path="broken.py", status="syntax-error", detail="line 1"),
        FileReport(path="crash.py", status="skipped", detail="internal error: boom"),
    ]
    report = LintReport(
        version="test",
        files=files,
        summary=LintSummary(files=3, files_with_models=1, findings=0, errors=2),
    )
    summary = repo_summary("repo", report, default_catalog().rules)
    assert summary.unanalysed == 2  # a crashed (skipped) file is not hidden
    assert summary.files == 3 and summary.files_with_models == 1
