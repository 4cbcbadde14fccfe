"""Entries dated in the future are refused, where the clock is: in the services.

DESIGN.md: a dated entry more than 1 day in the future is refused. A day (a day log, a
medication's first or last day, a remedy's day) may be tomorrow at most, for a person
whose day has already turned where they are. A twitch is something that has happened:
its start may be at most a few minutes after now (clocks of two devices differ a
little), so "23:50" typed at 16:38 for last night is refused instead of being stored
as tonight, where the warnings and the report would count it on the wrong day or, once
it falls after their "today", not at all.
"""

from __future__ import annotations

import datetime as dt

from tracker.domain import ValidationError
from tracker.i18n import gettext as _

DAYS_AHEAD = 1
CLOCK_SKEW = dt.timedelta(minutes=5)


class FutureEntryError(ValidationError):
    """A date or time later than what can have happened yet. `field` names the value
    as the person gave it (the command line shows its option), `now` is the clock."""

    def __init__(self, field: str, value: dt.date | dt.datetime, now: dt.datetime) -> None:
        super().__init__(field, value, "")
        self.now = now

    def __str__(self) -> str:
        value = self.value
        if isinstance(value, dt.datetime):
            # Both times on the clock the person typed, so they compare at a glance.
            shown_now = self.now.astimezone(value.tzinfo)
            return _(
                "{field}: {moment} has not happened yet (it is now {now}; "
                "for last night, give yesterday's date)"
            ).format(
                field=self.field,
                moment=value.strftime("%Y-%m-%d %H:%M"),
                now=shown_now.strftime("%Y-%m-%d %H:%M"),
            )
        assert isinstance(value, dt.date)
        return _(
            "{field}: {day} is in the future (today is {today}; "
            "a day can be logged at most one day ahead)"
        ).format(field=self.field, day=value.isoformat(), today=self.now.date().isoformat())


def check_day(field: str, day: dt.date | None, now: dt.datetime) -> None:
    """Refuse a day more than DAYS_AHEAD after today (today by the clock `now`)."""
    if day is not None and day > now.date() + dt.timedelta(days=DAYS_AHEAD):
        raise FutureEntryError(field, day, now)


def check_moment(field: str, moment: dt.datetime | None, now: dt.datetime) -> None:
    """Refuse a twitch that starts later than now (allowing CLOCK_SKEW)."""
    if moment is not None and moment.utcoffset() is not None and moment > now + CLOCK_SKEW:
        raise FutureEntryError(field, moment, now)
