"""The suggestion log: every question and every suggestion, in one SQLite file, for human review.

This is the only module that writes SQL. It is built on sqlite-utils and plain sqlite3:
- versioned migrations (an old log is migrated on open, data kept);
- WAL mode and a busy timeout, with writes in `BEGIN IMMEDIATE` transactions, so several processes
  can log at once without "database is locked" and a killed process leaves a consistent file;
- reviews are appended (the full history of status changes), never overwritten;
- full-text search over questions and suggestions;
- every LLM draft keeps the exact prompt sent and the raw response (an audit trail).
A file that is not a Coach log is never touched.

Never corrupt the file: on POSIX, closing *any* descriptor of a file drops all of this process's
locks on it, so nothing here opens the log outside SQLite while a connection to it is open (the
header check runs only for the first connection of the process, see `_OPEN`). One `Store` is
safe to share between threads: each transaction and each read holds the store's lock.
A damaged file is detected on open (`PRAGMA quick_check`) and never written to.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import Field

from coach.models import Evidence, Question, Review, Session, Status, Suggestion, utcnow
from coach.sanitize import clean


def _import_sqlite_utils():  # -> module
    """Import sqlite-utils without the ~0.4 s of pandas + NumPy it loads at import time.

    sqlite-utils uses them only to map pandas/NumPy scalar types to column types; the log writes
    plain Python values (everything passes through pydantic), so they are hidden during the
    import unless something already loaded them. This keeps `coach ask` and the app's start fast.
    """
    hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` fail fast
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
    return sqlite_utils


sqlite_utils = _import_sqlite_utils()

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 30.0
APP_ID = "coach"

_SUGGESTION_COLUMNS = [
    "id",
    "session_id",
    "question_id",
    "source",
    "rule",
    "catalog_version",
    "severity",
    "title",
    "body",
    "evidence",
    "draft",
    "status",
    "model",
    "api_base",
    "prompt_tokens",
    "completion_tokens",
    "cost",
    "latency_ms",
    "template_version",
    "error",
    "created",
]
# Fields a caller may change after a suggestion is written (a draft finishing or failing).
_UPDATABLE = set(_SUGGESTION_COLUMNS) - {"id", "session_id", "question_id", "source", "created"}
_UPDATABLE |= {"prompt_sent", "raw_response"}
# Tables in the order rows can be copied (parents first).
_TABLES = ("sessions", "questions", "suggestions", "reviews")


class StoreError(Exception):
    """The log cannot be opened or written; the message says what and what to do."""


class SuggestionView(Suggestion):
    """A suggestion as listed for review: with the question it answers and its review history."""

    question_text: str | None = None
    reviews: list[Review] = Field(default_factory=list)
    # The audit trail of an LLM draft: the messages sent (JSON) and the model's raw reply.
    prompt_sent: str | None = None
    raw_response: str | None = None

    @property
    def edited_body(self) -> str | None:
        """The latest text a reviewer edited this suggestion into, if any."""
        edits = [r.edited_body for r in self.reviews if r.edited_body is not None]
        return edits[-1] if edits else None


def default_db_path() -> Path:
    """$COACH_DB, else `coach.db` in the per-user data directory."""
    env = os.environ.get("COACH_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("coach", appauthor=False)) / "coach.db"


# --- migrations -------------------------------------------------------------------------------
# Each migration takes the database inside an open write transaction. Append, never edit: a log
# written by an older Coach is brought forward one step at a time.


def _m1_initial(db: sqlite_utils.Database) -> None:
    db["sessions"].create(
        {"id": str, "title": str, "repo": str, "data": str, "target": str, "created": str},
        pk="id",
    )
    db["questions"].create(
        {"id": str, "session_id": str, "text": str, "route": str, "created": str},
        pk="id",
        foreign_keys=[("session_id", "sessions", "id")],
    )
    db["suggestions"].create(
        {
            "id": str,
            "session_id": str,
            "question_id": str,
            "source": str,
            "rule": str,
            "catalog_version": str,
            "severity": str,
            "title": str,
            "body": str,
            "evidence": str,
            "draft": int,
            "status": str,
            "model": str,
            "api_base": str,
            "prompt_tokens": int,
            "completion_tokens": int,
            "cost": float,
            "latency_ms": float,
            "template_version": str,
            "error": str,
            "created": str,
        },
        pk="id",
        foreign_keys=[("session_id", "sessions", "id"), ("question_id", "questions", "id")],
        not_null={"source", "title", "status", "created"},
    )
    db["reviews"].create(
        {
            "id": str,
            "suggestion_id": str,
            "status": str,
            "note": str,
            "reviewer": str,
            "created": str,
        },
        pk="id",
        foreign_keys=[("suggestion_id", "suggestions", "id")],
        not_null={"suggestion_id", "status", "created"},
    )


def _m2_indexes_and_search(db: sqlite_utils.Database) -> None:
    db["questions"].create_index(["session_id"])
    db["suggestions"].create_index(["session_id"])
    db["suggestions"].create_index(["question_id"])
    db["suggestions"].create_index(["status"])
    db["suggestions"].create_index(["rule"])
    db["reviews"].create_index(["suggestion_id"])
    db["questions"].enable_fts(["text"], create_triggers=True, tokenize="porter")
    db["suggestions"].enable_fts(["title", "body"], create_triggers=True, tokenize="porter")


def _m3_edited_text(db: sqlite_utils.Database) -> None:
    db["reviews"].add_column("edited_body", str)


def _m4_llm_audit(db: sqlite_utils.Database) -> None:
    # What left the machine and what came back, byte for byte: the messages sent (JSON) and the
    # model's raw reply (control characters included, unlike the displayed body).
    db["suggestions"].add_column("prompt_sent", str)
    db["suggestions"].add_column("raw_response", str)


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _m1_initial,
    _m2_indexes_and_search,
    _m3_edited_text,
    _m4_llm_audit,
]
SCHEMA_VERSION = len(MIGRATIONS)


# --- the store --------------------------------------------------------------------------------

# Realpath of each log file -> how many connections this process holds to it. While one is open,
# the file is never opened outside SQLite (a plain open()/close() would drop SQLite's POSIX locks
# and let another process checkpoint the WAL away under us: a classic way to corrupt a database).
_OPEN: dict[str, int] = {}
# Damage found by the quick check, per file, so a process checks each file once.
_CHECKED: dict[str, str | None] = {}
_OPEN_LOCK = threading.Lock()

DAMAGED_ADVICE = (
    "Run `coach log check` for details and `coach log recover` to copy what can still be read "
    "into a new file (the damaged file is kept as it is)."
)


class Store:
    """An open suggestion log. Use `Store.open(path)`; close it (or use `with`)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self.damaged: str | None = None  # what the quick check found, if anything
        self._conn = conn
        self._lock = threading.RLock()
        self._key: str | None = None
        self.db = sqlite_utils.Database(conn, execute_plugins=False)

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: str | Path | None = None, *, migrate_to: int | None = None, check: bool = True
    ) -> Store:
        """Open (creating and migrating as needed) the log at `path`.

        `check=False` skips the quick check (`log check` and `log recover` run their own);
        `migrate_to` exists for tests that build an old-version log; normal callers omit it.
        """
        target = Path(path).expanduser() if path else default_db_path()
        key = os.path.realpath(target)
        with _OPEN_LOCK:
            if not _OPEN.get(key):
                # No connection of ours to this file: reading its header cannot drop a lock.
                _refuse_foreign_file(target)
            elif target.is_dir():
                raise StoreError(f"{target} is a directory, not a log file; give a file path.")
            read_only = _prepare_location(target)
            conn = _connect(target, read_only)
            store = cls(target, conn, read_only)
            store._key = key
            _OPEN[key] = _OPEN.get(key, 0) + 1
        try:
            store._initialise(migrate_to, check)
        except sqlite3.Error as exc:
            store.close()
            raise StoreError(describe_error(exc, target, "open")) from exc
        except BaseException:
            store.close()
            raise
        return store

    def _initialise(self, migrate_to: int | None, check: bool) -> None:
        # Validate before any PRAGMA that writes: a foreign file must stay byte-identical.
        self._refuse_foreign_database()
        if check:
            self.damaged = self._quick_check()
        if not self.read_only and not self.damaged:
            try:
                self._conn.execute("PRAGMA journal_mode=WAL")
            except sqlite3.OperationalError as exc:
                if exc.sqlite_errorname not in ("SQLITE_READONLY", "SQLITE_BUSY"):
                    raise
                # A read-only file or mount that os.access did not reveal: read, never write.
                self.read_only = True
            self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        if not self.damaged:
            self._migrate(migrate_to)

    def _quick_check(self) -> str | None:
        """What `PRAGMA quick_check` finds wrong (once per file and process), or None."""
        with _OPEN_LOCK:
            if self._key in _CHECKED:
                return _CHECKED[self._key]
        try:
            rows = self._conn.execute("PRAGMA quick_check(5)").fetchall()
            problems = [str(r[0]) for r in rows if str(r[0]) != "ok"]
            found = "; ".join(problems) if problems else None
        except sqlite3.DatabaseError as exc:
            if exc.sqlite_errorname not in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
                raise
            found = str(exc)
        with _OPEN_LOCK:
            _CHECKED[self._key or ""] = found
        return found

    def _refuse_foreign_database(self) -> None:
        try:
            tables = set(self.db.table_names())
        except sqlite3.DatabaseError as exc:
            if exc.sqlite_errorname not in ("SQLITE_NOTADB", "SQLITE_CORRUPT"):
                raise
            raise StoreError(
                f"{self.path} is not a usable SQLite database ({exc}); Coach left it untouched. "
                f"If it is your log, it is damaged: {DAMAGED_ADVICE} Otherwise point --db or "
                "$COACH_DB at another file."
            ) from exc
        if tables and "coach_meta" not in tables:
            raise StoreError(
                f"{self.path} is a SQLite database but not a Coach log (it has tables: "
                f"{', '.join(sorted(tables)[:5])}); Coach left it untouched. "
                "Point --db or $COACH_DB at another file."
            )

    def _migrate(self, migrate_to: int | None) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer Coach (schema {version}, this one knows "
                f"{SCHEMA_VERSION}); upgrade Coach to read it."
            )
        goal = SCHEMA_VERSION if migrate_to is None else migrate_to
        if version >= goal:
            return
        if self.read_only:
            if version == 0:
                return  # an empty file on a read-only location: nothing to read, nothing to do
            raise StoreError(
                f"the log at {self.path} needs an upgrade (schema {version} -> {goal}) but the "
                "file is read-only."
            )
        with self._write():
            # Re-read inside the lock: another process may have migrated meanwhile.
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS coach_meta (key TEXT PRIMARY KEY, value TEXT)"
            )
            version = self.schema_version()
            for number in range(version + 1, goal + 1):
                MIGRATIONS[number - 1](self.db)
            self.db.execute(
                "INSERT OR REPLACE INTO coach_meta (key, value) VALUES ('app', ?), "
                "('schema_version', ?)",
                [APP_ID, str(goal)],
            )

    def schema_version(self) -> int:
        with self._read():
            if "coach_meta" not in self.db.table_names():
                return 0
            row = self.db.execute(
                "SELECT value FROM coach_meta WHERE key = 'schema_version'"
            ).fetchone()
            return int(row[0]) if row else 0

    def close(self) -> None:
        with self._lock, _OPEN_LOCK:
            if self._key is not None:
                # SQLite itself keeps the descriptor open while other connections hold locks.
                self._conn.close()
                left = _OPEN.get(self._key, 1) - 1
                if left > 0:
                    _OPEN[self._key] = left
                else:
                    _OPEN.pop(self._key, None)
                self._key = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _read(self) -> Iterator[None]:
        """One read: serialised with this store's other users, errors said in plain words."""
        with self._lock:
            try:
                yield
            except sqlite3.Error as exc:
                raise StoreError(describe_error(exc, self.path, "read")) from exc

    @contextlib.contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Several reads that see one state of the file (a review cannot land between them)."""
        with self._read():
            self._conn.execute("BEGIN")
            try:
                yield
            finally:
                if self._conn.in_transaction:
                    self._conn.execute("COMMIT")

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction, taking the write lock up front (no lock-upgrade deadlocks)."""
        if self.read_only:
            raise StoreError(
                f"the log at {self.path} is read-only (file or mount); reading works, "
                "nothing was written."
            )
        if self.damaged:
            raise StoreError(
                f"the log at {self.path} is damaged ({self.damaged}); nothing was written. "
                + DAMAGED_ADVICE
            )
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise StoreError(describe_error(exc, self.path, "write")) from exc
            try:
                yield
            except BaseException as exc:
                if self._conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self._conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise StoreError(describe_error(exc, self.path, "write")) from exc
                raise
            else:
                try:
                    self._conn.execute("COMMIT")
                except sqlite3.Error as exc:
                    if self._conn.in_transaction:
                        with contextlib.suppress(sqlite3.Error):
                            self._conn.execute("ROLLBACK")
                    raise StoreError(describe_error(exc, self.path, "write")) from exc

    # -- sessions and questions ------------------------------------------------------------

    def create_session(
        self,
        title: str | None = None,
        repo: str | None = None,
        data: str | None = None,
        target: str | None = None,
    ) -> Session:
        session = Session(title=title, repo=repo, data=data, target=target)
        with self._write():
            self.db["sessions"].insert(_dump(session))
        return session

    def get_session(self, session_id: str) -> Session | None:
        with self._read():
            row = self.db.execute("SELECT * FROM sessions WHERE id = ?", [session_id]).fetchone()
        return Session.model_validate(dict(row)) if row else None

    def last_session(self) -> Session | None:
        with self._read():
            row = self.db.execute(
                "SELECT s.* FROM sessions s LEFT JOIN questions q ON q.session_id = s.id GROUP BY "
                "s.id ORDER BY MAX(COALESCE(q.created, s.created)) DESC, s.rowid DESC LIMIT 1"
            ).fetchone()
        return Session.model_validate(dict(row)) if row else None

    def sessions(self, limit: int | None = None) -> list[Session]:
        sql = "SELECT * FROM sessions ORDER BY created DESC, rowid DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        with self._read():
            rows = self.db.execute(sql).fetchall()
        return [Session.model_validate(dict(r)) for r in rows]

    def ensure_session(self, session_id: str | None, **fields: str | None) -> Session:
        """The session with this id (created with that id if new), or a fresh session."""
        if session_id:
            existing = self.get_session(session_id)
            if existing:
                return existing
            session = Session(id=session_id, **fields)
            with self._write():
                self.db["sessions"].insert(_dump(session))
            return session
        return self.create_session(**fields)

    def add_question(self, session_id: str, text: str, route: str | None = None) -> Question:
        question = Question(session_id=session_id, text=text, route=route)
        with self._write():
            self.db["questions"].insert(_dump(question))
        return question

    def set_question_route(self, question_id: str, route: str) -> None:
        with self._write():
            self.db.execute("UPDATE questions SET route = ? WHERE id = ?", [route, question_id])

    def questions(self, session_id: str) -> list[Question]:
        with self._read():
            rows = self.db.execute(
                "SELECT * FROM questions WHERE session_id = ? ORDER BY created, rowid", [session_id]
            ).fetchall()
        return [Question.model_validate(dict(r)) for r in rows]

    def get_question(self, question_id: str) -> Question | None:
        with self._read():
            row = self.db.execute("SELECT * FROM questions WHERE id = ?", [question_id]).fetchone()
        return Question.model_validate(dict(row)) if row else None

    # -- suggestions -----------------------------------------------------------------------

    def add_suggestions(self, suggestions: list[Suggestion]) -> None:
        """Write several suggestions in one transaction: all are logged, or none."""
        if not suggestions:
            return
        with self._write():
            self.db["suggestions"].insert_all([_suggestion_row(s) for s in suggestions])

    def add_suggestion(self, suggestion: Suggestion) -> Suggestion:
        self.add_suggestions([suggestion])
        return suggestion

    def update_suggestion(self, suggestion_id: str, **fields: Any) -> None:
        unknown = set(fields) - _UPDATABLE
        if unknown:
            raise ValueError(f"cannot update suggestion field(s): {', '.join(sorted(unknown))}")
        if not fields:
            return
        values = {k: _column_value(k, v) for k, v in fields.items()}
        with self._write():
            found = self.db.execute(
                "SELECT 1 FROM suggestions WHERE id = ?", [suggestion_id]
            ).fetchone()
            if not found:
                raise StoreError(f"no suggestion with id {suggestion_id}")
            self.db["suggestions"].update(suggestion_id, values)

    def review(
        self,
        suggestion_id: str,
        status: Status,
        note: str | None = None,
        reviewer: str | None = None,
        edited_body: str | None = None,
    ) -> Review:
        """Append a review and set the suggestion's current status. History is kept."""
        if status not in ("accepted", "rejected", "edited", "pending"):
            raise StoreError(f"a review cannot set status '{status}'")
        if (status == "edited") != (edited_body is not None):
            raise StoreError("status 'edited' goes with the edited text, and only with it")
        with self._write():
            row = self.db.execute(
                "SELECT status FROM suggestions WHERE id = ?", [suggestion_id]
            ).fetchone()
            if row is None:
                raise StoreError(f"no suggestion with id {suggestion_id}")
            if row[0] == "failed" and status != "pending":
                raise StoreError(
                    f"suggestion {suggestion_id} is a failed draft; there is nothing to "
                    f"{'accept' if status == 'accepted' else 'review'} (add a note instead)"
                )
            # Stamped inside the write lock: history order (rowid) is commit order, so the last
            # review shown is always the status stored.
            review = Review(
                suggestion_id=suggestion_id,
                status=status,
                note=note,
                reviewer=reviewer or _default_reviewer(),
                edited_body=edited_body,
            )
            self.db["reviews"].insert(_dump(review))
            self.db.execute(
                "UPDATE suggestions SET status = ? WHERE id = ?", [status, suggestion_id]
            )
        return review

    def annotate(self, suggestion_id: str, note: str, reviewer: str | None = None) -> Review:
        """A note without a status change: appended to the history with the current status."""
        with self._write():
            row = self.db.execute(
                "SELECT status FROM suggestions WHERE id = ?", [suggestion_id]
            ).fetchone()
            if row is None:
                raise StoreError(f"no suggestion with id {suggestion_id}")
            review = Review(
                suggestion_id=suggestion_id,
                status=row[0],
                note=note,
                reviewer=reviewer or _default_reviewer(),
            )
            self.db["reviews"].insert(_dump(review))
        return review

    def resolve_id(self, prefix: str) -> str:
        """A full suggestion id from an unambiguous prefix (ids are shown shortened)."""
        with self._read():
            rows = self.db.execute(
                "SELECT id FROM suggestions WHERE id LIKE ? LIMIT 2", [prefix.strip() + "%"]
            ).fetchall()
        if not rows:
            raise StoreError(f"no suggestion with id '{prefix}' (see `coach log list`)")
        if len(rows) > 1:
            raise StoreError(f"suggestion id '{prefix}' is ambiguous; give more characters")
        return rows[0][0]

    def get_suggestion(self, suggestion_id: str) -> SuggestionView | None:
        views = self._views("WHERE s.id = ?", [suggestion_id])
        return views[0] if views else None

    def list_suggestions(
        self,
        status: str | None = None,
        source: str | None = None,
        rule: str | None = None,
        session: str | None = None,
        since: datetime | str | None = None,
        limit: int | None = None,
        question: str | None = None,
    ) -> list[SuggestionView]:
        clauses: list[str] = []
        params: list[Any] = []
        if status:
            clauses.append("s.status = ?")
            params.append(status)
        if source:
            clauses.append("s.source = ?")
            params.append(source)
        if rule:
            # A family prefix (LEAK) or a full id (LEAK001).
            clauses.append("s.rule LIKE ?")
            params.append(rule.upper() + "%")
        if session:
            clauses.append("s.session_id LIKE ?")
            params.append(session + "%")
        if question:
            clauses.append("s.question_id = ?")
            params.append(question)
        if since:
            clauses.append("s.created >= ?")
            params.append(since.isoformat() if isinstance(since, datetime) else since)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        return self._views(where, params, limit=limit)

    def search(self, text: str, limit: int = 50) -> list[SuggestionView]:
        """Suggestions whose title/body match, or that answer a question that matches."""
        query = _fts_query(text)
        if not query:
            return []
        where = (
            "WHERE s.rowid IN (SELECT rowid FROM suggestions_fts WHERE suggestions_fts MATCH ?) "
            "OR s.question_id IN (SELECT q2.id FROM questions q2 WHERE q2.rowid IN "
            "(SELECT rowid FROM questions_fts WHERE questions_fts MATCH ?))"
        )
        return self._views(where, [query, query], limit=limit)

    def count_suggestions(self) -> int:
        with self._read():
            return int(self.db.execute("SELECT COUNT(*) FROM suggestions").fetchone()[0])

    def _views(
        self, where: str, params: list[Any], limit: int | None = None
    ) -> list[SuggestionView]:
        sql = (
            "SELECT s.*, q.text AS question_text FROM suggestions s "
            f"LEFT JOIN questions q ON q.id = s.question_id {where} "
            "ORDER BY s.created DESC, s.rowid DESC"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        with self._snapshot():
            rows = self.db.execute(sql, params).fetchall()
            if not rows:
                return []
            ids = [r["id"] for r in rows]
            reviews: dict[str, list[Review]] = {i: [] for i in ids}
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" for _ in chunk)
                for r in self.db.execute(
                    f"SELECT * FROM reviews WHERE suggestion_id IN ({marks}) ORDER BY rowid",
                    chunk,
                ).fetchall():
                    review = dict(r)
                    for name in ("note", "edited_body", "reviewer"):
                        review[name] = clean(review[name]) if review[name] is not None else None
                    reviews[r["suggestion_id"]].append(Review.model_validate(review))
        views = []
        for row in rows:
            data = dict(row)
            # Shown on every surface: text from a model, a dataset or a pasted question never
            # carries terminal escapes out of the log (the audit columns keep the raw reply).
            for name in ("title", "body", "question_text", "error"):
                if data.get(name) is not None:
                    data[name] = clean(data[name])
            data["evidence"] = json.loads(data["evidence"] or "[]")
            for item in data["evidence"]:
                if isinstance(item, dict) and isinstance(item.get("text"), str):
                    item["text"] = clean(item["text"])
            data["draft"] = bool(data["draft"])
            data["reviews"] = reviews[data["id"]]
            data["prompt_sent"] = data.get("prompt_sent")
            data["raw_response"] = data.get("raw_response")
            views.append(SuggestionView.model_validate(data))
        return views

    # -- maintenance -----------------------------------------------------------------------

    def integrity_check(self) -> list[str]:
        """Everything `PRAGMA integrity_check` finds wrong (empty: the file is sound)."""
        try:
            with self._lock:
                rows = self._conn.execute("PRAGMA integrity_check(100)").fetchall()
        except sqlite3.DatabaseError as exc:
            return [str(exc)]
        return [str(r[0]) for r in rows if str(r[0]) != "ok"]

    def table_counts(self) -> dict[str, int]:
        with self._read():
            return {
                t: int(self.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in _TABLES
            }

    def backup(self, destination: str | Path) -> Path:
        """Copy the log with SQLite's online backup: consistent even while others write."""
        dest = _new_file(destination, self.path)
        try:
            target = sqlite3.connect(str(dest))
            try:
                with self._lock:
                    self._conn.backup(target)
            finally:
                target.close()
        except sqlite3.Error as exc:
            with contextlib.suppress(OSError):
                dest.unlink()
            raise StoreError(f"cannot back up the log to {dest}: {exc}") from exc
        return dest

    def delete_suggestions(self, ids: list[str]) -> int:
        """Delete suggestions and their review history; questions left empty go too."""
        if not ids:
            return 0
        with self._write():
            return self._delete_where("s.id IN (SELECT value FROM json_each(?))", [json.dumps(ids)])

    def delete_session(self, session_id: str) -> int:
        """Delete a session with its questions, suggestions and reviews."""
        with self._write():
            found = self.db.execute("SELECT 1 FROM sessions WHERE id = ?", [session_id]).fetchone()
            if not found:
                raise StoreError(f"no session with id {session_id}")
            count = self._delete_where("s.session_id = ?", [session_id])
            self.db.execute("DELETE FROM questions WHERE session_id = ?", [session_id])
            self.db.execute("DELETE FROM sessions WHERE id = ?", [session_id])
        return count

    def delete_before(self, when: datetime) -> int:
        """Delete everything logged before `when`; sessions left empty go too."""
        stamp = when.isoformat()
        with self._write():
            count = self._delete_where("s.created < ?", [stamp])
            self.db.execute(
                "DELETE FROM questions WHERE created < ? AND id NOT IN "
                "(SELECT question_id FROM suggestions WHERE question_id IS NOT NULL)",
                [stamp],
            )
            self.db.execute(
                "DELETE FROM sessions WHERE created < ? AND id NOT IN "
                "(SELECT session_id FROM questions) AND id NOT IN "
                "(SELECT session_id FROM suggestions WHERE session_id IS NOT NULL)",
                [stamp],
            )
        return count

    def _delete_where(self, where: str, params: list[Any]) -> int:
        ids = [
            r[0] for r in self.db.execute(f"SELECT s.id FROM suggestions s WHERE {where}", params)
        ]
        if not ids:
            return 0
        chosen = json.dumps(ids)
        self.db.execute(
            "DELETE FROM reviews WHERE suggestion_id IN (SELECT value FROM json_each(?))", [chosen]
        )
        questions = [
            r[0]
            for r in self.db.execute(
                "SELECT DISTINCT question_id FROM suggestions WHERE question_id IS NOT NULL AND "
                "id IN (SELECT value FROM json_each(?))",
                [chosen],
            )
        ]
        self.db.execute(
            "DELETE FROM suggestions WHERE id IN (SELECT value FROM json_each(?))", [chosen]
        )
        self.db.execute(
            "DELETE FROM questions WHERE id IN (SELECT value FROM json_each(?)) AND id NOT IN "
            "(SELECT question_id FROM suggestions WHERE question_id IS NOT NULL)",
            [json.dumps(questions)],
        )
        return len(ids)

    def stats(self) -> list[dict[str, Any]]:
        """Per rule (drafts as `llm`): how many suggestions, how each was reviewed."""
        with self._read():
            rows = self.db.execute(
                "SELECT COALESCE(rule, source) AS rule, COUNT(*) AS total, "
                "SUM(status = 'accepted') AS accepted, SUM(status = 'edited') AS edited, "
                "SUM(status = 'rejected') AS rejected, SUM(status = 'pending') AS pending, "
                "SUM(status = 'failed') AS failed FROM suggestions "
                "GROUP BY COALESCE(rule, source) ORDER BY total DESC, rule"
            ).fetchall()
        out = []
        for row in rows:
            item = {k: v if k == "rule" else int(v or 0) for k, v in dict(row).items()}
            reviewed = item["accepted"] + item["edited"] + item["rejected"]
            item["acceptance"] = (
                round((item["accepted"] + item["edited"]) / reviewed, 3) if reviewed else None
            )
            out.append(item)
        return out


def recover(source: str | Path, destination: str | Path) -> dict[str, tuple[int, int | None]]:
    """Copy every row that can still be read from a damaged log into a new log.

    The damaged file is opened read-only and never changed. Rows are read in rowid ranges that
    are split in half whenever SQLite reports damage, so one bad page loses only its own rows.
    Returns per table (rows recovered, rows the damaged file claimed when it could tell).
    """
    src_path = Path(source).expanduser()
    if not src_path.is_file():
        raise StoreError(f"there is no log at {src_path} to recover.")
    _refuse_foreign_file(src_path)
    dest = _new_file(destination, src_path)
    uri = src_path.absolute().as_uri() + "?mode=ro"
    try:
        src = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {src_path} even read-only: {exc}") from exc
    results: dict[str, tuple[int, int | None]] = {}
    try:
        with Store.open(dest) as new:
            new._conn.execute("PRAGMA foreign_keys=OFF")  # keep rows whose parent was lost
            for table in _TABLES:
                wanted = [c for c in _columns(new._conn, table)]
                have = set(_safe(lambda t=table: _columns(src, t)) or [])
                columns = [c for c in wanted if c in have]
                claimed = _safe(
                    lambda t=table: src.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                )
                rows = _salvage(src, table, columns) if columns else []
                with new._write():
                    marks = ",".join("?" for _ in columns)
                    new._conn.executemany(
                        f"INSERT OR IGNORE INTO {table} ({','.join(columns)}) VALUES ({marks})",
                        rows,
                    )
                results[table] = (len(rows), claimed)
    finally:
        src.close()
    return results


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})").fetchall()]


def _safe(read: Callable[[], Any]) -> Any:
    try:
        return read()
    except sqlite3.DatabaseError:
        return None


def _salvage(conn: sqlite3.Connection, table: str, columns: list[str]) -> list[tuple[Any, ...]]:
    """Every readable row: rowid ranges first (split in half when SQLite reports damage), then
    one look-up per rowid still missing, because a damaged page can also end a scan silently."""
    names = ",".join(columns)
    ranged = f"SELECT rowid, {names} FROM {table} WHERE rowid BETWEEN ? AND ?"
    found: dict[int, tuple[Any, ...]] = {}
    top = _safe(lambda: conn.execute(f"SELECT MAX(rowid) FROM {table}").fetchone()[0])
    pending = [(1, int(top) if top is not None else 1 << 24)]
    while pending:
        low, high = pending.pop()
        try:
            found.update((r[0], tuple(r[1:])) for r in conn.execute(ranged, [low, high]))
        except sqlite3.DatabaseError:
            if low < high:
                middle = (low + high) // 2
                pending.extend([(middle + 1, high), (low, middle)])
    last = int(top) if top is not None else max(found, default=0) + 10_000
    single = f"SELECT {names} FROM {table} WHERE rowid = ?"
    for rowid in range(1, min(last, 2_000_000) + 1):
        if rowid not in found:
            row = _safe(lambda r=rowid: conn.execute(single, [r]).fetchone())
            if row is not None:
                found[rowid] = tuple(row)
    return [found[k] for k in sorted(found)]


def _new_file(destination: str | Path, log: Path) -> Path:
    """A path to create a copy of the log at: never the log itself, never an existing file."""
    dest = Path(destination).expanduser()
    if os.path.realpath(dest) in {os.path.realpath(log) + tail for tail in ("", "-wal", "-shm")}:
        raise StoreError(f"{dest} is the log itself; give another file name.")
    if dest.exists():
        raise StoreError(f"{dest} already exists; give a new file name (nothing was written).")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create {dest.parent}: {exc.strerror or exc}") from exc
    return dest


# --- helpers ----------------------------------------------------------------------------------


def _prepare_location(target: Path) -> bool:
    """Create the log's directory if needed; True when the log can only be read."""
    if not target.exists():
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the log directory {target.parent}: {exc.strerror or exc}. "
                "Choose a writable location with --db PATH or $COACH_DB."
            ) from exc
        if not os.access(target.parent, os.W_OK):
            raise StoreError(
                f"cannot create the log at {target}: the directory is not writable. "
                "Choose a writable location with --db PATH or $COACH_DB."
            )
        return False
    return not os.access(target, os.W_OK) or not os.access(target.parent, os.W_OK)


def _connect(target: Path, read_only: bool) -> sqlite3.Connection:
    """A connection to the log; read-only ones fall back to `immutable` on read-only media,
    where SQLite cannot create the WAL index it needs."""
    try:
        if not read_only:
            conn = sqlite3.connect(str(target), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        else:
            uri = target.absolute().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
            try:
                conn.execute("PRAGMA schema_version").fetchone()
            except sqlite3.OperationalError as exc:
                if exc.sqlite_errorname != "SQLITE_CANTOPEN":
                    raise
                conn.close()
                conn = sqlite3.connect(
                    uri + "&immutable=1", uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False
                )
        conn.row_factory = sqlite3.Row
        return conn
    except sqlite3.Error as exc:
        raise StoreError(describe_error(exc, target, "open")) from exc


def describe_error(exc: sqlite3.Error, path: Path, action: str) -> str:
    """One sentence for a SQLite failure: what happened to the log and what to do about it."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    verb = {"open": "cannot open", "read": "cannot read", "write": "cannot write to"}[action]
    lost = " Nothing was written." if action == "write" else ""
    if name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB":
        return f"the log at {path} is damaged ({exc}).{lost} {DAMAGED_ADVICE}"
    if name == "SQLITE_FULL":
        return (
            f"{verb} the log at {path}: the disk is full.{lost} Free some space and try again; "
            "the log itself is intact."
        )
    if name.startswith("SQLITE_READONLY"):
        return (
            f"{verb} the log at {path}: the file or its folder is read-only.{lost} Reading "
            "still works; use --db PATH for a writable log."
        )
    if name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED"):
        return (
            f"{verb} the log at {path}: another Coach process held it for over "
            f"{BUSY_TIMEOUT_S:.0f} s.{lost} Try again."
        )
    if name.startswith("SQLITE_IOERR"):
        return f"{verb} the log at {path}: the disk reported an I/O error ({exc}).{lost}"
    if name.startswith("SQLITE_CANTOPEN"):
        return f"{verb} the log at {path} ({exc}); check the path and its permissions."
    return f"{verb} the log at {path}: {exc}.{lost}"


def _refuse_foreign_file(path: Path) -> None:
    """Never open (and so never overwrite) a file that is not SQLite."""
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a log file; give a file path with --db.")
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"cannot read the log at {path}: {exc.strerror or exc}") from exc
    if header != SQLITE_MAGIC:
        raise StoreError(
            f"{path} exists and is not a SQLite database; Coach left it untouched. "
            "Point --db or $COACH_DB at another file."
        )


def _dump(model: Session | Question | Review) -> dict[str, Any]:
    data = model.model_dump()
    data["created"] = model.created.isoformat()
    return data


def _column_value(name: str, value: Any) -> Any:
    if name == "evidence":
        items = [e if isinstance(e, Evidence) else Evidence.model_validate(e) for e in value or []]
        return json.dumps([e.model_dump(mode="json") for e in items], ensure_ascii=False)
    if name == "draft":
        return int(bool(value))
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _suggestion_row(suggestion: Suggestion) -> dict[str, Any]:
    data = suggestion.model_dump()
    return {name: _column_value(name, data[name]) for name in _SUGGESTION_COLUMNS}


def _fts_query(text: str) -> str:
    """Quote every word so user text can never be read as FTS syntax."""
    words = [w for w in text.replace('"', " ").split() if w.strip()]
    return " ".join(f'"{w}"' for w in words)


def _default_reviewer() -> str:
    return os.environ.get("COACH_REVIEWER") or os.environ.get("USER") or "unknown"


__all__ = [
    "DAMAGED_ADVICE",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Store",
    "StoreError",
    "SuggestionView",
    "default_db_path",
    "describe_error",
    "recover",
    "utcnow",
]
