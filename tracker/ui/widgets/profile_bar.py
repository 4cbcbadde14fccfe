"""The strip above every screen: whose diary is open. A tap opens the switcher."""

from __future__ import annotations

from kivy.lang import Builder
from kivy.metrics import sp
from kivy.properties import NumericProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout

Builder.load_string(
    """
#:import Window kivy.core.window.Window
#:import TypedLabel tracker.ui.widgets.typed_text.TypedLabel
<ProfileBar>:
    size_hint_y: None
    height: dp(44)
    padding: 0, dp(4)
    Label:
        text: 'Kedut'
        font_size: T_CAPTION
        bold: True
        color: C_PRIMARY
        size_hint_x: None
        width: self.texture_size[0] + dp(8)
    Widget:
    ProfilePill:
        id: pill
        text: root.name
        hint: root.hint
        on_release: root.dispatch('on_switch')

<ProfilePill>:
    size_hint_x: None
    width: min(max(dp(96), self.text_width + dp(84)), dp(280), Window.width * 0.6)
    padding: dp(6), 0
    spacing: dp(6)
    canvas.before:
        Color:
            rgba: C_PRIMARY_DARK if self.state == 'down' else C_PRIMARY_SOFT
        RoundedRectangle:
            pos: self.pos
            size: self.size
            radius: [dp(18)]
    Label:
        text: (root.text[:1] or '?').upper()
        bold: True
        color: C_ON_PRIMARY
        font_size: T_CAPTION
        size_hint_x: None
        width: dp(26)
        canvas.before:
            Color:
                rgba: C_PRIMARY
            Ellipse:
                pos: self.center_x - dp(13), self.center_y - dp(13)
                size: dp(26), dp(26)
    TypedLabel:
        id: name
        plain: root.text
        size_hint_y: 1
        color: C_TEXT
        font_size: T_CAPTION
        bold: True
        shorten: True
        shorten_from: 'right'
        text_size: self.size
        halign: 'left'
        valign: 'middle'
    Label:
        text: '▾'
        color: C_PRIMARY
        size_hint_x: None
        width: dp(14)
"""
)


class ProfilePill(ButtonBehavior, BoxLayout):
    text = StringProperty("")
    hint = StringProperty("")
    text_width = NumericProperty(0)
    """The name's width as drawn (a long name is shortened with …)."""

    def on_text(self, _pill: object, text: str) -> None:
        from kivy.core.text import Label as CoreLabel

        measure = CoreLabel(text=text, font_size=sp(14), font_name="Kedut", bold=True)
        measure.refresh()
        self.text_width = measure.texture.size[0] if measure.texture else 0


class ProfileBar(BoxLayout):
    name = StringProperty("")
    """The open profile's name."""
    hint = StringProperty("")

    __events__ = ("on_switch",)

    def on_switch(self) -> None:
        pass
