"""Wiring: open the store, pick the profile, and start the Kivy app on it.

Kivy is imported only here and below, and only once we know a window can open, so the
command line never pays for it.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.ui import kivy_setup

if TYPE_CHECKING:
    from tracker.domain import Profile
    from tracker.services.diary_service import DiaryService
    from tracker.services.maintenance import Store

PRELOADED = (
    "tracker.services.diary_service",
    "tracker.ui.presenters.today",
    "tracker.ui.presenters.banners",
    "tracker.ui.presenters.history",
    "tracker.ui.presenters.strip",
    "tracker.ui.presenters.taps",
    "tracker.ui.presenters.edits",
    "tracker.ui.presenters.profiles",
)
"""Kedut's own modules that Today needs and that never touch Kivy."""


class _Opening(threading.Thread):
    """Opening the diary, picking the profile and its language, and loading Kedut's own
    modules that Today needs (none touches Kivy): in a thread, while the main thread
    makes the window, which waits on the X server and GL mostly outside Python's lock.
    The first frame no longer waits for them in turn (docs/performance.md, "Wave 2c:
    the app's start"). What went wrong is kept for the main thread to say."""

    def __init__(self, data_dir: str | None, profile: str | None) -> None:
        super().__init__(name="kedut-opening", daemon=True)
        self.data_dir, self.profile = data_dir, profile
        self.folder: Path | None = None
        self.store: Store | None = None
        self.chosen: Profile | None = None
        self.error: Exception | None = None
        self.start()

    def run(self) -> None:
        try:
            self._open()
            for name in PRELOADED:
                importlib.import_module(name)
        except Exception as error:  # said on the main thread, in words
            self.error = error

    def _open(self) -> None:
        from tracker.i18n import language_from_env, set_language
        from tracker.services import maintenance
        from tracker.services.profiles import get_settings, needs_first_start, resolve_profile

        self.folder = maintenance.data_dir(self.data_dir)
        # SQLite's check for damage reads the whole file: it goes on in the background
        # until just before the first frame.
        self.store = maintenance.open_diary(self.folder, check_later=True)
        first = self.profile is None and needs_first_start(self.store)
        self.chosen = None if first else resolve_profile(self.store, self.profile)
        if self.chosen is not None:
            assert self.chosen.id is not None
            set_language(language_from_env(get_settings(self.store, self.chosen.id).language))
        else:
            set_language(language_from_env())


NO_DISPLAY_MESSAGE = """\
Kedut cannot open its window: no display was found (DISPLAY and WAYLAND_DISPLAY are not set).
- On a desktop, start it from a terminal inside your graphical session.
- On a server, run it on a virtual display:  xvfb-run -a kedut  (or: xvfb-run -a make run)
- Everything also works from the command line without a window, e.g.:
    kedut log twitch --side left     (from a checkout: .venv/bin/python main.py log …)
    kedut --help"""


def display_available() -> bool:
    if not sys.platform.startswith("linux"):
        return True  # Windows and macOS always have a screen for a desktop app
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _say_error(text: str) -> None:
    # Kivy, loaded by now, routes sys.stderr through its log ("WARNING: stderr: …"):
    # the person's terminal gets the line itself.
    print(f"kedut: error: {text}", file=sys.__stderr__ or sys.stderr)


def run_app(data_dir: str | None = None, profile: str | None = None) -> int:
    if not display_available():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 1
    opening = _Opening(data_dir, profile)
    kivy_setup.configure_kivy()
    from kivy.core.window import Window  # makes the window, while the diary opens

    opening.join()
    from tracker.services import maintenance
    from tracker.services.profiles import ProfileNotFoundError

    store, chosen = opening.store, opening.chosen
    try:
        if opening.error is not None:
            raise opening.error
        assert store is not None
        store.wait_for_check()
        from tracker.services.diary_service import DiaryService
        from tracker.ui.kedut_app import KedutApp, default_export_dir
    except ProfileNotFoundError as error:
        Window.close()
        _say_error(str(error))
        return 1
    except Exception as error:
        problem = maintenance.opening_problem(store, error)
        if problem is None:
            raise
        _say_error(problem)
        from tracker.ui.recovery import RecoveryApp

        RecoveryApp(data_dir=opening.folder or Path(), problem=problem).run()
        return 1

    def start_diary(name: str, language: str, with_demo: bool) -> DiaryService:
        from tracker.services.app_profiles import start_profile

        assert store is not None
        return DiaryService(store, start_profile(store, name, language, with_demo))

    diary = None if chosen is None else DiaryService(store, chosen)
    KedutApp(diary=diary, export_dir=default_export_dir(), start_diary=start_diary).run()
    store.close()
    return 0
