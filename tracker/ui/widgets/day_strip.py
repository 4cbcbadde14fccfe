"""Today's 14-day strip: one column a day, its bar as tall as the day's twitches, on a
warm band where a warning names that day."""

from __future__ import annotations

from kivy.lang import Builder
from kivy.properties import ColorProperty, NumericProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout

from tracker.ui.presenters.strip import StripView

Builder.load_string(
    """
<DayColumn>:
    orientation: 'vertical'
    spacing: dp(2)
    Label:
        text: str(root.count) if root.count else ''
        color: C_TEXT
        font_size: '12sp'
        size_hint_y: None
        height: dp(16)
    Widget:
        id: plot
        canvas.before:
            Color:
                rgba: root.band_rgba
            Rectangle:
                pos: self.pos
                size: self.size
            Color:
                rgba: C_PRIMARY if root.today else (0.42, 0.68, 0.69, 1)
            RoundedRectangle:
                pos: self.x + self.width * 0.2, self.y
                size: self.width * 0.6, max(dp(2) if root.count else 0, self.height * root.fraction)
                radius: [dp(3), dp(3), 0, 0]
    Label:
        text: root.label
        color: C_TEXT if root.today else C_MUTED
        bold: bool(root.today)
        font_size: '11sp'
        size_hint_y: None
        height: dp(16)

<DayStrip>:
    orientation: 'vertical'
    size_hint_y: None
    height: dp(200)
    padding: dp(SPACE), dp(12)
    spacing: dp(6)
    canvas.before:
        Color:
            rgba: C_SURFACE
        RoundedRectangle:
            pos: self.pos
            size: self.size
            radius: [dp(16)]
    KLabel:
        text: root.title
        bold: True
    Caption:
        text: root.caption
    BoxLayout:
        id: columns
        spacing: dp(2)
"""
)

# The theme's soft amber (keep an eye on it) and soft red (see a doctor).
BANDS = {"watch": (1.0, 0.957, 0.859, 1), "see_doctor": (0.992, 0.925, 0.918, 1)}


class DayColumn(BoxLayout):
    count = NumericProperty(0)
    fraction = NumericProperty(0)
    band = StringProperty("")
    label = StringProperty("")
    today = NumericProperty(0)
    band_rgba = ColorProperty((0, 0, 0, 0))

    def on_band(self, _column: object, band: str) -> None:
        self.band_rgba = BANDS.get(band, (0, 0, 0, 0))


class DayStrip(BoxLayout):
    title = StringProperty("")
    caption = StringProperty("")

    def show(self, view: StripView) -> None:
        self.title, self.caption = view.title, view.caption
        columns = self.ids.columns
        columns.clear_widgets()
        last = len(view.days) - 1
        for index, day in enumerate(view.days):
            columns.add_widget(
                DayColumn(
                    count=day.count,
                    fraction=day.count / view.highest,
                    band=day.band,
                    label=day.label,
                    today=1 if index == last else 0,
                )
            )
