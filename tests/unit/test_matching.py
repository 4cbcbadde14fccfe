"""Which imported entries are already stored: the pure identity rules of an import."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.domain import DayLog, Episode, Medication
from tracker.formats.errors import FileFormatError
from tracker.formats.matching import ATTRS, Stored, check_repeats, plan
from tracker.formats.parse import Entry, Table

ZONE = dt.timezone(dt.timedelta(hours=7))
AT = dt.datetime(2026, 11, 20, 9, 0, tzinfo=ZONE)
U1 = "6a88722d-ed1a-4e9f-aa10-3405938cac7c"
U2 = "fb287161-6c4b-4271-854a-d3ed4b193e7c"
ALL = frozenset(("started_at", "side", "intensity", "note"))


def _episode(uuid: str | None = None, **changes: object) -> Episode:
    values: dict[str, object] = {"started_at": AT, "utc_offset_min": 420, "side": "left"}
    return Episode(uuid=uuid, **{**values, **changes})  # type: ignore[arg-type]


def _stored(key: int, record: Episode | DayLog, deleted: bool = False) -> Stored:
    kind = "episodes.csv" if isinstance(record, Episode) else "days.csv"
    assert record.uuid is not None
    values = tuple(getattr(record, a) for a in ATTRS[kind])
    return Stored(record.uuid, key, deleted, values)


def _entries(*records: Episode | DayLog | Medication, columns: frozenset[str] = ALL) -> list[Entry]:
    return [Entry(n, r, columns) for n, r in enumerate(records, start=2)]


def test_the_same_uuid_is_the_same_entry_whatever_its_values() -> None:
    stored = [_stored(1, _episode(U1))]
    moved = _entries(_episode(U1, note="moved"))
    skip = plan("episodes.csv", moved, stored, set(), replace=False, stamps=False)
    assert (skip.added, skip.changed, skip.skipped) == (0, 0, 1)
    change = plan("episodes.csv", moved, stored, set(), replace=True, stamps=False)
    assert (change.added, change.changed) == (0, 1)
    assert change.update[0].attrs == ("note",)
    assert change.update[0].key == 1


def test_rows_without_uuid_match_live_records_one_for_one() -> None:
    stored = [_stored(1, _episode(U1)), _stored(2, _episode(U2), deleted=True)]
    three_twins = _entries(_episode(), _episode(), _episode())
    result = plan("episodes.csv", three_twins, stored, set(), replace=False, stamps=False)
    # One live equal record: one row skipped; the deleted one stands for nothing.
    assert (result.added, result.skipped) == (2, 1)


def test_equal_means_equal_in_the_files_columns_only() -> None:
    stored = [_stored(1, _episode(U1, note="kept", intensity=3))]
    row = _entries(_episode(note="kept"), columns=frozenset(("started_at", "note")))
    result = plan("episodes.csv", row, stored, set(), replace=False, stamps=False)
    assert result.skipped == 1
    other = _entries(_episode(note="kept"), columns=frozenset(("started_at", "note", "intensity")))
    assert plan("episodes.csv", other, stored, set(), replace=False, stamps=False).added == 1


def test_a_record_matched_by_uuid_does_not_also_stand_for_a_row_without_one() -> None:
    stored = [_stored(1, _episode(U1))]
    rows = _entries(_episode(U1), _episode())
    result = plan("episodes.csv", rows, stored, set(), replace=False, stamps=False)
    assert (result.added, result.skipped) == (1, 1)


def test_a_uuid_of_another_profile_is_skipped_not_copied() -> None:
    result = plan("episodes.csv", _entries(_episode(U1)), [], {U1}, replace=True, stamps=False)
    assert (result.added, result.skipped, result.insert) == (0, 1, [])


DAY = dt.date(2026, 11, 20)
DAY_UUID = "447184ea-9730-528b-a173-13b31a7bfa03"
DAY_COLUMNS = frozenset(("date", "water_ml", "stress"))


def test_a_day_from_elsewhere_fills_only_what_was_not_logged() -> None:
    stored = [_stored_day(DayLog(date=DAY, water_ml=1500, uuid=DAY_UUID))]
    row = [Entry(2, DayLog(date=DAY, water_ml=2000, stress=3), DAY_COLUMNS)]
    fill = plan("days.csv", row, stored, set(), replace=False, stamps=False)
    assert (fill.changed, fill.update[0].attrs) == (1, ("stress",))
    replace = plan("days.csv", row, stored, set(), replace=True, stamps=False)
    assert replace.update[0].attrs == ("water_ml", "stress")


def test_a_deleted_day_comes_back_only_for_a_day_from_elsewhere() -> None:
    stored = [_stored_day(DayLog(date=DAY, water_ml=1500, uuid=DAY_UUID), deleted=True)]
    same = [Entry(2, DayLog(date=DAY, water_ml=1500, uuid=DAY_UUID), DAY_COLUMNS)]
    assert plan("days.csv", same, stored, set(), replace=False, stamps=False).skipped == 1
    other = [Entry(2, DayLog(date=DAY, water_ml=900), DAY_COLUMNS)]
    revived = plan("days.csv", other, stored, set(), replace=False, stamps=False)
    assert revived.added == 1 and "deleted_at" in revived.update[0].attrs


def _stored_day(day: DayLog, deleted: bool = False) -> Stored:
    assert day.uuid is not None
    return Stored(day.uuid, day.date, deleted, tuple(getattr(day, a) for a in ATTRS["days.csv"]))


def test_one_entry_twice_in_an_import_is_refused_naming_both_rows() -> None:
    episodes = Table("episodes.csv", "episodes.csv", _entries(_episode(U1), _episode(U1)))
    with pytest.raises(FileFormatError) as caught:
        check_repeats([[episodes]])
    assert str(caught.value) == (
        "episodes.csv, row 3, column uuid: the same uuid as row 2 (an entry appears once)"
    )
    first = Table("a.json, profile 1, days", "days.csv", [Entry(1, DayLog(date=DAY), DAY_COLUMNS)])
    first.unit = "entry"
    second = Table("days.csv", "days.csv", [Entry(5, DayLog(date=DAY), DAY_COLUMNS)])
    check_repeats([[first], [second]])  # one day each for two profiles: fine
    with pytest.raises(FileFormatError, match=r"days.csv, row 5, column date: a second value"):
        check_repeats([[first, second]])
    twins = Table("episodes.csv", "episodes.csv", _entries(_episode(), _episode()))
    check_repeats([[twins]])  # without uuids, two rows are two twitches
