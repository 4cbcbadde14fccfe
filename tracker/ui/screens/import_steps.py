"""The steps of Settings → Import, each a widget of import_data.kv: choose a file or
folder, wait (a progress bar and Cancel), read the preview (and say what each of the app's
own names means), then the result. The screen (import_data.py) moves between them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kivy.clock import Clock
from kivy.properties import (
    BooleanProperty,
    ListProperty,
    NumericProperty,
    StringProperty,
)
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.filechooser import FileChooserListView
from kivy.uix.floatlayout import FloatLayout
from kivy.uix.scrollview import ScrollView
from kivy.uix.treeview import TreeViewNode

from tracker.ui.presenters.import_preview import NameRow


class FileEntry(FloatLayout, TreeViewNode):
    """One file or folder in the chooser (Kivy's own entry is a deprecated kv template
    with white text: this one is a class, in Kedut's theme)."""

    path = StringProperty("")
    name_text = StringProperty("")
    """The file's or folder's name (a folder has Kivy's arrow before it)."""
    size_text = StringProperty("")
    locked = BooleanProperty(False)

    def __init__(self, ctx: dict[str, Any], **kwargs: object) -> None:
        self.entries: list[Any] = []  # the chooser keeps an opened folder's entries here
        self.controller = ctx["controller"]()
        super().__init__(**kwargs)
        folder = bool(ctx["isdir"])
        self.path = ctx["path"]
        self.name_text = ctx["name"]
        self.size_text = "" if folder else ctx["get_nice_size"]()
        self.is_leaf = not folder or ctx["name"].endswith(".." + ctx["sep"])
        self.controller.fbind("selection", self._selected)
        self._selected()

    def _selected(self, *_args: object) -> None:
        self.is_selected = self.path in self.controller.selection

    def on_touch_down(self, touch: Any) -> bool:
        if self.collide_point(*touch.pos):
            self.controller.entry_touched(self, touch)
        return bool(super().on_touch_down(touch))

    def on_touch_up(self, touch: Any) -> bool:
        if self.collide_point(*touch.pos):
            self.controller.entry_released(self, touch)
        return bool(super().on_touch_up(touch))


class KedutFileChooser(FileChooserListView):
    """Kivy's list file chooser, its entries in Kedut's theme."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        # A folder opens at its top (Kivy keeps the last folder's scroll position).
        self.fbind("files", lambda *_a: Clock.schedule_once(self._to_top, 0))

    def _to_top(self, *_args: object) -> None:
        if self.layout is not None:
            self.layout.ids.scrollview.scroll_y = 1

    def _create_entry_widget(self, ctx: dict[str, Any]) -> FileEntry:
        return FileEntry(ctx)


class ImportChoose(BoxLayout):
    intro_text = StringProperty("")
    start_folder = StringProperty(str(Path.home()))
    path_hint = StringProperty("")
    preview_text = StringProperty("")
    error_text = StringProperty("")
    """Why the file picked cannot be imported; nothing was stored."""

    __events__ = ("on_preview",)

    def on_preview(self) -> None:
        pass

    def picked(self, selection: Sequence[str]) -> None:
        """A tap on a file or folder in the chooser puts it in the path field."""
        if selection:
            self.ids.path_input.text = selection[0]
            self.error_text = ""
            self.show_path_end()

    def show_path_end(self, *_args: object) -> None:
        """The end of the path (the file's name) in view, even after a longer one."""
        field = self.ids.path_input
        field.scroll_x = 0
        field.cursor = (len(field.text), 0)

    def chosen_path(self) -> str:
        return str(self.ids.path_input.text).strip()


class ImportProgress(BoxLayout):
    what_text = StringProperty("")
    count_text = StringProperty("")
    cancel_text = StringProperty("")
    percent = NumericProperty(0)
    """How much of the file is read, 0–100."""

    __events__ = ("on_cancel",)

    def on_cancel(self) -> None:
        pass


class NameChoice(BoxLayout):
    """One of a diary app's own names and what it becomes in Kedut (a drop-down)."""

    name_text = StringProperty("")
    detail_text = StringProperty("")
    choice_text = StringProperty("")
    choice_texts = ListProperty([])

    def __init__(self, row: NameRow, on_choose: Callable[[str, str], None], **kwargs: object):
        self._choices = {text: choice for choice, text in row.choices}
        self._on_choose, self._current = on_choose, row.choice
        super().__init__(**kwargs)
        self.name_text, self.detail_text = row.name, row.detail
        self.choice_texts = [text for _choice, text in row.choices]
        self.choice_text = dict(row.choices)[row.choice]

    def chosen(self, text: str) -> None:
        choice = self._choices.get(text)
        if choice is not None and choice != self._current:
            self._current = choice
            self._on_choose(self.name_text, choice)


class ImportPreview(ScrollView):
    heading_text = StringProperty("")
    counts_text = StringProperty("")
    lines_text = StringProperty("")
    """What was read and left out, and how the file was read."""
    names_title = StringProperty("")
    names_intro = StringProperty("")
    conflict_title = StringProperty("")
    error_text = StringProperty("")
    import_text = StringProperty("")
    again_text = StringProperty("")
    nothing_to_import = BooleanProperty(False)
    """The preview adds and changes nothing: Import is greyed out."""

    __events__ = ("on_confirm", "on_back")

    def on_confirm(self) -> None:
        pass

    def on_back(self) -> None:
        pass
