"""Which imported entries are already stored (DESIGN.md "Data model", identity rules).

Two entries are the same only when they have the same uuid. An entry without one (a
hand-made or older file, another app) is skipped only when a live stored record equals
it in every column of its file; otherwise it is added. Days are one per profile and
date: a day from a file without its uuid fills the stored day's empty fields.

Pure: the storage hands over what it holds as plain tuples, and gets back what to
insert and what to update."""

from __future__ import annotations

import datetime as dt
import operator
from collections import Counter
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field
from typing import Any

from tracker.formats.errors import FileFormatError
from tracker.formats.parse import Entry, Record, Table
from tracker.formats.records import DAY_COLUMNS, MEDICATION_COLUMNS, REMEDY_COLUMNS
from tracker.i18n import gettext as _

# The stored attributes of each kind's values, in the order storage reads them.
EPISODE_ATTRS: tuple[str, ...] = (
    "started_at",
    "utc_offset_min",
    "body_site",
    "side",
    "intensity",
    "duration_s",
    "context",
    "pain",
    "swelling",
    "warmth",
    "numbness_tingling",
    "weakness",
    "note",
)
ATTRS: dict[str, tuple[str, ...]] = {
    "episodes.csv": EPISODE_ATTRS,
    "days.csv": tuple(c for c in DAY_COLUMNS if c != "date"),
    "medications.csv": MEDICATION_COLUMNS,
    "remedies.csv": REMEDY_COLUMNS,
}
# A file's column and the attributes it stands for (the others are one each).
_COLUMN_ATTRS = {"started_at": ("started_at", "utc_offset_min")}


@dataclass(frozen=True)
class Stored:
    """A stored record of the target profile: its uuid, its key (the id; the date for
    days), whether it is deleted, and its values over ATTRS (empty when not loaded)."""

    uuid: str
    key: int | dt.date
    deleted: bool
    values: tuple[Any, ...] = ()


@dataclass(frozen=True)
class Change:
    """New values for a stored record: `attrs` are the attributes to write."""

    key: int | dt.date
    record: Record
    attrs: tuple[str, ...]


@dataclass
class Plan:
    insert: list[Record] = field(default_factory=list)
    update: list[Change] = field(default_factory=list)
    added: int = 0
    changed: int = 0
    skipped: int = 0
    elsewhere: int = 0
    """Of the skipped: entries whose uuid another profile of this diary holds."""


def attrs_of(kind: str, columns: Iterable[str]) -> tuple[str, ...]:
    """The stored attributes that a file's value columns stand for, in ATTRS order."""
    wanted = {a for c in columns for a in _COLUMN_ATTRS.get(c, (c,))}
    return tuple(a for a in ATTRS[kind] if a in wanted)


def _getter(kind: str, attrs: tuple[str, ...]) -> tuple[Any, Any]:
    """Two functions giving the values over `attrs`: of a record, and of stored values."""
    positions = [ATTRS[kind].index(a) for a in attrs]
    if len(attrs) == 1:
        (name,), (position,) = attrs, positions
        return (lambda r: (getattr(r, name),)), (lambda v: (v[position],))
    return operator.attrgetter(*attrs), operator.itemgetter(*positions)


def _differing(kind: str, entry: Entry, stored: Stored, stamps: bool) -> tuple[str, ...]:
    """The attributes (and the tombstone, from a backup) where entry and stored differ."""
    differ = tuple(
        a
        for a in attrs_of(kind, entry.columns)
        if getattr(entry.record, a) != stored.values[ATTRS[kind].index(a)]
    )
    if stamps and (entry.record.deleted_at is not None) != stored.deleted:
        differ = (*differ, "deleted_at")
    return differ


def plan(
    kind: str,
    entries: Sequence[Entry],
    stored: Sequence[Stored],
    foreign: Set[str],
    *,
    replace: bool,
    stamps: bool,
) -> Plan:
    """What to do with one file's (or one backup profile's list's) entries.

    `foreign`: uuids stored for another profile (those entries are skipped: a record
    belongs to one profile). `stamps`: the entries carry deleted_at (a backup)."""
    if kind == "days.csv":
        return _plan_days(entries, stored, foreign, replace=replace, stamps=stamps)
    result = Plan()
    by_uuid = {s.uuid: s for s in stored}
    matched: set[str] = set()
    for entry in entries:
        uuid = entry.record.uuid
        if uuid is None:
            continue
        found = by_uuid.get(uuid)
        if found is None:
            if uuid in foreign:
                result.skipped += 1
                result.elsewhere += 1
            else:
                result.insert.append(entry.record)
                result.added += 1
            continue
        matched.add(uuid)
        differ = _differing(kind, entry, found, stamps) if replace else ()
        if differ:
            result.update.append(Change(found.key, entry.record, differ))
            result.changed += 1
        else:
            result.skipped += 1
    _match_without_uuid(kind, entries, stored, matched, stamps, result)
    return result


def _match_without_uuid(
    kind: str,
    entries: Sequence[Entry],
    stored: Sequence[Stored],
    matched: Set[str],
    stamps: bool,
    result: Plan,
) -> None:
    """Entries without a uuid: each equal live (in a backup: equally deleted) stored
    record stands for one of them; records matched by uuid are already taken."""
    counters: dict[frozenset[str], tuple[Counter[tuple[Any, ...]], Any]] = {}
    for entry in entries:
        record = entry.record
        if record.uuid is not None:
            continue
        if entry.columns not in counters:
            of_record, of_stored = _getter(kind, attrs_of(kind, entry.columns))
            counter = Counter(
                (s.deleted, of_stored(s.values))
                for s in stored
                if s.uuid not in matched and (stamps or not s.deleted)
            )
            counters[entry.columns] = counter, of_record
        counter, of_record = counters[entry.columns]
        mine = (stamps and record.deleted_at is not None, of_record(record))
        if counter[mine] > 0:
            counter[mine] -= 1
            result.skipped += 1
        else:
            result.insert.append(record)
            result.added += 1


def _plan_days(
    entries: Sequence[Entry],
    stored: Sequence[Stored],
    foreign: Set[str],
    *,
    replace: bool,
    stamps: bool,
) -> Plan:
    kind = "days.csv"
    result = Plan()
    by_date = {s.key: s for s in stored}
    taken = foreign | {s.uuid for s in stored}
    everything = ATTRS[kind]
    for entry in entries:
        record = entry.record
        day: dt.date = getattr(record, "date")  # noqa: B009 - a day record has one
        found = by_date.get(day)
        if found is None:
            if record.uuid in taken:  # that day is stored already, as another date or profile
                result.skipped += 1
                result.elsewhere += record.uuid in foreign
            else:
                result.insert.append(record)
                result.added += 1
            continue
        tombstone = stamps and record.deleted_at is not None
        differ = _differing(kind, entry, found, stamps)
        if record.uuid == found.uuid or (not differ and not found.deleted):
            if replace and differ:
                result.update.append(Change(day, record, differ))
                result.changed += 1
            else:
                result.skipped += 1
        elif found.deleted:
            # A day deleted here, and that day from elsewhere: it comes back with what
            # the file says (a tombstone from elsewhere changes nothing).
            if tombstone:
                result.skipped += 1
            else:
                result.update.append(Change(day, record, (*everything, "deleted_at")))
                result.added += 1
        elif replace:
            result.update.append(Change(day, record, differ))
            result.changed += 1
        else:
            # The same day from elsewhere: its values fill what was not logged here.
            empty = tuple(
                a for a in differ if a in everything and found.values[everything.index(a)] is None
            )
            if empty and not tombstone:
                result.update.append(Change(day, record, empty))
                result.changed += 1
            else:
                result.skipped += 1
    return result


def check_repeats(groups: Sequence[Sequence[Table]]) -> None:
    """Refuse an import that holds one entry twice: a uuid in two rows (of one kind,
    anywhere in the import), or two rows for one profile's day (`groups`: the tables
    of each profile). Raises FileFormatError naming both rows."""
    uuids = [(t.kind, e.record.uuid) for g in groups for t in g for e in t.entries]
    days = [
        (number, getattr(e.record, "date"))  # noqa: B009 - a day record has one
        for number, g in enumerate(groups)
        for t in g
        if t.kind == "days.csv"
        for e in t.entries
    ]
    known = [u for u in uuids if u[1] is not None]
    if len(set(known)) == len(known) and len(set(days)) == len(days):
        return  # the usual case, checked at set speed
    first_uuid: dict[tuple[str, str], tuple[Table, int]] = {}
    for group in groups:
        first_day: dict[dt.date, tuple[Table, int]] = {}
        for table in group:
            for entry in table.entries:
                uuid = entry.record.uuid
                if uuid is not None:
                    seen = first_uuid.setdefault((table.kind, uuid), (table, entry.row))
                    if seen != (table, entry.row):
                        reason = _("the same uuid as {other} (an entry appears once)")
                        raise _repeat(table, entry.row, "uuid", reason, seen)
                if table.kind == "days.csv":
                    day: dt.date = getattr(entry.record, "date")  # noqa: B009
                    seen = first_day.setdefault(day, (table, entry.row))
                    if seen != (table, entry.row):
                        reason = _(
                            "a second value for {day}, which {other} has already "
                            "(one per day: keep one of them)"
                        )
                        raise _repeat(table, entry.row, "date", reason, seen, day=day.isoformat())


def _repeat(
    table: Table, row: int, column: str, reason: str, seen: tuple[Table, int], **values: str
) -> FileFormatError:
    other_table, other_row = seen
    if other_table.unit == "entry":
        other = _("entry {row}").format(row=other_row)
    else:
        other = _("row {row}").format(row=other_row)
    if other_table is not table:
        other = f"{other_table.file}, {other}"
    reason = reason.format(other=other, **values)
    return FileFormatError(table.file, row, column, reason, table.unit)
