"""History: every episode and day log, newest first, filtered by period and site,
loaded a page at a time (fast with 100,000 episodes); tap to edit, delete with undo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from kivy.app import App
from kivy.lang import Builder
from kivy.metrics import dp
from kivy.properties import BooleanProperty, ObjectProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.recycleview.views import RecycleDataViewBehavior
from kivy.uix.screenmanager import Screen

from tracker.domain import BodySite
from tracker.i18n import gettext as _
from tracker.labels import site_label
from tracker.ui.presenters.history import history_rows
from tracker.ui.widgets.controls import fill_chips

Builder.load_file(str(Path(__file__).with_suffix(".kv")))

PAGE_SIZE = 200
PERIODS = (("7", 7), ("30", 30), ("90", 90), ("all", None))


class HistoryRowView(RecycleDataViewBehavior, ButtonBehavior, BoxLayout):
    kind = StringProperty("")
    key = StringProperty("")
    when = StringProperty("")
    title = StringProperty("")
    detail = StringProperty("")
    alert = StringProperty("")
    uuid = StringProperty("")
    conflict = StringProperty("")

    def on_release(self) -> None:
        screen = App.get_running_app().root.screen("history")
        if self.conflict:
            screen.open_conflict(self.uuid)
        else:
            screen.open_row(self.kind, self.key)


class HistoryScreen(Screen):
    diary = ObjectProperty(None)
    """The DiaryService (injected)."""
    title_text = StringProperty("")
    summary_text = StringProperty("")
    more_text = StringProperty("")
    has_more = BooleanProperty(False)
    period = StringProperty("30")
    """"7", "30", "90" days, or "all"."""
    site = StringProperty("")
    """A body site to show alone, or "" for every site."""

    def on_pre_enter(self, *_args: object) -> None:
        self.refresh()

    def _first_day(self) -> dt.date | None:
        days = dict(PERIODS)[self.period]
        return None if days is None else self.diary.today() - dt.timedelta(days=days - 1)

    def refresh(self) -> None:
        self.title_text, self.more_text = _("History"), _("Show older")
        self._chips()
        self._episodes: list[Any] = []
        self._days: dict[dt.date, Any] = {}
        self._cursor: tuple[dt.datetime, int] | None = None
        self.has_more = True
        self.ids.rows.data = []
        self._conflicted = self.diary.conflicted_entries()
        self.load_more()

    def _chips(self) -> None:
        names = {"7": _("7 days"), "30": _("30 days"), "90": _("90 days"), "all": _("All")}
        periods = [(value, names[value]) for value, _days in PERIODS]
        fill_chips(
            self.ids.periods,
            periods,
            self.period,
            "history-period",
            lambda v: self._filter(period=v),
        )
        sites = [("", _("All places"))] + [(s.value, site_label(s).capitalize()) for s in BodySite]
        fill_chips(self.ids.sites, sites, self.site, "history-site", lambda v: self._filter(site=v))

    def _filter(self, period: str | None = None, site: str | None = None) -> None:
        self.period = period if period is not None else self.period
        self.site = site if site is not None else self.site
        self.refresh()

    def maybe_load_more(self, scroll_y: float) -> None:
        if self.has_more and scroll_y <= 0.02 and self.ids.rows.data:
            self.load_more()

    def load_more(self) -> None:
        if not self.has_more:
            return
        found, day_logs = self.diary.history_page(
            PAGE_SIZE, self._cursor, self._first_day(), self.site or None
        )
        self._episodes.extend(found)
        for day_log in day_logs:
            self._days[day_log.date] = day_log
        self.has_more = len(found) == PAGE_SIZE
        if found:
            self._cursor = (found[-1].started_at, found[-1].id)
        remedies = [] if self.site else self._remedies()
        rows = history_rows(
            self._episodes,
            [] if self.site else list(self._days.values()),
            remedies,
            self._conflicted,
        )
        # A red flag or a conflict needs another line; RecycleView takes heights from data.
        self.ids.rows.data = [
            {**vars(row), "height": dp(72 + 20 * (bool(row.alert) + bool(row.conflict)))}
            for row in rows
        ]
        self.summary_text = _("{n} episodes shown").format(n=len(self._episodes))

    def open_conflict(self, record_uuid: str) -> None:
        from tracker.ui.screens.conflict_sheet import ConflictSheet

        ConflictSheet(diary=self.diary, record_uuid=record_uuid, after=self.refresh).open()

    def _remedies(self) -> list[Any]:
        """The remedies tried on the days loaded so far (all of them on the last page)."""
        today = self.diary.today()
        if not self.has_more:
            first = self._first_day()  # None: since the diary began
        else:
            first = min((e.local_date for e in self._episodes), default=today)
        return list(self.diary.remedies_between(first, today))

    def open_row(self, kind: str, key: str) -> None:
        if kind == "episode":
            from tracker.ui.screens.episode_sheet import EpisodeSheet

            EpisodeSheet(diary=self.diary, episode_id=int(key), after_save=self.refresh).open()
        else:
            app = App.get_running_app()
            app.root.screen("day").day = dt.date.fromisoformat(key)
            app.go("day")
