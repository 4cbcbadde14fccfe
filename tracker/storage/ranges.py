"""What every repository shares: the date-range filter (first…last, both included,
either bound optional) and writing only the values that change."""

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


def assign(row: Any, values: dict[str, Any]) -> bool:
    """Set the row's attributes that differ from `values`; True when one did. An edit
    that changes nothing then changes nothing, not even the row's `updated_at`."""
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed
