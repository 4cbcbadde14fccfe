"""Logging from the command line, and reading it back with `list`."""

from __future__ import annotations

import csv
import io
import uuid
from pathlib import Path

from tests.integration.kedut_cli import kedut, listed, row_counts


def test_a_logged_twitch_is_listed_with_its_local_day(tmp_path: Path) -> None:
    logged = kedut(
        tmp_path,
        "log",
        "twitch",
        "--at",
        "2026-11-25T23:30+07:00",
        "--side",
        "left",
        "--intensity",
        "3",
        "--duration-s",
        "40",
        "--context",
        "night",
        "--pain",
        "--note",
        "kedut, lagi",
    )
    assert logged.returncode == 0, logged.stderr
    assert logged.stdout.strip() == "1"
    document = listed(tmp_path)
    assert document["profile"] == "Me"
    assert uuid.UUID(document["episodes"][0]["uuid"])
    assert document["episodes"] == [
        {
            "id": 1,
            "uuid": document["episodes"][0]["uuid"],
            "local_date": "2026-11-25",
            "started_at": "2026-11-25T23:30:00+07:00",
            "body_site": "knee",
            "side": "left",
            "intensity": 3,
            "duration_s": 40,
            "context": "night",
            "pain": True,
            "swelling": False,
            "warmth": False,
            "numbness_tingling": False,
            "weakness": False,
            "note": "kedut, lagi",
        }
    ]


def test_the_one_tap_default_reuses_the_last_side_and_intensity(tmp_path: Path) -> None:
    kedut(
        tmp_path,
        "log",
        "twitch",
        "--at",
        "2026-11-24T08:00+07:00",
        "--side",
        "right",
        "--intensity",
        "2",
    )
    kedut(tmp_path, "log", "twitch", "--at", "2026-11-25T08:00+07:00")
    latest = listed(tmp_path)["episodes"][-1]
    assert (latest["body_site"], latest["side"], latest["intensity"]) == ("knee", "right", 2)


def test_a_day_is_created_then_updated_field_by_field(tmp_path: Path) -> None:
    first = kedut(
        tmp_path, "log", "day", "--date", "2026-11-25", "--sleep-h", "6.5", "--water-ml", "1500"
    )
    assert first.returncode == 0, first.stderr
    second = kedut(
        tmp_path, "log", "day", "--date", "2026-11-25", "--water-ml", "2250", "--diarrhea"
    )
    assert second.returncode == 0, second.stderr
    (day,) = listed(tmp_path)["days"]
    assert day["date"] == "2026-11-25"
    assert (day["sleep_h"], day["water_ml"], day["diarrhea"]) == (6.5, 2250, True)
    assert day["stress"] is None  # never logged stays "not logged", not 0


def test_unusual_values_are_stored_with_a_note_on_stderr(tmp_path: Path) -> None:
    result = kedut(tmp_path, "log", "day", "--date", "2026-11-25", "--sleep-h", "3")
    assert result.returncode == 0
    assert "(--sleep-h): 3 is unusually low (below 4); stored anyway" in result.stderr
    assert listed(tmp_path)["days"][0]["sleep_h"] == 3


def test_medications_and_remedies_are_listed(tmp_path: Path) -> None:
    assert (
        kedut(
            tmp_path,
            "log",
            "medication",
            "--name",
            "Furosemide",
            "--kind",
            "diuretic",
            "--from",
            "2026-11-01",
        ).returncode
        == 0
    )
    assert (
        kedut(
            tmp_path,
            "log",
            "remedy",
            "--date",
            "2026-11-25",
            "--remedy",
            "warm_compress",
            "--helped",
            "3",
        ).returncode
        == 0
    )
    document = listed(tmp_path)
    (medication,) = document["medications"]
    (remedy,) = document["remedies"]
    assert uuid.UUID(medication.pop("uuid")) and uuid.UUID(remedy.pop("uuid"))
    assert medication == {
        "id": 1,
        "name": "Furosemide",
        "kind": "diuretic",
        "started_on": "2026-11-01",
        "stopped_on": None,
    }
    assert remedy == {
        "id": 1,
        "date": "2026-11-25",
        "remedy": "warm_compress",
        "helped": 3,
        "note": None,
    }


def test_list_filters_by_local_day_and_prints_csv_and_a_table(tmp_path: Path) -> None:
    for moment in ("2026-11-23T10:00+07:00", "2026-11-24T06:30+07:00", "2026-11-25T10:00+07:00"):
        kedut(tmp_path, "log", "twitch", "--at", moment, "--note", "=HYPERLINK(1)")
    document = listed(tmp_path, "--from", "2026-11-24", "--to", "2026-11-24")
    assert [e["local_date"] for e in document["episodes"]] == ["2026-11-24"]

    as_csv = kedut(tmp_path, "list", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [row["local_date"] for row in rows] == ["2026-11-23", "2026-11-24", "2026-11-25"]
    assert rows[0]["pain"] == "0"

    table = kedut(tmp_path, "list").stdout
    assert "Episodes (3)" in table
    assert "2   2026-11-24  06:30  knee" in table  # the id first, to pick one for edit


def test_nothing_is_stored_when_listing_an_empty_diary(tmp_path: Path) -> None:
    assert listed(tmp_path)["episodes"] == []
    assert row_counts(tmp_path / "kedut.sqlite3")["profile"] == 0


def test_profiles_can_be_added_renamed_and_chosen(tmp_path: Path) -> None:
    assert kedut(tmp_path, "profiles", "add", "Ani").returncode == 0
    assert kedut(tmp_path, "--profile", "Ani", "log", "twitch", "--side", "left").returncode == 0
    assert kedut(tmp_path, "profiles", "rename", "Ani", "Ani Putri").returncode == 0
    assert kedut(tmp_path, "profiles").stdout.split("\n")[:1] == ["Ani Putri"]
    assert (
        len(
            listed(
                tmp_path,
            )["episodes"]
        )
        == 1
    )  # the first profile is the default
    assert listed(tmp_path)["profile"] == "Ani Putri"
