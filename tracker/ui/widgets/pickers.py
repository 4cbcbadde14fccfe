"""A calendar to pick a day and a clock to pick a time, each in a small sheet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from kivy.core.window import Window
from kivy.metrics import dp
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.gridlayout import GridLayout
from kivy.uix.label import Label
from kivy.uix.modalview import ModalView

from tracker.i18n import gettext as _
from tracker.ui.presenters.pickers import (
    clock_text,
    month_title,
    month_weeks,
    shift_month,
    step_clock,
    weekday_heads,
)
from tracker.ui.widgets.controls import Chip, FlatButton, PrimaryButton, wrapped_label

MUTED = (0.353, 0.408, 0.439, 1)


def _sheet(height: float) -> ModalView:
    view = ModalView(
        size_hint=(None, None),
        background="",
        background_color=(1, 1, 1, 1),
        overlay_color=(0, 0, 0, 0.45),
    )
    view.width = min(Window.width - dp(16), dp(420))
    view.height = min(Window.height - dp(24), height)
    return view


class DatePicker:
    """A month of days: ◀ ▶ change the month, a tap on a day picks it. Days after
    `latest` cannot be picked (a diary holds no future)."""

    def __init__(
        self,
        title: str,
        chosen: dt.date,
        on_pick: Callable[[dt.date], None],
        today: dt.date,
        latest: dt.date | None = None,
    ) -> None:
        self.chosen, self.on_pick, self.today, self.latest = chosen, on_pick, today, latest
        self.year, self.month = chosen.year, chosen.month
        self.view = _sheet(dp(520))
        box = BoxLayout(orientation="vertical", padding=dp(14), spacing=dp(6))
        box.add_widget(wrapped_label(title, "17sp", bold=True))
        head = BoxLayout(size_hint_y=None, height=dp(48), spacing=dp(6))
        self.previous = FlatButton(text="◀", size_hint_x=None, width=dp(48))
        self.next = FlatButton(text="▶", size_hint_x=None, width=dp(48))
        self.title = Label(color=(0.106, 0.145, 0.165, 1), bold=True, font_size="16sp")
        self.previous.bind(on_release=lambda *_a: self.move(-1))
        self.next.bind(on_release=lambda *_a: self.move(1))
        for widget in (self.previous, self.title, self.next):
            head.add_widget(widget)
        box.add_widget(head)
        self.grid = GridLayout(cols=7, spacing=dp(2))
        box.add_widget(self.grid)
        buttons = BoxLayout(size_hint_y=None, height=dp(48), spacing=dp(8))
        self.today_button = FlatButton(text=_("Today"))
        self.today_button.bind(on_release=lambda *_a: self.pick(self.today))
        cancel = FlatButton(text=_("Cancel"))
        cancel.bind(on_release=lambda *_a: self.view.dismiss())
        buttons.add_widget(self.today_button)
        buttons.add_widget(cancel)
        box.add_widget(buttons)
        self.view.add_widget(box)
        self.days: dict[dt.date, Chip] = {}
        self.show()

    def open(self) -> DatePicker:
        self.view.open()
        return self

    def move(self, months: int) -> None:
        self.year, self.month = shift_month(self.year, self.month, months)
        self.show()

    def show(self) -> None:
        self.title.text = month_title(self.year, self.month)
        last = self.latest
        self.next.disabled = last is not None and (self.year, self.month) >= (last.year, last.month)
        self.grid.clear_widgets()
        self.days = {}
        for head in weekday_heads():
            self.grid.add_widget(Label(text=head, color=MUTED, font_size="12sp"))
        for week in month_weeks(self.year, self.month):
            for day in week:
                if day is None:
                    self.grid.add_widget(Label())
                    continue
                chip = Chip(text=str(day.day), value=day.isoformat(), size_hint=(1, 1))
                chip.state = "down" if day == self.chosen else "normal"
                chip.disabled = last is not None and day > last
                chip.bind(on_release=lambda _c, d=day: self.pick(d))
                self.days[day] = chip
                self.grid.add_widget(chip)

    def pick(self, day: dt.date) -> None:
        self.view.dismiss()
        self.on_pick(day)


class TimePicker:
    """Hours and minutes with − and + (the minutes in steps of 5, or 1), and OK."""

    def __init__(self, title: str, chosen: dt.time, on_pick: Callable[[dt.time], None]) -> None:
        self.chosen, self.on_pick = chosen.replace(second=0, microsecond=0), on_pick
        self.view = _sheet(dp(360))
        box = BoxLayout(orientation="vertical", padding=dp(14), spacing=dp(8))
        box.add_widget(wrapped_label(title, "17sp", bold=True))
        self.shown = Label(font_size="40sp", bold=True, color=(0.106, 0.145, 0.165, 1))
        box.add_widget(self.shown)
        self.buttons: dict[int, FlatButton] = {}
        for row in ((-60, 60), (-5, -1, 1, 5)):
            line = BoxLayout(size_hint_y=None, height=dp(48), spacing=dp(6))
            for minutes in row:
                button = FlatButton(text=self._step_text(minutes))
                if abs(minutes) < 60:  # four to a row: "− 5 mnt" needs the room on a phone
                    button.padding = (dp(4), 0)
                button.bind(on_release=lambda _b, m=minutes: self.step(m))
                self.buttons[minutes] = button
                line.add_widget(button)
            box.add_widget(line)
        actions = BoxLayout(size_hint_y=None, height=dp(48), spacing=dp(8))
        cancel = FlatButton(text=_("Cancel"))
        cancel.bind(on_release=lambda *_a: self.view.dismiss())
        self.ok = PrimaryButton(text=_("OK"))
        self.ok.bind(on_release=lambda *_a: self.pick())
        actions.add_widget(cancel)
        actions.add_widget(self.ok)
        box.add_widget(actions)
        self.view.add_widget(box)
        self.show()

    @staticmethod
    def _step_text(minutes: int) -> str:
        if abs(minutes) == 60:
            return _("− 1 hour") if minutes < 0 else _("+ 1 hour")
        sign = "−" if minutes < 0 else "+"
        return _("{sign} {n} min").format(sign=sign, n=abs(minutes))

    def open(self) -> TimePicker:
        self.view.open()
        return self

    def step(self, minutes: int) -> None:
        self.chosen = step_clock(self.chosen, minutes)
        self.show()

    def show(self) -> None:
        self.shown.text = clock_text(self.chosen)

    def pick(self) -> None:
        self.view.dismiss()
        self.on_pick(self.chosen)
