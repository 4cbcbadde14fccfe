"""Daylio: the CSV export (More → Export Entries → CSV), one row per entry, newest first.

Every header version is read by its structure, not its words (Daylio translates the
date, weekday, time and mood; some versions translate the header):

    year,date,weekday,time,mood,activities,note                      (before 2019)
    full_date,date,weekday,time,mood,activities,note
    full_date,date,weekday,time,mood,activities,note_title,note
    full_date,date,weekday,time,mood,activities,scales,note_title,note

The first column is the ISO date (or the year, when the second column holds the day and
the month's name); the time is "21:35", "8:30 pm" or the like; activities are separated
by " | ". Activities become yes/no factors or twitch episodes through the mapping
(diary.py); a mood becomes stress only when the mapping gives it a level, otherwise it
is counted and skipped. A UTF-8 byte-order mark is allowed.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from tracker.formats.sources.batch import (
    Found,
    Note,
    Reason,
    SourceBatch,
    SourceFormatError,
    SourceOptions,
    checked_days,
)
from tracker.formats.sources.csvrows import first_rows, read_text, rows
from tracker.formats.sources.diary import Diary
from tracker.formats.sources.inputs import Container, Member, Meter, open_container
from tracker.formats.sources.months import day_and_month
from tracker.i18n import gettext as _

NAME = "daylio"
_HEAD = 8192
_ISO = re.compile(r"\d{4}-\d\d-\d\d\Z")
_YEAR = re.compile(r"\d{4}\Z")
_TIME = re.compile(r"(\d{1,2})[:.](\d\d)")
_PM = re.compile(r"\bp\.?\s*m\b|오후|午後|下午|ص", re.IGNORECASE)
_AM = re.compile(r"\ba\.?\s*m\b|오전|午前|上午|م", re.IGNORECASE)
_HEADERS = (
    ["year", "date", "weekday", "time", "mood", "activities", "note"],
    ["full_date", "date", "weekday", "time", "mood", "activities", "note"],
    ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"],
    ["full_date", "date", "weekday", "time", "mood", "activities", "scales", "note_title", "note"],
)


def _layout(head: bytes) -> str | None:
    """ "full" (ISO dates), "year" (a year and a day-and-month name) or None."""
    found = first_rows(head, _HEAD, 2)
    if not found or not 7 <= len(found[0]) <= 9:
        return None
    if len(found) == 1:
        header = [cell.strip().lower() for cell in found[0]]
        return ("year" if header[0] == "year" else "full") if header in _HEADERS else None
    row = found[1]
    if len(row) < 6 or not _TIME.search(row[3]):
        return None
    if _ISO.match(row[0].strip()):
        return "full"
    if _YEAR.match(row[0].strip()) and re.search(r"\d", row[1]):
        return "year"
    return None


def _layouts(container: Container) -> list[tuple[Member, str]]:
    found = []
    for member in container.members:
        layout = _layout(container.head(member, _HEAD))
        if layout is not None:
            found.append((member, layout))
    return found


def detect(path: Path) -> bool:
    try:
        with open_container(path) as container:
            return bool(_layouts(container))
    except SourceFormatError:
        return False


def read(path: Path, options: SourceOptions) -> SourceBatch:
    with open_container(path) as container:
        layouts = _layouts(container)
        if not layouts:
            raise SourceFormatError(
                path.name, _("this is not a Daylio export (no CSV of Daylio entries in it)")
            )
        batch = SourceBatch(NAME)
        diary = Diary(options, batch.report)
        meter = Meter(options, sum(m.size for m, _l in layouts))
        for member, layout in layouts:
            text = read_text(container, member, meter)
            _Entries(container.label(member), layout, diary).read(text)
        meter.finish()
        batch.report.note(Note.LOCAL_TIMES, options.zone_name())
        batch.days = checked_days(diary.finish(), batch.report)
        batch.episodes = diary.episodes
        days = diary.entry_days.get("", set())
        batch.medications = diary.medications(max(days) if days else None)
        return batch


def parse_time(text: str) -> dt.time | None:
    """ "21:35", "8:30 pm", "12:05 am", "오후 8:30": None when it cannot be told."""
    found = _TIME.search(text)
    if found is None:
        return None
    hour, minute = int(found.group(1)), int(found.group(2))
    rest = (text[: found.start()] + " " + text[found.end() :]).strip()
    if _PM.search(rest) and 1 <= hour <= 12:
        hour = hour % 12 + 12
    elif _AM.search(rest) and 1 <= hour <= 12:
        hour = hour % 12
    elif re.search(r"[^\W\d_]", rest):
        return None  # a word for the part of the day Kedut does not know
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


class _Entries:
    def __init__(self, label: str, layout: str, diary: Diary) -> None:
        self.label, self.layout, self.diary = label, layout, diary
        self.report = diary.report
        self.read_rows = 0
        self.first_bad: tuple[int, str] | None = None

    def read(self, text: str) -> None:
        for number, cells in rows(self.label, text):
            self._entry(number, [cell.strip() for cell in cells])
        if self.read_rows == 0 and self.first_bad is not None:
            number, value = self.first_bad
            reason = _("the date {value} cannot be read").format(value=repr(value))
            raise SourceFormatError(self.label, reason, row=number)

    def _day(self, cells: list[str]) -> dt.date | None:
        try:
            if self.layout == "full":
                return dt.date.fromisoformat(cells[0])
            found = day_and_month(cells[1])
            return None if found is None else dt.date(int(cells[0]), found[1], found[0])
        except ValueError:
            return None

    def _entry(self, number: int, cells: list[str]) -> None:
        day = self._day(cells)
        if day is None:
            value = cells[0] if self.layout == "full" else f"{cells[0]} {cells[1]}"
            self.first_bad = self.first_bad or (number, value)
            self.report.skip(_("Daylio entries"), Reason.BAD_DATE, place=self.label, row=number)
            return
        self.read_rows += 1
        self.diary.entry(day)
        place = f"{self.label}, " + _("row {row}").format(row=number)
        self._mood(cells[4], day, number)
        time = parse_time(cells[3])
        note = html.unescape(cells[-1].replace("<br>", "\n")).strip()
        for name in (part.strip() for part in cells[5].split("|")):
            if not name:
                continue
            target = self.diary.target(name, "activity", place=place)
            if target is None:
                continue
            if target.kind != "episode":
                self.diary.logged(name, target, day, True, group="", place=place)
            elif time is None:
                self.report.skip(name, Reason.BAD_TIME, place=self.label, row=number)
            else:
                self.diary.episode(name, target, day, time, note=note, place=place)

    def _mood(self, mood: str, day: dt.date, number: int) -> None:
        if not mood:
            return
        mapping = self.diary.options.mapping
        level = mapping.stress(mood) if mapping is not None else None
        found = self.report.names.setdefault(mood, Found("mood"))
        found.count += 1
        if level is None:
            self.report.skip(_("Daylio mood"), Reason.NOT_A_FACTOR, place=self.label, row=number)
            return
        found.target = _("stress {level}").format(level=level)
        self.diary.stress(day, level)
