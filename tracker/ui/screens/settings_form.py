"""The preferences part of Settings: reminder time, water target and warning
thresholds, typed in and saved together; unsaved ones are asked about before they could
be lost (a profile or language switch, another tab)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from kivy.uix.label import Label
from kivy.uix.textinput import TextInput

from tracker.domain import ValidationError
from tracker.i18n import gettext as _
from tracker.ui.presenters.edits import settings_question

NUMBER_SETTINGS = ("water_target_ml", "recurring_days", "persist_span_days", "reset_free_days")


class PreferencesForm:
    """Mixed into the Settings screen: its `numbers` grid, `error_text` and `diary`."""

    diary: Any
    error_text: Any
    ids: Any

    def _numbers(self) -> None:
        grid = self.ids.numbers
        grid.clear_widgets()
        settings = self.diary.settings
        labels = {
            "reminder_time": _("Daily reminder (HH:MM, empty for none)"),
            "water_target_ml": _("Water target (ml, 500–6000)"),
            "recurring_days": _("Warn when twitching on this many of 7 days (2–7)"),
            "persist_span_days": _("See a doctor after twitching lasts (days, 7–60)"),
            "reset_free_days": _("Twitch-free days that end a run (3–14)"),
        }
        self.inputs: dict[str, TextInput] = {}
        for name, label in labels.items():
            value = getattr(settings, name)
            text = (
                ""
                if value is None
                else value.strftime("%H:%M")
                if isinstance(value, dt.time)
                else str(value)
            )
            caption = Label(
                text=label,
                color=(0.106, 0.145, 0.165, 1),
                font_size="14sp",
                halign="left",
                valign="middle",
            )
            caption.bind(size=lambda w, s: setattr(w, "text_size", s))
            grid.add_widget(caption)
            self.inputs[name] = TextInput(text=text, multiline=False)
            grid.add_widget(self.inputs[name])
        self.shown = self._typed()

    def _typed(self) -> dict[str, str]:
        return {name: field.text for name, field in self.inputs.items()}

    def unsaved_question(self) -> str | None:
        return settings_question() if self._typed() != self.shown else None

    def save_changes(self) -> bool:
        return self.save()

    def discard_changes(self) -> None:
        self._numbers()

    def save(self) -> bool:
        """Store the settings typed; True unless one was refused."""
        if self._typed() == self.shown:
            self.error_text = _("Nothing was changed, so nothing was saved.")
            return True
        try:
            reminder = self.inputs["reminder_time"].text.strip()
            try:
                reminder_time = dt.time.fromisoformat(reminder) if reminder else None
            except ValueError:
                raise ValidationError("reminder_time", reminder, _("a time as HH:MM")) from None
            numbers: dict[str, int | None] = {}
            for name in NUMBER_SETTINGS:
                text = self.inputs[name].text.strip()
                if not text and name == "water_target_ml":
                    numbers[name] = None
                    continue
                if not text.isdigit():
                    raise ValidationError(name, text, _("a whole number"))
                numbers[name] = int(text)
            settings = dataclasses.replace(
                self.diary.settings, reminder_time=reminder_time, **numbers
            )
        except ValidationError as error:
            self.error_text = str(error)
            return False
        self.diary.save_settings(settings)
        self.shown = self._typed()
        self.error_text = _("Saved.")
        return True
