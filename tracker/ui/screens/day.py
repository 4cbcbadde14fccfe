"""The day log: any date's sleep, water, exercise, stress, caffeine, alcohol, diet and
remedies. A refused value is shown next to its field and nothing is stored."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from kivy.lang import Builder
from kivy.properties import BooleanProperty, ObjectProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.screenmanager import Screen

from tracker.domain import ExerciseIntensity, Remedy, ValidationError
from tracker.i18n import gettext as _
from tracker.labels import remedy_label
from tracker.ui.presenters.day import (
    FLAG_FIELDS,
    NUMBER_FIELDS,
    SCALE_FIELDS,
    day_view,
    field_label,
    parse_form,
    stepped,
)
from tracker.ui.widgets.controls import Chip

Builder.load_file(str(Path(__file__).with_suffix(".kv")))


class NumberRow(BoxLayout):
    name = StringProperty("")
    label = StringProperty("")
    text = StringProperty("")
    """What is in the field, as typed."""
    error = StringProperty("")

    def step(self, direction: int) -> None:
        self.text = stepped(self.name, self.text, direction)
        self.ids.value.text = self.text


class NoteRow(BoxLayout):
    name = StringProperty("")
    label = StringProperty("")
    text = StringProperty("")
    error = StringProperty("")


class ChoiceRow(BoxLayout):
    name = StringProperty("")
    label = StringProperty("")
    error = StringProperty("")

    def set_options(self, options: list[tuple[str, str]], chosen: str | None) -> None:
        chips = self.ids.chips
        chips.clear_widgets()
        for value, text in options:
            chip = Chip(text=text, value=value, group=f"day-{self.name}-{id(self)}")
            chip.state = "down" if value == chosen else "normal"
            chips.add_widget(chip)

    def value(self) -> str | None:
        return next((c.value for c in self.ids.chips.children if c.state == "down"), None)


def _yes_no() -> list[tuple[str, str]]:
    return [("1", _("yes")), ("0", _("no"))]


class DayScreen(Screen):
    diary = ObjectProperty(None)
    """The DiaryService (injected)."""
    day = ObjectProperty(None, allownone=True)
    """The date shown; None means today."""
    date_text = StringProperty("")
    is_today = BooleanProperty(True)
    go_hint = StringProperty("")
    today_text = StringProperty("")
    save_text = StringProperty("")
    error_text = StringProperty("")

    def on_pre_enter(self, *_args: object) -> None:
        self.refresh()

    def current_day(self) -> dt.date:
        return self.day or self.diary.today()

    def move(self, days: int) -> None:
        target = self.current_day() + dt.timedelta(days=days)
        self.day = min(target, self.diary.today())
        self.refresh()

    def show_today(self) -> None:
        self.day = None
        self.refresh()

    def go_to(self, text: str) -> None:
        try:
            chosen = dt.date.fromisoformat(text.strip())
        except ValueError:
            self.error_text = str(ValidationError(_("date"), text, "YYYY-MM-DD"))
            return
        self.day = min(chosen, self.diary.today())
        self.ids.go_to.text = ""
        self.refresh()

    def refresh(self) -> None:
        view = day_view(self.diary.day_log(self.current_day()), self.diary.today())
        self.date_text, self.is_today = view.date_text, view.is_today
        self.go_hint, self.today_text = _("Go to a date: YYYY-MM-DD"), _("Today")
        self.save_text, self.error_text = _("Save day"), ""
        fields = self.ids.fields
        fields.clear_widgets()
        self.rows: dict[str, Any] = {}
        for field in NUMBER_FIELDS:
            row = NumberRow(
                name=field.name, label=field_label(field.name), text=view.texts[field.name]
            )
            self.rows[field.name] = row
            fields.add_widget(row)
        scale = [(str(n), str(n)) for n in range(5)]
        choices: list[tuple[str, list[tuple[str, str]]]] = [(name, scale) for name in SCALE_FIELDS]
        intensity = [
            (
                i.value,
                {"light": _("light"), "moderate": _("moderate"), "vigorous": _("vigorous")}[
                    i.value
                ],
            )
            for i in ExerciseIntensity
        ]
        choices.append(("exercise_intensity", intensity))
        choices += [(name, _yes_no()) for name in FLAG_FIELDS]
        for name, options in choices:
            row = ChoiceRow(name=name, label=field_label(name))
            chosen = view.choices[name]
            if isinstance(chosen, bool):
                chosen = "1" if chosen else "0"
            row.set_options(options, None if chosen is None else str(chosen))
            self.rows[name] = row
            fields.add_widget(row)
        remedies = ChoiceRow(name="remedy", label=_("Remedy tried today"))
        used = {r.remedy.value for r in self.diary.remedies_on(self.current_day())}
        remedies.set_options([(r.value, remedy_label(r)) for r in Remedy], None)
        for chip in remedies.ids.chips.children:
            chip.group, chip.state = None, "down" if chip.value in used else "normal"
        self.rows["remedy"] = remedies
        fields.add_widget(remedies)
        note = NoteRow(name="note", label=field_label("note"), text=view.texts["note"])
        self.rows["note"] = note
        fields.add_widget(note)

    def _form(self) -> tuple[dict[str, str], dict[str, Any]]:
        texts = {f.name: self.rows[f.name].text for f in NUMBER_FIELDS}
        texts["note"] = self.rows["note"].text
        choices: dict[str, Any] = {}
        for name in (*SCALE_FIELDS, "exercise_intensity", *FLAG_FIELDS):
            value = self.rows[name].value()
            if name in SCALE_FIELDS and value is not None:
                choices[name] = int(value)
            elif name in FLAG_FIELDS:
                choices[name] = None if value is None else value == "1"
            else:
                choices[name] = value
        return texts, choices

    def save(self) -> None:
        day = self.current_day()
        changes, errors = parse_form(*self._form(), day)
        for name, row in self.rows.items():
            row.error = errors.get(name, "")
        if errors:
            self.error_text = _("Nothing was saved: please check the fields marked in red.")
            return
        chosen = [c.value for c in self.rows["remedy"].ids.chips.children if c.state == "down"]
        try:
            saved = self.diary.save_day(day, **changes)
            for remedy in chosen:
                self.diary.log_remedy(day, remedy, None)
        except ValidationError as error:  # the Demo profile takes no entries of one's own
            self.error_text = _("{error}; nothing was stored").format(error=error)
            return
        notes = [str(item) for item in saved.unusual]
        self.error_text = "; ".join(notes) if notes else _("Saved.")
