"""The see-a-doctor rules (DESIGN.md "Rules"): a pure function of the episode days,
the red-flag episodes, the profile's thresholds and today.

Each body site is judged on its own, with all its sides together: a left, a "both" and
a "not sure" twitch of the knee are all the knee's twitching. A warning lists the sides
its episodes were logged with. Episodes dated after today are ignored.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet

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
_SIDE_ORDER = {side: index for index, side in enumerate(Side)}

# For one body site: each episode day and the sides (their stored text) logged on it.
SiteDays = dict[dt.date, set[str]]
# For one body site: each side (stored text) and the days it was logged on, as date
# ordinals (dt.date.toordinal).
SideDays = Mapping[str, AbstractSet[int]]


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


def current_run(days: Sequence[int], reset_free_days: int) -> Sequence[int]:
    """The last of the runs of these sorted day numbers (date ordinals, not empty), found
    from the end: ten years of daily twitching are one run of ≈3,650 days."""
    start = len(days) - 1
    while start and days[start] - days[start - 1] <= reset_free_days:
        start -= 1
    return days[start:]


def _until(side_days: SideDays, today: int) -> list[int]:
    """The site's episode days (ordinals) up to today, sorted."""
    days = sorted(set().union(*side_days.values()))
    return days[: bisect.bisect_right(days, today)]


def _sides_on(days: Iterable[int], side_days: SideDays) -> tuple[Side, ...]:
    """The sides logged on any of `days`, in the order left, right, both, none."""
    wanted = set(days)
    seen = [side for side, on in side_days.items() if not wanted.isdisjoint(on)]
    return tuple(sorted((Side(side) for side in seen), key=_SIDE_ORDER.__getitem__))


def _dates(days: Sequence[int]) -> tuple[dt.date, ...]:
    return tuple(map(dt.date.fromordinal, days))


def sides_of(days: Iterable[dt.date], sides_by_day: Mapping[dt.date, set[str]]) -> tuple[Side, ...]:
    """The sides logged on `days`, in the order left, right, both, none."""
    seen: set[str] = set().union(*(sides_by_day[day] for day in days))
    return tuple(sorted((Side(side) for side in seen), key=_SIDE_ORDER.__getitem__))


def _site_warnings(
    site: BodySite, side_days: SideDays, settings: Settings, today: dt.date
) -> list[Warning]:
    # Day numbers (ordinals) rather than dates: sorting and subtracting ten years of
    # days as dates made most of the warnings' time.
    now = today.toordinal()
    days = _until(side_days, now)
    found: list[Warning] = []
    recent = days[bisect.bisect_left(days, now - (RECENT_DAYS - 1)) :]
    if len(recent) >= settings.recurring_days:
        found.append(
            Warning(
                rule=WarningRule.RECURRING,
                level=WarningLevel.WATCH,
                body_site=site,
                sides=_sides_on(recent, side_days),
                days=_dates(recent),
            )
        )
    if days:
        current = current_run(days, settings.reset_free_days)
        is_current = now - current[-1] < min(RECENT_DAYS, settings.reset_free_days)
        span_days = current[-1] - current[0] + 1
        if is_current and span_days >= settings.persist_span_days and len(current) >= 3:
            found.append(
                Warning(
                    rule=WarningRule.PERSISTENCE,
                    level=WarningLevel.SEE_DOCTOR,
                    body_site=site,
                    sides=_sides_on(current, side_days),
                    days=_dates(current),
                )
            )
    return found


def _days_by_site(
    site_days: Iterable[tuple[str, str, dt.date]], today: dt.date
) -> dict[str, dict[str, set[int]]]:
    by_site: dict[str, dict[str, set[int]]] = {}
    for site, side, day in site_days:
        if day <= today:
            by_site.setdefault(site, {}).setdefault(side, set()).add(day.toordinal())
    return by_site


def current_run_may_start_before(
    days_by_site: Mapping[str, SideDays], settings: Settings, today: dt.date, since: dt.date
) -> bool:
    """Whether days before `since` could belong to a current run: then the caller must
    look further back before judging persistence."""
    now, first = today.toordinal(), since.toordinal()
    for side_days in days_by_site.values():
        days = _until(side_days, now)
        if not days:
            continue
        current = current_run(days, settings.reset_free_days)
        if now - current[-1] < RECENT_DAYS and current[0] - first < settings.reset_free_days:
            return True
    return False


def compute_warnings(
    site_days: Iterable[tuple[str, str, dt.date]],
    red_flag_episodes: Iterable[tuple[dt.date, str, str, bool, bool, bool, bool, bool]],
    settings: Settings,
    today: dt.date,
) -> list[Warning]:
    """All current warnings from (site, side, day) rows: see `warnings_from_days`."""
    return warnings_from_days(_days_by_site(site_days, today), red_flag_episodes, settings, today)


def warnings_from_days(
    days_by_site: Mapping[str, SideDays],
    red_flag_episodes: Iterable[tuple[dt.date, str, str, bool, bool, bool, bool, bool]],
    settings: Settings,
    today: dt.date,
) -> list[Warning]:
    """All current warnings, red flags first, then persistence, then recurring; at most
    one of each rule per body site. `days_by_site`: for each body site (stored text),
    each side logged there and its days as date ordinals."""
    found: list[Warning] = []
    for site, side_days in days_by_site.items():
        found += _site_warnings(BodySite(site), side_days, settings, today)

    flagged: dict[BodySite, SiteDays] = defaultdict(lambda: defaultdict(set))
    signs_at: dict[BodySite, set[str]] = defaultdict(set)
    for day, site, side, *flags in red_flag_episodes:
        if 0 <= (today - day).days < RED_FLAG_DAYS and any(flags):
            flagged[BodySite(site)][day].add(side)
            signs_at[BodySite(site)].update(
                name for name, on in zip(RED_FLAGS, flags, strict=True) if on
            )
    for body_site, sides_by_day in flagged.items():
        found.append(
            Warning(
                rule=WarningRule.RED_FLAG,
                level=WarningLevel.SEE_DOCTOR,
                body_site=body_site,
                sides=sides_of(sides_by_day, sides_by_day),
                days=tuple(sorted(sides_by_day)),
                signs=tuple(name for name in RED_FLAGS if name in signs_at[body_site]),
            )
        )
    found.sort(key=lambda w: (_RULE_ORDER[w.rule], -w.last_day.toordinal(), w.body_site))
    return found
