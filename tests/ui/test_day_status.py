"""The Day log's answer to "Save day": "Saved." (and "nothing was changed") are not
shown in the error red and go away once the person edits again; a refusal stays red.
On a laptop, each remedy's rating sits right under the remedy chips, in their column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tests.ui.harness import (
    PHONE,
    TABLET,
    chip,
    nav_to,
    pump,
    running_app,
    save_screenshot,
    tap,
    type_into,
)

EVENING = dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
ALERT = (0.690, 0.180, 0.153, 1)
SAVED = {"en": ("Saved.", "Nothing was changed"), "id": ("Tersimpan.", "Tidak ada yang diubah")}


def _shown(screen: object, start: str) -> list[Any]:
    """The labels on the screen whose text starts with `start`."""
    return [
        w
        for w in screen.walk()  # type: ignore[attr-defined]
        if isinstance(getattr(w, "text", None), str) and w.text.startswith(start)
    ]


@pytest.mark.parametrize(("size", "language"), [(PHONE, "id"), (TABLET, "en")])
def test_saved_is_not_an_error_and_goes_when_editing_resumes(
    tmp_path: Path, screenshot_dir: Path, size: tuple[int, int], language: str
) -> None:
    shape = "phone" if size == PHONE else "tablet"
    saved, unchanged = SAVED[language]
    with running_app(tmp_path, size, start=EVENING) as (app, _store):
        app.switch_language(language)
        pump(4)  # the navigation is laid out again in the language chosen
        day = nav_to(app, "day")
        tap(day.ids.save)  # nothing changed yet
        (label,) = _shown(day, unchanged)
        assert tuple(label.color) != ALERT
        tap(day.rows["water_ml"].ids.plus)
        tap(day.ids.save)
        (label,) = _shown(day, saved)
        assert tuple(label.color) != ALERT and label.height > 0
        save_screenshot(screenshot_dir / f"day-saved-{shape}-{language}")
        tap(day.rows["water_ml"].ids.plus)  # editing resumes
        assert _shown(day, saved) == []
        type_into(day.rows["sleep_h"].ids.value, "30")
        tap(day.ids.save)  # a refusal is still an error, in red
        refused = "Nothing was saved:" if language == "en" else "Tidak ada yang disimpan:"
        (label,) = _shown(day, refused)
        assert tuple(label.color) == ALERT
        app.switch_language("en")


def test_remedy_ratings_sit_under_the_remedy_chips_on_a_laptop(
    tmp_path: Path, screenshot_dir: Path
) -> None:
    with running_app(tmp_path, TABLET, start=EVENING) as (app, _store):
        day = nav_to(app, "day")
        chips = day.rows["remedy"].ids.chips
        tap(chip(chips, "rest"))
        tap(chip(chips, "massage"))
        pump(4)
        rest = day.remedy_details.rows["rest"]
        massage = day.remedy_details.rows["massage"]
        chips_x, chips_y = chips.to_window(chips.x, chips.y)
        rest_x, rest_top = rest.to_window(rest.x, rest.top)
        assert abs(rest_x - chips_x) < 20  # the same column as the chips
        assert 0 <= chips_y - rest_top < 40  # right beneath them, not beside or above
        assert massage.top <= rest.y
        save_screenshot(screenshot_dir / "day-remedy-ratings-tablet-en")


def test_the_note_beside_the_remedies_starts_at_their_top_on_a_laptop(
    tmp_path: Path, screenshot_dir: Path
) -> None:
    """Two columns: the note shares a row with the remedies and their ratings; it starts
    level with them and takes their height, instead of sinking to the row's bottom."""
    with running_app(tmp_path, TABLET, start=EVENING) as (app, _store):
        day = nav_to(app, "day")
        remedies = day.rows["remedy"]
        tap(chip(remedies.ids.chips, "rest"))
        tap(chip(remedies.ids.chips, "massage"))
        pump(4)
        note = day.rows["note"]
        assert note.x > remedies.right  # beside them, in the other column
        assert abs(note.top - remedies.top) < 2
        assert note.height >= remedies.height - 2
        day.ids.fields.parent.scroll_y = 0
        pump(4)
        save_screenshot(screenshot_dir / "day-note-beside-remedies-tablet-en")

    with running_app(tmp_path, PHONE, start=EVENING) as (app, _store):
        day = nav_to(app, "day")
        note, remedies = day.rows["note"], day.rows["remedy"]
        assert note.top <= remedies.y  # one column: the note comes after the remedies
        assert note.height < 200  # and keeps its own size
