"""The suggestion log: every question and every suggestion, in one SQLite file, for human review.

This is the only module that writes SQL. It is built on sqlite-utils and plain sqlite3:
- versioned migrations (an old log is migrated on open, data kept);
- WAL mode and a busy timeout, with writes in `BEGIN IMMEDIATE` transactions, so several processes
  can log at once without "database is locked" and a killed process leaves a consistent file;
- reviews are appended (the full history of status changes), never overwritten;
- full-text search over questions and suggestions.
A file that is not a Coach log is never touched.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import Field

from coach.models import Evidence, Question, Review, Session, Status, Suggestion, utcnow


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


class StoreError(Exception):
    """The log cannot be opened or written; the message says what and what to do."""


class SuggestionView(Suggestion):
    """A suggestion as listed for review: with the question it answers and its review history."""

    question_text: str | None = None
    reviews: list[Review] = Field(default_factory=list)

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


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _m1_initial,
    _m2_indexes_and_search,
    _m3_edited_text,
]
SCHEMA_VERSION = len(MIGRATIONS)


# --- the store --------------------------------------------------------------------------------


class Store:
    """An open suggestion log. Use `Store.open(path)`; close it (or use `with`)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self._conn = conn
        self.db = sqlite_utils.Database(conn, execute_plugins=False)

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None, *, migrate_to: int | None = None) -> Store:
        """Open (creating and migrating as needed) the log at `path`.

        `migrate_to` exists for tests that build an old-version log; normal callers omit it.
        """
        target = Path(path).expanduser() if path else default_db_path()
        _refuse_foreign_file(target)
        read_only = False
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
        elif not os.access(target, os.W_OK) or not os.access(target.parent, os.W_OK):
            read_only = True
        try:
            if read_only:
                conn = sqlite3.connect(
                    f"file:{target}?mode=ro",
                    uri=True,
                    timeout=BUSY_TIMEOUT_S,
                    check_same_thread=False,
                )
            else:
                conn = sqlite3.connect(str(target), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
            conn.row_factory = sqlite3.Row
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the log at {target}: {exc}") from exc
        store = cls(target, conn, read_only)
        try:
            # Validate before any PRAGMA that writes: a foreign file must stay byte-identical.
            store._refuse_foreign_database()
            if not read_only:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            store._migrate(migrate_to)
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"cannot open the log at {target}: {exc}") from exc
        except BaseException:
            conn.close()
            raise
        return store

    def _refuse_foreign_database(self) -> None:
        try:
            tables = set(self.db.table_names())
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.path} is not a usable SQLite database ({exc}); Coach left it untouched. "
                "Point --db or $COACH_DB at another file."
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
        if "coach_meta" not in self.db.table_names():
            return 0
        row = self.db.execute(
            "SELECT value FROM coach_meta WHERE key = 'schema_version'"
        ).fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction, taking the write lock up front (no lock-upgrade deadlocks)."""
        if self.read_only:
            raise StoreError(f"the log at {self.path} is read-only; nothing was written.")
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to the log at {self.path}: {exc}") from exc
        try:
            yield
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        else:
            try:
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise StoreError(f"cannot write to the log at {self.path}: {exc}") from exc

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
        row = self.db.execute("SELECT * FROM sessions WHERE id = ?", [session_id]).fetchone()
        return Session.model_validate(dict(row)) if row else None

    def last_session(self) -> Session | None:
        row = self.db.execute(
            "SELECT s.* FROM sessions s LEFT JOIN questions q ON q.session_id = s.id "
            "GROUP BY s.id ORDER BY MAX(COALESCE(q.created, s.created)) DESC, s.rowid DESC LIMIT 1"
        ).fetchone()
        return Session.model_validate(dict(row)) if row else None

    def sessions(self, limit: int | None = None) -> list[Session]:
        sql = "SELECT * FROM sessions ORDER BY created DESC, rowid DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [Session.model_validate(dict(r)) for r in self.db.execute(sql).fetchall()]

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
        rows = self.db.execute(
            "SELECT * FROM questions WHERE session_id = ? ORDER BY created, rowid", [session_id]
        ).fetchall()
        return [Question.model_validate(dict(r)) for r in rows]

    def get_question(self, question_id: str) -> Question | None:
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
        review = Review(
            suggestion_id=suggestion_id,
            status=status,
            note=note,
            reviewer=reviewer or _default_reviewer(),
            edited_body=edited_body,
        )
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
            self.db["reviews"].insert(_dump(review))
            self.db.execute(
                "UPDATE suggestions SET status = ? WHERE id = ?", [status, suggestion_id]
            )
        return review

    def annotate(self, suggestion_id: str, note: str, reviewer: str | None = None) -> Review:
        """A note without a status change: appended to the history with the current status."""
        current = self.get_suggestion(suggestion_id)
        if current is None:
            raise StoreError(f"no suggestion with id {suggestion_id}")
        review = Review(
            suggestion_id=suggestion_id,
            status=current.status,
            note=note,
            reviewer=reviewer or _default_reviewer(),
        )
        with self._write():
            self.db["reviews"].insert(_dump(review))
        return review

    def resolve_id(self, prefix: str) -> str:
        """A full suggestion id from an unambiguous prefix (ids are shown shortened)."""
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
        rows = self.db.execute(sql, params).fetchall()
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        reviews: dict[str, list[Review]] = {i: [] for i in ids}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" for _ in chunk)
            for r in self.db.execute(
                f"SELECT * FROM reviews WHERE suggestion_id IN ({marks}) ORDER BY created, rowid",
                chunk,
            ).fetchall():
                reviews[r["suggestion_id"]].append(Review.model_validate(dict(r)))
        views = []
        for row in rows:
            data = dict(row)
            data["evidence"] = json.loads(data["evidence"] or "[]")
            data["draft"] = bool(data["draft"])
            data["reviews"] = reviews[data["id"]]
            views.append(SuggestionView.model_validate(data))
        return views


# --- helpers ----------------------------------------------------------------------------------


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
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Store",
    "StoreError",
    "SuggestionView",
    "default_db_path",
    "utcnow",
]
