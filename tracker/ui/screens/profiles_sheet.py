"""Whose diary: switch to another person's diary, add one, rename or delete the open
one (delete asks, and backs the whole diary up first; undo brings it back)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kivy.app import App
from kivy.core.window import Window
from kivy.lang import Builder
from kivy.metrics import dp
from kivy.properties import ObjectProperty, StringProperty
from kivy.uix.modalview import ModalView

from tracker.domain import ValidationError
from tracker.i18n import current_language
from tracker.i18n import gettext as _
from tracker.ui.presenters.profiles import delete_question, deleted_text, name_refusal
from tracker.ui.widgets.controls import Chip
from tracker.ui.widgets.dialogs import ask
from tracker.ui.widgets.leaving import leave_then

Builder.load_file(str(Path(__file__).with_suffix(".kv")))


class ProfileSheet(ModalView):
    diary = ObjectProperty(None)
    title_text = StringProperty("")
    add_title = StringProperty("")
    rename_title = StringProperty("")
    name_hint = StringProperty("")
    add_text = StringProperty("")
    rename_text = StringProperty("")
    delete_text = StringProperty("")
    close_text = StringProperty("")
    error_text = StringProperty("")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            size_hint=(None, None),
            background="",
            background_color=(1, 1, 1, 1),
            overlay_color=(0, 0, 0, 0.45),
            **kwargs,
        )
        self.width = min(Window.width - dp(16), dp(560))
        self.height = min(Window.height - dp(32), dp(560))
        self.refresh()

    def refresh(self) -> None:
        name = self.diary.profile.name
        self.title_text = _("Whose diary?")
        self.add_title, self.name_hint = _("Add a person"), _("Name")
        self.rename_title = _("Rename {name}").format(name=name)
        self.add_text, self.rename_text = _("Add"), _("Rename")
        self.delete_text = _("Delete {name}'s diary…").format(name=name)
        self.close_text = _("Close")
        row = self.ids.profiles
        row.clear_widgets()
        for profile in self.diary.profiles():
            chip = Chip(text=profile.name, value=str(profile.id), group=f"who-{id(self)}")
            chip.allow_no_selection = False
            chip.state = "down" if profile.id == self.diary.profile_id else "normal"
            chip.bind(on_release=lambda _c, p=profile: self.switch(p))
            row.add_widget(chip)

    def switch(self, profile: Any) -> None:
        app = App.get_running_app()
        self.dismiss()
        if profile.id != self.diary.profile_id:
            screen = app.root.manager.current_screen
            leave_then(screen, lambda: app.switch_profile(profile))

    def add(self) -> None:
        try:
            profile = self.diary.add_profile(self.ids.new_name.text, current_language())
        except ValidationError as error:
            self.error_text = name_refusal(error)
            return
        self.switch(profile)

    def rename(self) -> None:
        try:
            self.diary.rename_profile(self.ids.rename_to.text)
        except ValidationError as error:
            self.error_text = name_refusal(error)
            return
        self.ids.rename_to.text = ""
        self.error_text = ""
        App.get_running_app().refresh_screens()
        self.refresh()

    def delete(self) -> None:
        profile = self.diary.profile
        if len(self.diary.profiles()) == 1:
            self.error_text = _("Add another person first: one diary always stays.")
            return
        title, text = delete_question(profile.name)
        ask(title, text, [(_("Delete"), lambda: self._delete(profile)), (_("Cancel"), None)])

    def _delete(self, profile: Any) -> None:
        app = App.get_running_app()
        screen = app.root.manager.current_screen

        def go() -> None:
            self.diary.delete_profile(profile.id)
            self.dismiss()

            def undo() -> None:
                app.switch_profile(self.diary.undelete_profile(profile.id))

            # Switching withdraws an undo offered in the last diary: this one is
            # offered after, as it acts on the household, not on a diary.
            app.switch_profile(self.diary.profile)
            app.offer_undo(deleted_text(profile.name), undo)

        leave_then(screen, go)
