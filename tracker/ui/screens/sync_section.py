"""Settings → Sync: the household server's address, "Sync now", the last sync, what
waits to be sent and the last problem in plain words. The sync itself runs in the
app's background worker (tracker.ui.sync_glue); this section only shows and asks."""

from __future__ import annotations

from pathlib import Path

from kivy.app import App
from kivy.lang import Builder
from kivy.properties import BooleanProperty, ObjectProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout

from tracker.i18n import gettext as _
from tracker.ui.presenters.sync import sync_view

Builder.load_file(str(Path(__file__).with_suffix(".kv")))


class SyncSection(BoxLayout):
    diary = ObjectProperty(None)
    """The DiaryService (injected by Settings)."""
    title_text = StringProperty("")
    intro_text = StringProperty("")
    address_hint = StringProperty("")
    button_text = StringProperty("")
    last_text = StringProperty("")
    pending_text = StringProperty("")
    error_text = StringProperty("")
    conflicts_text = StringProperty("")
    busy = BooleanProperty(False)

    def _sync(self):  # the app's AppSync, once the app has started it
        return getattr(App.get_running_app(), "sync", None)

    def refresh(self, *_args: object) -> None:
        self.title_text = _("Sync between devices")
        self.intro_text = _(
            "Your devices share one diary through your household's PostgreSQL server. "
            "The password comes from PGPASSWORD or ~/.pgpass and is never stored here."
        )
        self.address_hint = "postgresql://name@host/kedut"
        sync = self._sync()
        if sync is not None and self._show not in sync.listeners:
            sync.listeners.append(self._show)
        self._show(None)

    def _show(self, outcome: object) -> None:
        if self.diary is None:
            return
        status = self.diary.sync_status()
        sync = self._sync()
        error = getattr(outcome, "error", None) or status.state.last_error
        view = sync_view(
            server_url=status.state.server_url,
            last_sync_at=status.state.last_sync_at,
            last_pushed=status.state.last_pushed,
            last_pulled=status.state.last_pulled,
            pending=status.pending,
            error=error,
            error_at=status.state.last_error_at,
            conflicts=len(self.diary.open_conflicts(everyone=True)),
            busy=bool(sync is not None and sync.busy),
            now=self.diary.now(),
        )
        if not self.ids.address.focus and not self.ids.address.text:
            self.ids.address.text = view.address
        self.last_text, self.pending_text = view.last_text, view.pending_text
        self.error_text, self.conflicts_text = view.error_text, view.conflicts_text
        self.button_text, self.busy = view.button_text, view.busy

    def sync_now(self) -> None:
        sync = self._sync()
        if sync is None:
            return
        typed = self.ids.address.text.strip()
        remembered = self.diary.sync_status().state.server_url or ""
        sync.sync_now(typed if typed and typed != remembered else None)
        self.busy, self.button_text = True, _("Syncing…")
