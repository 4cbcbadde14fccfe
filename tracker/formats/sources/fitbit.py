"""Fitbit: the account archive or Google Takeout (a folder or a zip; in Takeout the files
are under "Fitbit/Global Export Data/"), or one of its JSON files.

Read: the sleep logs (`sleep-YYYY-MM-DD.json`: a list of logs with logId, dateOfSleep,
minutesAsleep …) and the exercise logs (`exercise-N.json`: logId, activityName,
startTime "MM/DD/YY HH:MM:SS", activeDuration and duration in ms). Files are recognised
by their content. Every other file (heart rate, steps, calories …) is counted as skipped
without being read whole.

- sleep_h of D = the sum of minutesAsleep / 60 of the distinct logIds (main sleep and
  naps; one log can be in two files) whose dateOfSleep is D;
- exercise_min of D = the sum of activeDuration / 60000 (duration where activeDuration is
  missing) of the distinct logIds by the local date of startTime. Fitbit writes that time
  in UTC, so its day is taken in the person's time zone (`SourceOptions.zone`).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path
from typing import Any

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

NAME = "fitbit"
_HEAD = 4096
_LARGEST = 256 << 20  # a sleep or exercise file is a few hundred kB; more is not Fitbit's
_FITBIT_TIME = re.compile(r"(\d\d)/(\d\d)/(\d\d) (\d\d):(\d\d):(\d\d)\Z")
_DATED = re.compile(r"[-_ ]*(\d{4}-\d\d(-\d\d)?|\d+)$")


def _kind(head: bytes) -> str | None:
    if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"[") or b'"logId"' not in head:
        return None
    if b'"dateOfSleep"' in head:
        return "sleep"
    if b'"activityName"' in head:
        return "exercise"
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
        kinds = _kinds(container)
        if not any(kind for _m, kind in kinds):
            raise SourceFormatError(
                path.name, _("this is not a Fitbit export (no sleep or exercise logs in it)")
            )
        batch = SourceBatch(NAME)
        logs = _Logs(batch.report, options)
        meter = Meter(options, sum(m.size for m, _k in kinds))
        for member, kind in kinds:
            if kind is None:
                label = _DATED.sub("", Path(member.name).stem) or member.name
                batch.report.skip(_("{name} files").format(name=label), Reason.NOT_A_FACTOR)
                meter.advance(member.size)
                continue
            entries = _load(container, member, meter)
            for number, entry in enumerate(entries, start=1):
                place = (container.label(member), number)
                if kind == "sleep":
                    logs.sleep(entry, place)
                else:
                    logs.exercise(entry, place)
        meter.finish()
        batch.days = checked_days(logs.days(), batch.report)
        return batch


def _load(container: Container, member: Member, meter: Meter) -> list[Any]:
    label = container.label(member)
    if member.size > _LARGEST:
        raise SourceFormatError(label, _("this file is far larger than Fitbit's logs are"))
    data = container.read_all(member, meter)
    try:
        entries = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceFormatError(label, _("this is not UTF-8 text"), line=line) from None
    except json.JSONDecodeError as error:
        reason = _("the file is damaged or cut short here (this is not valid JSON)")
        raise SourceFormatError(label, reason, line=error.lineno) from None
    except (ValueError, RecursionError):  # e.g. a number of thousands of digits, or nesting
        reason = _("the file is damaged (it holds values no Fitbit log has)")
        raise SourceFormatError(label, reason) from None
    if not isinstance(entries, list):
        raise SourceFormatError(label, _("expected a list of logs"), line=1)
    return entries


class _Logs:
    def __init__(self, report: SourceReport, options: SourceOptions) -> None:
        self.report, self.options = report, options
        self.seen: set[tuple[str, str]] = set()
        self.sleep_min: dict[dt.date, float] = {}
        self.exercise_min: dict[dt.date, float] = {}

    def _skip(self, what: str, reason: Reason, place: tuple[str, int]) -> None:
        self.report.skip(what, reason, place=place[0], record=place[1])

    def _new(self, what: str, entry: dict[str, Any], place: tuple[str, int]) -> bool:
        log_id = entry.get("logId")
        if not isinstance(log_id, int | str) or isinstance(log_id, bool):
            self._skip(what, Reason.MISSING, place)
            return False
        key = (what, str(log_id))
        if key in self.seen:
            self._skip(what, Reason.REPEATED_LOG, place)
            return False
        self.seen.add(key)
        return True

    def sleep(self, entry: Any, place: tuple[str, int]) -> None:
        what = _("Fitbit sleep logs")
        if not isinstance(entry, dict):
            self._skip(what, Reason.MISSING, place)
            return
        minutes = _number(entry.get("minutesAsleep"))
        try:
            day = dt.date.fromisoformat(str(entry.get("dateOfSleep")))
        except ValueError:
            self._skip(what, Reason.BAD_DATE, place)
            return
        if minutes is None:
            self._skip(what, Reason.MISSING, place)
        elif minutes < 0:
            self._skip(what, Reason.NEGATIVE, place)
        elif self._new(what, entry, place):
            self.sleep_min[day] = self.sleep_min.get(day, 0.0) + minutes
            self.report.read("sleep_h")

    def exercise(self, entry: Any, place: tuple[str, int]) -> None:
        what = _("Fitbit exercise logs")
        if not isinstance(entry, dict):
            self._skip(what, Reason.MISSING, place)
            return
        milliseconds = _number(entry.get("activeDuration"))
        if milliseconds is None:
            milliseconds = _number(entry.get("duration"))
        day = self._day(str(entry.get("startTime")))
        if day is None:
            self._skip(what, Reason.BAD_DATE, place)
        elif milliseconds is None:
            self._skip(what, Reason.MISSING, place)
        elif milliseconds < 0:
            self._skip(what, Reason.NEGATIVE, place)
        elif self._new(what, entry, place):
            self.exercise_min[day] = self.exercise_min.get(day, 0.0) + milliseconds / 60000
            self.report.read("exercise_min")
            self.report.note(Note.FITBIT_EXERCISE_UTC, self.options.zone_name())

    def _day(self, text: str) -> dt.date | None:
        found = _FITBIT_TIME.match(text)
        if found is None:
            return None
        month, day, year, hour, minute, second = (int(part) for part in found.groups())
        try:
            moment = dt.datetime(2000 + year, month, day, hour, minute, second, tzinfo=dt.UTC)
        except ValueError:
            return None
        return self.options.local_date(moment.timestamp())

    def days(self) -> dict[dt.date, dict[str, float]]:
        raw: dict[dt.date, dict[str, float]] = {}
        for day, minutes in self.sleep_min.items():
            raw.setdefault(day, {})["sleep_h"] = minutes / 60
        for day, minutes in self.exercise_min.items():
            raw.setdefault(day, {})["exercise_min"] = minutes
        return raw


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None
