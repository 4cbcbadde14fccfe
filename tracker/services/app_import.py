"""The app's import (Settings → Import): one call reads whatever file or folder a person
picks — another app's export, or Kedut's own CSV files and backups — either as a preview
(a dry run: nothing stored) or for real, in one transaction, with progress and cancel.

The outcome is the same shape for both kinds, so the preview screen shows either one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tracker.formats.sources import Found, Mapping
from tracker.services import exchange
from tracker.services.clock import Clock, system_now
from tracker.services.profiles import ProfileKey
from tracker.services.source_import import find_sources, import_source
from tracker.storage import Store

KEDUT = "Kedut"
"""The title of Kedut's own files (CSV export, JSON backup) in a preview."""


@dataclass(frozen=True)
class ImportRequest:
    """What the person picked and chose: the file or folder, the mapping of their own
    names (for diary apps), and whether the file's values replace the ones they typed."""

    path: Path
    mapping: Mapping | None = None
    replace: bool = False


@dataclass
class FieldCounts:
    """For one day field: days the import fills, keeps as the person typed, replaces."""

    name: str
    filled: int
    kept: int
    replaced: int


@dataclass
class ImportOutcome:
    """What an import did, or in a preview would do."""

    titles: list[str]
    """Where the file comes from: "Fitbit", "Apple Health", … or "Kedut"."""
    dry_run: bool
    added: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    fields: list[FieldCounts] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    """What was read, what was left out and why, how the file was read: in words."""
    names: dict[str, Found] = field(default_factory=dict)
    """The diary app's own names (habits, activities …): what the mapping is about."""
    mapping: Mapping | None = None
    mapping_saved: Path | None = None

    @property
    def stores_anything(self) -> bool:
        return any(self.added.values()) or any(self.changed.values())


def read_import(
    store: Store,
    profile_key: ProfileKey,
    request: ImportRequest,
    *,
    dry_run: bool,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    now: Clock = system_now,
) -> ImportOutcome:
    """Preview (`dry_run`) or import `request.path`. Raises what the readers raise (a
    FileFormatError or SourceFormatError naming the place in the file, ImportCancelled)
    and then nothing is stored."""
    on_conflict = "replace" if request.replace else "skip"
    sources = find_sources(request.path)
    if not sources:
        summary = exchange.import_path(
            store,
            profile_key,
            request.path,
            on_conflict,
            now,
            dry_run=dry_run,
            cancelled=cancelled,
        )
        outcome = ImportOutcome([KEDUT], dry_run, summary.added, summary.changed, summary.skipped)
        outcome.lines = list(summary.notes)
        return outcome
    result = import_source(
        store,
        profile_key,
        request.path,
        sources,
        mapping=request.mapping,
        on_conflict=on_conflict,
        dry_run=dry_run,
        now=now,
        progress=progress,
        cancelled=cancelled,
    )
    outcome = ImportOutcome(result.sources, dry_run, result.added, result.changed, result.skipped)
    outcome.fields = [
        FieldCounts(name, result.filled[name], result.kept[name], result.replaced[name])
        for name in sorted({*result.filled, *result.kept, *result.replaced})
    ]
    outcome.lines = list(result.report_lines)
    outcome.names, outcome.mapping = result.names, result.mapping
    outcome.mapping_saved = result.mapping_saved
    return outcome
