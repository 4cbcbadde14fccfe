"""SQLAlchemy rows. Only `tracker.storage` touches them; everyone else sees domain objects."""

from tracker.models.base import Base
from tracker.models.care import MedicationRow, RemedyUseRow
from tracker.models.day import DayLogRow
from tracker.models.episode import EpisodeDayRow, EpisodeRow
from tracker.models.profile import ProfileRow, SettingsRow
from tracker.models.sync import (
    SyncChangeRow,
    SyncConflictRow,
    SyncHouseholdRow,
    SyncOutboxRow,
    SyncStateRow,
)

__all__ = [
    "Base",
    "DayLogRow",
    "EpisodeDayRow",
    "EpisodeRow",
    "MedicationRow",
    "ProfileRow",
    "RemedyUseRow",
    "SettingsRow",
    "SyncChangeRow",
    "SyncConflictRow",
    "SyncHouseholdRow",
    "SyncOutboxRow",
    "SyncStateRow",
]
