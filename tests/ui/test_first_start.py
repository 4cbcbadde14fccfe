"""The very first start asks whose diary it is, the language and which knee, and offers
the demo diary as a separate profile; then the person's own diary opens."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.ui.harness import (
    PHONE,
    TABLET,
    chip,
    pump,
    running_app,
    save_screenshot,
    tap,
    type_into,
)
from tracker.i18n import set_language


@pytest.mark.parametrize(("size", "language"), [(PHONE, "id"), (TABLET, "en")])
def test_first_start_makes_the_profile_and_offers_the_demo(
    tmp_path: Path, screenshot_dir: Path, size: tuple[int, int], language: str
) -> None:
    shape = "phone" if size == PHONE else "tablet"
    set_language("en")
    with running_app(tmp_path, size, first_start=True) as (app, store):
        welcome = app.root
        assert welcome.title_text == "Welcome to Kedut"
        tap(chip(welcome.ids.languages, language))
        tap(chip(welcome.ids.knee, "left"))
        tap(welcome.ids.start)  # no name yet: refused, nothing stored
        assert welcome.error_text
        save_screenshot(screenshot_dir / f"first-start-no-name-{shape}-{language}")
        with sqlite3.connect(store.db_path) as con:
            assert con.execute("SELECT count(*) FROM profile").fetchone() == (0,)
        type_into(welcome.ids.name, "Sari")
        tap(welcome.ids.demo)
        save_screenshot(screenshot_dir / f"first-start-{shape}-{language}")
        tap(welcome.ids.start)
        pump(6)

        assert app.root.profile_bar.name == "Sari"
        with sqlite3.connect(store.db_path) as con:
            names = [r[0] for r in con.execute("SELECT name FROM profile ORDER BY id")]
            languages = {r[0] for r in con.execute("SELECT language FROM settings")}
        assert names == ["Sari", "Demo"]
        assert languages == {language}
        today = app.root.screen("today")
        tap(today.ids.log_button)  # the first twitch is at the knee named at the start
        with sqlite3.connect(store.db_path) as con:
            sides = con.execute("SELECT side FROM twitch_episode WHERE profile_id = 1")
            assert sides.fetchall() == [("left",)]
        save_screenshot(screenshot_dir / f"first-start-done-{shape}-{language}")
    set_language("en")
