"""The app's import (Settings → Import): one call reads whatever file or folder a person
picks — another app's export, or Kedut's own CSV files and backups — either as a preview
(a dry run: nothing stored) or for real, in one transaction, with progress and cancel.

The outcome is the same shape for both kinds, so the preview screen shows either one.
"""

from __future__ import annotations

from collections.abc import Callable

from tracker.formats.import_outcome import KEDUT, FieldCounts, ImportOutcome, ImportRequest
from tracker.services import exchange
from tracker.services.clock import Clock, system_now
from tracker.services.profiles import ProfileKey
from tracker.services.source_import import find_sources, import_source
from tracker.storage import Store


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


__all__ = ["FieldCounts", "ImportOutcome", "ImportRequest", "read_import"]
