"""Navigation: a bar at the bottom of a phone-sized window, a rail at the side of a
tablet- or laptop-sized one."""

from __future__ import annotations

from kivy.properties import BooleanProperty, StringProperty
from kivy.uix.behaviors import ToggleButtonBehavior
from kivy.uix.boxlayout import BoxLayout


class NavItem(ToggleButtonBehavior, BoxLayout):
    screen = StringProperty("")
    """The screen this item opens."""
    icon = StringProperty("")
    """A symbol from the bundled font."""
    label = StringProperty("")
    """The item's name, in the current language."""


class NavBar(BoxLayout):
    rail = BooleanProperty(False)
    """True: a vertical rail beside the content; False: a bar below it."""
