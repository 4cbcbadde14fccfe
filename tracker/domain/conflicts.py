"""A sync conflict as the diary keeps it: two edits of one field of one entry, made on
two devices without seeing each other. The record shows one value (the later edit);
the other is kept here so the person can pick it instead (DESIGN.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Conflict:
    id: int
    uuid: str
    profile_id: int
    table: str  # the entry's kind: twitch_episode, day_log, medication, remedy_use, …
    record_uuid: str
    field: str
    shown: Any  # the value the entry shows (wire form: text, number, yes/no or None)
    other: Any  # the value set aside
    shown_at: dt.datetime
    other_at: dt.datetime
    other_by: str  # the server login of the device whose value was set aside
    created_at: dt.datetime
    resolved_at: dt.datetime | None = None
