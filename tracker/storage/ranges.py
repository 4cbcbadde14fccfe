"""The date-range filter every repository shares: first…last, both included, either
bound optional."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from sqlalchemy import Select
from sqlalchemy.orm import InstrumentedAttribute

S = TypeVar("S", bound=Select[Any])


def within(
    query: S, column: InstrumentedAttribute[dt.date], first: dt.date | None, last: dt.date | None
) -> S:
    if first is not None:
        query = query.where(column >= first)
    if last is not None:
        query = query.where(column <= last)
    return query
