"""Today's 14-day strip: one column a day, its bar as tall as the day's twitches, on a
warm band where a warning names that day.

The fourteen columns are drawn by one widget (`DayBars`), not made of 42 widgets: the
strip is only looked at, never touched, and 42 Kivy widgets cost ≈ 2 MB of memory and
part of Today's first frame (docs/performance.md, "Wave 2e: the app's memory")."""

from __future__ import annotations

from kivy.core.text import Label as CoreLabel
from kivy.graphics import Color, Rectangle, RoundedRectangle
from kivy.lang import Builder
from kivy.metrics import dp, sp
from kivy.properties import ColorProperty, ListProperty, NumericProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.widget import Widget

from tracker.ui.presenters.strip import StripDay, StripView

Builder.load_string(
    """
<DayBars>:
    text_rgba: C_TEXT
    muted_rgba: C_MUTED
    today_rgba: C_PRIMARY

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
    DayBars:
        id: bars
"""
)

# The theme's soft amber (keep an eye on it) and soft red (see a doctor).
BANDS = {"watch": (1.0, 0.957, 0.859, 1), "see_doctor": (0.992, 0.925, 0.918, 1)}
BAR_RGBA = (0.42, 0.68, 0.69, 1)
"""A past day's bar; today's is the theme's primary colour."""
TEXT_ROW_DP = 16
"""The height of the count above each bar and of the day's label below it."""
GAP_DP = 2
"""Between two columns."""
FONT_SP = 11
CROWDED_COUNT = "99+"
"""A day's count of 100 or more where its number does not fit above its bar."""
MAX_TEXTS = 100
"""Rendered texts kept for the next drawing (a few kilobytes each)."""


class DayBars(Widget):
    """The fourteen columns, drawn: the count on top, the bar, the day's label below
    (today's in bold and the primary colour)."""

    days = ListProperty([])
    """The StripDay of each column, oldest first; the last one is today."""
    highest = NumericProperty(1)
    """The count a full-height bar stands for."""
    text_rgba = ColorProperty((0, 0, 0, 1))
    muted_rgba = ColorProperty((0.4, 0.4, 0.4, 1))
    today_rgba = ColorProperty((0, 0.4, 0.4, 1))

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._textures: dict[tuple[str, bool], object] = {}
        self.shown_labels: list[str] = []
        """The day labels as last drawn (for a look in tests)."""
        self.shown_counts: list[str] = []
        """The counts above the bars as last drawn ("" for none)."""
        for name in ("pos", "size", "days", "highest", "text_rgba", "muted_rgba", "today_rgba"):
            self.bind(**{name: self._draw})

    def _text(self, text: str, bold: bool) -> object:
        """White text (tinted when drawn), rendered once per text."""
        key = (text, bold)
        if key not in self._textures:
            if len(self._textures) > MAX_TEXTS:  # the days move on; old labels go
                self._textures.clear()
            label = CoreLabel(text=text, font_name="Kedut", font_size=sp(FONT_SP), bold=bold)
            label.refresh()
            self._textures[key] = label.texture
        return self._textures[key]

    def _draw(self, *_args: object) -> None:
        self.canvas.clear()
        self.shown_labels, self.shown_counts = [], []
        if not self.days:
            return
        count = len(self.days)
        gap, row = dp(GAP_DP), dp(TEXT_ROW_DP)
        width = (self.width - gap * (count - 1)) / count
        plot_y, plot_height = self.y + row + gap, max(0.0, self.height - 2 * (row + gap))
        # On a narrow strip "W 25" runs into its neighbours: the day of the month alone.
        widest = max(self._text(day.label, True).width for day in self.days)  # type: ignore[attr-defined]
        short = widest > width + gap
        self.shown_labels = [day.short_label if short else day.label for day in self.days]
        self.shown_counts = self._count_texts(width + gap)
        with self.canvas:
            for index, day in enumerate(self.days):
                x = self.x + index * (width + gap)
                today = index == count - 1
                self._column(day, x, width, plot_y, plot_height, today, short)
                if self.shown_counts[index]:
                    y = plot_y + plot_height + gap
                    self._label(self.shown_counts[index], x, width, y, self.text_rgba)

    def _count_texts(self, room: float) -> list[str]:
        """The count above each bar; where a count of 100 or more is wider than its
        column (a phone), "99+": the numbers never run into each other."""
        texts = [str(day.count) if day.count else "" for day in self.days]
        if any(self._text(text, False).width > room for text in texts if text):  # type: ignore[attr-defined]
            texts = [text if len(text) < 3 else CROWDED_COUNT for text in texts]
        return texts

    def _column(
        self,
        day: StripDay,
        x: float,
        width: float,
        plot_y: float,
        height: float,
        today: bool,
        short: bool,
    ) -> None:
        if day.band:
            Color(rgba=BANDS.get(day.band, (0, 0, 0, 0)))
            Rectangle(pos=(x, plot_y), size=(width, height))
        if day.count:
            Color(rgba=self.today_rgba if today else BAR_RGBA)
            bar = max(dp(2), height * day.count / max(1, self.highest))
            RoundedRectangle(
                pos=(x + width * 0.2, plot_y),
                size=(width * 0.6, bar),
                radius=[dp(3), dp(3), 0, 0],
            )
        colour = self.text_rgba if today else self.muted_rgba
        self._label(day.short_label if short else day.label, x, width, self.y, colour, bold=today)

    def _label(
        self, text: str, x: float, width: float, y: float, rgba: object, bold: bool = False
    ) -> None:
        texture = self._text(text, bold)
        w, h = texture.size  # type: ignore[attr-defined]
        Color(rgba=rgba)
        row = dp(TEXT_ROW_DP)
        Rectangle(texture=texture, pos=(x + (width - w) / 2, y + (row - h) / 2), size=(w, h))


class DayStrip(BoxLayout):
    title = StringProperty("")
    caption = StringProperty("")

    def show(self, view: StripView) -> None:
        self.title, self.caption = view.title, view.caption
        bars = self.ids.bars
        bars.highest = view.highest
        bars.days = list(view.days)
