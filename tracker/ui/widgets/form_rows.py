"""The rows of the Day log form: a number with − and +, a note, and a row of chips.
Their look is in form_rows.kv; `on_any_edit` watches a form for changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kivy.lang import Builder
from kivy.properties import NumericProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout

from tracker.ui.presenters.day import stepped
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
    beside = NumericProperty(0)
    """The height of the row beside it in a two-column form (0: none)."""


class ChoiceRow(BoxLayout):
    name = StringProperty("")
    label = StringProperty("")
    error = StringProperty("")

    def set_options(
        self, options: list[tuple[str, str]], chosen: set[str], one_at_a_time: bool = True
    ) -> None:
        """One chip per (value, text); the `chosen` ones pressed. One at a time (a chip
        tapped again is un-chosen), or any number of them."""
        chips = self.ids.chips
        chips.clear_widgets()
        for value, text in options:
            group = f"day-{self.name}-{id(self)}" if one_at_a_time else None
            chip = Chip(text=text, value=value, group=group)
            chip.state = "down" if value in chosen else "normal"
            chips.add_widget(chip)

    def value(self) -> str | None:
        return next((c.value for c in self.ids.chips.children if c.state == "down"), None)

    def values(self) -> frozenset[str]:
        return frozenset(c.value for c in self.ids.chips.children if c.state == "down")


def on_any_edit(widget: object, callback: Callable[[], None]) -> None:
    """Call `callback` whenever a field or chip inside `widget` is changed (each field
    and chip is watched once, however often this is called)."""
    from kivy.uix.behaviors import ToggleButtonBehavior
    from kivy.uix.textinput import TextInput

    for child in widget.walk():  # type: ignore[attr-defined]
        if getattr(child, "_watched_for_edits", False):
            continue
        if isinstance(child, TextInput):
            child.bind(text=lambda *_a: callback())
        elif isinstance(child, ToggleButtonBehavior):
            child.bind(state=lambda *_a: callback())
        else:
            continue
        child._watched_for_edits = True
