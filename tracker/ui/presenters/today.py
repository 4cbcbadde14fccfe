"""Presenters: service results in, view state out. Plain Python, no Kivy, so every
word and number a screen shows is tested without a window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from tracker.domain import BodySite, Episode, Side
from tracker.i18n import gettext as _
from tracker.i18n import ngettext
from tracker.labels import long_date, place_label, red_flag_label


@dataclass(frozen=True)
class EpisodeItem:
    """One line of the day's episode list."""

    episode_id: int
    time_text: str
    place_text: str
    detail_text: str
    red_flags_text: str


@dataclass(frozen=True)
class TodayView:
    date_text: str
    log_hint: str
    count_text: str
    empty_text: str
    items: tuple[EpisodeItem, ...]


def intensity_text(intensity: int) -> str:
    return _("intensity {n} of 4").format(n=intensity)


def episode_item(episode: Episode) -> EpisodeItem:
    assert episode.id is not None
    details = [intensity_text(episode.intensity)]
    if episode.duration_s is not None:
        details.append(_("{s} s").format(s=episode.duration_s))
    if episode.note:
        # Shown with markup off, so a note can never style or break the screen.
        details.append(" ".join(episode.note.split()))
    flags = ", ".join(red_flag_label(flag) for flag in episode.red_flags)
    return EpisodeItem(
        episode_id=episode.id,
        time_text=episode.local_started_at.strftime("%H:%M"),
        place_text=place_label(episode.body_site, episode.side),
        detail_text=" · ".join(details),
        red_flags_text=flags,
    )


def today_view(day: dt.date, episodes: Sequence[Episode], last: Episode | None) -> TodayView:
    """The Today screen: the date, what one tap will log, and the day's episodes
    (newest first)."""
    # The one-tap log is always at the knee, with the side and intensity used last.
    side = last.side if last else Side.NONE
    intensity = last.intensity if last else 1
    count = len(episodes)
    return TodayView(
        date_text=long_date(day),
        log_hint=_("{place} · {intensity}").format(
            place=place_label(BodySite.KNEE, side),
            intensity=intensity_text(intensity),
        ),
        count_text=ngettext("{n} twitch today", "{n} twitches today", count).format(n=count),
        empty_text=""
        if count
        else _("Nothing logged yet today. Tap the button when a twitch starts."),
        items=tuple(
            episode_item(e) for e in sorted(episodes, key=lambda e: e.started_at, reverse=True)
        ),
    )
