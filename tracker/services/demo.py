"""A realistic synthetic diary for the "Demo" profile, the same for the same seed.

The person it describes lives in Jakarta (UTC+07:00), mostly twitches in the left knee,
twitches more after short nights, hard exercise, low water and while on a diuretic, logs
most days but not all (and not every field), and has a stretch of almost daily
twitching over the last weeks, with one episode of sharp pain, so every screen,
warning and chart has something real to show.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, field
from typing import TypeVar

from tracker.domain import (
    DayLog,
    Episode,
    ExerciseIntensity,
    Medication,
    MedicationKind,
    Profile,
    Remedy,
    RemedyUse,
    Side,
    TwitchContext,
)
from tracker.i18n import gettext as _
from tracker.i18n import ngettext
from tracker.services.clock import Clock, system_now
from tracker.services.profiles import DEMO_PROFILE_NAME
from tracker.storage import Store, UnitOfWork

__all__ = ["DEMO_PROFILE_NAME", "DemoDiary", "DemoRefusedError", "fill_demo_profile", "generate"]
DEMO_OFFSET_MIN = 7 * 60
T = TypeVar("T")
_NOTES = ("after futsal", "sitting at my desk", "in bed, before sleep", "kedut lagi", None)


@dataclass
class DemoDiary:
    episodes: list[Episode] = field(default_factory=list)
    days: list[DayLog] = field(default_factory=list)
    medications: list[Medication] = field(default_factory=list)
    remedies: list[RemedyUse] = field(default_factory=list)


def _poisson(rng: random.Random, mean: float) -> int:
    # Knuth's method: fine for the small means of a twitch diary.
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _maybe(rng: random.Random, value: T, missing_share: float) -> T | None:
    return None if rng.random() < missing_share else value


def generate(days: int, seed: int, end: dt.date) -> DemoDiary:
    """Pure: the demo diary for `days` days ending on `end`."""
    rng = random.Random(seed)
    diary = DemoDiary()
    first = end - dt.timedelta(days=days - 1)
    zone = dt.timezone(dt.timedelta(minutes=DEMO_OFFSET_MIN))
    diuretic_from = first + dt.timedelta(days=int(days * 0.3))
    diuretic_to = first + dt.timedelta(days=int(days * 0.45))
    diary.medications.append(
        Medication(
            name="Furosemide",
            kind=MedicationKind.DIURETIC,
            started_on=diuretic_from,
            stopped_on=diuretic_to,
        )
    )
    holiday = first + dt.timedelta(days=int(days * 0.6))  # five days with no log at all
    recurring_from = end - dt.timedelta(days=min(20, days - 1))
    prev_sleep_h = 7.0
    for index in range(days):
        day = first + dt.timedelta(days=index)
        if holiday <= day < holiday + dt.timedelta(days=5):
            continue
        sleep_h = min(10.0, max(3.0, round(rng.gauss(6.8, 1.2) * 2) / 2))
        exercise_min = 0 if rng.random() < 0.4 else max(10, int(rng.gauss(45, 20)))
        vigorous = exercise_min > 0 and rng.random() < 0.35
        water_ml = max(400, int(rng.gauss(1800, 500) / 50) * 50)
        diarrhea = rng.random() < 0.04
        on_diuretic = diuretic_from <= day <= diuretic_to
        if rng.random() < 0.9:  # a day log on most days, with fields missing now and then
            diary.days.append(
                DayLog(
                    date=day,
                    sleep_h=_maybe(rng, sleep_h, 0.08),
                    sleep_quality=_maybe(rng, max(0, min(4, int(sleep_h - 4))), 0.25),
                    water_ml=_maybe(rng, water_ml, 0.12),
                    exercise_min=_maybe(rng, exercise_min, 0.1),
                    exercise_intensity=(
                        (ExerciseIntensity.VIGOROUS if vigorous else ExerciseIntensity.MODERATE)
                        if exercise_min
                        else None
                    ),
                    stress=_maybe(rng, rng.randint(0, 4), 0.3),
                    caffeine_mg=_maybe(rng, rng.choice((0, 80, 95, 160, 190, 300)), 0.3),
                    alcohol_units=_maybe(rng, rng.choice((0.0, 0.0, 0.0, 1.0, 2.5)), 0.4),
                    diarrhea=diarrhea,
                    calcium_rich_food=_maybe(rng, rng.random() < 0.5, 0.3),
                    magnesium_rich_food=_maybe(rng, rng.random() < 0.45, 0.3),
                    vitamin_supplement=_maybe(rng, rng.random() < 0.3, 0.3),
                )
            )
        rate = 0.05 + 0.6 * max(0.0, 6.0 - prev_sleep_h) + (0.9 if vigorous else 0.0)
        rate += (0.6 if water_ml < 1500 else 0.0) + (1.0 if diarrhea else 0.0)
        rate += (0.8 if on_diuretic else 0.0) + (1.5 if day >= recurring_from else 0.0)
        count = _poisson(rng, rate)
        for _episode in range(count):
            hour = rng.choice((7, 10, 13, 16, 18, 19, 20, 21, 22, 23))
            local = dt.datetime.combine(day, dt.time(hour, rng.randrange(60)), zone)
            after_exercise = vigorous and hour >= 16
            diary.episodes.append(
                Episode(
                    started_at=local,
                    utc_offset_min=DEMO_OFFSET_MIN,
                    side=rng.choices((Side.LEFT, Side.RIGHT, Side.BOTH), (16, 3, 1))[0],
                    intensity=min(4, max(0, int(rng.gauss(1.6 + 0.3 * on_diuretic, 0.9)))),
                    duration_s=_maybe(rng, rng.randint(5, 120), 0.3),
                    context=TwitchContext.AFTER_EXERCISE
                    if after_exercise
                    else (
                        TwitchContext.NIGHT if hour >= 22 else _maybe(rng, TwitchContext.REST, 0.5)
                    ),
                    note=rng.choice(_NOTES) if rng.random() < 0.2 else None,
                )
            )
        if count >= 2 and rng.random() < 0.6:
            diary.remedies.append(
                RemedyUse(
                    date=day,
                    remedy=rng.choice(list(Remedy)),
                    helped=_maybe(rng, rng.randint(0, 4), 0.2),
                )
            )
        prev_sleep_h = sleep_h
    pain_day = end - dt.timedelta(days=min(3, days - 1))
    diary.episodes.append(
        Episode(
            started_at=dt.datetime.combine(pain_day, dt.time(21, 15), zone),
            utc_offset_min=DEMO_OFFSET_MIN,
            side=Side.LEFT,
            intensity=3,
            duration_s=90,
            context=TwitchContext.REST,
            pain=True,
            note="sharp pain below the kneecap",
        )
    )
    diary.episodes.sort(key=lambda episode: episode.started_at)
    return diary


class DemoRefusedError(ValueError):
    """`demo` would erase entries that are not its own: it stops and says why."""


# Twitches stored this long after the Demo profile was made were logged by a person
# (the demo stores its own in the same second as the profile).
_HAND_LOGGED_AFTER = dt.timedelta(minutes=1)


def _check_only_demo_data(uow: UnitOfWork, existing: Profile) -> None:
    """Refuse to erase a profile that merely resembles Demo, or a Demo profile that
    holds twitches logged by hand (older Kedut logged into Demo by default)."""
    if existing.name != DEMO_PROFILE_NAME:
        raise DemoRefusedError(
            _(
                "the profile {name!r} is your own, not the sample diary; rename it "
                "(profiles rename {name} NEW_NAME) and run demo again"
            ).format(name=existing.name)
        )
    assert existing.id is not None and existing.created_at is not None
    made = existing.created_at + _HAND_LOGGED_AFTER
    own = [e for e in uow.episodes.everything(existing.id) if (e.created_at or made) > made]
    if own:
        raise DemoRefusedError(
            ngettext(
                "the Demo profile holds {count} twitch you logged yourself; demo would "
                "erase it. Keep it by renaming the profile (profiles rename Demo NEW_NAME), "
                "then run demo again",
                "the Demo profile holds {count} twitches you logged yourself; demo would "
                "erase them. Keep them by renaming the profile (profiles rename Demo "
                "NEW_NAME), then run demo again",
                len(own),
            ).format(count=len(own))
        )


def fill_demo_profile(
    store: Store, days: int, seed: int, end: dt.date, now: Clock = system_now
) -> tuple[Profile, DemoDiary]:
    """Replace the Demo profile's data with a fresh demo diary, in one transaction.
    No other profile is touched; DemoRefusedError when erasing would lose a person's
    own entries."""
    diary = generate(days, seed, end)
    with UnitOfWork(store) as uow:
        existing = uow.profiles.by_name(DEMO_PROFILE_NAME)
        if existing is not None and existing.id is not None:
            _check_only_demo_data(uow, existing)
            uow.profiles.remove(existing.id)
        logged_at = now()
        profile = uow.profiles.add(Profile(name=DEMO_PROFILE_NAME), logged_at)
        assert profile.id is not None
        for episode in diary.episodes:
            uow.episodes.add(profile.id, episode, logged_at)
        for day_log in diary.days:
            uow.days.put(profile.id, day_log, logged_at)
        for medication in diary.medications:
            uow.medications.add(profile.id, medication, logged_at)
        for use in diary.remedies:
            uow.remedies.add(profile.id, use, logged_at)
        uow.commit()
    return profile, diary
