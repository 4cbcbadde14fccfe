"""The small controls every screen uses; their look is in theme.kv."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kivy.graphics.texture import Texture
from kivy.properties import ColorProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior, ToggleButtonBehavior
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.image import Image
from kivy.uix.label import Label
from kivy.uix.widget import Widget


class PrimaryButton(ButtonBehavior, Label):
    """The one main action of a place: filled, rounded, at least 48 dp high."""


class FlatButton(ButtonBehavior, Label):
    """A secondary action: outlined."""


class Chip(ToggleButtonBehavior, Label):
    """One choice among a few (a `group`), or an on/off toggle without a group."""

    value = StringProperty("")
    """What choosing this chip means, e.g. "left" or "3"."""


INK = (0.106, 0.145, 0.165, 1)


def wrapped_label(text: str, font_size: str, bold: bool = False) -> Label:
    """Plain text (never markup) that wraps to its width and is as tall as its lines."""
    label = Label(text=text, font_size=font_size, bold=bold, color=INK, halign="left",
                  valign="top", size_hint_y=None, markup=False)  # fmt: skip
    label.bind(
        width=lambda w, v: setattr(w, "text_size", (v, None)),
        texture_size=lambda w, s: setattr(w, "height", s[1]),
    )
    return label


def fill_chips(
    row: Widget,
    options: Sequence[tuple[str, str]],
    chosen: str | None,
    group: str,
    on_choose: Callable[[str], None] | None = None,
) -> None:
    """Replace a row's chips: one per (value, text), `chosen` pressed, one choice at a
    time; `on_choose(value)` runs when a person picks one."""
    row.clear_widgets()
    for value, text in options:
        chip = Chip(text=text, value=value, group=group, allow_no_selection=False)
        chip.state = "down" if value == chosen else "normal"
        if on_choose is not None:
            chip.bind(on_release=lambda c: on_choose(c.value))
        row.add_widget(chip)


class Banner(ButtonBehavior, BoxLayout):
    """A coloured notice that can be tapped for more."""

    title = StringProperty("")
    text = StringProperty("")
    background = ColorProperty((1.0, 0.957, 0.859, 1))
    foreground = ColorProperty((0.541, 0.341, 0.0, 1))


class ChartImage(Image):
    """A chart rendered elsewhere (as RGBA bytes, off the UI thread) shown as a texture."""

    def show_rgba(self, width: int, height: int, rgba: bytes) -> None:
        texture = Texture.create(size=(width, height), colorfmt="rgba")
        texture.blit_buffer(rgba, colorfmt="rgba", bufferfmt="ubyte")
        texture.flip_vertical()  # matplotlib's rows run top-down, OpenGL's bottom-up
        self.texture = texture
        self.opacity = 1

    def clear(self) -> None:
        """Let go of the chart's pixels (hidden until the next `show_rgba`)."""
        self.opacity = 0
        self.texture = None
