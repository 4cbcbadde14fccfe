"""The JSON backup: every profile with every table, tombstones and stamps included, so
that restoring it into an empty store gives back identical data (DESIGN.md "File
formats").

Schema version 2 carries the uuid of every profile and record and the updated/deleted
stamps of every record; version 1 files (no uuids, live days and care records only)
are still read."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tracker.domain import (
    DayLog,
    Episode,
    Medication,
    Profile,
    RemedyUse,
    Settings,
    ValidationError,
)
from tracker.domain.identity import settings_uuid
from tracker.formats import parse
from tracker.formats.cells import DEFAULT_OPTIONS, CellError, ReadOptions, stamp
from tracker.formats.columns import BOOLEAN_COLUMNS
from tracker.formats.errors import FileFormatError, shown
from tracker.formats.parse import Entry, Reader, Table
from tracker.formats.records import FILES, KEYS, RECORDS, STAMPS, stamps_record
from tracker.i18n import gettext as _

FORMAT = "kedut-backup"
SCHEMA_VERSION = 2
READABLE_VERSIONS = (1, 2)
# A profile's lists in a backup, and the file kind each list holds.
LISTS = {
    "episodes": "episodes.csv",
    "days": "days.csv",
    "medications": "medications.csv",
    "remedies": "remedies.csv",
}
_PROFILE_KEYS = frozenset(
    {"uuid", "name", "sex", "created_at", "updated_at", "deleted_at", "settings", *LISTS}
)


@dataclass
class ProfileBackup:
    """One profile of a backup: what is written, and what is read back."""

    profile: Profile
    settings: Settings
    settings_updated_at: dt.datetime | None = None
    episodes: Sequence[Episode] = ()
    days: Sequence[DayLog] = ()
    medications: Sequence[Medication] = ()
    remedies: Sequence[RemedyUse] = ()


@dataclass
class ReadProfile:
    """A profile read from a backup, with each list's entries by file kind."""

    number: int
    where: str
    profile: Profile
    settings: Settings
    settings_updated_at: dt.datetime | None
    version: int
    tables: dict[str, Table] = field(default_factory=dict)


def _stamp(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _settings_json(backup: ProfileBackup) -> dict[str, Any]:
    settings = backup.settings
    saved = backup.settings_updated_at is not None and backup.profile.uuid is not None
    return {
        "uuid": settings_uuid(backup.profile.uuid) if saved and backup.profile.uuid else None,
        "updated_at": _stamp(backup.settings_updated_at),
        "language": settings.language,
        "water_target_ml": settings.water_target_ml,
        "reminder_time": None
        if settings.reminder_time is None
        else settings.reminder_time.strftime("%H:%M"),
        "recurring_days": settings.recurring_days,
        "persist_span_days": settings.persist_span_days,
        "reset_free_days": settings.reset_free_days,
    }


def to_json(backups: Sequence[ProfileBackup]) -> bytes:
    profiles = []
    for backup in backups:
        item: dict[str, Any] = {
            "uuid": backup.profile.uuid,
            "name": backup.profile.name,
            "sex": backup.profile.sex.value,
            "created_at": _stamp(backup.profile.created_at),
            "updated_at": _stamp(backup.profile.updated_at),
            "deleted_at": _stamp(backup.profile.deleted_at),
            "settings": _settings_json(backup),
        }
        for key, kind in LISTS.items():
            item[key] = [
                {**RECORDS[kind](record), **stamps_record(kind, record)}
                for record in getattr(backup, key)
            ]
        profiles.append(item)
    document = {"format": FORMAT, "schema_version": SCHEMA_VERSION, "profiles": profiles}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _text(value: Any) -> str | None:
    """A JSON value as the text a CSV cell would hold, so one reader checks both."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float | str):
        return str(value)
    return None


def _entries(reader: Reader, raw: Any, kind: str, allowed: tuple[str, ...]) -> list[Entry]:
    if not isinstance(raw, list):
        raise reader.fail(0, "", _("expected a list of entries"))
    # Entries with the same keys (all of them, in a backup Kedut wrote) are read together.
    groups: dict[tuple[str, ...], list[tuple[int, list[str]]]] = {}
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise reader.fail(number, "", _("expected an object with the entry's values"))
        record = [_cell(reader, number, key, value, kind, allowed) for key, value in item.items()]
        missing = [key for key in KEYS[kind] if key not in item]
        if missing:
            raise reader.fail(number, missing[0], _("a value is required"))
        groups.setdefault(tuple(item), []).append((number, record))
    entries: list[Entry] = []
    for keys, rows in groups.items():
        group = Reader(reader.file, kind, {}, reader.options, reader.unit, keys)
        entries += group.read_rows(rows)
        reader.naive_times += group.naive_times
    return sorted(entries, key=lambda entry: entry.row) if len(groups) > 1 else entries


def _cell(reader: Reader, number: int, key: str, value: Any, kind: str, allowed: Any) -> str:
    if key not in allowed:
        reason = _("{column} is not a column of {kind} (expected: {columns})")
        columns = ", ".join(allowed)
        raise reader.fail(number, key, reason.format(column=shown(key), kind=kind, columns=columns))
    cell = _text(value)
    if cell is None or (isinstance(value, bool) and key not in BOOLEAN_COLUMNS):
        reason = _("{value} is not allowed here (expected text or a number)")
        raise reader.fail(number, key, reason.format(value=shown(json.dumps(value))))
    return cell


def from_json(name: str, data: bytes, options: ReadOptions = DEFAULT_OPTIONS) -> list[ReadProfile]:
    """Parse and check a whole backup; raises FileFormatError on the first problem."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except json.JSONDecodeError as error:  # a cut or hand-edited file: say where it breaks
        reason = _("not a readable JSON file (it breaks at line {line}, column {column})")
        raise FileFormatError(
            name, 0, "", reason.format(line=error.lineno, column=error.colno)
        ) from None
    except (UnicodeDecodeError, RecursionError):
        raise FileFormatError(name, 0, "", _("not a readable JSON file")) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        reason = _("not a Kedut backup (expected format {format})").format(format=shown(FORMAT))
        raise FileFormatError(name, 0, "format", reason)
    version = document.get("schema_version")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        reason = _("{value} is not supported (allowed: {versions})").format(
            value=shown(str(version)), versions=", ".join(map(str, READABLE_VERSIONS))
        )
        raise FileFormatError(name, 0, "schema_version", reason)
    profiles = document.get("profiles")
    if not isinstance(profiles, list):
        raise FileFormatError(name, 0, "profiles", _("expected a list of profiles"))
    return [
        _profile(name, number, item, version, options)
        for number, item in enumerate(profiles, start=1)
    ]


def _profile(name: str, number: int, item: Any, version: int, options: ReadOptions) -> ReadProfile:
    where = _("{file}, profile {number}").format(file=name, number=number)
    if not isinstance(item, dict):
        raise FileFormatError(where, 0, "", _("expected an object with the profile"))
    unknown = sorted(set(item) - _PROFILE_KEYS)
    if unknown:
        reason = _("{column} is not a part of a profile (expected: {columns})").format(
            column=shown(unknown[0]), columns=", ".join(sorted(_PROFILE_KEYS))
        )
        raise FileFormatError(where, 0, unknown[0], reason)
    called = item.get("name")
    where = f"{where} ({called})" if isinstance(called, str) and called else where
    values: dict[str, Any] = {"name": str(called or ""), "sex": item.get("sex") or "unspecified"}
    values["uuid"] = item.get("uuid")
    for key in ("created_at", "updated_at", "deleted_at"):
        values[key] = _stamp_of(where, key, item.get(key))
    raw_settings = item.get("settings") or {}
    try:
        profile = Profile(**values)
        settings = parse.settings(raw_settings)
    except ValidationError as error:
        raise FileFormatError(where, 0, error.field, parse.refused(error)) from None
    read = ReadProfile(
        number=number,
        where=where,
        profile=profile,
        settings=settings,
        settings_updated_at=_stamp_of(where, "updated_at", raw_settings.get("updated_at")),
        version=version,
    )
    for key, kind in LISTS.items():
        reader = Reader(f"{where}, {key}", kind, {}, options, unit="entry")
        allowed = (*FILES[kind], *STAMPS[kind])
        entries = _entries(reader, item.get(key, []), kind, allowed)
        read.tables[kind] = Table(reader.file, kind, entries, "entry", reader.naive_times)
    return read


def _stamp_of(where: str, key: str, value: Any) -> dt.datetime | None:
    if value is None:
        return None
    try:
        return stamp(str(value), DEFAULT_OPTIONS)
    except CellError as error:
        raise FileFormatError(where, 0, key, error.reason) from None
