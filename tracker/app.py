"""Wiring: open the store, pick the profile, and start the Kivy app on it.

Kivy is imported only here and below, and only once we know a window can open, so the
command line never pays for it.
"""

from __future__ import annotations

import os
import sys

from tracker.i18n import language_from_env, set_language
from tracker.services import maintenance
from tracker.services.app_profiles import needs_first_start, start_profile
from tracker.services.diary_service import DiaryService
from tracker.services.profiles import ProfileNotFoundError, get_settings, resolve_profile
from tracker.ui import kivy_setup

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
    try:
        store = maintenance.open_diary(folder)
        first = profile is None and needs_first_start(store)
        chosen = None if first else resolve_profile(store, profile)
    except ProfileNotFoundError as error:
        print(f"kedut: error: {error}", file=sys.stderr)
        return 1
    except maintenance.StoreError as error:
        print(f"kedut: error: {error}", file=sys.stderr)
        os.environ.setdefault("KIVY_NO_ARGS", "1")
        from tracker.ui.recovery import RecoveryApp

        RecoveryApp(data_dir=folder, problem=str(error)).run()
        return 1
    if chosen is not None:
        assert chosen.id is not None
        set_language(language_from_env(get_settings(store, chosen.id).language))
    else:
        set_language(language_from_env())
    kivy_setup.configure_kivy()
    from tracker.ui.kedut_app import KedutApp, default_export_dir

    def start_diary(name: str, language: str, with_demo: bool) -> DiaryService:
        return DiaryService(store, start_profile(store, name, language, with_demo))

    diary = None if chosen is None else DiaryService(store, chosen)
    KedutApp(diary=diary, export_dir=default_export_dir(), start_diary=start_diary).run()
    store.close()
    return 0
