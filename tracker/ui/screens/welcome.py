"""The first start: whose diary this is, in which language, which knee twitches, and
whether to add the demo diary (as a separate profile) to look around."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from kivy.lang import Builder
from kivy.properties import ObjectProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout

from tracker.domain import Side, ValidationError
from tracker.i18n import current_language, set_language
from tracker.i18n import gettext as _
from tracker.labels import side_label
from tracker.ui.presenters.profiles import name_refusal
from tracker.ui.widgets.controls import Chip, fill_chips

Builder.load_file(str(Path(__file__).with_suffix(".kv")))


class WelcomeView(BoxLayout):
    make_diary = ObjectProperty(None)
    """(name, language, with_demo) -> the new profile's DiaryService; raises
    ValidationError for a name that cannot be used."""
    done = ObjectProperty(None)
    """(diary, side) -> None, once the profile exists."""
    title_text = StringProperty("")
    intro_text = StringProperty("")
    name_title = StringProperty("")
    name_hint = StringProperty("")
    language_title = StringProperty("")
    knee_title = StringProperty("")
    knee_hint = StringProperty("")
    demo_text = StringProperty("")
    start_text = StringProperty("")
    error_text = StringProperty("")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.side = Side.NONE.value
        self.refresh()

    def refresh(self) -> None:
        self.title_text = _("Welcome to Kedut")
        self.intro_text = _(
            "A diary for knee twitching: log a twitch with one tap, note sleep, water and "
            "exercise, and show a doctor what you noted. Everything stays on this device."
        )
        self.name_title, self.name_hint = _("Whose diary is this?"), _("Your name")
        self.language_title = _("Language")
        self.knee_title = _("Which knee twitches?")
        self.knee_hint = _("The big button logs this side until you log another one.")
        self.demo_text = _("Also add a demo diary to look around (a separate profile, Demo)")
        self.start_text = _("Start my diary")
        languages = [("en", "English"), ("id", "Bahasa Indonesia")]
        fill_chips(self.ids.languages, languages, current_language(), "welcome-language",
                   self._language)  # fmt: skip
        sides = [(s.value, side_label(s)) for s in Side]
        fill_chips(self.ids.knee, sides, self.side, "welcome-knee", self._side)

    def _language(self, language: str) -> None:
        set_language(language)
        self.refresh()

    def _side(self, side: str) -> None:
        self.side = side

    def start(self) -> None:
        demo: Chip = self.ids.demo
        try:
            diary = self.make_diary(self.ids.name.text, current_language(), demo.state == "down")
        except ValidationError as error:
            self.error_text = name_refusal(error)
            return
        finish: Callable[[Any, str], None] = self.done
        finish(diary, self.side)
