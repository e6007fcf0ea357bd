"""`coach [PATH] ...` and `coach review`: bad input is refused before the app starts."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no/such/path"], "coach: error: no/such/path: no such file or directory"),
        (["--data", "examples/data/transactions.csv"], "--data needs --target COL"),
        (["--target", "is_fraud"], "--target needs --data FILE"),
        (["examples", "--data", "nope.csv", "--target", "y"], "nope.csv: no such file (--data)"),
        (["--theme", "no-such-theme"], "unknown theme 'no-such-theme'; known: "),
        (["review", "--theme", "no-such-theme"], "unknown theme 'no-such-theme'"),
    ],
)
def test_bad_app_arguments_give_one_clear_line(run_coach, args, message):
    proc = run_coach(*args, timeout=60)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_app_and_review_help_describe_the_options(run_coach):
    app_help = run_coach("--resume", "--help", timeout=60)
    assert app_help.returncode == 0
    for option in ("PATH", "--data FILE", "--target COL", "--resume", "--db PATH"):
        assert option in app_help.stdout
    review_help = run_coach("review", "--help", timeout=60)
    assert review_help.returncode == 0
    for option in ("--status", "--source", "--rule ID", "--session ID", "--search TEXT"):
        assert option in review_help.stdout
    top = run_coach("--help", timeout=60)
    assert "review" in top.stdout
