"""About twitching (causes, home remedies, when to see a doctor; the app never
diagnoses), and "More" on a phone: the screens the bottom bar has no room for."""

from __future__ import annotations

from pathlib import Path

from kivy.app import App
from kivy.lang import Builder
from kivy.metrics import dp
from kivy.properties import ObjectProperty
from kivy.uix.screenmanager import Screen
from kivy.uix.widget import Widget

from tracker.i18n import gettext as _
from tracker.ui.widgets.controls import FlatButton, wrapped_label

Builder.load_file(str(Path(__file__).with_suffix(".kv")))


def about_sections() -> list[tuple[str, str]]:
    return [
        (
            _("About knee twitching"),
            _(
                "A twitch is a small, involuntary movement of a muscle. "
                "Around the knee it is usually harmless and goes away by itself."
            ),
        ),
        (
            _("What can bring it on"),
            _(
                "• tired muscles after exercise, with lost electrolytes\n• too little sleep\n"
                "• too little calcium or magnesium (a poor diet, alcohol, diarrhoea)\n"
                "• not drinking enough\n"
                "• some medicines: diuretics, corticosteroids, estrogen\n"
                "• rarely, a condition of the nerves (neuromyotonia, Isaacs' syndrome)"
            ),
        ),
        (
            _("What helps"),
            _(
                "• rest the leg\n• drink enough water\n"
                "• eat food with vitamins B and D, magnesium and calcium\n"
                "• stretch gently and massage lightly\n• a warm or cold compress"
            ),
        ),
        (
            _("See a doctor when"),
            _(
                "• the twitching keeps going for several days or weeks\n"
                "• there is sharp pain, swelling, or the knee feels hot\n"
                "• there is numbness or tingling\n"
                "• the leg feels weak, is hard to move, or walking is affected"
            ),
        ),
        (
            _("What Kedut does and does not do"),
            _(
                "Kedut keeps your diary and shows what went together with your twitching, "
                "with the numbers behind it. It does not diagnose and never says what causes "
                "your twitching. Your data stays on this device."
            ),
        ),
    ]


class AboutScreen(Screen):
    diary = ObjectProperty(None)
    """Unused here; every screen is given the diary."""

    def on_pre_enter(self, *_args: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        box = self.ids.content
        box.clear_widgets()
        for title, body in about_sections():
            box.add_widget(wrapped_label(title, "19sp", bold=True))
            box.add_widget(wrapped_label(body, "15sp"))


class MoreScreen(Screen):
    diary = ObjectProperty(None)
    """Unused here; every screen is given the diary."""

    def on_pre_enter(self, *_args: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        from tracker.ui.root import screen_title

        box = self.ids.content
        box.clear_widgets()
        box.add_widget(wrapped_label(_("More"), "24sp", bold=True))
        for name in ("medicines", "report", "settings", "about"):
            button = FlatButton(text=screen_title(name), height=dp(56))
            button.bind(on_release=lambda _b, n=name: App.get_running_app().go(n))
            box.add_widget(button)
        box.add_widget(Widget())
