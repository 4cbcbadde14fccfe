"""A fast, seedable ten-year diary for the benchmarks (≈100,000 episodes).

It has the shape of a real one: days without any log, fields left empty, episodes that
follow short nights, hard exercise, low water and a diuretic period, and stretches of
recurring twitching. Rows go in through the storage layer in bulk (Core inserts in one
transaction), which is what an import of this size does too.

    python -m bench.generate --data-dir /tmp/kedut-10y [--years 10] [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import uuid
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import insert

from tracker.domain import Profile
from tracker.domain.identity import day_uuid
from tracker.models import DayLogRow, EpisodeRow, MedicationRow
from tracker.storage import Store, UnitOfWork, open_store

PROFILE = "Bench"
OFFSET_MIN = 420
SITES = np.array(["knee", "knee", "knee", "knee", "calf", "thigh"])
SIDES = np.array(["left", "left", "left", "right", "both"])


def _nullable(values: np.ndarray, missing: np.ndarray) -> list[Any]:
    return [None if gone else value.item() for value, gone in zip(values, missing, strict=True)]


def _uuids(rng: np.random.Generator, count: int) -> list[str]:
    """Seeded version-4 uuids: the same seed gives the same diary, identity included."""
    raw = rng.bytes(16 * count)
    return [str(uuid.UUID(bytes=raw[16 * k : 16 * k + 16], version=4)) for k in range(count)]


def generate(
    store: Store, years: int = 10, seed: int = 1, end: dt.date = dt.date(2026, 11, 25)
) -> int:
    """Fill a "Bench" profile; returns the number of episodes written."""
    rng = np.random.default_rng(seed)
    ids = np.random.default_rng([seed, 4])  # apart, so the diary's values stay as they were
    days = years * 365
    first = end - dt.timedelta(days=days - 1)
    logged = rng.random(days) > 0.08
    sleep_h = np.clip(np.round(rng.normal(6.8, 1.2, days) * 2) / 2, 3, 10)
    water_ml = np.clip(np.round(rng.normal(1800, 500, days) / 50) * 50, 300, 4000).astype(int)
    exercise_min = np.where(
        rng.random(days) < 0.4, 0, np.clip(rng.normal(45, 20, days), 10, 180)
    ).astype(int)
    vigorous = (exercise_min > 0) & (rng.random(days) < 0.35)
    diarrhea = rng.random(days) < 0.03
    diuretic = np.zeros(days, dtype=bool)
    diuretic[days // 3 : days // 3 + 120] = True
    flare = (np.arange(days) // 90) % 4 == 3  # a stretch of recurring twitching every year
    previous_sleep = np.concatenate(([7.0], sleep_h[:-1]))
    rate = 19 + 6 * np.clip(7 - previous_sleep, 0, None) + 8 * vigorous + 6 * (water_ml < 1500)
    rate = rate + 10 * diarrhea + 8 * diuretic + 12 * flare
    counts = rng.poisson(rate) * logged
    total = int(counts.sum())
    day_of = np.repeat(np.arange(days), counts)
    minute_of = rng.integers(6 * 60, 24 * 60, total)
    zone = dt.timezone(dt.timedelta(minutes=OFFSET_MIN))
    now = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
    intensity = np.clip(rng.normal(1.6, 0.9, total), 0, 4).astype(int)
    duration = rng.integers(5, 120, total)
    no_duration = rng.random(total) < 0.3
    site = rng.choice(SITES, total)
    side = rng.choice(SIDES, total)
    pain = rng.random(total) < 0.0005
    with UnitOfWork(store) as uow:
        profile = uow.profiles.add(Profile(name=PROFILE, uuid=_uuids(ids, 1)[0]), now)
        profile_id = profile.id
        assert profile.uuid is not None
        episode_uuids = _uuids(ids, total)
        session = uow.profiles._session  # bulk Core inserts share the unit of work's session
        episodes = []
        for k in range(total):
            local_day = first + dt.timedelta(days=int(day_of[k]))
            minute = int(minute_of[k])
            local = dt.datetime.combine(local_day, dt.time(minute // 60, minute % 60), zone)
            episodes.append(
                {
                    "profile_id": profile_id,
                    "uuid": episode_uuids[k],
                    "started_at": local,
                    "utc_offset_min": OFFSET_MIN,
                    "local_date": local_day,
                    "duration_s": None if no_duration[k] else int(duration[k]),
                    "body_site": str(site[k]),
                    "side": str(side[k]),
                    "intensity": int(intensity[k]),
                    "context": None,
                    "pain": bool(pain[k]),
                    "swelling": False,
                    "warmth": False,
                    "numbness_tingling": False,
                    "weakness": False,
                    "note": None,
                    "created_at": now,
                    "updated_at": now,
                    "deleted_at": None,
                }
            )
        session.execute(insert(EpisodeRow), episodes)
        day_rows = []
        for i in np.flatnonzero(logged & (rng.random(days) > 0.05)):
            gone = rng.random(6) < np.array([0.08, 0.25, 0.12, 0.1, 0.3, 0.3])
            day = first + dt.timedelta(days=int(i))
            day_rows.append(
                {
                    "profile_id": profile_id,
                    "uuid": day_uuid(profile.uuid, day),
                    "updated_at": now,
                    "date": day,
                    "sleep_h": None if gone[0] else float(sleep_h[i]),
                    "sleep_quality": None if gone[1] else int(np.clip(sleep_h[i] - 4, 0, 4)),
                    "water_ml": None if gone[2] else int(water_ml[i]),
                    "exercise_min": None if gone[3] else int(exercise_min[i]),
                    "exercise_intensity": (
                        None if not exercise_min[i] else "vigorous" if vigorous[i] else "moderate"
                    ),
                    "stress": None if gone[4] else int(rng.integers(0, 5)),
                    "caffeine_mg": None if gone[5] else int(rng.choice([0, 80, 95, 160, 190])),
                    "alcohol_units": None,
                    "diarrhea": bool(diarrhea[i]),
                    "calcium_rich_food": bool(rng.random() < 0.5),
                    "magnesium_rich_food": None,
                    "vitamin_supplement": bool(rng.random() < 0.3),
                    "note": None,
                }
            )
        session.execute(insert(DayLogRow), day_rows)
        start = first + dt.timedelta(days=days // 3)
        session.execute(
            insert(MedicationRow),
            [
                {
                    "profile_id": profile_id,
                    "uuid": _uuids(ids, 1)[0],
                    "updated_at": now,
                    "name": "Furosemide",
                    "kind": "diuretic",
                    "started_on": start,
                    "stopped_on": start + dt.timedelta(days=119),
                }
            ],
        )
        uow.commit()
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    store = open_store(args.data_dir)
    print(f"{generate(store, args.years, args.seed)} episodes written to {store.db_path}")
    store.close()


if __name__ == "__main__":
    main()
