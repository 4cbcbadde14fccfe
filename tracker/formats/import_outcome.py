"""What an import in the app asks for and what it did (or, in a preview, would do): the
same shape for another app's export and for Kedut's own files, so one preview screen
shows either. Plain data: no Kivy, no database (the UI's presenters read it)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the importers load when a person imports, not with the app
    from tracker.formats.sources import Found, Mapping

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
