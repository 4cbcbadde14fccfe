"""Warnings as banners on Today, and what opens when one is tapped."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from tracker.analysis.messages import warning_message
from tracker.domain import Warning, WarningLevel, WarningRule
from tracker.i18n import Language, current
from tracker.i18n import gettext as _
from tracker.labels import days_text, red_flag_label, sides_place_label


@dataclass(frozen=True)
class BannerView:
    title: str
    text: str
    urgent: bool
    details: str
    """The reason (the days) and what to do, shown when the banner is tapped."""


def warning_banners(
    warnings: Sequence[Warning], language: Language | None = None
) -> list[BannerView]:
    """The banners in `language` (default: the app's, on the UI thread)."""
    with (language or current()).speaking():
        return _banners(warnings)


def _banners(warnings: Sequence[Warning]) -> list[BannerView]:
    banners = []
    for warning in warnings:
        urgent = warning.level is WarningLevel.SEE_DOCTOR
        place = sides_place_label(warning.body_site, warning.sides)
        if warning.rule is WarningRule.RED_FLAG:
            signs = ", ".join(red_flag_label(sign) for sign in warning.signs)
            title = _("See a doctor: {signs} ({place})").format(signs=signs, place=place.lower())
        elif warning.rule is WarningRule.PERSISTENCE:
            span = (warning.last_day - warning.first_day).days + 1
            title = _("See a doctor: {place} twitching for {days} days").format(
                place=place, days=span
            )
        else:
            title = _("Keep an eye on it: {place}, {n} of the last 7 days").format(
                place=place, n=warning.episode_days
            )
        days = days_text(warning.days)
        details = warning_message(warning) + "\n\n" + _("Days: {days}").format(days=days)
        summary = _("Tap to see why and what to do.")
        banners.append(BannerView(title=title, text=summary, urgent=urgent, details=details))
    return banners


def reminder_banner(
    now: dt.datetime, reminder: dt.time | None, logged_today: bool
) -> BannerView | None:
    """A gentle nudge once the reminder time has passed with nothing logged today."""
    if reminder is None or logged_today or now.time() < reminder:
        return None
    return BannerView(
        title=_("Nothing logged today yet"),
        text=_("How was your day? Log sleep, water and exercise, even without twitching."),
        urgent=False,
        details="",
    )
