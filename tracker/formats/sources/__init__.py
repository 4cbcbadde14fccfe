"""Other apps' and devices' exports (DESIGN.md "Importing from other apps and devices"):
a small registry of sources. Adding a source is one module (with `NAME`, `detect` and
`read`) and one entry in `SOURCES`.

Each source recognises its files by their content, never by their name (apps translate
names), and reads them into a `SourceBatch` of day values by local date and a report.
Pure: no Kivy, no SQLAlchemy. The import service stores a batch only after `read`
returns, so a cancelled or failed read stores nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tracker.formats.sources import apple_health, bearable, daylio, fitbit, google_fit, loop
from tracker.formats.sources.batch import (
    Found,
    ImportCancelled,
    Note,
    Reason,
    SourceBatch,
    SourceFormatError,
    SourceOptions,
    SourceReport,
)
from tracker.formats.sources.mapping import Mapping, MappingError, Target, load_mapping, propose


@dataclass(frozen=True)
class Source:
    name: str
    title: str  # the app's own name, as people know it (not translated)
    detect: Callable[[Path], bool]
    read: Callable[[Path, SourceOptions], SourceBatch]


SOURCES: tuple[Source, ...] = (
    Source(apple_health.NAME, "Apple Health", apple_health.detect, apple_health.read),
    Source(fitbit.NAME, "Fitbit", fitbit.detect, fitbit.read),
    Source(google_fit.NAME, "Google Fit", google_fit.detect, google_fit.read),
    Source(bearable.NAME, "Bearable", bearable.detect, bearable.read),
    Source(loop.NAME, "Loop Habit Tracker", loop.detect, loop.read),
    Source(daylio.NAME, "Daylio", daylio.detect, daylio.read),
)


def source_named(name: str) -> Source:
    """The source for `--from NAME`; KeyError lists the names there are."""
    for source in SOURCES:
        if source.name == name:
            return source
    raise KeyError(name, [s.name for s in SOURCES])


def detect_sources(path: Path) -> list[Source]:
    """Every source whose files are in `path` (a Takeout can hold Fitbit and Google Fit)."""
    return [source for source in SOURCES if source.detect(path)]


def detect(path: Path) -> Source | None:
    """The first source that recognises `path`, or None."""
    return next((source for source in SOURCES if source.detect(path)), None)


__all__ = [
    "SOURCES",
    "Found",
    "ImportCancelled",
    "Mapping",
    "MappingError",
    "Note",
    "Reason",
    "Source",
    "SourceBatch",
    "SourceFormatError",
    "SourceOptions",
    "SourceReport",
    "Target",
    "detect",
    "detect_sources",
    "load_mapping",
    "propose",
    "source_named",
]
