"""A text field for what a person types in any script: its one font is the one that
draws most of what is typed (see tracker/ui/presenters/scripts.py)."""

from __future__ import annotations

from kivy.uix.textinput import TextInput

import tracker.ui.widgets.typed_text  # noqa: F401 - registers the scripts' fonts
from tracker.ui.presenters.scripts import field_font


class TypedInput(TextInput):
    """A text field whose one font is the one that draws most of what is typed."""

    font_name: object

    def on_text(self, _field: object, text: str) -> None:
        wanted = field_font(text)
        if str(self.font_name) != wanted:
            self.font_name = wanted
