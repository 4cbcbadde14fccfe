"""Sync conflicts in and out of the store. Resolving one is an edit of this device (the
record's field and the conflict's `resolved_at`), so it travels like any other."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from tracker.domain.conflicts import Conflict
from tracker.domain.records import local_date_of
from tracker.models import SyncConflictRow
from tracker.storage.sync.wire import SYNCED, from_sqlite, loads, to_sqlite, to_wire


def _to_domain(row: SyncConflictRow) -> Conflict:
    return Conflict(
        id=row.id,
        uuid=row.uuid,
        profile_id=row.profile_id,
        table=row.table_name,
        record_uuid=row.record_uuid,
        field=row.field,
        shown=loads(row.shown_value),
        other=loads(row.other_value),
        shown_at=row.shown_at,
        other_at=row.other_at,
        other_by=row.other_by,
        created_at=row.created_at,
        resolved_at=row.resolved_at,
    )


class ConflictRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def open(self, profile_id: int | None = None) -> Sequence[Conflict]:
        """Conflicts not yet resolved (of one profile, or every profile), newest first."""
        query = select(SyncConflictRow).where(
            SyncConflictRow.resolved_at.is_(None), SyncConflictRow.deleted_at.is_(None)
        )
        if profile_id is not None:
            query = query.where(SyncConflictRow.profile_id == profile_id)
        query = query.order_by(SyncConflictRow.created_at.desc(), SyncConflictRow.id.desc())
        return [_to_domain(row) for row in self._session.scalars(query)]

    def get(self, conflict_id: int) -> Conflict:
        row = self._session.get(SyncConflictRow, conflict_id)
        if row is None:
            raise LookupError(conflict_id)
        return _to_domain(row)

    def record(self, table: str, record_uuid: str) -> dict[str, Any] | None:
        """The entry a conflict is about, its values in wire form (None: not here)."""
        spec = SYNCED[table]
        columns = ", ".join(spec.columns)
        row = self._session.execute(
            text(f"SELECT {columns} FROM {table} WHERE uuid = :u"),  # noqa: S608
            {"u": record_uuid},
        ).first()
        if row is None:
            return None
        return {
            name: from_sqlite(spec.kind(name), value)
            for name, value in zip(spec.columns, row, strict=True)
        }

    def resolve(self, conflict_id: int, now: dt.datetime) -> None:
        row = self._session.get(SyncConflictRow, conflict_id)
        if row is None:
            raise LookupError(conflict_id)
        row.resolved_at = now
        row.updated_at = now
        self._session.flush()

    def use_other(self, conflict: Conflict, now: dt.datetime) -> None:
        """Give the entry the value that was set aside (an edit made now)."""
        spec = SYNCED[conflict.table]
        kind = spec.kind(conflict.field)
        stamp = to_wire(now)
        self._session.execute(
            text(
                f"UPDATE {conflict.table} SET {conflict.field} = :v, updated_at = :t"  # noqa: S608
                " WHERE uuid = :u"
            ),
            {"v": to_sqlite(kind, conflict.other), "t": stamp, "u": conflict.record_uuid},
        )
        if conflict.table == "twitch_episode" and conflict.field in (
            "started_at",
            "utc_offset_min",
        ):
            started, offset = self._session.execute(
                text("SELECT started_at, utc_offset_min FROM twitch_episode WHERE uuid = :u"),
                {"u": conflict.record_uuid},
            ).one()
            moment = dt.datetime.fromisoformat(str(started)).replace(tzinfo=dt.UTC)
            self._session.execute(
                text("UPDATE twitch_episode SET local_date = :d WHERE uuid = :u"),
                {"d": local_date_of(moment, int(offset)).isoformat(), "u": conflict.record_uuid},
            )
