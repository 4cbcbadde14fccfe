"""Identity on import (DESIGN.md "Data model" and "File formats"): the uuid says which
entry a row is; a row without one is skipped only when a live entry equals it in every
column of its file; one entry twice in one file is an error naming both rows."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from tests.integration.kedut_cli import kedut, listed, row_counts
from tracker.domain import Settings
from tracker.services import care, days, episodes, exchange, profiles
from tracker.storage import UnitOfWork, open_store

AT = "2026-11-20T09:00+07:00"


def _ok(data_dir: Path, *args: str) -> str:
    result = kedut(data_dir, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _export_csv(data_dir: Path, out: Path) -> Path:
    _ok(data_dir, "export", "--format", "csv", "--out", str(out))
    return out


def _same_csv(a: Path, b: Path) -> None:
    for name in ("episodes.csv", "days.csv", "medications.csv", "remedies.csv"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_own_export_with_same_instant_twins_imports_into_the_same_and_an_empty_diary(
    tmp_path: Path,
) -> None:
    """Issue finding #4: two twitches at one instant, site and side made Kedut refuse
    its own export ("row 3: duplicates row 2"), even into the diary it came from."""
    diary = tmp_path / "diary"
    for _ in range(2):
        _ok(diary, "log", "twitch", "--at", AT, "--side", "left", "--intensity", "2")
    _ok(diary, "log", "twitch", "--at", "2026-11-20T10:00+07:00", "--side", "left")
    exported = _export_csv(diary, tmp_path / "csv")
    before = row_counts(diary / "kedut.sqlite3")

    again = kedut(diary, "import", str(exported))
    assert again.returncode == 0, again.stderr
    assert "episodes: 0 added, 0 changed, 3 skipped" in again.stdout
    assert row_counts(diary / "kedut.sqlite3") == before

    empty = tmp_path / "empty"
    into_empty = kedut(empty, "import", str(exported))
    assert into_empty.returncode == 0, into_empty.stderr
    assert "episodes: 3 added, 0 changed, 0 skipped" in into_empty.stdout
    twins = [e for e in listed(empty)["episodes"] if e["started_at"] == "2026-11-20T09:00:00+07:00"]
    assert len(twins) == 2 and twins[0]["uuid"] != twins[1]["uuid"]
    _same_csv(exported, _export_csv(empty, tmp_path / "again"))


def test_rows_without_uuid_are_matched_one_for_one_and_twins_stay_two(tmp_path: Path) -> None:
    header = "started_at,side,intensity,note\n"
    twin = "2026-11-20T09:00:00+07:00,left,2,\n"
    (tmp_path / "a.csv").write_text(header + twin + twin)
    first = _ok(tmp_path / "store", "import", str(tmp_path / "a.csv"))
    assert "episodes: 2 added, 0 changed, 0 skipped" in first
    again = _ok(tmp_path / "store", "import", str(tmp_path / "a.csv"))
    assert "episodes: 0 added, 0 changed, 2 skipped" in again
    # A third twin in the file is a third twitch: two stored ones stand for two rows.
    (tmp_path / "b.csv").write_text(header + twin + twin + twin)
    third = _ok(tmp_path / "store", "import", str(tmp_path / "b.csv"))
    assert "episodes: 1 added, 0 changed, 2 skipped" in third
    # A row that differs in any column of its file is another twitch.
    (tmp_path / "c.csv").write_text(header + "2026-11-20T09:00:00+07:00,left,2,stairs\n")
    assert "episodes: 1 added" in _ok(tmp_path / "store", "import", str(tmp_path / "c.csv"))
    assert len(listed(tmp_path / "store")["episodes"]) == 4


def test_a_row_with_a_known_uuid_is_skipped_or_replaced_by_uuid(tmp_path: Path) -> None:
    diary = tmp_path / "diary"
    _ok(diary, "log", "twitch", "--at", AT, "--side", "left", "--note", "first")
    (episode,) = listed(diary)["episodes"]
    edited = tmp_path / "edited.csv"
    edited.write_text(f"uuid,started_at,note\n{episode['uuid']},2026-11-20T09:05:00+07:00,moved\n")
    skipped = _ok(diary, "import", str(edited))
    assert "episodes: 0 added, 0 changed, 1 skipped" in skipped
    assert listed(diary)["episodes"][0]["note"] == "first"
    replaced = _ok(diary, "import", str(edited), "--on-conflict", "replace")
    assert "episodes: 0 added, 1 changed, 0 skipped" in replaced
    (after,) = listed(diary)["episodes"]
    # Only the file's columns change; the side it did not have stays.
    assert (after["uuid"], after["started_at"], after["note"], after["side"]) == (
        episode["uuid"],
        "2026-11-20T09:05:00+07:00",
        "moved",
        "left",
    )


def test_a_deleted_entry_is_not_brought_back_by_reimporting_an_older_export(
    tmp_path: Path,
) -> None:
    diary = tmp_path / "diary"
    _ok(diary, "log", "twitch", "--at", AT)
    exported = _export_csv(diary, tmp_path / "csv")
    store = open_store(diary)
    (episode,) = episodes.episodes_between(store, 1)
    assert episode.id is not None
    episodes.delete_episode(store, 1, episode.id)
    store.close()
    assert "episodes: 0 added, 0 changed, 1 skipped" in _ok(diary, "import", str(exported))
    assert listed(diary)["episodes"] == []


def test_list_json_shows_every_records_uuid(tmp_path: Path) -> None:
    _ok(tmp_path, "log", "twitch", "--at", AT)
    _ok(tmp_path, "log", "day", "--date", "2026-11-20", "--water-ml", "1500")
    _ok(
        tmp_path,
        "log",
        "medication",
        "--name",
        "Furosemide",
        "--kind",
        "diuretic",
        "--from",
        "2026-11-01",
    )
    _ok(tmp_path, "log", "remedy", "--date", "2026-11-20", "--remedy", "rest")
    document = listed(tmp_path)
    for table in ("episodes", "days", "medications", "remedies"):
        (record,) = document[table]
        assert len(record["uuid"]) == 36, table


def _v1_backup(days: list[dict[str, Any]]) -> dict[str, Any]:
    blank = {
        "sleep_h": None,
        "sleep_quality": None,
        "water_ml": None,
        "exercise_min": None,
        "exercise_intensity": None,
        "stress": None,
        "caffeine_mg": None,
        "alcohol_units": None,
        "diarrhea": None,
        "calcium_rich_food": None,
        "magnesium_rich_food": None,
        "vitamin_supplement": None,
        "note": None,
    }
    return {
        "format": "kedut-backup",
        "schema_version": 1,
        "profiles": [
            {
                "name": "Ani",
                "sex": "female",
                "created_at": "2026-01-01T00:00:00+00:00",
                "settings": {"language": "id", "water_target_ml": 2000, "reminder_time": None},
                "episodes": [],
                "days": [{**blank, **day} for day in days],
                "medications": [],
                "remedies": [],
            }
        ],
    }


def test_a_backup_with_two_entries_for_one_day_is_refused_naming_both(tmp_path: Path) -> None:
    """Issue finding #10: the second entry for a day was dropped, with exit 0."""
    backup = tmp_path / "backup.json"
    document = _v1_backup(
        [
            {"date": "2026-11-20", "water_ml": 1500},
            {"date": "2026-11-21", "water_ml": 1800},
            {"date": "2026-11-20", "water_ml": 2500},
        ]
    )
    backup.write_text(json.dumps(document))
    result = kedut(tmp_path / "store", "import", str(backup))
    assert result.returncode == 2
    assert (
        "backup.json, profile 1 (Ani), days, entry 3, column date: a second value for "
        "2026-11-20, which entry 1 has already (one per day: keep one of them)"
    ) in result.stderr
    assert "nothing was stored" in result.stderr
    assert sum(row_counts(tmp_path / "store" / "kedut.sqlite3").values()) == 0


def test_a_csv_with_two_rows_for_one_day_is_refused_naming_both(tmp_path: Path) -> None:
    days = tmp_path / "days.csv"
    days.write_text("date,water_ml\n2026-11-20,1500\n2026-11-21,1800\n2026-11-20,1500\n")
    result = kedut(tmp_path / "store", "import", str(days))
    assert result.returncode == 2
    assert "days.csv, row 4, column date: a second value for 2026-11-20, which row 2" in (
        result.stderr
    )


def test_a_version_1_backup_is_still_read_and_matched_by_name(tmp_path: Path) -> None:
    backup = tmp_path / "v1.json"
    backup.write_text(json.dumps(_v1_backup([{"date": "2026-11-20", "water_ml": 1500}])))
    store = tmp_path / "store"
    _ok(store, "profiles", "add", "Ani")
    first = _ok(store, "import", str(backup))
    assert "profiles: 0 added, 0 changed, 1 skipped" in first
    assert "days: 1 added" in first
    assert "days: 0 added, 0 changed, 1 skipped" in _ok(store, "import", str(backup))
    ani = json.loads(_ok(store, "--profile", "Ani", "list", "--format", "json"))
    assert [d["water_ml"] for d in ani["days"]] == [1500]
    assert _ok(store, "profiles", "list").split() == ["Ani"]


def test_a_backup_restores_tombstones_and_matches_profiles_by_uuid(tmp_path: Path) -> None:
    source = open_store(tmp_path / "source")
    day = dt.date(2026, 11, 20)
    moment = dt.datetime(2026, 11, 21, 8, tzinfo=dt.UTC)
    ani = profiles.create_profile(source, "Ani")
    assert ani.id is not None
    days.save_day(source, ani.id, day, water_ml=1500)
    days.set_day_deleted(source, ani.id, day, True)
    use = care.log_remedy(source, ani.id, day=day, remedy="rest")
    assert use.id is not None
    care.set_remedy_deleted(source, ani.id, use.id, True)
    gone = profiles.create_profile(source, "Budi")
    assert gone.id is not None
    with UnitOfWork(source) as uow:
        uow.profiles.set_deleted(gone.id, moment, moment)
        uow.commit()
    exchange.export_json(source, tmp_path / "one.json")
    source.close()
    document = json.loads((tmp_path / "one.json").read_text())
    ani_json = next(p for p in document["profiles"] if p["name"] == "Ani")
    assert ani_json["days"][0]["deleted_at"] is not None
    assert ani_json["remedies"][0]["deleted_at"] is not None
    assert next(p for p in document["profiles"] if p["name"] == "Budi")["deleted_at"]

    target = tmp_path / "target"
    _ok(target, "import", str(tmp_path / "one.json"))
    _ok(target, "export", "--format", "json", "--out", str(tmp_path / "two.json"))
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "two.json").read_bytes()
    # Renamed here, the profile is still the same one: matched by uuid, not by name.
    _ok(target, "profiles", "rename", "Ani", "Ani Putri")
    again = _ok(target, "import", str(tmp_path / "one.json"))
    assert "profiles: 0 added, 0 changed, 2 skipped" in again
    assert _ok(target, "profiles", "list").split("\n")[0] == "Ani Putri"


def test_a_backup_profile_unknown_here_goes_into_the_live_profile_of_its_name(
    tmp_path: Path,
) -> None:
    phone, laptop = tmp_path / "phone", tmp_path / "laptop"
    _ok(phone, "log", "twitch", "--at", AT)
    _ok(phone, "export", "--format", "json", "--out", str(tmp_path / "phone.json"))
    _ok(laptop, "log", "twitch", "--at", "2026-11-21T09:00+07:00")  # makes its own "Me"
    dry = kedut(laptop, "import", str(tmp_path / "phone.json"), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "phone.json, profile 1 (Me): its entries go into the profile Me of this diary" in (
        dry.stderr
    )
    assert "profiles: would add 0, would change 0, would skip 1" in dry.stdout
    assert "episodes: would add 1, would change 0, would skip 0" in dry.stdout
    _ok(laptop, "import", str(tmp_path / "phone.json"))
    assert _ok(laptop, "profiles", "list").split() == ["Me"]
    assert len(listed(laptop)["episodes"]) == 2


def test_entries_of_another_profile_in_this_store_are_not_copied(tmp_path: Path) -> None:
    _ok(tmp_path, "profiles", "add", "Ani")
    _ok(tmp_path, "profiles", "add", "Budi")
    _ok(tmp_path, "--profile", "Ani", "log", "twitch", "--at", AT)
    _ok(tmp_path, "--profile", "Ani", "export", "--format", "csv", "--out", str(tmp_path / "ani"))
    into_budi = _ok(tmp_path, "--profile", "Budi", "import", str(tmp_path / "ani"))
    # The same uuid is the same entry, and it is Ani's: nothing is added to Budi.
    assert "episodes: 0 added, 0 changed, 1 skipped" in into_budi
    budi = json.loads(_ok(tmp_path, "--profile", "Budi", "list", "--format", "json"))
    assert budi["episodes"] == []


def test_replacing_from_a_backup_restores_settings_and_tombstones(tmp_path: Path) -> None:
    source = open_store(tmp_path / "source")
    me = profiles.resolve_profile(source, None)
    assert me.id is not None
    logged = episodes.log_twitch(source, me.id, at=dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC))
    exchange.export_json(source, tmp_path / "before.json")
    assert logged.episode.id is not None
    episodes.delete_episode(source, me.id, logged.episode.id)
    profiles.save_settings(source, me.id, Settings(language="id"))
    source.close()
    # The backup from before: skip keeps what is here, replace brings the backup's back.
    kept = _ok(tmp_path / "source", "import", str(tmp_path / "before.json"))
    assert "episodes: 0 added, 0 changed, 1 skipped" in kept
    assert listed(tmp_path / "source")["episodes"] == []
    back = _ok(
        tmp_path / "source", "import", str(tmp_path / "before.json"), "--on-conflict", "replace"
    )
    assert "profiles: 0 added, 1 changed, 0 skipped" in back
    assert "episodes: 0 added, 1 changed, 0 skipped" in back
    assert len(listed(tmp_path / "source")["episodes"]) == 1


def test_entries_of_another_profile_are_skipped_with_the_reason_said(tmp_path: Path) -> None:
    assert kedut(tmp_path, "log", "twitch", "--at", "2026-11-25T20:00+07:00").returncode == 0
    assert kedut(tmp_path, "profiles", "add", "Budi").returncode == 0
    out = tmp_path / "csv"
    assert kedut(tmp_path, "export", "--format", "csv", "--out", str(out)).returncode == 0
    result = kedut(tmp_path, "--profile", "Budi", "import", str(out))
    assert result.returncode == 0, result.stderr
    assert "episodes: 0 added, 0 changed, 1 skipped" in result.stdout
    assert (
        "episodes.csv: 1 entry is already in another profile's diary (the same uuid) and was "
        "skipped" in result.stderr
    )
