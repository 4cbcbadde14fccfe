"""The day log: any date's sleep, water, exercise, stress, caffeine, alcohol, diet and
remedies. A refused value is shown next to its field and nothing is stored. Saving
stores only what was changed; moving away from unsaved changes asks first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from kivy.lang import Builder
from kivy.properties import BooleanProperty, ObjectProperty, StringProperty
from kivy.uix.screenmanager import Screen

from tracker.domain import Remedy, ValidationError
from tracker.i18n import gettext as _
from tracker.labels import remedy_label
from tracker.ui.presenters.day import (
    NUMBER_FIELDS,
    chip_values,
    choice_options,
    chosen_values,
    day_view,
    field_label,
)
from tracker.ui.presenters.edits import DayEdit, DayForm, day_edit, day_question
from tracker.ui.screens.day_remedies import DayRemedies
from tracker.ui.widgets.form_rows import ChoiceRow, NoteRow, NumberRow, on_any_edit
from tracker.ui.widgets.leaving import leave_then
from tracker.ui.widgets.pickers import DatePicker
from tracker.ui.widgets.remedy_rows import RemedyDetails, stored_ratings

Builder.load_file(str(Path(__file__).with_suffix(".kv")))


class DayScreen(DayRemedies, Screen):
    diary = ObjectProperty(None)
    """The DiaryService (injected)."""
    day = ObjectProperty(None, allownone=True)
    """The date shown; None means today."""
    date_text = StringProperty("")
    is_today = BooleanProperty(True)
    go_hint = StringProperty("")
    go_form = StringProperty("")
    today_text = StringProperty("")
    calendar_text = StringProperty("")
    medicines_text = StringProperty("")
    save_text = StringProperty("")
    error_text = StringProperty("")
    status_text = StringProperty("")
    """"Saved." and the like: not an error; gone once the person edits again."""

    def on_pre_enter(self, *_args: object) -> None:
        self.refresh()

    def current_day(self) -> dt.date:
        return self.day or self.diary.today()

    # Moving between days: unsaved changes are asked about first.

    def move(self, days: int) -> None:
        self._go(min(self.current_day() + dt.timedelta(days=days), self.diary.today()))

    def show_today(self) -> None:
        self._go(None)

    def go_to(self, text: str) -> None:
        try:
            chosen = dt.date.fromisoformat(text.strip())
        except ValueError:
            self.error_text = str(ValidationError(_("Go to a date"), text, "YYYY-MM-DD"))
            return
        self._go(min(chosen, self.diary.today()))

    def pick_date(self) -> None:
        today = self.diary.today()
        DatePicker(
            _("Go to a date"), self.current_day(), self._go, today=today, latest=today
        ).open()

    def _go(self, day: dt.date | None) -> None:
        if (day or self.diary.today()) == self.current_day():
            self.ids.go_to.text = ""
            return  # already here: the form keeps what it holds

        def show() -> None:
            self.day = day
            self.ids.go_to.text = ""
            self.refresh()

        leave_then(self, show)

    # The form

    def refresh(self) -> None:
        day = self.current_day()
        view = day_view(self.diary.day_log(day), self.diary.today())
        self.date_text, self.is_today = view.date_text, view.is_today
        self.go_hint, self.go_form = _("Go to a date: YYYY-MM-DD"), _("YYYY-MM-DD")
        self.today_text = _("Today")
        self.calendar_text, self.medicines_text = _("Calendar"), _("Medicines…")
        self.save_text, self.error_text, self.status_text = _("Save day"), "", ""
        fields = self.ids.fields
        fields.clear_widgets()
        self.rows: dict[str, Any] = {}
        for field in NUMBER_FIELDS:
            name = field.name
            self.rows[name] = NumberRow(name=name, label=field_label(name), text=view.texts[name])
        for name, options in choice_options():
            self.rows[name] = ChoiceRow(name=name, label=field_label(name))
            self.rows[name].set_options(options, chip_values(view.choices[name]))
        self.stored_remedies = list(self.diary.remedies_on(day))
        remedies = ChoiceRow(name="remedy", label=_("Remedy tried today"))
        used = {use.remedy.value for use in self.stored_remedies}
        remedies.set_options([(r.value, remedy_label(r)) for r in Remedy], used, False)
        self.rows["remedy"] = remedies
        self.rows["note"] = NoteRow(name="note", label=field_label("note"), text=view.texts["note"])
        for row in self.rows.values():
            fields.add_widget(row)
        self.remedy_details = RemedyDetails({r.value: remedy_label(r) for r in Remedy})
        self.remedy_details.remember(stored_ratings(self.stored_remedies))
        remedies.add_widget(self.remedy_details, index=1)  # right under the remedy chips
        for chip in remedies.ids.chips.children:
            chip.bind(state=lambda *_a: self._sync_remedies())
        self._sync_remedies()
        on_any_edit(fields, self._editing)
        note = self.rows["note"]

        def level(*_a: object) -> None:  # two columns: the note as tall as the remedies
            note.beside = remedies.height if fields.cols == 2 else 0

        remedies.bind(height=level)
        note.bind(width=level)  # a change of columns changes its width
        level()
        self.shown = self.form()

    def _editing(self) -> None:
        self.status_text = ""

    def form(self) -> DayForm:
        """What the form holds now."""
        texts = {name: self.rows[name].text for name in (*(f.name for f in NUMBER_FIELDS), "note")}
        chips = {name: self.rows[name].value() for name, _options in choice_options()}
        ticked = self.rows["remedy"].values()
        return DayForm(texts, chosen_values(chips), ticked, self.remedy_details.ratings())

    def edit(self) -> DayEdit:
        return day_edit(self.current_day(), self.shown, self.form(), self.stored_remedies)

    def unsaved_question(self) -> str | None:
        return None if self.edit().is_empty else day_question(self.current_day())

    def save_changes(self) -> bool:
        return self.save()

    def discard_changes(self) -> None:
        self.refresh()

    def save(self) -> bool:
        """Store what was changed; True unless a value was refused."""
        day, edit = self.current_day(), self.edit()
        for name, row in self.rows.items():
            row.error = edit.errors.get(name, "")
        self.status_text = ""
        if edit.errors:
            self.error_text = _("Nothing was saved: please check the fields marked in red.")
            return False
        if edit.is_empty:
            self.error_text, self.status_text = "", _("Nothing was changed, so nothing was saved.")
            return True
        notes = []
        try:
            if edit.changes:
                notes = [str(item) for item in self.diary.save_day(day, **edit.changes).unusual]
            for remedy, helped, note in edit.rated:
                self.diary.rate_remedy(day, remedy, helped, note)
            removed = [self.diary.remove_remedy(use.id) for use in edit.removed_remedies]
        except ValidationError as error:  # the Demo profile takes no entries of one's own
            self.error_text = _("{error}; nothing was stored").format(error=error)
            return False
        self.refresh()
        self.error_text = "; ".join(notes)  # values stored but unusual: worth a look
        self.status_text = _("Saved.")
        if removed:
            self._offer_undo(day, removed)
        return True
