"""Reads never take the write lock (DESIGN.md "Architecture"): a long read in the app
never makes a logged twitch wait, and a write under way never stops a read."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from tests.integration.kedut_cli import kedut, listed
from tracker.services import charts, days, diary, episodes, exchange, insights, profiles, reports
from tracker.services.diary_service import DiaryService
from tracker.storage import Store, open_store

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    for args in (
        ("log", "twitch", "--at", "2026-11-24T21:00+07:00", "--pain"),
        ("log", "day", "--date", "2026-11-24", "--sleep-h", "6"),
        ("log", "medication", "--name", "X", "--kind", "diuretic", "--from", "2026-11-01"),
        ("log", "remedy", "--date", "2026-11-24", "--remedy", "rest"),
    ):
        assert kedut(tmp_path, *args).returncode == 0
    opened = open_store(tmp_path)
    yield opened
    opened.close()


def test_a_log_returns_at_once_while_a_read_service_is_half_way(
    store: Store, tmp_path: Path
) -> None:
    reading, go_on = threading.Event(), threading.Event()

    def pause_in_the_first_query(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and not reading.is_set():
            reading.set()
            go_on.wait(30)

    for engine in (store.engine, store.read_engine):
        event.listen(engine, "after_cursor_execute", pause_in_the_first_query)
    found: list[diary.Diary] = []
    reader = threading.Thread(target=lambda: found.append(diary.diary_between(store, None)))
    reader.start()
    try:
        assert reading.wait(10)
        logged = kedut(tmp_path, "log", "twitch", "--at", "2026-11-25T07:00+07:00")
        still_reading = reader.is_alive()
    finally:
        go_on.set()
        reader.join(30)
    assert logged.returncode == 0, logged.stderr
    assert still_reading
    assert len(found[0].episodes) == 1  # the read saw its own snapshot
    assert len(listed(tmp_path)["episodes"]) == 2


def _every_read(store: Store, out: Path) -> dict[str, Callable[[], object]]:
    (me,) = profiles.list_profiles(store)
    assert me.id is not None
    app = DiaryService(store, me)
    return {
        "list": lambda: diary.diary_between(store, None),
        "insights": lambda: insights.insights(store, None, TODAY),
        "warnings": lambda: insights.current_warnings(store, None, TODAY),
        "chart": lambda: charts.chart_data(store, None, TODAY),
        "report": lambda: reports.report_data(store, None, TODAY),
        "export csv": lambda: exchange.export_csv(store, None, out / "csv"),
        "export json": lambda: exchange.export_json(store, out / "backup.json"),
        "profiles": lambda: profiles.list_profiles(store),
        "find a profile": lambda: profiles.find_profile(store, "Me"),
        "a day": lambda: days.day_log(store, app.profile_id, TODAY),
        "episodes": lambda: episodes.episodes_between(store, app.profile_id),
        "app: history": lambda: app.history_page(30),
        "app: an episode": lambda: app.episode(1),
        "app: medications": lambda: app.medications(),
        "app: remedies": lambda: app.remedies_on(TODAY - dt.timedelta(days=1)),
        "app: warnings": lambda: app.warnings(),
    }


def test_every_read_answers_while_another_process_holds_the_write_lock(
    store: Store, tmp_path: Path
) -> None:
    reads = _every_read(store, tmp_path / "out")
    writer = sqlite3.connect(store.db_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # a long import, say, in another process
    writer.execute("UPDATE profile SET name = 'Someone else'")
    failed = {}
    try:
        for name, read in reads.items():
            try:
                read()
            except Exception as error:  # every read that waits or fails is named below
                failed[name] = str(error)[:80]
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert failed == {}
