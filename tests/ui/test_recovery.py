"""A damaged store opens the recovery window, which restores the latest backup."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from kivy.app import App
from kivy.base import EventLoop
from kivy.core.window import Window

from tests.integration.kedut_cli import PROJECT
from tests.ui.harness import PHONE, pump, save_screenshot, tap
from tracker.storage import StoreError, open_store
from tracker.storage.backups import copy_store
from tracker.ui.recovery import RecoveryApp


def test_the_recovery_window_restores_the_latest_backup(
    tmp_path: Path, screenshot_dir: Path
) -> None:
    subprocess.run(
        [sys.executable, str(PROJECT / "main.py"), "--data-dir", str(tmp_path), "log", "twitch"],
        check=True,
        capture_output=True,
    )
    copy_store(tmp_path / "kedut.sqlite3", tmp_path / "backups" / "kedut-2026-11-24.sqlite3")
    with (tmp_path / "kedut.sqlite3").open("r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xde\xad" * 2000)
    try:
        open_store(tmp_path)
        raise AssertionError("a damaged store must be refused")
    except StoreError as error:
        problem = str(error)
    app = RecoveryApp(data_dir=tmp_path, problem=problem)
    EventLoop.ensure_window()
    Window.size = PHONE
    app._run_prepare()
    pump(20)
    try:
        save_screenshot(screenshot_dir / "recovery-phone-en")
        tap(app.restore_button)
        assert app.restored and app.status.text.startswith("Restored.")
        with sqlite3.connect(tmp_path / "kedut.sqlite3") as con:
            assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert con.execute("SELECT count(*) FROM twitch_episode").fetchone() == (1,)
        assert list(tmp_path.glob("kedut.sqlite3.before-restore-*"))
    finally:
        for child in list(Window.children):
            Window.remove_widget(child)
        App._running_app = None
