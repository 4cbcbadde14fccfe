"""Bad input: exit code 2, a message on stderr that names the field and what is
allowed, and nothing stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.integration.kedut_cli import TABLES, kedut, row_counts

BAD_INPUT = [
    (
        ("log", "twitch", "--intensity", "7"),
        "(--intensity): 7 is not allowed (allowed: whole numbers 0–4)",
    ),
    (
        ("log", "twitch", "--duration-s", "0"),
        "(--duration-s): 0 is not allowed (allowed: whole numbers 1–86400)",
    ),
    (("log", "twitch", "--side", "up"), "--side: 'up' is not one of the choices ("),
    (("log", "twitch", "--intensity", "two"), "--intensity: 'two' is not a whole number"),
    (
        ("log", "twitch", "--at", "yesterday"),
        "--at: 'yesterday' is not an ISO 8601 date and time",
    ),
    (
        ("log", "twitch", "--at", "1850-01-01T10:00+07:00"),
        "(--at): '1850-01-01T10:00:00+07:00' is not allowed",
    ),
    (
        ("log", "twitch", "--note", "x" * 2001),
        "(--note): 2001 characters is not allowed (allowed: 0–2000 characters)",
    ),
    (
        ("log", "day", "--date", "2026-11-25", "--sleep-h", "25"),
        "(--sleep-h): 25 is not allowed (allowed: numbers 0–24)",
    ),
    (
        ("log", "day", "--date", "2026-11-25", "--sleep-h", "nan"),
        "--sleep-h: 'nan' is not a number",
    ),
    (
        ("log", "day", "--date", "2026-11-25", "--water-ml", "20001"),
        "(--water-ml): 20001 is not allowed (allowed: whole numbers 0–20000)",
    ),
    (("log", "day", "--date", "2026-02-30"), "--date: '2026-02-30' is not a date"),
    (
        (
            "log",
            "medication",
            "--name",
            "X",
            "--kind",
            "diuretic",
            "--from",
            "2026-11-02",
            "--to",
            "2026-11-01",
        ),
        "(--to): 2026-11-01 is not allowed (allowed: on or after the day it was started "
        "(2026-11-02))",
    ),
    (
        ("log", "remedy", "--date", "2026-11-25", "--remedy", "sleep"),
        "--remedy: 'sleep' is not one of the choices",
    ),
    (
        ("log", "remedy", "--date", "2026-11-25", "--remedy", "rest", "--helped", "5"),
        "(--helped): 5 is not allowed (allowed: whole numbers 0–4)",
    ),
    (("--profile", "Nobody", "log", "twitch"), "profile: 'Nobody' not found (existing: -)"),
    # edit, delete and undelete name the entry by the id `list` shows or by its uuid.
    (
        ("edit", "twitch", "abc", "--intensity", "1"),
        "ID|UUID: 'abc' is not an id from list or a UUID (for example 12)",
    ),
    (
        ("edit", "twitch", "5", "--intensity", "2"),
        "there is no twitch 5 in Me's diary (list shows what there is); nothing was stored",
    ),
    (("edit", "twitch", "5"), "edit twitch: give at least one option to change"),
    (("edit", "twitch", "5", "--at", "soon"), "--at: 'soon' is not an ISO 8601 date"),
    (("edit", "day", "2026-11-31", "--stress", "1"), "DATE: '2026-11-31' is not a date"),
    (("edit", "day", "2026-11-25", "--stress", "1"), "there is no day log 2026-11-25 in Me's"),
    (
        ("edit", "medication", "1", "--to", "2026-11-01", "--still-taking"),
        "--still-taking cannot be used together with --to",
    ),
    (("edit", "medication", "1", "--kind", "vitamin"), "--kind: 'vitamin' is not one of"),
    (("edit", "medication", "1", "--name", "X"), "there is no medication 1 in Me's diary"),
    (("edit", "remedy", "1", "--helped", "2"), "there is no remedy 1 in Me's diary"),
    (("delete", "twitch", "1"), "there is no twitch 1 in Me's diary"),
    (("delete", "day", "2026-11-25"), "there is no day log 2026-11-25 in Me's diary"),
    (
        ("delete", "medication", "123E4567-E89B-12D3-A456-426614174000"),
        "there is no medication 123e4567-e89b-12d3-a456-426614174000 in Me's diary",
    ),
    (("undelete", "remedy", "3"), "there is no remedy 3 in Me's diary"),
    (("undelete", "twitch"), "these are required: ID|UUID"),
    (("delete", "episode", "1"), "WHAT: 'episode' is not one of the choices"),
    # profiles
    (
        ("profiles", "add", "Demo"),
        "Name: 'Demo' is not allowed (allowed: a name other than Demo (the sample diary's))",
    ),
    (
        ("profiles", "rename", "Ani"),
        "profiles rename: 'Ani' is not allowed (allowed: profiles rename OLD NEW)",
    ),
    (("profiles", "rename", "Ani", "Budi"), "profile: 'Ani' not found (existing: -)"),
    (("profiles", "delete", "Ani", "--yes"), "profile: 'Ani' not found (existing: -)"),
    (("profiles", "remove", "Ani"), "action: 'remove' is not one of the choices"),
    # conflicts: the option the person typed, not an internal name
    (
        ("conflicts", "--use-other", "77"),
        "--use-other: 77 is not allowed (allowed: the number of an open conflict",
    ),
    (("conflicts", "--keep-shown", "3"), "--keep-shown: 3 is not allowed"),
]


@pytest.mark.parametrize(
    ("args", "message"), BAD_INPUT, ids=[" ".join(a)[:50] for a, _ in BAD_INPUT]
)
def test_bad_input_exits_2_names_the_field_and_stores_nothing(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = kedut(tmp_path, *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert row_counts(tmp_path / "kedut.sqlite3") == dict.fromkeys(TABLES, 0)


def test_a_refused_value_leaves_earlier_entries_as_they_were(tmp_path: Path) -> None:
    assert kedut(tmp_path, "log", "day", "--date", "2026-11-25", "--sleep-h", "7").returncode == 0
    before = row_counts(tmp_path / "kedut.sqlite3")
    result = kedut(
        tmp_path, "log", "day", "--date", "2026-11-25", "--sleep-h", "7.5", "--stress", "9"
    )
    assert result.returncode == 2
    refused = "(--stress): 9 is not allowed (allowed: whole numbers 0–4); nothing was stored"
    assert refused in result.stderr
    assert row_counts(tmp_path / "kedut.sqlite3") == before
    listed = kedut(tmp_path, "list", "--format", "csv").returncode
    assert listed == 0


def test_a_file_that_is_not_a_kedut_store_is_refused_and_left_untouched(tmp_path: Path) -> None:
    foreign = tmp_path / "kedut.sqlite3"
    foreign.write_bytes(b"these are my tax notes, not a database\n" * 100)
    before = foreign.read_bytes()
    result = kedut(tmp_path, "log", "twitch")
    assert result.returncode == 1
    assert "is not a Kedut diary: it cannot be read as a database" in result.stderr
    assert foreign.read_bytes() == before


def test_a_diary_whose_version_table_is_empty_is_refused_and_left_untouched(
    tmp_path: Path,
) -> None:
    """Its tables are there but it does not say which schema they are: making the schema
    again failed halfway ("table profile already exists"); now it is refused in words."""
    assert kedut(tmp_path, "log", "twitch").returncode == 0
    store = tmp_path / "kedut.sqlite3"
    with sqlite3.connect(store) as con:
        con.execute("DELETE FROM alembic_version")
    con.close()
    before = store.read_bytes()
    result = kedut(tmp_path, "log", "twitch")
    assert result.returncode == 1
    assert result.stderr.endswith(
        "does not say which version of the diary it holds (its version table is empty);"
        " it was left untouched\n"
    ), result.stderr
    assert "Traceback" not in result.stderr
    assert store.read_bytes() == before
