"""The suggestion log: schema, review history, search, and the reliability promises."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from coach.models import Evidence, Suggestion
from coach.store import SCHEMA_VERSION, Store, StoreError


def _rule_suggestion(session_id: str, question_id: str, rule: str = "LEAK001", **kw) -> Suggestion:
    return Suggestion(
        session_id=session_id,
        question_id=question_id,
        source="rule",
        rule=rule,
        severity="error",
        title=kw.pop("title", "Scaler fitted before the split"),
        body=kw.pop("body", "Fit the scaler inside a Pipeline evaluated by cross-validation."),
        evidence=[Evidence(kind="question", text="scaled the data and then split it")],
        **kw,
    )


def test_question_and_suggestions_round_trip(db_path: Path) -> None:
    with Store.open(db_path) as store:
        session = store.create_session(title="fraud model")
        question = store.add_question(session.id, "I scaled the data and then split it — fine?")
        store.add_suggestions(
            [
                _rule_suggestion(session.id, question.id),
                Suggestion(
                    session_id=session.id,
                    question_id=question.id,
                    source="llm",
                    title="Feature ideas",
                    body="Try velocity features.",
                    model="openai/test",
                    prompt_tokens=120,
                    completion_tokens=40,
                ),
            ]
        )
    # Reopen: everything is on disk, with the question text attached to each suggestion.
    with Store.open(db_path) as store:
        views = store.list_suggestions()
        assert {v.source for v in views} == {"rule", "llm"}
        assert all(v.question_text.startswith("I scaled the data") for v in views)
        draft = next(v for v in views if v.source == "llm")
        assert draft.draft is True and draft.prompt_tokens == 120
        rule = next(v for v in views if v.source == "rule")
        assert rule.evidence[0].text == "scaled the data and then split it"
        assert rule.draft is False and rule.status == "pending"


def test_llm_output_is_always_a_draft() -> None:
    suggestion = Suggestion(source="llm", title="x", draft=False)
    assert suggestion.draft is True


def test_reviews_keep_full_history(db_path: Path) -> None:
    with Store.open(db_path) as store:
        session = store.create_session()
        question = store.add_question(session.id, "q")
        suggestion = store.add_suggestion(_rule_suggestion(session.id, question.id))
        store.review(suggestion.id, "accepted", note="fixed in PR 12", reviewer="ana")
        store.review(suggestion.id, "rejected", note="actually a false alarm", reviewer="bo")
        store.annotate(suggestion.id, "talked to the team")
        view = store.get_suggestion(suggestion.id)
    assert view.status == "rejected"
    assert [(r.status, r.reviewer) for r in view.reviews[:2]] == [
        ("accepted", "ana"),
        ("rejected", "bo"),
    ]
    assert [r.note for r in view.reviews] == [
        "fixed in PR 12",
        "actually a false alarm",
        "talked to the team",
    ]


def test_failed_draft_cannot_be_accepted(db_path: Path) -> None:
    with Store.open(db_path) as store:
        session = store.create_session()
        question = store.add_question(session.id, "ideas?")
        draft = store.add_suggestion(
            Suggestion(
                session_id=session.id,
                question_id=question.id,
                source="llm",
                title="Brainstorm",
                status="failed",
                error="timeout after 60 s",
            )
        )
        with pytest.raises(StoreError, match="failed draft"):
            store.review(draft.id, "accepted")
        assert store.get_suggestion(draft.id).error == "timeout after 60 s"


def test_filters_and_full_text_search(db_path: Path) -> None:
    with Store.open(db_path) as store:
        s1, s2 = store.create_session(), store.create_session()
        q1 = store.add_question(s1.id, "my fraud model gets 99.8% accuracy")
        q2 = store.add_question(s2.id, "should I use BERT right away?")
        a = store.add_suggestion(
            _rule_suggestion(s1.id, q1.id, rule="IMB001", title="Accuracy on imbalanced classes")
        )
        store.add_suggestion(
            _rule_suggestion(s2.id, q2.id, rule="BASE002", title="Complex model first")
        )
        store.review(a.id, "accepted")
        assert [v.rule for v in store.list_suggestions(rule="IMB")] == ["IMB001"]
        assert [v.rule for v in store.list_suggestions(status="accepted")] == ["IMB001"]
        assert [v.rule for v in store.list_suggestions(session=s2.id[:6])] == ["BASE002"]
        # Matches in the suggestion text and in the question it answers.
        assert [v.rule for v in store.search("imbalanced")] == ["IMB001"]
        assert [v.rule for v in store.search("BERT")] == ["BASE002"]
        # FTS syntax in user text is treated as words, not as a query language.
        assert store.search('accuracy" OR "x') == [] or all(
            v.rule for v in store.search('accuracy" OR "x')
        )
        assert store.search("") == []


def test_wal_mode_and_schema_version(db_path: Path) -> None:
    with Store.open(db_path) as store:
        mode = store.db.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
        assert store.schema_version() == SCHEMA_VERSION


def test_old_database_is_migrated_and_keeps_data(db_path: Path) -> None:
    with Store.open(db_path, migrate_to=1) as old:
        assert old.schema_version() == 1
        session = old.create_session(title="from an older Coach")
        question = old.add_question(session.id, "is my data imbalanced?")
        old.add_suggestion(
            _rule_suggestion(session.id, question.id, rule="IMB003", title="Rare minority class")
        )
        assert "suggestions_fts" not in old.db.table_names()
    with Store.open(db_path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert [v.title for v in store.list_suggestions()] == ["Rare minority class"]
        # Rows written before the search index existed are searchable after the migration.
        assert [v.rule for v in store.search("imbalanced")] == ["IMB003"]


def test_reviews_from_before_edits_existed_survive_the_upgrade(db_path: Path) -> None:
    with Store.open(db_path, migrate_to=2) as old:
        session = old.create_session()
        question = old.add_question(session.id, "q")
        suggestion = old.add_suggestion(_rule_suggestion(session.id, question.id))
        old.db["reviews"].insert(
            {
                "id": "r1",
                "suggestion_id": suggestion.id,
                "status": "accepted",
                "note": "ok",
                "reviewer": "ana",
                "created": "2026-01-01T00:00:00+00:00",
            }
        )
    with Store.open(db_path) as store:
        store.review(suggestion.id, "edited", edited_body="Scale after the split.")
        view = store.get_suggestion(suggestion.id)
    assert [(r.status, r.note) for r in view.reviews] == [("accepted", "ok"), ("edited", None)]
    assert view.edited_body == "Scale after the split." and view.body.startswith("Fit the scaler")
    with pytest.raises(StoreError, match="edited"):
        Store.open(db_path).review(suggestion.id, "edited")


def test_non_sqlite_file_is_refused_and_untouched(db_path: Path) -> None:
    db_path.write_text("these are my notes, not a database\n")
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="not a SQLite database"):
        Store.open(db_path)
    assert db_path.read_bytes() == before


def test_foreign_sqlite_database_is_refused_and_untouched(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="not a Coach log"):
        Store.open(db_path)
    assert db_path.read_bytes() == before
    conn = sqlite3.connect(db_path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")] == [
        "invoices"
    ]


def test_unwritable_location_gives_clear_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        # root ignores permission bits; /proc refuses new files even for root.
        target = Path("/proc/1/coach-test/log.db")
    else:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        target = locked / "sub" / "log.db"
    with pytest.raises(StoreError) as info:
        Store.open(target)
    message = str(info.value)
    assert str(target.parent) in message or str(target) in message
    assert "--db" in message


_WRITER = textwrap.dedent(
    """
    import sys
    from coach.models import Suggestion
    from coach.store import Store
    path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = Store.open(path)
    session = store.create_session(title=tag)
    question = store.add_question(session.id, f"question from {tag}")
    for i in range(count):
        store.add_suggestion(Suggestion(session_id=session.id, question_id=question.id,
                                        source="rule", rule="LEAK001", title=f"{tag}-{i}"))
    print("done", flush=True)
    """
)


def test_two_processes_logging_at_once_lose_nothing(db_path: Path) -> None:
    count = 150
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(db_path), tag, str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in ("alpha", "beta")
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err
        assert out.strip() == "done"
    with Store.open(db_path) as store:
        titles = {v.title for v in store.list_suggestions()}
    assert len(titles) == 2 * count
    assert {f"alpha-{i}" for i in range(count)} <= titles


_SLOW_BATCH = textwrap.dedent(
    """
    import sys, time
    from coach.models import Suggestion
    from coach.store import Store, _suggestion_row
    store = Store.open(sys.argv[1])
    session = store.create_session(title="batch")
    question = store.add_question(session.id, "batch question")
    with store._write():
        for i in range(100000):
            if i == 200:
                print("writing", flush=True)
                time.sleep(60)
            row = Suggestion(session_id=session.id, question_id=question.id, source="rule",
                             rule="IMB001", title=f"row-{i}")
            store.db["suggestions"].insert(_suggestion_row(row))
    """
)


def test_killed_mid_write_leaves_a_consistent_log(db_path: Path) -> None:
    with Store.open(db_path) as store:
        session = store.create_session(title="before")
        question = store.add_question(session.id, "kept question")
        store.add_suggestion(_rule_suggestion(session.id, question.id, title="kept"))
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_BATCH, str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "writing"
    time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Store.open(db_path) as store:
        titles = [v.title for v in store.list_suggestions()]
        # The interrupted transaction left nothing half-written; earlier rows are intact.
        assert titles == ["kept"]
        assert store.search("kept")[0].title == "kept"
        # And the log still takes writes.
        session = store.create_session()
        store.add_question(session.id, "after the crash")
