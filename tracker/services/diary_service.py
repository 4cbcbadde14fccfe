"""The actions one open diary offers the app, bound to a store, a profile and a clock.

Screens receive this object (dependency injection) instead of reaching for storage;
tests hand them one over a real temporary store. Switching profile switches the diary.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.domain import DayLog, Episode, Medication, Profile, RemedyUse, Settings, Warning
from tracker.services import app_today, days, episodes, profiles
from tracker.services.clock import Clock, system_now
from tracker.storage import Store, UnitOfWork
from tracker.storage.app_reads import app_reads
from tracker.storage.migrate import HEAD_REVISION

# What Today needs is imported above. The rest (files, sync, conflicts, medicines,
# backups) is imported in the method that uses it: it loads the first time a person
# uses it, not with the app (DESIGN.md "Budgets": cold start).
if TYPE_CHECKING:
    from tracker.formats.import_outcome import ImportOutcome, ImportRequest
    from tracker.services import app_profiles, conflicts, exchange, sync
    from tracker.storage import backups


class DiaryService:
    def __init__(self, store: Store, profile: Profile, now: Clock = system_now) -> None:
        self.store = store
        self.now = now
        self.profile = profile
        self.settings = Settings()
        self.first_side: str | None = None
        """The knee named at the first start: the one-tap log's side until a twitch is
        logged (then the newest twitch's side is used, as always)."""
        self.switch_to(profile)

    @property
    def profile_id(self) -> int:
        assert self.profile.id is not None
        return self.profile.id

    def switch_to(self, profile: Profile) -> None:
        assert profile.id is not None
        if profile.id != self.profile.id:
            self.first_side = None
        self.profile = profile
        self.settings = profiles.get_settings(self.store, profile.id)

    def today(self) -> dt.date:
        return self.now().date()

    # Episodes

    def log_twitch_now(self, **details: Any) -> episodes.Logged:
        """The one-tap log: now, at the knee, with the side and intensity used last."""
        if self.first_side is not None and "side" not in details:
            if self.last_episode() is None:
                details["side"] = self.first_side
            self.first_side = None
        return episodes.log_twitch(self.store, self.profile_id, now=self.now, **details)

    def edit_episode(self, episode_id: int, **changes: Any) -> episodes.Logged:
        return episodes.edit_episode(
            self.store, self.profile_id, episode_id, now=self.now, **changes
        )

    def delete_episode(self, episode_id: int) -> Episode:
        return episodes.delete_episode(self.store, self.profile_id, episode_id, now=self.now)

    def undo_delete(self, episode_id: int) -> Episode:
        return episodes.undo_delete(self.store, self.profile_id, episode_id, now=self.now)

    def episode(self, episode_id: int) -> Episode:
        with UnitOfWork.reading(self.store) as uow:
            return uow.episodes.get(self.profile_id, episode_id)

    def episodes_on(self, day: dt.date) -> Sequence[Episode]:
        return episodes.episodes_between(self.store, self.profile_id, day, day)

    def last_episode(self) -> Episode | None:
        return episodes.latest_episode(self.store, self.profile_id)

    def history_page(
        self,
        limit: int,
        before: tuple[dt.datetime, int] | None = None,
        first: dt.date | None = None,
        site: str | None = None,
    ) -> tuple[Sequence[Episode], Sequence[DayLog]]:
        """A page of episodes (newest first) and the day logs of the days it spans,
        read from one snapshot through plain sqlite3 (History never loads the ORM)."""
        with app_reads(self.store.db_path) as reads:
            found = reads.page_newest_first(self.profile_id, limit, before, first, site)
            # On the last page, every older day log comes too.
            oldest = first if len(found) < limit else found[-1].local_date
            newest = None if before is None else before[0].date() + dt.timedelta(days=1)
            day_logs = reads.day_logs_between(self.profile_id, oldest, newest)
        return found, day_logs

    def warnings(self) -> list[Warning]:
        from tracker.services.insights import current_warnings  # after Today's first frame

        return current_warnings(self.store, self.profile_id, self.today())

    # Days, medicines, remedies

    def day_log(self, day: dt.date) -> DayLog:
        return days.day_log(self.store, self.profile_id, day)

    def save_day(self, day: dt.date, **changes: Any) -> days.SavedDay:
        return days.save_day(self.store, self.profile_id, day, now=self.now, **changes)

    def medications(self) -> Sequence[Medication]:
        with app_reads(self.store.db_path) as reads:
            return reads.medication_periods(self.profile_id)

    def add_medication(self, **values: Any) -> Medication:
        from tracker.services import care

        return care.add_medication(self.store, self.profile_id, now=self.now, **values)

    def remedies_on(self, day: dt.date) -> Sequence[RemedyUse]:
        with app_reads(self.store.db_path) as reads:
            return reads.remedies_between(self.profile_id, day, day)

    # Profiles and settings

    def profiles(self) -> Sequence[Profile]:
        return profiles.list_profiles(self.store)

    def create_profile(self, name: str) -> Profile:
        return profiles.create_profile(self.store, name, now=self.now)

    def rename_profile(self, name: str) -> Profile:
        self.profile = profiles.rename_profile(self.store, self.profile_id, name, now=self.now)
        return self.profile

    def save_settings(self, settings: Settings) -> Settings:
        self.settings = profiles.save_settings(self.store, self.profile_id, settings, now=self.now)
        return self.settings

    # Safety

    def backup_now(self) -> Path:
        from tracker.storage import backups

        stamp = self.now().strftime("%Y-%m-%dT%H%M%S")
        target = backups.backup_dir(self.store.data_dir) / f"kedut-manual-{stamp}.sqlite3"
        return backups.copy_store(self.store.db_path, target)

    def check(self) -> backups.Health:
        from tracker.storage import backups

        return backups.inspect(self.store.db_path, HEAD_REVISION)

    def restore_store(self, source: Path) -> Path:
        """Replace the store with a checked backup; the diary reopens on it. Returns
        where the store as it was before was kept."""
        from tracker.storage import backups, open_store

        backups.inspect(source, HEAD_REVISION)  # refuse before closing anything
        data_dir = self.store.data_dir
        self.store.close()
        try:
            kept = backups.restore(data_dir, source, HEAD_REVISION, self.now())
        finally:
            self.store = open_store(data_dir)
        chosen = profiles.resolve_profile(self.store, None)
        same = [p for p in profiles.list_profiles(self.store) if p.name == self.profile.name]
        self.switch_to(same[0] if same else chosen)
        return kept

    # Files

    def export_csv(self, folder: Path) -> list[Path]:
        from tracker.services import exchange

        return exchange.export_csv(self.store, self.profile_id, folder)

    def export_json(self, file: Path) -> Path:
        from tracker.services import exchange

        return exchange.export_json(self.store, file)

    def import_path(self, path: Path) -> exchange.ImportSummary:
        from tracker.services import exchange

        return exchange.import_path(self.store, self.profile_id, path)

    # For the app's forms (the Day log's remedies)

    def remove_remedy(self, remedy_id: int) -> RemedyUse:
        """Take a remedy off its day (a tombstone: `restore_remedy` brings it back)."""
        from tracker.services import care

        return care.set_remedy_deleted(self.store, self.profile_id, remedy_id, True, self.now)

    def restore_remedy(self, remedy_id: int) -> RemedyUse:
        from tracker.services import care

        return care.set_remedy_deleted(self.store, self.profile_id, remedy_id, False, self.now)

    # Sync with the household's server (issue 12)

    def sync_status(self) -> sync.SyncStatus:
        from tracker.services import sync

        return sync.status(self.store)

    def open_conflicts(self, everyone: bool = False) -> list[conflicts.ConflictView]:
        """Conflicts not resolved yet: this profile's, or every profile's."""
        from tracker.services import conflicts

        return conflicts.open_conflicts(self.store, None if everyone else self.profile_id)

    def conflicted_entries(self) -> set[str]:
        from tracker.services import conflicts

        return conflicts.conflicted_entries(self.store, self.profile_id)

    def resolve_conflict(self, conflict_id: int, use_other: bool) -> None:
        from tracker.services import conflicts

        conflicts.resolve_conflict(self.store, conflict_id, use_other=use_other, now=self.now)

    # For the app's profiles, medicines and remedies (issue 14)

    def delete_profile(self, profile_id: int) -> app_profiles.DeletedProfile:
        """Back up the whole store, then delete the profile; the diary moves to another
        profile when it was the open one."""
        from tracker.services import app_profiles

        deleted = app_profiles.delete_profile(self.store, profile_id, now=self.now)
        if profile_id == self.profile_id:
            self.switch_to(profiles.resolve_profile(self.store, None, now=self.now))
        return deleted

    def add_profile(self, name: str, language: str) -> Profile:
        """Another person's diary, speaking the language the app speaks now."""
        from tracker.services import app_profiles

        return app_profiles.start_profile(self.store, name, language, False, now=self.now)

    def undelete_profile(self, profile_id: int) -> Profile:
        from tracker.services import app_profiles

        return app_profiles.undelete_profile(self.store, profile_id, now=self.now)

    def edit_medication(self, medication_id: int, **changes: Any) -> Medication:
        from tracker.services import app_care

        return app_care.edit_medication(
            self.store, self.profile_id, medication_id, now=self.now, **changes
        )

    def delete_medication(self, medication_id: int, deleted: bool = True) -> Medication:
        """Delete a medicine period (undo: `deleted=False`)."""
        from tracker.services import care

        return care.set_medication_deleted(
            self.store, self.profile_id, medication_id, deleted, self.now
        )

    def remedies_between(self, first: dt.date | None, last: dt.date) -> Sequence[RemedyUse]:
        from tracker.services import app_care

        return app_care.remedies_between(self.store, self.profile_id, first, last)

    def rate_remedy(
        self, day: dt.date, remedy: str, helped: int | None, note: str | None
    ) -> RemedyUse:
        from tracker.services import app_care

        return app_care.rate_remedy(
            self.store, self.profile_id, day, remedy, helped, note, now=self.now
        )

    def recent_counts(self) -> list[tuple[dt.date, int]]:
        """Twitches per day over the last 14 days, oldest first (Today's strip)."""
        return app_today.recent_counts(self.store, self.profile_id, self.today())

    # Settings → Import (issue 13)

    def read_import(
        self,
        request: ImportRequest,
        *,
        dry_run: bool,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportOutcome:
        """Preview (`dry_run`) or import another app's export or Kedut's own files into
        this profile; cancelled or refused, nothing is stored."""
        # The importers load when a person imports, not with the app.
        from tracker.services import app_import

        return app_import.read_import(
            self.store,
            self.profile_id,
            request,
            dry_run=dry_run,
            progress=progress,
            cancelled=cancelled,
            now=self.now,
        )
