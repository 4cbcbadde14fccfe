"""Words for the domain's values, in the current language. No Kivy here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tracker.domain import BodySite, Remedy, Side, TwitchContext
from tracker.i18n import current_language, ngettext
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


def side_label(side: Side) -> str:
    return {
        Side.LEFT: _("left"),
        Side.RIGHT: _("right"),
        Side.BOTH: _("both"),
        Side.NONE: _("not sure"),
    }[side]


def context_label(context: TwitchContext) -> str:
    return {
        TwitchContext.REST: _("at rest"),
        TwitchContext.AFTER_EXERCISE: _("after exercise"),
        TwitchContext.NIGHT: _("at night"),
        TwitchContext.OTHER: _("other"),
    }[context]


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


def sides_place_label(site: BodySite, sides: Sequence[Side]) -> str:
    """Where a warning's twitching was: "Left knee" when every episode had that side,
    "Knee (left, both sides, side not sure)" when they were mixed."""
    if len(sides) == 1:
        return place_label(site, sides[0])
    listed = {
        Side.LEFT: _("left"),
        Side.RIGHT: _("right"),
        Side.BOTH: _("both sides"),
        Side.NONE: _("side not sure"),
    }
    text = _("{site} ({sides})").format(
        site=site_label(site), sides=", ".join(listed[side] for side in sides)
    )
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


def day_month_year(day: dt.date) -> str:
    """ "25 November 2026"."""
    return f"{day.day} {month_label(day.month)} {day.year}"


def factor_label(factor: str) -> str:
    """A factor's name for people: "sleep (hours)", "diarrhoea"."""
    return {
        "sleep_h": _("sleep (hours)"),
        "sleep_quality": _("sleep quality"),
        "water_ml": _("water"),
        "exercise_min": _("exercise (minutes)"),
        "stress": _("stress"),
        "caffeine_mg": _("caffeine"),
        "alcohol_units": _("alcohol"),
        "diarrhea": _("diarrhoea"),
        "calcium_rich_food": _("calcium-rich food"),
        "magnesium_rich_food": _("magnesium-rich food"),
        "vitamin_supplement": _("vitamin supplement"),
        "on_diuretic": _("taking a diuretic"),
        "on_corticosteroid": _("taking a corticosteroid"),
        "on_estrogen": _("taking estrogen"),
    }[factor]


def more_or_less(factor: str, higher: bool) -> str:
    """ "more sleep" / "less sleep": the direction a numeric factor went."""
    words = {
        "sleep_h": (_("more sleep"), _("less sleep")),
        "sleep_quality": (_("better sleep"), _("worse sleep")),
        "water_ml": (_("more water"), _("less water")),
        "exercise_min": (_("more exercise"), _("less exercise")),
        "stress": (_("more stress"), _("less stress")),
        "caffeine_mg": (_("more caffeine"), _("less caffeine")),
        "alcohol_units": (_("more alcohol"), _("less alcohol")),
    }[factor]
    return words[0] if higher else words[1]


def remedy_label(remedy: Remedy) -> str:
    text = {
        Remedy.REST: _("rest"),
        Remedy.FLUIDS: _("fluids"),
        Remedy.NUTRITION: _("nutrition (vitamins B, D, calcium, magnesium)"),
        Remedy.STRETCHING: _("stretching"),
        Remedy.MASSAGE: _("light massage"),
        Remedy.WARM_COMPRESS: _("warm compress"),
        Remedy.COLD_COMPRESS: _("cold compress"),
    }[remedy]
    return text[:1].upper() + text[1:]


def short_date(day: dt.date) -> str:
    """ "24 Nov 2026": for tables and lists of days."""
    return f"{day.day} {month_label(day.month)[:3]} {day.year}"


def days_text(days: Sequence[dt.date], most_spans: int = 8) -> str:
    """Days as a person reads them: a run of days in a row as one span ("1 Nov 2026 –
    24 Nov 2026"), the latest `most_spans` spans, after how many days came before them.
    Ten years of daily twitching is one span, not 3,650 dates."""
    spans: list[tuple[dt.date, dt.date]] = []
    for day in sorted(days):
        if spans and (day - spans[-1][1]).days <= 1:
            spans[-1] = (spans[-1][0], day)
        else:
            spans.append((day, day))
    shown = spans[-most_spans:]
    text = ", ".join(
        short_date(first) if first == last else f"{short_date(first)} – {short_date(last)}"
        for first, last in shown
    )
    earlier = len({d for d in days if d < shown[0][0]}) if shown else 0
    if not earlier:
        return text
    return ngettext(
        "{count} earlier day, then {days}", "{count} earlier days, then {days}", earlier
    ).format(days=text, count=earlier)


def decimal_text(value: float, digits: int) -> str:
    """A number as the person's language writes it: "0.42" in English, "0,42" in
    Indonesian; a true minus sign; never "−0.00" (a value that rounds to zero has no
    sign)."""
    text = f"{value:.{digits}f}"
    if float(text) == 0:
        text = text.lstrip("-")
    text = text.replace("-", "−")
    return text.replace(".", ",") if current_language() == "id" else text
