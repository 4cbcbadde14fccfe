"""The Trust issue from the command line: nothing a person logs is dropped, hidden or
erased, and nothing is stored that they did not ask for."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.integration.kedut_cli import PROJECT, TABLES, kedut, listed, row_counts
from tracker.domain import Episode, Profile
from tracker.formats.csv_files import FILES
from tracker.services.clock import system_now
from tracker.storage import UnitOfWork, open_store


def _ok(data_dir: Path, *args: str) -> str:
    result = kedut(data_dir, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _refused(data_dir: Path, *args: str) -> str:
    result = kedut(data_dir, *args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    return result.stderr


def _warnings(data_dir: Path, today: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(_ok(data_dir, "warnings", "--today", today, "--json"))[
        "warnings"
    ]
    return found


# Finding 1: a second twitch at the same minute, site and side was dropped.


def test_a_second_twitch_at_the_same_minute_is_stored_and_its_red_flag_warns(
    tmp_path: Path,
) -> None:
    first = _ok(tmp_path, "log", "twitch", "--at", "2026-11-28T20:36", "--intensity", "1")
    second = _ok(
        tmp_path,
        "log",
        "twitch",
        "--at",
        "2026-11-28T20:36",
        "--intensity",
        "3",
        "--weakness",
        "--note",
        "leg gave way",
    )
    assert first.strip() != second.strip()
    stored = listed(tmp_path)["episodes"]
    assert [(e["intensity"], e["weakness"], e["note"]) for e in stored] == [
        (1, False, None),
        (3, True, "leg gave way"),
    ]
    (red_flag,) = [w for w in _warnings(tmp_path, "2026-11-28") if w["rule"] == "red_flag"]
    assert red_flag["level"] == "see_doctor"
    assert red_flag["signs"] == ["weakness"] and red_flag["days"] == ["2026-11-28"]


def test_two_twitches_logged_in_the_same_second_are_two(tmp_path: Path) -> None:
    _ok(tmp_path, "profiles", "add", "Ani")  # the store exists before both start
    command = [sys.executable, str(PROJECT / "main.py"), "--data-dir", str(tmp_path)]
    both = [
        subprocess.Popen([*command, "log", "twitch"], stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    ids = {process.communicate(timeout=60)[0].strip() for process in both}
    assert [process.returncode for process in both] == [0, 0]
    assert len(ids) == 2
    assert len(listed(tmp_path)["episodes"]) == 2


# Finding 3: after `demo`, plain logging went into Demo, and `demo` erased it.


def test_after_demo_logging_goes_to_a_profile_of_ones_own_and_demo_leaves_it_alone(
    tmp_path: Path,
) -> None:
    _ok(tmp_path, "demo", "--days", "30", "--end", "2026-11-25")
    demo_before = kedut(tmp_path, "--profile", "Demo", "list", "--format", "json").stdout
    _ok(tmp_path, "log", "twitch", "--at", "2026-11-26T07:00+07:00", "--note", "mine")
    _ok(tmp_path, "log", "day", "--date", "2026-11-26", "--sleep-h", "6")
    assert _ok(tmp_path, "profiles").split() == ["Demo", "Me"]
    mine = listed(tmp_path)
    assert mine["profile"] == "Me"
    assert [e["note"] for e in mine["episodes"]] == ["mine"]
    assert kedut(tmp_path, "--profile", "Demo", "list", "--format", "json").stdout == demo_before

    _ok(tmp_path, "demo", "--days", "30", "--end", "2026-11-25")  # rebuilt: Me untouched
    assert listed(tmp_path) == mine


def test_the_demo_profile_takes_no_entries_of_ones_own(tmp_path: Path) -> None:
    _ok(tmp_path, "demo", "--days", "10", "--end", "2026-11-25")
    before = row_counts(tmp_path / "kedut.sqlite3")
    demo_twitch = json.loads(_ok(tmp_path, "--profile", "Demo", "list", "--format", "json"))[
        "episodes"
    ][0]["id"]
    episodes = tmp_path / "episodes.csv"
    episodes.write_text(
        ",".join(FILES["episodes.csv"]) + "\n,2026-11-20T10:00:00+07:00,knee,left,2,,,0,0,0,0,0,\n"
    )
    for args in (
        ("log", "twitch"),
        ("log", "day", "--date", "2026-11-20", "--sleep-h", "7"),
        ("log", "medication", "--name", "X", "--kind", "other", "--from", "2026-11-20"),
        ("log", "remedy", "--date", "2026-11-20", "--remedy", "rest"),
        ("edit", "twitch", str(demo_twitch), "--intensity", "4"),
        ("import", str(episodes)),
    ):
        message = _refused(tmp_path, "--profile", "Demo", *args)
        assert (
            "(--profile): Demo holds the sample diary and takes no entries of your own" in message
        )
    assert row_counts(tmp_path / "kedut.sqlite3") == before
    assert "a name other than Demo" in _refused(tmp_path, "profiles", "add", "demo")


def test_demo_never_erases_twitches_a_person_logged_into_it(tmp_path: Path) -> None:
    # Older versions logged into Demo by default: such a diary is kept, not rebuilt.
    _ok(tmp_path, "demo", "--days", "10", "--end", "2026-11-25")
    store = open_store(tmp_path)
    later = system_now() + dt.timedelta(hours=1)
    with UnitOfWork(store) as uow:
        demo = uow.profiles.by_name("Demo")
        assert demo is not None and demo.id is not None
        moment = dt.datetime(2026, 11, 26, 7, 0, tzinfo=dt.UTC)
        uow.episodes.add(demo.id, Episode(started_at=moment, utc_offset_min=0), later)
        uow.commit()
    store.close()
    before = row_counts(tmp_path / "kedut.sqlite3")
    message = _refused(tmp_path, "demo", "--days", "10", "--end", "2026-11-25")
    assert "the Demo profile holds 1 twitch you logged yourself" in message
    assert "profiles rename Demo NEW_NAME" in message
    assert row_counts(tmp_path / "kedut.sqlite3") == before


def test_demo_never_erases_a_profile_of_ones_own_whose_name_differs_only_in_case(
    tmp_path: Path,
) -> None:
    store = open_store(tmp_path)  # older versions let a person name a profile "demo"
    with UnitOfWork(store) as uow:
        uow.profiles.add(Profile(name="demo"), system_now())
        uow.commit()
    store.close()
    _ok(tmp_path, "log", "twitch", "--at", "2026-11-20T10:00+07:00")
    before = row_counts(tmp_path / "kedut.sqlite3")
    message = _refused(tmp_path, "demo", "--days", "10", "--end", "2026-11-25")
    assert "the profile 'demo' is your own, not the sample diary; rename it" in message
    assert row_counts(tmp_path / "kedut.sqlite3") == before


# Finding 7: yes/no factors could only be logged as "yes".


def test_yes_no_day_factors_take_yes_no_or_not_logged(tmp_path: Path) -> None:
    _ok(
        tmp_path,
        "log",
        "day",
        "--date",
        "2026-11-25",
        "--no-diarrhea",
        "--calcium-rich-food",
        "--no-vitamin-supplement",
    )
    (day,) = listed(tmp_path)["days"]
    factors = ("diarrhea", "calcium_rich_food", "magnesium_rich_food", "vitamin_supplement")
    assert [day[f] for f in factors] == [False, True, None, False]
    _ok(tmp_path, "log", "day", "--date", "2026-11-25", "--diarrhea", "--no-calcium-rich-food")
    (day,) = listed(tmp_path)["days"]
    assert [day[f] for f in factors] == [True, False, None, False]


# Finding 8: dates in the future were accepted, then ignored by warnings and report.


def _in(days: int = 0, hours: int = 0) -> dt.datetime:
    return system_now() + dt.timedelta(days=days, hours=hours)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("log", "twitch", "--at", _in(hours=2).isoformat(timespec="minutes")), "(--at): "),
        (("log", "twitch", "--at", _in(days=400).isoformat(timespec="minutes")), "(--at): "),
        (("log", "day", "--date", _in(days=2).date().isoformat()), "(--date): "),
        (
            (
                *("log", "medication", "--name", "X", "--kind", "other"),
                *("--from", _in(days=5).date().isoformat()),
            ),
            f"(--from): {_in(days=5).date().isoformat()} is in the future (today is ",
        ),
        (
            (
                *("log", "medication", "--name", "X", "--kind", "other"),
                *("--from", "2026-11-01", "--to", _in(days=3).date().isoformat()),
            ),
            "(--to): ",
        ),
        (
            ("log", "remedy", "--date", _in(days=2).date().isoformat(), "--remedy", "rest"),
            "(--date): ",
        ),
    ],
    ids=["twitch tonight", "twitch next year", "day", "medication from", "medication to", "remedy"],
)
def test_an_entry_dated_in_the_future_is_refused(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    stderr = _refused(tmp_path, *args)
    assert message in stderr
    assert "in the future" in stderr or "has not happened yet" in stderr
    assert row_counts(tmp_path / "kedut.sqlite3") == dict.fromkeys(TABLES, 0)


def test_an_evening_time_typed_in_the_afternoon_is_refused_with_a_hint(tmp_path: Path) -> None:
    tonight = _in(hours=3).replace(second=0, microsecond=0)
    stderr = _refused(tmp_path, "log", "twitch", "--at", tonight.isoformat())
    assert f"(--at): {tonight:%Y-%m-%d %H:%M} has not happened yet (it is now " in stderr
    assert "for last night, give yesterday's date" in stderr


def test_tomorrow_and_a_moment_ago_are_still_accepted(tmp_path: Path) -> None:
    tomorrow = _in(days=1).date().isoformat()
    _ok(tmp_path, "log", "day", "--date", tomorrow, "--sleep-h", "7")
    _ok(tmp_path, "log", "twitch", "--at", _in(hours=-1).isoformat(timespec="seconds"))
    _ok(tmp_path, "log", "twitch", "--at", (_in() + dt.timedelta(minutes=2)).isoformat())
    assert len(listed(tmp_path)["episodes"]) == 2


def test_an_edit_into_the_future_is_refused_too(tmp_path: Path) -> None:
    _ok(tmp_path, "log", "twitch", "--at", "2026-11-20T10:00+07:00")
    _ok(tmp_path, "log", "medication", "--name", "X", "--kind", "other", "--from", "2026-11-01")
    _ok(tmp_path, "log", "remedy", "--date", "2026-11-20", "--remedy", "rest")
    before = listed(tmp_path)
    soon = _in(days=3).date().isoformat()
    assert "(--at): " in _refused(tmp_path, "edit", "twitch", "1", "--at", f"{soon}T10:00")
    assert "(--to): " in _refused(tmp_path, "edit", "medication", "1", "--to", soon)
    assert "(--date): " in _refused(tmp_path, "edit", "remedy", "1", "--date", soon)
    assert listed(tmp_path) == before


# Finding 11: report and chart failed on a new diary; reads must store nothing.


def test_every_read_works_on_a_new_diary_and_stores_nothing(tmp_path: Path) -> None:
    for args in (
        ("report", "--out", str(tmp_path / "report.pdf")),
        ("chart", "--out", str(tmp_path / "chart.png")),
        ("chart", "--kind", "calendar", "--out", str(tmp_path / "calendar.svg")),
        ("insights", "--json"),
        ("warnings", "--json"),
        ("list",),
        ("export", "--format", "csv", "--out", str(tmp_path / "csv")),
    ):
        _ok(tmp_path / "diary", *args)
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "chart.png").read_bytes().startswith(b"\x89PNG")
    assert row_counts(tmp_path / "diary" / "kedut.sqlite3") == dict.fromkeys(TABLES, 0)


# Finding 13: a long read made a command-line write wait or fail.


def test_a_log_returns_at_once_while_a_long_read_is_open(tmp_path: Path) -> None:
    _ok(tmp_path, "log", "twitch", "--at", "2026-11-20T10:00+07:00")
    store = open_store(tmp_path)
    try:
        with UnitOfWork.reading(store) as uow:
            assert len(uow.episodes.between(1, None, None)) == 1  # the read is under way
            result = kedut(tmp_path, "log", "twitch", "--at", "2026-11-21T10:00+07:00")
            assert result.returncode == 0, result.stderr
            assert len(uow.episodes.between(1, None, None)) == 1  # its own snapshot
    finally:
        store.close()
    assert len(listed(tmp_path)["episodes"]) == 2
