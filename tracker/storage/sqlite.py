"""Everything that is SQLite's own, in one module (DESIGN.md "Architecture"): the pragmas
and transaction modes of the device's store, the raw `sqlite3` reads of a store file
(its revision, its health), the online backup API, and the triggers that write the
sync outbox. The repositories and migrations above it run on PostgreSQL as well.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from tracker.i18n import gettext as _

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

BUSY_TIMEOUT_MS = 5000


class Rows(list[Any]):
    """The rows a plain SQL statement returned, with the shortcuts sync uses."""

    def all(self) -> list[Any]:
        return self

    def one(self) -> Any:
        if len(self) != 1:
            raise LookupError(f"{len(self)} rows where one was expected")
        return self[0]

    def first(self) -> Any:
        return self[0] if self else None

    def scalar(self) -> Any:
        return self[0][0] if self else None

    def scalar_one(self) -> Any:
        return self.one()[0]

    def scalars(self) -> list[Any]:
        return [row[0] for row in self]


class Runner(Protocol):
    """Plain SQL with named (`:name`) parameters, in one transaction."""

    def run(self, sql: str, params: Mapping[str, Any] | None = None) -> Rows: ...

    def many(self, sql: str, params: Sequence[Mapping[str, Any]]) -> None: ...


class ConnectionRunner:
    """A Runner on a plain sqlite3 connection."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def run(self, sql: str, params: Mapping[str, Any] | None = None) -> Rows:
        return Rows(self.connection.execute(sql, params or {}).fetchall())

    def many(self, sql: str, params: Sequence[Mapping[str, Any]]) -> None:
        if params:
            self.connection.executemany(sql, params)


@contextmanager
def device_transaction(db_path: Path, *, write: bool) -> Iterator[ConnectionRunner]:
    """One transaction on the device's store through plain sqlite3, with the pragmas of
    every connection: writing ones begin IMMEDIATE (queueing behind another writer),
    reading ones read one snapshot. Committed when the block ends without an error."""
    connection = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    try:
        if write:
            _on_connect(connection, None)
        else:
            _reading_only(connection)
        connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield ConnectionRunner(connection)
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT" if write else "ROLLBACK")
    finally:
        connection.close()


class StoreFileError(Exception):
    """A file that cannot be read as a Kedut store (the message says why)."""


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (see _on_begin_write).
    dbapi_connection.isolation_level = None
    for pragma in (
        "PRAGMA journal_mode=WAL",  # readers never block the writer
        "PRAGMA synchronous=FULL",  # an acknowledged commit survives power loss
        *_EVERY_CONNECTION,
    ):
        dbapi_connection.execute(pragma)


_EVERY_CONNECTION = (
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",  # wait for another writer, don't fail
)


def _reading_only(dbapi_connection: sqlite3.Connection) -> None:
    """A connection that only reads: refused any write by SQLite itself, before anything
    else runs on it. It leaves the journal mode alone: switching a diary to WAL writes
    its header, and a reader may be looking at a file not yet checked for damage (the
    app reads Today while the check runs; a restored backup is in rollback mode)."""
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA query_only=ON")
    for pragma in _EVERY_CONNECTION:
        dbapi_connection.execute(pragma)


def _on_begin_write(connection: Any) -> None:
    # Take the write lock at the start of every writing transaction, so two writers
    # queue up on busy_timeout instead of failing later with "database is locked".
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _on_connect_read(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # A reader that tried to write would be a bug: SQLite refuses it outright.
    _reading_only(dbapi_connection)


def _on_begin_read(connection: Any) -> None:
    # A deferred transaction reads one consistent snapshot (WAL) and never takes the
    # write lock, so a long report never makes a logged twitch wait.
    connection.exec_driver_sql("BEGIN")


def make_engine(db_path: Path, *, write: bool = True) -> Engine:
    """An engine whose transactions either write (BEGIN IMMEDIATE) or only read."""
    from sqlalchemy import create_engine, event

    # The app reads in worker threads (charts, reports); the pool hands each connection
    # to one thread at a time, so SQLite's same-thread check can be relaxed.
    engine = create_engine(f"sqlite:///{db_path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect if write else _on_connect_read)
    event.listen(engine, "begin", _on_begin_write if write else _on_begin_read)
    return engine


def foreign_keys_off(driver_connection: Any, on: bool) -> None:
    """Batch migrations copy, drop and rename tables: with foreign keys on, SQLite's DROP
    TABLE would cascade to every child table. The pragma only works outside a
    transaction, so it goes to the driver directly."""
    driver_connection.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def broken_links(connection: Any) -> list[Any]:
    return list(connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall())


# SQLite's own spellings in the aggregates (tracker.storage.aggregates)

# Instants are stored as text 'YYYY-MM-DD HH:MM:SS.ffffff' (naive UTC).
UTC_MINUTE_OF_DAY = (
    "(CAST(substr(started_at, 12, 2) AS INTEGER) * 60 + CAST(substr(started_at, 15, 2) AS INTEGER))"
)


def among(column: str, parameter: str) -> str:
    """`column IN (…)` for a list passed as one JSON array parameter: a long list of
    uuids or numbers costs one bound value, not one each."""
    return f"{column} IN (SELECT value FROM json_each(:{parameter}))"


def planner_hint(column: str) -> str:
    """A column that SQLite's planner will not pick an index for (a unary +), so that it
    reads the covering index instead."""
    return f"+{column}"


# Reading a store file directly, before (or without) opening it as a store


def quick_check(db_path: Path) -> str:
    """SQLite's quick check of a store file: "ok", or what is wrong."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as con:
        try:
            # It reads every page once: a page cache of its default 2 MB would only
            # stay behind in the app's memory (DESIGN.md "Budgets": memory).
            con.execute("PRAGMA cache_size=-256")
            return str(con.execute("PRAGMA quick_check").fetchone()[0])
        except sqlite3.DatabaseError as error:
            return str(error)


def use_wal(db_path: Path) -> None:
    """Put a checked store in WAL mode (readers never block the writer), as its first
    writing connection would; a store that cannot be written stays as it is, and its
    first write says why."""
    try:
        with closing(sqlite3.connect(db_path, isolation_level=None)) as con:
            con.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            con.execute("PRAGMA journal_mode=WAL")
    except sqlite3.Error:
        pass


def read_revision(db_path: Path, *, integrity: bool = False) -> tuple[str | None, str, int]:
    """(schema revision or None for an empty file, integrity verdict, broken links).

    Raises StoreFileError for a file that is not a Kedut store (it is never touched)."""
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as con:
            verdict, problems = "ok", 0
            if integrity:
                verdict = str(con.execute("PRAGMA integrity_check").fetchone()[0])
                problems = len(con.execute("PRAGMA foreign_key_check").fetchall())
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
            if not tables:
                return None, verdict, problems
            if "alembic_version" not in tables:
                raise StoreFileError(_("{path} is not a Kedut diary").format(path=db_path))
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            if row is None and tables != {"alembic_version"}:
                # Tables without a version: making the schema again would fail halfway, and
                # guessing a version could migrate it wrongly. Left as it is.
                raise StoreFileError(
                    _(
                        "{path} does not say which version of the diary it holds (its version"
                        " table is empty)"
                    ).format(path=db_path)
                )
    except sqlite3.DatabaseError as error:
        # SQLite's own words ("file is not a database") are not the person's: say it plainly.
        if "malformed" in str(error):
            reason = _("{path} is damaged (malformed) and cannot be read")
        else:
            reason = _("{path} is not a Kedut diary: it cannot be read as a database")
        raise StoreFileError(reason.format(path=db_path)) from error
    return (None if row is None else str(row[0])), verdict, problems


def copy_database(source: Path, partial: Path) -> None:
    """A consistent copy of a live store (the online backup API), as one file."""
    with (
        sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src,
        sqlite3.connect(partial) as dst,
    ):
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file


def sqlite_instant(value: dt.datetime | None) -> str | None:
    """An aware instant as SQLAlchemy stores a UTCDateTime on SQLite (naive UTC text,
    "2026-11-20 14:30:00.000000"), written in C: a bulk insert's 100,000 distinct
    instants take a fifth of the time the type's two processors take."""
    if value is None:
        return None
    if value.utcoffset() is None:
        raise ValueError("UTCDateTime needs a time zone aware datetime")
    if value.tzinfo is not dt.UTC:
        value = value.astimezone(dt.UTC)
    return value.isoformat(" ", "microseconds")[:-6]  # without its "+00:00"


# The sync outbox (DESIGN.md: "every local edit writes its row and a pending-change record
# in the same SQLite transaction"). Triggers do it, so no repository, bulk import or raw
# statement can forget. They record only while the device syncs (outbox_mode 1); rows
# stored from the server (outbox_mode 2) are not changes of this device.

# A random (version 4) uuid, as SQLite can make one.
NEW_UUID = (
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||"
    " substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||"
    " substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
)
_RECORDING = "(SELECT outbox_mode FROM sync_state WHERE id = 1) = 1"
_NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now')"


def outbox_trigger_names(table: str) -> list[str]:
    return [f"sync_outbox_{table}_{op}" for op in ("insert", "update", "delete")]


def outbox_triggers(table: str, columns: Sequence[str]) -> list[str]:
    """CREATE TRIGGER statements that record every insert, update and delete of `table`;
    an update or delete keeps the values the record had (`columns`), the base of a
    three-way merge."""
    names = outbox_trigger_names(table)
    old_values = "json_object(" + ", ".join(f"'{c}', OLD.{c}" for c in columns) + ")"
    rows = {
        "insert": "'insert', NULL, NULL, NEW.uuid",
        "update": f"'update', OLD.sync_version, {old_values}, NEW.uuid",
        "delete": f"'delete', OLD.sync_version, {old_values}, OLD.uuid",
    }
    # Table and column names come from the models, never from input.
    return [
        f"CREATE TRIGGER {name} AFTER {op.upper()} ON {table} WHEN {_RECORDING} BEGIN"
        " INSERT INTO sync_outbox"
        " (change_id, table_name, op, base_version, base, record_uuid, made_at)"
        f" VALUES ({NEW_UUID}, '{table}', {rows[op]}, {_NOW}); END"
        for name, op in zip(names, rows, strict=True)
    ]


def installed_triggers(connection: Any) -> dict[str, str]:
    """name → SQL of the triggers in the store."""
    rows = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
    ).fetchall()
    return {str(name): str(sql) for name, sql in rows}


def insert_many(connection: Any, table: str, statement: str, rows: Sequence[Any]) -> None:
    """An INSERT of many rows whose outbox entries (and, for episodes, the per-day
    summary: tracker.storage.episode_days) are written in one statement each.

    The insert trigger costs about 9 µs a row even when it records nothing (its WHEN
    runs for every row): most of a ten-year import's insert. So it is dropped for the
    statement and made again from its own SQL, all inside the caller's transaction (a
    failure rolls the drop back too), and the entries it would have written, one per new
    row in the order the rows were given, are written by one INSERT … SELECT. The
    summary's insert trigger is dropped and made again the same way, and the new rows
    are added to the summary by one INSERT … SELECT … GROUP BY."""
    from tracker.storage import episode_days

    names = [f"sync_outbox_{table}_insert"]
    if table == "twitch_episode":
        names.append(episode_days.INSERT_TRIGGER)
    saved = {
        name: sql
        for name in names
        if (
            sql := connection.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
            ).scalar()
        )
        is not None
    }
    if not saved:
        connection.exec_driver_sql(statement, rows)
        return
    # New rows take the rowids after the largest one (no explicit id is given), so
    # those above it are the ones this statement adds.
    last = connection.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {table}").scalar()
    for name in saved:
        connection.exec_driver_sql(f"DROP TRIGGER {name}")
    try:
        connection.exec_driver_sql(statement, rows)
        if names[0] in saved:
            connection.exec_driver_sql(
                "INSERT INTO sync_outbox"
                " (change_id, table_name, op, base_version, base, record_uuid, made_at)"
                f" SELECT {NEW_UUID}, '{table}', 'insert', NULL, NULL, uuid, {_NOW}"
                f" FROM {table} WHERE rowid > ? AND {_RECORDING} ORDER BY rowid",
                (last,),
            )
        if episode_days.INSERT_TRIGGER in saved:
            episode_days.merge_inserted(connection, last)
    finally:
        # An error that rolled the whole transaction back (a full disk) took the drop back
        # with it: the trigger is there again, and making it twice would hide that error.
        for name, sql in saved.items():
            still = connection.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
            ).scalar()
            if still is None:
                connection.exec_driver_sql(sql)
