"""Export and import: the CSV files and the JSON backup of DESIGN.md's "File formats".

An import is all or nothing: every file is read and checked before the one transaction
that stores it. Re-importing adds nothing (duplicates are skipped), unless
`on_conflict="replace"` asks to overwrite what is stored with what the file says.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.domain import DayLog, Episode, Medication, Profile, RemedyUse
from tracker.formats import backup, parse
from tracker.formats.csv_files import FILES, FileFormatError, read_csv, write_csv
from tracker.formats.files import MAX_IMPORT_BYTES, write_atomic
from tracker.formats.records import day_record, episode_record, medication_record, remedy_record
from tracker.services.clock import Clock, system_now
from tracker.services.profiles import ProfileKey, entry_profile_in, profile_in, stored_id
from tracker.storage import Store, UnitOfWork

ON_CONFLICT = ("skip", "replace")


@dataclass
class Parsed:
    episodes: list[Episode] = field(default_factory=list)
    days: list[DayLog] = field(default_factory=list)
    medications: list[Medication] = field(default_factory=list)
    remedies: list[RemedyUse] = field(default_factory=list)


@dataclass
class ImportSummary:
    added: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    replaced: Counter[str] = field(default_factory=Counter)


def export_csv(store: Store, profile_key: ProfileKey, out_dir: Path) -> list[Path]:
    """The four CSV files of a profile (soft-deleted episodes left out) into `out_dir`."""
    with UnitOfWork.reading(store) as uow:
        profile_id = stored_id(profile_in(uow, profile_key))
        tables: dict[str, list[dict[str, Any]]] = {
            "episodes.csv": [
                episode_record(e) for e in uow.episodes.between(profile_id, None, None)
            ],
            "days.csv": [day_record(d) for d in uow.days.between(profile_id, None, None)],
            "medications.csv": [
                medication_record(m) for m in uow.medications.overlapping(profile_id, None, None)
            ],
            "remedies.csv": [
                remedy_record(r) for r in uow.remedies.between(profile_id, None, None)
            ],
        }
    return [
        write_atomic(out_dir / name, write_csv(FILES[name], rows)) for name, rows in tables.items()
    ]


def export_json(store: Store, out_file: Path) -> Path:
    """Every profile with every table, soft-deleted episodes and timestamps included."""
    with UnitOfWork.reading(store) as uow:
        backups = []
        for profile in uow.profiles.list():
            assert profile.id is not None
            backups.append(
                backup.ProfileBackup(
                    profile=profile,
                    settings=uow.profiles.settings(profile.id),
                    episodes=list(uow.episodes.everything(profile.id)),
                    days=list(uow.days.between(profile.id, None, None)),
                    medications=list(uow.medications.overlapping(profile.id, None, None)),
                    remedies=list(uow.remedies.between(profile.id, None, None)),
                )
            )
    return write_atomic(out_file, backup.to_json(backups))


def _read(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_IMPORT_BYTES:
        limit = MAX_IMPORT_BYTES // (1024 * 1024)
        raise FileFormatError(
            path.name, 0, "", f"{size // (1024 * 1024)} MB is over the {limit} MB limit"
        )
    return path.read_bytes()


def _no_duplicates(file: str, keyed: Sequence[tuple[int, Hashable]]) -> None:
    first_row: dict[Hashable, int] = {}
    for row, key in keyed:
        if key in first_row:
            raise FileFormatError(file, row, "", f"duplicates row {first_row[key]}")
        first_row[key] = row


_KEYS: dict[str, Callable[[Any], Hashable]] = {
    "episodes.csv": lambda e: e.uuid or tuple(episode_record(e).values()),
    "days.csv": lambda d: d.date,
    "medications.csv": lambda m: (m.name, m.kind.value, m.started_on),
    "remedies.csv": lambda r: (r.date, r.remedy.value),
}
_TARGET = {
    "episodes.csv": "episodes",
    "days.csv": "days",
    "medications.csv": "medications",
    "remedies.csv": "remedies",
}


def parse_csv_files(paths: Sequence[Path]) -> Parsed:
    """Read and check CSV files; raises FileFormatError (nothing stored yet)."""
    parsed = Parsed()
    seen: set[str] = set()
    for path in paths:
        kind, rows = read_csv(path.name, _read(path))
        if kind in seen:
            raise FileFormatError(path.name, 1, "", f"a second {kind} in one import")
        seen.add(kind)
        records = [(row, parse.PARSERS[kind](path.name, row, record)) for row, record in rows]
        _no_duplicates(path.name, [(row, _KEYS[kind](record)) for row, record in records])
        getattr(parsed, _TARGET[kind]).extend(record for _, record in records)
    return parsed


def _store_parsed(
    uow: UnitOfWork,
    profile_id: int,
    parsed: Parsed,
    replace: bool,
    summary: ImportSummary,
    now: Clock,
) -> None:
    # Interim identity (the Trust issue's import rework replaces this): the same uuid,
    # or for a row without one, a live episode equal in every column.
    live = {
        tuple(episode_record(e).values()): e.id
        for e in uow.episodes.between(profile_id, None, None)
    }
    for episode in parsed.episodes:
        found = (
            uow.episodes.id_of(profile_id, episode.uuid)
            if episode.uuid
            else live.get(tuple(episode_record(episode).values()))
        )
        if found is None:
            uow.episodes.add(profile_id, episode, now())
            summary.added["episodes"] += 1
        elif replace:
            uow.episodes.replace(profile_id, dataclasses.replace(episode, id=found), now())
            uow.episodes.set_deleted(profile_id, found, episode.deleted_at, now())
            summary.replaced["episodes"] += 1
        else:
            summary.skipped["episodes"] += 1
    for day_log in parsed.days:  # one per date: the date is the key
        stored = uow.days.get(profile_id, day_log.date)
        if stored is None or replace:
            uow.days.put(profile_id, day_log, now())
        _count(summary, "days", stored is None, replace)
    medications = {
        _KEYS["medications.csv"](m): m.id
        for m in uow.medications.overlapping(profile_id, None, None)
    }
    for medication in parsed.medications:
        medication_id = medications.get(_KEYS["medications.csv"](medication))
        if medication_id is None:
            uow.medications.add(profile_id, medication, now())
        elif replace:
            uow.medications.replace(profile_id, medication_id, medication, now())
        _count(summary, "medications", medication_id is None, replace)
    remedies = {
        _KEYS["remedies.csv"](r): r.id for r in uow.remedies.between(profile_id, None, None)
    }
    for use in parsed.remedies:
        use_id = remedies.get(_KEYS["remedies.csv"](use))
        if use_id is None:
            uow.remedies.add(profile_id, use, now())
        elif replace:
            uow.remedies.replace(profile_id, use_id, use, now())
        _count(summary, "remedies", use_id is None, replace)


def _count(summary: ImportSummary, table: str, new: bool, replace: bool) -> None:
    target = summary.added if new else summary.replaced if replace else summary.skipped
    target[table] += 1


def import_path(
    store: Store,
    profile_key: ProfileKey,
    path: Path,
    on_conflict: str = "skip",
    now: Clock = system_now,
) -> ImportSummary:
    """Import a directory of CSV files, one CSV file, or a JSON backup."""
    if on_conflict not in ON_CONFLICT:
        raise FileFormatError(
            str(path), 0, "on_conflict", f"{on_conflict!r}; allowed: skip, replace"
        )
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".csv", ".json"))
        if not files:
            raise FileFormatError(path.name, 0, "", "no .csv or .json files in this folder")
    else:
        files = [path]
    backups = [
        b for f in files if f.suffix.lower() == ".json" for b in backup.from_json(f.name, _read(f))
    ]
    parsed = parse_csv_files([f for f in files if f.suffix.lower() != ".json"])
    summary = ImportSummary()
    replace = on_conflict == "replace"
    with UnitOfWork(store) as uow:
        if parsed.episodes or parsed.days or parsed.medications or parsed.remedies:
            target = entry_profile_in(uow, profile_key, now)  # never into Demo
            assert target.id is not None
            _store_parsed(uow, target.id, parsed, replace, summary, now)
        for item in backups:
            profile = uow.profiles.by_name(item.profile.name)
            if profile is None:
                profile = uow.profiles.add(item.profile, now())
                uow.profiles.put_settings(_id(profile), item.settings, now())
                summary.added["profiles"] += 1
            elif replace:
                uow.profiles.put_settings(_id(profile), item.settings, now())
            content = Parsed(item.episodes, item.days, item.medications, item.remedies)
            _store_parsed(uow, _id(profile), content, replace, summary, now)
        uow.commit()
    return summary


def _id(profile: Profile) -> int:
    assert profile.id is not None
    return profile.id
