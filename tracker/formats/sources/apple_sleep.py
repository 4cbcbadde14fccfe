"""Apple Health's sleep records into nights, and nights into sleep_h by day.

A watch writes one record per sleep stage (core, deep, REM, awake …), so the records of
one night end at many times, some before midnight. A night is therefore a sleep session:
sleep records (asleep, awake or in bed, from any source) that follow one another with
gaps under two hours. The session belongs to the local date on which its last record
ends (in that record's own offset): sleep_h of day D is the union of the asleep
intervals of the sessions that end on D, in hours; a session's time in bed counts only
when that session has no asleep interval at all (an iPhone alone records time in bed).
"""

from __future__ import annotations

import datetime as dt
import enum

from tracker.formats.sources.batch import Reason, SourceReport

GAP_S = 2 * 3600
Interval = tuple[int, int]


class Kind(enum.IntEnum):
    ASLEEP = 0
    IN_BED = 1
    AWAKE = 2


def union_seconds(intervals: list[Interval]) -> int:
    """The length of the union of [start, end) intervals: overlaps count once."""
    total, reach = 0, None
    for start, end in sorted(intervals):
        if reach is None or start > reach:
            total += end - start
            reach = end
        elif end > reach:
            total += end - reach
            reach = end
    return total


class Nights:
    """Sleep records as they stream by (start and end in UTC seconds, the local date of
    the end); `hours()` groups them into sessions and gives sleep_h by day."""

    def __init__(self) -> None:
        self.parts: list[tuple[int, int, Kind, int]] = []

    def add(self, start: int, end: int, kind: Kind, end_day: dt.date) -> None:
        self.parts.append((start, end, kind, end_day.toordinal()))

    def sessions(self) -> list[tuple[dt.date, list[tuple[int, int, Kind, int]]]]:
        found: list[tuple[dt.date, list[tuple[int, int, Kind, int]]]] = []
        current: list[tuple[int, int, Kind, int]] = []
        reach, last_day = 0, 0
        for part in sorted(self.parts):
            start, end, _kind, day = part
            if current and start - reach >= GAP_S:
                found.append((dt.date.fromordinal(last_day), current))
                current = []
            if not current or end >= reach:
                reach, last_day = end, day
            current.append(part)
        if current:
            found.append((dt.date.fromordinal(last_day), current))
        return found

    def hours(self, report: SourceReport, what: str) -> dict[dt.date, float]:
        by_day: dict[dt.date, list[Interval]] = {}
        for day, parts in self.sessions():
            asleep = [(s, e) for s, e, kind, _d in parts if kind is Kind.ASLEEP]
            in_bed = [(s, e) for s, e, kind, _d in parts if kind is Kind.IN_BED]
            if asleep and in_bed:
                report.skip(what, Reason.IN_BED_ON_ASLEEP_NIGHT, len(in_bed), place=day.isoformat())
                report.read("sleep_h", -len(in_bed))
            chosen = asleep or in_bed
            if chosen:
                by_day.setdefault(day, []).extend(chosen)
        return {day: union_seconds(intervals) / 3600 for day, intervals in by_day.items()}
