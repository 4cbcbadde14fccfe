"""Importing another app's or device's export (DESIGN.md "Importing from other apps and
devices"): the source's reader turns the file into day values, episodes and medication
periods; this service stores them in one transaction, or, in a dry run, only says what
it would store.

A value fills a day's empty field; a field the person entered is kept unless they ask
for `replace`. An episode or a medication period from a file carries no uuid: it is
skipped when a live entry equal in every field is already there, so importing the same
export twice adds nothing. The mapping a person gave for a diary app is remembered
beside the diary (`<data dir>/mappings/<source>.json`) and used the next time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.domain import RECORD_META, DayLog, Episode, Medication, ValidationError
from tracker.formats.files import write_atomic
from tracker.formats.sources import (
    Found,
    ImportCancelled,
    Mapping,
    Reason,
    Source,
    SourceBatch,
    SourceOptions,
    detect_sources,
    load_mapping,
    source_named,
)
from tracker.i18n import gettext as _
from tracker.labels import factor_label
from tracker.services import future
from tracker.services.clock import Clock, system_now
from tracker.services.profiles import ProfileKey, entry_profile_in
from tracker.storage import Store, UnitOfWork

MAPPINGS_DIR = "mappings"


@dataclass
class SourceImport:
    """What an import of another app's export did (or, in a dry run, would do)."""

    sources: list[str] = field(default_factory=list)
    dry_run: bool = False
    added: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)
    # Per day field: days filled, days where the person's value was kept, days replaced.
    filled: Counter[str] = field(default_factory=Counter)
    kept: Counter[str] = field(default_factory=Counter)
    replaced: Counter[str] = field(default_factory=Counter)
    report_lines: list[str] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)
    mapping_saved: Path | None = None
    names: dict[str, Found] = field(default_factory=dict)
    """The diary app's own names found (habits, activities, symptoms …), for the mapping."""
    mapping: Mapping | None = None
    """The mapping the import used: the one given, or the one remembered."""


def find_sources(path: Path, wanted: str = "auto") -> list[Source]:
    """The sources to read `path` with: the one asked for, or those found in its content
    (an empty list when it is none of them: then it is Kedut's own files or a CSV)."""
    if wanted != "auto":
        try:
            return [source_named(wanted)]
        except KeyError:
            return []
    return detect_sources(path)


def _mapping_path(store: Store, source: str) -> Path:
    return store.data_dir / MAPPINGS_DIR / f"{source}.json"


def _remembered(store: Store, source: str) -> Mapping | None:
    path = _mapping_path(store, source)
    return load_mapping(path) if path.exists() else None


def import_source(
    store: Store,
    profile_key: ProfileKey,
    path: Path,
    sources: Sequence[Source],
    *,
    mapping_file: Path | None = None,
    mapping: Mapping | None = None,
    on_conflict: str = "skip",
    dry_run: bool = False,
    now: Clock = system_now,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SourceImport:
    """Read `path` with each source, then store everything in one transaction. A mapping
    given (`mapping_file`, or `mapping` as chosen in the app's preview) is remembered.
    `cancelled` is asked while reading and last before the commit: ImportCancelled."""
    if on_conflict not in ("skip", "replace"):
        raise ValidationError("--on-conflict", on_conflict, "skip, replace")
    given = load_mapping(mapping_file) if mapping_file is not None else mapping
    result = SourceImport(sources=[s.title for s in sources], dry_run=dry_run)
    batches: list[SourceBatch] = []
    moment = now()
    for source in sources:
        used = given or _remembered(store, source.name)
        options = SourceOptions(progress=progress, cancelled=cancelled, mapping=used)
        batch = source.read(path, options)
        _leave_out_the_future(batch, moment)
        batches.append(batch)
        result.mapping = result.mapping or used
        result.names.update(batch.report.names)
        result.report_lines.extend(f"{source.title}: {line}" for line in batch.report.lines())
        result.unmapped.extend(batch.report.unmapped())
    with UnitOfWork.reading(store) if dry_run else UnitOfWork(store) as uow:
        profile = entry_profile_in(uow, profile_key, now)  # never into Demo
        for batch in batches:
            _store_days(uow, profile.id, batch, on_conflict == "replace", result, moment)
            _store_entries(uow, profile.id, batch, result, moment)
        if cancelled is not None and cancelled():
            raise ImportCancelled  # the unit of work rolls back: nothing stored
        if not dry_run:
            uow.commit()
    if given is not None and not dry_run:
        for source in sources:
            target = _mapping_path(store, source.name)
            content = json.dumps(given.to_dict(), ensure_ascii=False, indent=2) + "\n"
            result.mapping_saved = write_atomic(target, content.encode("utf-8"))
    return result


def _leave_out_the_future(batch: SourceBatch, moment: dt.datetime) -> None:
    """A record dated after today (a watch whose clock was wrong) is skipped and counted
    with its day, as any odd record is: it does not refuse the whole export. The limits
    are those of every entry (services.future): a day at most tomorrow, a twitch at most
    a few minutes from now."""
    last_day = moment.date() + dt.timedelta(days=future.DAYS_AHEAD)
    for day in [d for d in sorted(batch.days) if d > last_day]:
        for name in batch.days.pop(day):
            batch.report.skip(factor_label(name), Reason.IN_THE_FUTURE, place=day.isoformat())
    latest = moment + future.CLOCK_SKEW
    for episode in [e for e in batch.episodes if e.started_at > latest]:
        place = episode.local_date.isoformat()
        batch.report.skip(_("twitch episodes"), Reason.IN_THE_FUTURE, place=place)
    batch.episodes[:] = [e for e in batch.episodes if e.started_at <= latest]
    for medication in [m for m in batch.medications if m.started_on > last_day]:
        place = medication.started_on.isoformat()
        batch.report.skip(_("medication periods"), Reason.IN_THE_FUTURE, place=place)
    batch.medications[:] = [m for m in batch.medications if m.started_on <= last_day]


def _store_days(
    uow: UnitOfWork,
    profile_id: int | None,
    batch: SourceBatch,
    replace: bool,
    result: SourceImport,
    moment: dt.datetime,
) -> None:
    for day, values in sorted(batch.days.items()):
        stored = None if profile_id is None else uow.days.get(profile_id, day)
        current = stored or DayLog(date=day)
        changes: dict[str, Any] = {}
        for name, value in values.items():
            mine = getattr(current, name)
            if mine is None:
                changes[name] = value
                result.filled[name] += 1
            elif mine == value:
                continue
            elif replace:
                changes[name] = value
                result.replaced[name] += 1
            else:
                result.kept[name] += 1
        if not changes:
            result.skipped["days"] += 1
            continue
        updated = dataclasses.replace(current, **changes)  # the domain checks every value
        (result.added if stored is None else result.changed)["days"] += 1
        if uow.writes and profile_id is not None:
            uow.days.put(profile_id, dataclasses.replace(updated, updated_at=None), moment)


def _values(record: Episode | Medication) -> tuple[object, ...]:
    """What a person logged, without identity and stamps: equal values, the same entry."""
    return tuple(
        getattr(record, f.name) for f in dataclasses.fields(record) if f.name not in RECORD_META
    )


def _store_entries(
    uow: UnitOfWork,
    profile_id: int | None,
    batch: SourceBatch,
    result: SourceImport,
    moment: dt.datetime,
) -> None:
    live_episodes: Counter[tuple[object, ...]] = Counter()
    live_medications: Counter[tuple[object, ...]] = Counter()
    if profile_id is not None and batch.episodes:
        first = min(e.local_date for e in batch.episodes)
        last = max(e.local_date for e in batch.episodes)
        live_episodes.update(_values(e) for e in uow.episodes.between(profile_id, first, last))
    if profile_id is not None and batch.medications:
        live_medications.update(
            _values(m) for m in uow.medications.overlapping(profile_id, None, None)
        )
    for episode in batch.episodes:
        key = _values(episode)
        if live_episodes[key] > 0:  # one stored entry answers for one in the file
            live_episodes[key] -= 1
            result.skipped["episodes"] += 1
            continue
        result.added["episodes"] += 1
        if uow.writes and profile_id is not None:
            uow.episodes.add(profile_id, episode, moment)
    for medication in batch.medications:
        key = _values(medication)
        if live_medications[key] > 0:
            live_medications[key] -= 1
            result.skipped["medications"] += 1
            continue
        result.added["medications"] += 1
        if uow.writes and profile_id is not None:
            uow.medications.add(profile_id, medication, moment)
