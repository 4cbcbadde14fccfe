"""Words for the domain's values, in the current language. No Kivy here."""

from __future__ import annotations

import datetime as dt

from tracker.domain import BodySite, Side
from tracker.i18n import gettext as _


def site_label(site: BodySite) -> str:
    return {
        BodySite.KNEE: _("knee"),
        BodySite.THIGH: _("thigh"),
        BodySite.CALF: _("calf"),
        BodySite.FOOT: _("foot"),
        BodySite.EYELID: _("eyelid"),
        BodySite.ARM: _("arm"),
        BodySite.HAND: _("hand"),
        BodySite.OTHER: _("other place"),
    }[site]


def place_label(site: BodySite, side: Side) -> str:
    """ "Left knee", "Both knees", "Eyelid"."""
    site_text = site_label(site)
    if side is Side.LEFT:
        text = _("left {site}").format(site=site_text)
    elif side is Side.RIGHT:
        text = _("right {site}").format(site=site_text)
    elif side is Side.BOTH:
        text = _("{site}, both sides").format(site=site_text)
    else:
        text = site_text
    return text[:1].upper() + text[1:]


def red_flag_label(flag: str) -> str:
    return {
        "pain": _("sharp pain"),
        "swelling": _("swelling"),
        "warmth": _("hot or red"),
        "numbness_tingling": _("numbness or tingling"),
        "weakness": _("weak leg"),
    }[flag]


def weekday_label(day: dt.date) -> str:
    return (
        _("Monday"),
        _("Tuesday"),
        _("Wednesday"),
        _("Thursday"),
        _("Friday"),
        _("Saturday"),
        _("Sunday"),
    )[day.weekday()]


def month_label(month: int) -> str:
    return (
        _("January"),
        _("February"),
        _("March"),
        _("April"),
        _("May"),
        _("June"),
        _("July"),
        _("August"),
        _("September"),
        _("October"),
        _("November"),
        _("December"),
    )[month - 1]


def long_date(day: dt.date) -> str:
    """ "Wednesday, 25 November 2026" (day before month, as both languages write it)."""
    return _("{weekday}, {day} {month} {year}").format(
        weekday=weekday_label(day), day=day.day, month=month_label(day.month), year=day.year
    )
