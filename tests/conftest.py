"""Fixtures every test folder may use. The PostgreSQL server starts only for the tests
that ask for it (sync), once per session, and is stopped at the end."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from tests.pg_server import PgServer

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    server = PgServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def household(pg_server: PgServer) -> str:
    """A fresh, empty database for one household: its sync URL (no password in it)."""
    if not pg_server.running():
        pg_server.start()  # a test before may have stopped it
    return pg_server.create_database(f"household_{next(_numbers)}")
