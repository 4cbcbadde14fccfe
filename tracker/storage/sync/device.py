"""The device's side of sync, inside one SQLite transaction: its state, the pending
changes (the outbox the triggers of tracker.storage.sqlite write), what the server
accepted, and the records pulled from it. Plain SQL through a `Runner`: a sync runs it
on its own sqlite3 connection (tracker.storage.sqlite.device_transaction), without
loading SQLAlchemy; a unit of work runs it on its session.

Rows stored from the server are written with `outbox_mode` 2, so the triggers do not
take them for this device's own edits; the mode goes back to 1 before the commit.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid as uuid_module
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from tracker.storage import episode_days, sqlite
from tracker.storage.sqlite import NEW_UUID, Runner
from tracker.storage.sync import naming
from tracker.storage.sync.changes import Accepted, Change, Page, Pulled
from tracker.storage.sync.wire import (
    CONVERTED,
    SYNCED,
    SyncedTable,
    Values,
    from_sqlite,
    loads,
    to_sqlite,
)

OFF, RECORDING, STORING = 0, 1, 2


@dataclass(frozen=True)
class DeviceState:
    device_id: str | None
    household: str | None
    server_url: str | None
    pulled_through: int
    last_sync_at: dt.datetime | None
    last_error: str | None
    last_error_at: dt.datetime | None
    last_pushed: int
    last_pulled: int
    last_conflicts: int


def _utc(raw: Any) -> dt.datetime | None:
    return None if raw is None else dt.datetime.fromisoformat(str(raw)).replace(tzinfo=dt.UTC)


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


class DeviceSync:
    def __init__(self, db: Runner) -> None:
        self._db = db

    def _run(self, sql: str, params: Any = None) -> Any:
        return self._db.run(sql, params)

    def _mode(self, mode: int) -> None:
        self._run("UPDATE sync_state SET outbox_mode = :m WHERE id = 1", {"m": mode})

    # State

    def state(self) -> DeviceState:
        row = self._run(
            "SELECT device_id, household, server_url, pulled_through, last_sync_at,"
            " last_error, last_error_at, last_pushed, last_pulled, last_conflicts"
            " FROM sync_state WHERE id = 1"
        ).one()
        return DeviceState(
            device_id=row[0],
            household=row[1],
            server_url=row[2],
            pulled_through=int(row[3]),
            last_sync_at=_utc(row[4]),
            last_error=row[5],
            last_error_at=_utc(row[6]),
            last_pushed=int(row[7]),
            last_pulled=int(row[8]),
            last_conflicts=int(row[9]),
        )

    def join(self, household: str, *, placeholder: str | None = None) -> str:
        """Start (or go on) syncing with `household`; returns this device's id. A device
        that joins a household for the first time — or is pointed at another one —
        queues everything it holds, since that server has seen none of it.

        `placeholder` (when the household already has profiles): the name of the
        profile Kedut makes on first use. Such a profile that was never synced and holds
        nothing at all is left behind instead of joining as a second, empty "Me"."""
        state = self.state()
        device_id = state.device_id or str(uuid_module.uuid4())
        if state.household != household:
            self._mode(STORING)
            if placeholder is not None:
                self._drop_placeholders(placeholder)
            self._run("DELETE FROM sync_outbox")
            for name in SYNCED:
                self._run(f"UPDATE {name} SET sync_version = NULL WHERE sync_version IS NOT NULL")
                self._run(
                    "INSERT INTO sync_outbox (change_id, table_name, record_uuid, op,"
                    f" base_version, base, made_at) SELECT {NEW_UUID}, '{name}', uuid,"
                    f" 'insert', NULL, NULL, :now FROM {name} ORDER BY rowid",
                    {"now": _stamp(dt.datetime.now(dt.UTC))},
                )
            self._run(
                "UPDATE sync_state SET household = :h, pulled_through = 0 WHERE id = 1",
                {"h": household},
            )
        self._run(
            "UPDATE sync_state SET device_id = :d, outbox_mode = :m WHERE id = 1",
            {"d": device_id, "m": RECORDING},
        )
        return device_id

    def _drop_placeholders(self, name: str) -> None:
        owned = [t for t, spec in SYNCED.items() if spec.owned]
        empty = " AND ".join(
            f"NOT EXISTS (SELECT 1 FROM {t} WHERE profile_id = profile.id)" for t in owned
        )
        self._run(
            f"DELETE FROM profile WHERE name = :n AND sync_version IS NULL AND {empty}",
            {"n": name},
        )

    def finished(
        self, url: str, now: dt.datetime, pushed: int, pulled: int, conflicts: int
    ) -> None:
        """A sync went through: remember the server (never with a password)."""
        self._run(
            "UPDATE sync_state SET server_url = :u, last_sync_at = :t, last_error = NULL,"
            " last_error_at = NULL, last_pushed = :p, last_pulled = :l, last_conflicts = :c"
            " WHERE id = 1",
            {"u": url, "t": _stamp(now), "p": pushed, "l": pulled, "c": conflicts},
        )

    def failed(self, message: str, now: dt.datetime) -> None:
        self._run(
            "UPDATE sync_state SET last_error = :e, last_error_at = :t WHERE id = 1",
            {"e": message, "t": _stamp(now)},
        )

    def forget_server(self) -> None:
        self._run("UPDATE sync_state SET server_url = NULL WHERE id = 1")

    # Pushing

    def pending_count(self) -> int:
        """How many records have changes the server has not taken yet."""
        return int(
            self._run(
                "SELECT count(*) FROM (SELECT DISTINCT table_name, record_uuid FROM sync_outbox)"
            ).scalar_one()
        )

    def pending(self, limit: int) -> list[Change]:
        """The oldest `limit` pending entries, as one change per record: its values now,
        the base of its oldest entry here, the id of its newest. (A record edited again
        after the window goes again with a later batch: the server counts its own
        version as seen, so that push is a plain update.) Read in one snapshot."""
        entries: dict[tuple[str, str], list[Any]] = defaultdict(list)
        for entry in self._run(
            "SELECT seq, change_id, op, base_version, base, made_at, table_name, record_uuid"
            " FROM sync_outbox ORDER BY seq LIMIT :n",
            {"n": limit},
        ).all():
            entries[(str(entry[6]), str(entry[7]))].append(entry)
        by_table: dict[str, list[str]] = defaultdict(list)
        for name, record_uuid in entries:
            by_table[name].append(record_uuid)
        rows = {name: self._records(SYNCED[name], uuids) for name, uuids in by_table.items()}
        changes = []
        for (name, record_uuid), found in entries.items():
            oldest, newest = found[0], found[-1]
            spec = SYNCED[name]
            base = None if oldest[2] == "insert" else self._decode(spec, loads(oldest[4]))
            # A record erased here has no values: the server knows it by its uuid alone.
            profile_uuid, values = rows[name].get(record_uuid, (None, None))
            changes.append(
                Change(
                    change_id=str(newest[1]),
                    table=name,
                    uuid=record_uuid,
                    profile_uuid=profile_uuid,
                    values=values,
                    base_version=None if oldest[3] is None else int(oldest[3]),
                    base=base,
                    made_at=from_sqlite("instant", str(newest[5])),
                    entries=tuple(int(e[0]) for e in found),
                )
            )
        return changes  # in the order of each record's oldest entry

    def _decode(self, spec: SyncedTable, raw: dict[str, Any]) -> Values:
        return {
            name: from_sqlite(spec.kind(name), raw.get(name, spec.defaults.get(name)))
            for name in spec.columns
        }

    def _records(
        self, spec: SyncedTable, uuids: Sequence[str]
    ) -> dict[str, tuple[str | None, Values]]:
        """uuid → (profile uuid, values) of the records that exist, as SQLite holds them."""
        columns = ", ".join(f"t.{c}" for c in spec.columns)
        owner = "p.uuid" if spec.owned else "NULL"
        join = " JOIN profile p ON p.id = t.profile_id" if spec.owned else ""
        rows = self._run(
            f"SELECT t.uuid, {owner}, {columns} FROM {spec.name} t{join}"
            f" WHERE {sqlite.among('t.uuid', 'u')}",
            {"u": json.dumps(list(uuids))},
        )
        # Only yes/no values and instants need converting; the rest is stored as it travels.
        fixes = [(name, spec.kind(name)) for name in spec.columns if spec.kind(name) in CONVERTED]
        found: dict[str, tuple[str | None, Values]] = {}
        for row in rows.all():
            values = dict(zip(spec.columns, row[2:], strict=True))
            for name, kind in fixes:
                values[name] = from_sqlite(kind, values[name])
            found[str(row[0])] = (None if row[1] is None else str(row[1]), values)
        return found

    def acknowledge(self, changes: Sequence[Change], results: dict[str, Accepted]) -> None:
        """The server took these changes: the outbox entries they covered leave it (an
        entry written since stays, and goes with the next push)."""
        done = [seq for c in changes if c.change_id in results for seq in c.entries]
        for start in range(0, len(done), 50_000):
            self._run(
                f"DELETE FROM sync_outbox WHERE {sqlite.among('seq', 's')}",
                {"s": json.dumps(done[start : start + 50_000])},
            )

    # Pulling

    def apply(self, page: Page) -> tuple[int, int]:
        """Store a pulled page and the new position, in this one transaction. A record
        with changes of its own still to push is left as it is: its push will merge.
        Returns (records stored, conflicts among them)."""
        self._mode(STORING)
        stored = conflicts = 0
        by_table: dict[str, list[Pulled]] = defaultdict(list)
        for record in page.records:
            by_table[record.table].append(record)
        for name, spec in SYNCED.items():
            records = by_table.get(name)
            if not records:
                continue
            waiting = set(
                self._run(
                    "SELECT record_uuid FROM sync_outbox WHERE table_name = :t"
                    f" AND {sqlite.among('record_uuid', 'u')}",
                    {"t": name, "u": json.dumps([r.uuid for r in records])},
                ).scalars()
            )
            ready = [r for r in records if r.uuid not in waiting]
            self._store(spec, ready)
            stored += len(ready)
            if name == "sync_conflict":
                conflicts += sum(1 for r in ready if r.values["resolved_at"] is None)
        self._run("UPDATE sync_state SET pulled_through = :p WHERE id = 1", {"p": page.through})
        self._mode(RECORDING)
        return stored, conflicts

    def _profile_ids(self) -> dict[str, int]:
        return {str(u): int(i) for u, i in self._run("SELECT uuid, id FROM profile").all()}

    def _store(self, spec: SyncedTable, records: Sequence[Pulled]) -> None:
        profiles = self._profile_ids() if spec.owned else {}
        if spec.owned:  # a profile erased here (and not yet pushed) takes nothing in
            records = [r for r in records if str(r.profile_uuid) in profiles]
        if not records:
            return
        existing = self._existing(spec, records, profiles)
        names = list(spec.columns)
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for record in records:
            row = {n: to_sqlite(spec.kind(n), record.values[n]) for n in names}
            row.update(_uuid=record.uuid, _version=record.version)
            if spec.owned:
                row["_profile"] = profiles[str(record.profile_uuid)]
            if spec.name == "profile":
                row["_name"] = row.pop("name")
                row["name"] = f"\x00{record.uuid}"  # a name no one has, until pass two
            old = existing.get(record.uuid)
            if old is None:
                inserts.append(row)
            else:
                updates.append({**row, "_old": old})
        owner = ["profile_id"] if spec.owned else []
        if inserts:
            columns = [*owner, *names, "uuid", "sync_version"]
            values = [*(["_profile"] if spec.owned else []), *names, "_uuid", "_version"]
            statement = (
                f"INSERT INTO {spec.name} ({', '.join(columns)})"
                f" VALUES ({', '.join(':' + v for v in values)})"
            )
            if spec.name == "twitch_episode":
                episode_days.insert_summed(self._db, statement, inserts)
            else:
                self._db.many(statement, inserts)
        if updates:
            assignments = ", ".join(f"{n} = :{n}" for n in names)
            self._db.many(
                f"UPDATE {spec.name} SET {assignments}, uuid = :_uuid,"
                " sync_version = :_version WHERE uuid = :_old",
                updates,
            )
        if spec.name == "profile":
            self._name_profiles([*inserts, *updates])

    def _existing(
        self, spec: SyncedTable, records: Sequence[Pulled], profiles: dict[str, int]
    ) -> dict[str, str]:
        """uuid of a pulled record → uuid of the row that holds it here. A day and a
        profile's settings are found by their profile (and date) too."""
        found = {
            str(u): str(u)
            for u in self._run(
                f"SELECT uuid FROM {spec.name} WHERE {sqlite.among('uuid', 'u')}",
                {"u": json.dumps([r.uuid for r in records])},
            ).scalars()
        }
        if spec.name in ("day_log", "settings"):
            for record in records:
                if record.uuid in found:
                    continue
                profile_id = profiles[str(record.profile_uuid)]
                if spec.name == "day_log":
                    same = self._run(
                        "SELECT uuid FROM day_log WHERE profile_id = :p AND date = :d",
                        {"p": profile_id, "d": record.values["date"]},
                    ).scalar()
                else:
                    same = self._run(
                        "SELECT uuid FROM settings WHERE profile_id = :p", {"p": profile_id}
                    ).scalar()
                if same is not None:
                    found[record.uuid] = str(same)
        return found

    def _name_profiles(self, rows: Sequence[dict[str, Any]]) -> None:
        """Pass two: the pulled profiles' names. A profile only this device has that
        holds one of them is told apart with " (2)" (an edit of this device's, so it
        travels); the server did the same for names it was sent."""
        self._mode(RECORDING)
        incoming = [str(r["_name"]) for r in rows if r["deleted_at"] is None]
        for row in rows:
            if row["deleted_at"] is None:
                clash = self._run(
                    "SELECT id, name FROM profile WHERE deleted_at IS NULL AND uuid <> :u"
                    " AND lower(name) = lower(:n)",
                    {"u": row["_uuid"], "n": row["_name"]},
                ).first()
                if clash is not None:
                    self._run(
                        "UPDATE profile SET name = :n, updated_at = :t WHERE id = :i",
                        {
                            "n": self._free_name(str(clash[1]), incoming),
                            "t": _stamp(dt.datetime.now(dt.UTC)),
                            "i": clash[0],
                        },
                    )
        self._mode(STORING)
        self._db.many(
            "UPDATE profile SET name = :_name WHERE uuid = :_uuid",
            [{"_name": r["_name"], "_uuid": r["_uuid"]} for r in rows],
        )

    def _free_name(self, name: str, incoming: Collection[str]) -> str:
        """A name for this device's own profile that neither a profile it holds nor one
        being pulled has."""
        held = [str(n) for n in self._run("SELECT name FROM profile").scalars()]
        return naming.free_name(name, [*held, *incoming])
