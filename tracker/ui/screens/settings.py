"""Settings: profiles (a parent may track a child), language at runtime, water target,
reminder time, warning thresholds within safe bounds, the data folder, backup and restore."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from kivy.app import App
from kivy.lang import Builder
from kivy.properties import ObjectProperty, StringProperty
from kivy.uix.label import Label
from kivy.uix.screenmanager import Screen
from kivy.uix.textinput import TextInput

from tracker.domain import ValidationError
from tracker.formats.csv_files import FileFormatError
from tracker.i18n import current_language
from tracker.i18n import gettext as _
from tracker.storage import StoreError
from tracker.ui.widgets.controls import Chip

Builder.load_file(str(Path(__file__).with_suffix(".kv")))

NUMBER_SETTINGS = ("water_target_ml", "recurring_days", "persist_span_days", "reset_free_days")


class SettingsScreen(Screen):
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
    data_title = StringProperty("")
    data_text = StringProperty("")
    restore_hint = StringProperty("")
    restore_text = StringProperty("")
    backup_text = StringProperty("")
    check_text = StringProperty("")

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
        self.data_text = _(
            "Stored only on this device, in {folder}. Backups: Show a doctor → Backup (JSON)."
        ).format(folder=self.diary.store.data_dir)
        self._profiles()
        self._languages()
        self._numbers()

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
            chip.bind(on_release=lambda c, p=profile: App.get_running_app().switch_profile(p))
            row.add_widget(chip)

    def _languages(self) -> None:
        row = self.ids.languages
        row.clear_widgets()
        for value, text in (("en", "English"), ("id", "Bahasa Indonesia")):
            chip = Chip(text=text, value=value, group="settings-language", allow_no_selection=False)
            chip.state = "down" if value == current_language() else "normal"
            chip.bind(on_release=lambda c: App.get_running_app().switch_language(c.value))
            row.add_widget(chip)

    def _numbers(self) -> None:
        grid = self.ids.numbers
        grid.clear_widgets()
        settings = self.diary.settings
        labels = {
            "reminder_time": _("Daily reminder (HH:MM, empty for none)"),
            "water_target_ml": _("Water target (ml, 500–6000)"),
            "recurring_days": _("Warn when twitching on this many of 7 days (2–7)"),
            "persist_span_days": _("See a doctor after twitching lasts (days, 7–60)"),
            "reset_free_days": _("Twitch-free days that end a run (3–14)"),
        }
        self.inputs: dict[str, TextInput] = {}
        for name, label in labels.items():
            value = getattr(settings, name)
            text = (
                ""
                if value is None
                else value.strftime("%H:%M")
                if isinstance(value, dt.time)
                else str(value)
            )
            caption = Label(
                text=label,
                color=(0.106, 0.145, 0.165, 1),
                font_size="14sp",
                halign="left",
                valign="middle",
            )
            caption.bind(size=lambda w, s: setattr(w, "text_size", s))
            grid.add_widget(caption)
            self.inputs[name] = TextInput(text=text, multiline=False)
            grid.add_widget(self.inputs[name])

    def save(self) -> None:
        try:
            reminder = self.inputs["reminder_time"].text.strip()
            try:
                reminder_time = dt.time.fromisoformat(reminder) if reminder else None
            except ValueError:
                raise ValidationError("reminder_time", reminder, "HH:MM") from None
            numbers: dict[str, int | None] = {}
            for name in NUMBER_SETTINGS:
                text = self.inputs[name].text.strip()
                if not text and name == "water_target_ml":
                    numbers[name] = None
                    continue
                if not text.isdigit():
                    raise ValidationError(name, text, _("a whole number"))
                numbers[name] = int(text)
            settings = dataclasses.replace(
                self.diary.settings, reminder_time=reminder_time, **numbers
            )
        except ValidationError as error:
            self.error_text = str(error)
            return
        self.diary.save_settings(settings)
        self.error_text = _("Saved.")

    def add_profile(self) -> None:
        try:
            profile = self.diary.create_profile(self.ids.new_name.text)
        except ValidationError as error:
            self.error_text = str(error)
            return
        self.ids.new_name.text = ""
        App.get_running_app().switch_profile(profile)

    def rename_profile(self) -> None:
        try:
            self.diary.rename_profile(self.ids.new_name.text)
        except ValidationError as error:
            self.error_text = str(error)
            return
        self.ids.new_name.text = ""
        self.refresh()

    def backup_now(self) -> None:
        try:
            saved = self.diary.backup_now()
        except (OSError, StoreError) as error:
            self.error_text = str(error)
            return
        self.error_text = _("Saved to {path}").format(path=saved)

    def check(self) -> None:
        health = self.diary.check()
        if health.ok:
            self.error_text = _("The diary is healthy: integrity ok, schema {revision}.").format(
                revision=health.revision
            )
        else:
            self.error_text = _("Problems found: {integrity}; {n} foreign key problems.").format(
                integrity=health.integrity, n=health.foreign_key_problems
            )

    def restore(self) -> None:
        path = Path(self.ids.restore_path.text.strip()).expanduser()
        if not path.is_file():
            self.error_text = str(
                ValidationError(_("file"), str(path), _("an existing backup file"))
            )
            return
        if path.suffix.lower() == ".sqlite3":
            try:
                self.diary.restore_store(path)
            except StoreError as error:
                self.error_text = str(error)
                return
            App.get_running_app().refresh_screens()
            self.error_text = _("Restored from {path}.").format(path=path)
            return
        try:
            summary = self.diary.import_path(path)
        except (FileFormatError, ValidationError) as error:
            self.error_text = _("{error}; nothing was stored").format(error=error)
            return
        added = sum(summary.added.values())
        self.error_text = _("Restored: {n} entries added, the rest were already here.").format(
            n=added
        )
