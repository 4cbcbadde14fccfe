"""The conflict rules of sync (DESIGN.md "One diary on several devices"), as a pure
three-way merge of one record: what it was when the editor last saw it (the base), what
the editor made of it (mine) and what it is now (theirs).

- A field changed on one side only takes that side's value: an edit made on top of
  what it saw simply wins, and a field set on one side only is kept.
- A field changed on both sides to different values is a conflict: the side with the
  later `updated_at` is shown (on a tie, the value already there stays) and the other
  value is handed back, to be kept — never dropped. Clocks decide only this, never
  whether there is a conflict.
- Deleting is a change of the record's state (live or deleted): a tombstone beats edits
  it had seen (they are in its base), while a delete and an edit made without seeing
  each other are a conflict like any other.

Values are in their wire form (tracker.storage.sync.wire): plain JSON values, instants
as fixed-width text, so they compare as they sort.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

DELETED = "deleted_at"
STAMP = "updated_at"


@dataclass(frozen=True)
class FieldConflict:
    field: str
    shown: Any  # the value the record keeps
    other: Any  # the value set aside
    shown_at: str  # updated_at of the side shown
    other_at: str
    other_is_mine: bool  # the editor's own value was set aside


@dataclass(frozen=True)
class Merged:
    values: dict[str, Any]
    conflicts: list[FieldConflict] = field(default_factory=list)


def _conflict(name: str, mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> FieldConflict:
    if mine[STAMP] > theirs[STAMP]:
        return FieldConflict(name, mine[name], theirs[name], mine[STAMP], theirs[STAMP], False)
    return FieldConflict(name, theirs[name], mine[name], theirs[STAMP], mine[STAMP], True)


def merge(
    fields: Sequence[str],
    base: Mapping[str, Any],
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any],
) -> Merged:
    """Merge `mine` into `theirs`, field by field (`fields`: what a person changes;
    `updated_at` is the stamp, `deleted_at` the tombstone)."""
    values = dict(theirs)
    conflicts: list[FieldConflict] = []
    plain = [name for name in fields if name != DELETED]
    mine_changed = {name for name in plain if mine[name] != base[name]}
    theirs_changed = {name for name in plain if theirs[name] != base[name]}
    for name in plain:
        if name not in mine_changed:
            continue
        if name not in theirs_changed or mine[name] == theirs[name]:
            values[name] = mine[name]
            continue
        found = _conflict(name, mine, theirs)
        values[name] = found.shown
        conflicts.append(found)

    if DELETED in fields:
        was = base[DELETED] is not None
        mine_state, theirs_state = mine[DELETED] is not None, theirs[DELETED] is not None
        if mine_state != was and theirs_state == was:
            if theirs_changed:  # a delete (or undo) that had not seen these edits
                found = _conflict(DELETED, mine, theirs)
                values[DELETED] = found.shown
                conflicts.append(found)
            else:
                values[DELETED] = mine[DELETED]
        elif theirs_state != was and mine_state == was and mine_changed:
            found = _conflict(DELETED, mine, theirs)
            values[DELETED] = found.shown
            conflicts.append(found)
    values[STAMP] = max(mine[STAMP], theirs[STAMP])
    return Merged(values, conflicts)
