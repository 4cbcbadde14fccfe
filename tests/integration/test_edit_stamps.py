"""Every edit is stamped with the moment it was made: sync decides a conflict by the later
`updated_at` (DESIGN.md), so a stamp left at the record's first save would let an old
value beat a newer one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tracker.services import care, days, episodes
from tracker.storage import UnitOfWork, open_store

FIRST = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)
LATER = dt.datetime(2026, 11, 21, 9, 30, tzinfo=dt.UTC)


def test_saving_a_day_again_stamps_it_with_the_time_of_that_save(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    day = dt.date(2026, 11, 20)
    days.save_day(store, None, day, now=lambda: FIRST, water_ml=1000)
    saved = days.save_day(store, None, day, now=lambda: LATER, water_ml=1500)
    assert saved.day_log.updated_at == LATER
    with UnitOfWork.reading(store) as uow:
        stored = uow.days.get(1, day)
    assert stored is not None and stored.updated_at == LATER
    store.close()


def test_every_other_edit_is_stamped_with_its_time_too(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    logged = episodes.log_twitch(store, None, at=FIRST, now=lambda: FIRST)
    assert logged.episode.id is not None
    edited = episodes.edit_episode(store, 1, logged.episode.id, now=lambda: LATER, intensity=3)
    assert edited.episode.updated_at == LATER
    day = dt.date(2026, 11, 20)
    care.log_remedy(store, None, day=day, remedy="rest", now=lambda: FIRST)
    again = care.log_remedy(store, None, day=day, remedy="rest", helped=2, now=lambda: LATER)
    assert again.updated_at == LATER
    store.close()
