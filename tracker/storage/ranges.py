"""The date-range filter every repository shares: first…last, both included, either
bound optional."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar, cast

from sqlalchemy.orm import InstrumentedAttribute

S = TypeVar("S")  # a Select of any row shape


def within(
    query: S, column: InstrumentedAttribute[dt.date], first: dt.date | None, last: dt.date | None
) -> S:
    narrowed: Any = query
    if first is not None:
        narrowed = narrowed.where(column >= first)
    if last is not None:
        narrowed = narrowed.where(column <= last)
    return cast(S, narrowed)
