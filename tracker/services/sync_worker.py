"""Sync in the background (DESIGN.md: "after each change and on start when a server is
set, never blocking a tap"): a worker thread that looks every few seconds for changes
waiting to be sent, pulls now and then, and syncs when asked. It never raises: what
went wrong is handed to `on_done` in plain words (the app shows it in Settings).

No Kivy here: the app wraps `on_done` so that it runs on its UI thread."""

from __future__ import annotations

import logging
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tracker.i18n import gettext as _
from tracker.services.clock import Clock, system_now
from tracker.storage.app_reads import app_reads

if TYPE_CHECKING:
    from tracker.services.sync import SyncReport, SyncStatus
    from tracker.storage import Store

log = logging.getLogger("kedut.sync")
# Small batches: each commits on its own, so a tap never waits long for the store.
BATCH = 300


@dataclass(frozen=True)
class SyncOutcome:
    status: SyncStatus
    report: SyncReport | None  # None: nothing was done, or it failed
    error: str | None  # in plain words


class BackgroundSync:
    def __init__(
        self,
        store: Store,
        on_done: Callable[[SyncOutcome], None],
        *,
        interval_s: float = 2.0,
        pull_every_s: float = 300.0,
        retry_after_s: float = 60.0,
        no_server_s: float = 30.0,
        now: Clock = system_now,
    ) -> None:
        self.store = store
        self.on_done = on_done
        self.interval_s = interval_s
        self.pull_every_s = pull_every_s
        self.retry_after_s = retry_after_s
        self.no_server_s = no_server_s
        self.now = now
        self.busy = False
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._asked: tuple[bool, str | None] = (False, None)
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._loop, name="kedut-sync", daemon=True)
        self._next_pull = 0.0  # at start
        self._quiet_until = 0.0
        self._child: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self._thread.start()

    def request(self, server: str | None = None) -> None:
        """Sync now (with this server address, when the person typed one)."""
        with self._lock:
            self._asked = (True, server)
        self._wake.set()

    def stop(self, timeout_s: float = 15.0) -> None:
        self._stopping.set()
        self._wake.set()
        child = self._child
        if child is not None and child.poll() is None:
            # Each batch commits on its own: ending the sync between two loses nothing.
            child.terminate()
        if self._thread.is_alive():
            self._thread.join(timeout_s)

    def _sync(self, server: str | None) -> SyncReport:
        """One sync in a process of its own (tracker.services.isolated), on idle processor
        time: the window's frames never wait for it or for Python's lock."""
        from tracker.i18n import current_language
        from tracker.services.isolated import sync_report

        def started(child: subprocess.Popen[bytes]) -> None:
            self._child = child
            if self._stopping.is_set():  # the app closed while the process started
                child.terminate()

        try:
            return sync_report(
                self.store.db_path, server, self.now(), current_language(), BATCH, started
            )
        finally:
            self._child = None

    def _take_request(self) -> tuple[bool, str | None]:
        with self._lock:
            asked, self._asked = self._asked, (False, None)
        return asked

    def _loop(self) -> None:
        while not self._stopping.is_set():
            self._wake.wait(self.interval_s)
            self._wake.clear()
            if self._stopping.is_set():
                break
            asked, server = self._take_request()
            try:
                self._maybe_sync(asked, server)
            except Exception:  # never a traceback in front of the person
                if self._stopping.is_set():
                    break  # its process was ended: the app is closing
                log.exception("background sync failed")
                self._quiet_until = time.monotonic() + self.retry_after_s
                self._report(None, _("the sync stopped unexpectedly; it will try again later"))

    def _maybe_sync(self, asked: bool, server: str | None) -> None:
        if not asked and time.monotonic() < self._quiet_until:
            return
        if not asked and not self._server_set():
            # No server set: look again in a while (the command line may set one).
            self._quiet_until = time.monotonic() + self.no_server_s
            return
        # Loaded once there is something to sync: ≈ 1 MB that a device that never syncs
        # does not hold (docs/performance.md, "Wave 2e: the app's memory").
        from tracker.services.sync import SyncError, status

        current = status(self.store)
        if not asked:
            moment = time.monotonic()
            due = current.pending > 0 or moment >= self._next_pull
            if not due or moment < self._quiet_until:
                return
        self.busy = True
        self._report(None, None)  # "syncing…"
        try:
            report = self._sync(server)
        except SyncError as error:
            self._quiet_until = time.monotonic() + self.retry_after_s
            self.busy = False
            self._report(None, str(error))
            return
        self.busy = False
        self._quiet_until = 0.0
        self._next_pull = time.monotonic() + self.pull_every_s
        self._report(report, None)

    def _server_set(self) -> bool:
        with app_reads(self.store.db_path) as reads:
            return reads.sync_server_url() is not None

    def _report(self, report: SyncReport | None, error: str | None) -> None:
        from tracker.services.sync import status

        try:
            current = status(self.store)
        except Exception:  # the store itself is in trouble: say so once, keep quiet
            log.exception("sync status could not be read")
            return
        self.on_done(SyncOutcome(current, report, error))
