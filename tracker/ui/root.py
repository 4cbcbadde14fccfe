"""The window's layout: the screens, the undo bar and the navigation; a bottom bar
below ~700 dp wide, a side rail above."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kivy.lang import Builder
from kivy.metrics import dp
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.screenmanager import NoTransition, Screen, ScreenManager

from tracker.i18n import gettext as _
from tracker.ui.widgets.leaving import leave_then
from tracker.ui.widgets.nav import NavBar, NavItem
from tracker.ui.widgets.profile_bar import ProfileBar
from tracker.ui.widgets.undo import UndoBar

Builder.load_file(str(Path(__file__).with_suffix(".kv")))

RAIL_FROM_DP = 700
ICONS = {
    "today": "⌂",
    "day": "☀",
    "medicines": "℞",
    "history": "☰",
    "insights": "◔",
    "report": "▤",
    "settings": "⚙",
    "about": "ℹ",
    "more": "⋯",
    "import": "⇩",
}
PHONE_NAV = ("today", "day", "history", "insights", "more")
RAIL_NAV = ("today", "day", "medicines", "history", "insights", "report", "settings", "about")


def screen_title(name: str) -> str:
    return {
        "today": _("Today"),
        "day": _("Day log"),
        "medicines": _("Medicines"),
        "history": _("History"),
        "insights": _("Insights"),
        "report": _("Show a doctor"),
        "settings": _("Settings"),
        "about": _("About twitching"),
        "more": _("More"),
        "import": _("Import"),
    }[name]


def _selects(item: str, current: str) -> bool:
    """Whether the nav item for `item` is the selected one while `current` shows."""
    return (
        item == current
        or (item == "more" and current in ("medicines", "report", "settings", "about", "import"))
        or (item == "settings" and current == "import")  # Settings → Import
    )


class RootLayout(BoxLayout):
    def __init__(self, factories: dict[str, Callable[[], Screen]], **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.factories = factories
        """How to make each screen; a screen is made the first time it is shown, so
        start-up builds Today alone."""
        self.manager = ScreenManager(transition=NoTransition())
        self.manager.add_widget(factories["today"]())
        self.undo_bar = UndoBar()
        self.nav = NavBar()
        self.content = BoxLayout(orientation="vertical", padding=(dp(8), 0, dp(8), dp(6)))
        self.profile_bar = ProfileBar()
        """Whose diary is open, above every screen; a tap opens the switcher."""
        self.content.add_widget(self.profile_bar)
        self.content.add_widget(self.manager)
        self.content.add_widget(self.undo_bar)
        self.rail: bool | None = None
        self.bind(width=lambda *_a: self.arrange())
        self.arrange()

    def screen(self, name: str) -> Screen:
        if not self.manager.has_screen(name):
            self.manager.add_widget(self.factories[name]())
        return self.manager.get_screen(name)

    def arrange(self, force: bool = False) -> None:
        rail = self.width >= dp(RAIL_FROM_DP)
        if rail == self.rail and not force:
            return
        self.rail = rail
        self.clear_widgets()
        self.nav.rail = rail
        self.orientation = "horizontal" if rail else "vertical"
        if rail:
            self.add_widget(self.nav)
            self.add_widget(self.content)
        else:
            self.add_widget(self.content)
            self.add_widget(self.nav)
        self.refresh_nav()

    def refresh_nav(self) -> None:
        """The items for the window's shape, named in the current language. They are
        made again only when the shape changes: every save refreshes the screens."""
        names = RAIL_NAV if self.rail else PHONE_NAV
        if [item.screen for item in reversed(self.nav.children)] != list(names):
            self.nav.clear_widgets()
            for name in names:
                item = NavItem(screen=name, icon=ICONS[name])
                item.bind(on_release=lambda i: self.show(i.screen))
                self.nav.add_widget(item)
        for item in self.nav.children:
            item.label = screen_title(item.screen)
        self._select(self.manager.current)

    def show(self, name: str) -> None:
        """Show a screen; a screen with unsaved changes is asked about them first."""
        if name != self.manager.current:
            leave_then(self.manager.current_screen, lambda: self._show(name))
        # Until the person answers, the navigation keeps showing where they are.
        self._select(self.manager.current)

    def _show(self, name: str) -> None:
        self.screen(name)
        self.manager.current = name
        self._select(name)

    def _select(self, name: str) -> None:
        for item in self.nav.children:
            item.state = "down" if _selects(item.screen, name) else "normal"
