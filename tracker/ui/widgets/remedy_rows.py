"""On the Day log, one row per remedy tried that day: how much it helped (0–4, or not
said) and a note."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kivy.lang import Builder
from kivy.properties import StringProperty
from kivy.uix.boxlayout import BoxLayout

from tracker.ui.widgets.controls import Chip

Builder.load_string(
    """
#:import TypedInput tracker.ui.widgets.typed_input.TypedInput
<RemedyDetail>:
    orientation: 'vertical'
    size_hint_y: None
    height: self.minimum_height
    padding: dp(12), dp(8)
    spacing: dp(4)
    canvas.before:
        Color:
            rgba: C_SURFACE
        RoundedRectangle:
            pos: self.pos
            size: self.size
            radius: [dp(12)]
    KLabel:
        text: root.title
        bold: True
    Caption:
        text: root.helped_label
    ChipRow:
        id: helped
    TypedInput:
        id: note
        hint_text: root.note_hint
        multiline: False
"""
)


def stored_ratings(uses: Sequence[Any]) -> dict[str, tuple[int | None, str]]:
    """Each stored remedy use's rating and note, as the form shows them."""
    return {use.remedy.value: (use.helped, use.note or "") for use in uses}


class RemedyDetail(BoxLayout):
    remedy = StringProperty("")
    title = StringProperty("")
    helped_label = StringProperty("")
    note_hint = StringProperty("")

    def show(self, helped: int | None, note: str) -> None:
        row = self.ids.helped
        row.clear_widgets()
        for value in range(5):
            chip = Chip(text=str(value), value=str(value), group=f"helped-{id(self)}")
            chip.state = "down" if helped == value else "normal"
            row.add_widget(chip)
        self.ids.note.text = note

    def rating(self) -> tuple[int | None, str]:
        chosen = next((c.value for c in self.ids.helped.children if c.state == "down"), None)
        return (None if chosen is None else int(chosen), self.ids.note.text)


class RemedyDetails(BoxLayout):
    """The rows of the remedies ticked on the Day log, in the order of the chips; a
    rating typed for a remedy un-ticked and ticked again comes back."""

    def __init__(self, labels: dict[str, str], **kwargs: object) -> None:
        super().__init__(orientation="vertical", size_hint_y=None, **kwargs)
        self.bind(minimum_height=self.setter("height"))
        self.labels = labels
        """Each remedy's name, in the order they are offered."""
        self.typed: dict[str, tuple[int | None, str]] = {}
        self.rows: dict[str, RemedyDetail] = {}

    def remember(self, ratings: dict[str, tuple[int | None, str]]) -> None:
        """What is stored (or was typed) for these remedies."""
        self.typed.update(ratings)
        for remedy, (helped, note) in ratings.items():
            if remedy in self.rows:
                self.rows[remedy].show(helped, note)

    def sync(self, ticked: frozenset[str], words: tuple[str, str]) -> None:
        """One row per ticked remedy. `words`: the rating's label and the note's hint."""
        for remedy in [r for r in self.rows if r not in ticked]:
            self.typed[remedy] = self.rows[remedy].rating()
            self.remove_widget(self.rows.pop(remedy))
        for remedy in [r for r in self.labels if r in ticked and r not in self.rows]:
            row = RemedyDetail(remedy=remedy, title=self.labels[remedy],
                               helped_label=words[0], note_hint=words[1])  # fmt: skip
            row.show(*self.typed.get(remedy, (None, "")))
            self.rows[remedy] = row
        self.clear_widgets()
        for remedy in self.labels:
            if remedy in self.rows:
                self.add_widget(self.rows[remedy])

    def ratings(self) -> dict[str, tuple[int | None, str]]:
        return {remedy: row.rating() for remedy, row in self.rows.items()}
