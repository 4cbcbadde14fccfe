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

START_SIZE = (480, 800)
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


def prepare_kivy() -> None:
    """Before Kivy is imported: it must not read our command line; the window's class is
    "Kedut" (what a desktop groups windows and finds the icon by); the clipboard is
    SDL's, so a text field never looks for xclip or xsel and prints their tracebacks;
    and the console shows warnings and errors only (Kivy's full log stays in its file)."""
    os.environ.setdefault("KIVY_NO_ARGS", "1")
    os.environ.setdefault("SDL_VIDEO_X11_WMCLASS", "Kedut")
    os.environ.setdefault("KIVY_CLIPBOARD", "sdl2")
    if os.environ.get("KIVY_LOG_MODE", "KIVY") == "KIVY":
        os.environ.setdefault("KIVY_NO_CONSOLELOG", "1")
        import logging

        import kivy
        from kivy.logger import Logger  # installs Kivy's file log, without a console one

        # Selection "cut buffers" exist only through the xclip/xsel programs: not tried.
        kivy.kivy_options["cutbuffer"] = ()

        console = logging.StreamHandler(sys.__stderr__)
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter("kedut: %(levelname)s: %(message)s"))
        console.addFilter(_not_kivy_housekeeping)
        logging.root.addHandler(console)
        Logger.setLevel(logging.INFO)


def _not_kivy_housekeeping(record: object) -> bool:
    """Kivy upgrading its own config file on a first start, or saying that there is no
    X11 cut buffer (the clipboard works without one), is not the person's business."""
    message = str(getattr(record, "msg", ""))
    return not message.startswith(("Config: ", "Cutbuffer: "))


def configure_kivy() -> None:
    """Kivy's set-up and the window's, before the first window opens (the benchmark's
    trivial window starts the same way)."""
    prepare_kivy()
    from kivy.config import Config

    # A phone-like portrait window to start with; it resizes freely.
    Config.set("graphics", "width", str(START_SIZE[0]))
    Config.set("graphics", "height", str(START_SIZE[1]))
    Config.set("graphics", "minimum_width", "360")
    Config.set("graphics", "minimum_height", "560")
    Config.set("input", "mouse", "mouse,multitouch_on_demand")  # no red dots on right-click


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
    configure_kivy()
    from tracker.ui.kedut_app import KedutApp, default_export_dir

    def start_diary(name: str, language: str, with_demo: bool) -> DiaryService:
        return DiaryService(store, start_profile(store, name, language, with_demo))

    diary = None if chosen is None else DiaryService(store, chosen)
    KedutApp(diary=diary, export_dir=default_export_dir(), start_diary=start_diary).run()
    store.close()
    return 0
