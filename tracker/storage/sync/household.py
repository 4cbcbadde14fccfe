"""Push and pull on the household server's tables, in plain SQL on psycopg's connection
(the tables are the models', made by the migrations; a sync loads neither SQLAlchemy
nor the models, so it starts fast).

A push runs in one server transaction that first calls `kedut_begin_push()` (installed
by migration 0004): it waits for the household's advisory lock, so pushes are one at a
time and the change numbers they take follow commit order. A change id the server has
already numbered is answered again, never applied twice. A pull reads one consistent
snapshot: "every change after the number I saw", as the records are now.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tracker.domain.merge import DELETED, STAMP, FieldConflict, Merged, merge
from tracker.storage.sync import naming
from tracker.storage.sync.changes import Accepted, Change, Page, Pulled
from tracker.storage.sync.errors import SyncError
from tracker.storage.sync.wire import SYNCED, SyncedTable, Values, dumps, to_wire

_NO_ID = ("settings", "day_log")  # keyed by their profile (and date)
_LOG_COLUMNS = (
    "seq",
    "change_id",
    "device",
    "login",
    "table_name",
    "record_uuid",
    "as_pushed",
    "committed_at",
)
_CONFLICT_COLUMNS = ("profile_id", *SYNCED["sync_conflict"].columns, "uuid", "sync_version")


@dataclass
class _Stored:
    id: int | None  # the row's own key on the server (a settings row has none)
    uuid: str
    profile_id: int | None
    values: Values


@dataclass(frozen=True)
class _Logged:
    seq: int
    device: str
    login: str
    as_pushed: bool


def _rows(connection: Any, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def _copy(connection: Any, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """New rows in bulk with PostgreSQL's COPY, in the push's transaction. Values go as
    text in their wire form (instants and dates as ISO text), which COPY reads by the
    column's type: no conversion on the way."""
    if not rows:
        return
    with (
        connection.cursor() as cursor,
        cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


def _select(spec: SyncedTable) -> str:
    """The columns read back: the row's key, uuid, owner, then its values."""
    key = "NULL" if spec.name in _NO_ID else "id"
    owner = "profile_id" if spec.owned else "NULL"
    return f"SELECT {key}, uuid, {owner}, {', '.join(spec.columns)} FROM {spec.name}"


def _stored(spec: SyncedTable, row: Sequence[Any]) -> _Stored:
    return _Stored(
        id=row[0],
        uuid=str(row[1]),
        profile_id=row[2],
        values={name: to_wire(value) for name, value in zip(spec.columns, row[3:], strict=True)},
    )


class _Push:
    def __init__(self, connection: Any, device: str) -> None:
        self.connection = connection
        self.device = device
        self.seq = int(_rows(connection, "SELECT kedut_begin_push()")[0][0])
        self.login = str(_rows(connection, "SELECT session_user")[0][0])
        self.now = to_wire(dt.datetime.now(dt.UTC))
        self.log: list[tuple[Any, ...]] = []
        self.results: dict[str, Accepted] = {}
        self.names: dict[str, str] = {
            str(u): str(n)
            for u, n in _rows(connection, "SELECT uuid, name FROM profile WHERE deleted_at IS NULL")
        }

    def number(self, table: str, uuid: str, change_id: str, as_pushed: bool) -> int:
        self.seq += 1
        self.log.append(
            (self.seq, change_id, self.device, self.login, table, uuid, as_pushed, self.now)
        )
        return self.seq

    def free_name(self, name: str, uuid: str) -> str:
        """Profiles are matched by uuid, never by name: a second live profile with a
        name already taken in the household is told apart with " (2)", " (3)" …"""
        return naming.free_name(name, [n for u, n in self.names.items() if u != uuid])

    # Reading what the server holds

    def profile_ids(self, uuids: Iterable[str]) -> dict[str, int]:
        wanted = sorted(set(uuids))
        if not wanted:
            return {}
        rows = _rows(self.connection, "SELECT uuid, id FROM profile WHERE uuid = ANY(%s)", [wanted])
        return {str(u): int(i) for u, i in rows}

    def stored(
        self, spec: SyncedTable, changes: Sequence[Change], ids: dict[str, int]
    ) -> dict[str, _Stored]:
        """The server's rows of these changes, by the uuid the device gave them."""
        uuids = [c.uuid for c in changes]
        found = {
            stored.uuid: stored
            for stored in (
                _stored(spec, row)
                for row in _rows(self.connection, f"{_select(spec)} WHERE uuid = ANY(%s)", [uuids])
            )
        }
        # A day and a profile's settings are one record per profile (and date) whatever
        # uuid a device gave them (an old import may have brought another one).
        missing = [c for c in changes if c.uuid not in found and c.values is not None]
        if spec.name in ("day_log", "settings") and missing:
            owners = sorted({ids[c.profile_uuid] for c in missing if c.profile_uuid in ids})
            by_key = {}
            for row in _rows(
                self.connection, f"{_select(spec)} WHERE profile_id = ANY(%s)", [owners]
            ):
                stored = _stored(spec, row)
                by_key[(stored.profile_id, stored.values.get("date"))] = stored
            for change in missing:
                assert change.values is not None and change.profile_uuid is not None
                key = (ids.get(change.profile_uuid), change.values.get("date"))
                if key in by_key:
                    found[change.uuid] = by_key[key]
        return found

    def history(self, uuids: Sequence[str]) -> dict[str, list[_Logged]]:
        found: dict[str, list[_Logged]] = defaultdict(list)
        if uuids:
            for record_uuid, seq, device, login, as_pushed in _rows(
                self.connection,
                "SELECT record_uuid, seq, device, login, as_pushed FROM sync_change"
                " WHERE record_uuid = ANY(%s) ORDER BY seq",
                [sorted(set(uuids))],
            ):
                found[str(record_uuid)].append(_Logged(int(seq), device, login, bool(as_pushed)))
        return found

    # Taking the changes of one table

    def take(self, spec: SyncedTable, changes: Sequence[Change]) -> None:
        ids = self.profile_ids(c.profile_uuid for c in changes if c.profile_uuid)
        stored = self.stored(spec, changes, ids)
        history = self.history([s.uuid for s in stored.values()])
        inserts: list[tuple[Any, ...]] = []
        updates: list[tuple[Any, ...]] = []
        conflicts: list[tuple[Any, ...]] = []
        for change in changes:
            profile_id = ids.get(change.profile_uuid or "") if spec.owned else None
            current = stored.get(change.uuid)
            if current is None:
                if change.values is None:  # erased before the server ever saw it
                    self.results[change.change_id] = Accepted(None, True)
                    continue
                if spec.owned and profile_id is None:
                    raise SyncError(f"the server has no profile {change.profile_uuid}")
                values = self.named(spec, dict(change.values), change.uuid)
                as_pushed = values == change.values
                seq = self.number(spec.name, change.uuid, change.change_id, as_pushed)
                owned_by = (profile_id,) if spec.owned else ()
                inserts.append((*owned_by, *(values[c] for c in spec.columns), change.uuid, seq))
                self.results[change.change_id] = Accepted(seq, as_pushed)
                continue
            merged, mine = self.merged(spec, change, current, history.get(current.uuid, []))
            values = self.named(spec, merged.values, current.uuid)
            as_pushed = current.uuid == change.uuid and (
                values == mine if change.values is not None else values[DELETED] is not None
            )
            seq = self.number(spec.name, current.uuid, change.change_id, as_pushed)
            updates.append((*(values[c] for c in spec.columns), seq, current.uuid))
            self.results[change.change_id] = Accepted(seq, as_pushed)
            owner = current.id if spec.name == "profile" else current.profile_id
            others = [e for e in history.get(current.uuid, []) if e.device != self.device]
            for found in merged.conflicts:
                theirs = others[-1].login if others else self.login
                other_by = self.login if found.other_is_mine else theirs
                conflicts.append(self.conflict(spec.name, current.uuid, owner, found, other_by))
        owner_column = ("profile_id",) if spec.owned else ()
        _copy(
            self.connection,
            spec.name,
            (*owner_column, *spec.columns, "uuid", "sync_version"),
            inserts,
        )
        if updates:
            assignments = ", ".join(f"{name} = %s" for name in spec.columns)
            with self.connection.cursor() as cursor:
                cursor.executemany(
                    f"UPDATE {spec.name} SET {assignments}, sync_version = %s WHERE uuid = %s",
                    updates,
                )
        _copy(self.connection, "sync_conflict", _CONFLICT_COLUMNS, conflicts)

    def named(self, spec: SyncedTable, values: Values, uuid: str) -> Values:
        if spec.name == "profile":
            if values[DELETED] is None:
                values["name"] = self.free_name(values["name"], uuid)
                self.names[uuid] = values["name"]
            else:
                self.names.pop(uuid, None)
        return values

    def merged(
        self, spec: SyncedTable, change: Change, current: _Stored, history: list[_Logged]
    ) -> tuple[Merged, Values]:
        if change.values is not None:
            mine = dict(change.values)
        else:  # erased on the device: a tombstone made when it was erased
            mine = dict(change.base or current.values)
            mine[DELETED] = mine[DELETED] or change.made_at
            mine[STAMP] = change.made_at
        unseen = [
            entry
            for entry in history
            if (change.base_version is None or entry.seq > change.base_version)
            and not (entry.device == self.device and entry.as_pushed)
        ]
        if not unseen and current.uuid == change.uuid:
            return Merged(dict(mine)), mine  # made on top of the server's version: it wins
        base = change.base if change.base is not None else spec.new_record()
        return merge(spec.fields, base, mine, current.values), mine

    def conflict(
        self,
        table: str,
        record_uuid: str,
        profile_id: int | None,
        found: FieldConflict,
        other_by: str,
    ) -> tuple[Any, ...]:
        conflict_uuid = str(uuid_module.uuid4())
        seq = self.number("sync_conflict", conflict_uuid, str(uuid_module.uuid4()), False)
        values = {
            "table_name": table,
            "record_uuid": record_uuid,
            "field": found.field,
            "shown_value": dumps(found.shown),
            "other_value": dumps(found.other),
            "shown_at": found.shown_at,
            "other_at": found.other_at,
            "other_by": other_by[:63],
            "created_at": self.now,
            "resolved_at": None,
            "updated_at": self.now,
            "deleted_at": None,
        }
        columns = SYNCED["sync_conflict"].columns
        return (profile_id, *(values[c] for c in columns), conflict_uuid, seq)


def push(connection: Any, device: str, changes: Sequence[Change]) -> dict[str, Accepted]:
    """Take a device's changes in one transaction (the caller commits)."""
    work = _Push(connection, device)
    ids = [c.change_id for c in changes]
    for change_id, seq, as_pushed in _rows(
        connection,
        "SELECT change_id, seq, as_pushed FROM sync_change WHERE change_id = ANY(%s)",
        [ids],
    ):
        work.results[str(change_id)] = Accepted(int(seq), bool(as_pushed))
    todo = [c for c in changes if c.change_id not in work.results]
    for name, spec in SYNCED.items():
        group = [c for c in todo if c.table == name]
        if group:
            work.take(spec, group)
    _copy(connection, "sync_change", _LOG_COLUMNS, work.log)
    return work.results


def pull(connection: Any, device: str, after: int, limit: int) -> Page:
    """The records changed after change number `after` by anyone but this device (its
    own changes that the server took as they were), at most `limit` changes."""
    top = int(_rows(connection, "SELECT coalesce(max(seq), 0) FROM sync_change")[0][0])
    changed = _rows(
        connection,
        "SELECT seq, table_name, record_uuid FROM sync_change WHERE seq > %s AND seq <= %s"
        " AND NOT (device = %s AND as_pushed) ORDER BY seq LIMIT %s",
        [after, top, device, limit],
    )
    complete = len(changed) < limit
    through = top if complete else int(changed[-1][0])
    wanted: dict[str, set[str]] = defaultdict(set)
    for _seq, table_name, record_uuid in changed:
        wanted[str(table_name)].add(str(record_uuid))
    records: list[Pulled] = []
    for name, spec in SYNCED.items():
        if name not in wanted:
            continue
        owner = "p.uuid" if spec.owned else "NULL"
        join = " JOIN profile p ON p.id = t.profile_id" if spec.owned else ""
        columns = ", ".join(f"t.{c}" for c in spec.columns)
        for row in _rows(
            connection,
            f"SELECT t.uuid, {owner}, t.sync_version, {columns} FROM {name} t{join}"
            " WHERE t.uuid = ANY(%s)",
            [sorted(wanted[name])],
        ):
            records.append(
                Pulled(
                    table=name,
                    uuid=str(row[0]),
                    profile_uuid=None if row[1] is None else str(row[1]),
                    values={
                        c: to_wire(value) for c, value in zip(spec.columns, row[3:], strict=True)
                    },
                    version=int(row[2]),
                )
            )
    return Page(records=records, through=through, changes=len(changed), complete=complete)
