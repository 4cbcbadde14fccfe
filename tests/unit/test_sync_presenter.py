"""Settings → Sync in words, and History's mark on an entry with a conflict."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tracker.domain import DayLog
from tracker.ui.presenters.history import history_rows
from tracker.ui.presenters.sync import SyncView, sync_view

ZONE = dt.timezone(dt.timedelta(hours=7))
NOW = dt.datetime(2026, 11, 25, 20, 0, tzinfo=ZONE)


def _view(**changes: Any) -> SyncView:
    values: dict[str, Any] = {
        "server_url": "postgresql://ani@home/kedut",
        "last_sync_at": None,
        "last_pushed": 0,
        "last_pulled": 0,
        "pending": 0,
        "error": None,
        "error_at": None,
        "conflicts": 0,
        "busy": False,
        "now": NOW,
    }
    values.update(changes)
    return sync_view(**values)


def test_a_device_without_a_server_says_its_diary_stays_here() -> None:
    view = _view(server_url=None)
    assert view.last_text == "No server set: this diary stays here."
    assert view.address == ""


def test_the_last_sync_what_waits_and_the_last_problem_in_words() -> None:
    synced = dt.datetime(2026, 11, 25, 11, 5, tzinfo=dt.UTC)  # 18:05 here
    view = _view(
        last_sync_at=synced,
        last_pushed=3,
        last_pulled=12,
        pending=2,
        error="the server at home:5432 is not answering: is it running?",
        error_at=dt.datetime(2026, 11, 24, 1, 0, tzinfo=dt.UTC),
        conflicts=1,
        busy=True,
    )
    assert view.last_text == "Last sync today at 18:05: sent 3, received 12."
    assert view.pending_text == "2 changes wait to be sent."
    assert view.error_text == (
        "Last try 24 Nov 2026 08:00: the server at home:5432 is not answering: is it running?"
    )
    assert view.conflicts_text == ("1 entry was changed on two devices: History marks it.")
    assert view.button_text == "Syncing…"
    assert _view(pending=1).pending_text == "1 change waits to be sent."
    assert _view(error="no sync server is set").error_text == ("Last try: no sync server is set.")


def test_history_marks_only_the_entries_with_a_conflict() -> None:
    first = DayLog(date=dt.date(2026, 11, 24), water_ml=1500, uuid=None)
    rows = history_rows(
        [], [first, DayLog(date=dt.date(2026, 11, 23), sleep_h=7)], conflicted=set()
    )
    assert [r.conflict for r in rows] == ["", ""]
    marked = history_rows(
        [],
        [DayLog(date=dt.date(2026, 11, 24), uuid="5ca38a21-0f42-566d-8e43-66e9b439c131")],
        conflicted={"5ca38a21-0f42-566d-8e43-66e9b439c131"},
    )
    assert marked[0].conflict == "Changed on two devices: tap to choose"
