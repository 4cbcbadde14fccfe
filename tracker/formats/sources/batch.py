"""What a source reader hands back (a `SourceBatch`: day values by local date, and a report
of what was read and what was skipped), the options it runs with, and its errors.

Pure: no Kivy, no SQLAlchemy. Texts for people are rendered when asked for (`lines()`),
in the language of the caller, never fixed while a worker thread reads the file.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tracker.domain import DayLog, Episode, Medication, ValidationError
from tracker.formats.csv_files import FileFormatError
from tracker.i18n import gettext as _
from tracker.i18n import ngettext
from tracker.labels import factor_label

if TYPE_CHECKING:
    from tracker.formats.sources.mapping import Mapping

# Day fields stored as whole numbers (the others, sleep_h, keep two decimals: 36 seconds).
WHOLE_FIELDS = frozenset({"water_ml", "exercise_min", "caffeine_mg", "sleep_quality", "stress"})
DayValues = dict[str, float | int]


class SourceFormatError(FileFormatError):
    """A file a source cannot read, with where (file or member, line, record or row) and
    why, in the person's words."""

    def __init__(
        self, file: str, reason: str, *, line: int = 0, record: int = 0, row: int = 0
    ) -> None:
        super().__init__(file, line or record or row, "", reason)
        self.line, self.record, self.row_number = line, record, row

    def __str__(self) -> str:
        if self.line:
            where = _("{file}, line {line}").format(file=self.file, line=self.line)
        elif self.record:
            where = _("{file}, record {record}").format(file=self.file, record=self.record)
        elif self.row_number:
            where = _("{file}, row {row}").format(file=self.file, row=self.row_number)
        else:
            where = self.file
        return f"{where}: {self.reason}"


class ImportCancelled(Exception):  # noqa: N818 - a request, not a fault
    """The person cancelled while the file was being read: nothing was stored."""


@dataclass(frozen=True)
class SourceOptions:
    """How to read. `zone` is the person's time zone for times a file gives in UTC without
    saying where the person was (None: this machine's zone, with its summer time).
    `progress(done, total)` is called as bytes are read; `cancelled()` is asked as often.
    `mapping` says what a diary app's own names mean (None: only the obvious defaults)."""

    zone: dt.tzinfo | None = None
    progress: Callable[[int, int], None] | None = None
    cancelled: Callable[[], bool] | None = None
    mapping: Mapping | None = None

    def local_date(self, utc_seconds: float) -> dt.date:
        """The calendar day in the person's zone of a UTC instant (POSIX seconds)."""
        if self.zone is None:
            return dt.datetime.fromtimestamp(utc_seconds).date()  # noqa: DTZ006 - the machine's zone is the point
        return dt.datetime.fromtimestamp(utc_seconds, self.zone).date()

    def zone_name(self) -> str:
        if self.zone is None:
            return _("this computer's time zone")
        return str(self.zone)


class Reason(enum.StrEnum):
    """Why something in a file was not read; the text is rendered by `reason_text`."""

    NOT_A_FACTOR = "not_a_factor"
    CORRELATION_COPY = "correlation_copy"
    AWAKE = "awake"
    IN_BED_ON_ASLEEP_NIGHT = "in_bed_on_asleep_night"
    END_NOT_AFTER_START = "end_not_after_start"
    UNKNOWN_UNIT = "unknown_unit"
    UNKNOWN_VALUE = "unknown_value"
    NOT_A_NUMBER = "not_a_number"
    NEGATIVE = "negative"
    BAD_DATE = "bad_date"
    MISSING = "missing"
    OUT_OF_RANGE = "out_of_range"
    REPEATED_LOG = "repeated_log"
    WORKOUT_ON_EXERCISE_DAY = "workout_on_exercise_day"
    COVERED_BY_SUMMARY = "covered_by_summary"
    NIGHT_CUT_AT_MIDNIGHT = "night_cut_at_midnight"
    NOT_MAPPED = "not_mapped"
    MAPPED_TO_SKIP = "mapped_to_skip"
    NO_AMOUNT = "no_amount"
    LOGGED_AS_NONE = "logged_as_none"
    NOT_LOGGED = "not_logged"
    BAD_TIME = "bad_time"
    IN_THE_FUTURE = "in_the_future"


def reason_text(reason: Reason, detail: str = "") -> str:
    texts = {
        Reason.NOT_A_FACTOR: _("not a Kedut factor"),
        Reason.CORRELATION_COPY: _("copies inside a group record, already counted on their own"),
        Reason.AWAKE: _("awake time is not sleep"),
        Reason.IN_BED_ON_ASLEEP_NIGHT: _("time in bed on a night that has asleep time"),
        Reason.END_NOT_AFTER_START: _("its end is not after its start"),
        Reason.UNKNOWN_UNIT: _("the unit {unit} is not known"),
        Reason.UNKNOWN_VALUE: _("the value {value} is not known"),
        Reason.NOT_A_NUMBER: _("the value is not a number"),
        Reason.NEGATIVE: _("the value is below zero"),
        Reason.BAD_DATE: _("its date cannot be read"),
        Reason.MISSING: _("a value it needs is missing"),
        Reason.OUT_OF_RANGE: _("outside what Kedut allows ({allowed})"),
        Reason.REPEATED_LOG: _("the same log is also in another file"),
        Reason.WORKOUT_ON_EXERCISE_DAY: _("that day already has exercise minutes"),
        Reason.COVERED_BY_SUMMARY: _("the daily summary file already has these days"),
        Reason.NIGHT_CUT_AT_MIDNIGHT: _("daily totals cut a night in two at midnight"),
        Reason.NOT_MAPPED: _("not mapped to anything in Kedut yet"),
        Reason.MAPPED_TO_SKIP: _("the mapping says to leave it out"),
        Reason.NO_AMOUNT: _("the mapping gives no amount for each time ({field})"),
        Reason.LOGGED_AS_NONE: _("logged as none"),
        Reason.NOT_LOGGED: _("marked as skipped or unknown in the app"),
        Reason.BAD_TIME: _("its time of day cannot be read"),
        Reason.IN_THE_FUTURE: _("dated after today (a device clock set wrong?)"),
    }
    return texts[reason].format(unit=detail, value=detail, allowed=detail, field=detail)


class Note(enum.StrEnum):
    """How a file was read, said to the person with the counts."""

    FITBIT_EXERCISE_UTC = "fitbit_exercise_utc"
    GOOGLE_FIT_HEART_MINUTES = "google_fit_heart_minutes"
    GOOGLE_FIT_MOVE_MINUTES = "google_fit_move_minutes"
    LOCAL_TIMES = "local_times"
    BLOCK_TIMES = "block_times"
    NO_TIMES = "no_times"


def note_text(note: Note, detail: str = "") -> str:
    texts = {
        Note.FITBIT_EXERCISE_UTC: _(
            "Fitbit writes exercise start times in UTC; their days are taken in {zone}."
        ),
        Note.GOOGLE_FIT_HEART_MINUTES: _(
            "Exercise minutes are Google Fit's Heart Minutes (moderate or vigorous activity)."
        ),
        Note.GOOGLE_FIT_MOVE_MINUTES: _(
            "Exercise minutes are Google Fit's Move Minutes: this export has no Heart Minutes."
        ),
        Note.LOCAL_TIMES: _("Times in this file are clock times; they are taken in {zone}."),
        Note.BLOCK_TIMES: _(
            "Bearable logs symptoms by part of the day: a twitch logged 'am' is at 09:00, "
            "'mid' at 15:00, 'pm' at 21:00, 'pre' at 03:00, 'all day' at 12:00."
        ),
        Note.NO_TIMES: _("Loop has no time of day: a twitch logged there is at 12:00."),
    }
    return texts[note].format(zone=detail)


def grouped(count: int) -> str:
    """120431 → "120 431": a space groups thousands in English and Indonesian alike."""
    return f"{count:,}".replace(",", " ")


@dataclass
class Skip:
    """How many were skipped for one reason, and where the first one was: a line of the
    file, a record (a log in a list) or a place such as a member's name or a date."""

    count: int = 0
    place: str = ""
    line: int = 0
    record: int = 0
    row: int = 0

    def where(self) -> str:
        if self.line:
            text = _("line {line}").format(line=self.line)
        elif self.record:
            text = _("record {record}").format(record=self.record)
        elif self.row:
            text = _("row {row}").format(row=self.row)
        else:
            return self.place
        return f"{self.place}, {text}" if self.place else text


@dataclass
class Found:
    """A name of the person's own in a diary app (a habit, an activity, a symptom, a
    factor, a medicine or a mood), how often it was logged, and what the mapping made of it
    (`target` None: not mapped). `amount` is True for things logged with a number (a Loop
    numeric habit, a medicine's dose), with the app's `unit` when it says one."""

    kind: str
    count: int = 0
    amount: bool = False
    unit: str = ""
    target: str | None = None


@dataclass
class SourceReport:
    """Counts per field (records read, days with a value), what was skipped and why, and
    notes that say how the file was read. `names` lists the diary app's own names found
    (for the mapping preview); `episodes` and `medications` count what became of them."""

    records: dict[str, int] = field(default_factory=dict)
    days: dict[str, int] = field(default_factory=dict)
    skipped: dict[tuple[str, Reason, str], Skip] = field(default_factory=dict)
    notes: list[tuple[Note, str]] = field(default_factory=list)
    names: dict[str, Found] = field(default_factory=dict)
    episodes: int = 0
    medications: int = 0

    def unmapped(self) -> list[str]:
        """The names found that the mapping does not say anything about, most logged first."""
        left = [(n, f) for n, f in self.names.items() if f.target is None]
        return [n for n, _f in sorted(left, key=lambda item: (-item[1].count, item[0]))]

    def read(self, name: str, count: int = 1) -> None:
        self.records[name] = self.records.get(name, 0) + count

    def skip(
        self,
        what: str,
        reason: Reason,
        count: int = 1,
        *,
        detail: str = "",
        place: str = "",
        line: int = 0,
        record: int = 0,
        row: int = 0,
    ) -> None:
        entry = self.skipped.setdefault((what, reason, detail), Skip())
        if not entry.count:
            entry.place, entry.line, entry.record, entry.row = place, line, record, row
        entry.count += count

    def note(self, note: Note, detail: str = "") -> None:
        if (note, detail) not in self.notes:
            self.notes.append((note, detail))

    def skipped_count(self, what: str, reason: Reason | None = None) -> int:
        return sum(
            s.count for (w, r, _d), s in self.skipped.items() if w == what and reason in (None, r)
        )

    def lines(self) -> list[str]:
        """The report as a person reads it, in the current language."""
        out = []
        for name in sorted(self.days):
            days, records = self.days[name], self.records.get(name, 0)
            text = ngettext("{field}: {days} day", "{field}: {days} days", days).format(
                field=factor_label(name), days=grouped(days)
            )
            text += ngettext(", from {records} record", ", from {records} records", records)
            out.append(text.format(records=grouped(records)))
        if self.episodes:
            out.append(_("twitch episodes: {count}").format(count=grouped(self.episodes)))
        if self.medications:
            out.append(_("medication periods: {count}").format(count=grouped(self.medications)))
        for (what, reason, detail), skip in sorted(
            self.skipped.items(), key=lambda item: (-item[1].count, item[0][0])
        ):
            text = _("{what}: {count} skipped — {reason}").format(
                what=what, count=grouped(skip.count), reason=reason_text(reason, detail)
            )
            if skip.where():
                text += " " + _("(first at {place})").format(place=skip.where())
            out.append(text)
        out.extend(note_text(note, detail) for note, detail in self.notes)
        return out


@dataclass
class SourceBatch:
    """What one source read: day values by local date ({field: value}, only fields the
    source had), optional episodes and medications (for diary apps), and the report."""

    source: str
    days: dict[dt.date, DayValues] = field(default_factory=dict)
    episodes: list[Episode] = field(default_factory=list)
    medications: list[Medication] = field(default_factory=list)
    report: SourceReport = field(default_factory=SourceReport)


def checked_days(
    raw: dict[dt.date, dict[str, float]], report: SourceReport
) -> dict[dt.date, DayValues]:
    """Round each value to what Kedut stores, keep those the domain accepts (its bounds:
    sleep 0–24 h, water 0–20000 ml …), and report the others with the day they were on."""
    days: dict[dt.date, DayValues] = {}
    for day in sorted(raw):
        for name, value in raw[day].items():
            kept: float | int
            if isinstance(value, bool):
                kept = value  # a yes/no factor
            elif not math.isfinite(value):  # amounts added up past any float
                report.skip(factor_label(name), Reason.OUT_OF_RANGE, place=day.isoformat())
                continue
            else:
                kept = round(value) if name in WHOLE_FIELDS else round(value, 2)
            try:
                DayLog(date=day, **_one(name, kept))
            except ValidationError as error:
                detail = error.allowed if error.field == name else ""
                reason = Reason.OUT_OF_RANGE if detail else Reason.BAD_DATE
                report.skip(factor_label(name), reason, place=day.isoformat(), detail=detail)
                continue
            days.setdefault(day, {})[name] = kept
            report.days[name] = report.days.get(name, 0) + 1
    return days


def _one(name: str, value: float | int) -> dict[str, Any]:
    return {name: value}
