"""Bearable: the CSV export (Settings → Export data → CSV), one row per thing logged:

    date,weekday,time of day,category,rating/amount,detail,notes
    "22nd Sep 2020","Tuesday","pm","Symptom","1","Twitching (Mild)",""

- Symptom rows whose symptom is twitching (the mapping, or an obvious name: "twitch",
  "kedut", "muscle twitch" …) become episodes: intensity = the rating (1 Mild,
  2 Moderate, 3 Severe, 4 Unbearable; 0 "None" is skipped); the time is the row's time,
  or for a part of the day pre 03:00, am 09:00, mid 15:00, pm 21:00, all day 12:00; the
  place is the knee unless the symptom's name says another.
- Sleep "7:30" (hours:minutes asleep; without it the "Asleep" or else the "In bed" span
  of the detail) → sleep_h of the row's date, naps added; Sleep
  quality 1–5 → sleep_quality 0–4; Water "1.25L" → water_ml; Caffeine "95mg" →
  caffeine_mg; Bowel movements of Bristol type 6 or 7 → diarrhoea (other types: no).
- Meds/Supplements → medication periods (diary.py), of the kind the mapping gives or
  "other"; the mapping may instead make one a day factor (a vitamin supplement).
- Factors (all kinds) are yes/no things mapped like Daylio's activities.
- Mood, energy, gratitudes, food diary and notes are not Kedut factors: counted, skipped.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

from tracker.formats.sources.batch import (
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
from tracker.formats.sources.mapping import Target
from tracker.formats.sources.months import day_and_month
from tracker.i18n import gettext as _

NAME = "bearable"
_HEAD = 8192
_HEADER = ["date", "weekday", "time of day", "category", "rating/amount", "detail", "notes"]
_DATE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([^\W\d_]+)\.?,?\s+(\d{4})\Z")
_CLOCK = re.compile(r"(\d{1,2}):(\d\d)\Z")
_BLOCKS = {
    "pre": dt.time(3),
    "am": dt.time(9),
    "mid": dt.time(15),
    "pm": dt.time(21),
    "all day": dt.time(12),
    "": dt.time(12),
}
_AMOUNT = re.compile(r"([0-9]{1,12}(?:[.,][0-9]{1,12})?)\s*([^\d\s].*)?\Z")
_WATER = {"l": 1000.0, "ml": 1.0, "cl": 10.0, "fl oz": 29.5735, "oz": 29.5735, "cup": 236.5882}
_OTHER = frozenset({"mood", "energy", "gratitudes", "food diary", "extra notes", "notes"})
_MEDICINE = Target("medication", medication="other")


def parse_date(text: str) -> dt.date | None:
    """ "22nd Sep 2020" → 2020-09-22; None when it is not such a date."""
    found = _DATE.match(text.strip())
    if found is None:
        return None
    day_month = day_and_month(f"{found.group(1)} {found.group(2)}")
    if day_month is None:
        return None
    try:
        return dt.date(int(found.group(3)), day_month[1], day_month[0])
    except ValueError:
        return None


def _recognised(head: bytes) -> bool:
    found = first_rows(head, _HEAD, 2)
    if not found or len(found[0]) != len(_HEADER):
        return False
    if [cell.strip().lower() for cell in found[0]] == _HEADER:
        return True  # Bearable writes its header in English
    return len(found) > 1 and parse_date(found[1][0]) is not None


def _members(container: Container) -> list[Member]:
    return [m for m in container.members if _recognised(container.head(m, _HEAD))]


def detect(path: Path) -> bool:
    try:
        with open_container(path) as container:
            return bool(_members(container))
    except SourceFormatError:
        return False


def read(path: Path, options: SourceOptions) -> SourceBatch:
    with open_container(path) as container:
        members = _members(container)
        if not members:
            raise SourceFormatError(
                path.name, _("this is not a Bearable export (no CSV of Bearable entries in it)")
            )
        batch = SourceBatch(NAME)
        diary = Diary(options, batch.report)
        meter = Meter(options, sum(m.size for m in members))
        rows_read: list[_Rows] = []
        for member in members:
            table = _Rows(container.label(member), diary)
            table.read(read_text(container, member, meter))
            rows_read.append(table)
        meter.finish()
        batch.report.note(Note.LOCAL_TIMES, options.zone_name())
        batch.days = checked_days(diary.finish(), batch.report)
        batch.episodes = diary.episodes
        last = max((t.last for t in rows_read if t.last is not None), default=None)
        batch.medications = diary.medications(last)
        return batch


def sleep_hours(amount: str, detail: str) -> float | None:
    """Hours asleep: the amount ("7:30"); without one, the span in the detail ("Asleep
    00:45 - 07:00", else "In bed 22:00 - 07:15", across midnight)."""
    clock = re.fullmatch(r"(\d{1,2}):(\d\d)", amount)
    if clock is not None:
        return int(clock.group(1)) + int(clock.group(2)) / 60
    if amount:
        return None
    for words in ("asleep", "in bed"):
        span = re.search(words + r"\s+(\d{1,2}):(\d\d)\s*-\s*(\d{1,2}):(\d\d)", detail, re.I)
        if span is not None:
            start, end = (int(span[1]) * 60 + int(span[2]), int(span[3]) * 60 + int(span[4]))
            return ((end - start) % 1440) / 60
    return None


def _name(detail: str) -> tuple[str, str]:
    """ "Back (lower) pain (Mild)" → ("Back (lower) pain", "Mild")."""
    found = re.match(r"(.*?)\s*\(([^()]*)\)\s*\Z", detail)
    return (found.group(1).strip(), found.group(2).strip()) if found else (detail.strip(), "")


def _number(text: str) -> tuple[float, str] | None:
    found = _AMOUNT.match(text.strip())
    if found is None:
        return None
    value = float(found.group(1).replace(",", "."))
    return (value, (found.group(2) or "").strip().lower()) if math.isfinite(value) else None


class _Rows:
    def __init__(self, label: str, diary: Diary) -> None:
        self.label, self.diary, self.report = label, diary, diary.report
        self.last: dt.date | None = None
        self.read_rows = 0
        self.first_bad: tuple[int, str] | None = None

    def read(self, text: str) -> None:
        for number, cells in rows(self.label, text):
            self._row(number, [cell.strip() for cell in cells])
        if self.read_rows == 0 and self.first_bad is not None:
            number, value = self.first_bad
            reason = _("the date {value} cannot be read (expected e.g. 22nd Sep 2020)").format(
                value=repr(value)
            )
            raise SourceFormatError(self.label, reason, row=number)

    def _skip(self, what: str, reason: Reason, number: int, detail: str = "") -> None:
        self.report.skip(what, reason, detail=detail, place=self.label, row=number)

    def _row(self, number: int, cells: list[str]) -> None:
        date, _weekday, when, category, amount, detail, notes = cells
        day = parse_date(date)
        if day is None:
            self.first_bad = self.first_bad or (number, date)
            self._skip(category or _("Bearable rows"), Reason.BAD_DATE, number)
            return
        self.read_rows += 1
        self.last = day if self.last is None else max(self.last, day)
        kind = category.lower()
        place = f"{self.label}, " + _("row {row}").format(row=number)
        if kind == "symptom":
            self._symptom(number, day, when, amount, detail, notes, place)
        elif kind.endswith("factors"):
            self._factors(number, day, when, kind, detail, place)
        elif kind in ("meds/supplements", "medication", "medications"):
            self._medicine(day, amount, detail, place)
        elif kind in ("sleep", "sleep quality", "water", "caffeine", "bowel movements"):
            self._measure(number, day, kind, category, amount, detail)
        else:
            self._skip(category, Reason.NOT_A_FACTOR, number)

    def _time(self, when: str) -> dt.time | None:
        clock = _CLOCK.match(when)
        if clock is None:
            found = _BLOCKS.get(when.lower())
            if found is not None:
                self.report.note(Note.BLOCK_TIMES)
            return found
        hour, minute = int(clock.group(1)), int(clock.group(2))
        return dt.time(hour, minute) if hour < 24 and minute < 60 else None

    def _symptom(
        self, number: int, day: dt.date, when: str, amount: str, detail: str, notes: str, place: str
    ) -> None:
        name, _severity = _name(detail)
        target = self.diary.target(name, "symptom", place=place)
        if target is None:
            return
        rating = int(amount) if re.fullmatch(r"[0-9]{1,3}", amount) else None
        if rating is None or rating > 4:
            self._skip(name, Reason.UNKNOWN_VALUE, number, detail=repr(amount))
        elif rating == 0:
            self._skip(name, Reason.LOGGED_AS_NONE, number)
        elif target.kind == "episode":
            time = self._time(when)
            if time is None:
                self._skip(name, Reason.BAD_TIME, number)
                return
            note = f"{detail}: {notes}" if notes.strip(" .") else detail
            self.diary.episode(name, target, day, time, intensity=rating, note=note, place=place)
        else:
            self.diary.logged(name, target, day, float(rating), place=place)

    def _factors(
        self, number: int, day: dt.date, when: str, group: str, detail: str, place: str
    ) -> None:
        self.diary.entry(day, group)
        for name in (part.strip() for part in detail.split("|")):
            target = self.diary.target(name, "factor", place=place) if name else None
            if target is None:
                continue
            if target.kind != "episode":
                self.diary.logged(name, target, day, True, group=group, place=place)
            elif (time := self._time(when)) is None:
                self._skip(name, Reason.BAD_TIME, number)
            else:
                self.diary.episode(name, target, day, time, place=place)

    def _medicine(self, day: dt.date, amount: str, detail: str, place: str) -> None:
        name, unit = _name(detail)
        target = self.diary.target(
            name, "medicine", amount=True, unit=unit, place=place, default=_MEDICINE
        )
        if target is None or not name:
            return
        dose = _number(amount)
        self.diary.logged(name, target, day, True if dose is None else dose[0], place=place)

    def _measure(
        self, number: int, day: dt.date, kind: str, category: str, amount: str, detail: str
    ) -> None:
        if kind == "bowel movements":
            bristol = re.search(r"([0-9])", amount)
            if bristol is None and amount.lower() != "none":
                self._skip(category, Reason.UNKNOWN_VALUE, number, detail=repr(amount))
                return
            self.diary.flag(day, "diarrhea", bristol is not None and int(bristol.group(1)) >= 6)
            self.report.read("diarrhea")
            return
        if kind == "sleep":
            self._add(number, day, category, "sleep_h", sleep_hours(amount, detail), amount)
            return
        parsed = _number(amount)
        if parsed is None:
            self._skip(category, Reason.NOT_A_NUMBER, number)
        elif kind == "sleep quality":
            value = parsed[0] - 1 if parsed[0] in (1, 2, 3, 4, 5) and not parsed[1] else None
            self._add(number, day, category, "sleep_quality", value, amount)
        elif kind == "water":
            factor = _WATER.get(parsed[1].rstrip("s"))
            if factor is None:
                self._skip(category, Reason.UNKNOWN_UNIT, number, detail=repr(parsed[1]))
            else:
                self._add(number, day, category, "water_ml", parsed[0] * factor, amount)
        elif parsed[1] != "mg":
            self._skip(category, Reason.UNKNOWN_UNIT, number, detail=repr(parsed[1]))
        else:
            self._add(number, day, category, "caffeine_mg", parsed[0], amount)

    def _add(
        self, number: int, day: dt.date, category: str, field: str, value: float | None, raw: str
    ) -> None:
        if value is None:
            self._skip(category, Reason.UNKNOWN_VALUE, number, detail=repr(raw))
            return
        self.diary.add(day, field, value)
        self.report.read(field)
