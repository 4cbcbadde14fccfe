"""Loop Habit Tracker: the CSV export (Settings → Export as CSV), a zip holding
`Habits.csv`, a folder per habit ("001 Water/Checkmarks.csv", "…/Scores.csv") and the
overall `Checkmarks.csv` and `Scores.csv` with a column per habit. Pick the zip, its
folder, or only the overall `Checkmarks.csv`.

Versions (read from Loop's own source, iSoron/uhabits):
- 1.x: Habits.csv "Position,Name,Description,NumRepetitions,Interval,Color"; per-habit
  checkmarks without a header, "2015-01-25,2"; values 2 done, 1 done implicitly (not due
  that day), 0 not done.
- 2.0–2.2: Habits.csv adds "Question"; values also -1 unknown and 3 skipped; numeric
  habits (1.8 and later) write their amount × 1000 ("2500" = 2.5 glasses).
- 2.3 and later: Habits.csv has "Type" (YES_NO, NUMERICAL) and "Unit"; per-habit files
  have a header "Date,Value,Notes" and values are written as YES_MANUAL, YES_AUTO, NO,
  SKIP, UNKNOWN (or the amount × 1000; a numeric habit's 0 is written NO).

A yes/no habit is yes when done (2, YES_MANUAL) and no when not done (0, NO) or done
only implicitly (1, YES_AUTO: the day was not due, the thing was not done); skipped and
unknown days stay not logged. Without a Type, a habit is numeric when a value other than
-1…3 appears. What each habit means (water, magnesium, exercise minutes, twitching) is
the mapping's (diary.py); Loop has no time of day, so a twitch is at 12:00.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

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
from tracker.i18n import gettext as _

NAME = "loop"
_HEAD = 4096
_CODES = {"YES_MANUAL": 2, "YES_AUTO": 1, "NO": 0, "SKIP": 3, "UNKNOWN": -1}
_VALUE = re.compile(r"-?[0-9]{1,12}\Z")
_ISO = re.compile(r"\d{4}-\d\d-\d\d\Z")
_FOLDER = re.compile(r"(\d{3}) ")
_NOON = dt.time(12)
_MOST_EPISODES = 50  # a day's count of twitches from a numeric habit, at most


@dataclass
class _Habit:
    name: str
    numeric: bool | None = None  # None: not said (before 2.3), told by the values
    unit: str = ""
    values: list[tuple[dt.date, int, str, int]] = field(default_factory=list)


def _is_value(cell: str) -> bool:
    return cell.strip() in _CODES or bool(_VALUE.match(cell.strip()))


def _kind(head: bytes) -> str | None:
    """ "habits", "checkmarks" (one habit), "overall" (a column per habit) or None."""
    found = first_rows(head, _HEAD, 2)
    if not found:
        return None
    first = [cell.strip() for cell in found[0]]
    if first[:2] == ["Position", "Name"]:
        return "habits"
    data = found[1] if first[0] == "Date" and len(found) > 1 else found[0]
    if first[0] != "Date" and not _ISO.match(first[0]):
        return None
    if len(data) < 2 or not _ISO.match(data[0].strip()) or not _is_value(data[1]):
        return None  # a scores file (0.1234) or something else
    if first[0] == "Date" and first[-1] == "" and len(first) >= 3:
        return "overall"
    return "checkmarks" if len(data) <= 3 else None


def _kinds(container: Container) -> list[tuple[Member, str]]:
    found = []
    for member in container.members:
        kind = _kind(container.head(member, _HEAD))
        if kind is not None:
            found.append((member, kind))
    return found


def detect(path: Path) -> bool:
    try:
        with open_container(path) as container:
            return any(kind in ("habits", "overall") for _m, kind in _kinds(container))
    except SourceFormatError:
        return False


def read(path: Path, options: SourceOptions) -> SourceBatch:
    with open_container(path) as container:
        kinds = _kinds(container)
        if not any(kind in ("habits", "overall") for _m, kind in kinds):
            raise SourceFormatError(
                path.name,
                _("this is not a Loop Habit Tracker export (no Habits.csv or Checkmarks.csv)"),
            )
        meter = Meter(options, sum(m.size for m, _k in kinds))
        texts = [(m, k, read_text(container, m, meter)) for m, k in kinds]
        meter.finish()
        habits: dict[str, _Habit] = {}
        for member, kind, text in texts:
            if kind == "habits":
                _read_habits(container.label(member), text, habits)
        singles = [(m, t) for m, k, t in texts if k == "checkmarks" and _position(m) in habits]
        for member, text in singles:
            _read_values(container.label(member), text, habits[_position(member)])
        if not singles:
            for member, kind, text in texts:
                if kind == "overall":
                    _read_overall(container.label(member), text, habits)
        batch = SourceBatch(NAME)
        diary = Diary(options, batch.report)
        last = max((d for h in habits.values() for d, *_r in h.values), default=None)
        for habit in habits.values():
            _interpret(habit, diary)
        batch.days = checked_days(diary.finish(), batch.report)
        batch.episodes = diary.episodes
        batch.medications = diary.medications(last)
        return batch


def _position(member: Member) -> str:
    parent = PurePosixPath(member.name).parent.name
    found = _FOLDER.match(parent)
    return found.group(1) if found else ""


def _header(label: str, text: str) -> list[str]:
    try:
        return next(csv.reader(io.StringIO(text, newline="")), [])
    except csv.Error:
        raise SourceFormatError(label, _("the file is damaged here (broken CSV)"), row=1) from None


def _read_habits(label: str, text: str, habits: dict[str, _Habit]) -> None:
    header = _header(label, text)
    for number, cells in rows(label, text):
        row = dict(zip(header, (cell.strip() for cell in cells), strict=True))
        position, name = row.get("Position", ""), row.get("Name", "")
        if not position or not name:
            reason = _("a habit without its position or name")
            raise SourceFormatError(label, reason, row=number)
        kind = row.get("Type", "")
        numeric = {"NUMERICAL": True, "YES_NO": False}.get(kind)
        habits[position.zfill(3)] = _Habit(name, numeric, row.get("Unit", ""))


def _read_values(label: str, text: str, habit: _Habit) -> None:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for number, cells in enumerate(reader, start=1):
            if not cells or (number == 1 and cells[0].strip() == "Date"):
                continue
            _value(label, number, cells[0], cells[1] if len(cells) > 1 else "", habit)
    except csv.Error:
        reason = _("the file is damaged here (broken CSV)")
        raise SourceFormatError(label, reason, row=reader.line_num) from None


def _read_overall(label: str, text: str, habits: dict[str, _Habit]) -> None:
    """The overall Checkmarks.csv: "Date,Water,Magnesium," and a row per day, each
    ending in a comma; habits are found by name in Habits.csv when it is there."""
    header = _header(label, text)
    by_name = {h.name: h for h in habits.values()}
    columns: list[_Habit] = []
    for position, name in enumerate(header[1:-1], start=1):
        habit = by_name.get(name) or habits.setdefault(f"column {position}", _Habit(name))
        columns.append(habit)
    for number, cells in rows(label, text):
        for habit, cell in zip(columns, cells[1:-1], strict=True):
            _value(label, number, cells[0], cell, habit)


def _value(label: str, number: int, date: str, cell: str, habit: _Habit) -> None:
    try:
        day = dt.date.fromisoformat(date.strip())
    except ValueError:
        reason = _("the date {value} cannot be read (expected YYYY-MM-DD)").format(value=repr(date))
        raise SourceFormatError(label, reason, row=number) from None
    text = cell.strip()
    code = _CODES.get(text)
    if code is None and _VALUE.match(text):
        code = int(text)
    if code is None:
        reason = _("the value {value} is not one Loop writes").format(value=repr(cell))
        raise SourceFormatError(label, reason, row=number)
    habit.values.append((day, code, label, number))


def _interpret(habit: _Habit, diary: Diary) -> None:
    report = diary.report
    logged = [v for v in habit.values if v[1] not in (-1, 3)]
    for _day, _code, label, number in (v for v in habit.values if v[1] == 3):
        report.skip(habit.name, Reason.NOT_LOGGED, place=label, row=number)
    if not logged:
        return
    numeric = habit.numeric
    if numeric is None:
        numeric = any(not 0 <= code <= 3 for _d, code, _l, _n in logged)
    first = f"{logged[0][2]}, " + _("row {row}").format(row=logged[0][3])
    target = diary.target(
        habit.name, "habit", amount=numeric, unit=habit.unit, place=first, count=len(logged)
    )
    if target is None:
        return
    for day, code, label, number in logged:
        value: bool | float = code / 1000 if numeric else code == 2
        if target.kind != "episode":
            diary.logged(habit.name, target, day, value, place=first)
            continue
        report.note(Note.NO_TIMES)
        times = min(round(value), _MOST_EPISODES) if numeric else int(value is True)
        for _time in range(times):
            place = f"{label}, " + _("row {row}").format(row=number)
            diary.episode(habit.name, target, day, _NOON, place=place)
