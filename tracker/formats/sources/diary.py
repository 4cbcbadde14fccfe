"""Shared by the diary apps (Bearable, Loop, Daylio): what their own names stand for, by
the mapping, gathered per local day into day values, twitch episodes and medication
periods (docs/importing.md "Diary apps: the rules they share").

- A yes/no thing (an activity, a factor, a yes/no habit) mapped to a yes/no field makes it
  yes on the days it was logged; mapped to a number it adds its `each` every time. Where
  the app shows days with an entry (Daylio, Bearable), a thing absent from such a day,
  from the first day it was ever logged on, makes the field no (or 0).
- An amount (a numeric habit, a dose) mapped to a number adds amount × `per_unit`;
  mapped to a yes/no field it is yes above 0.
- stress and sleep quality take the day's highest value; other numbers are summed.
- A medicine's dose days become periods: a gap of more than 7 days ends one. The last
  period is still going when its last dose is within 7 days of the file's last day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from tracker.domain import BodySite, Episode, Medication, MedicationKind, Side, ValidationError
from tracker.formats.sources.batch import Found, Reason, SourceOptions, SourceReport
from tracker.formats.sources.mapping import FLAG_FIELDS, Target, default_target, key

HIGHEST = frozenset({"stress", "sleep_quality"})
GAP_DAYS = 7
NOTE_CHARS = 2000
_SITES = (
    (r"knee|lutut", BodySite.KNEE),
    (r"eyelid|\beyes?\b|kelopak|\bmata\b", BodySite.EYELID),
    (r"thigh|\bpaha\b", BodySite.THIGH),
    (r"\bcalf\b|\bcalves\b|betis", BodySite.CALF),
    (r"\bfoot\b|\bfeet\b|telapak", BodySite.FOOT),
    (r"\barms?\b|lengan", BodySite.ARM),
    (r"\bhands?\b|tangan", BodySite.HAND),
)
_SIDES = (
    (r"\bboth\b|\bkedua\b", Side.BOTH),
    (r"\bleft\b|\bkiri\b", Side.LEFT),
    (r"\bright\b|\bkanan\b", Side.RIGHT),
)


def instant(day: dt.date, time: dt.time, options: SourceOptions) -> tuple[dt.datetime, int]:
    """A clock time on a local day as a UTC instant and the offset there (minutes)."""
    naive = dt.datetime.combine(day, time)
    # No zone given: this computer's, with its summer time.
    zone = options.zone
    aware = naive.astimezone() if zone is None else naive.replace(tzinfo=zone)
    offset = aware.utcoffset() or dt.timedelta()
    return aware.astimezone(dt.UTC), int(offset.total_seconds() // 60)


def place_of(name: str, target: Target) -> tuple[BodySite, Side]:
    """Where a twitch was: the mapping's place, else one the name says, else the knee."""
    site = BodySite(target.site) if target.site else None
    if site is None:
        site = next((s for p, s in _SITES if re.search(p, name, re.IGNORECASE)), BodySite.KNEE)
    side = Side(target.side) if target.side else None
    if side is None:
        side = next((s for p, s in _SIDES if re.search(p, name, re.IGNORECASE)), Side.NONE)
    return site, side


@dataclass
class _Doses:
    name: str
    kind: str
    days: set[dt.date] = field(default_factory=set)


class Diary:
    """Collects one file's names by the mapping; `finish` hands back the day values."""

    def __init__(self, options: SourceOptions, report: SourceReport) -> None:
        self.options, self.report = options, report
        self.numbers: dict[dt.date, dict[str, float]] = {}
        self.flags: dict[dt.date, dict[str, bool]] = {}
        self.entry_days: dict[str, set[dt.date]] = {}
        self.present: dict[tuple[str, str], tuple[Target, set[dt.date]]] = {}
        self.doses: dict[str, _Doses] = {}
        self.episodes: list[Episode] = []

    def target(
        self,
        name: str,
        kind: str,
        *,
        amount: bool = False,
        unit: str = "",
        place: str = "",
        default: Target | None = None,
        count: int = 1,
    ) -> Target | None:
        """What `name` means; counted in the report's names, and as skipped when it is not
        mapped or mapped to be left out. `default`: what it is when the mapping is silent
        (else only a twitching name means something). `count`: how many times it was logged."""
        found = self.report.names.setdefault(name, Found(kind, amount=amount, unit=unit))
        found.count += count
        mapping = self.options.mapping
        target = mapping.target(name) if mapping is not None else None
        target = target or default_target(name) or default
        if target is None:
            self.report.skip(name, Reason.NOT_MAPPED, count, place=place)
            return None
        found.target = target.describe()
        if target.kind == "skip":
            self.report.skip(name, Reason.MAPPED_TO_SKIP, count, place=place)
            return None
        return target

    def entry(self, day: dt.date, group: str = "") -> None:
        """`day` has an entry in the app (a Daylio entry, a Bearable factors row)."""
        self.entry_days.setdefault(group, set()).add(day)

    def logged(
        self,
        name: str,
        target: Target,
        day: dt.date,
        value: bool | float,
        *,
        group: str | None = None,
        place: str = "",
    ) -> None:
        """A yes/no (`value` True or False) or an amount for a name mapped to a field or a
        medicine. `group` names the entries whose days without it count as no."""
        if target.kind == "medication":
            if value is True or (not isinstance(value, bool) and value > 0):
                doses = self.doses.setdefault(key(name), _Doses(name.strip(), target.medication))
                doses.days.add(day)
            return
        if group is not None and value is not False:
            self.present.setdefault((key(name), group), (target, set()))[1].add(day)
        if target.field in FLAG_FIELDS:
            done = value if isinstance(value, bool) else value > 0
            self.flag(day, target.field, done)
        elif isinstance(value, bool):
            if value and target.each is None:
                self.report.skip(name, Reason.NO_AMOUNT, detail=target.field, place=place)
                return
            self.add(day, target.field, (target.each or 0.0) if value else 0.0)
        else:
            per_unit = 1.0 if target.per_unit is None else target.per_unit
            self.add(day, target.field, value * per_unit)
        self.report.read(target.field)

    def stress(self, day: dt.date, level: int) -> None:
        self.add(day, "stress", float(level))
        self.report.read("stress")

    def add(self, day: dt.date, name: str, value: float) -> None:
        """A number for a day field: the day's highest for stress and sleep quality, else
        added to the day's sum."""
        values = self.numbers.setdefault(day, {})
        if name in HIGHEST:
            values[name] = max(values.get(name, value), value)
        else:
            values[name] = values.get(name, 0.0) + value

    def flag(self, day: dt.date, name: str, done: bool) -> None:
        flags = self.flags.setdefault(day, {})
        flags[name] = flags.get(name, False) or done

    def episode(
        self,
        name: str,
        target: Target,
        day: dt.date,
        time: dt.time,
        *,
        intensity: int | None = None,
        note: str = "",
        place: str = "",
    ) -> None:
        site, side = place_of(name, target)
        level = intensity if intensity is not None else target.intensity
        try:
            started_at, offset = instant(day, time, self.options)
            episode = Episode(
                started_at=started_at,
                utc_offset_min=offset,
                body_site=site,
                side=side,
                intensity=1 if level is None else level,
                note=note[:NOTE_CHARS] or None,
            )
        except (ValidationError, OverflowError, ValueError, OSError):
            self.report.skip(name, Reason.BAD_DATE, place=place)
            return
        self.episodes.append(episode)
        self.report.episodes += 1

    def finish(self) -> dict[dt.date, dict[str, float]]:
        """The day values (absent things filled in as no or 0), with medication periods
        and episodes left in `medications()` and `self.episodes`."""
        for (_name, group), (target, days) in self.present.items():
            first = min(days)
            for day in self.entry_days.get(group, set()):
                if day >= first and day not in days:
                    if target.field in FLAG_FIELDS:
                        self.flag(day, target.field, False)
                    else:
                        self.add(day, target.field, 0.0)
        raw: dict[dt.date, dict[str, float]] = {}
        for day, values in self.numbers.items():
            raw.setdefault(day, {}).update(values)
        for day, flags in self.flags.items():
            raw.setdefault(day, {}).update(flags)
        return raw

    def medications(self, last_day: dt.date | None) -> list[Medication]:
        periods: list[Medication] = []
        for doses in sorted(self.doses.values(), key=lambda d: key(d.name)):
            runs: list[list[dt.date]] = []
            for day in sorted(doses.days):
                if runs and (day - runs[-1][-1]).days <= GAP_DAYS:
                    runs[-1].append(day)
                else:
                    runs.append([day])
            for run in runs:
                going = last_day is not None and (last_day - run[-1]).days <= GAP_DAYS
                try:
                    periods.append(
                        Medication(
                            name=doses.name[:120],
                            kind=MedicationKind(doses.kind),
                            started_on=run[0],
                            stopped_on=None if going else run[-1],
                        )
                    )
                except ValidationError:
                    self.report.skip(doses.name, Reason.OUT_OF_RANGE)
        self.report.medications += len(periods)
        return periods
