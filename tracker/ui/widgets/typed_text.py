"""Labels that show what a person typed in any script (see
tracker/ui/presenters/scripts.py): emoji and CJK in notes and names are drawn, and a
typed bracket is never markup. The text field is in typed_input.py: Today shows typed
names and notes but has no field, and Kivy's TextInput costs ≈ 0.4 MB to load."""

from __future__ import annotations

from kivy.core.text import LabelBase
from kivy.properties import StringProperty
from kivy.uix.label import Label

from tracker.ui.assets import font_path
from tracker.ui.presenters.scripts import FALLBACKS, markup_for

for _name, _file in FALLBACKS:
    LabelBase.register(_name, str(font_path(_file)))


class TypedLabel(Label):
    """Set `plain` (never `text`): the text as typed."""

    plain = StringProperty("")

    def on_plain(self, _label: object, plain: str) -> None:
        markup = markup_for(plain)
        self.markup = markup is not None
        self.text = plain if markup is None else markup


from kivy.lang import Builder  # noqa: E402  # the rule needs the classes above

Builder.load_string(
    """
<TypedLabel>:
    color: C_TEXT
    font_size: T_BODY
    text_size: self.width, None
    size_hint_y: None
    height: self.texture_size[1]
    halign: 'left'
    valign: 'middle'
"""
)
