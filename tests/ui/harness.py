"""Drive the real Kedut app in the test process: start it on a store, pump frames,
touch widgets where they are drawn, and save what the window shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kivy.app import App
from kivy.base import EventLoop
from kivy.core.window import Window
from kivy.tests.common import UnitTestTouch

from tracker.services.diary_service import DiaryService
from tracker.services.profiles import resolve_profile
from tracker.storage import Store, open_store
from tracker.ui.kedut_app import KedutApp

PHONE = (400, 720)
TABLET = (1280, 800)


class TickingClock:
    """Now, moving on a minute at every look, from a fixed local moment."""

    def __init__(self, start: dt.datetime) -> None:
        self.moment = start

    def __call__(self) -> dt.datetime:
        self.moment += dt.timedelta(minutes=1)
        return self.moment


def pump(frames: int = 5) -> None:
    for _ in range(frames):
        EventLoop.idle()


def tap(widget: object) -> None:
    """A real touch, down and up, at the centre of the widget as drawn in the window."""
    x, y = widget.to_window(*widget.center)  # type: ignore[attr-defined]
    touch = UnitTestTouch(x, y)
    touch.touch_down()
    pump(1)
    touch.touch_up()
    pump(3)


def save_screenshot(path: Path) -> Path:
    written = Path(Window.screenshot(name=str(path.with_suffix("")) + "%(counter)04d.png"))
    final = path.with_suffix(".png")
    written.replace(final)
    return final


@contextmanager
def running_app(
    data_dir: Path, size: tuple[int, int] = PHONE, start: dt.datetime | None = None
) -> Iterator[tuple[KedutApp, Store]]:
    store = open_store(data_dir)
    profile = resolve_profile(store, None)
    clock = TickingClock(
        start or dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    )
    app = KedutApp(diary=DiaryService(store, profile, now=clock))
    EventLoop.ensure_window()
    Window.size = size
    app._run_prepare()
    pump(10)
    try:
        yield app, store
    finally:
        app.dispatch("on_stop")
        for child in list(Window.children):
            Window.remove_widget(child)
        App._running_app = None
        store.close()
