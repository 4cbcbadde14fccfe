"""Export and import: the CSV files and the JSON backup of DESIGN.md's "File formats".

An import is all or nothing: every file is read and checked before the one transaction
that stores it. Identity is the uuid (tracker.formats.matching): re-importing adds
nothing, `on_conflict="replace"` overwrites what is stored with what the file says, and
`dry_run` counts what would happen without storing anything. Existing records are
loaded once per table and new ones written in bulk, so a ten-year diary imports in
seconds.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.domain import Profile, ValidationError
from tracker.formats import backup, matching
from tracker.formats.cells import ReadOptions, reads_dates
from tracker.formats.csv_files import FILES, FileFormatError, read_csv, write_csv
from tracker.formats.files import MAX_IMPORT_BYTES, write_atomic
from tracker.formats.parse import Reader, Table
from tracker.formats.records import RECORDS
from tracker.i18n import gettext as _
from tracker.i18n import ngettext
from tracker.services.clock import Clock, offset_minutes, system_now
from tracker.services.profiles import ProfileKey, entry_profile_in, profile_in
from tracker.storage import Store, UnitOfWork

ON_CONFLICT = ("skip", "replace")
TABLES = ("profiles", "episodes", "days", "medications", "remedies")
TABLE_OF = {
    "episodes.csv": "episodes",
    "days.csv": "days",
    "medications.csv": "medications",
    "remedies.csv": "remedies",
}


@dataclass
class ImportSummary:
    """What an import stored (or, in a dry run, would store), per table."""

    added: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    tables: list[str] = field(default_factory=list)
    """The tables the files held, in TABLES order."""
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False

    def count(self, table: str, result: matching.Plan) -> None:
        self.added[table] += result.added
        self.changed[table] += result.changed
        self.skipped[table] += result.skipped
        self.saw(table)

    def saw(self, table: str) -> None:
        if table not in self.tables:
            self.tables.append(table)
            self.tables.sort(key=TABLES.index)


def export_csv(store: Store, profile_key: ProfileKey, out_dir: Path) -> list[Path]:
    """The four CSV files of a profile (deleted entries left out) into `out_dir`."""
    with UnitOfWork.reading(store) as uow:
        profile = profile_in(uow, profile_key)
        records: dict[str, Sequence[Any]] = dict.fromkeys(FILES, ())
        if profile.id is not None:
            records = {
                "episodes.csv": uow.episodes.between(profile.id, None, None),
                "days.csv": uow.days.between(profile.id, None, None),
                "medications.csv": uow.medications.overlapping(profile.id, None, None),
                "remedies.csv": uow.remedies.between(profile.id, None, None),
            }
    return [
        write_atomic(out_dir / kind, write_csv(FILES[kind], map(RECORDS[kind], found)))
        for kind, found in records.items()
    ]


def export_json(store: Store, out_file: Path) -> Path:
    """Every profile (deleted ones too) with every table, tombstones and stamps included."""
    with UnitOfWork.reading(store) as uow:
        backups = []
        for profile in uow.bulk.profiles():
            assert profile.id is not None
            backups.append(
                backup.ProfileBackup(
                    profile=profile,
                    settings=uow.profiles.settings(profile.id),
                    settings_updated_at=uow.bulk.settings_updated_at(profile.id),
                    episodes=uow.episodes.everything(profile.id),
                    days=uow.days.everything(profile.id),
                    medications=uow.medications.everything(profile.id),
                    remedies=uow.remedies.everything(profile.id),
                )
            )
    return write_atomic(out_file, backup.to_json(backups))


def _read(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_IMPORT_BYTES:
        reason = _("{size} MB is over the {limit} MB limit").format(
            size=size // (1024 * 1024), limit=MAX_IMPORT_BYTES // (1024 * 1024)
        )
        raise FileFormatError(path.name, 0, "", reason)
    return path.read_bytes()


def read_csv_table(path: Path, options: ReadOptions) -> Table:
    """One CSV file, read and checked (nothing stored): its kind and its entries."""
    found = read_csv(path.name, _read(path))
    if found.separator == ";":  # a spreadsheet set to a decimal comma writes "7,5"
        options = ReadOptions(options.date_format, True, options.latest_day)
    reader = Reader(path.name, found.kind, found.shown, options, columns=found.columns)
    entries = reader.read_rows(found.rows)
    return Table(path.name, found.kind, entries, "row", reader.naive_times)


def _files(path: Path) -> list[Path]:
    if not path.is_dir():
        with path.open("rb") as head:
            if head.read(4) == b"PK\x03\x04":  # a zip no source recognised
                reason = _("this zip archive is damaged, or holds no export Kedut can read")
                raise FileFormatError(path.name, 0, "", reason)
        return [path]
    files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".csv", ".json"))
    if not files:
        raise FileFormatError(path.name, 0, "", _("no .csv or .json files in this folder"))
    return files


def _options(now: Clock, date_format: str | None) -> ReadOptions:
    if date_format is not None and not reads_dates(date_format):
        allowed = _("strftime codes that read a whole date, such as %d/%m/%Y")
        raise ValidationError("--date-format", date_format, allowed)
    return ReadOptions(date_format, False, now().date() + dt.timedelta(days=1))


def import_path(
    store: Store,
    profile_key: ProfileKey,
    path: Path,
    on_conflict: str = "skip",
    now: Clock = system_now,
    *,
    dry_run: bool = False,
    date_format: str | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Import a folder of CSV files, one CSV file, or a JSON backup (all or nothing).
    `cancelled` is asked last, before anything is committed: ImportCancelled then."""
    if on_conflict not in ON_CONFLICT:
        raise ValidationError("--on-conflict", on_conflict, ", ".join(ON_CONFLICT))
    replace = on_conflict == "replace"
    with _without_cycle_collection():
        return _import(store, profile_key, path, replace, now, dry_run, date_format, cancelled)


@contextlib.contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector would walk the import's hundreds of thousands of new
    objects again and again (a third of a big import's time); they hold no cycles, so it
    rests until the import is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _import(
    store: Store,
    profile_key: ProfileKey,
    path: Path,
    replace: bool,
    now: Clock,
    dry_run: bool,
    date_format: str | None,
    cancelled: Callable[[], bool] | None,
) -> ImportSummary:
    options = _options(now, date_format)
    files = _files(path)
    backups = [
        profile
        for f in files
        if f.suffix.lower() == ".json"
        for profile in backup.from_json(f.name, _read(f), options)
    ]
    tables = [read_csv_table(f, options) for f in files if f.suffix.lower() != ".json"]
    _one_file_per_kind(tables)
    matching.check_repeats([tables, *(list(b.tables.values()) for b in backups)])
    _check_profiles(backups)
    summary = ImportSummary(dry_run=dry_run)
    with UnitOfWork.reading(store) if dry_run else UnitOfWork(store) as uow:
        if tables:
            target = entry_profile_in(uow, profile_key, now)  # never into Demo
            _store(uow, target.id, tables, replace, False, summary, now)
        for item in backups:
            profile_id = _backup_profile(uow, item, replace, summary, now)
            _store(uow, profile_id, list(item.tables.values()), replace, True, summary, now)
        if cancelled is not None and cancelled():
            # Here only: the sources' package holds every importer, not loaded at start.
            from tracker.formats.sources import ImportCancelled

            raise ImportCancelled  # the unit of work rolls back: nothing stored
        if not dry_run:
            uow.commit()
    _time_zone_notes(summary, [*tables, *(t for b in backups for t in b.tables.values())], now)
    return summary


def _one_file_per_kind(tables: Sequence[Table]) -> None:
    seen: dict[str, Table] = {}
    for table in tables:
        first = seen.setdefault(table.kind, table)
        if first is not table:
            reason = _("holds {kind} like {other}: import one of them at a time")
            raise FileFormatError(
                table.file, 0, "", reason.format(kind=table.kind, other=first.file)
            )


def _check_profiles(backups: Sequence[backup.ReadProfile]) -> None:
    """One profile once in an import: by its uuid, and by its name among live ones."""
    seen: dict[Any, backup.ReadProfile] = {}
    for item in backups:
        keys = [("uuid", item.profile.uuid)] if item.profile.uuid else []
        if item.profile.deleted_at is None:
            keys.append(("name", item.profile.name.lower()))
        for key in keys:
            first = seen.setdefault(key, item)
            if first is not item:
                reason = _("the same profile as {other}: a profile appears once")
                raise FileFormatError(item.where, 0, key[0], reason.format(other=first.where))


def _backup_profile(
    uow: UnitOfWork,
    item: backup.ReadProfile,
    replace: bool,
    summary: ImportSummary,
    now: Clock,
) -> int | None:
    """The stored profile a backup's profile goes into: the one with its uuid, else the
    live one with its name (the same person), else a new one (None in a dry run)."""
    wanted = item.profile
    summary.saw("profiles")
    found = uow.profiles.by_uuid(wanted.uuid) if wanted.uuid else None
    if found is None and wanted.deleted_at is None:
        found = uow.profiles.by_name(wanted.name)
        if found is not None and wanted.uuid is not None:
            note = _("{where}: its entries go into the profile {name} of this diary")
            summary.notes.append(note.format(where=item.where, name=found.name))
    if found is None:
        summary.added["profiles"] += 1
        if not uow.writes:
            return None
        created = uow.profiles.add(wanted, now())
        profile_id = _id(created)
        if item.version == 1:
            uow.profiles.put_settings(profile_id, item.settings, now())
        elif item.settings_updated_at is not None:
            uow.profiles.put_settings(profile_id, item.settings, item.settings_updated_at)
        return profile_id
    profile_id = _id(found)
    if replace and uow.profiles.settings(profile_id) != item.settings:
        summary.changed["profiles"] += 1
        if uow.writes:
            uow.profiles.put_settings(profile_id, item.settings, now())
    else:
        summary.skipped["profiles"] += 1
    return profile_id


def _store(
    uow: UnitOfWork,
    profile_id: int | None,
    tables: Sequence[Table],
    replace: bool,
    stamps: bool,
    summary: ImportSummary,
    now: Clock,
) -> None:
    """Plan each table against what the profile holds, then write it in bulk."""
    for table in tables:
        entries = table.entries
        summary.saw(TABLE_OF[table.kind])
        if not entries:
            continue
        needs_values = replace or table.kind == "days.csv"
        needs_values = needs_values or any(e.record.uuid is None for e in entries)
        stored = [] if profile_id is None else uow.bulk.stored(table.kind, profile_id, needs_values)
        foreign = uow.bulk.foreign_uuids(table.kind, profile_id or 0)
        result = matching.plan(table.kind, entries, stored, foreign, replace=replace, stamps=stamps)
        summary.count(TABLE_OF[table.kind], result)
        if result.elsewhere:
            note = ngettext(
                "{file}: {count} entry is already in another profile's diary (the same uuid) "
                "and was skipped; an entry belongs to one profile",
                "{file}: {count} entries are already in another profile's diary (the same "
                "uuid) and were skipped; an entry belongs to one profile",
                result.elsewhere,
            )
            summary.notes.append(note.format(file=table.file, count=result.elsewhere))
        if uow.writes and profile_id is not None:
            moment = now()
            uow.bulk.insert(table.kind, profile_id, result.insert, moment)
            uow.bulk.update(table.kind, profile_id, result.update, moment)


def _time_zone_notes(summary: ImportSummary, tables: Sequence[Table], now: Clock) -> None:
    minutes = offset_minutes(now())
    zone = f"UTC{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    for table in tables:
        if table.naive_times:
            note = ngettext(
                "{file}: {count} time had no UTC offset and was read in this machine's "
                "time zone ({zone})",
                "{file}: {count} times had no UTC offset and were read in this machine's "
                "time zone ({zone})",
                table.naive_times,
            )
            summary.notes.append(note.format(file=table.file, count=table.naive_times, zone=zone))


def _id(profile: Profile) -> int:
    assert profile.id is not None
    return profile.id
