"""One cell's text into a value: numbers, yes/no, dates and instants, as people and
spreadsheets write them. A refusal says what the cell holds and what is allowed, never
what Python thought of it."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tracker.formats.errors import shown
from tracker.i18n import gettext as _

YES_NO = {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False}
_WHOLE = re.compile(r"[+-]?\d+(?:\.0*)?")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_EXAMPLE_DAY = dt.date(2026, 11, 25)
_EXAMPLE_TIME = "21:30"


class CellError(ValueError):
    """A cell that cannot be read; `reason` is the person's words."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class ReadOptions:
    """How the cells of one import are written.

    `date_format`: strftime codes for dates (e.g. %d/%m/%Y), else ISO 8601.
    `decimal_comma`: "7,5" is seven and a half (files separated by ";").
    `latest_day`: a row dated after this day is refused (today + 1), None: no limit."""

    date_format: str | None = None
    decimal_comma: bool = False
    latest_day: dt.date | None = None


DEFAULT_OPTIONS = ReadOptions()


def reads_dates(date_format: str) -> bool:
    """Whether strftime codes such as "%d/%m/%Y" write and read back a whole date."""
    try:
        back = dt.datetime.strptime(_EXAMPLE_DAY.strftime(date_format), date_format).date()  # noqa: DTZ007 - a date, no time
    except ValueError:
        return False
    return back == _EXAMPLE_DAY


def whole(text: str, options: ReadOptions) -> int:
    if text.isascii() and text.isdigit():
        return int(text)
    cleaned = text.strip()
    if options.decimal_comma:
        cleaned = cleaned.replace(",", ".")
    if not _WHOLE.fullmatch(cleaned):
        raise CellError(
            _("{value} is not a whole number (allowed: whole numbers such as 3)").format(
                value=shown(text)
            )
        )
    return int(cleaned.split(".")[0])


def number(text: str, options: ReadOptions) -> float:
    cleaned = text.strip()
    if options.decimal_comma:
        cleaned = cleaned.replace(",", ".")
    value = float(cleaned) if _NUMBER.fullmatch(cleaned) else math.nan
    if not math.isfinite(value):
        example = "7,5" if options.decimal_comma else "7.5"
        raise CellError(
            _("{value} is not a number (allowed: numbers such as {example})").format(
                value=shown(text), example=example
            )
        )
    return value


def yes_no(text: str, options: ReadOptions) -> bool:
    known = YES_NO.get(text)
    if known is not None:
        return known
    lowered = text.strip().lower()
    if lowered in YES_NO:
        return YES_NO[lowered]
    raise CellError(
        _("{value} is not yes or no (allowed: 1 or 0, true or false, yes or no)").format(
            value=shown(text)
        )
    )


def date(text: str, options: ReadOptions) -> dt.date:
    cleaned = text.strip()
    try:
        if options.date_format:
            return dt.datetime.strptime(cleaned, options.date_format).date()  # noqa: DTZ007 - a date, no time
        if len(cleaned) == 10:  # YYYY-MM-DD; fromisoformat also takes ISO week dates
            return dt.date.fromisoformat(cleaned)
    except ValueError:
        pass
    example = _EXAMPLE_DAY.strftime(options.date_format or "%Y-%m-%d")
    raise CellError(
        _("{value} is not a date (allowed: a date written like {example})").format(
            value=shown(text), example=example
        )
    )


def instant(text: str, options: ReadOptions) -> tuple[dt.datetime, bool]:
    """A date and time; returns it (time zone aware) and whether it had no UTC offset
    (then it is read in this machine's time zone)."""
    cleaned = text.strip()
    moment = _iso_instant(cleaned)
    if moment is None and options.date_format:
        moment = _formatted_instant(cleaned, options.date_format)
    if moment is None:
        day = _EXAMPLE_DAY.strftime(options.date_format or "%Y-%m-%d")
        separator = " " if options.date_format else "T"
        raise CellError(
            _("{value} is not a date and time (allowed: like {example} or {with_offset})").format(
                value=shown(text),
                example=f"{day}{separator}{_EXAMPLE_TIME}",
                with_offset=f"{day}{separator}{_EXAMPLE_TIME}+07:00",
            )
        )
    if moment.utcoffset() is None:
        return moment.astimezone(), True
    return moment, False


def _iso_instant(text: str) -> dt.datetime | None:
    if len(text) < 16 or text[10] not in "T ":  # a date and at least hours and minutes
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def _formatted_instant(text: str, date_format: str) -> dt.datetime | None:
    """`<date as date_format> <ISO time>`, e.g. "25/11/2026 21:30" or "… 21:30+07:00"."""
    day_text, _space, time_text = text.rpartition(" ")
    try:
        day = dt.datetime.strptime(day_text.strip(), date_format).date()  # noqa: DTZ007 - a date, no time
        clock = dt.time.fromisoformat(time_text)
    except ValueError:
        return None
    return dt.datetime.combine(day, clock)


def stamp(text: str, options: ReadOptions) -> dt.datetime:
    """A backup's created/updated/deleted stamp: ISO 8601 with its offset."""
    moment = _iso_instant(text.strip())
    if moment is None or moment.utcoffset() is None:
        raise CellError(
            _("{value} is not a date and time with a UTC offset (allowed: like {example})").format(
                value=shown(text), example="2026-11-25T14:30:00+00:00"
            )
        )
    return moment


def text(value: str, options: ReadOptions) -> str:
    return value


Converter = Callable[[str, ReadOptions], Any]
