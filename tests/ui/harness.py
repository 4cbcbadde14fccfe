"""Drive the real Kedut app in the test process: start it on a store, pump frames,
touch widgets where they are drawn, and save what the window shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kivy.app import App
from kivy.base import EventLoop
from kivy.core.window import Window
from kivy.tests.common import UnitTestTouch

from tracker.services import app_profiles
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


def bring_into_view(widget: object) -> None:
    """Scroll the nearest ScrollView around `widget` so that it is on screen."""
    from kivy.uix.scrollview import ScrollView

    parent = getattr(widget, "parent", None)
    for _level in range(60):  # the window is its own parent: stop climbing there
        if parent is None or isinstance(parent, ScrollView) or parent is Window:
            break
        parent = parent.parent
    # A RecycleView only has rows for what is on screen: its rows need no scrolling.
    # (Duck-typed: Kivy's Factory can load the RecycleView module twice.)
    if isinstance(parent, ScrollView) and not hasattr(parent, "viewclass"):
        # scroll_to works from the layout as it is now; content that is still growing
        # (a result card filling in) moves the widget again: scroll until it stays on
        # screen (a tap once landed at y = -5, below the window).
        for _attempt in range(5):
            parent.scroll_to(widget, padding=20, animate=False)
            pump(3)
            if _in_window(widget):
                break


def _in_window(widget: object) -> bool:
    """The widget's centre, where a tap lands, is inside the window."""
    x, y = widget.to_window(*widget.center)  # type: ignore[attr-defined]
    return 0 <= x <= Window.width and 0 <= y <= Window.height


def tap(widget: object) -> None:
    """A real touch, down and up, at the centre of the widget as drawn in the window."""
    bring_into_view(widget)
    x, y = widget.to_window(*widget.center)  # type: ignore[attr-defined]
    touch = UnitTestTouch(x, y)
    touch.touch_down()
    pump(1)
    touch.touch_up()
    pump(3)


def double_tap(widget: object) -> float:
    """Two real touches on the widget in quick succession, as a finger bouncing on a
    button; returns the seconds between the first touch and the second."""
    import time

    bring_into_view(widget)
    x, y = widget.to_window(*widget.center)  # type: ignore[attr-defined]
    first = UnitTestTouch(x, y)
    started = time.monotonic()
    first.touch_down()
    first.touch_up()
    second = UnitTestTouch(x, y)
    second.touch_down()
    between = time.monotonic() - started
    second.touch_up()
    pump(3)
    return between


def save_screenshot(path: Path) -> Path:
    written = Path(Window.screenshot(name=str(path.with_suffix("")) + "%(counter)04d.png"))
    final = path.with_suffix(".png")
    written.replace(final)
    return final


def wait_until(condition: Callable[[], bool], timeout_s: float = 30.0) -> int:
    """Pump frames until `condition` holds; returns how many frames were drawn meanwhile
    (the UI kept drawing: slow work is not on its thread)."""
    import time

    deadline = time.monotonic() + timeout_s
    frames = 0
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the UI")
        EventLoop.idle()
        frames += 1
    return frames


def visit(app: KedutApp, name: str) -> Any:
    app.go(name)
    pump(6)
    return app.root.screen(name)


def nav_to(app: KedutApp, name: str) -> Any:
    """Open a screen the way a person does: a tap on its navigation item."""
    (item,) = [i for i in app.root.nav.children if i.screen == name]
    tap(item)
    pump(4)
    return app.root.screen(name)


def open_modal() -> Any:
    """The sheet or dialog currently open over the window."""
    from kivy.uix.modalview import ModalView

    (modal,) = [w for w in Window.children if isinstance(w, ModalView)]
    return modal


def top_modal() -> Any:
    """The sheet or dialog on top of the others."""
    from kivy.uix.modalview import ModalView

    return next(w for w in Window.children if isinstance(w, ModalView))


def modal_count() -> int:
    from kivy.uix.modalview import ModalView

    return sum(isinstance(w, ModalView) for w in Window.children)


def answer(text: str) -> None:
    """Tap the answer `text` of the question on top of the window."""
    pump(3)  # laid out, as it is by the time a person reads it
    dialog = top_modal()
    (button,) = [w for w in dialog.walk() if getattr(w, "text", None) == text and w is not dialog]
    tap(button)
    # Every answer closes its question; a dismissal is animated, so wait for it to be gone
    # rather than for a number of frames (fewer frames pass on a busy machine).
    wait_until(lambda: dialog.parent is None)
    pump(1)


def chip(row: Any, value: str) -> Any:
    (found,) = [c for c in row.children if getattr(c, "value", None) == value]
    return found


def type_into(field: object, text: str) -> None:
    """Focus a text field with a tap, then type as a keyboard would."""
    tap(field)
    field.select_all()  # type: ignore[attr-defined]
    field.delete_selection()  # type: ignore[attr-defined]
    field.insert_text(text)  # type: ignore[attr-defined]
    field.focus = False  # type: ignore[attr-defined]
    pump(2)


@contextmanager
def running_app(
    data_dir: Path,
    size: tuple[int, int] = PHONE,
    start: dt.datetime | None = None,
    profile: str | None = None,
    first_start: bool = False,
) -> Iterator[tuple[KedutApp, Store]]:
    """The app on a store in `data_dir`; with `first_start`, on a store without any
    profile, as a person's very first start (the welcome view)."""
    store = open_store(data_dir)
    clock = TickingClock(
        start or dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    )

    def start_diary(name: str, language: str, with_demo: bool) -> DiaryService:
        made = app_profiles.start_profile(store, name, language, with_demo, now=clock)
        return DiaryService(store, made, now=clock)

    diary = None if first_start else DiaryService(store, resolve_profile(store, profile), now=clock)
    app = KedutApp(diary=diary, export_dir=data_dir / "exports", start_diary=start_diary)
    EventLoop.ensure_window()
    Window.size = size
    app._run_prepare()
    pump(10)
    try:
        yield app, store
    finally:
        from kivy.uix.modalview import ModalView

        for modal in [w for w in Window.children if isinstance(w, ModalView)]:
            modal.dismiss(animation=False, force=True)
        pump(2)
        app.dispatch("on_stop")
        for child in list(Window.children):
            Window.remove_widget(child)
        App._running_app = None
        store.close()
        # A test that failed in another language must not leave it to the next test.
        from tracker.i18n import set_language

        set_language("en")
