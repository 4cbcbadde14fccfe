"""Push and pull on the household server's tables.

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

from sqlalchemy import Connection, Table, any_, bindparam, insert, select, text, update
from sqlalchemy.dialects.postgresql import ARRAY

from tracker.domain.merge import DELETED, STAMP, Merged, merge
from tracker.models import ProfileRow, SyncChangeRow, SyncConflictRow
from tracker.storage.sync.changes import Accepted, Change, Page, Pulled
from tracker.storage.sync.errors import SyncError
from tracker.storage.sync.wire import SYNCED, SyncedTable, Values, dumps, to_python, to_wire

_LOG: Table = SyncChangeRow.__table__  # type: ignore[assignment]
_PROFILE: Table = ProfileRow.__table__  # type: ignore[assignment]
_CONFLICTS: Table = SyncConflictRow.__table__  # type: ignore[assignment]
_NAME_MAX = 60


@dataclass
class _Stored:
    key: dict[str, Any]  # the primary key of the row on the server
    uuid: str
    profile_id: int | None
    values: Values


@dataclass(frozen=True)
class _Logged:
    seq: int
    device: str
    login: str
    as_pushed: bool


def _among(column: Any, values: Iterable[Any]) -> Any:
    """`column = ANY(array)`: one parameter however many values (IN would bind each)."""
    return column == any_(bindparam(None, sorted(set(values)), type_=ARRAY(column.type)))


def _copy(
    connection: Connection, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """New rows in bulk with PostgreSQL's COPY, in the push's transaction. Values go as
    text in their wire form (instants and dates as ISO text), which COPY reads by the
    column's type: no conversion on the way."""
    if not rows:
        return
    driver: Any = connection.connection.driver_connection
    with (
        driver.cursor() as cursor,
        cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


def _wire_row(spec: SyncedTable, row: Any) -> Values:
    mapping = row._mapping
    return {name: to_wire(mapping[name]) for name in spec.columns}


def _python(spec: SyncedTable, values: Values) -> dict[str, Any]:
    return {name: to_python(spec.kinds[name], values[name]) for name in spec.columns}


class _Push:
    def __init__(self, connection: Connection, device: str) -> None:
        self.connection = connection
        self.device = device
        self.seq = int(connection.execute(text("SELECT kedut_begin_push()")).scalar_one())
        self.login = str(connection.execute(text("SELECT session_user")).scalar_one())
        self.now = to_wire(dt.datetime.now(dt.UTC))
        self.log: list[tuple[Any, ...]] = []
        self.results: dict[str, Accepted] = {}
        self.names: dict[str, str] = {
            str(u): str(n)
            for u, n in connection.execute(
                select(_PROFILE.c.uuid, _PROFILE.c.name).where(_PROFILE.c.deleted_at.is_(None))
            )
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
        taken = {n.lower() for u, n in self.names.items() if u != uuid}
        candidate, count = name, 1
        while candidate.lower() in taken:
            count += 1
            suffix = f" ({count})"
            candidate = name[: _NAME_MAX - len(suffix)] + suffix
        return candidate

    # Reading what the server holds

    def profile_ids(self, uuids: Iterable[str]) -> dict[str, int]:
        wanted = sorted(set(uuids))
        if not wanted:
            return {}
        rows = self.connection.execute(
            select(_PROFILE.c.uuid, _PROFILE.c.id).where(_among(_PROFILE.c.uuid, wanted))
        )
        return {str(u): int(i) for u, i in rows}

    def stored(
        self, spec: SyncedTable, changes: Sequence[Change], ids: dict[str, int]
    ) -> dict[str, _Stored]:
        table = spec.table
        keys = [c.name for c in table.primary_key.columns]
        found: dict[str, _Stored] = {}

        def keep(rows: Iterable[Any], by: Any) -> None:
            for row in rows:
                stored = _Stored(
                    key={k: row._mapping[k] for k in keys},
                    uuid=str(row._mapping["uuid"]),
                    profile_id=row._mapping.get("profile_id"),
                    values=_wire_row(spec, row),
                )
                found[by(stored)] = stored

        uuids = [c.uuid for c in changes]
        keep(
            self.connection.execute(select(table).where(_among(table.c.uuid, uuids))),
            lambda s: s.uuid,
        )
        # A day and a profile's settings are one record per profile (and date) whatever
        # uuid a device gave them (an old import may have brought another one).
        if spec.name in ("day_log", "settings"):
            missing = [c for c in changes if c.uuid not in found and c.values is not None]
            by_key: dict[tuple[Any, ...], str] = {}
            for change in missing:
                assert change.values is not None and change.profile_uuid is not None
                profile_id = ids.get(change.profile_uuid)
                day = change.values.get("date")
                by_key[(profile_id, to_python("date", day) if day else None)] = change.uuid
            if by_key:
                query = select(table).where(table.c.profile_id.in_({k[0] for k in by_key}))
                for row in self.connection.execute(query):
                    m = row._mapping
                    change_uuid = by_key.get((m["profile_id"], m.get("date")))
                    if change_uuid is not None:
                        keep([row], lambda _s, u=change_uuid: u)
        return found

    def history(self, uuids: Sequence[str]) -> dict[str, list[_Logged]]:
        found: dict[str, list[_Logged]] = defaultdict(list)
        if uuids:
            rows = self.connection.execute(
                select(
                    _LOG.c.record_uuid, _LOG.c.seq, _LOG.c.device, _LOG.c.login, _LOG.c.as_pushed
                )
                .where(_among(_LOG.c.record_uuid, uuids))
                .order_by(_LOG.c.seq)
            )
            for record_uuid, seq, device, login, as_pushed in rows:
                found[str(record_uuid)].append(_Logged(int(seq), device, login, bool(as_pushed)))
        return found

    # Taking the changes of one table

    def take(self, spec: SyncedTable, changes: Sequence[Change]) -> None:
        ids = self.profile_ids(c.profile_uuid for c in changes if c.profile_uuid)
        if spec.name == "profile":
            ids.update(self.profile_ids(c.uuid for c in changes))
        stored = self.stored(spec, changes, ids)
        history = self.history([s.uuid for s in stored.values()])
        inserts: list[tuple[Any, ...]] = []
        updates: list[dict[str, Any]] = []
        conflicts: list[dict[str, Any]] = []
        for change in changes:
            profile_id = ids.get(change.profile_uuid or "") if spec.owned else None
            if spec.owned and profile_id is None:
                raise SyncError(f"the server has no profile {change.profile_uuid}")
            current = stored.get(change.uuid)
            if current is None:
                if change.values is None:  # erased before the server ever saw it
                    self.results[change.change_id] = Accepted(None, True)
                    continue
                values = dict(change.values)
                if spec.name == "profile" and values[DELETED] is None:
                    values["name"] = self.free_name(values["name"], change.uuid)
                    self.names[change.uuid] = values["name"]
                seq = self.number(spec.name, change.uuid, change.change_id, values == change.values)
                owned_by = (profile_id,) if spec.owned else ()
                inserts.append((*owned_by, *(values[c] for c in spec.columns), change.uuid, seq))
                self.results[change.change_id] = Accepted(seq, values == change.values)
                continue
            merged, mine = self.merged(spec, change, current, history.get(current.uuid, []))
            values = merged.values
            if spec.name == "profile" and values[DELETED] is None:
                values["name"] = self.free_name(values["name"], current.uuid)
                self.names[current.uuid] = values["name"]
            elif spec.name == "profile":
                self.names.pop(current.uuid, None)
            as_pushed = current.uuid == change.uuid and (
                values == mine if change.values is not None else values[DELETED] is not None
            )
            seq = self.number(spec.name, current.uuid, change.change_id, as_pushed)
            updates.append(
                {**_python(spec, values), "sync_version": seq, "_key_uuid": current.uuid}
            )
            self.results[change.change_id] = Accepted(seq, as_pushed)
            owner = current.key.get("id") if spec.name == "profile" else current.profile_id
            others = [e for e in history.get(current.uuid, []) if e.device != self.device]
            for found in merged.conflicts:
                other_by = (
                    self.login
                    if found.other_is_mine
                    else (others[-1].login if others else self.login)
                )
                conflicts.append(self.conflict(spec.name, current.uuid, owner, found, other_by))
        table = spec.table
        owner_column = ("profile_id",) if spec.owned else ()
        _copy(
            self.connection,
            spec.name,
            (*owner_column, *spec.columns, "uuid", "sync_version"),
            inserts,
        )
        if updates:
            statement = (
                update(table)
                .where(table.c.uuid == bindparam("_key_uuid"))
                .values({name: bindparam(name) for name in (*spec.columns, "sync_version")})
            )
            self.connection.execute(statement, updates)
        if conflicts:
            self.connection.execute(insert(_CONFLICTS), conflicts)

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
        base = change.base if change.base is not None else dict(spec.defaults)
        return merge(spec.fields, base, mine, current.values), mine

    def conflict(
        self, table: str, record_uuid: str, profile_id: int | None, found: Any, other_by: str
    ) -> dict[str, Any]:
        conflict_uuid = str(uuid_module.uuid4())
        seq = self.number("sync_conflict", conflict_uuid, str(uuid_module.uuid4()), False)
        now = to_python("instant", self.now)
        return {
            "uuid": conflict_uuid,
            "profile_id": profile_id,
            "table_name": table,
            "record_uuid": record_uuid,
            "field": found.field,
            "shown_value": dumps(found.shown),
            "other_value": dumps(found.other),
            "shown_at": to_python("instant", found.shown_at),
            "other_at": to_python("instant", found.other_at),
            "other_by": other_by[:63],
            "created_at": now,
            "resolved_at": None,
            "updated_at": now,
            "deleted_at": None,
            "sync_version": seq,
        }


def push(connection: Connection, device: str, changes: Sequence[Change]) -> dict[str, Accepted]:
    """Take a device's changes in one transaction (the caller commits)."""
    work = _Push(connection, device)
    ids = [c.change_id for c in changes]
    for change_id, seq, as_pushed in connection.execute(
        select(_LOG.c.change_id, _LOG.c.seq, _LOG.c.as_pushed).where(_among(_LOG.c.change_id, ids))
    ):
        work.results[str(change_id)] = Accepted(int(seq), bool(as_pushed))
    todo = [c for c in changes if c.change_id not in work.results]
    for name, spec in SYNCED.items():
        group = [c for c in todo if c.table == name]
        if group:
            work.take(spec, group)
    _copy(
        connection,
        "sync_change",
        (
            "seq",
            "change_id",
            "device",
            "login",
            "table_name",
            "record_uuid",
            "as_pushed",
            "committed_at",
        ),
        work.log,
    )
    return work.results


def pull(connection: Connection, device: str, after: int, limit: int) -> Page:
    """The records changed after change number `after` by anyone but this device (its
    own changes that the server took as they were), at most `limit` changes."""
    top = int(
        connection.execute(text("SELECT coalesce(max(seq), 0) FROM sync_change")).scalar_one()
    )
    rows = connection.execute(
        select(_LOG.c.seq, _LOG.c.table_name, _LOG.c.record_uuid)
        .where(_LOG.c.seq > after, _LOG.c.seq <= top)
        .where(~((_LOG.c.device == device) & _LOG.c.as_pushed))
        .order_by(_LOG.c.seq)
        .limit(limit)
    ).all()
    complete = len(rows) < limit
    through = top if complete else int(rows[-1].seq)
    wanted: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        wanted[str(row.table_name)].add(str(row.record_uuid))
    records: list[Pulled] = []
    for name, spec in SYNCED.items():
        if name not in wanted:
            continue
        table = spec.table
        if spec.owned:
            query = select(table, _PROFILE.c.uuid.label("_profile_uuid")).join(
                _PROFILE, _PROFILE.c.id == table.c.profile_id
            )
        else:
            query = select(table, table.c.uuid.label("_profile_uuid"))
        for row in connection.execute(query.where(_among(table.c.uuid, wanted[name]))):
            m = row._mapping
            records.append(
                Pulled(
                    table=name,
                    uuid=str(m["uuid"]),
                    profile_uuid=str(m["_profile_uuid"]) if spec.owned else None,
                    values=_wire_row(spec, row),
                    version=int(m["sync_version"]),
                )
            )
    return Page(records=records, through=through, changes=len(rows), complete=complete)
