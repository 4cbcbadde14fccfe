"""Notes and names in any script are drawn as typed: emoji and Chinese/Japanese show
their own glyphs, not the same empty box; a typed bracket stays text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.ui.harness import (
    PHONE,
    TABLET,
    nav_to,
    open_modal,
    pump,
    running_app,
    save_screenshot,
    tap,
    type_into,
)

EVENING = dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
NOTE = "Kram 💊🙂 膝が痛い [b]not bold[/b]"


def _pixels(text: str, typed: bool) -> bytes:
    """What a label draws for `text`: with the fallback fonts, or the app's font alone."""
    from kivy.uix.label import Label

    from tracker.ui.widgets.typed_text import TypedLabel

    label = TypedLabel(plain=text) if typed else Label(text=text, font_name="Kedut")
    label.texture_update()
    return bytes(label.texture.pixels)


def test_each_glyph_is_drawn_not_a_box(tmp_path: Path) -> None:
    with running_app(tmp_path, PHONE):
        # The app's font alone draws two different CJK characters as the same box...
        assert _pixels("膝", typed=False) == _pixels("痛", typed=False)
        assert _pixels("💊", typed=False) == _pixels("🍌", typed=False)
        # ...while the labels that show notes draw each one.
        assert _pixels("膝", typed=True) != _pixels("痛", typed=True)
        assert _pixels("💊", typed=True) != _pixels("🍌", typed=True)


@pytest.mark.parametrize("size", [PHONE, TABLET], ids=["phone", "tablet"])
def test_a_note_in_any_script_shows_as_typed(
    tmp_path: Path, screenshot_dir: Path, size: tuple[int, int]
) -> None:
    shape = "phone" if size == PHONE else "tablet"
    with running_app(tmp_path, size, start=EVENING) as (app, _store):
        today = app.root.screen("today")
        tap(today.ids.details_button)
        sheet = open_modal()
        type_into(sheet.ids.note, NOTE)
        assert sheet.ids.note.font_name != "Kedut"  # a font that draws most of it
        tap(sheet.ids.save)
        pump(6)
        (row,) = today.ids.episode_list.children
        details = row.ids.details
        assert details.plain.endswith(NOTE)
        assert details.markup
        assert "[font=KedutCJK]膝が痛い[/font]" in details.text
        assert "&bl;b&br;not bold&bl;/b&br;" in details.text  # brackets stay text
        save_screenshot(screenshot_dir / f"note-any-script-today-{shape}")
        history = nav_to(app, "history") if size == TABLET else None
        if history is not None:
            pump(4)
            assert any(NOTE in row["detail"] for row in history.ids.rows.data)
            save_screenshot(screenshot_dir / f"note-any-script-history-{shape}")
