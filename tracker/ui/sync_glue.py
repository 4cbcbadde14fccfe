"""The app's background sync: a BackgroundSync worker on the open diary, whose outcome
comes back to the UI thread (`@mainthread`), where Settings shows it and the screen
that lists entries refreshes when others' changes arrived."""

from __future__ import annotations

from collections.abc import Callable

from kivy.clock import mainthread
from kivy.logger import Logger

from tracker.services.sync_worker import BackgroundSync, SyncOutcome

Listener = Callable[[SyncOutcome], None]
# Screens that only show entries: safe to refresh under a person (forms are not).
_REFRESHED = ("today", "history")


class AppSync:
    def __init__(self, app: object) -> None:
        self.app = app
        self.last: SyncOutcome | None = None
        self.listeners: list[Listener] = []
        diary = app.diary  # type: ignore[attr-defined]
        self.worker = BackgroundSync(diary.store, self._from_worker, now=diary.now)

    def start(self) -> None:
        self.worker.start()

    def stop(self) -> None:
        self.worker.stop()

    @property
    def busy(self) -> bool:
        return self.worker.busy

    def sync_now(self, server: str | None = None) -> None:
        self.worker.request(server)

    def _from_worker(self, outcome: SyncOutcome) -> None:
        self._on_ui(outcome)

    @mainthread
    def _on_ui(self, outcome: SyncOutcome) -> None:
        self.last = outcome
        if outcome.error:
            Logger.info(f"Kedut: sync: {outcome.error}")
        for listener in list(self.listeners):
            listener(outcome)
        report = outcome.report
        diary = self.app.diary  # type: ignore[attr-defined]
        profiles = diary.profiles()
        if profiles and diary.profile_id not in {p.id for p in profiles}:
            # This device's empty first profile stayed behind when it joined a household.
            self.app.switch_profile(profiles[0])  # type: ignore[attr-defined]
        root = getattr(self.app, "root", None)
        if report is not None and report.pulled and root is not None:
            from tracker.ui.widgets.leaving import unsaved_question

            current = root.manager.current_screen
            if current.name in _REFRESHED and not unsaved_question(current):
                current.refresh()
