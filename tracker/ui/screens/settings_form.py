"""The preferences part of Settings: reminder time, water target and warning
thresholds, typed in and saved together. Every bad field is refused at once, under the
field; "Saved." is a calm note that goes once editing resumes. Unsaved ones are asked
about before they could be lost (a profile or language switch, another tab)."""

from __future__ import annotations

from typing import Any

from kivy.metrics import dp
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.label import Label
from kivy.uix.textinput import TextInput

from tracker.i18n import gettext as _
from tracker.ui.presenters.edits import settings_question
from tracker.ui.presenters.preferences import (
    parse_preferences,
    preference_labels,
    preference_texts,
)

INK, ALERT = (0.106, 0.145, 0.165, 1), (0.690, 0.180, 0.153, 1)


class PreferencesForm:
    """Mixed into the Settings screen: its `numbers` grid, `status_text` and `diary`."""

    diary: Any
    status_text: Any
    ids: Any

    def _numbers(self) -> None:
        grid = self.ids.numbers
        grid.clear_widgets()
        texts = preference_texts(self.diary.settings)
        self.inputs: dict[str, TextInput] = {}
        self.field_errors: dict[str, Label] = {}
        for name, label in preference_labels().items():
            caption = Label(text=label, color=INK, font_size="14sp", halign="left",
                            valign="middle", size_hint_y=None, height=dp(48))  # fmt: skip
            caption.bind(width=lambda w, v: setattr(w, "text_size", (v, None)))
            caption.bind(texture_size=lambda w, s: setattr(w, "height", max(dp(48), s[1])))
            grid.add_widget(caption)
            cell = BoxLayout(orientation="vertical", size_hint_y=None, spacing=dp(2))
            cell.bind(minimum_height=cell.setter("height"))
            field = TextInput(text=texts[name], multiline=False)
            field.bind(text=lambda *_a: self._editing())
            error = Label(color=ALERT, font_size="13sp", halign="left", valign="top",
                          size_hint_y=None, height=0)  # fmt: skip
            error.bind(width=lambda w, v: setattr(w, "text_size", (v, None)))
            error.bind(texture_size=lambda w, s: setattr(w, "height", s[1] if w.text else 0))
            cell.add_widget(field)
            cell.add_widget(error)
            grid.add_widget(cell)
            self.inputs[name], self.field_errors[name] = field, error
        self.shown = self._typed()

    def _typed(self) -> dict[str, str]:
        return {name: field.text for name, field in self.inputs.items()}

    def _editing(self) -> None:
        """Typing again: the last "Saved." no longer describes what is shown."""
        self.status_text = ""

    def unsaved_question(self) -> str | None:
        return settings_question() if self._typed() != self.shown else None

    def save_changes(self) -> bool:
        return self.save()

    def discard_changes(self) -> None:
        self._numbers()

    def save(self) -> bool:
        """Store the settings typed; True unless a field was refused (each refusal is
        shown under its field)."""
        settings, errors = parse_preferences(self.diary.settings, self._typed())
        for name, label in self.field_errors.items():
            label.text = errors.get(name, "")
            if not label.text:
                label.height = 0
        if settings is None:
            self.status_text = ""
            return False
        if self._typed() == self.shown:
            self.status_text = _("Nothing was changed, so nothing was saved.")
            return True
        self.diary.save_settings(settings)
        self.shown = self._typed()
        self.status_text = _("Saved.")
        return True
