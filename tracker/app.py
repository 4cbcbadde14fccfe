"""Wiring: open the store, pick the profile, and start the Kivy app on it.

Kivy is imported only here and below, and only once we know a window can open, so the
command line never pays for it.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from tracker.ui import kivy_setup

if TYPE_CHECKING:
    from tracker.domain import Profile

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
    """Open the diary, choose the profile and its language, then make the window and
    show Today. The store's check for damage (SQLite reads the whole file) runs in a
    thread on idle processor time meanwhile, and is waited for before the first frame
    (docs/performance.md, "Wave 2c: the app's start")."""
    if not display_available():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 1
    from tracker.ui.memory import keep_the_heap_small

    keep_the_heap_small()
    from tracker.i18n import language_from_env, set_language
    from tracker.services import maintenance
    from tracker.services.profiles import (
        ProfileNotFoundError,
        get_settings,
        needs_first_start,
        resolve_profile,
    )

    folder = maintenance.data_dir(data_dir)
    store = None
    try:
        store = maintenance.open_diary(folder, check_later=True)
        chosen = None
        if profile is not None or not needs_first_start(store):
            chosen = resolve_profile(store, profile)
        language = None if chosen is None else get_settings(store, _id(chosen)).language
        set_language(language_from_env(language) if language else language_from_env())
        kivy_setup.configure_kivy()
        from tracker.services.diary_service import DiaryService
        from tracker.ui.kedut_app import KedutApp

        store.wait_for_check()
    except (ProfileNotFoundError, OSError) as error:  # no such profile; not a folder
        _say_error(str(error))
        return 1
    except Exception as error:
        problem = maintenance.opening_problem(store, error)
        if problem is None:
            raise
        _say_error(problem)
        os.environ.setdefault("KIVY_NO_ARGS", "1")
        from tracker.ui.recovery import RecoveryApp

        RecoveryApp(data_dir=folder, problem=problem).run()
        return 1

    opened = store

    def start_diary(name: str, language: str, with_demo: bool) -> DiaryService:
        from tracker.services.app_profiles import start_profile

        return DiaryService(opened, start_profile(opened, name, language, with_demo))

    diary = None if chosen is None else DiaryService(store, chosen)
    KedutApp(diary=diary, start_diary=start_diary).run()
    store.close()
    return 0


def _id(profile: Profile) -> int:
    assert profile.id is not None  # a stored profile
    return profile.id
