"""Export and import: round trips without loss, and bad files refused with row, column
and reason, storing nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.integration.kedut_cli import TABLES, kedut, row_counts
from tracker.domain import DayLog, Episode, Side
from tracker.formats.csv_files import FileFormatError
from tracker.services import care, days, episodes, exchange, profiles
from tracker.storage import Store, open_store

FILES = ("episodes.csv", "days.csv", "medications.csv", "remedies.csv")
EPISODES_HEADER = (
    "started_at,body_site,side,intensity,duration_s,context,"
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
    assert (document["format"], document["schema_version"]) == ("kedut-backup", 1)


def test_reimporting_adds_nothing_and_replace_overwrites(demo_export: Path, tmp_path: Path) -> None:
    assert kedut(tmp_path, "import", str(demo_export / "csv")).returncode == 0
    before = row_counts(tmp_path / "kedut.sqlite3")
    again = kedut(tmp_path, "import", str(demo_export / "csv"))
    assert again.stdout.startswith("skipped: ")
    assert row_counts(tmp_path / "kedut.sqlite3") == before
    edited = demo_export / "edited"
    edited.mkdir()
    lines = (demo_export / "csv" / "days.csv").read_text().splitlines()
    first = lines[1].split(",")
    first[3] = "3333"  # water_ml
    (edited / "days.csv").write_text("\r\n".join([lines[0], ",".join(first)]) + "\r\n")
    assert kedut(tmp_path, "import", str(edited / "days.csv")).stdout.startswith("skipped: 1 days")
    replaced = kedut(tmp_path, "import", str(edited / "days.csv"), "--on-conflict", "replace")
    assert replaced.stdout.startswith("replaced: 1 days")
    listed = json.loads(kedut(tmp_path, "list", "--format", "json").stdout)
    assert [d["water_ml"] for d in listed["days"] if d["date"] == first[0]] == [3333]


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
    rows = [EPISODES_HEADER, "2026-11-25T09:00:00+07:00,knee,left,2,,,1,0,0,0,0,café, kopi"]
    rows[1] = rows[1].replace("café, kopi", '"café, kopi"')
    source.write_bytes("\ufeff".encode() + "\r\n".join(rows).encode() + b"\r\n")
    result = kedut(tmp_path / "store", "import", str(source))
    assert result.returncode == 0, result.stderr
    (episode,) = json.loads(kedut(tmp_path / "store", "list", "--format", "json").stdout)[
        "episodes"
    ]
    assert (episode["note"], episode["pain"], episode["side"]) == ("café, kopi", True, "left")


BAD_FILES = [
    ("wrong header", "date,sleep\n2026-11-25,7\n", "row 1: unknown header 'date,sleep'"),
    (
        "bad date",
        "date,remedy,helped,note\n2026-13-01,rest,,\n",
        "row 2, column date: '2026-13-01'",
    ),
    (
        "out of range",
        "date,remedy,helped,note\n2026-11-01,rest,2,\n2026-11-02,rest,9,\n",
        "row 3, column helped: How much it helped: 9 is not allowed (allowed: whole numbers 0–4)",
    ),
    (
        "unknown choice",
        "date,remedy,helped,note\n2026-11-01,yoga,,\n",
        "column remedy: Remedy: 'yoga' is not allowed",
    ),
    (
        "duplicate rows",
        "date,remedy,helped,note\n2026-11-01,rest,1,\n2026-11-01,rest,1,\n",
        "row 3: duplicates row 2",
    ),
    (
        "truncated row",
        "name,kind,started_on,stopped_on\nFurosemide,diuretic\n",
        "row 2: 2 cells, expected 4",
    ),
    ("truncated quote", 'date,remedy,helped,note\n2026-11-01,rest,1,"unfinished\n', "broken CSV"),
    ("not utf-8", "date,remedy,helped,note\n2026-11-01,rest,1,caf\xe9\n", "not UTF-8"),
    (
        "missing required",
        "date,remedy,helped,note\n,rest,1,\n",
        "row 2, column date: a value is required",
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
        (b"{not json", "not a readable JSON file"),
        (b'{"format": "something-else"}', "not a Kedut backup"),
        (
            b'{"format": "kedut-backup", "schema_version": 99, "profiles": []}',
            "99 is not supported",
        ),
        (b"[" * 100000 + b"]" * 100000, "not a readable JSON file"),
    ):
        backup = tmp_path / "backup.json"
        backup.write_bytes(content)
        result = kedut(tmp_path / "store", "import", str(backup))
        assert result.returncode == 2, content[:30]
        assert message in result.stderr


# Property: any diary survives both round trips byte for byte.
notes = st.one_of(
    st.none(),
    st.text(
        alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
        min_size=1,
        max_size=40,
    ),
)
# Naive wall-clock times, given an offset below.
moments = st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2030, 1, 1)).map(  # noqa: DTZ001
    lambda d: d.replace(microsecond=0)
)
offsets = st.sampled_from([-300, 0, 330, 420, 480, 600])


@st.composite
def diaries(draw: st.DrawFn) -> tuple[list[Episode], list[DayLog]]:
    episodes_ = {}
    for moment, offset, note, side, flags in draw(
        st.lists(
            st.tuples(
                moments,
                offsets,
                notes,
                st.sampled_from(["left", "right", "both", "none"]),
                st.lists(st.booleans(), min_size=5, max_size=5),
            ),
            max_size=12,
        )
    ):
        zone = dt.timezone(dt.timedelta(minutes=offset))
        episode = Episode(
            started_at=moment.replace(tzinfo=zone),
            utc_offset_min=offset,
            side=Side(side),
            note=note,
            pain=flags[0],
            swelling=flags[1],
            warmth=flags[2],
            numbness_tingling=flags[3],
            weakness=flags[4],
        )
        episodes_[(episode.started_at, side)] = episode
    day_logs = {}
    for day, sleep, water, note in draw(
        st.lists(
            st.tuples(
                st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)),
                st.one_of(st.none(), st.floats(0, 24)),
                st.one_of(st.none(), st.integers(0, 20000)),
                notes,
            ),
            max_size=8,
        )
    ):
        day_logs[day] = DayLog(date=day, sleep_h=sleep, water_ml=water, note=note)
    return list(episodes_.values()), list(day_logs.values())


def _after_2030() -> dt.datetime:
    # The generated diary reaches 2030: it is filled as if logged later, in its past.
    return dt.datetime(2031, 1, 1, tzinfo=dt.UTC)


def _fill(store: Store, episodes_: list[Episode], day_logs: list[DayLog]) -> None:
    for episode in episodes_:
        episodes.log_twitch(
            store,
            None,
            now=_after_2030,
            at=episode.started_at,
            side=episode.side,
            intensity=episode.intensity,
            note=episode.note,
            pain=episode.pain,
            swelling=episode.swelling,
            warmth=episode.warmth,
            numbness_tingling=episode.numbness_tingling,
            weakness=episode.weakness,
        )
    for day_log in day_logs:
        days.save_day(
            store,
            None,
            day_log.date,
            now=_after_2030,
            sleep_h=day_log.sleep_h,
            water_ml=day_log.water_ml,
            note=day_log.note,
        )
    care.add_medication(
        store,
        None,
        name="Prednisolone, 5 mg",
        kind="corticosteroid",
        started_on=dt.date(2024, 1, 1),
    )


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(diaries())
def test_generated_diaries_round_trip_byte_for_byte(
    tmp_path: Path, diary: tuple[list[Episode], list[DayLog]]
) -> None:
    import tempfile

    with tempfile.TemporaryDirectory(dir=tmp_path) as scratch:
        root = Path(scratch)
        source = open_store(root / "a")
        _fill(source, *diary)
        exchange.export_csv(source, None, root / "csv1")
        exchange.export_json(source, root / "backup1.json")
        via_csv, via_json = open_store(root / "b"), open_store(root / "c")
        exchange.import_path(via_csv, None, root / "csv1")
        exchange.import_path(via_json, None, root / "backup1.json")
        exchange.export_csv(via_csv, None, root / "csv2")
        exchange.export_json(via_json, root / "backup2.json")
        _same_files(root / "csv1", root / "csv2")
        assert (root / "backup1.json").read_bytes() == (root / "backup2.json").read_bytes()
        assert [p.name for p in profiles.list_profiles(via_json)] == ["Me"]
        for store in (source, via_csv, via_json):
            store.close()


def test_an_import_error_names_the_file_row_and_column() -> None:
    error = FileFormatError("days.csv", 7, "sleep_h", "too long")
    assert str(error) == "days.csv, row 7, column sleep_h: too long"
