"""Export and import: round trips without loss, and bad files refused with row, column
and reason, storing nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.kedut_cli import TABLES, kedut, row_counts
from tracker.formats.csv_files import FileFormatError

FILES = ("episodes.csv", "days.csv", "medications.csv", "remedies.csv")
EPISODES_HEADER = (
    "uuid,started_at,body_site,side,intensity,duration_s,context,"
    "pain,swelling,warmth,numbness_tingling,weakness,note"
)


def _same_files(a: Path, b: Path) -> None:
    for name in FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.fixture(scope="module")
def demo_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("demo")
    assert (
        kedut(
            root / "store", "demo", "--days", "120", "--seed", "5", "--end", "2026-11-25"
        ).returncode
        == 0
    )
    assert (
        kedut(
            root / "store",
            "--profile",
            "Demo",
            "export",
            "--format",
            "csv",
            "--out",
            str(root / "csv"),
        ).returncode
        == 0
    )
    assert (
        kedut(
            root / "store", "export", "--format", "json", "--out", str(root / "backup.json")
        ).returncode
        == 0
    )
    return root


def test_csv_round_trip_on_demo_data_is_byte_identical(demo_export: Path, tmp_path: Path) -> None:
    imported = kedut(tmp_path, "import", str(demo_export / "csv"))
    assert imported.returncode == 0, imported.stderr
    assert (
        kedut(tmp_path, "export", "--format", "csv", "--out", str(tmp_path / "again")).returncode
        == 0
    )
    _same_files(demo_export / "csv", tmp_path / "again")


def test_json_round_trip_on_demo_data_is_byte_identical(demo_export: Path, tmp_path: Path) -> None:
    assert kedut(tmp_path, "import", str(demo_export / "backup.json")).returncode == 0
    assert (
        kedut(
            tmp_path, "export", "--format", "json", "--out", str(tmp_path / "again.json")
        ).returncode
        == 0
    )
    assert (tmp_path / "again.json").read_bytes() == (demo_export / "backup.json").read_bytes()
    document = json.loads((tmp_path / "again.json").read_text())
    assert (document["format"], document["schema_version"]) == ("kedut-backup", 2)


def test_reimporting_adds_nothing_and_replace_overwrites(demo_export: Path, tmp_path: Path) -> None:
    assert kedut(tmp_path, "import", str(demo_export / "csv")).returncode == 0
    before = row_counts(tmp_path / "kedut.sqlite3")
    again = kedut(tmp_path, "import", str(demo_export / "csv"))
    assert again.returncode == 0, again.stderr
    assert "episodes: 0 added, 0 changed, " in again.stdout
    assert row_counts(tmp_path / "kedut.sqlite3") == before
    edited = demo_export / "edited"
    edited.mkdir()
    lines = (demo_export / "csv" / "days.csv").read_text().splitlines()
    first = lines[1].split(",")
    first[4] = "3333"  # water_ml, after uuid and date
    (edited / "days.csv").write_text("\r\n".join([lines[0], ",".join(first)]) + "\r\n")
    skipped = kedut(tmp_path, "import", str(edited / "days.csv"))
    assert skipped.stdout.splitlines() == ["days: 0 added, 0 changed, 1 skipped"]
    replaced = kedut(tmp_path, "import", str(edited / "days.csv"), "--on-conflict", "replace")
    assert replaced.stdout.splitlines() == ["days: 0 added, 1 changed, 0 skipped"]
    listed = json.loads(kedut(tmp_path, "list", "--format", "json").stdout)
    assert [d["water_ml"] for d in listed["days"] if d["date"] == first[1]] == [3333]
    assert row_counts(tmp_path / "kedut.sqlite3") == before


def test_exports_are_private_and_formulas_are_neutralised(tmp_path: Path) -> None:
    kedut(
        tmp_path,
        "log",
        "twitch",
        "--at",
        "2026-11-25T09:00+07:00",
        "--note",
        '=HYPERLINK("http://x")',
    )
    kedut(tmp_path, "log", "twitch", "--at", "2026-11-25T10:00+07:00", "--note", "@SUM(1,2)")
    kedut(tmp_path, "log", "twitch", "--at", "2026-11-25T11:00+07:00", "--note", "'quoted already")
    assert (
        kedut(tmp_path, "export", "--format", "csv", "--out", str(tmp_path / "out")).returncode == 0
    )
    text = (tmp_path / "out" / "episodes.csv").read_text()
    assert '"\'=HYPERLINK(""http://x"")"' in text
    assert ",'@SUM(1,2)" in text.replace('"', "")
    assert "''quoted already" in text
    assert oct((tmp_path / "out" / "episodes.csv").stat().st_mode & 0o777) == "0o600"
    other = tmp_path / "other"
    assert kedut(other, "import", str(tmp_path / "out")).returncode == 0
    notes = [
        e["note"] for e in json.loads(kedut(other, "list", "--format", "json").stdout)["episodes"]
    ]
    assert notes == ['=HYPERLINK("http://x")', "@SUM(1,2)", "'quoted already"]


def test_a_bom_and_windows_line_endings_are_accepted(tmp_path: Path) -> None:
    source = tmp_path / "episodes.csv"
    rows = [EPISODES_HEADER, ",2026-11-25T09:00:00+07:00,knee,left,2,,,1,0,0,0,0,café, kopi"]
    rows[1] = rows[1].replace("café, kopi", '"café, kopi"')
    source.write_bytes("\ufeff".encode() + "\r\n".join(rows).encode() + b"\r\n")
    result = kedut(tmp_path / "store", "import", str(source))
    assert result.returncode == 0, result.stderr
    (episode,) = json.loads(kedut(tmp_path / "store", "list", "--format", "json").stdout)[
        "episodes"
    ]
    assert (episode["note"], episode["pain"], episode["side"]) == ("café, kopi", True, "left")


BAD_FILES = [
    (
        "unknown header",
        "when,what\n2026-11-25,7\n",
        "bad.csv, row 1: the first row should name the columns, found 'when', 'what'",
    ),
    (
        "unknown column",
        "date,sleep\n2026-11-25,7\n",
        "bad.csv, row 1, column sleep: 'sleep' is not a column of days.csv (expected: uuid, "
        "date, sleep_h,",
    ),
    (
        "repeated column",
        "date,Water_ML,water_ml\n2026-11-25,1,2\n",
        "column water_ml: 'water_ml' appears twice (expected each column once: uuid, date,",
    ),
    (
        "bad date",
        "date,remedy,helped,note\n2026-13-01,rest,,\n",
        "bad.csv, row 2, column date: '2026-13-01' is not a date "
        "(allowed: a date written like 2026-11-25)",
    ),
    (
        "out of range",
        "date,remedy,helped,note\n2026-11-01,rest,2,\n2026-11-02,rest,9,\n",
        "bad.csv, row 3, column helped: 9 is not allowed (allowed: whole numbers 0–4)",
    ),
    (
        "not a number",
        "date,Water_ml\n2026-11-01,lots\n",
        "bad.csv, row 2, column Water_ml: 'lots' is not a whole number "
        "(allowed: whole numbers such as 3)",
    ),
    (
        "unknown choice",
        "date,remedy,helped,note\n2026-11-01,yoga,,\n",
        "column remedy: 'yoga' is not allowed (allowed: rest, fluids,",
    ),
    (
        "repeated uuid",
        "uuid,date,remedy\n"
        "6a88722d-ed1a-4e9f-aa10-3405938cac7c,2026-11-01,rest\n"
        "6a88722d-ed1a-4e9f-aa10-3405938cac7c,2026-11-02,rest\n",
        "bad.csv, row 3, column uuid: the same uuid as row 2 (an entry appears once)",
    ),
    (
        "truncated row",
        "name,kind,started_on,stopped_on\nFurosemide,diuretic\n",
        "bad.csv, row 2: 2 cells, but the header has 4 (a broken or cut-off row)",
    ),
    (
        "truncated quote",
        'date,remedy,helped,note\n2026-11-01,rest,1,"unfinished\n',
        "the file is not valid CSV here",
    ),
    ("not utf-8", "date,remedy,helped,note\n2026-11-01,rest,1,caf\xe9\n", "not UTF-8"),
    (
        "missing required",
        "date,remedy,helped,note\n,rest,1,\n",
        "bad.csv, row 2, column date: a value is required",
    ),
]


@pytest.mark.parametrize(
    ("content", "message"), [(c, m) for _, c, m in BAD_FILES], ids=[n for n, _, _ in BAD_FILES]
)
def test_bad_files_exit_2_with_row_column_and_reason_and_store_nothing(
    tmp_path: Path, content: str, message: str
) -> None:
    assert kedut(tmp_path, "log", "twitch").returncode == 0  # something stored before
    before = row_counts(tmp_path / "kedut.sqlite3")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content.encode("latin-1") if "\xe9" in content else content.encode())
    result = kedut(tmp_path, "import", str(bad))
    assert result.returncode == 2
    assert message in result.stderr
    assert "nothing was stored" in result.stderr
    for python_words in ("invalid literal", "isoformat", "Traceback", "Error"):
        assert python_words not in result.stderr
    assert row_counts(tmp_path / "kedut.sqlite3") == before


def test_one_bad_file_in_a_folder_stores_nothing_from_the_good_ones(
    demo_export: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in FILES:
        (folder / name).write_bytes((demo_export / "csv" / name).read_bytes())
    (folder / "remedies.csv").write_text("date,remedy,helped,note\n2026-11-01,rest,7,\n")
    result = kedut(tmp_path / "store", "import", str(folder))
    assert result.returncode == 2
    assert row_counts(tmp_path / "store" / "kedut.sqlite3") == dict.fromkeys(TABLES, 0)


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "episodes.csv"
    with huge.open("wb") as handle:
        handle.truncate(51 * 1024 * 1024)  # sparse: no time spent writing it
    result = kedut(tmp_path / "store", "import", str(huge))
    assert result.returncode == 2
    assert "51 MB is over the 50 MB limit" in result.stderr


def test_a_broken_backup_is_refused(tmp_path: Path) -> None:
    for content, message in (
        (b"{not json", "not a readable JSON file (it breaks at line 1, column 2)"),
        (  # a backup cut short: where it breaks
            b'{"format": "kedut-backup",\n "schema_version": 2,\n "profiles": [{"name": "Sa',
            "not a readable JSON file (it breaks at line 3, column 24)",
        ),
        (b'{"format": "something-else"}', "not a Kedut backup"),
        (
            b'{"format": "kedut-backup", "schema_version": 99, "profiles": []}',
            "'99' is not supported (allowed: 1, 2)",
        ),
        (b"[" * 100000 + b"]" * 100000, "not a readable JSON file"),
    ):
        backup = tmp_path / "backup.json"
        backup.write_bytes(content)
        result = kedut(tmp_path / "store", "import", str(backup))
        assert result.returncode == 2, content[:30]
        assert message in result.stderr


def test_an_import_error_names_the_file_row_and_column() -> None:
    error = FileFormatError("days.csv", 7, "sleep_h", "too long")
    assert str(error) == "days.csv, row 7, column sleep_h: too long"
