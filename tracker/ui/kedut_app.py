"""The Kivy application: the theme, the screens, and the keyboard shortcuts."""

from __future__ import annotations

from pathlib import Path

from kivy.app import App
from kivy.core.window import Window
from kivy.lang import Builder, global_idmap
from kivy.uix.screenmanager import NoTransition, ScreenManager

from tracker.i18n import gettext
from tracker.services.diary_service import DiaryService

# Every text in a .kv file goes through the catalogues: `_("Log twitch")`.
global_idmap["_"] = gettext
Builder.load_file(str(Path(__file__).with_name("theme.kv")))

from tracker.ui.screens.today import TodayScreen  # noqa: E402 - needs the theme loaded first

WINDOW_BACKGROUND = (0.965, 0.973, 0.976, 1)


class KedutApp(App):
    title = "Kedut"

    def __init__(self, diary: DiaryService, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.diary = diary
        """The DiaryService every screen works through."""

    def build(self) -> ScreenManager:
        Window.clearcolor = WINDOW_BACKGROUND
        Window.bind(on_key_down=self._on_key_down)
        screens = ScreenManager(transition=NoTransition())
        screens.add_widget(TodayScreen(name="today", diary=self.diary))
        return screens

    def _on_key_down(
        self, _window: object, _key: int, _scancode: int, text: str | None, modifiers: list[str]
    ) -> bool:
        # "T" logs a twitch now, like the big button (DESIGN.md "App conventions").
        if text and text.lower() == "t" and not modifiers:
            today = self.root.get_screen("today")
            today.log_twitch()
            return True
        return False
