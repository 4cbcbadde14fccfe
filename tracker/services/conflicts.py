"""Conflicts that sync kept (DESIGN.md: "History marks the entry; `conflicts` lists it"):
listing them in the person's words, and picking the value that was set aside."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from tracker.domain import BodySite, ExerciseIntensity, MedicationKind, Remedy, Side
from tracker.domain.conflicts import Conflict
from tracker.domain.records import TwitchContext, local_date_of
from tracker.fields import field_label
from tracker.i18n import gettext as _
from tracker.labels import (
    context_label,
    place_label,
    remedy_label,
    short_date,
    side_label,
    site_label,
)
from tracker.services.clock import Clock, system_now
from tracker.storage import Store, UnitOfWork
from tracker.storage.app_reads import app_reads


@dataclass(frozen=True)
class ConflictView:
    conflict: Conflict
    profile: str
    entry: str  # "Twitch, 20 Nov 2026 21:30 (left knee)", "Day log, 20 Nov 2026"
    field: str  # the field as the person knows it
    shown: str
    other: str


def _instant(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def value_text(field: str, value: Any) -> str:
    """A stored value as the person would read it."""
    if field == "deleted_at":
        return _("deleted") if value is not None else _("not deleted")
    if value is None:
        return _("not logged")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    choices: dict[str, Any] = {
        "body_site": lambda v: site_label(BodySite(v)),
        "side": lambda v: side_label(Side(v)),
        "context": lambda v: context_label(TwitchContext(v)),
        "remedy": lambda v: remedy_label(Remedy(v)),
        "kind": lambda v: MedicationKind(v).value,
        "exercise_intensity": lambda v: ExerciseIntensity(v).value,
        "started_at": lambda v: _instant(v).astimezone().strftime("%Y-%m-%d %H:%M"),
    }
    if field in choices:
        return str(choices[field](value))
    return f"{value:g}" if isinstance(value, float) else str(value)


def entry_text(table: str, record: dict[str, Any] | None) -> str:
    if record is None:
        return _("an entry no longer on this device")
    if table == "twitch_episode":
        moment = _instant(record["started_at"])
        offset = record["utc_offset_min"]
        local = moment + dt.timedelta(minutes=offset)
        day = local_date_of(moment, offset)
        place = place_label(BodySite(record["body_site"]), Side(record["side"]))
        return _("Twitch, {day} {time} ({place})").format(
            day=short_date(day), time=local.strftime("%H:%M"), place=place.lower()
        )
    if table == "day_log":
        return _("Day log, {day}").format(day=short_date(dt.date.fromisoformat(record["date"])))
    if table == "medication":
        return _("Medicine {name}").format(name=record["name"])
    if table == "remedy_use":
        return _("{remedy}, {day}").format(
            remedy=remedy_label(Remedy(record["remedy"])),
            day=short_date(dt.date.fromisoformat(record["date"])),
        )
    if table == "profile":
        return _("Profile {name}").format(name=record["name"])
    return _("Settings")


def open_conflicts(store: Store, profile_id: int | None = None) -> list[ConflictView]:
    """The conflicts not resolved yet, newest first (one profile's, or everyone's)."""
    with app_reads(store.db_path) as reads:
        if not reads.open_conflicts_count(profile_id):
            return []  # the usual answer, read without loading the ORM (Settings shows it)
    with UnitOfWork.reading(store) as uow:
        names = {p.id: p.name for p in uow.profiles.list()}
        views = []
        for conflict in uow.conflicts.open(profile_id):
            record = uow.conflicts.record(conflict.table, conflict.record_uuid)
            views.append(
                ConflictView(
                    conflict=conflict,
                    profile=names.get(conflict.profile_id, "-"),
                    entry=entry_text(conflict.table, record),
                    field=field_label(conflict.field),
                    shown=value_text(conflict.field, conflict.shown),
                    other=value_text(conflict.field, conflict.other),
                )
            )
    return views


def conflicted_entries(store: Store, profile_id: int) -> set[str]:
    """The uuids of a profile's entries that have a conflict not resolved yet (History
    marks them; read through plain sqlite3)."""
    with app_reads(store.db_path) as reads:
        return reads.conflicted_entries(profile_id)


def resolve_conflict(
    store: Store, conflict_id: int, *, use_other: bool, now: Clock = system_now
) -> Conflict:
    """Keep the value shown, or give the entry the other one; either way the conflict
    is settled (on every device, after the next sync)."""
    with UnitOfWork(store) as uow:
        conflict = uow.conflicts.get(conflict_id)
        moment = now()
        if use_other:
            uow.conflicts.use_other(conflict, moment)
        uow.conflicts.resolve(conflict_id, moment)
        uow.commit()
    return conflict
