"""The Day log's remedies: each ticked remedy's rating row, and un-ticked remedies
removed with undo (the chips the person changed meanwhile stay as they are)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from kivy.app import App

from tracker.i18n import gettext as _
from tracker.labels import remedy_label, short_date
from tracker.ui.widgets.form_rows import on_any_edit
from tracker.ui.widgets.remedy_rows import stored_ratings


class DayRemedies:
    """Mixed into the Day log: its `diary`, `rows`, `remedy_details`, `stored_remedies`,
    `shown`, `current_day` and `_editing`."""

    diary: Any
    rows: dict[str, Any]
    remedy_details: Any
    stored_remedies: list[Any]
    shown: Any

    def current_day(self) -> dt.date:
        raise NotImplementedError

    def _editing(self) -> None:
        raise NotImplementedError

    def _sync_remedies(self) -> None:
        words = (_("Did it help? (0 not at all – 4 a lot)"), _("Note on this remedy"))
        self.remedy_details.sync(self.rows["remedy"].values(), words)
        on_any_edit(self.remedy_details, self._editing)

    def _offer_undo(self, day: dt.date, removed: list[Any]) -> None:
        names = ", ".join(remedy_label(use.remedy) for use in removed)

        def undo() -> None:
            for use in removed:
                self.diary.restore_remedy(use.id)
            if self.current_day() == day:
                self._reload_remedies()

        message = _("Removed from {date}: {remedies}").format(date=short_date(day), remedies=names)
        App.get_running_app().offer_undo(message, undo)

    def _reload_remedies(self) -> None:
        """The remedies as stored now; a remedy chip the person changed stays as it is."""
        self.stored_remedies = list(self.diary.remedies_on(self.current_day()))
        stored = {use.remedy.value for use in self.stored_remedies}
        ratings = stored_ratings(self.stored_remedies)
        self.remedy_details.remember(ratings)
        current = self.rows["remedy"].values()
        for chip in self.rows["remedy"].ids.chips.children:
            if (chip.value in current) == (chip.value in self.shown.remedies):
                chip.state = "down" if chip.value in stored else "normal"
        shown_ratings = {**self.shown.ratings, **ratings}
        self.shown = dataclasses.replace(self.shown, remedies=frozenset(stored),
                                         ratings=shown_ratings)  # fmt: skip
