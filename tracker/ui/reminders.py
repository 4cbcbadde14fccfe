"""The daily reminder while the app runs: at the reminder time, with nothing logged
that day, a system notification (plyer) once, and Today's banner as before. Where the
system has no notifier (no D-Bus, no notify-send), only the banner shows: nothing fails
and nothing is printed."""

from __future__ import annotations

import datetime as dt
import importlib
import warnings
from collections.abc import Callable
from typing import Any

from kivy.clock import Clock
from kivy.logger import Logger

from tracker.ui.presenters.banners import reminder_banner

CHECK_EVERY_S = 30


def notify(title: str, message: str, icon: str) -> bool:
    """A system notification; False (quietly) where this system cannot show one."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # plyer warns when D-Bus or notify-send is missing
            # A fresh notifier each time (plyer's proxy keeps the first one it found).
            from plyer.utils import platform

            module = importlib.import_module(f"plyer.platforms.{platform}.notification")
            module.instance().notify(
                title=title, message=message, app_name="Kedut", app_icon=icon, timeout=10
            )
    except Exception as error:  # no notifier here: the in-app banner is enough
        Logger.info(f"Kedut: no system notification ({type(error).__name__}: {error})")
        return False
    return True


class Reminders:
    """Checks every half minute; sends the day's notification once."""

    def __init__(self, diary: Callable[[], Any], icon: str, on_due: Callable[[], None]) -> None:
        self.diary = diary
        """The open DiaryService (it changes when the person switches profile)."""
        self.icon = icon
        self.on_due = on_due
        """Runs when the reminder becomes due (Today shows its banner)."""
        self.sent: set[tuple[int, dt.date]] = set()
        """(profile id, day) already reminded."""
        self.event: Any = None

    def start(self) -> None:
        self.event = Clock.schedule_interval(lambda _dt: self.check(), CHECK_EVERY_S)

    def stop(self) -> None:
        if self.event is not None:
            self.event.cancel()

    def check(self) -> bool:
        """Send the notification if it is due now; True when it was sent or shown."""
        diary = self.diary()
        now = diary.now()
        key = (diary.profile_id, now.date())
        if key in self.sent or diary.settings.reminder_time is None:
            return False
        if now.time() < diary.settings.reminder_time:
            return False
        logged = bool(diary.episodes_on(now.date())) or not diary.day_log(now.date()).is_empty()
        banner = reminder_banner(now, diary.settings.reminder_time, logged)
        if banner is None:
            return False
        self.sent.add(key)
        notify(banner.title, banner.text, self.icon)
        self.on_due()
        return True
