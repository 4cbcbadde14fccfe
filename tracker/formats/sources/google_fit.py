"""Google Fit: Google Takeout's "Fit/Daily activity metrics" (a folder or a zip, or one
of its CSV files). The daily summary file (one row per day, a "Date" column) is read when
present; otherwise the per-day files (one row per 15 minutes, "Start time" and
"End time" columns, the day in the file name, e.g. 2024-03-01.csv).

exercise_min = "Heart Minutes" (minutes of moderate or vigorous activity, the same idea
as Apple's exercise minutes); an export without that column gives "Move Minutes count"
instead, and says so. On a day whose row shows the phone counted steps or move minutes,
an empty Heart Minutes cell is 0 minutes; a day with no activity at all stays not logged.
Sleep is not read: Google Fit's daily totals cut a night in two at midnight. Every other
column (steps, calories, distance, heart rate, weight …) is counted as skipped.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from pathlib import Path

from tracker.formats.sources.batch import (
    Note,
    Reason,
    SourceBatch,
    SourceFormatError,
    SourceOptions,
    SourceReport,
    checked_days,
)
from tracker.formats.sources.inputs import Container, Member, Meter, open_container
from tracker.i18n import gettext as _

NAME = "google-fit"
HEART = "Heart Minutes"
MOVE = "Move Minutes count"
STEPS = "Step count"
_KNOWN = frozenset({HEART, MOVE, STEPS, "Heart Points", "Calories (kcal)", "Distance (m)"})
_HEAD = 4096
_DAY_IN_NAME = re.compile(r"(\d{4}-\d\d-\d\d)")


def _kind(head: bytes) -> str | None:
    first = head.decode("utf-8-sig", errors="replace").splitlines()[:1]
    if not first:
        return None
    header = next(csv.reader(first), [])
    if not _KNOWN & set(header):
        return None
    if header[:1] == ["Date"]:
        return "summary"
    if header[:2] == ["Start time", "End time"]:
        return "day"
    return None


def _kinds(container: Container) -> list[tuple[Member, str | None]]:
    return [(m, _kind(container.head(m, _HEAD))) for m in container.members]


def detect(path: Path) -> bool:
    try:
        with open_container(path) as container:
            return any(kind for _m, kind in _kinds(container))
    except SourceFormatError:
        return False


def read(path: Path, options: SourceOptions) -> SourceBatch:
    with open_container(path) as container:
        kinds = [(m, k) for m, k in _kinds(container) if k is not None]
        if not kinds:
            raise SourceFormatError(
                path.name,
                _("this is not a Google Fit export (no daily activity metrics in it)"),
            )
        batch = SourceBatch(NAME)
        meter = Meter(options, sum(m.size for m, _k in kinds))
        has_summary = any(kind == "summary" for _m, kind in kinds)
        raw: dict[dt.date, dict[str, float]] = {}
        for member, kind in kinds:
            label = container.label(member)
            if has_summary and kind == "day":
                batch.report.skip(_("Google Fit per-day files"), Reason.COVERED_BY_SUMMARY)
                meter.advance(member.size)
                continue
            day = None
            if kind == "day":
                found = _DAY_IN_NAME.search(Path(member.name).name)
                try:
                    day = dt.date.fromisoformat(found.group(1)) if found else None
                except ValueError:
                    day = None
                if day is None:
                    batch.report.skip(_("Google Fit per-day files"), Reason.BAD_DATE, place=label)
                    meter.advance(member.size)
                    continue
            data = container.read_all(member, meter)
            _Table(label, batch.report, raw).read(data, day)
        meter.finish()
        batch.days = checked_days(raw, batch.report)
        return batch


class _Table:
    def __init__(
        self, label: str, report: SourceReport, raw: dict[dt.date, dict[str, float]]
    ) -> None:
        self.label, self.report, self.raw = label, report, raw
        self.dates: set[dt.date] = set()

    def read(self, data: bytes, day: dt.date | None) -> None:
        """One CSV: the summary (day None: each row's Date) or one day's 15-minute rows."""
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise SourceFormatError(self.label, _("this is not UTF-8 text"), row=line) from None
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        try:
            header = next(reader)
            column = HEART if HEART in header else MOVE
            self.report.note(
                Note.GOOGLE_FIT_HEART_MINUTES if column == HEART else Note.GOOGLE_FIT_MOVE_MINUTES
            )
            for cells in reader:
                if not cells:
                    continue
                if len(cells) != len(header):
                    reason = _("this row has {cells} cells, the header has {columns}").format(
                        cells=len(cells), columns=len(header)
                    )
                    raise SourceFormatError(self.label, reason, row=reader.line_num)
                self._row(reader.line_num, dict(zip(header, cells, strict=True)), column, day)
        except csv.Error:
            reason = _("the file is damaged here (broken CSV)")
            raise SourceFormatError(self.label, reason, row=reader.line_num) from None

    def _row(self, number: int, row: dict[str, str], column: str, day: dt.date | None) -> None:
        if day is None:
            try:
                row_day = dt.date.fromisoformat(row.get("Date", "").strip())
            except ValueError:
                reason = _("the date {value} cannot be read (expected YYYY-MM-DD)").format(
                    value=repr(row.get("Date", ""))
                )
                raise SourceFormatError(self.label, reason, row=number) from None
            if row_day in self.dates:
                reason = _("the day {day} is in this file twice").format(day=row_day)
                raise SourceFormatError(self.label, reason, row=number)
            self.dates.add(row_day)
            if row_day in self.raw:  # a second summary file with the same day
                self.report.skip(self.label, Reason.REPEATED_LOG, place=self.label, row=number)
                return
        else:
            row_day = day
        for name, cell in row.items():
            if name in ("Date", "Start time", "End time", column) or not cell.strip():
                continue
            reason = (
                Reason.NIGHT_CUT_AT_MIDNIGHT if "sleep" in name.lower() else Reason.NOT_A_FACTOR
            )
            self.report.skip(name, reason)
        cell = row.get(column, "").strip()
        active = any(row.get(name, "").strip() for name in (MOVE, STEPS))
        if not cell and not active:
            return
        minutes = self._minutes(cell, number, column)
        if minutes is None:
            return
        values = self.raw.setdefault(row_day, {})
        values["exercise_min"] = values.get("exercise_min", 0.0) + minutes
        if cell:
            self.report.read("exercise_min")

    def _minutes(self, cell: str, number: int, column: str) -> float | None:
        if not cell:
            return 0.0
        try:
            value = float(cell)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            self.report.skip(column, Reason.NOT_A_NUMBER, place=self.label, row=number)
            return None
        if value < 0:
            self.report.skip(column, Reason.NEGATIVE, place=self.label, row=number)
            return None
        return value
