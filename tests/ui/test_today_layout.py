"""Today at laptop size uses its width: the log button and today's twitches on one side,
the 14-day strip (twitches per day, warning days banded) and today's habits on the other;
the rail takes at most 15% of the width. At phone size everything stacks."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from tests.ui.harness import PHONE, TABLET, pump, running_app, save_screenshot, wait_until
from tracker.services.episodes import log_twitch
from tracker.storage import Store

EVENING = dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _fill(store: Store, days_ago: list[int]) -> None:
    for n in days_ago:
        at = EVENING - dt.timedelta(days=n, hours=2)
        log_twitch(store, None, at=at, side="left", now=lambda: EVENING)


@pytest.mark.parametrize("language", ["en", "id"])
def test_today_uses_the_width_of_a_laptop(
    tmp_path: Path, screenshot_dir: Path, language: str
) -> None:
    with running_app(tmp_path, TABLET, start=EVENING) as (app, store):
        _fill(store, [0, 0, 1, 2, 4, 9, 13, 20])
        app.switch_language(language)
        today = app.root.screen("today")
        today.refresh()
        strip = today.ids.strip
        wait_until(lambda: len(strip.ids.bars.days) == 14)
        pump(4)
        columns = strip.ids.bars.days
        assert [c.count for c in columns] == [1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 1, 2]
        # Twitching on 3 of the last 7 days: those days carry the warning's band.
        assert {c.label for c in columns if c.band} >= {columns[-1].label, columns[-2].label}
        assert strip.ids.bars.shown_labels == [c.label for c in columns]  # "W 25" fits
        assert app.root.nav.width <= 0.15 * app.root.width
        button, habits = today.ids.log_button, today.ids.habits
        assert strip.x > button.right  # side by side, not stacked
        assert habits.x > button.right
        assert button.width > 0.35 * today.width
        save_screenshot(screenshot_dir / f"today-laptop-{language}")
        app.switch_language("en")


def test_today_stacks_at_phone_size(tmp_path: Path, screenshot_dir: Path) -> None:
    with running_app(tmp_path, PHONE, start=EVENING) as (app, store):
        _fill(store, [0, 1, 3])
        today = app.root.screen("today")
        today.refresh()
        strip = today.ids.strip
        wait_until(lambda: len(strip.ids.bars.days) == 14)
        pump(4)
        assert strip.top < today.ids.log_button.y  # below it
        assert strip.width > 0.85 * app.root.width
        # Too narrow for "W 25" under each column: the day of the month alone, never
        # labels running into each other.
        bars = strip.ids.bars
        assert bars.shown_labels == [str(day.day.day) for day in bars.days]
        # Nor do counts: where 1234 is wider than its column, 100 and more read "99+".
        heavy = (1234, 150, 99, 0) + (1,) * 10
        bars.days = [dataclasses.replace(d, count=c) for d, c in zip(bars.days, heavy, strict=True)]
        assert bars.shown_counts[:5] == ["99+", "99+", "99", "", "1"]
        save_screenshot(screenshot_dir / "today-phone-strip-en")
