"""Wiring: open the store, pick the profile, and start the Kivy app on it.

Kivy is imported only here and below, and only once we know a window can open, so the
command line never pays for it.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
from typing import TYPE_CHECKING

from tracker.i18n import language_from_env, set_language
from tracker.services import maintenance
from tracker.services.profiles import (
    ProfileNotFoundError,
    get_settings,
    needs_first_start,
    resolve_profile,
)
from tracker.ui import kivy_setup

if TYPE_CHECKING:
    from tracker.services.diary_service import DiaryService

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
"""Kedut's own modules that Today needs and that never touch Kivy. They are imported in
a thread while the main thread makes the window, which waits on the X server and GL
mostly outside Python's lock: the first frame no longer waits for them in turn
(docs/performance.md, "Wave 2c: the app's start")."""


def _preload() -> threading.Thread:
    def load() -> None:
        for name in PRELOADED:
            importlib.import_module(name)

    thread = threading.Thread(target=load, name="kedut-preload", daemon=True)
    thread.start()
    return thread


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


def run_app(data_dir: str | None = None, profile: str | None = None) -> int:
    if not display_available():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 1
    folder = maintenance.data_dir(data_dir)
    store = None
    try:
        # SQLite's check for damage reads the whole file: it runs in the background
        # while Kivy and the screens load, and is waited for before the first frame.
        store = maintenance.open_diary(folder, check_later=True)
        first = profile is None and needs_first_start(store)
        chosen = None if first else resolve_profile(store, profile)
        if chosen is not None:
            assert chosen.id is not None
            set_language(language_from_env(get_settings(store, chosen.id).language))
        else:
            set_language(language_from_env())
        preloading = _preload()
        kivy_setup.configure_kivy()
        from kivy.core.window import Window  # noqa: F401 - makes the window, in parallel

        preloading.join()
        from tracker.services.diary_service import DiaryService
        from tracker.ui.kedut_app import KedutApp, default_export_dir

        store.wait_for_check()
    except ProfileNotFoundError as error:
        print(f"kedut: error: {error}", file=sys.stderr)
        return 1
    except Exception as error:
        problem = maintenance.opening_problem(store, error)
        if problem is None:
            raise
        print(f"kedut: error: {problem}", file=sys.stderr)
        os.environ.setdefault("KIVY_NO_ARGS", "1")
        from tracker.ui.recovery import RecoveryApp

        RecoveryApp(data_dir=folder, problem=problem).run()
        return 1

    def start_diary(name: str, language: str, with_demo: bool) -> DiaryService:
        from tracker.services.app_profiles import start_profile

        return DiaryService(store, start_profile(store, name, language, with_demo))

    diary = None if chosen is None else DiaryService(store, chosen)
    KedutApp(diary=diary, export_dir=default_export_dir(), start_diary=start_diary).run()
    store.close()
    return 0
