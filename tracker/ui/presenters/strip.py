"""Today's 14-day strip: a bar per day (twitches), the days a warning names banded, and
short labels; no Kivy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from tracker.domain import Warning, WarningLevel
from tracker.i18n import gettext as _
from tracker.i18n import ngettext
from tracker.labels import weekday_label


@dataclass(frozen=True)
class StripDay:
    day: dt.date
    count: int
    band: str
    """"" (no warning), "watch" or "see_doctor" (the stronger one that names the day)."""
    label: str
    """The weekday's first letter and the day of the month, e.g. "W 25"."""
    short_label: str
    """The day of the month alone, for a strip too narrow for `label`: "25"."""


@dataclass(frozen=True)
class StripView:
    title: str
    caption: str
    days: tuple[StripDay, ...]
    highest: int


def strip_view(counts: Sequence[tuple[dt.date, int]], warnings: Sequence[Warning]) -> StripView:
    bands: dict[dt.date, str] = {}
    for warning in warnings:
        for day in warning.days:
            if warning.level is WarningLevel.SEE_DOCTOR or day not in bands:
                bands[day] = warning.level.value
    days = tuple(
        StripDay(
            day, count, bands.get(day, ""), f"{weekday_label(day)[:1]} {day.day}", str(day.day)
        )
        for day, count in counts
    )
    total = sum(count for _day, count in counts)
    with_twitches = sum(1 for _day, count in counts if count)
    caption = ngettext(
        "{n} twitch on {d} of the last 14 days", "{n} twitches on {d} of the last 14 days", total
    ).format(n=total, d=with_twitches)
    return StripView(_("The last 14 days"), caption, days, max([1, *(c for _d, c in counts)]))
