"""The storage layer is engine-neutral (DESIGN.md "Architecture"): the same models and
migrations make the household server's schema, and the same repositories and aggregates
give the same answers on PostgreSQL as on the device's SQLite."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from tracker.domain import (
    DayLog,
    Episode,
    Medication,
    MedicationKind,
    Profile,
    Remedy,
    RemedyUse,
    Settings,
)
from tracker.storage import open_store
from tracker.storage.aggregates import Aggregates
from tracker.storage.care import MedicationRepository, RemedyRepository
from tracker.storage.days import DayLogRepository
from tracker.storage.episodes import EpisodeRepository
from tracker.storage.profiles import ProfileRepository
from tracker.storage.sync.server import Server, parse_url

NOW = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.UTC)
FIRST, LAST = dt.date(2026, 10, 1), dt.date(2026, 11, 28)


def _fill(session: Session) -> None:
    profiles = ProfileRepository(session)
    profile = profiles.add(Profile(name="Ani"), NOW)
    assert profile.id is not None
    profiles.put_settings(profile.id, Settings(language="id", water_target_ml=2500), NOW)
    episodes = EpisodeRepository(session)
    for n in range(60):
        at = dt.datetime(2026, 10, 1, 22, 30, tzinfo=dt.UTC) + dt.timedelta(hours=19 * n)
        stored = episodes.add(
            profile.id,
            Episode(
                started_at=at,
                utc_offset_min=420 if n % 2 else -300,
                side=("left", "right", "both")[n % 3],  # type: ignore[arg-type]
                intensity=n % 5,
                duration_s=None if n % 4 else 30 + n,
                pain=n % 7 == 0,
                weakness=n % 11 == 0,
                note=f"twitch {n}",
            ),
            NOW,
        )
        if n % 9 == 0:
            assert stored.id is not None
            episodes.set_deleted(profile.id, stored.id, NOW, NOW)
    days = DayLogRepository(session)
    for n in range(0, 50, 2):
        days.put(
            profile.id,
            DayLog(
                date=FIRST + dt.timedelta(days=n),
                sleep_h=6 + (n % 5) / 2,
                water_ml=1000 + 50 * n,
                diarrhea=n % 6 == 0,
                note="tired" if n % 10 == 0 else None,
            ),
            NOW,
        )
    MedicationRepository(session).add(
        profile.id,
        Medication(name="Furosemide", kind=MedicationKind.DIURETIC, started_on=FIRST),
        NOW,
    )
    RemedyRepository(session).add(
        profile.id, RemedyUse(date=FIRST, remedy=Remedy.REST, helped=2), NOW
    )
    session.flush()


def _answers(session: Session) -> dict[str, Any]:
    (profile,) = ProfileRepository(session).list()
    pid = profile.id
    assert pid is not None
    aggregates = Aggregates(session)
    local = ("id", "profile_id", "uuid")  # local keys; uuids are random on each side

    def strip(records: Any) -> list[dict[str, Any]]:
        return [{k: v for k, v in vars(r).items() if k not in local} for r in records]

    return {
        "profile": (profile.name, profile.uuid is not None),
        "settings": ProfileRepository(session).settings(pid),
        "episodes": strip(EpisodeRepository(session).between(pid, FIRST, LAST)),
        "page": strip(EpisodeRepository(session).page_newest_first(pid, 10)),
        "latest": strip([EpisodeRepository(session).latest(pid)]),
        "days": strip(DayLogRepository(session).between(pid, None, None)),
        "medications": strip(MedicationRepository(session).overlapping(pid, FIRST, LAST)),
        "remedies": strip(RemedyRepository(session).between(pid, None, None)),
        "first_day": aggregates.first_entry_day(pid),
        "daily": aggregates.daily_episodes(pid, FIRST, LAST),
        "factors": aggregates.day_factors(pid, FIRST, LAST),
        "site_days": sorted(aggregates.site_days(pid, FIRST, LAST)),
        "site_days_all": sorted(aggregates.site_days(pid, None, LAST)),
        "hours": aggregates.episodes_by_hour(pid, FIRST, LAST),
        "places": aggregates.episodes_by_place(pid, FIRST, LAST),
        "red_flags": sorted(aggregates.red_flag_episodes(pid, FIRST, LAST)),
    }


@pytest.fixture
def postgres(household: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    monkeypatch.setenv("PGPASSWORD", "household-secret")
    server = Server(parse_url(household))
    server.open()  # the schema, by Kedut's own migrations
    yield server
    server.close()


def test_the_same_repositories_give_the_same_answers_on_both_engines(
    tmp_path: Path, postgres: Server
) -> None:
    store = open_store(tmp_path)
    engine = postgres.sqlalchemy_engine()
    with Session(store.engine) as lite, Session(engine) as pg:
        _fill(lite)
        _fill(pg)
        on_sqlite, on_postgres = _answers(lite), _answers(pg)
        for key in on_sqlite:
            assert on_postgres[key] == on_sqlite[key], key
        assert sum(on_sqlite["hours"]) == 53 and on_sqlite["red_flags"]
        lite.rollback()
        pg.rollback()
    engine.dispose()
    store.close()
