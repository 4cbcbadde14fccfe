"""Two and three devices, each with its own data dir, meet through one PostgreSQL server
(DESIGN.md "One diary on several devices"): everything travels, offline edits converge in
any order, a day merges field by field, deletes travel, a real conflict keeps both
values, and syncing again changes nothing."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from tests.pg_server import PgServer
from tests.sync.devices import Device, pending, snapshot

DAY = "2026-11-20"


def _devices(tmp_path: Path, url: str, count: int) -> list[Device]:
    return [Device(tmp_path / f"device{n}", url) for n in range(1, count + 1)]


def _same_everywhere(*devices: Device) -> None:
    first = devices[0]
    for other in devices[1:]:
        assert snapshot(other.db) == snapshot(first.db)
        assert other.export() == first.export()


def test_first_sync_both_ways_then_a_sync_again_changes_nothing(
    tmp_path: Path, household: str
) -> None:
    laptop, tablet = _devices(tmp_path, household, 2)
    laptop.ok("log", "twitch", "--at", "2026-11-20T21:30+07:00", "--side", "left", "--pain")
    laptop.ok("log", "day", "--date", DAY, "--sleep-h", "6.5", "--water-ml", "1500")
    laptop.ok("log", "medication", "--name", "Furosemide", "--kind", "diuretic", "--from", DAY)
    laptop.ok("log", "remedy", "--date", DAY, "--remedy", "stretching", "--helped", "3")
    laptop.ok("profiles", "add", "Budi")
    laptop.ok("--profile", "Budi", "log", "twitch", "--at", "2026-11-19T08:00+07:00")

    assert laptop.sync() == (7, 0, 0)  # two profiles, two twitches, a day, a pill, a remedy
    assert tablet.sync() == (0, 7, 0)
    _same_everywhere(laptop, tablet)
    assert "Budi" in tablet.ok("profiles")

    before = snapshot(laptop.db)
    assert laptop.sync() == (0, 0, 0)
    assert tablet.sync() == (0, 0, 0)
    assert snapshot(laptop.db) == before == snapshot(tablet.db)
    assert pending(laptop.db) == pending(tablet.db) == 0
    # The address is remembered, without any password.
    assert tablet.ok("sync").startswith("pushed 0, pulled 0")


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_offline_edits_on_three_devices_converge_in_every_order(
    tmp_path: Path, household: str, order: tuple[int, ...]
) -> None:
    devices = _devices(tmp_path, household, 3)
    first = devices[0]
    first.ok("log", "day", "--date", DAY, "--sleep-h", "7")
    for device in devices:
        device.sync()
    # Offline, each device changes something of its own.
    devices[0].ok("log", "twitch", "--at", "2026-11-21T07:00+07:00", "--intensity", "3")
    devices[1].ok("log", "day", "--date", DAY, "--water-ml", "2000")
    devices[2].ok("log", "remedy", "--date", DAY, "--remedy", "rest")
    devices[2].ok("log", "day", "--date", "2026-11-21", "--stress", "2")
    for index in order:
        devices[index].sync()
    for index in order:  # everyone syncs once more and has what the others did
        devices[index].sync()
    _same_everywhere(*devices)
    day = next(d for d in devices[1].export()["profiles"][0]["days"] if d["date"] == DAY)
    assert (day["sleep_h"], day["water_ml"]) == (7, 2000)


def test_one_day_merges_field_by_field(tmp_path: Path, household: str) -> None:
    laptop, tablet = _devices(tmp_path, household, 2)
    laptop.ok("log", "day", "--date", DAY, "--sleep-h", "7")
    laptop.sync()
    tablet.sync()
    laptop.ok("log", "day", "--date", DAY, "--water-ml", "1750")
    tablet.ok("log", "day", "--date", DAY, "--stress", "3", "--diarrhea")
    laptop.sync()
    assert tablet.sync() == (1, 1, 0)  # no conflict: different fields
    laptop.sync()
    _same_everywhere(laptop, tablet)
    listed = laptop.ok("list", "--format", "json")
    assert '"water_ml": 1750' in listed and '"stress": 3' in listed
    assert '"diarrhea": true' in listed and '"sleep_h": 7' in listed
    assert laptop.conflicts() == []


def test_deletes_travel_and_so_does_undo(tmp_path: Path, household: str) -> None:
    laptop, tablet = _devices(tmp_path, household, 2)
    first = laptop.ok("log", "twitch", "--at", "2026-11-20T10:00+07:00").strip()
    laptop.ok("log", "twitch", "--at", "2026-11-20T11:00+07:00")
    laptop.ok("log", "day", "--date", DAY, "--sleep-h", "8")
    laptop.sync()
    tablet.sync()
    assert len(tablet.export()["profiles"][0]["episodes"]) == 2

    laptop.ok("delete", "twitch", first)
    laptop.sync()
    tablet.sync()
    _same_everywhere(laptop, tablet)
    live = [e for e in tablet.export()["profiles"][0]["episodes"] if not e["deleted_at"]]
    assert len(live) == 1
    # Undo on the tablet travels back.
    tablet.ok("undelete", "twitch", _uuid_of(laptop, first))
    tablet.sync()
    laptop.sync()
    _same_everywhere(laptop, tablet)
    assert len(laptop.export()["profiles"][0]["episodes"]) == 2
    assert all(not e["deleted_at"] for e in laptop.export()["profiles"][0]["episodes"])
    # A day deleted on one device is gone on the other.
    tablet.ok("delete", "day", DAY)
    tablet.sync()
    laptop.sync()
    assert laptop.export()["profiles"][0]["days"] == tablet.export()["profiles"][0]["days"]
    assert json.loads(laptop.ok("list", "--format", "json"))["days"] == []


def _uuid_of(device: Device, episode_id: str) -> str:
    import sqlite3

    with sqlite3.connect(device.db) as con:
        (found,) = con.execute(
            "SELECT uuid FROM twitch_episode WHERE id = ?", (int(episode_id),)
        ).fetchone()
    return str(found)


def test_a_real_conflict_shows_the_later_value_and_keeps_the_other(
    tmp_path: Path, household: str
) -> None:
    laptop, tablet = _devices(tmp_path, household, 2)
    laptop.ok("log", "day", "--date", DAY, "--water-ml", "1000")
    laptop.sync()
    tablet.sync()
    tablet.ok("log", "day", "--date", DAY, "--water-ml", "1500")  # first …
    laptop.ok("log", "day", "--date", DAY, "--water-ml", "2250")  # … and later
    assert tablet.sync() == (1, 0, 0)
    assert laptop.sync() == (1, 2, 1)  # its day came back merged, with the conflict
    assert tablet.sync() == (0, 2, 1)
    _same_everywhere(laptop, tablet)
    assert '"water_ml": 2250' in tablet.ok("list", "--format", "json")
    (conflict,) = tablet.conflicts()
    assert (conflict["field"], conflict["shown"], conflict["other"]) == ("water_ml", 2250, 1500)
    assert conflict["table"] == "day_log" and conflict["entry"] == "Day log, 20 Nov 2026"
    table = tablet.ok("conflicts")
    assert "Water (ml)" in table and "2250" in table and "1500" in table

    # The person picks the other value on the tablet; the laptop follows.
    tablet.ok("conflicts", "--use-other", str(conflict["id"]))
    tablet.sync()
    laptop.sync()
    _same_everywhere(laptop, tablet)
    assert '"water_ml": 1500' in laptop.ok("list", "--format", "json")
    assert laptop.conflicts() == tablet.conflicts() == []


def test_each_device_may_log_in_as_itself(tmp_path: Path, pg_server: PgServer) -> None:
    """The README's set-up: a household role owns the database, each device has its own
    login in that role."""
    pg_server.psql("CREATE ROLE home NOLOGIN")
    for name in ("laptop", "tablet"):
        pg_server.psql(f"CREATE ROLE {name} LOGIN PASSWORD '{name}-pw' IN ROLE home")
        pg_server.psql(f"ALTER ROLE {name} SET role = 'home'")
    pg_server.create_database("home_diary", owner="home")
    laptop = Device(tmp_path / "laptop", pg_server.url("home_diary", role="laptop"), "laptop-pw")
    tablet = Device(tmp_path / "tablet", pg_server.url("home_diary", role="tablet"), "tablet-pw")
    laptop.ok("log", "day", "--date", DAY, "--water-ml", "1000")
    laptop.sync()
    tablet.sync()
    tablet.ok("log", "day", "--date", DAY, "--water-ml", "1500")
    laptop.ok("log", "day", "--date", DAY, "--water-ml", "2000")
    tablet.sync()
    laptop.sync()
    (conflict,) = laptop.conflicts()
    assert conflict["other_by"] == "tablet"  # whose value was set aside


def test_two_devices_that_each_logged_as_me_keep_two_profiles_told_apart(
    tmp_path: Path, household: str
) -> None:
    """Profiles are matched by uuid, never by name: two diaries started apart stay two."""
    laptop, tablet = _devices(tmp_path, household, 2)
    laptop.ok("log", "twitch", "--at", "2026-11-20T10:00+07:00")
    tablet.ok("log", "twitch", "--at", "2026-11-20T11:00+07:00")
    laptop.sync()
    tablet.sync()
    laptop.sync()
    _same_everywhere(laptop, tablet)
    assert sorted(tablet.ok("profiles").split("\n")[:2]) == ["Me", "Me (2)"]


def test_a_third_me_becomes_me_3_with_no_conflict_with_itself(
    tmp_path: Path, household: str
) -> None:
    """A device whose own "Me" meets the household's "Me" and "Me (2)" names it
    "Me (3)", as the server would: never "Me (2) (2)", and no conflict over the name."""
    laptop, tablet, desk = _devices(tmp_path, household, 3)
    for device, hour in ((laptop, 10), (tablet, 11), (desk, 12)):
        device.ok("log", "twitch", "--at", f"2026-11-20T{hour}:00+07:00")
    laptop.sync()
    tablet.sync()
    desk.sync()
    laptop.sync()
    tablet.sync()
    _same_everywhere(laptop, tablet, desk)
    assert sorted(desk.ok("profiles").split("\n")[:3]) == ["Me", "Me (2)", "Me (3)"]
    assert [device.conflicts() for device in (laptop, tablet, desk)] == [[], [], []]


def test_an_import_after_joining_syncs_every_row_to_another_device(
    tmp_path: Path, household: str
) -> None:
    """An import writes its outbox entries in bulk (one statement per table): every row
    it stored still travels, and only once."""
    laptop, tablet = _devices(tmp_path, household, 2)
    laptop.ok("log", "twitch", "--at", "2026-11-20T21:30+07:00")
    assert laptop.sync() == (2, 0, 0)  # the profile and the twitch
    folder = tmp_path / "csv"
    folder.mkdir()
    twitches = [f"2026-11-{1 + n // 24:02d}T{n % 24:02d}:15+07:00,right,3\n" for n in range(40)]
    (folder / "episodes.csv").write_text("started_at,side,intensity\n" + "".join(twitches))
    (folder / "days.csv").write_text(
        "date,water_ml\n" + "".join(f"2026-11-{d:02d},{1000 + d}\n" for d in range(1, 11))
    )
    laptop.ok("import", str(folder))
    assert pending(laptop.db) == 50
    assert laptop.sync() == (50, 0, 0)
    assert tablet.sync() == (0, 52, 0)
    _same_everywhere(laptop, tablet)
    assert len(tablet.export()["profiles"][0]["episodes"]) == 41
    assert laptop.sync() == (0, 0, 0)
    assert pending(laptop.db) == 0
