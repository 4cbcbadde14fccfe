"""Today: one tap logs a twitch (with undo), warnings as banners, the day's habits with
quick actions, and today's episodes. The words come from the presenters."""

from __future__ import annotations

from pathlib import Path

from kivy.app import App
from kivy.lang import Builder
from kivy.properties import ObjectProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.floatlayout import FloatLayout
from kivy.uix.screenmanager import Screen

from tracker.domain import ValidationError
from tracker.i18n import gettext as _
from tracker.ui.presenters import today_view
from tracker.ui.presenters.history import day_summary
from tracker.ui.presenters.taps import TapGuard
from tracker.ui.widgets.controls import Banner
from tracker.ui.widgets.dialogs import show_message
from tracker.ui.widgets.frames import after_next_frame

Builder.load_file(str(Path(__file__).with_suffix(".kv")))

WATER_STEP_ML = 250
TODAY_LIST_MAX = 30  # the rest of a very twitchy day is one tap away, in History


class LogButton(ButtonBehavior, FloatLayout):
    """The big "Log twitch" button: a rounded, full-width touch target."""


class EpisodeListItem(ButtonBehavior, BoxLayout):
    episode_id = ObjectProperty(None)
    """The episode this row shows; a tap opens it for editing."""
    time_text = StringProperty("")
    place_text = StringProperty("")
    detail_text = StringProperty("")
    red_flags_text = StringProperty("")


class TodayScreen(Screen):
    diary = ObjectProperty(None)
    """The DiaryService this screen logs into and reads from (injected)."""
    title_text = StringProperty("")
    date_text = StringProperty("")
    log_text = StringProperty("")
    log_hint = StringProperty("")
    details_text = StringProperty("")
    count_text = StringProperty("")
    empty_text = StringProperty("")
    habits_title = StringProperty("")
    habits_text = StringProperty("")
    water_text = StringProperty("")
    day_text = StringProperty("")

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.tap_guard = TapGuard()
        """A second tap within 0.6 s of a logged one is a double tap, not a twitch."""
        self._banners_due = False
        self._logged_today = False

    def on_pre_enter(self, *_args: object) -> None:
        self.refresh()

    def log_twitch(self) -> None:
        """The one-tap log (the big button, or T); the second tap of a double tap is
        ignored."""
        if not self.tap_guard.accept():
            return
        try:
            logged = self.diary.log_twitch_now().episode
        except ValidationError as error:  # the Demo profile takes no entries of one's own
            show_message(_("Not logged"), str(error))
            return
        time_text = logged.local_started_at.strftime("%H:%M")

        def undo() -> None:
            self.diary.delete_episode(logged.id)
            self.refresh()

        App.get_running_app().offer_undo(_("Twitch logged at {time}").format(time=time_text), undo)
        self.refresh()

    def open_details(self, episode_id: int | None = None) -> None:
        from tracker.ui.screens.episode_sheet import EpisodeSheet

        EpisodeSheet(diary=self.diary, episode_id=episode_id, after_save=self.refresh).open()

    def add_water(self) -> None:
        day = self.diary.today()
        current = self.diary.day_log(day).water_ml or 0
        try:
            self.diary.save_day(day, water_ml=current + WATER_STEP_ML)
        except ValidationError as error:
            show_message(_("Not logged"), str(error))
            return
        self.refresh()

    def refresh(self) -> None:
        day = self.diary.today()
        todays = self.diary.episodes_on(day)
        view = today_view(day, todays, self.diary.last_episode())
        self.title_text, self.log_text = _("Today"), _("Log twitch")
        self.details_text = _("Log with details…")
        self.date_text, self.log_hint = view.date_text, view.log_hint
        self.count_text, self.empty_text = view.count_text, view.empty_text
        self.habits_title = _("Today's habits")
        day_log = self.diary.day_log(day)
        self.habits_text = day_summary(day_log)
        self.water_text = _("+{ml} ml water").format(ml=WATER_STEP_ML)
        self.day_text = _("Sleep, exercise…")
        rows = self.ids.episode_list
        rows.clear_widgets()
        for item in view.items[:TODAY_LIST_MAX]:
            row = EpisodeListItem(
                episode_id=item.episode_id,
                time_text=item.time_text,
                place_text=item.place_text,
                detail_text=item.detail_text,
                red_flags_text=item.red_flags_text,
            )
            row.bind(on_release=lambda widget: self.open_details(widget.episode_id))
            rows.add_widget(row)
        # The warnings read the diary's recent weeks: they arrive on the next frame, so
        # the button and today's list are drawn first (start-up budget).
        self._logged_today = bool(todays) or not day_log.is_empty()
        if not self._banners_due:  # two refreshes before a frame read the warnings once
            self._banners_due = True
            after_next_frame(self._show_banners)

    def _show_banners(self) -> None:
        # Drawn after the first frame: what they need loads then, not at start-up.
        from tracker.ui.presenters.banners import reminder_banner, warning_banners
        from tracker.ui.presenters.strip import strip_view

        self._banners_due = False
        logged_today = self._logged_today
        box = self.ids.banners
        box.clear_widgets()
        warnings = self.diary.warnings()
        views = warning_banners(warnings)
        reminder = reminder_banner(
            self.diary.now(), self.diary.settings.reminder_time, logged_today
        )
        if reminder:
            views.append(reminder)
        self.ids.strip.show(strip_view(self.diary.recent_counts(), warnings))
        for view in views:
            banner = Banner(title=view.title, text=view.text)
            if view.urgent:
                banner.background, banner.foreground = (
                    (0.992, 0.925, 0.918, 1),
                    (0.690, 0.180, 0.153, 1),
                )
            if view.details:
                banner.bind(on_release=lambda _w, v=view: show_message(v.title, v.details))
            box.add_widget(banner)
