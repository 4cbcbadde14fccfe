"""The app as a person starts it: `main.py` (what the `kedut` command runs) in its own
process, on a fresh Kivy home. Its window is called "Kedut" in title and class, and
its console stays free of DEBUG lines and clipboard tracebacks, even when a text field
is used."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]

# Runs in the child: wraps the app's own start so that, once the window is up, it reads
# the window's X11 class, uses a text field (focus, select, copy, paste) and closes.
DRIVER = r"""
import ctypes, sys
import tracker.ui.kivy_setup as wiring
from tracker.main import main

original = wiring.prepare_kivy

def wm_class(window_id):
    x11 = ctypes.cdll.LoadLibrary("libX11.so.6")
    class Hint(ctypes.Structure):
        _fields_ = [("res_name", ctypes.c_char_p), ("res_class", ctypes.c_char_p)]
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XGetClassHint.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(Hint)]
    display = x11.XOpenDisplay(None)
    hint = Hint()
    x11.XGetClassHint(display, window_id, ctypes.byref(hint))
    class Text(ctypes.Structure):
        _fields_ = [("value", ctypes.c_char_p), ("encoding", ctypes.c_ulong),
                    ("format", ctypes.c_int), ("nitems", ctypes.c_ulong)]
    name = Text()
    x11.XGetWMName.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(Text)]
    x11.XGetWMName(display, window_id, ctypes.byref(name))
    title = (name.value or b"")[: name.nitems].decode()
    return (hint.res_name or b"").decode(), (hint.res_class or b"").decode(), title

def prepared():
    original()
    from kivy.app import App
    from kivy.clock import Clock
    from kivy.core.window import Window

    def use_a_text_field(_dt):
        app = App.get_running_app()
        field = app.root.ids.name  # a new diary: the first start asks for a name
        field.focus = True
        field.insert_text("Sari Dewi")
        field.select_all()
        field.copy()
        field.paste()
        print("CLASS", *wm_class(Window.get_window_info().window), flush=True)
        print("TITLE", Window.title, flush=True)
        print("APP", app.title, app.icon, flush=True)
        Clock.schedule_once(lambda _dt: app.stop(), 0.5)

    Clock.schedule_once(use_a_text_field, 1.0)

wiring.prepare_kivy = prepared
sys.exit(main([]))
"""


def test_window_is_kedut_and_console_is_quiet(tmp_path: Path) -> None:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith("KIVY_") and k != "KEDUT_LANG"
    }
    environment.update(KIVY_HOME=str(tmp_path / "kivy-home"), KEDUT_DATA_DIR=str(tmp_path / "d"))
    result = subprocess.run(
        [sys.executable, "-c", DRIVER],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    console = result.stdout + result.stderr
    assert result.returncode == 0, console
    assert "CLASS Kedut Kedut Kedut" in result.stdout, console
    assert "TITLE Kedut" in result.stdout, console
    for noise in ("DEBUG", "Traceback", "Cutbuffer", "xclip", "xsel", "INFO"):
        assert noise not in console, console
