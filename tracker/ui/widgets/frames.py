"""Doing work right after the window has drawn, so the drawing is not kept waiting."""

from __future__ import annotations

from collections.abc import Callable

from kivy.clock import Clock
from kivy.core.window import Window


def after_next_frame(work: Callable[[], None]) -> None:
    """Run `work` once the next frame is on screen (a Clock callback would run before)."""

    def on_flip(*_args: object) -> None:
        Window.unbind(on_flip=on_flip)
        Clock.schedule_once(lambda _dt: work(), 0)

    Window.bind(on_flip=on_flip)
