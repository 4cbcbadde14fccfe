"""Files as people and spreadsheets make them (DESIGN.md "File formats"): columns in any
order and any subset that holds the key, `;` with decimal commas, other date formats,
times without an offset, dry runs, and refusals in the person's words."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.integration.kedut_cli import kedut, listed, row_counts

JAKARTA = {"TZ": "Asia/Jakarta"}


def _write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_columns_in_any_order_and_any_subset_holding_the_key(tmp_path: Path) -> None:
    source = _write(
        tmp_path / "twitches.csv",
        " Note ,Started_At,SIDE\nafter futsal,2026-11-20T21:30:00+07:00,right\n",
    )
    result = kedut(tmp_path / "store", "import", str(source))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "episodes: 1 added, 0 changed, 0 skipped\n"
    (episode,) = listed(tmp_path / "store")["episodes"]
    assert (episode["note"], episode["side"], episode["body_site"], episode["intensity"]) == (
        "after futsal",
        "right",
        "knee",  # the columns left out take the one-tap log's defaults
        1,
    )
    medications = _write(tmp_path / "meds.csv", "started_on,name\n2026-11-01,Furosemide\n")
    assert kedut(tmp_path / "store", "import", str(medications)).returncode == 0
    (medication,) = listed(tmp_path / "store")["medications"]
    assert (medication["name"], medication["kind"]) == ("Furosemide", "other")


def test_a_header_without_a_files_key_names_what_is_expected(tmp_path: Path) -> None:
    source = _write(tmp_path / "x.csv", "name,kind\nFurosemide,diuretic\n")
    result = kedut(tmp_path / "store", "import", str(source))
    assert result.returncode == 2
    assert "x.csv, row 1: the first row should name the columns, found 'name', 'kind'" in (
        result.stderr
    )
    assert "name and started_on for medications" in result.stderr


def test_semicolons_and_decimal_commas(tmp_path: Path) -> None:
    source = _write(
        tmp_path / "days.csv",
        'date;sleep_h;alcohol_units;note\n2026-11-20;7,5;1,5;"tired; slept late"\n',
    )
    result = kedut(tmp_path / "store", "import", str(source))
    assert result.returncode == 0, result.stderr
    (day,) = listed(tmp_path / "store")["days"]
    assert (day["sleep_h"], day["alcohol_units"], day["note"]) == (7.5, 1.5, "tired; slept late")


def test_a_date_format_for_dates_and_times(tmp_path: Path) -> None:
    days = _write(tmp_path / "days.csv", "date,water_ml\n20/11/2026,1500\n")
    refused = kedut(tmp_path / "store", "import", str(days))
    assert refused.returncode == 2
    assert (
        "days.csv, row 2, column date: '20/11/2026' is not a date "
        "(allowed: a date written like 2026-11-25)"
    ) in refused.stderr
    accepted = kedut(tmp_path / "store", "import", str(days), "--date-format", "%d/%m/%Y")
    assert accepted.returncode == 0, accepted.stderr
    assert listed(tmp_path / "store")["days"][0]["date"] == "2026-11-20"
    episodes = _write(tmp_path / "e.csv", "started_at\n20/11/2026 21:30+07:00\n")
    assert (
        kedut(tmp_path / "store", "import", str(episodes), "--date-format", "%d/%m/%Y").returncode
        == 0
    )
    assert listed(tmp_path / "store")["episodes"][0]["started_at"] == "2026-11-20T21:30:00+07:00"
    silly = kedut(tmp_path / "store", "import", str(days), "--date-format", "%Y")
    assert silly.returncode == 2
    assert "--date-format: '%Y' is not allowed (allowed: strftime codes that read a whole date" in (
        silly.stderr
    )


def test_a_time_without_offset_is_read_in_the_machines_zone_and_said_so(tmp_path: Path) -> None:
    source = _write(
        tmp_path / "episodes.csv",
        "started_at\n2026-11-20T09:30\n2026-11-20 10:00:00\n2026-11-20T11:00+00:00\n",
    )
    result = kedut(tmp_path / "store", "import", str(source), env=JAKARTA)
    assert result.returncode == 0, result.stderr
    assert (
        "episodes.csv: 2 times had no UTC offset and were read in this machine's time zone "
        "(UTC+07:00)"
    ) in result.stderr
    started = [e["started_at"] for e in listed(tmp_path / "store")["episodes"]]
    assert started == [
        "2026-11-20T09:30:00+07:00",
        "2026-11-20T10:00:00+07:00",
        "2026-11-20T11:00:00+00:00",
    ]


def test_a_row_dated_more_than_a_day_ahead_is_refused(tmp_path: Path) -> None:
    today = dt.datetime.now().astimezone().date()  # the machine's day, as the import's
    ahead = today + dt.timedelta(days=3)
    source = _write(
        tmp_path / "remedies.csv",
        f"date,remedy\n{today.isoformat()},rest\n{ahead.isoformat()},fluids\n",
    )
    result = kedut(tmp_path / "store", "import", str(source))
    assert result.returncode == 2
    assert (
        f"remedies.csv, row 3, column date: {ahead.isoformat()} is more than 1 day after today "
        f"(allowed: up to {(today + dt.timedelta(days=1)).isoformat()})"
    ) in result.stderr
    assert sum(row_counts(tmp_path / "store" / "kedut.sqlite3").values()) == 0


def test_a_dry_run_counts_per_table_and_stores_nothing(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert kedut(store, "log", "day", "--date", "2026-11-20", "--water-ml", "1500").returncode == 0
    before = row_counts(store / "kedut.sqlite3")
    folder = tmp_path / "files"
    folder.mkdir()
    _write(folder / "days.csv", "date,water_ml,sleep_h\n2026-11-20,1500,7\n2026-11-21,900,\n")
    _write(folder / "episodes.csv", "started_at\n2026-11-20T09:30+07:00\n")
    result = kedut(store, "import", str(folder), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "episodes: would add 1, would change 0, would skip 0",
        "days: would add 1, would change 1, would skip 0",  # 2026-11-20 gets its sleep_h
        "dry run: nothing was stored",
    ]
    assert row_counts(store / "kedut.sqlite3") == before
    stored = kedut(store, "import", str(folder))
    assert stored.stdout.splitlines() == [
        "episodes: 1 added, 0 changed, 0 skipped",
        "days: 1 added, 1 changed, 0 skipped",
    ]
    days = {d["date"]: d for d in listed(store)["days"]}
    assert (days["2026-11-20"]["water_ml"], days["2026-11-20"]["sleep_h"]) == (1500, 7)


def test_a_day_from_elsewhere_fills_empty_fields_and_replace_overwrites(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert kedut(store, "log", "day", "--date", "2026-11-20", "--water-ml", "1500").returncode == 0
    other = _write(tmp_path / "days.csv", "date,water_ml,stress\n2026-11-20,2000,3\n")
    assert "days: 0 added, 1 changed, 0 skipped" in kedut(store, "import", str(other)).stdout
    (day,) = listed(store)["days"]
    assert (day["water_ml"], day["stress"]) == (1500, 3)  # what was logged here is kept
    replaced = kedut(store, "import", str(other), "--on-conflict", "replace")
    assert "days: 0 added, 1 changed, 0 skipped" in replaced.stdout
    (day,) = listed(store)["days"]
    assert (day["water_ml"], day["stress"]) == (2000, 3)


def test_errors_speak_the_persons_words_in_their_language(tmp_path: Path) -> None:
    source = _write(tmp_path / "episodes.csv", "Started_At,Intensity\n2026-11-20T09:30+07:00,abc\n")
    english = kedut(tmp_path / "store", "import", str(source))
    assert english.returncode == 2
    assert (
        "episodes.csv, row 2, column Intensity: 'abc' is not a whole number "
        "(allowed: whole numbers such as 3); nothing was stored"
    ) in english.stderr
    assert "invalid literal" not in english.stderr
    indonesian = kedut(tmp_path / "store", "import", str(source), env={"KEDUT_LANG": "id"})
    assert indonesian.returncode == 2
    assert "episodes.csv, baris 2, kolom Intensity: 'abc' bukan bilangan bulat" in (
        indonesian.stderr
    )
    bad_time = _write(tmp_path / "t.csv", "started_at\n2026-11-20 9.30\n")
    result = kedut(tmp_path / "store", "import", str(bad_time))
    assert "t.csv, row 2, column started_at: '2026-11-20 9.30' is not a date and time" in (
        result.stderr
    )
    assert "isoformat" not in result.stderr


def test_a_backup_with_an_unknown_key_is_refused_with_what_is_expected(tmp_path: Path) -> None:
    document = {
        "format": "kedut-backup",
        "schema_version": 2,
        "profiles": [
            {"name": "Ani", "episodes": [{"started_at": "2026-11-20T09:30+07:00", "x": 1}]}
        ],
    }
    backup = _write(tmp_path / "b.json", json.dumps(document))
    result = kedut(tmp_path / "store", "import", str(backup))
    assert result.returncode == 2
    assert (
        "b.json, profile 1 (Ani), episodes, entry 1, column x: 'x' is not a column of "
        "episodes.csv (expected: uuid, started_at,"
    ) in result.stderr


def test_empty_cells_take_the_defaults_and_a_note_keeps_its_spaces(tmp_path: Path) -> None:
    source = _write(
        tmp_path / "episodes.csv",
        "started_at,body_site,side,pain,note\n2026-11-20T09:30+07:00,, ,,  \n",
    )
    result = kedut(tmp_path / "store", "import", str(source))
    assert result.returncode == 0, result.stderr
    (episode,) = listed(tmp_path / "store")["episodes"]
    assert (episode["body_site"], episode["side"], episode["pain"], episode["note"]) == (
        "knee",
        "none",
        False,
        "  ",
    )
