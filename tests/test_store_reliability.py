"""The log is never corrupted: locks survive a second open, damage is detected and never written
into, recovery keeps what can be read, and reviews are shown in the order they were committed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from coach.models import Suggestion
from coach.store import Store, StoreError, recover

# A separate process that writes to the log and closes it. If it closes as the *last* connection
# (nobody else holds a lock on the file), SQLite checkpoints and deletes the -wal file.
_OTHER_PROCESS = textwrap.dedent(
    """
    import sys
    from coach.store import Store
    with Store.open(sys.argv[1]) as store:
        store.create_session(title="from another process")
    """
)


def _fill(store: Store, n: int, body: str = "x") -> list[str]:
    session = store.create_session(title="fill")
    question = store.add_question(session.id, "q")
    suggestions = [
        Suggestion(
            session_id=session.id,
            question_id=question.id,
            source="rule",
            rule=f"LEAK00{i % 3 + 1}",
            title=f"suggestion {i}",
            body=body,
        )
        for i in range(n)
    ]
    store.add_suggestions(suggestions)
    return [s.id for s in suggestions]


def test_a_second_open_in_the_same_process_keeps_the_first_ones_locks(db_path: Path) -> None:
    """The corruption with the app open: the app holds the log while it (or a worker) opens it
    again; another process then closes its own connection. With this process's locks intact the
    other process is not the last user, so it must leave the WAL in place."""
    app_store = Store.open(db_path)
    try:
        _fill(app_store, 3)
        with Store.open(db_path) as second:  # what the app's workers and the CLI checks do
            second.count_suggestions()
        subprocess.run([sys.executable, "-c", _OTHER_PROCESS, str(db_path)], check=True, timeout=60)
        assert Path(f"{db_path}-wal").exists(), "another process deleted the WAL under us"
        _fill(app_store, 3)
        assert app_store.count_suggestions() == 6
        assert app_store.integrity_check() == []
    finally:
        app_store.close()


def test_one_store_is_shared_safely_by_threads(db_path: Path) -> None:
    """The app's workers share its one store: concurrent writers and readers lose nothing."""
    errors: list[BaseException] = []
    with Store.open(db_path) as store:
        session = store.create_session()
        question = store.add_question(session.id, "q")

        def writer(k: int) -> None:
            try:
                for i in range(20):
                    s = store.add_suggestion(
                        Suggestion(
                            session_id=session.id,
                            question_id=question.id,
                            source="rule",
                            rule="IMB001",
                            title=f"{k}-{i}",
                        )
                    )
                    store.review(s.id, "accepted")
                    store.list_suggestions(limit=5)
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert errors == []
        assert store.count_suggestions() == 80
        assert all(v.status == "accepted" for v in store.list_suggestions())
        assert store.integrity_check() == []


def _damage_middle_page(path: Path) -> None:
    """Overwrite one page in the middle of the file, as a bad disk sector or a torn copy would."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'suggestions'").fetchone()[
        0
    ]
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.close()
    # A leaf page of the suggestions table, away from page 1 (the header) and the schema.
    victim = next(
        p for p in range(pages // 2, pages) if _page_kind(path, p, page_size) == 13 and p != root
    )
    with path.open("r+b") as handle:
        handle.seek((victim - 1) * page_size + 8)
        handle.write(b"\xff" * (page_size - 16))


def _page_kind(path: Path, page: int, page_size: int) -> int:
    with path.open("rb") as handle:
        handle.seek((page - 1) * page_size)
        return handle.read(1)[0]


@pytest.fixture
def damaged_log(db_path: Path) -> tuple[Path, int]:
    with Store.open(db_path) as store:
        for _ in range(4):
            _fill(store, 100, body="a body long enough to spread rows over many pages " * 8)
        total = store.count_suggestions()
    _damage_middle_page(db_path)
    return db_path, total


def test_damage_in_the_middle_is_detected_and_never_written_into(damaged_log, run_coach) -> None:
    path, total = damaged_log
    before = path.read_bytes()
    env = {"COACH_DB": str(path)}
    listing = run_coach("log", "list", env=env)
    assert listing.returncode == 1
    assert "Traceback" not in listing.stderr and "damaged" in listing.stderr
    assert "coach log recover" in listing.stderr
    asked = run_coach("ask", "--no-llm", "I scaled the data and then split it", env=env)
    assert asked.returncode != 0, asked.stdout
    assert "damaged" in asked.stderr and "nothing was written" in asked.stderr.lower()
    assert "Traceback" not in asked.stderr
    assert path.read_bytes() == before  # not one byte written into the damaged file

    check = run_coach("log", "check", env=env)
    assert check.returncode == 1 and "DAMAGED" in check.stdout

    out = path.parent / "recovered.db"
    rec = run_coach("log", "recover", str(out), env=env)
    assert rec.returncode == 0, rec.stderr
    assert path.read_bytes() == before  # the damaged file is kept as it was
    with Store.open(out) as store:
        assert store.integrity_check() == []
        got = store.count_suggestions()
        assert store.search("suggestion")  # the full-text index is rebuilt
    # One damaged page holds a handful of rows: nearly everything else is back.
    assert total - 30 <= got < total
    assert run_coach("log", "check", env={"COACH_DB": str(out)}).returncode == 0


def test_recover_refuses_to_overwrite(db_path: Path) -> None:
    with Store.open(db_path) as store:
        _fill(store, 2)
    with pytest.raises(StoreError, match="the log itself"):
        recover(db_path, db_path)
    existing = db_path.parent / "exists.db"
    existing.write_bytes(b"keep me")
    with pytest.raises(StoreError, match="already exists"):
        recover(db_path, existing)
    assert existing.read_bytes() == b"keep me"


def test_full_disk_is_reported_as_a_full_disk(db_path: Path) -> None:
    with Store.open(db_path) as store:
        _fill(store, 1)
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        # SQLite's own page cap fails writes exactly as a full disk does (SQLITE_FULL).
        store._conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StoreError, match="the disk is full") as caught:
            _fill(store, 200, body="y" * 2000)
        assert "not a usable SQLite database" not in str(caught.value)
        assert store.count_suggestions() == 1  # all or nothing: the failed write left no rows


def test_concurrent_reviews_are_shown_in_commit_order(db_path: Path, run_coach) -> None:
    with Store.open(db_path) as store:
        (sid,) = _fill(store, 1)
    script = textwrap.dedent(
        """
        import sys
        from coach.store import Store
        with Store.open(sys.argv[1]) as store:
            for i in range(10):
                store.review(sys.argv[2], "accepted" if i % 2 else "rejected", note=sys.argv[3])
        """
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(db_path), sid, str(k)])
        for k in range(5)
    ]
    assert all(p.wait(120) == 0 for p in procs)
    with Store.open(db_path) as store:
        view = store.get_suggestion(sid)
    assert len(view.reviews) == 50
    assert view.reviews[-1].status == view.status  # what `log show` prints last is what is stored
    stamps = [r.created for r in view.reviews]
    assert stamps == sorted(stamps)


def test_backup_is_a_consistent_copy_and_never_the_log_itself(db_path: Path, run_coach) -> None:
    with Store.open(db_path) as store:
        _fill(store, 5)
    env = {"COACH_DB": str(db_path)}
    copy = db_path.parent / "copy.db"
    done = run_coach("log", "backup", str(copy), env=env)
    assert done.returncode == 0, done.stderr
    with Store.open(copy) as store:
        assert store.count_suggestions() == 5
    refused = run_coach("log", "backup", str(db_path), env=env)
    assert refused.returncode == 1 and "the log itself" in refused.stderr
    path = run_coach("log", "path", env=env)
    assert path.stdout.strip() == str(db_path)


def test_delete_asks_first_and_removes_history(db_path: Path, run_coach) -> None:
    with Store.open(db_path) as store:
        ids = _fill(store, 3)
        store.review(ids[0], "accepted")
        session = store.create_session(title="other")
        q = store.add_question(session.id, "another question")
        store.add_suggestion(
            Suggestion(session_id=session.id, question_id=q.id, source="rule", title="t")
        )
    env = {"COACH_DB": str(db_path)}
    # Not at a terminal and no --yes: nothing is deleted.
    refused = run_coach("log", "delete", ids[0][:10], env=env)
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert run_coach("log", "delete", ids[0][:10], "--yes", env=env).returncode == 0
    with Store.open(db_path) as store:
        assert store.get_suggestion(ids[0]) is None
        assert store._conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 0
        assert store.count_suggestions() == 3
    done = run_coach("log", "delete", "--session", session.id, "--yes", env=env)
    assert done.returncode == 0 and "Deleted 1" in done.stdout
    done = run_coach("log", "delete", "--before", "2999-01-01", "--yes", env=env)
    assert done.returncode == 0 and "Deleted 2" in done.stdout
    with Store.open(db_path) as store:
        assert store.count_suggestions() == 0
        assert store.sessions() == [] and store.integrity_check() == []


def test_stats_counts_and_acceptance(db_path: Path, run_coach) -> None:
    with Store.open(db_path) as store:
        ids = _fill(store, 6)  # LEAK001, LEAK002, LEAK003 twice each
        store.review(ids[0], "accepted")
        store.review(ids[3], "rejected")
        store.review(ids[1], "accepted")
    shown = run_coach("log", "stats", "--format", "json", env={"COACH_DB": str(db_path)})
    rows = {r["rule"]: r for r in __import__("json").loads(shown.stdout)}
    assert rows["LEAK001"]["total"] == 2 and rows["LEAK001"]["acceptance"] == 0.5
    assert rows["LEAK002"]["acceptance"] == 1.0
    assert rows["LEAK003"]["acceptance"] is None and rows["LEAK003"]["pending"] == 2
