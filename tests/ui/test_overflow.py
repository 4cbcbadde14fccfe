"""Nothing overflows its pill or button: on every screen and sheet, in both window sizes
and both languages, each button's and chip's text fits inside it, and each button inside
its screen or sheet (they are measured as drawn)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tests.ui.harness import PHONE, TABLET, pump, running_app, top_modal, visit, wait_until
from tracker.services.demo import fill_demo_profile
from tracker.storage import open_store

SCREENS = ("today", "day", "medicines", "history", "insights", "report", "settings", "about",
           "more")  # fmt: skip


def _visible(widget: Any, root: object, left: float, right: float) -> tuple[float, float]:
    """Where a widget can be seen across: inside the scroll view that clips it, if any,
    else inside its screen or sheet."""
    from kivy.uix.stencilview import StencilView

    parent = widget.parent
    while parent is not None and parent is not root and parent is not parent.parent:
        if isinstance(parent, StencilView):
            start = parent.to_window(parent.x, 0)[0]
            return start, start + parent.width
        parent = parent.parent
    return left, right


def _overflowing(root: object) -> list[str]:
    from kivy.uix.behaviors import ButtonBehavior
    from kivy.uix.label import Label

    found = []
    left = root.to_window(root.x, root.y)[0]  # type: ignore[attr-defined]
    right = left + root.width  # type: ignore[attr-defined]
    for widget in root.walk(restrict=True):  # type: ignore[attr-defined]
        if not (isinstance(widget, ButtonBehavior) and isinstance(widget, Label)):
            continue
        if not widget.text or widget.opacity == 0 or widget.width <= 1:
            continue
        low, high = _visible(widget, root, left, right)
        start, end = widget.to_window(widget.x, 0)[0], widget.to_window(widget.right, 0)[0]
        if start < low - 1 or end > high + 1:  # the button itself is cut off
            found.append(f"{widget.text!r}: {start:.0f}–{end:.0f} outside {low:.0f}–{high:.0f}")
            continue
        if widget.text_size[0] is not None:
            continue  # wraps inside its own width
        widget.texture_update()
        if widget.texture_size[0] > widget.width + 1:
            found.append(f"{widget.text!r}: {widget.texture_size[0]} > {widget.width:.0f}")
    return found


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("overflow")
    store = open_store(data_dir)
    fill_demo_profile(store, 120, 7, dt.date(2026, 11, 25))
    store.close()
    return data_dir


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("size", [PHONE, TABLET], ids=["phone", "tablet"])
def test_no_text_overflows_its_button(
    demo_data: Path, size: tuple[int, int], language: str
) -> None:
    from tracker.ui.widgets.pickers import TimePicker

    start = dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    problems = []
    with running_app(demo_data, size, start=start, profile="Demo") as (app, _store):
        app.switch_language(language)
        for name in SCREENS:
            screen = visit(app, name)
            if name == "insights":
                wait_until(lambda s=screen: bool(s.pending == 0))  # type: ignore[misc]
            pump(4)
            problems += [f"{name}: {p}" for p in _overflowing(screen)]
        problems += [f"navigation: {p}" for p in _overflowing(app.root.nav)]
        problems += [f"profile bar: {p}" for p in _overflowing(app.root.profile_bar)]
        sheets = {
            "twitch sheet": lambda: visit(app, "today").open_details(),
            "whose diary": app.open_profiles,
            "medicine sheet": lambda: visit(app, "medicines").open_sheet(),
            "calendar": lambda: visit(app, "day").pick_date(),
            "clock": lambda: TimePicker("", dt.time(20, 15), lambda _t: None).open(),
        }
        for name, open_sheet in sheets.items():
            open_sheet()
            pump(6)
            sheet = top_modal()
            problems += [f"{name}: {p}" for p in _overflowing(sheet)]
            sheet.dismiss(force=True, animation=False)
            pump(4)
        app.switch_language("en")
    assert problems == []


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_long_name_fits_the_whose_diary_sheet_on_a_phone(
    tmp_path: Path, screenshot_dir: Path, language: str
) -> None:
    from tests.ui.harness import save_screenshot, tap, type_into

    with running_app(tmp_path, PHONE) as (app, _store):
        app.switch_language(language)
        pump(4)
        tap(app.root.profile_bar.ids.pill)
        sheet = top_modal()
        type_into(sheet.ids.new_name, "Ani Rahmawati Kusumaningrum")
        tap(sheet.ids.add)
        pump(10)  # the sheet has faded out
        tap(app.root.profile_bar.ids.pill)
        sheet = top_modal()
        pump(4)
        assert _overflowing(sheet) == []
        delete = sheet.ids.delete
        assert delete.texture_size[1] <= delete.height  # wrapped lines stay in the button
        save_screenshot(screenshot_dir / f"profiles-long-name-phone-{language}")
        app.switch_language("en")
