"""The time services read, injectable so tests can fix "now"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

Clock = Callable[[], dt.datetime]


def system_now() -> dt.datetime:
    """Now, time zone aware, in the machine's local offset."""
    return dt.datetime.now().astimezone()


def offset_minutes(moment: dt.datetime) -> int:
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("a time zone aware datetime is needed")
    return int(offset.total_seconds() // 60)
