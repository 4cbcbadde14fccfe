"""The recovery window: shown instead of the app when the store is damaged or cannot be
opened. It explains, and offers to restore the latest backup (after checking it)."""

from __future__ import annotations

from pathlib import Path

from kivy.app import App
from kivy.core.window import Window
from kivy.metrics import dp
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.widget import Widget

import tracker.ui.kedut_app  # noqa: F401 - registers the font and loads the theme
from tracker.i18n import gettext as _
from tracker.services.clock import system_now
from tracker.services.maintenance import StoreError, latest_backup, restore_backup
from tracker.ui.widgets.controls import FlatButton, PrimaryButton, wrapped_label


class RecoveryApp(App):
    title = "Kedut"

    def __init__(self, data_dir: Path, problem: str, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.data_dir = data_dir
        self.problem = problem
        self.backup = latest_backup(data_dir)
        self.restored = False

    def build(self) -> BoxLayout:
        Window.clearcolor = (0.965, 0.973, 0.976, 1)
        root = BoxLayout(orientation="vertical", padding=dp(24), spacing=dp(14))
        root.add_widget(wrapped_label(_("Kedut cannot open your diary"), "22sp", bold=True))
        root.add_widget(wrapped_label(self.problem, "14sp"))
        root.add_widget(
            wrapped_label(_("Nothing was changed: the diary file was left as it is."), "15sp")
        )
        self.status = wrapped_label("", "15sp", bold=True)
        if self.backup is not None:
            root.add_widget(
                wrapped_label(
                    _("The latest backup is {file}.").format(file=self.backup.name), "15sp"
                )
            )
            self.restore_button = PrimaryButton(text=_("Restore the latest backup"))
            self.restore_button.bind(on_release=lambda *_a: self.restore_latest())
            root.add_widget(self.restore_button)
        else:
            root.add_widget(
                wrapped_label(_("There is no backup yet. Keep the file and ask for help."), "15sp")
            )
        root.add_widget(self.status)
        quit_button = FlatButton(text=_("Close"))
        quit_button.bind(on_release=lambda *_a: self.stop())
        root.add_widget(quit_button)
        root.add_widget(Widget())
        return root

    def restore_latest(self) -> None:
        assert self.backup is not None
        try:
            aside = restore_backup(self.data_dir, self.backup, system_now())
        except StoreError as error:
            self.status.text = str(error)
            return
        self.restored = True
        self.restore_button.disabled = True
        self.status.text = _(
            "Restored. The damaged file is kept as {file}. Start Kedut again."
        ).format(file=aside.name)
