"""`import` reads other apps' and devices' exports from the command line: found by
content, filling only empty fields, adding nothing the second time, and a dry run that
stores nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.integration.kedut_cli import kedut, row_counts

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _days(data_dir: Path) -> dict[str, dict[str, object]]:
    listed = kedut(data_dir, "list", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    return {day["date"]: day for day in json.loads(listed.stdout)["days"]}


def test_an_apple_health_export_fills_empty_fields_and_keeps_what_the_person_logged(
    tmp_path: Path,
) -> None:
    # Under another name, as an iPhone in Indonesian would call it: found by content.
    export = tmp_path / "ekspor.xml"
    shutil.copy(FIXTURES / "apple-health" / "export.xml", export)
    data = tmp_path / "diary"
    typed = kedut(data, "log", "day", "--date", "2024-03-02", "--water-ml", "1200")
    assert typed.returncode == 0, typed.stderr

    dry = kedut(data, "import", str(export), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "read as: Apple Health" in dry.stdout and "dry run: nothing was stored" in dry.stdout
    assert row_counts(data / "kedut.sqlite3")["day_log"] == 1

    done = kedut(data, "import", str(export))
    assert done.returncode == 0, done.stderr
    days = _days(data)
    assert days["2024-03-02"]["water_ml"] == 1200  # typed by the person: kept
    assert days["2024-03-02"]["sleep_h"] == round(7 + 10 / 60, 2)
    assert days["2024-03-03"]["water_ml"] == 300
    assert "1 kept as you logged them" in done.stdout

    again = kedut(data, "import", str(export))
    assert again.returncode == 0, again.stderr
    assert _days(data) == days
    assert "days: 0 added, 0 changed" in again.stdout

    replaced = kedut(data, "import", str(export), "--on-conflict", "replace")
    assert replaced.returncode == 0, replaced.stderr
    assert _days(data)["2024-03-02"]["water_ml"] != 1200


def test_a_diary_app_export_adds_its_twitches_once_and_a_broken_file_stores_nothing(
    tmp_path: Path,
) -> None:
    data = tmp_path / "diary"
    bearable = FIXTURES / "bearable" / "bearable-export-23-03-2024.csv"
    first = kedut(data, "import", str(bearable), "--from", "bearable")
    assert first.returncode == 0, first.stderr
    stored = row_counts(data / "kedut.sqlite3")
    assert stored["twitch_episode"] > 0
    second = kedut(data, "import", str(bearable))
    assert second.returncode == 0, second.stderr
    assert row_counts(data / "kedut.sqlite3") == stored

    broken = tmp_path / "export.xml"
    text = (FIXTURES / "apple-health" / "export.xml").read_text(encoding="utf-8")
    broken.write_text(text[: len(text) // 2], encoding="utf-8")
    refused = kedut(data, "import", str(broken), "--from", "apple-health")
    assert refused.returncode == 2
    assert "Traceback" not in refused.stderr and "export.xml" in refused.stderr
    assert row_counts(data / "kedut.sqlite3") == stored


def test_one_record_dated_after_today_is_skipped_and_counted_not_a_refusal(
    tmp_path: Path,
) -> None:
    text = (FIXTURES / "apple-health" / "export.xml").read_text(encoding="utf-8").splitlines()
    water = next(i for i, line in enumerate(text) if "DietaryWater" in line)
    text[water] = text[water].replace("2024-03-02", "2099-03-02")  # a watch's clock gone wrong
    export = tmp_path / "export.xml"
    export.write_text("\n".join(text) + "\n", encoding="utf-8")
    result = kedut(tmp_path / "data", "import", str(export))
    assert result.returncode == 0, result.stderr
    assert "dated after today (a device clock set wrong?) (first at 2099-03-02)" in result.stdout
    assert "2099-03-02" not in _days(tmp_path / "data")
    assert len(_days(tmp_path / "data")) >= 3  # the rest of the export is there


def test_a_cut_zip_no_source_recognises_is_called_a_damaged_zip(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "eksport.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.write(FIXTURES / "apple-health" / "export.xml", "apple_health_export/eksport.xml")
    cut = tmp_path / "eksport-half.zip"
    cut.write_bytes(archive.read_bytes()[:1800])
    result = kedut(tmp_path / "data", "import", str(cut))
    assert result.returncode == 2
    assert "eksport-half.zip: this zip archive is damaged, or holds no export Kedut can read" in (
        result.stderr
    )
    assert "UTF-8" not in result.stderr
