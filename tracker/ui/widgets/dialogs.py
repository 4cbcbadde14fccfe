"""Small modal dialogs: a message with an OK button."""

from __future__ import annotations

from kivy.metrics import dp
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.modalview import ModalView
from kivy.uix.scrollview import ScrollView

from tracker.i18n import gettext as _
from tracker.ui.widgets.controls import PrimaryButton, wrapped_label


def themed_modal(**kwargs: object) -> ModalView:
    """A white sheet over a dimmed window, at most 640 dp wide."""
    view = ModalView(
        size_hint=(None, None),
        background="",
        background_color=(1, 1, 1, 1),
        overlay_color=(0, 0, 0, 0.45),
        **kwargs,
    )
    from kivy.core.window import Window

    view.width = min(Window.width - dp(24), dp(640))
    return view


def show_message(title: str, text: str) -> ModalView:
    """A calm dialog: a title, plain text (never markup), and OK."""
    from kivy.core.window import Window

    view = themed_modal(height=min(Window.height - dp(48), dp(460)))
    box = BoxLayout(orientation="vertical", padding=dp(20), spacing=dp(12))
    heading = wrapped_label(title, "19sp", bold=True)
    body = wrapped_label(text, "15sp")
    scroll = ScrollView(do_scroll_x=False)
    scroll.add_widget(body)
    close = PrimaryButton(text=_("OK"))
    close.bind(on_release=lambda *_a: view.dismiss())
    box.add_widget(heading)
    box.add_widget(scroll)
    box.add_widget(close)
    view.add_widget(box)
    view.open()
    return view
