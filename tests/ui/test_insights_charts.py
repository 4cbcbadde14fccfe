"""Insights' charts fill the width at phone size and open full-screen on a tap (where
they can be pinched), in both languages and sizes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.ui.harness import (
    PHONE,
    TABLET,
    modal_count,
    pump,
    running_app,
    save_screenshot,
    tap,
    top_modal,
    visit,
    wait_until,
)
from tracker.services.demo import fill_demo_profile
from tracker.storage import open_store

START = dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@pytest.mark.parametrize(("size", "language"), [(PHONE, "en"), (TABLET, "id")])
def test_charts_fill_the_width_and_open_full_screen(
    tmp_path: Path, screenshot_dir: Path, size: tuple[int, int], language: str
) -> None:
    shape = "phone" if size == PHONE else "tablet"
    store = open_store(tmp_path)
    fill_demo_profile(store, 120, 7, START.date())
    store.close()
    with running_app(tmp_path, size, start=START, profile="Demo") as (app, _store):
        app.switch_language(language)
        screen = visit(app, "insights")
        wait_until(lambda: screen.pending == 0)
        pump(4)
        content_width = app.root.manager.width
        for name in ("timeline", "correlations", "calendar"):
            chart = screen.ids[name]
            assert chart.width >= content_width - 40, name  # the screen's width, less padding
            assert chart.height > 0 and chart.opacity == 1
        chart = screen.ids.timeline
        tap(chart)
        pump(6)
        viewer = top_modal()
        assert tuple(viewer.size) == tuple(app.root_window.size)
        assert viewer.picture.texture is chart.texture
        save_screenshot(screenshot_dir / f"insights-chart-full-screen-{shape}-{language}")
        close = next(w for w in viewer.walk() if getattr(w, "text", "") in ("Close", "Tutup"))
        tap(close)
        pump(10)
        assert modal_count() == 0
        app.switch_language("en")
