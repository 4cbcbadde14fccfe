"""The Today presenter turns episodes into exactly what the screen shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from tracker.domain import Episode
from tracker.i18n import set_language
from tracker.ui.presenters import today_view

JAKARTA = dt.timezone(dt.timedelta(hours=7))
DAY = dt.date(2026, 11, 25)


def episode(id_: int, hour: int, **values: object) -> Episode:
    return Episode(
        id=id_,
        started_at=dt.datetime(2026, 11, 25, hour, 5, tzinfo=JAKARTA),
        utc_offset_min=420,
        **values,  # type: ignore[arg-type]
    )


@pytest.fixture
def indonesian() -> Iterator[None]:
    set_language("id")
    yield
    set_language("en")


def test_an_empty_day_invites_the_first_tap() -> None:
    view = today_view(DAY, [], None)
    assert view.date_text == "Wednesday, 25 November 2026"
    assert view.count_text == "0 twitches today"
    assert view.empty_text == "Nothing logged yet today. Tap the button when a twitch starts."
    assert view.log_hint == "Knee · intensity 1 of 4"
    assert view.items == ()


def test_episodes_are_listed_newest_first_with_place_detail_and_red_flags() -> None:
    early = episode(1, 7, side="left", intensity=2)
    late = episode(
        2,
        21,
        side="both",
        intensity=4,
        duration_s=30,
        pain=True,
        weakness=True,
        note="after\nfutsal  [b]bold[/b]",
    )
    view = today_view(DAY, [early, late], late)
    assert view.count_text == "2 twitches today"
    assert view.empty_text == ""
    assert [item.time_text for item in view.items] == ["21:05", "07:05"]
    first = view.items[0]
    assert first.place_text == "Knee, both sides"
    assert first.detail_text == "intensity 4 of 4 · 30 s · after futsal [b]bold[/b]"
    assert first.red_flags_text == "sharp pain, weak leg"
    assert view.items[1].place_text == "Left knee"
    assert view.log_hint == "Knee, both sides · intensity 4 of 4"


def test_one_episode_reads_in_the_singular() -> None:
    assert today_view(DAY, [episode(1, 9)], None).count_text == "1 twitch today"


def test_the_view_reads_in_indonesian(indonesian: None) -> None:
    view = today_view(DAY, [episode(1, 9, side="right", intensity=3)], episode(1, 9, side="right"))
    assert view.date_text == "Rabu, 25 November 2026"
    assert view.count_text == "1 kedutan hari ini"
    assert (
        today_view(DAY, [episode(i, 9 + i) for i in range(1, 4)], None).count_text
        == "3 kedutan hari ini"
    )
    assert view.items[0].place_text == "Lutut kanan"
    assert view.items[0].detail_text == "intensitas 3 dari 4"


# The one-tap guard, what a form changed, what to ask, and what went wrong (no window).


def test_a_second_tap_within_0_6_s_is_a_double_tap_and_a_later_one_logs() -> None:
    from tracker.ui.presenters.taps import TapGuard

    moments = iter([10.0, 10.3, 10.59, 10.61, 11.0, 11.3])
    guard = TapGuard(clock=lambda: next(moments))
    assert [guard.accept() for _ in range(6)] == [True, False, False, True, False, True]


def _day_form(texts: dict[str, str], choices: dict[str, object], remedies: set[str]) -> object:
    from tracker.ui.presenters.day import NUMBER_FIELDS
    from tracker.ui.presenters.edits import DayForm

    full = {f.name: "" for f in NUMBER_FIELDS} | {"note": ""} | texts
    base = {
        "sleep_quality": None,
        "stress": None,
        "exercise_intensity": None,
        "diarrhea": None,
        "calcium_rich_food": None,
        "magnesium_rich_food": None,
        "vitamin_supplement": None,
    }
    return DayForm(full, base | choices, frozenset(remedies))


def test_a_day_form_left_alone_changes_nothing() -> None:
    from tracker.domain import RemedyUse
    from tracker.ui.presenters.edits import day_edit

    shown = _day_form({"sleep_h": "7.12346", "note": "ok "}, {"stress": 2}, {"rest"})
    stored = [RemedyUse(id=4, date=DAY, remedy="rest", helped=3, note="good")]  # type: ignore[arg-type]
    edit = day_edit(DAY, shown, shown, stored)  # type: ignore[arg-type]
    assert edit.is_empty
    assert (edit.changes, edit.errors, edit.added_remedies, edit.removed_remedies) == (
        {},
        {},
        (),
        (),
    )


def test_a_day_edit_sends_only_what_changed_and_the_remedies_ticked_and_unticked() -> None:
    from tracker.domain import RemedyUse
    from tracker.ui.presenters.edits import day_edit

    shown = _day_form({"sleep_h": "7.12346", "water_ml": "1500"}, {"stress": 2}, {"rest", "fluids"})
    now = _day_form(
        {"sleep_h": "7.12346", "water_ml": "1750"},
        {"stress": 2, "diarrhea": False},
        {"fluids", "massage"},
    )
    rest = RemedyUse(id=4, date=DAY, remedy="rest", helped=3)  # type: ignore[arg-type]
    fluids = RemedyUse(id=5, date=DAY, remedy="fluids", helped=1)  # type: ignore[arg-type]
    edit = day_edit(DAY, shown, now, [rest, fluids])  # type: ignore[arg-type]
    # sleep was shown rounded (7.12346) and left alone: it is not sent back rounded.
    assert edit.changes == {"diarrhea": False, "water_ml": 1750}
    assert edit.added_remedies == ("massage",)
    assert edit.removed_remedies == (rest,)
    assert not edit.is_empty


def test_typing_the_same_value_differently_is_no_change_and_a_bad_one_is_refused() -> None:
    from tracker.ui.presenters.edits import day_edit

    shown = _day_form({"water_ml": "1500"}, {}, set())
    assert day_edit(DAY, shown, _day_form({"water_ml": "1500.0"}, {}, set()), []).is_empty  # type: ignore[arg-type]
    edit = day_edit(DAY, shown, _day_form({"water_ml": "lots"}, {}, set()), [])  # type: ignore[arg-type]
    assert set(edit.errors) == {"water_ml"} and edit.changes == {}
    assert not edit.is_empty


def _sheet(**changes: object) -> dict[str, object]:
    raw: dict[str, object] = {
        "started_at": "19:12",
        "body_site": "knee",
        "side": "left",
        "intensity": "2",
        "context": None,
        "duration_s": "30",
        "note": "after futsal ",
        "pain": False,
        "swelling": False,
        "warmth": False,
        "numbness_tingling": False,
        "weakness": False,
    }
    return raw | changes


def test_an_episode_edit_keeps_the_seconds_unless_the_time_was_changed() -> None:
    from tracker.ui.presenters.edits import episode_changes, episode_values, touched

    original = Episode(
        id=7,
        started_at=dt.datetime(2026, 11, 25, 19, 12, 47, tzinfo=JAKARTA),
        utc_offset_min=420,
        side="left",  # type: ignore[arg-type]
        intensity=2,
        duration_s=30,
        note="after futsal ",
    )
    base = original.local_started_at
    shown = _sheet()
    now = _sheet(intensity="4")
    changed = touched(shown, now)
    values = episode_values(now, base, changed)
    assert values["started_at"] == base  # seconds and all
    assert episode_changes(original, values, changed) == {"intensity": 4}
    assert episode_changes(original, episode_values(shown, base, set()), set()) == {}
    retimed = _sheet(started_at="19:30")
    changed = touched(shown, retimed)
    assert episode_changes(original, episode_values(retimed, base, changed), changed) == {
        "started_at": dt.datetime(2026, 11, 25, 19, 30, tzinfo=JAKARTA)
    }


def test_a_bad_time_or_duration_is_refused_in_the_persons_words() -> None:
    from tracker.domain import ValidationError
    from tracker.ui.presenters.edits import episode_values

    base = dt.datetime(2026, 11, 25, 19, 12, 47, tzinfo=JAKARTA)
    with pytest.raises(ValidationError) as error:
        episode_values(_sheet(started_at="25:00"), base, {"started_at"})
    assert str(error.value) == (
        "Time: '25:00' is not allowed (allowed: a time as HH:MM, from 00:00 to 23:59)"
    )
    with pytest.raises(ValidationError) as error:
        episode_values(_sheet(duration_s="-"), base, {"duration_s"})
    assert str(error.value) == (
        "How long (seconds): '-' is not allowed (allowed: a whole number of seconds)"
    )


def test_the_questions_before_changes_could_be_lost(indonesian: None) -> None:
    from tracker.ui.presenters.edits import day_question, episode_question, save_choices

    assert day_question(dt.date(2026, 11, 28)) == "Simpan perubahan untuk 28 Nov 2026?"
    assert save_choices() == ("Simpan", "Buang", "Lanjut mengedit")
    assert episode_question(new=True) == "Simpan kedutan ini?"


def test_what_went_wrong_is_said_in_plain_words(tmp_path: Path) -> None:
    import errno
    import sqlite3

    from tracker.ui.presenters.safety import export_failed, reason_text

    folder = tmp_path / "exports"
    exists = FileExistsError(errno.EEXIST, "File exists", str(folder))
    assert export_failed("report", exists, folder) == (
        f"Could not save the doctor report: a file is in the way of the folder {folder}."
    )
    assert reason_text(OSError(errno.ENOSPC, "No space left on device"), folder) == (
        "the disk is full"
    )
    assert reason_text(PermissionError(errno.EACCES, "Permission denied"), folder) == (
        f"Kedut may not write in {folder}"
    )
    assert reason_text(sqlite3.OperationalError("no such table: remedy_use")) == (
        "the diary could not be read; Settings → Check the diary looks for damage"
    )
    assert reason_text(sqlite3.OperationalError("database is locked")).startswith(
        "the diary is busy"
    )
    assert reason_text(KeyError("x")) == (
        "something unexpected went wrong (the details are in Kedut's log)"
    )


def test_the_restore_question_says_what_is_replaced_and_what_is_kept(tmp_path: Path) -> None:
    from tracker.ui.presenters.safety import restore_question

    text = restore_question(
        tmp_path / "kedut-2026-11-20.sqlite3", dt.date(2026, 11, 20), ["Ani", "Budi"], tmp_path
    )
    assert text == (
        "This replaces the whole diary on this device (every profile: Ani, Budi) with the "
        "backup kedut-2026-11-20.sqlite3 from Friday, 20 November 2026. Entries made since "
        "then will be gone from the diary. A copy of the diary as it is now is kept first, "
        f"in {tmp_path}."
    )
