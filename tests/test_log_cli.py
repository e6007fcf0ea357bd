"""`coach log ...` end to end through the real command, on a real SQLite file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from coach.cli.main import main
from coach.models import Evidence, Suggestion
from coach.store import Store


@pytest.fixture
def filled_log(db_path: Path) -> dict[str, str]:
    with Store.open(db_path) as store:
        session = store.create_session(title="fraud")
        question = store.add_question(session.id, "0.2% are fraud and my model gets 99.8% accuracy")
        rule = Suggestion(
            session_id=session.id,
            question_id=question.id,
            source="rule",
            rule="IMB001",
            severity="warning",
            title="Accuracy on imbalanced classes",
            body="Use balanced accuracy, PR-AUC and recall on the fraud class.",
            evidence=[Evidence(kind="question", text="99.8% accuracy")],
        )
        draft = Suggestion(
            session_id=session.id,
            question_id=question.id,
            source="llm",
            title="Brainstorm: feature ideas",
            body="Velocity of transactions per card; merchant risk scores.",
            model="openai/test-model",
        )
        store.add_suggestions([rule, draft])
    return {"rule": rule.id, "draft": draft.id, "session": session.id}


def _run(capsys, db_path: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db_path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_each_suggestion_with_its_question(capsys, db_path, filled_log) -> None:
    code, out, _ = _run(capsys, db_path, "log", "list")
    assert code == 0
    assert "Accuracy on imbalanced classes" in out
    assert "DRAFT" in out  # the LLM suggestion is labelled as a draft
    assert out.count("Q: 0.2% are fraud and my model gets 99.8% accuracy") == 2


def test_list_filters_and_json(capsys, db_path, filled_log) -> None:
    code, out, _ = _run(capsys, db_path, "log", "list", "--source", "llm", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and [r["id"] for r in rows] == [filled_log["draft"]]
    assert rows[0]["draft"] is True and rows[0]["question_text"].startswith("0.2%")
    _, out, _ = _run(
        capsys, db_path, "log", "list", "--rule", "IMB", "--since", "1h", "--format", "json"
    )
    assert [r["rule"] for r in json.loads(out)] == ["IMB001"]
    _, out, _ = _run(capsys, db_path, "log", "list", "--since", "2999-01-01")
    assert "No suggestions match" in out


def test_accept_reject_keep_history_and_show(capsys, db_path, filled_log) -> None:
    short = filled_log["rule"][:8]
    assert _run(capsys, db_path, "log", "accept", short, "--note", "switched to PR-AUC")[0] == 0
    assert _run(capsys, db_path, "log", "reject", short)[0] == 0
    code, out, _ = _run(capsys, db_path, "log", "show", short)
    assert code == 0
    assert "status rejected" in out
    assert "accepted by" in out and "switched to PR-AUC" in out
    assert "Q: 0.2% are fraud" in out


def test_search_finds_question_words(capsys, db_path, filled_log) -> None:
    code, out, _ = _run(capsys, db_path, "log", "search", "fraud")
    assert code == 0 and "Accuracy on imbalanced classes" in out
    code, out, _ = _run(capsys, db_path, "log", "search", "zebra")
    assert "Nothing in the log matches" in out


def test_exports_mark_drafts(capsys, db_path, filled_log, tmp_path) -> None:
    _, out, _ = _run(capsys, db_path, "log", "export", "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    by_id = {r["id"]: r for r in records}
    assert by_id[filled_log["draft"]]["draft"] is True
    assert by_id[filled_log["draft"]]["label"].startswith("DRAFT")
    assert by_id[filled_log["rule"]]["draft"] is False

    _, out, _ = _run(capsys, db_path, "log", "export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["id"]: r["draft"] for r in rows}[filled_log["draft"]] == "DRAFT"

    target = tmp_path / "review.md"
    code, _, err = _run(capsys, db_path, "log", "export", "--format", "markdown", "-o", str(target))
    text = target.read_text()
    assert code == 0 and "Exported 2" in err
    assert "DRAFT — brainstorm, not verified" in text
    assert "## Q: 0.2% are fraud" in text


def test_unknown_id_is_a_clear_error(capsys, db_path, filled_log) -> None:
    code, _, err = _run(capsys, db_path, "log", "show", "nope")
    assert code == 1
    assert "no suggestion with id 'nope'" in err
    assert "Traceback" not in err


def test_foreign_file_at_db_path_is_refused_by_the_cli(run_coach, tmp_path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("not a database")
    result = run_coach("--db", str(notes), "log", "list")
    assert result.returncode == 2
    assert "not a SQLite database" in result.stderr and "Traceback" not in result.stderr
    assert notes.read_text() == "not a database"


def test_coach_db_env_is_the_default(run_coach, tmp_path) -> None:
    target = tmp_path / "from-env.db"
    result = run_coach("log", "list", env={"COACH_DB": str(target)})
    assert result.returncode == 0, result.stderr
    assert target.exists()


def test_command_findings_are_listed_with_the_command_that_produced_them(capsys, db_path) -> None:
    data = str(Path(__file__).resolve().parent.parent / "examples" / "data" / "transactions.csv")
    main(
        [
            "--db",
            str(db_path),
            "check-data",
            data,
            "--target",
            "is_fraud",
            "--checks",
            "imbalance",
            "--no-progress",
        ]
    )
    capsys.readouterr()
    _, out, _ = _run(capsys, db_path, "log", "list", "--format", "json")
    rows = json.loads(out)
    assert rows and {r["rule"] for r in rows} == {"IMB003"}
    assert all(r["question_text"] == f"coach check-data {data} --target is_fraud" for r in rows)


def test_edit_keeps_the_original_and_records_the_correction(
    capsys, db_path, filled_log, tmp_path
) -> None:
    short = filled_log["draft"][:8]
    code, out, _ = _run(
        capsys,
        db_path,
        "log",
        "edit",
        short,
        "--text",
        "Velocity per card; merchant risk.",
        "--note",
        "trimmed",
    )
    assert code == 0 and "edited" in out
    code, out, _ = _run(capsys, db_path, "log", "show", short)
    assert "status edited" in out
    assert "Velocity of transactions per card; merchant risk scores." in out  # the original
    assert "Edited by the reviewer:\nVelocity per card; merchant risk." in out
    _, out, _ = _run(capsys, db_path, "log", "export", "--format", "jsonl")
    record = next(
        json.loads(line)
        for line in out.splitlines()
        if json.loads(line)["id"] == filled_log["draft"]
    )
    assert record["edited_body"] == "Velocity per card; merchant risk."
    assert record["body"] == "Velocity of transactions per card; merchant risk scores."
    code, _, err = _run(capsys, db_path, "log", "edit", short, "--text", "   ")
    assert code == 2 and "empty" in err
