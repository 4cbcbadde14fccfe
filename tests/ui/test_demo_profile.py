"""The app on the Demo profile: it shows the sample diary, and an entry of one's own
is refused with a message instead of being stored there (or closing the app)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from tests.integration.kedut_cli import row_counts
from tests.ui.harness import PHONE, nav_to, open_modal, pump, running_app, tap
from tracker.services.demo import fill_demo_profile
from tracker.storage import open_store

EVENING = dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _texts(widget: Any) -> str:
    return "\n".join(str(getattr(w, "text", "")) for w in widget.walk())


def test_an_entry_on_the_demo_profile_is_refused_with_a_message(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    fill_demo_profile(store, 20, 3, EVENING.date())
    store.close()
    before = row_counts(tmp_path / "kedut.sqlite3")
    with running_app(tmp_path, PHONE, start=EVENING, profile="Demo") as (app, _store):
        today = app.root.screen("today")
        for button in (today.ids.log_button, today.ids.water_button):
            tap(button)
            dialog = open_modal()
            assert "Demo holds the sample diary and takes no entries of your own" in _texts(dialog)
            dialog.dismiss(animation=False)
            pump(2)
        day = nav_to(app, "day")
        tap(day.rows["water_ml"].ids.plus)  # an entry of one's own (unchanged saves nothing)
        tap(day.ids.save)
        assert "Demo holds the sample diary" in day.error_text
        assert app.root.manager.current == "day"  # still running, still there
    assert row_counts(tmp_path / "kedut.sqlite3") == before
