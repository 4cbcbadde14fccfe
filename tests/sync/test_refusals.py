"""What sync refuses, in the person's words (DESIGN.md): a malformed address, one that is
not PostgreSQL, a database that holds another application's tables (exit 2); a server
that cannot be reached, refuses the login or will not talk TLS, and a schema older or
newer than this Kedut's (exit 1). The diary on the device stays as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.pg_server import PgServer
from tests.sync.devices import Device, pending, snapshot

_STATE = "SELECT outbox_mode, device_id, household, server_url, pulled_through FROM sync_state"


def _sync_state(device: Device) -> tuple[object, ...]:
    with sqlite3.connect(device.db) as con:
        return tuple(con.execute(_STATE).fetchone())


@pytest.fixture
def device(tmp_path: Path, household: str) -> Device:
    device = Device(tmp_path / "laptop", household)
    device.ok("log", "twitch", "--at", "2026-11-20T21:30+07:00", "--side", "left")
    device.ok("log", "day", "--date", "2026-11-20", "--water-ml", "1500")
    return device


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("kedut at home", "is not a server address; expected postgresql://"),
        ("postgresql://", "is not a server address; expected postgresql://"),
        ("postgresql://me@home", "is not a server address"),  # no database
        ("postgresql://me@home:port/kedut", "is not a server address"),
        ("mysql://me@home/kedut", "is not a PostgreSQL server (it starts with mysql://)"),
        ("https://example.org/kedut", "is not a PostgreSQL server (it starts with https://)"),
        ("sqlite:///kedut.sqlite3", "is not a PostgreSQL server"),
        ("postgresql://me@home:99999/kedut", "has the port 99999; a port is a number from 1"),
        ("postgresql://me@home/kedut?sslmode=bogus", "asks for sslmode=bogus; the modes are"),
    ],
)
def test_an_address_that_is_not_a_postgresql_server_is_bad_input(
    device: Device, address: str, words: str
) -> None:
    before = snapshot(device.db), _sync_state(device)
    done = device.run("sync", "--server", address)
    assert done.returncode == 2, done.stderr
    assert words in done.stderr and "nothing was stored" in done.stderr
    assert "Traceback" not in done.stderr and "Error" not in done.stderr
    assert (snapshot(device.db), _sync_state(device)) == before
    assert pending(device.db) == 0


def test_no_server_given_and_none_remembered_says_how_to_give_one(device: Device) -> None:
    done = device.run("sync")
    assert done.returncode == 2
    assert "no sync server is set: give one with --server postgresql://" in done.stderr


def test_a_database_with_another_applications_tables_is_refused_and_left_alone(
    device: Device, pg_server: PgServer
) -> None:
    url = pg_server.create_database("shop")
    pg_server.psql("CREATE TABLE orders (id serial PRIMARY KEY, item text)", "shop")
    pg_server.psql("ALTER TABLE orders OWNER TO kedut", "shop")
    before = snapshot(device.db), _sync_state(device)
    done = device.run("sync", "--server", url)
    assert done.returncode == 2
    assert "the database shop holds another application's tables" in done.stderr
    assert (snapshot(device.db), _sync_state(device)) == before
    tables = pg_server.psql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1", "shop"
    )
    assert tables.split() == ["orders"]


@pytest.mark.parametrize(
    ("password", "address", "words"),
    [
        ("wrong", None, "refused the login kedut: check the password (PGPASSWORD or ~/.pgpass)"),
        ("", None, "refused the login kedut"),
        (None, "postgresql://kedut@nohost.invalid/kedut", "cannot find the server nohost.invalid"),
        (None, "postgresql://kedut@127.0.0.1:9/kedut", "127.0.0.1:9 is not answering"),
        (None, "postgresql://kedut@127.0.0.1:{port}/nothing_here", "has no database called"),
        (None, "{base}?sslmode=require", "offers no secure connection (TLS), and the address"),
    ],
)
def test_a_server_that_cannot_be_used_is_exit_1_and_the_diary_stays_usable(
    device: Device, pg_server: PgServer, password: str | None, address: str | None, words: str
) -> None:
    env = {} if password is None else {"PGPASSWORD": password}
    url = (address or device.url).format(port=pg_server.port, base=device.url.split("?")[0])
    before = snapshot(device.db)
    done = device.run("sync", "--server", url, env=env)
    assert done.returncode == 1, done.stderr
    assert words in done.stderr, done.stderr
    assert "this device's diary is as it was" in done.stderr
    assert "Traceback" not in done.stderr and "psycopg" not in done.stderr
    assert snapshot(device.db) == before
    # Still usable, and the failure is shown where the app shows it.
    device.ok("log", "twitch", "--at", "2026-11-21T07:00+07:00")
    assert len(device.export()["profiles"][0]["episodes"]) == 2
    with sqlite3.connect(device.db) as con:
        (error,) = con.execute("SELECT last_error FROM sync_state").fetchone()
    assert words in error


def test_a_server_that_is_down_is_exit_1_then_the_next_sync_goes_through(
    device: Device, pg_server: PgServer
) -> None:
    pg_server.stop()
    try:
        done = device.run("sync", "--server", device.url)
    finally:
        pg_server.start()
    assert done.returncode == 1
    assert "is not answering: is it running" in done.stderr
    assert device.sync() == (3, 0, 0)


def test_a_server_made_by_a_newer_kedut_asks_to_update_this_device(
    device: Device, pg_server: PgServer, tmp_path: Path
) -> None:
    Device(tmp_path / "other", device.url).sync()  # makes the household's tables
    database = device.url.split("/")[-1].split("?")[0]
    pg_server.psql("UPDATE alembic_version SET version_num = '9001'", database)
    done = device.run("sync", "--server", device.url)
    assert done.returncode == 1
    assert "made by a newer Kedut: update Kedut on this device" in done.stderr


def test_a_server_from_an_older_kedut_is_refused_until_it_is_upgraded(
    device: Device, pg_server: PgServer
) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from tracker.storage.migrate import alembic_config

    # The household's tables as an older Kedut made them (schema 0003).
    database = device.url.split("/")[-1].split("?")[0]
    engine = create_engine(pg_server.url(database, password=True).replace("://", "+psycopg://", 1))
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
    engine.dispose()
    done = device.run("sync", "--server", device.url)
    assert done.returncode == 1
    assert "from an older Kedut: update the server first" in done.stderr
    assert "sync --upgrade-server" in done.stderr
    assert pending(device.db) == 0
    out = device.ok("sync", "--server", device.url, "--upgrade-server")
    assert out.startswith("pushed 3")
