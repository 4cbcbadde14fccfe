"""Today's warning banners name the knee once, with every side its twitches had."""

from __future__ import annotations

import datetime as dt

from tracker.analysis.warnings import compute_warnings
from tracker.domain import Settings
from tracker.i18n import Language, current_language
from tracker.ui.presenters.banners import warning_banners

TODAY = dt.date(2026, 11, 25)


def _days(*pairs: tuple[int, str]) -> list[tuple[str, str, dt.date]]:
    return [("knee", side, TODAY - dt.timedelta(days=n)) for n, side in pairs]


def test_a_mixed_sides_banner_names_the_knee_and_its_sides() -> None:
    found = compute_warnings(_days((4, "left"), (2, "both"), (0, "left")), [], Settings(), TODAY)
    (banner,) = warning_banners(found)
    assert banner.title == "Keep an eye on it: Knee (left, both sides), 3 of the last 7 days"
    assert "your knee (left, both sides) keeps coming back" in banner.details


def test_one_side_reads_as_that_knee() -> None:
    found = compute_warnings(_days((4, "right"), (2, "right"), (0, "right")), [], Settings(), TODAY)
    (banner,) = warning_banners(found)
    assert banner.title == "Keep an eye on it: Right knee, 3 of the last 7 days"


def test_banners_speak_the_language_they_are_handed() -> None:
    found = compute_warnings(_days((4, "left"), (2, "left"), (0, "left")), [], Settings(), TODAY)
    (banner,) = warning_banners(found, Language.named("id"))
    assert banner.title == "Perhatikan: Lutut kiri, 3 dari 7 hari terakhir"
    assert current_language() == "en"


def test_ten_years_of_daily_twitching_reads_as_one_span_of_days() -> None:
    ten_years = [("knee", "left", TODAY - dt.timedelta(days=n)) for n in range(3650)]
    persisting, recent = warning_banners(compute_warnings(ten_years, [], Settings(), TODAY))
    assert persisting.title == "See a doctor: Left knee twitching for 3650 days"
    assert persisting.details.endswith("Days: 28 Nov 2016 – 25 Nov 2026"), persisting.details
    assert recent.details.endswith("Days: 19 Nov 2026 – 25 Nov 2026"), recent.details


def test_many_separate_days_show_the_latest_spans_after_a_count_of_the_earlier() -> None:
    # Every other day for 40 days: 20 spans of one day; the latest 8 are named.
    every_other = _days(*((n, "right") for n in range(0, 40, 2)))
    found = compute_warnings(every_other, [], Settings(), TODAY)
    details = next(b.details for b in warning_banners(found) if "Days:" in b.details)
    named = ", ".join(
        f"{d.day} {d.strftime('%b')} {d.year}"
        for d in sorted(TODAY - dt.timedelta(days=n) for n in range(0, 16, 2))
    )
    assert details.endswith(f"Days: 12 earlier days, then {named}"), details
