"""The cells of one row of an imported file into a domain record; every refusal names
the row and the column as the file names it, and says why and what is allowed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

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
from tracker.formats.columns import TYPES, fast_column
from tracker.formats.errors import FileFormatError, shown
from tracker.formats.records import FILES, STAMPS
from tracker.i18n import gettext as _

Record = Episode | DayLog | Medication | RemedyUse

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


class Entry(NamedTuple):
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


Step = tuple[str, Callable[[str], Any], bool, Any]


class Reader:
    """Reads the rows of one file of a known kind (e.g. "episodes.csv") whose rows all
    have `columns` (canonical names, in the file's order).

    `shown_names` maps each canonical column to the name the file gives it, for
    messages. `read_rows` converts column by column: a column whose cells are all
    plain (ISO dates, digits, 1/0) is read at C speed, any other cell by cell, so a
    100,000-row file takes a fraction of a second before the domain checks each row."""

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
        self._names = list(columns)
        self._steps = [self._step(column) for column in columns]
        self._columns = _value_columns(kind, columns)
        missing = {k: v for k, v in _DEFAULTS[kind].items() if k not in self._columns}
        self._build = functools.partial(_BUILD[kind], **missing) if missing else _BUILD[kind]
        latest = options.latest_day
        # Anything dated before this UTC day is not in the future in any time zone.
        self._surely_past = None if latest is None else latest - dt.timedelta(days=1)

    def fail(self, row: int, column: str, reason: str) -> FileFormatError:
        return FileFormatError(self.file, row, self._shown.get(column, column), reason, self.unit)

    def _step(self, column: str) -> Step:
        """How to read one column: its converter, whether it is required, its empty value."""
        convert: Callable[[str], Any]
        if column == "started_at":
            convert = self._instant
        else:
            kind = TYPES.get(column)
            convert = _same if kind is None else functools.partial(_with, kind, self.options)
        empty = _DEFAULTS[self.kind].get(column, False if column in _FALSE_WHEN_EMPTY else None)
        return column, convert, column in _REQUIRED, empty

    def _instant(self, text: str) -> dt.datetime:
        moment, naive = cells.instant(text, self.options)
        self.naive_times += naive
        return moment

    def read(self, row: int, record: Mapping[str, str]) -> Entry:
        """One row given as column → text (its columns may differ from the reader's)."""
        reader = Reader(self.file, self.kind, self._shown, self.options, self.unit, list(record))
        (entry,) = reader.read_rows([(row, list(record.values()))])
        self.naive_times += reader.naive_times
        return entry

    def read_rows(self, rows: Sequence[tuple[int, Sequence[str]]]) -> list[Entry]:
        if not rows:
            return []
        numbers = [number for number, _ in rows]
        by_column = list(zip(*(texts for _, texts in rows), strict=True))
        names = list(self._names)
        values = [
            self._column(step, texts, numbers)
            for step, texts in zip(self._steps, by_column, strict=True)
        ]
        if "started_at" in names:
            names.append("utc_offset_min")
            values.append([_offset_min(m) for m in values[names.index("started_at")]])
        build, by_row = self._build, list(zip(*values, strict=True))
        try:
            # Every row has a value for each name (zipped from the columns just above).
            records = [build(**dict(zip(names, row))) for row in by_row]  # noqa: B905
        except ValidationError:
            records = [
                self._record(number, dict(zip(names, row, strict=True)))
                for number, row in zip(numbers, by_row, strict=True)
            ]
        columns = self._columns
        entries = [Entry(n, r, columns) for n, r in zip(numbers, records, strict=True)]
        if self._surely_past is not None and self._may_be_future(names, values):
            for entry in entries:
                self._check_not_future(entry.row, entry.record)
        return entries

    def _record(self, row: int, values: dict[str, Any]) -> Record:
        """One row's record, or the refusal that names its row and column."""
        try:
            made: Record = self._build(**values)
        except ValidationError as error:
            column = "started_at" if error.field == "utc_offset_min" else error.field
            known = column in self._columns or column == "uuid"
            raise self.fail(row, column if known else "", refused(error)) from None
        return made

    def _may_be_future(self, names: list[str], values: list[list[Any]]) -> bool:
        """Whether any row's date may be after the latest day (checked row by row then)."""
        column = _DATED_BY[self.kind]
        if column not in names:
            return False
        dates = [v for v in values[names.index(column)] if v is not None]
        latest = max(dates, default=None)
        if isinstance(latest, dt.datetime):  # an instant: its UTC day, a day from any local one
            latest = latest.astimezone(dt.UTC).date()
        assert self._surely_past is not None
        return latest is not None and latest >= self._surely_past

    def _column(self, step: Step, texts: Sequence[str], numbers: Sequence[int]) -> list[Any]:
        column, convert, required, empty = step
        fast = fast_column(column, texts, self.options)
        if fast is not None:
            if column == "started_at":
                naive = [i for i, m in enumerate(fast) if m.utcoffset() is None]
                for index in naive:
                    fast[index] = fast[index].astimezone()
                self.naive_times += len(naive)
            return fast
        out = []
        keeps_spaces = column == "note"
        for row, text in zip(numbers, texts, strict=True):
            if not text or (text.isspace() and not keeps_spaces):
                if required:
                    raise self.fail(row, column, _("a value is required"))
                out.append(empty)
                continue
            try:
                out.append(convert(text))
            except CellError as error:
                raise self.fail(row, column, error.reason) from None
        return out

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


def _offset_min(moment: dt.datetime) -> int:
    offset = moment.utcoffset()
    assert offset is not None
    return int(offset.total_seconds() // 60)


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
