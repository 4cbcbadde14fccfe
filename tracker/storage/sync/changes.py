"""The units sync moves: a pending change pushed by a device, the server's answer to it,
and a record pulled from the server."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.storage.sync.wire import Values


@dataclass(frozen=True)
class Change:
    """One record's pending edits, pushed as one change.

    `values` is the record as it is now on the device (None: erased there, pushed as a
    tombstone); `base` what it was when the device last had the server's version
    `base_version` (None for a record the server has never seen)."""

    change_id: str
    table: str
    uuid: str
    profile_uuid: str | None
    values: Values | None
    base_version: int | None
    base: Values | None
    made_at: str
    entries: tuple[int, ...]  # the device's outbox entries this change covers


@dataclass(frozen=True)
class Accepted:
    """The server took the change (again, for a retry): its number, and whether the
    record became exactly what the device sent."""

    seq: int | None  # None: nothing to do (a record erased before it was ever pushed)
    as_pushed: bool


@dataclass(frozen=True)
class Pulled:
    table: str
    uuid: str
    profile_uuid: str | None
    values: Values
    version: int


@dataclass(frozen=True)
class Page:
    records: list[Pulled]
    through: int  # the last server change number this page covers
    changes: int  # how many server changes (not the device's own) it covers
    complete: bool  # nothing newer was on the server when the page was read
