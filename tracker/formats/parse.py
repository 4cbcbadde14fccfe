"""The cells of one row of an imported file into a domain record; every refusal names
the row and the column as the file names it, and says why and what is allowed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tracker.domain import (
    DayLog,
    Episode,
    Medication,
    RemedyUse,
    Settings,
    ValidationError,
    local_date_of,
)
from tracker.formats import cells
from tracker.formats.cells import DEFAULT_OPTIONS, CellError, Converter, ReadOptions
from tracker.formats.errors import FileFormatError, shown
from tracker.formats.records import FILES, STAMPS
from tracker.i18n import gettext as _

Record = Episode | DayLog | Medication | RemedyUse

_TYPES: dict[str, Converter] = {
    "intensity": cells.whole,
    "duration_s": cells.whole,
    "pain": cells.yes_no,
    "swelling": cells.yes_no,
    "warmth": cells.yes_no,
    "numbness_tingling": cells.yes_no,
    "weakness": cells.yes_no,
    "date": cells.date,
    "sleep_h": cells.number,
    "sleep_quality": cells.whole,
    "water_ml": cells.whole,
    "exercise_min": cells.whole,
    "stress": cells.whole,
    "caffeine_mg": cells.whole,
    "alcohol_units": cells.number,
    "diarrhea": cells.yes_no,
    "calcium_rich_food": cells.yes_no,
    "magnesium_rich_food": cells.yes_no,
    "vitamin_supplement": cells.yes_no,
    "started_on": cells.date,
    "stopped_on": cells.date,
    "helped": cells.whole,
    "created_at": cells.stamp,
    "updated_at": cells.stamp,
    "deleted_at": cells.stamp,
}
BOOLEAN_COLUMNS = frozenset(column for column, kind in _TYPES.items() if kind is cells.yes_no)
# Columns whose cell may not be empty when the file has them.
_REQUIRED = frozenset({"started_at", "date", "name", "kind", "started_on", "remedy", "intensity"})
# An empty red-flag cell is "no": an episode has every sign or not.
_FALSE_WHEN_EMPTY = frozenset({"pain", "swelling", "warmth", "numbness_tingling", "weakness"})
# What a record is when its file leaves a column out.
_DEFAULTS: dict[str, dict[str, Any]] = {
    "episodes.csv": {"body_site": "knee", "side": "none", "intensity": 1},
    "days.csv": {},
    "medications.csv": {"kind": "other"},
    "remedies.csv": {},
}
_BUILD: dict[str, Callable[..., Record]] = {
    "episodes.csv": Episode,
    "days.csv": DayLog,
    "medications.csv": Medication,
    "remedies.csv": RemedyUse,
}
# The column that dates a row, for "not more than a day in the future".
_DATED_BY = {
    "episodes.csv": "started_at",
    "days.csv": "date",
    "medications.csv": "started_on",
    "remedies.csv": "date",
}


@dataclass(frozen=True)
class Entry:
    """One row of a file (or one entry of a backup's list) as a record, with the value
    columns the file gave for it."""

    row: int
    record: Record
    columns: frozenset[str]


@dataclass
class Table:
    """The entries of one CSV file, or of one list of a backup's profile."""

    file: str
    kind: str
    entries: list[Entry]
    unit: str = "row"
    naive_times: int = 0


class Reader:
    """Reads the rows of one file of a known kind (e.g. "episodes.csv").

    `shown_names` maps each canonical column to the name the file gives it, for
    messages. A CSV file's rows share one header: `read_cells` takes them as lists in
    the order of `columns` (the hot path of a 100,000-row import); `read` takes one
    mapping (a backup's entry)."""

    def __init__(
        self,
        file: str,
        kind: str,
        shown_names: Mapping[str, str],
        options: ReadOptions = DEFAULT_OPTIONS,
        unit: str = "row",
        columns: Sequence[str] = (),
    ) -> None:
        self.file, self.kind, self.unit, self.options = file, kind, unit, options
        self._shown = dict(shown_names)
        self.naive_times = 0
        """How many times had no UTC offset (read in this machine's time zone)."""
        self._steps = [self._step(column) for column in columns]
        self._columns = _value_columns(kind, columns)
        self._build = _BUILD[kind]
        self._defaults = _DEFAULTS[kind]
        latest = options.latest_day
        # Anything dated before this UTC day is not in the future in any time zone.
        self._surely_past = None if latest is None else latest - dt.timedelta(days=1)

    def fail(self, row: int, column: str, reason: str) -> FileFormatError:
        return FileFormatError(self.file, row, self._shown.get(column, column), reason, self.unit)

    def _step(self, column: str) -> tuple[str, Callable[[str], Any], bool, Any]:
        """How to read one column: its converter, whether it is required, its empty value."""
        convert: Callable[[str], Any]
        if column == "started_at":
            convert = self._instant
        else:
            kind = _TYPES.get(column)
            options = self.options
            convert = _same if kind is None else functools.partial(_with, kind, options)
        empty = False if column in _FALSE_WHEN_EMPTY else None
        return column, convert, column in _REQUIRED, empty

    def _instant(self, text: str) -> dt.datetime:
        moment, naive = cells.instant(text, self.options)
        self.naive_times += naive
        return moment

    def read(self, row: int, record: Mapping[str, str]) -> Entry:
        steps = [self._step(column) for column in record]
        columns = _value_columns(self.kind, list(record))
        return self._read(row, steps, list(record.values()), columns)

    def read_cells(self, row: int, texts: Sequence[str]) -> Entry:
        return self._read(row, self._steps, texts, self._columns)

    def _read(
        self,
        row: int,
        steps: Sequence[tuple[str, Callable[[str], Any], bool, Any]],
        texts: Sequence[str],
        columns: frozenset[str],
    ) -> Entry:
        values: dict[str, Any] = dict(self._defaults)
        for (column, convert, required, empty), text in zip(steps, texts, strict=True):
            if not text or (text.isspace() and convert is not _same):  # a note keeps " "
                if required:
                    raise self.fail(row, column, _("a value is required"))
                values[column] = empty
                continue
            try:
                values[column] = convert(text)
            except CellError as error:
                raise self.fail(row, column, error.reason) from None
        started = values.get("started_at")
        if started is not None:
            offset = started.utcoffset()
            values["utc_offset_min"] = int(offset.total_seconds() // 60)
        try:
            made = self._build(**values)
        except ValidationError as error:
            column = "started_at" if error.field == "utc_offset_min" else error.field
            known = column in columns or column == "uuid"
            raise self.fail(row, column if known else "", refused(error)) from None
        if self._surely_past is not None:
            self._check_not_future(row, made)
        return Entry(row, made, columns)

    def _check_not_future(self, row: int, record: Record) -> None:
        latest, surely_past = self.options.latest_day, self._surely_past
        assert latest is not None and surely_past is not None
        column = _DATED_BY[self.kind]
        if isinstance(record, Episode):
            if record.started_at.date() < surely_past:
                return
            day = local_date_of(record.started_at, record.utc_offset_min)
        else:
            day = getattr(record, column)
        if day > latest:
            reason = _("{value} is more than 1 day after today (allowed: up to {latest})")
            raise self.fail(
                row, column, reason.format(value=day.isoformat(), latest=latest.isoformat())
            )


def _value_columns(kind: str, columns: Sequence[str]) -> frozenset[str]:
    return frozenset(c for c in columns if c != "uuid" and c not in STAMPS[kind])


def _same(text: str) -> str:
    return text


def _with(convert: Converter, options: ReadOptions, text: str) -> Any:
    return convert(text, options)


def refused(error: ValidationError) -> str:
    value = error.value
    if error.shown is not None:
        text = error.shown
    elif isinstance(value, str):
        text = shown(value)
    elif isinstance(value, float):
        text = f"{value:g}"
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = str(value)
    return _("{value} is not allowed (allowed: {allowed})").format(
        value=text, allowed=error.allowed
    )


def settings(raw: Mapping[str, Any]) -> Settings:
    """A profile's settings from a backup; unknown keys are ignored, missing ones default."""
    if not isinstance(raw, Mapping):
        raise ValidationError("settings", raw, _("an object"))
    known = {f.name for f in dataclasses.fields(Settings)}
    values = {key: value for key, value in raw.items() if key in known}
    reminder = values.get("reminder_time")
    if isinstance(reminder, str):
        try:
            values["reminder_time"] = dt.time.fromisoformat(reminder)
        except ValueError:
            raise ValidationError("reminder_time", reminder, "HH:MM") from None
    return Settings(**values)


def _reader_for(kind: str) -> Callable[[str, int, Mapping[str, str]], Record]:
    def read(file: str, row: int, record: Mapping[str, str]) -> Record:
        return Reader(file, kind, {}).read(row, record).record

    return read


# One row of a CSV file of each kind, with the default options (for the fuzz tests).
PARSERS: dict[str, Callable[[str, int, Mapping[str, str]], Record]] = {
    kind: _reader_for(kind) for kind in FILES
}
