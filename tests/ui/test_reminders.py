"""The daily reminder while the app runs: at the reminder time with nothing logged, a
system notification once (through plyer: here the desktop's notify-send), and Today's
banner; where the system has no notifier, the banner alone, quietly."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

import pytest

from tests.ui.harness import PHONE, TABLET, pump, running_app, save_screenshot, wait_until
from tracker.i18n import set_language

LATE = dt.datetime(2026, 11, 25, 21, 5, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _notify_send(folder: Path) -> Path:
    """A notify-send that writes what it was asked to show (a desktop's own is a
    program too; this one has no screen to show it on)."""
    folder.mkdir()
    shown = folder / "shown.txt"
    script = folder / "notify-send"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" >> "{shown}"\n', encoding="utf-8")
    script.chmod(0o755)
    return shown


@pytest.mark.parametrize(("size", "language"), [(PHONE, "en"), (TABLET, "id")])
def test_reminder_notifies_once_and_shows_the_banner(
    tmp_path: Path,
    screenshot_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
    language: str,
) -> None:
    shape = "phone" if size == PHONE else "tablet"
    shown = _notify_send(tmp_path / "bin")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    with running_app(tmp_path / "data", size, start=LATE) as (app, _store):
        app.switch_language(language)
        app.diary.save_settings(
            dataclasses.replace(app.diary.settings, reminder_time=dt.time(21, 0))
        )
        assert app.reminders.check() is True
        assert app.reminders.check() is False  # once a day
        lines = shown.read_text(encoding="utf-8").splitlines()
        title = "Nothing logged today yet" if language == "en" else "Belum ada catatan hari ini"
        assert lines[0] == title
        assert "-a" in lines and lines[lines.index("-a") + 1] == "Kedut"
        today = app.root.screen("today")
        wait_until(lambda: any(b.title == title for b in today.ids.banners.children))
        pump(3)
        save_screenshot(screenshot_dir / f"reminder-banner-{shape}-{language}")
        app.switch_language("en")
    set_language("en")


def test_without_a_notifier_the_banner_shows_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with running_app(tmp_path / "data", PHONE, start=LATE) as (app, _store):
        app.diary.save_settings(
            dataclasses.replace(app.diary.settings, reminder_time=dt.time(21, 0))
        )
        assert app.reminders.check() is True
        today = app.root.screen("today")
        wait_until(
            lambda: any(b.title == "Nothing logged today yet" for b in today.ids.banners.children)
        )
    captured = capfd.readouterr()
    assert "notify-send" not in captured.err and "Traceback" not in captured.err
