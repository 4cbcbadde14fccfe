"""The household server: a PostgreSQL database reached through psycopg 3, its schema made
and migrated by Kedut's own models and Alembic migrations through SQLAlchemy 2 (DESIGN.md
"One diary on several devices"). Day to day a sync speaks plain SQL on one psycopg
connection; SQLAlchemy loads only when the server's tables must be made or upgraded.

This is the only module of Kedut that imports the PostgreSQL driver, and the only one
that talks to the network: to the server the person named, and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid as uuid_module
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg.conninfo import conninfo_to_dict

from tracker.i18n import gettext as _
from tracker.storage.migrate import HEAD_REVISION, known_revisions
from tracker.storage.sync.errors import SyncError, explain

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
URL_EXAMPLE = "postgresql://name@host:5432/kedut?sslmode=verify-full"
_CREATE_LOCK = 20261130  # one device at a time makes or upgrades a household's tables
_PASSWORD = re.compile(r"^(?P<user>[^:@/?#]*):[^@/?#]*@")


@dataclass(frozen=True)
class ServerAddress:
    """A checked `postgresql://` address: what libpq is given, and its parts."""

    conninfo: str  # postgresql://… as given (a password in it is used, never stored)
    public: str  # the same without a password: what may be remembered and shown
    host: str
    port: int | None
    user: str
    database: str


MAX_PORT = 65535
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
"""PostgreSQL's `sslmode` values (libpq's own list)."""


def parse_url(given: str) -> ServerAddress:
    """The server address a person gave, checked; SyncError (bad input) if it is not a
    PostgreSQL address with a host and a database."""
    text = given.strip()
    wrong = _("{url!r} is not a server address; expected {example}")
    scheme, separator, rest = text.partition("://")
    if not separator or not scheme:
        raise SyncError(wrong.format(url=given, example=URL_EXAMPLE), bad_input=True)
    without_password = _PASSWORD.sub(r"\g<user>@", rest)
    public = f"postgresql://{without_password}"
    if scheme.lower() not in SCHEMES:
        raise SyncError(
            _(
                "{url!r} is not a PostgreSQL server (it starts with {scheme}://); "
                "expected {example}"
            ).format(url=f"{scheme}://{without_password}", scheme=scheme, example=URL_EXAMPLE),
            bad_input=True,
        )
    conninfo = f"postgresql://{rest}"
    try:
        parts = conninfo_to_dict(conninfo)
    except psycopg.Error:
        raise SyncError(wrong.format(url=public, example=URL_EXAMPLE), bad_input=True) from None
    port = str(parts.get("port") or "")
    if not parts.get("host") or not parts.get("dbname") or (port and not port.isdigit()):
        raise SyncError(wrong.format(url=public, example=URL_EXAMPLE), bad_input=True)
    if port and not 0 < int(port) <= MAX_PORT:
        raise SyncError(
            _("{url!r} has the port {port}; a port is a number from 1 to 65535").format(
                url=public, port=port
            ),
            bad_input=True,
        )
    sslmode = str(parts.get("sslmode") or "")
    if sslmode and sslmode not in SSL_MODES:
        raise SyncError(
            _("{url!r} asks for sslmode={mode}; the modes are: {modes}").format(
                url=public, mode=sslmode, modes=", ".join(SSL_MODES)
            ),
            bad_input=True,
        )
    return ServerAddress(
        conninfo=conninfo,
        public=public,
        host=str(parts["host"]),
        port=int(port) if port else None,
        user=str(parts.get("user") or ""),
        database=str(parts["dbname"]),
    )


def public_url(address: ServerAddress) -> str:
    """The address as it may be remembered and shown: never with a password."""
    return address.public


class Server:
    """One household's database, over one connection for the whole sync."""

    def __init__(self, address: ServerAddress) -> None:
        self.address = address
        self._connection: Any = None

    def _connect(self) -> Any:
        if self._connection is None or self._connection.closed:
            options: dict[str, Any] = {"application_name": "kedut"}
            if "connect_timeout" not in conninfo_to_dict(self.address.conninfo):
                options["connect_timeout"] = 5
            self._connection = psycopg.connect(self.address.conninfo, **options)
        return self._connection

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def failure(self, error: BaseException) -> SyncError:
        orig = getattr(error, "orig", None) or error
        address = self.address
        return explain(str(orig), address.host, address.port, address.user, address.database)

    @contextmanager
    def talking(self) -> Iterator[None]:
        """Any failure of the network or the server, as a SyncError in plain words."""
        try:
            yield
        except SyncError:
            raise
        except Exception as error:
            orig = getattr(error, "orig", error)
            if not isinstance(orig, psycopg.Error):
                raise
            self.close()  # a connection that failed is not used again
            if orig.sqlstate is not None and not orig.sqlstate.startswith(("08", "57")):
                # The server answered, and refused: not a network problem.
                detail = str(orig).strip().splitlines()[0]
                if orig.sqlstate != "42501":
                    raise SyncError(
                        _("the server at {where} refused the sync ({detail})").format(
                            where=f"{self.address.host}:{self.address.port or 5432}",
                            detail=detail,
                        )
                    ) from error
            if orig.sqlstate == "42501":
                raise SyncError(
                    _("the login {user} may not change the tables of {database}: grant it "
                      "(see the README)").format(
                        user=self.address.user, database=self.address.database
                    )
                ) from error  # fmt: skip
            raise self.failure(error) from error

    @contextmanager
    def writing(self) -> Iterator[Any]:
        """One server transaction, committed when the block ends without an error."""
        with self.talking():
            connection = self._connect()
            connection.isolation_level = psycopg.IsolationLevel.READ_COMMITTED
            connection.read_only = False
            with connection.transaction():
                yield connection

    @contextmanager
    def reading(self) -> Iterator[Any]:
        """One consistent snapshot of the server (pushes commit in number order, so it
        holds every change up to some number and none after)."""
        with self.talking():
            connection = self._connect()
            connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            connection.read_only = True
            with connection.transaction():
                yield connection

    def sqlalchemy_engine(self) -> Engine:
        """The same server for SQLAlchemy (the migrations): loaded only when needed."""
        from sqlalchemy import create_engine
        from sqlalchemy.pool import NullPool

        return create_engine(
            "postgresql+psycopg://",
            poolclass=NullPool,
            creator=lambda: psycopg.connect(self.address.conninfo, connect_timeout=5),
        )

    # The schema

    def open(self, *, upgrade: bool = False) -> str:
        """Check that the database is a Kedut household at this Kedut's schema (making
        the tables in an empty database); returns the household's id."""
        with self.reading() as connection:
            state = _inspect(connection)
        if state == "empty" or (state == "older" and upgrade):
            self._migrate(upgrade=upgrade)
            with self.reading() as connection:
                state = _inspect(connection)
        if state == "foreign":
            raise SyncError(
                _("the database {database} holds another application's tables; give "
                  "Kedut an empty database of its own (see the README)").format(
                    database=self.address.database
                ),
                bad_input=True,
            )  # fmt: skip
        if state == "newer":
            raise SyncError(
                _("the server's diary was made by a newer Kedut: update Kedut on this "
                  "device, then sync again")
            )  # fmt: skip
        if state == "older":
            raise SyncError(
                _("the server's diary is from an older Kedut: update the server first "
                  "(once every device runs this Kedut: sync --upgrade-server)")
            )  # fmt: skip
        with self.reading() as connection, connection.cursor() as cursor:
            cursor.execute("SELECT household FROM sync_household WHERE id = 1")
            return str(cursor.fetchone()[0])

    def has_profiles(self) -> bool:
        """Whether the household already keeps someone's diary."""
        with self.reading() as connection, connection.cursor() as cursor:
            cursor.execute("SELECT EXISTS (SELECT 1 FROM profile WHERE deleted_at IS NULL)")
            return bool(cursor.fetchone()[0])

    def _migrate(self, *, upgrade: bool) -> None:
        """Make (or upgrade) the household's tables with Kedut's migrations, one device at
        a time (another may be doing it: then there is nothing left to do)."""
        from alembic import command
        from sqlalchemy import text

        from tracker.storage.migrate import alembic_config

        engine = self.sqlalchemy_engine()
        try:
            with self.talking(), engine.connect() as connection, connection.begin():
                connection.execute(text(f"SELECT pg_advisory_xact_lock({_CREATE_LOCK})"))
                state = _inspect(connection.connection.driver_connection)
                if state == "empty" or (state == "older" and upgrade):
                    config = alembic_config()
                    config.attributes["connection"] = connection
                    command.upgrade(config, "head")
                    household = connection.execute(text("SELECT count(*) FROM sync_household"))
                    if household.scalar_one() == 0:
                        connection.execute(
                            text(
                                "INSERT INTO sync_household (id, household, created_at)"
                                " VALUES (1, :h, :t)"
                            ),
                            {
                                "h": str(uuid_module.uuid4()),
                                "t": dt.datetime.now(dt.UTC).replace(tzinfo=None),
                            },
                        )
        finally:
            engine.dispose()


def _inspect(connection: Any) -> str:
    """empty | foreign | current | older | newer: what the database holds."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        tables = {str(row[0]) for row in cursor.fetchall()}
        if not tables:
            return "empty"
        if not {"alembic_version", "profile", "twitch_episode"} <= tables:
            return "foreign"
        cursor.execute("SELECT version_num FROM alembic_version")
        row = cursor.fetchone()
    revision = None if row is None else str(row[0])
    if revision == HEAD_REVISION:
        return "current"
    return "older" if revision in known_revisions() else "newer"
