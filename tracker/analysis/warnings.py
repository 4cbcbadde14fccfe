"""The see-a-doctor rules (DESIGN.md "Rules"): a pure function of the episode days,
the red-flag episodes, the profile's thresholds and today.

Each (body site, side) is judged on its own. Episodes dated after today are ignored.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

from tracker.domain import (
    RED_FLAGS,
    BodySite,
    Settings,
    Side,
    Warning,
    WarningLevel,
    WarningRule,
)

RECENT_DAYS = 7  # "the last 7 days": today − 6 … today
RED_FLAG_DAYS = 14  # red flags count for today − 13 … today
_RULE_ORDER = {WarningRule.RED_FLAG: 0, WarningRule.PERSISTENCE: 1, WarningRule.RECURRING: 2}

Place = tuple[BodySite, Side]


def runs(days: Sequence[dt.date], reset_free_days: int) -> list[list[dt.date]]:
    """Sorted episode days grouped into runs: a run ends once `reset_free_days` days in
    a row pass without an episode (days d1 < d2 share a run when d2 − d1 ≤ reset)."""
    grouped: list[list[dt.date]] = []
    for day in days:
        if grouped and (day - grouped[-1][-1]).days <= reset_free_days:
            grouped[-1].append(day)
        else:
            grouped.append([day])
    return grouped


def _place_warnings(
    place: Place, days: list[dt.date], settings: Settings, today: dt.date
) -> list[Warning]:
    site, side = place
    found: list[Warning] = []
    recent = [d for d in days if (today - d).days < RECENT_DAYS]
    if len(recent) >= settings.recurring_days:
        found.append(
            Warning(
                rule=WarningRule.RECURRING,
                level=WarningLevel.WATCH,
                body_site=site,
                side=side,
                days=tuple(recent),
            )
        )
    if days:
        current = runs(days, settings.reset_free_days)[-1]
        is_current = (today - current[-1]).days < min(RECENT_DAYS, settings.reset_free_days)
        span_days = (current[-1] - current[0]).days + 1
        if is_current and span_days >= settings.persist_span_days and len(current) >= 3:
            found.append(
                Warning(
                    rule=WarningRule.PERSISTENCE,
                    level=WarningLevel.SEE_DOCTOR,
                    body_site=site,
                    side=side,
                    days=tuple(current),
                )
            )
    return found


def _days_by_place(
    site_days: Iterable[tuple[str, str, dt.date]], today: dt.date
) -> dict[Place, list[dt.date]]:
    seen: dict[tuple[str, str], set[dt.date]] = defaultdict(set)
    for site, side, day in site_days:
        if day <= today:
            seen[(site, side)].add(day)
    return {(BodySite(site), Side(side)): sorted(days) for (site, side), days in seen.items()}


def current_run_may_start_before(
    site_days: Iterable[tuple[str, str, dt.date]],
    settings: Settings,
    today: dt.date,
    since: dt.date,
) -> bool:
    """Whether days before `since` could belong to a current run: then the caller must
    look further back before judging persistence."""
    for days in _days_by_place(site_days, today).values():
        current = runs(days, settings.reset_free_days)[-1]
        if (today - current[-1]).days < RECENT_DAYS and (
            current[0] - since
        ).days < settings.reset_free_days:
            return True
    return False


def compute_warnings(
    site_days: Iterable[tuple[str, str, dt.date]],
    red_flag_episodes: Iterable[tuple[dt.date, str, str, bool, bool, bool, bool, bool]],
    settings: Settings,
    today: dt.date,
) -> list[Warning]:
    """All current warnings, red flags first, then persistence, then recurring."""
    found: list[Warning] = []
    for place, days in _days_by_place(site_days, today).items():
        found += _place_warnings(place, days, settings, today)

    flagged_days: dict[Place, set[dt.date]] = defaultdict(set)
    signs_at: dict[Place, set[str]] = defaultdict(set)
    for day, site, side, *flags in red_flag_episodes:
        if 0 <= (today - day).days < RED_FLAG_DAYS and any(flags):
            place = (BodySite(site), Side(side))
            flagged_days[place].add(day)
            signs_at[place].update(name for name, on in zip(RED_FLAGS, flags, strict=True) if on)
    for (site, side), flag_days in flagged_days.items():
        signs = tuple(name for name in RED_FLAGS if name in signs_at[(site, side)])
        found.append(
            Warning(
                rule=WarningRule.RED_FLAG,
                level=WarningLevel.SEE_DOCTOR,
                body_site=site,
                side=side,
                days=tuple(sorted(flag_days)),
                signs=signs,
            )
        )
    found.sort(key=lambda w: (_RULE_ORDER[w.rule], -w.last_day.toordinal(), w.body_site, w.side))
    return found
