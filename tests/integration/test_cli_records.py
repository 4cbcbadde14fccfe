"""`edit`, `delete`, `undelete` and `profiles` from the command line: an edit changes
only what was given, a delete is a tombstone that undelete lifts, entries are named by
the id `list` shows or by their uuid."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.integration.kedut_cli import kedut, listed, row_counts


def _ok(data_dir: Path, *args: str) -> str:
    result = kedut(data_dir, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def _refused(data_dir: Path, *args: str) -> str:
    result = kedut(data_dir, *args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


def test_a_twitch_edit_changes_only_the_options_given_and_keeps_the_seconds(
    tmp_path: Path,
) -> None:
    _ok(
        tmp_path,
        *("log", "twitch", "--at", "2026-11-25T21:30:45+07:00", "--side", "left"),
        *("--intensity", "2", "--pain", "--note", "desk"),
    )
    (before,) = listed(tmp_path)["episodes"]
    assert _ok(tmp_path, "edit", "twitch", "1", "--intensity", "3", "--no-pain") == "1"
    (after,) = listed(tmp_path)["episodes"]
    assert after == before | {"intensity": 3, "pain": False}
    assert after["started_at"] == "2026-11-25T21:30:45+07:00"

    _ok(tmp_path, "edit", "twitch", before["uuid"], "--at", "2026-11-26T00:10+07:00")
    (moved,) = listed(tmp_path)["episodes"]
    assert (moved["local_date"], moved["started_at"]) == ("2026-11-26", "2026-11-26T00:10:00+07:00")
    assert (moved["side"], moved["intensity"], moved["note"]) == ("left", 3, "desk")


def test_a_deleted_twitch_leaves_every_list_and_undelete_brings_it_back(tmp_path: Path) -> None:
    _ok(tmp_path, "log", "twitch", "--at", "2026-11-24T10:00+07:00", "--weakness")
    _ok(tmp_path, "log", "twitch", "--at", "2026-11-25T10:00+07:00")
    assert "deleted twitch 1" in _ok(tmp_path, "delete", "twitch", "1")
    assert [e["id"] for e in listed(tmp_path)["episodes"]] == [2]
    assert '"warnings": []' in _ok(tmp_path, "warnings", "--today", "2026-11-25", "--json")
    assert row_counts(tmp_path / "kedut.sqlite3")["twitch_episode"] == 2  # a tombstone
    _ok(tmp_path, "undelete", "twitch", "1")
    assert [e["id"] for e in listed(tmp_path)["episodes"]] == [1, 2]


def test_a_day_edit_keeps_other_fields_and_the_days_remedies(tmp_path: Path) -> None:
    _ok(tmp_path, "log", "day", "--date", "2026-11-25", "--sleep-h", "6.5", "--water-ml", "1500")
    _ok(tmp_path, "log", "remedy", "--date", "2026-11-25", "--remedy", "stretching")
    assert _ok(tmp_path, "edit", "day", "2026-11-25", "--stress", "3", "--no-diarrhea") == (
        "2026-11-25"
    )
    document = listed(tmp_path)
    (day,) = document["days"]
    assert (day["sleep_h"], day["water_ml"], day["stress"], day["diarrhea"]) == (
        6.5,
        1500,
        3,
        False,
    )
    assert [r["remedy"] for r in document["remedies"]] == ["stretching"]

    _ok(tmp_path, "delete", "day", "2026-11-25")
    assert listed(tmp_path)["days"] == []
    assert "there is no day log 2026-11-25" in _refused(
        tmp_path, "edit", "day", "2026-11-25", "--stress", "1"
    )
    _ok(tmp_path, "undelete", "day", "2026-11-25")
    assert listed(tmp_path)["days"] == [day]


def test_a_medication_period_is_edited_ended_reopened_and_deleted(tmp_path: Path) -> None:
    args = ("log", "medication", "--name", "Furosemide", "--kind", "diuretic")
    _ok(tmp_path, *args, "--from", "2026-11-01")
    _ok(tmp_path, "edit", "medication", "1", "--to", "2026-11-20")
    (medication,) = listed(tmp_path)["medications"]
    assert (medication["name"], medication["stopped_on"]) == ("Furosemide", "2026-11-20")
    _ok(tmp_path, "edit", "medication", medication["uuid"], "--still-taking", "--name", "Lasix")
    (medication,) = listed(tmp_path)["medications"]
    assert (medication["name"], medication["kind"], medication["stopped_on"]) == (
        "Lasix",
        "diuretic",
        None,
    )
    _ok(tmp_path, "delete", "medication", "1")
    assert listed(tmp_path)["medications"] == []
    _ok(tmp_path, "undelete", "medication", medication["uuid"])
    assert listed(tmp_path)["medications"] == [medication]


def test_a_remedy_is_edited_and_stays_one_entry_a_day(tmp_path: Path) -> None:
    _ok(tmp_path, "log", "remedy", "--date", "2026-11-24", "--remedy", "rest", "--helped", "1")
    _ok(tmp_path, "log", "remedy", "--date", "2026-11-25", "--remedy", "rest")
    _ok(tmp_path, "edit", "remedy", "1", "--helped", "3", "--note", "lay down")
    first = listed(tmp_path)["remedies"][0]
    assert (first["date"], first["helped"], first["note"]) == ("2026-11-24", 3, "lay down")
    message = _refused(tmp_path, "edit", "remedy", "1", "--date", "2026-11-25")
    assert (
        "(--date): 2026-11-25 is not allowed (allowed: a day without another rest entry" in message
    )
    assert "(rest is there as entry 2)" in message
    _ok(tmp_path, "delete", "remedy", "2")
    _ok(tmp_path, "edit", "remedy", "1", "--date", "2026-11-25")
    refused = _refused(tmp_path, "undelete", "remedy", "2")  # would be a second "rest" that day
    assert "rest is there as entry 1" in refused
    assert [r["id"] for r in listed(tmp_path)["remedies"]] == [1]


def test_an_entry_of_another_profile_cannot_be_named(tmp_path: Path) -> None:
    _ok(tmp_path, "log", "twitch", "--at", "2026-11-25T10:00+07:00")
    uuid = listed(tmp_path)["episodes"][0]["uuid"]
    _ok(tmp_path, "profiles", "add", "Budi")
    message = _refused(tmp_path, "--profile", "Budi", "delete", "twitch", uuid)
    assert f"there is no twitch {uuid} in Budi's diary" in message
    assert len(listed(tmp_path)["episodes"]) == 1


def test_list_shows_the_ids_to_pick_from(tmp_path: Path) -> None:
    _ok(tmp_path, "log", "twitch", "--at", "2026-11-25T10:00+07:00")
    _ok(
        tmp_path,
        *("log", "medication", "--name", "Prednisone", "--kind", "corticosteroid"),
        *("--from", "2026-11-25"),
    )
    _ok(tmp_path, "log", "remedy", "--date", "2026-11-25", "--remedy", "massage")
    table = _ok(tmp_path, "list")
    assert "1   2026-11-25  10:00  knee" in table
    assert "1   Prednisone  corticosteroid  2026-11-25" in table
    assert "1   2026-11-25  massage" in table


def test_a_profile_is_added_renamed_and_deleted_after_a_backup(tmp_path: Path) -> None:
    _ok(tmp_path, "profiles", "add", "Ani")
    _ok(tmp_path, "--profile", "Ani", "log", "twitch", "--at", "2026-11-25T10:00+07:00")
    _ok(tmp_path, "profiles", "rename", "Ani", "Ani Putri")
    before = row_counts(tmp_path / "kedut.sqlite3")
    asked = _refused(tmp_path, "profiles", "delete", "Ani Putri")
    assert "profiles delete Ani Putri --yes" in asked
    assert row_counts(tmp_path / "kedut.sqlite3") == before

    said = _ok(tmp_path, "profiles", "delete", "Ani Putri", "--yes")
    backup = Path(said.rsplit(" ", 1)[-1])
    assert said.startswith("deleted the profile Ani Putri; the diary as it was before is")
    assert backup.parent == tmp_path / "backups"
    with sqlite3.connect(backup) as con:
        assert con.execute("SELECT name FROM profile").fetchall() == [("Ani Putri",)]
    assert _ok(tmp_path, "profiles") == ""
    assert row_counts(tmp_path / "kedut.sqlite3") == before  # a tombstone, nothing erased
    _ok(tmp_path, "profiles", "add", "Ani Putri")  # the name is free again
    assert _ok(tmp_path, "--profile", "Ani Putri", "list", "--format", "csv").count("\n") == 0


def test_an_edit_stamps_updated_at_only_when_a_value_changes(tmp_path: Path) -> None:
    import time

    def stamps() -> list[list[tuple[object, ...]]]:
        with sqlite3.connect(tmp_path / "kedut.sqlite3") as con:
            return [
                con.execute(f"SELECT updated_at FROM {table}").fetchall()  # noqa: S608 - fixed names
                for table in ("day_log", "remedy_use", "twitch_episode")
            ]

    commands: tuple[tuple[str, ...], ...] = (
        ("log", "day", "--date", "2026-11-20", "--water-ml", "100"),
        ("log", "remedy", "--date", "2026-11-20", "--remedy", "rest", "--helped", "2"),
        ("log", "twitch", "--at", "2026-11-20T08:00:00+07:00", "--intensity", "2"),
    )
    for args in commands:
        assert kedut(tmp_path, *args).returncode == 0
    first = stamps()
    time.sleep(0.01)
    unchanged: tuple[tuple[str, ...], ...] = (  # the values they already have
        ("edit", "day", "2026-11-20", "--water-ml", "100"),
        ("edit", "remedy", "1", "--helped", "2"),
        ("edit", "twitch", "1", "--intensity", "2"),
    )
    for args in unchanged:
        assert kedut(tmp_path, *args).returncode == 0
    assert stamps() == first
    changed: tuple[tuple[str, ...], ...] = (
        ("edit", "day", "2026-11-20", "--water-ml", "200"),
        ("edit", "remedy", "1", "--helped", "4", "--remedy", "massage"),
        ("edit", "twitch", "1", "--intensity", "3"),
    )
    for args in changed:
        result = kedut(tmp_path, *args)
        assert result.returncode == 0, result.stderr
    assert all(after != before for after, before in zip(stamps(), first, strict=True))


def test_delete_and_undelete_say_when_nothing_changed_and_a_deleted_entry_is_not_edited(
    tmp_path: Path,
) -> None:
    _ok(tmp_path, "log", "twitch", "--at", "2026-11-25T21:30+07:00")
    assert _ok(tmp_path, "delete", "twitch", "1").startswith("deleted twitch 1")
    assert _ok(tmp_path, "delete", "twitch", "1") == (
        "twitch 1 was already deleted; nothing changed"
    )
    refusal = _refused(tmp_path, "edit", "twitch", "1", "--intensity", "4")
    assert "twitch 1 is deleted: undelete twitch 1 brings it back first" in refusal
    assert _ok(tmp_path, "undelete", "twitch", "1") == "brought back twitch 1"
    assert _ok(tmp_path, "undelete", "twitch", "1") == "twitch 1 is not deleted; nothing changed"
    (episode,) = listed(tmp_path)["episodes"]
    assert episode["intensity"] != 4  # the refused edit stored nothing


def test_list_as_csv_never_hands_a_spreadsheet_a_formula_and_choices_ignore_case(
    tmp_path: Path,
) -> None:
    _ok(tmp_path, "log", "twitch", "--at", "2026-11-25T21:30+07:00", "--side", " LEFT")
    _ok(tmp_path, "edit", "twitch", "1", "--note", '=HYPERLINK("http://x")')
    _ok(tmp_path, "log", "remedy", "--date", "2026-11-25", "--remedy", "Rest")
    listed_csv = _ok(tmp_path, "list", "--format", "csv").splitlines()
    assert "'=HYPERLINK" in listed_csv[1]  # the guard quote export uses too
    assert ",left," in listed_csv[1]
    table = _ok(tmp_path, "list")
    assert "Where" in table and "duration_s" not in table and "rest" in table


def test_logging_a_remedy_again_keeps_what_it_does_not_say_and_says_what_changed(
    tmp_path: Path,
) -> None:
    """One entry a day for each remedy: logging it again updates that entry, never
    dropping a rating or a note silently."""
    day = ("--date", "2026-11-24", "--remedy", "massage")
    _ok(tmp_path, "log", "remedy", *day, "--helped", "3", "--note", "calf, 10 min")
    again = kedut(tmp_path, "log", "remedy", *day, "--helped", "1")
    assert again.returncode == 0, again.stderr
    assert again.stderr == (
        "kedut: note: Light massage on 2026-11-24 was logged already: that entry was"
        " updated (How much it helped: 3 → 1)\n"
    )
    (entry,) = listed(tmp_path)["remedies"]
    assert (entry["helped"], entry["note"]) == (1, "calf, 10 min")
    noted = kedut(tmp_path, "log", "remedy", *day, "--note", "with oil")
    assert "(Note: “calf, 10 min” → “with oil”)" in noted.stderr
    same = kedut(tmp_path, "log", "remedy", *day)
    assert same.stderr.endswith("was logged already; nothing changed\n")
    (entry,) = listed(tmp_path)["remedies"]
    assert (entry["id"], entry["helped"], entry["note"]) == (1, 1, "with oil")
    emptied = kedut(tmp_path, "log", "remedy", *day, "--note", "")
    assert "(Note: “with oil” → emptied)" in emptied.stderr
    long_note = "slow circles " * 100
    said = kedut(tmp_path, "log", "remedy", *day, "--note", long_note).stderr
    assert f"→ “{long_note[:60]}…”)" in said and len(said) < 300
