"""The undo bar: what just happened, and a button to take it back."""

from __future__ import annotations

from collections.abc import Callable

from kivy.clock import Clock
from kivy.properties import ObjectProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout

from tracker.i18n import gettext as _

SHOWN_FOR_S = 8.0


class UndoBar(BoxLayout):
    message = StringProperty("")
    """What just happened; empty hides the bar."""
    action_text = StringProperty("")
    action = ObjectProperty(None, allownone=True)

    def offer(self, message: str, action: Callable[[], None]) -> None:
        self.message, self.action_text, self.action = message, _("Undo"), action
        Clock.unschedule(self._expire)
        Clock.schedule_once(self._expire, SHOWN_FOR_S)

    def _expire(self, *_args: object) -> None:
        self.message, self.action = "", None

    def withdraw(self) -> None:
        """Hide the offer at once: what it would undo belongs to a diary no longer
        shown (another profile was opened)."""
        Clock.unschedule(self._expire)
        self._expire()

    def undo(self) -> bool:
        """Take back the last action; False when there is nothing to undo."""
        action, self.action, self.message = self.action, None, ""
        if action is None:
            return False
        action()
        return True
