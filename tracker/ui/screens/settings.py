"""Settings: profiles (a parent may track a child), language at runtime, water target,
reminder time, warning thresholds within safe bounds, the data folder, backup and restore.
Unsaved settings are asked about before they could be lost; a restore asks first."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from kivy.app import App
from kivy.clock import mainthread
from kivy.lang import Builder
from kivy.logger import Logger
from kivy.properties import BooleanProperty, ObjectProperty, StringProperty
from kivy.uix.screenmanager import Screen

from tracker.domain import Profile, ValidationError
from tracker.formats.csv_files import FileFormatError
from tracker.i18n import current_language
from tracker.i18n import gettext as _
from tracker.services.maintenance import StoreError
from tracker.ui.presenters.profiles import name_refusal
from tracker.ui.presenters.safety import (
    import_failed,
    import_question,
    restore_question,
    restored_text,
)
from tracker.ui.screens.settings_form import PreferencesForm
from tracker.ui.screens.sync_section import SyncSection  # noqa: F401  (used by settings.kv)
from tracker.ui.widgets.controls import Chip
from tracker.ui.widgets.dialogs import ask
from tracker.ui.widgets.leaving import leave_then

Builder.load_file(str(Path(__file__).with_suffix(".kv")))


class SettingsScreen(PreferencesForm, Screen):
    diary = ObjectProperty(None)
    """The DiaryService (injected)."""
    title_text = StringProperty("")
    profiles_title = StringProperty("")
    name_hint = StringProperty("")
    add_text = StringProperty("")
    rename_text = StringProperty("")
    language_title = StringProperty("")
    preferences_title = StringProperty("")
    save_text = StringProperty("")
    error_text = StringProperty("")
    """A refused profile name (preferences are refused under each field)."""
    status_text = StringProperty("")
    """"Saved." and the like: not an error, and gone once editing resumes."""
    data_title = StringProperty("")
    data_text = StringProperty("")
    restore_hint = StringProperty("")
    restore_text = StringProperty("")
    backup_text = StringProperty("")
    check_text = StringProperty("")
    import_text = StringProperty("")
    data_result_text = StringProperty("")
    """What the last backup, check or restore did."""
    busy = BooleanProperty(False)
    """A restore is running (its buttons wait)."""

    def on_pre_enter(self, *_args: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.title_text, self.profiles_title = _("Settings"), _("Whose diary")
        self.name_hint, self.add_text, self.rename_text = _("Name"), _("Add"), _("Rename")
        self.language_title, self.preferences_title = (
            _("Language"),
            _("Reminder, water and warnings"),
        )
        self.save_text, self.data_title = _("Save settings"), _("Your data")
        self.restore_hint, self.restore_text = (
            _("Backup to restore (.sqlite3 or .json)"),
            _("Restore"),
        )
        self.backup_text, self.check_text = _("Back up now"), _("Check the diary")
        self.import_text = _("Import from another app")
        self._where_stored()
        sync = getattr(App.get_running_app(), "sync", None)
        if sync is not None and self._where_stored not in sync.listeners:
            sync.listeners.append(self._where_stored)  # a first sync from here changes it
        self._profiles()
        self._languages()
        self._numbers()
        self.ids.sync_section.refresh()

    def _where_stored(self, *_outcome: object) -> None:
        self.data_text = (
            _(
                "Stored on this device, in {folder}, and shared with your other devices "
                "through your household's server. Backups: Show a doctor → Backup (JSON)."
            )
            if self.diary.sync_status().state.server_url
            else _(
                "Stored only on this device, in {folder}. Backups: Show a doctor → Backup (JSON)."
            )
        ).format(folder=self.diary.store.data_dir)

    def _profiles(self) -> None:
        row = self.ids.profiles
        row.clear_widgets()
        for profile in self.diary.profiles():
            chip = Chip(
                text=profile.name,
                value=str(profile.id),
                group="settings-profile",
                allow_no_selection=False,
            )
            chip.state = "down" if profile.id == self.diary.profile_id else "normal"
            chip.bind(on_release=lambda c, p=profile: self._switch_profile(p))
            row.add_widget(chip)

    def _switch_profile(self, profile: Profile) -> None:
        if profile.id != self.diary.profile_id:
            leave_then(self, lambda: App.get_running_app().switch_profile(profile))
        _mark(self.ids.profiles, str(self.diary.profile_id))  # until the person answers

    def _languages(self) -> None:
        row = self.ids.languages
        row.clear_widgets()
        for value, text in (("en", "English"), ("id", "Bahasa Indonesia")):
            chip = Chip(text=text, value=value, group="settings-language", allow_no_selection=False)
            chip.state = "down" if value == current_language() else "normal"
            chip.bind(on_release=lambda c: self._switch_language(c.value))
            row.add_widget(chip)

    def _switch_language(self, language: str) -> None:
        if language != current_language():
            leave_then(self, lambda: App.get_running_app().switch_language(language))
        _mark(self.ids.languages, current_language())

    def add_profile(self) -> None:
        leave_then(self, self._add_profile)

    def _add_profile(self) -> None:
        try:
            profile = self.diary.add_profile(self.ids.new_name.text, current_language())
        except ValidationError as error:
            self.error_text = name_refusal(error)
            return
        self.ids.new_name.text = ""
        App.get_running_app().switch_profile(profile)

    def rename_profile(self) -> None:
        try:
            self.diary.rename_profile(self.ids.new_name.text)
        except ValidationError as error:
            self.error_text = name_refusal(error)
            return
        self.ids.new_name.text = ""
        self._profiles()  # the settings typed below stay as they are
        App.get_running_app().root.profile_bar.name = self.diary.profile.name

    def backup_now(self) -> None:
        try:
            saved = self.diary.backup_now()
        except (OSError, StoreError) as error:
            self.data_result_text = str(error)
            return
        self.data_result_text = _("Saved to {path}").format(path=saved)

    def check(self) -> None:
        health = self.diary.check()
        if health.ok:
            self.data_result_text = _(
                "The diary is healthy: integrity ok, schema {revision}."
            ).format(revision=health.revision)
        else:
            self.data_result_text = _(
                "Problems found: {integrity}; {n} foreign key problems."
            ).format(integrity=health.integrity, n=health.foreign_key_problems)

    def restore(self) -> None:
        """Ask first: a store backup replaces the whole diary (a copy of it is kept); a
        JSON backup adds what is not here yet."""
        path = Path(self.ids.restore_path.text.strip()).expanduser()
        if not path.is_file():
            self.data_result_text = str(
                ValidationError(_("file"), str(path), _("an existing backup file"))
            )
            return
        if path.suffix.lower() == ".sqlite3":
            made = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).astimezone().date()
            names = [profile.name for profile in self.diary.profiles()]
            question = restore_question(path, made, names, self.diary.store.data_dir)
            answers = [(_("Replace the diary"), lambda: self._restore_store(path))]
            ask(_("Replace the whole diary?"), question, [*answers, (_("Cancel"), None)])
        else:
            answers = [(_("Add them"), lambda: self._import(path))]
            ask(_("Add these entries?"), import_question(path), [*answers, (_("Cancel"), None)])

    def _restore_store(self, path: Path) -> None:
        try:
            kept = self.diary.restore_store(path)
        except StoreError as error:
            self.data_result_text = str(error)
            return
        except OSError as error:
            self.data_result_text = import_failed(path, error)
            return
        App.get_running_app().refresh_screens()
        self.data_result_text = restored_text(path, kept)

    def _import(self, path: Path) -> None:
        """Off the UI thread: a big file takes a few seconds."""
        self.busy, self.data_result_text = True, _("Working…")
        threading.Thread(target=self._import_work, args=(path,), daemon=True).start()

    def _import_work(self, path: Path) -> None:
        try:
            summary = self.diary.import_path(path)
        except Exception as error:
            if not isinstance(error, FileFormatError):
                Logger.exception(f"Kedut: {path} could not be imported")
            self._imported(import_failed(path, error))
            return
        added = sum(summary.added.values())
        self._imported(
            _("Restored: {n} entries added, the rest were already here.").format(n=added)
        )

    @mainthread
    def _imported(self, message: str) -> None:
        self.busy, self.data_result_text = False, message
        self._profiles()  # a backup may bring a profile


def _mark(row: object, value: str) -> None:
    for chip in row.children:  # type: ignore[attr-defined]
        chip.state = "down" if chip.value == value else "normal"
