"""The Kivy application: fonts and theme, the screens over one DiaryService, language
switching at runtime, undo, and the keyboard shortcuts."""

from __future__ import annotations

import dataclasses
import importlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kivy.app import App
from kivy.base import ExceptionHandler, ExceptionManager
from kivy.core.text import LabelBase
from kivy.core.window import Window
from kivy.lang import Builder, global_idmap
from kivy.logger import Logger
from kivy.uix.screenmanager import Screen

from tracker.domain import Episode, Profile
from tracker.i18n import gettext, set_language
from tracker.services.diary_service import DiaryService
from tracker.services.maintenance import StoreError, daily_backup
from tracker.ui.assets import font_path, icon_path

LabelBase.register(
    "Kedut",
    str(font_path("DejaVuSans.ttf")),
    fn_bold=str(font_path("DejaVuSans-Bold.ttf")),
)
# Every text in a .kv file goes through the catalogues: `_("Log twitch")`.
global_idmap["_"] = gettext
Builder.load_file(str(Path(__file__).with_name("theme.kv")))
Builder.load_file(str(Path(__file__).parent / "widgets" / "nav.kv"))

# Screens need the theme loaded first.
from tracker.ui.presenters.safety import not_saved_reason  # noqa: E402
from tracker.ui.root import RootLayout  # noqa: E402
from tracker.ui.widgets.frames import after_next_frame  # noqa: E402

WINDOW_BACKGROUND = (0.965, 0.973, 0.976, 1)
# (module, class) of each screen: imported, with its .kv, when it is first shown.
SCREENS = {
    "today": ("today", "TodayScreen"),
    "day": ("day", "DayScreen"),
    "medicines": ("medicines", "MedicinesScreen"),
    "history": ("history", "HistoryScreen"),
    "insights": ("insights", "InsightsScreen"),
    "report": ("report", "ReportScreen"),
    "settings": ("settings", "SettingsScreen"),
    "about": ("about", "AboutScreen"),
    "more": ("about", "MoreScreen"),
    "import": ("import_data", "ImportScreen"),
}


class _NotSaved(ExceptionHandler):
    """A change the diary refused (busy past its wait, disk full, damaged) or made for a
    profile deleted meanwhile: nothing was stored (its transaction rolled back), so the
    person is told in words and the app goes on. Anything else is a bug, and raised."""

    def handle_exception(self, inst: BaseException) -> int:
        reason = not_saved_reason(inst)
        if reason is None:
            return int(ExceptionManager.RAISE)
        Logger.warning(f"Kedut: a change was not stored: {inst!r}")
        from tracker.ui.widgets.dialogs import show_message

        show_message(
            gettext("Not saved"), gettext("Nothing was stored: {reason}.").format(reason=reason)
        )
        return int(ExceptionManager.PASS)


class KedutApp(App):
    root: Any
    title = "Kedut"
    icon = str(icon_path())

    def __init__(
        self,
        diary: DiaryService | None,
        export_dir: Path | None = None,
        start_diary: Callable[[str, str, bool], DiaryService] | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)
        self.diary: DiaryService = diary  # type: ignore[assignment]  # None until the first start ends
        """The DiaryService every screen works through."""
        self._export_dir = export_dir
        self.start_diary = start_diary
        """For a store without a profile: (name, language, with demo) makes the person's
        profile and opens its diary; the welcome view is shown until then."""

    def build(self) -> Any:
        self._not_saved = _NotSaved()
        ExceptionManager.add_handler(self._not_saved)
        Window.clearcolor = WINDOW_BACKGROUND
        Window.title = self.title  # the window manager's name for it, not "python3.11"
        Window.bind(on_key_down=self._on_key_down, on_request_close=self._on_request_close)
        if self.diary is None:
            from tracker.ui.screens.welcome import WelcomeView

            return WelcomeView(make_diary=self.start_diary, done=self._welcomed)
        return self._main_root()

    def _welcomed(self, diary: DiaryService, side: str) -> None:
        """The first start made the person's profile: open their diary."""
        self.diary = diary
        self.diary.first_side = side
        set_language(diary.settings.language)
        Window.remove_widget(self.root)
        self.root = self._main_root()
        Window.add_widget(self.root)
        self.on_start()

    def _main_root(self) -> RootLayout:
        root = RootLayout({name: self._factory(name) for name in SCREENS})
        root.profile_bar.name = self.diary.profile.name
        root.profile_bar.bind(on_switch=lambda *_a: self.open_profiles())
        return root

    def _factory(self, name: str) -> Callable[[], Screen]:
        def make() -> Screen:
            module_name, class_name = SCREENS[name]
            module = importlib.import_module(f"tracker.ui.screens.{module_name}")
            return getattr(module, class_name)(name=name, diary=self.diary)

        return make

    def on_start(self) -> None:
        if self.diary is None:
            return  # the first start asks first; it calls this again when done
        # Today has read the diary already: it did on entering, as the first screen.
        # Reminders, the daily backup and the background sync start (and load) once it
        # is on screen: the first frame does not wait for them (start-up budget).
        after_next_frame(self._after_first_frame)

    def _after_first_frame(self) -> None:
        from tracker.ui.reminders import Reminders
        from tracker.ui.sync_glue import AppSync

        self.reminders = Reminders(lambda: self.diary, self.icon, self._reminder_due)
        self.reminders.start()
        threading.Thread(target=self._daily_backup, daemon=True).start()
        # Sync with the household's server in the background (issue 12).
        self.sync = AppSync(self)
        self.sync.start()

    def _reminder_due(self) -> None:
        if self.root.manager.current == "today":
            self.root.screen("today").refresh()

    def on_stop(self) -> None:
        if getattr(self, "_not_saved", None) is not None:
            ExceptionManager.remove_handler(self._not_saved)
        if getattr(self, "reminders", None) is not None:
            self.reminders.stop()
        Window.unbind(on_key_down=self._on_key_down, on_request_close=self._on_request_close)
        if getattr(self, "sync", None) is not None:
            self.sync.stop()

    def _on_request_close(self, *_args: object, **_kwargs: object) -> bool:
        """Closing the window (or Escape) with unsaved changes asks first (True: stay)."""
        from tracker.ui.widgets.leaving import leave_then, unsaved_question

        if self.diary is None:
            return False
        sheets = [w for w in Window.children if hasattr(w, "unsaved_question")]
        holder = sheets[0] if sheets else self.root.manager.current_screen
        if not unsaved_question(holder):
            return False
        leave_then(holder, self.stop)
        return True

    def _daily_backup(self) -> None:
        """Once a day, a consistent copy of the store (off the UI thread)."""
        try:
            daily_backup(self.diary.store.data_dir, self.diary.today())
        except (OSError, StoreError) as error:
            Logger.warning(f"Kedut: today's automatic backup failed: {error}")

    # Navigation, undo, language and profile

    def go(self, name: str) -> None:
        self.root.show(name)

    def offer_undo(self, message: str, action: Callable[[], None]) -> None:
        self.root.undo_bar.offer(message, action)

    def delete_with_undo(self, episode: Episode) -> None:
        episode_id = episode.id
        assert episode_id is not None
        self.diary.delete_episode(episode_id)

        def restore() -> None:
            self.diary.undo_delete(episode_id)
            self.refresh_screens()

        self.offer_undo(gettext("Twitch deleted"), restore)
        self.refresh_screens()

    def switch_language(self, language: str) -> None:
        set_language(language)
        self.diary.save_settings(dataclasses.replace(self.diary.settings, language=language))
        self.refresh_screens()

    def switch_profile(self, profile: Profile) -> None:
        # An undo offered in the last profile's diary would act on it from this one.
        self.root.undo_bar.withdraw()
        self.diary.switch_to(profile)
        set_language(self.diary.settings.language)
        self.refresh_screens()

    def open_profiles(self) -> None:
        from tracker.ui.screens.profiles_sheet import ProfileSheet

        ProfileSheet(diary=self.diary).open()

    def refresh_screens(self) -> None:
        self.root.profile_bar.name = self.diary.profile.name
        self.root.refresh_nav()
        self.root.manager.current_screen.refresh()

    # Keyboard shortcuts (DESIGN.md "App conventions")

    def _on_key_down(
        self, _window: object, key: int, _scancode: int, text: str | None, modifiers: list[str]
    ) -> bool:
        if self.diary is None or self._typing() or self._asking():
            return False
        ctrl = "ctrl" in modifiers or "meta" in modifiers
        if ctrl and text == "z":
            return bool(self.root.undo_bar.undo())
        if ctrl and text == "e":
            self.go("report")
            return True
        if modifiers:
            return False
        if text == "t":
            self.root.screen("today").log_twitch()  # the twitch is now, whatever is asked
            self.go("today")
            return True
        if text == "d":
            day = self.root.screen("day")
            if self.root.manager.current == "day":
                day.show_today()  # asks first about unsaved changes
            else:
                day.day = None
                self.go("day")
            return True
        if key in (276, 275) and self.root.manager.current == "day":  # ← →
            self.root.screen("day").move(-1 if key == 276 else 1)
            return True
        return False

    @property
    def export_dir(self) -> Path:
        """Where reports, charts and exports are saved: given, or the person's Documents
        folder, found on the first export (platformdirs is not loaded at start)."""
        if self._export_dir is None:
            self._export_dir = default_export_dir()
        return self._export_dir

    @export_dir.setter
    def export_dir(self, folder: Path) -> None:
        self._export_dir = folder

    @staticmethod
    def _asking() -> bool:
        """A sheet or a question is open: the keys belong to it."""
        from kivy.uix.modalview import ModalView

        return any(isinstance(w, ModalView) for w in Window.children)

    @staticmethod
    def _typing() -> bool:
        """Shortcuts must not steal letters from a text field."""
        from kivy.uix.textinput import TextInput

        return any(
            isinstance(w, TextInput) and w.focus for top in Window.children for w in top.walk()
        )


def default_export_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "Kedut"


__all__ = ["KedutApp", "default_export_dir"]
