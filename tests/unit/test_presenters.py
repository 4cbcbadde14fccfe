"""The Today presenter turns episodes into exactly what the screen shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

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
