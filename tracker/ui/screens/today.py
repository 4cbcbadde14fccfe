"""Today: one tap logs a twitch; the day's episodes below. Logic lives in the presenter."""

from __future__ import annotations

from pathlib import Path

from kivy.lang import Builder
from kivy.properties import ObjectProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.floatlayout import FloatLayout
from kivy.uix.screenmanager import Screen

from tracker.i18n import gettext as _
from tracker.ui.presenters import today_view

Builder.load_file(str(Path(__file__).with_suffix(".kv")))


class LogButton(ButtonBehavior, FloatLayout):
    """The big "Log twitch" button: a rounded, full-width touch target."""


class EpisodeListItem(BoxLayout):
    time_text = StringProperty("")
    """Local clock time the episode started, "21:30"."""
    place_text = StringProperty("")
    """Where: "Left knee"."""
    detail_text = StringProperty("")
    """Intensity, duration and the note, in one line."""
    red_flags_text = StringProperty("")
    """The red-flag signs logged with it, or empty."""


class TodayScreen(Screen):
    diary = ObjectProperty(None)
    """The DiaryService this screen logs into and reads from (injected)."""
    title_text = StringProperty("")
    date_text = StringProperty("")
    log_text = StringProperty("")
    log_hint = StringProperty("")
    count_text = StringProperty("")
    empty_text = StringProperty("")

    def on_pre_enter(self, *_args: object) -> None:
        self.refresh()

    def log_twitch(self) -> None:
        self.diary.log_twitch_now()
        self.refresh()

    def refresh(self) -> None:
        day = self.diary.today()
        view = today_view(day, self.diary.episodes_on(day), self.diary.last_episode())
        self.title_text = _("Today")
        self.log_text = _("Log twitch")
        self.date_text = view.date_text
        self.log_hint = view.log_hint
        self.count_text = view.count_text
        self.empty_text = view.empty_text
        self.ids.episode_list.data = [
            {
                "time_text": item.time_text,
                "place_text": item.place_text,
                "detail_text": item.detail_text,
                "red_flags_text": item.red_flags_text,
            }
            for item in view.items
        ]
