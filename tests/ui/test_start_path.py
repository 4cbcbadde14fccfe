"""The app's real start (`run_app`, in its own process): Today and its one-tap log run
without the ORM, and a damaged diary still opens the recovery window, though its check
now runs while the window is made (DESIGN.md "Budgets": cold start)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.integration.kedut_cli import PROJECT, kedut

PROBE = """
import json, os, sys
os.environ["KIVY_NO_ARGS"] = "1"
from kivy.app import App
from kivy.clock import Clock
from tracker.app import run_app

ORM = {{"sqlalchemy", "alembic"}}

def loaded():
    return sorted({{n.split(".")[0] for n in sys.modules}} & ORM)

SCREENS = ["history", "day", "medicines", "settings", "more", "about", "report", "today"]
seen = {{}}

def report(_dt):
    app = App.get_running_app()
    seen["start"] = loaded()
    app.root.screen("today").log_twitch()
    seen["after_tap"] = loaded()
    Clock.schedule_once(visit, 0)

def visit(_dt):
    # Every screen a person reads (Insights and the report draw in a child process).
    app = App.get_running_app()
    if SCREENS:
        app.go(SCREENS.pop(0))
        Clock.schedule_once(visit, 0.1)
        return
    seen["every_screen"] = loaded()
    report = app.root.screen("report")
    app.export_dir = {exports!r}
    report.export("chart-png")  # the chart is drawn in a child process too
    Clock.schedule_interval(lambda _dt: charted(report), 0.1)

def charted(report):
    if report.busy:
        return True
    plotting = {{n.split(".")[0] for n in sys.modules}} & {{"matplotlib"}}
    seen["after_chart"] = loaded() + sorted(plotting)
    seen["chart"] = os.path.basename(report.saved_path)
    print("LOADED=" + json.dumps(seen))
    App.get_running_app().stop()
    return False

Clock.schedule_once(report, 0)
sys.exit(run_app(data_dir={data_dir!r}, profile={profile!r}))
"""

SYNC_PROBE = """
import json, sys, time
os_environ = __import__("os").environ
os_environ["KIVY_NO_ARGS"] = "1"
from kivy.app import App
from kivy.clock import Clock
from tracker.app import run_app

began = time.monotonic()

def looked(_dt):
    app = App.get_running_app()
    worker = getattr(getattr(app, "sync", None), "worker", None)
    if worker is None or worker._quiet_until == 0.0:  # it has not looked yet
        if time.monotonic() - began > 60:
            raise SystemExit("the sync worker never looked")
        return True
    code = sorted(n for n in sys.modules if n.startswith(("tracker.services.sync.",
        "tracker.storage.sync")) or n == "tracker.services.sync")
    print("SYNC_CODE=" + json.dumps(code))
    app.stop()
    return False

Clock.schedule_interval(looked, 0.1)
sys.exit(run_app(data_dir={data_dir!r}, profile=None))
"""

RECOVERY_PROBE = """
import os, sys
os.environ["KIVY_NO_ARGS"] = "1"
from tracker.ui import recovery

def shown(self):
    print("RECOVERY=" + self.problem.replace("\\n", " "))

recovery.RecoveryApp.run = shown
sys.exit(run_app(data_dir={data_dir!r}, profile=None))
"""


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ.copy(),
        check=False,
    )


def test_today_every_screen_and_a_chart_export_never_load_the_orm_or_matplotlib(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    for command in (
        ("profiles", "add", "Ani"),
        ("--profile", "Ani", "log", "twitch", "--side", "left", "--intensity", "3"),
    ):
        assert kedut(data_dir, *command).returncode == 0
    exports = tmp_path / "exports"
    result = _run(PROBE.format(data_dir=str(data_dir), profile="Ani", exports=str(exports)))
    assert result.returncode == 0, result.stderr[-2000:]
    (line,) = [ln for ln in result.stdout.splitlines() if ln.startswith("LOADED=")]
    seen = json.loads(line.removeprefix("LOADED="))
    assert seen.pop("chart").startswith("kedut-timeline-Ani-")
    assert seen == {"start": [], "after_tap": [], "every_screen": [], "after_chart": []}
    (png,) = exports.glob("kedut-timeline-Ani-*.png")
    assert png.read_bytes().startswith(b"\x89PNG")
    with sqlite3.connect(data_dir / "kedut.sqlite3") as con:
        rows = con.execute(
            "SELECT side, intensity, uuid IS NOT NULL FROM twitch_episode ORDER BY id"
        ).fetchall()
        queued = con.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]
    # The tap took the last side and intensity; nothing syncs here, so nothing is queued.
    assert rows == [("left", 3, 1), ("left", 3, 1)]
    assert queued == 0


def test_a_device_that_does_not_sync_never_loads_the_sync_code(tmp_path: Path) -> None:
    """The background sync looks for a server with one plain read; its code (≈ 1 MB)
    is loaded only once there is one, or when the person asks for a sync."""
    data_dir = tmp_path / "data"
    assert kedut(data_dir, "log", "twitch").returncode == 0
    result = _run(SYNC_PROBE.format(data_dir=str(data_dir)))
    assert result.returncode == 0, result.stderr[-2000:]
    (line,) = [ln for ln in result.stdout.splitlines() if ln.startswith("SYNC_CODE=")]
    assert json.loads(line.removeprefix("SYNC_CODE=")) == []


def test_a_damaged_diary_still_opens_the_recovery_window(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert kedut(data_dir, "log", "twitch").returncode == 0
    db_path = data_dir / "kedut.sqlite3"
    before = db_path.read_bytes()
    with db_path.open("r+b") as handle:  # the first page (the schema) stays readable
        handle.seek(4096)
        handle.write(b"\xde\xad" * 2000)
    damaged = db_path.read_bytes()
    code = "from tracker.app import run_app\n" + RECOVERY_PROBE.format(data_dir=str(data_dir))
    result = _run(code)
    assert result.returncode == 1, result.stderr[-2000:]
    (line,) = [ln for ln in result.stdout.splitlines() if ln.startswith("RECOVERY=")]
    assert "damaged" in line, line
    assert "kedut: error:" in result.stderr and "damaged" in result.stderr
    assert db_path.read_bytes() == damaged != before  # never written to


def test_an_unknown_profile_is_said_plainly_and_the_app_ends(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert kedut(data_dir, "profiles", "add", "Ani").returncode == 0
    result = subprocess.run(
        [
            sys.executable,
            str(PROJECT / "main.py"),
            "--data-dir",
            str(data_dir),
            "--profile",
            "Nobody",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "kedut: error: profile: 'Nobody' not found (existing: Ani)" in result.stderr
    assert "WARNING" not in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_a_damaged_diary_in_rollback_mode_is_never_written(tmp_path: Path) -> None:
    """A restored backup is in rollback-journal mode. Today's reads run while the check
    for damage does: they must not switch the file to WAL (that writes its header)."""
    data_dir = tmp_path / "data"
    assert kedut(data_dir, "demo").returncode == 0  # a few hundred entries: many pages
    db_path = data_dir / "kedut.sqlite3"
    with sqlite3.connect(db_path) as con:
        con.execute("PRAGMA journal_mode=DELETE")
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
    with db_path.open("r+b") as handle:  # a page the start-up's reads do not need
        handle.seek((pages - 3) * page_size)
        handle.write(b"\x0d\xff\xff\xff" + bytes(range(256)) * 4)
    damaged = db_path.read_bytes()
    code = "from tracker.app import run_app\n" + RECOVERY_PROBE.format(data_dir=str(data_dir))
    result = _run(code)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "damaged" in result.stdout, result.stdout
    assert db_path.read_bytes() == damaged
    assert not (data_dir / "kedut.sqlite3-wal").exists()


REFUSAL_PROBE = """
import os, sqlite3, sys
os.environ["KIVY_NO_ARGS"] = "1"
from kivy.app import App
from kivy.clock import Clock
from kivy.core.window import Window
from kivy.uix.modalview import ModalView
from tracker.app import run_app

DB = {db!r}
holder = sqlite3.connect(DB, isolation_level=None)
said = []

def dialog_text():
    views = [w for w in Window.children if isinstance(w, ModalView)]
    texts = [w.text for v in views for w in v.walk() if hasattr(w, "text")]
    for view in views:
        view.dismiss()
    return " / ".join(texts)

def busy(_dt):
    holder.execute("BEGIN IMMEDIATE")  # another program holds the diary past the wait
    Clock.schedule_once(lambda _dt: App.get_running_app().root.screen("today").log_twitch(), 0)
    Clock.schedule_once(after_busy, 0.5)

def after_busy(_dt):
    if "busy" not in dialog_text() and not said:
        Clock.schedule_once(after_busy, 0.5)
        return
    said.append("busy")
    holder.execute("ROLLBACK")
    holder.execute("UPDATE profile SET deleted_at = '2026-11-30 00:00:00.000000'")
    today = App.get_running_app().root.screen("today")
    today.tap_guard = type(today.tap_guard)()  # a fresh tap, not the double of the first
    Clock.schedule_once(lambda _dt: today.log_twitch(), 0)
    Clock.schedule_once(after_gone, 0.5)

def after_gone(_dt):
    print("SAID=" + dialog_text().replace("\\n", " "))
    App.get_running_app().stop()

Clock.schedule_once(busy, 1)
sys.exit(run_app(data_dir={data_dir!r}, profile="Ani"))
"""


def test_a_tap_the_diary_refuses_is_said_and_the_app_goes_on(tmp_path: Path) -> None:
    """Another program holding the diary past the wait, then the open profile deleted
    from the command line: each tap is refused in words, nothing is stored, and the
    app keeps running (it crashed on both)."""
    data_dir = tmp_path / "data"
    assert kedut(data_dir, "profiles", "add", "Ani").returncode == 0
    db_path = data_dir / "kedut.sqlite3"
    result = _run(REFUSAL_PROBE.format(db=str(db_path), data_dir=str(data_dir)))
    assert result.returncode == 0, result.stderr[-3000:]
    (line,) = [ln for ln in result.stdout.splitlines() if ln.startswith("SAID=")]
    assert "Nothing was stored: this profile was deleted elsewhere" in line, line
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM twitch_episode").fetchone() == (0,)


def test_a_data_folder_that_is_a_file_is_said_plainly(tmp_path: Path) -> None:
    a_file = tmp_path / "kedut.sqlite3"
    a_file.write_bytes(b"")
    result = subprocess.run(
        [sys.executable, str(PROJECT / "main.py"), "--data-dir", str(a_file)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert f"kedut: error: data directory {a_file} exists and is not a directory" in result.stderr
    assert "Traceback" not in result.stderr, result.stderr
