"""Small modal dialogs: a message with an OK button, and a question with a few answers."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kivy.metrics import dp
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.modalview import ModalView
from kivy.uix.scrollview import ScrollView

from tracker.i18n import gettext as _
from tracker.ui.widgets.controls import FlatButton, PrimaryButton, wrapped_label


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


def ask(
    title: str, text: str, answers: Sequence[tuple[str, Callable[[], object] | None]]
) -> ModalView:
    """A question with its answers as buttons, the first one the main one. A tap on an
    answer closes the dialog, then runs its action (None: just close). Tapping outside
    the dialog or Escape closes it without an answer: nothing happens."""
    from kivy.core.window import Window

    view = themed_modal()
    box = BoxLayout(orientation="vertical", padding=dp(20), spacing=dp(12), size_hint_y=None)
    box.bind(minimum_height=box.setter("height"))
    box.add_widget(wrapped_label(title, "19sp", bold=True))
    if text:
        box.add_widget(wrapped_label(text, "15sp"))
    side_by_side = view.width >= dp(520)
    buttons = BoxLayout(
        orientation="horizontal" if side_by_side else "vertical",
        spacing=dp(8),
        size_hint_y=None,
    )
    buttons.height = dp(48) if side_by_side else len(answers) * dp(56) - dp(8)
    for number, (label, action) in enumerate(answers):
        button = (PrimaryButton if number == 0 else FlatButton)(text=label)

        def answer(_button: object, action: Callable[[], object] | None = action) -> None:
            view.dismiss()
            if action is not None:
                action()

        button.bind(on_release=answer)
        buttons.add_widget(button)
    box.add_widget(buttons)
    view.add_widget(box)
    box.bind(height=lambda _b, h: setattr(view, "height", min(h, Window.height - dp(24))))
    view.height = min(box.height, Window.height - dp(24))
    view.open()
    return view
