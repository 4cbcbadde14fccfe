"""Kivy's set-up before the first window opens: only the standard library is imported
here, so that the benchmark's trivial window (one Label) can start exactly as the app
does without loading any of Kedut's storage or services."""

from __future__ import annotations

import os
import sys

START_SIZE = (480, 800)
"""A phone-like portrait window to start with (pixels); it resizes freely."""


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

    Config.set("graphics", "width", str(START_SIZE[0]))
    Config.set("graphics", "height", str(START_SIZE[1]))
    Config.set("graphics", "minimum_width", "360")
    Config.set("graphics", "minimum_height", "560")
    Config.set("input", "mouse", "mouse,multitouch_on_demand")  # no red dots on right-click
