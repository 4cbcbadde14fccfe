"""The Today screen in a real window: one real tap on "Log twitch" stores one episode."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from tests.ui.harness import PHONE, TABLET, running_app, save_screenshot, tap

DOUBLE_TAP_S = 0.6  # DESIGN.md: a second tap within 0.6 s is a double tap


def _episode_rows(db_path: Path) -> list[tuple[str, str, int]]:
    with sqlite3.connect(db_path) as con:
        return con.execute(
            "SELECT body_site, side, intensity FROM twitch_episode WHERE deleted_at IS NULL"
        ).fetchall()


def test_window_opens_on_today_with_nothing_logged(tmp_path: Path, screenshot_dir: Path) -> None:
    with running_app(tmp_path / "data", PHONE) as (app, _store):
        today = app.root.screen("today")
        assert app.root.manager.current == "today"
        assert today.ids.log_button.height >= 48
        assert today.empty_text.startswith("Nothing logged yet today")
        assert today.count_text == "0 twitches today"
        shot = save_screenshot(screenshot_dir / "today-empty-phone-en")
    assert shot.stat().st_size > 0


def test_a_tap_on_log_twitch_stores_one_episode(tmp_path: Path, screenshot_dir: Path) -> None:
    with running_app(tmp_path / "data", PHONE) as (app, store):
        today = app.root.screen("today")
        tap(today.ids.log_button)
        assert _episode_rows(store.db_path) == [("knee", "none", 1)]
        assert today.count_text == "1 twitch today"
        assert [row.place_text for row in today.ids.episode_list.children] == ["Knee"]
        save_screenshot(screenshot_dir / "today-one-episode-phone-en")


def test_the_one_tap_log_reuses_the_last_side_and_intensity(
    tmp_path: Path, screenshot_dir: Path
) -> None:
    from tracker.services.episodes import log_twitch

    with running_app(tmp_path / "data", TABLET) as (app, store):
        today = app.root.screen("today")
        log_twitch(store, None, side="left", intensity=3, note="after futsal", now=app.diary.now)
        today.refresh()
        tap(today.ids.log_button)
        time.sleep(DOUBLE_TAP_S)  # two twitches, not one double tap
        tap(today.ids.log_button)
        rows = _episode_rows(store.db_path)
        assert rows == [("knee", "left", 3)] * 3
        assert today.count_text == "3 twitches today"
        save_screenshot(screenshot_dir / "today-three-episodes-tablet-en")


def test_the_t_key_logs_a_twitch_like_the_button(tmp_path: Path) -> None:
    from kivy.core.window import Window

    with running_app(tmp_path / "data", PHONE) as (app, store):
        Window.dispatch("on_key_down", 116, 0, "t", [])
        assert len(_episode_rows(store.db_path)) == 1
        Window.dispatch("on_key_down", 116, 0, "t", ["ctrl"])  # Ctrl+T is not the shortcut
        assert len(_episode_rows(store.db_path)) == 1
        assert app.root.screen("today").count_text == "1 twitch today"


def test_start_up_loads_neither_matplotlib_nor_scipy(tmp_path: Path) -> None:
    """The real start path (`run_app`) in its own process, looked at after the first frame."""
    import json
    import os
    import subprocess
    import sys

    probe = f"""
import json, os, sys
os.environ["KIVY_NO_ARGS"] = "1"
from kivy.app import App
from kivy.clock import Clock
from tracker.app import run_app

def report(_dt):
    loaded = sorted({{n.split(".")[0] for n in sys.modules}} & {{"matplotlib", "scipy", "pandas"}})
    print("HEAVY=" + json.dumps(loaded))
    App.get_running_app().stop()

Clock.schedule_once(report, 0)
sys.exit(run_app(data_dir={str(tmp_path / "data")!r}))
"""
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ.copy(),
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    (line,) = [ln for ln in result.stdout.splitlines() if ln.startswith("HEAVY=")]
    assert json.loads(line.removeprefix("HEAVY=")) == []


def test_the_window_is_titled_kedut(tmp_path: Path) -> None:
    with running_app(tmp_path / "data", PHONE) as (app, _store):
        assert app.title == "Kedut"
        assert app.get_application_name() == "Kedut"
