"""Loop Habit Tracker's CSV export in its three versions: yes/no codes (2 done, 1 done
implicitly, 0 not done, -1 unknown, 3 skipped; YES_MANUAL … in 2.3), numeric habits
×1000, what each habit means by the mapping."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.formats.sources import (
    Mapping,
    Reason,
    SourceFormatError,
    SourceOptions,
    detect,
    propose,
    source_named,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "loop"
LOOP = source_named("loop")
JAKARTA = ZoneInfo("Asia/Jakarta")
D = dt.date
MAPPING = Mapping.from_dict(
    {
        "names": {
            "Water": {"field": "water_ml", "per_unit": 250},
            "Magnesium": {"field": "magnesium_rich_food"},
            "Exercise": {"field": "exercise_min"},
            "Twitches": "episode",
        }
    }
)


def test_version_1_yes_no_codes_done_implicitly_is_not_done() -> None:
    batch = LOOP.read(FIXTURES / "v1", SourceOptions(zone=JAKARTA, mapping=MAPPING))
    magnesium = {day: v["magnesium_rich_food"] for day, v in batch.days.items()}
    # 2 done; 1 (done implicitly: not due that day) and 0 are no.
    assert magnesium == {
        D(2017, 3, 5): True,
        D(2017, 3, 4): False,
        D(2017, 3, 3): False,
        D(2017, 3, 2): True,
        D(2017, 3, 1): False,
        D(2017, 2, 28): True,
        D(2017, 2, 27): True,
    }
    # "Knee twitch" is twitching by its name: a twitch at noon on each day it was done.
    assert [e.local_started_at.isoformat() for e in batch.episodes] == [
        "2017-03-04T12:00:00+07:00",
        "2017-03-01T12:00:00+07:00",
    ]
    assert "Loop has no time of day: a twitch logged there is at 12:00." in batch.report.lines()


def test_version_2_numeric_habits_are_thousandths_and_skips_stay_unlogged() -> None:
    batch = LOOP.read(FIXTURES / "v2", SourceOptions(zone=JAKARTA, mapping=MAPPING))
    assert batch.days == {
        D(2022, 5, 4): {"water_ml": 1625, "magnesium_rich_food": True},  # 6500 = 6.5 glasses
        D(2022, 5, 3): {"water_ml": 2000, "magnesium_rich_food": False},
        D(2022, 5, 1): {"water_ml": 0, "magnesium_rich_food": False},  # 1: done implicitly
    }  # 2 May: magnesium skipped (3), water unknown
    assert batch.report.skipped_count("Magnesium", Reason.NOT_LOGGED) == 1
    # Twitches is numeric: 2000 = two twitches on 4 May, 1000 = one on 2 May.
    assert [e.local_date for e in batch.episodes] == [D(2022, 5, 4), D(2022, 5, 4), D(2022, 5, 2)]


def test_version_2_3_written_codes_notes_types_and_a_numeric_zero_written_no() -> None:
    batch = LOOP.read(FIXTURES / "v3", SourceOptions(zone=JAKARTA, mapping=MAPPING))
    assert batch.days == {
        D(2025, 8, 20): {"water_ml": 1500, "exercise_min": 45, "magnesium_rich_food": True},
        D(2025, 8, 19): {"water_ml": 0, "magnesium_rich_food": False},  # NO, YES_AUTO
        D(2025, 8, 18): {"water_ml": 1875, "exercise_min": 30},  # magnesium SKIP
        D(2025, 8, 17): {"magnesium_rich_food": False},
    }
    assert [e.local_date for e in batch.episodes] == [D(2025, 8, 20)]  # "Kedut", YES_MANUAL


def test_the_overall_checkmarks_file_alone_is_read_by_its_columns(tmp_path: Path) -> None:
    for version in ("v2", "v3"):
        alone = tmp_path / f"{version}-Checkmarks.csv"
        alone.write_bytes((FIXTURES / version / "Checkmarks.csv").read_bytes())
        assert detect(alone) is LOOP
        whole = LOOP.read(FIXTURES / version, SourceOptions(zone=JAKARTA, mapping=MAPPING))
        assert LOOP.read(alone, SourceOptions(zone=JAKARTA, mapping=MAPPING)).days == whole.days


def test_a_zip_as_loop_writes_it_is_read_like_its_folder(tmp_path: Path) -> None:
    archive = tmp_path / "Loop Habits CSV 2025-08-20.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in sorted((FIXTURES / "v3").rglob("*.csv")):
            bundle.write(path, path.relative_to(FIXTURES / "v3").as_posix())
    assert detect(archive) is LOOP
    options = SourceOptions(zone=JAKARTA, mapping=MAPPING)
    assert LOOP.read(archive, options).days == LOOP.read(FIXTURES / "v3", options).days


def test_without_a_mapping_only_twitching_is_read_and_the_rest_is_asked() -> None:
    batch = LOOP.read(FIXTURES / "v3", SourceOptions(zone=JAKARTA))
    assert batch.days == {}
    assert len(batch.episodes) == 1
    assert batch.report.unmapped() == ["Magnesium", "Water", "Exercise"]
    water = batch.report.names["Water"]
    assert (water.kind, water.amount, water.unit, water.count) == ("habit", True, "glasses", 3)
    proposal = propose(batch.report.names).to_dict()["names"]
    assert proposal == {
        "Exercise": {"field": "exercise_min", "per_unit": 1},
        "Kedut": "episode",
        "Magnesium": {"field": "magnesium_rich_food"},
        "Water": {"field": "water_ml", "per_unit": 250},
    }


def test_a_yes_no_habit_mapped_to_a_number_needs_an_amount_for_each_time() -> None:
    mapping = Mapping.from_dict({"names": {"Magnesium": {"field": "caffeine_mg"}}})
    batch = LOOP.read(FIXTURES / "v3", SourceOptions(zone=JAKARTA, mapping=mapping))
    assert batch.report.skipped_count("Magnesium", Reason.NO_AMOUNT) == 1
    assert batch.days[D(2025, 8, 19)] == {"caffeine_mg": 0}  # a "no" is a logged 0


def test_bad_values_and_dates_name_the_file_and_row(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Habits.csv").write_bytes((FIXTURES / "v2" / "Habits.csv").read_bytes())
    habit = folder / "001 Water"
    habit.mkdir()
    (habit / "Checkmarks.csv").write_text("2022-05-04,6500\n2022-05-03,lots\n")
    with pytest.raises(SourceFormatError) as caught:
        LOOP.read(folder, SourceOptions(mapping=MAPPING))
    assert str(caught.value) == (
        "export › 001 Water/Checkmarks.csv, row 2: the value 'lots' is not one Loop writes"
    )
    (habit / "Checkmarks.csv").write_text("2022-05-04,6500\n2022-13-03,2\n")
    with pytest.raises(SourceFormatError, match=r"row 2: the date '2022-13-03' cannot be read"):
        LOOP.read(folder, SourceOptions(mapping=MAPPING))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_are_refused_with_a_clear_message(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("random") / "Checkmarks.csv"
    path.write_bytes(data)
    with pytest.raises(SourceFormatError) as caught:
        LOOP.read(path, SourceOptions())
    assert str(caught.value).startswith("Checkmarks.csv")


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["v1", "v2", "v3"]),
    st.sampled_from(["Habits.csv", "Checkmarks.csv", "002 Magnesium/Checkmarks.csv"]),
    st.floats(0, 1),
    st.binary(max_size=30),
)
def test_a_cut_or_garbled_member_is_refused_or_read_never_a_crash(
    tmp_path_factory: pytest.TempPathFactory, version: str, member: str, at: float, tail: bytes
) -> None:
    folder = tmp_path_factory.mktemp("cut") / "export"
    for path in (FIXTURES / version).rglob("*.csv"):
        target = folder / path.relative_to(FIXTURES / version)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    victim = folder / member
    if victim.exists():
        data = victim.read_bytes()
        victim.write_bytes(data[: int(len(data) * at)] + tail)
    try:
        batch = LOOP.read(folder, SourceOptions(mapping=MAPPING))
    except SourceFormatError as error:
        assert str(error).startswith("export")
    else:
        assert all(0 <= v.get("water_ml", 0) <= 20000 for v in batch.days.values())
