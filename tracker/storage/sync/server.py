"""The household server: a PostgreSQL database reached through SQLAlchemy and psycopg,
its schema made by Kedut's own migrations (DESIGN.md "One diary on several devices").

This module and tracker.storage.sync.push are the only parts of Kedut that talk to the
network, and only to the server the person named.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import NullPool

from tracker.i18n import gettext as _
from tracker.storage.migrate import HEAD_REVISION, alembic_config, known_revisions
from tracker.storage.sync.errors import SyncError, explain

SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
URL_EXAMPLE = "postgresql://name@host:5432/kedut?sslmode=verify-full"
_CREATE_LOCK = 20261130  # one device at a time makes or upgrades a household's tables


def parse_url(given: str) -> URL:
    """The server address a person gave, checked; SyncError (bad input) if it is not a
    PostgreSQL address with a host and a database."""
    wrong = _("{url!r} is not a server address; expected {example}")
    try:
        url = make_url(given.strip())
        url.port  # noqa: B018  (a port that is not a number raises here)
    except (ArgumentError, ValueError):
        raise SyncError(wrong.format(url=given, example=URL_EXAMPLE), bad_input=True) from None
    if url.drivername not in SCHEMES:
        raise SyncError(
            _(
                "{url!r} is not a PostgreSQL server (it starts with {scheme}://); "
                "expected {example}"
            ).format(url=public_url(url), scheme=url.drivername, example=URL_EXAMPLE),
            bad_input=True,
        )
    if not url.host or not url.database:
        raise SyncError(wrong.format(url=public_url(url), example=URL_EXAMPLE), bad_input=True)
    return url


def public_url(url: URL) -> str:
    """The address as it may be remembered and shown: never with a password."""
    return url.set(password=None).render_as_string(hide_password=False)


class Server:
    """A connection to one household's database (one engine, no pool: a sync is short)."""

    def __init__(self, url: URL) -> None:
        self.url = url
        query = dict(url.query)
        connect_args: dict[str, Any] = {"application_name": "kedut"}
        if "connect_timeout" not in query:
            connect_args["connect_timeout"] = 5
        self.engine: Engine = create_engine(
            url.set(drivername="postgresql+psycopg"),
            poolclass=NullPool,
            connect_args=connect_args,
        )

    def close(self) -> None:
        self.engine.dispose()

    def failure(self, error: BaseException) -> SyncError:
        orig = getattr(error, "orig", None) or error
        return explain(
            str(orig), self.url.host or "", self.url.port, self.url.username or "",
            self.url.database or "",
        )  # fmt: skip

    @contextmanager
    def talking(self) -> Iterator[None]:
        """Any failure of the network or the server, as a SyncError in plain words."""
        try:
            yield
        except SyncError:
            raise
        except (DBAPIError, psycopg.Error) as error:
            sqlstate = getattr(getattr(error, "orig", error), "sqlstate", None)
            if sqlstate == "42501":
                raise SyncError(
                    _(
                        "the login {user} may not change the tables of {database}: grant it "
                        "(see the README)"
                    ).format(user=self.url.username, database=self.url.database)
                ) from error
            raise self.failure(error) from error

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One server transaction, committed when the block ends without an error."""
        with self.talking(), self.engine.begin() as connection:
            yield connection

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """One consistent snapshot of the server (pushes commit in number order, so it
        holds every change up to some number and none after)."""
        with self.talking(), self.engine.connect() as connection:
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                yield connection

    # The schema

    def open(self, *, upgrade: bool = False) -> str:
        """Check that the database is a Kedut household at this Kedut's schema (making
        the tables in an empty database); returns the household's id."""
        with self.talking(), self.engine.connect() as connection:
            state = self._inspect(connection)
            connection.rollback()
            if state == "empty" or (state == "older" and upgrade):
                with connection.begin():
                    connection.execute(text(f"SELECT pg_advisory_xact_lock({_CREATE_LOCK})"))
                    state = self._inspect(connection)  # another device may have done it
                    if state == "empty" or (state == "older" and upgrade):
                        self._migrate(connection)
                state = self._inspect(connection)
                connection.rollback()
            if state == "foreign":
                raise SyncError(
                    _(
                        "the database {database} holds another application's tables; give "
                        "Kedut an empty database of its own (see the README)"
                    ).format(database=self.url.database),
                    bad_input=True,
                )
            if state == "newer":
                raise SyncError(
                    _(
                        "the server's diary was made by a newer Kedut: update Kedut on this "
                        "device, then sync again"
                    )
                )
            if state == "older":
                raise SyncError(
                    _(
                        "the server's diary is from an older Kedut: update the server first "
                        "(once every device runs this Kedut: sync --upgrade-server)"
                    )
                )
            household = connection.execute(
                text("SELECT household FROM sync_household WHERE id = 1")
            ).scalar_one()
            connection.rollback()
        return str(household)

    def has_profiles(self) -> bool:
        """Whether the household already keeps someone's diary."""
        with self.reading() as connection:
            return bool(
                connection.execute(
                    text("SELECT EXISTS (SELECT 1 FROM profile WHERE deleted_at IS NULL)")
                ).scalar_one()
            )

    def _inspect(self, connection: Connection) -> str:
        tables = set(
            connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            ).scalars()
        )
        if not tables:
            return "empty"
        if not {"alembic_version", "profile", "twitch_episode"} <= tables:
            return "foreign"
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if revision == HEAD_REVISION:
            return "current"
        return "older" if revision in known_revisions() else "newer"

    def _migrate(self, connection: Connection) -> None:
        from alembic import command

        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        if connection.execute(text("SELECT count(*) FROM sync_household")).scalar_one() == 0:
            connection.execute(
                text("INSERT INTO sync_household (id, household, created_at) VALUES (1, :h, :t)"),
                {"h": str(uuid_module.uuid4()), "t": dt.datetime.now(dt.UTC).replace(tzinfo=None)},
            )
