"""The twitch sheet's date and time: a calendar for the day, a clock for the time, and
the "Was it yesterday?" question for a time today that has not come yet."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tracker.domain import ValidationError
from tracker.i18n import gettext as _
from tracker.labels import short_date
from tracker.ui.presenters.pickers import clock_text, parse_clock, yesterday_question
from tracker.ui.widgets.dialogs import ask
from tracker.ui.widgets.pickers import DatePicker, TimePicker


class MomentFields:
    """Mixed into the twitch sheet: its `diary`, `ids.time`, `date_text`, `_base`,
    `_day` and `save`."""

    diary: Any
    ids: Any
    date_text: Any
    _base: dt.datetime
    _day: dt.date

    def save(self, yesterday_checked: bool = False) -> bool:
        raise NotImplementedError

    def pick_date(self) -> None:
        today = self.diary.today()
        DatePicker(_("Date"), self._day, self._set_day, today=today, latest=today).open()

    def _set_day(self, day: dt.date) -> None:
        self._day = day
        self.date_text = short_date(day)

    def pick_time(self) -> None:
        try:
            shown = parse_clock(self.ids.time.text, _("Time"))
        except ValidationError:
            shown = self._base.time()
        TimePicker(_("Time"), shown, self._set_time).open()

    def _set_time(self, clock: dt.time) -> None:
        self.ids.time.text = clock_text(clock)

    def _ask_yesterday(self, started: dt.datetime) -> None:
        title, text, yes, no = yesterday_question(started.time(), started.date())

        def yesterday() -> None:
            self._set_day(started.date() - dt.timedelta(days=1))
            self.save(yesterday_checked=True)

        ask(title, text, [(yes, yesterday), (no, None)])
