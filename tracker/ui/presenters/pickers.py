"""The calendar and the clock the pickers show, and the "later than now" rule for a
time typed for today; no Kivy."""

from __future__ import annotations

import calendar
import datetime as dt

from tracker.domain import ValidationError
from tracker.i18n import gettext as _
from tracker.labels import month_label, short_date, weekday_label


def month_title(year: int, month: int) -> str:
    return f"{month_label(month)} {year}"


def weekday_heads() -> list[str]:
    """Monday first: "Mon" … "Sun" (the first three letters, in the language shown)."""
    monday = dt.date(2024, 1, 1)
    return [weekday_label(monday + dt.timedelta(days=n))[:3] for n in range(7)]


def month_weeks(year: int, month: int) -> list[list[dt.date | None]]:
    """The month's days by week, Monday first; None pads the first and last week."""
    weeks = calendar.Calendar(firstweekday=0).monthdayscalendar(year, month)
    return [[dt.date(year, month, d) if d else None for d in week] for week in weeks]


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def parse_clock(text: str, label: str) -> dt.time:
    """A time as typed ("7:05", "07:05", "0705"), refused in the person's words."""
    cleaned = text.strip().replace(".", ":")
    if cleaned.isdigit() and len(cleaned) in (3, 4):
        cleaned = f"{cleaned[:-2]}:{cleaned[-2:]}"
    hour, _sep, minute = cleaned.partition(":")
    if hour.isdigit() and minute.isdigit() and int(hour) < 24 and int(minute) < 60:
        return dt.time(int(hour), int(minute))
    raise ValidationError(label, text, _("a time as HH:MM, from 00:00 to 23:59"))


def clock_text(moment: dt.time) -> str:
    return moment.strftime("%H:%M")


def later_than_now(day: dt.date, clock: dt.time, now: dt.datetime) -> bool:
    """A time typed for today that has not come yet: most likely last night's."""
    return day == now.date() and clock.replace(second=0) > now.time().replace(
        second=0, microsecond=0
    )


def yesterday_question(clock: dt.time, today: dt.date) -> tuple[str, str, str, str]:
    """(title, text, yes, no) when a time for today is later than now."""
    yesterday = today - dt.timedelta(days=1)
    return (
        _("Was it yesterday?"),
        _("{time} today has not come yet. Did the twitch start yesterday, {date}?").format(
            time=clock_text(clock), date=short_date(yesterday)
        ),
        _("Yes, yesterday at {time}").format(time=clock_text(clock)),
        _("No, let me change it"),
    )


def step_clock(moment: dt.time, minutes: int) -> dt.time:
    """The time `minutes` later (or earlier), round the clock."""
    total = (moment.hour * 60 + moment.minute + minutes) % (24 * 60)
    return dt.time(total // 60, total % 60)
