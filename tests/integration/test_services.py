"""The services over a real SQLite file: one user action, one transaction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.integration.kedut_cli import row_counts
from tracker.domain import ValidationError
from tracker.services import days, episodes, profiles
from tracker.services.clock import Clock
from tracker.services.refs import RecordNotFoundError
from tracker.storage import Store

JAKARTA = dt.timezone(dt.timedelta(hours=7))
MORNING = dt.datetime(2026, 11, 25, 7, 30, tzinfo=JAKARTA)


def _fixed(moment: dt.datetime) -> Clock:
    return lambda: moment


def test_the_first_profile_is_made_on_first_use_and_only_if_the_action_succeeds(
    store: Store,
) -> None:
    with pytest.raises(ValidationError):
        episodes.log_twitch(store, None, intensity=9)
    assert row_counts(store.db_path)["profile"] == 0
    logged = episodes.log_twitch(store, None, at=MORNING)
    assert [p.name for p in profiles.list_profiles(store)] == ["Me"]
    assert logged.episode.profile_id == profiles.list_profiles(store)[0].id


def test_an_edit_changes_only_the_given_fields_and_moves_the_local_day(store: Store) -> None:
    logged = episodes.log_twitch(store, None, at=MORNING, side="left", intensity=2, note="desk")
    episode = logged.episode
    assert episode.id is not None and episode.profile_id is not None
    later = dt.datetime(2026, 11, 26, 0, 15, tzinfo=JAKARTA)
    edited = episodes.edit_episode(
        store,
        episode.profile_id,
        episode.id,
        started_at=later,
        utc_offset_min=420,
        intensity=3,
        now=_fixed(later),
    ).episode
    assert (edited.side, edited.intensity, edited.note) == ("left", 3, "desk")
    assert edited.local_date == dt.date(2026, 11, 26)
    assert edited.created_at == episode.created_at
    assert edited.updated_at == later
    assert [
        e.id
        for e in episodes.episodes_between(
            store, episode.profile_id, edited.local_date, edited.local_date
        )
    ] == [episode.id]


def test_a_refused_edit_changes_nothing(store: Store) -> None:
    episode = episodes.log_twitch(store, None, at=MORNING, intensity=2).episode
    assert episode.id is not None and episode.profile_id is not None
    with pytest.raises(ValidationError, match=r"^Intensity: 5"):
        episodes.edit_episode(store, episode.profile_id, episode.id, intensity=5, note="changed")
    (unchanged,) = episodes.episodes_between(store, episode.profile_id)
    assert (unchanged.intensity, unchanged.note) == (2, None)


def test_a_deleted_episode_disappears_and_undo_brings_it_back(store: Store) -> None:
    episode = episodes.log_twitch(store, None, at=MORNING).episode
    assert episode.id is not None and episode.profile_id is not None
    deleted = episodes.delete_episode(store, episode.profile_id, episode.id, now=_fixed(MORNING))
    assert deleted.deleted_at == MORNING
    assert episodes.episodes_between(store, episode.profile_id) == []
    assert episodes.latest_episode(store, episode.profile_id) is None
    restored = episodes.undo_delete(store, episode.profile_id, episode.id)
    assert restored.deleted_at is None
    assert [e.id for e in episodes.episodes_between(store, episode.profile_id)] == [episode.id]


def test_another_profiles_episode_cannot_be_touched(store: Store) -> None:
    mine = episodes.log_twitch(store, None, at=MORNING).episode
    other = profiles.create_profile(store, "Budi")
    assert mine.id is not None and other.id is not None
    with pytest.raises(RecordNotFoundError, match=r"^there is no twitch 1 in Budi's diary"):
        episodes.delete_episode(store, other.id, mine.id)


def test_a_day_update_keeps_unchanged_fields_and_none_clears_one(store: Store) -> None:
    day = dt.date(2026, 11, 25)
    days.save_day(store, None, day, sleep_h=6.0, water_ml=1500, stress=2)
    saved = days.save_day(store, None, day, water_ml=2000, stress=None).day_log
    assert (saved.sleep_h, saved.water_ml, saved.stress) == (6.0, 2000, None)
    assert row_counts(store.db_path)["day_log"] == 1


def test_profile_names_stay_unique(store: Store) -> None:
    ani = profiles.create_profile(store, "Ani")
    profiles.create_profile(store, "Budi")
    assert ani.id is not None
    with pytest.raises(ValidationError, match=r"^Name: 'Budi' is not allowed"):
        profiles.rename_profile(store, ani.id, "Budi")
    with pytest.raises(ValidationError, match=r"^Name: 'Ani'"):
        profiles.create_profile(store, " Ani ")
    assert profiles.rename_profile(store, ani.id, "Ani").name == "Ani"  # renaming to itself is fine


def test_two_twitches_at_the_same_instant_site_and_side_are_two_episodes(store: Store) -> None:
    first = episodes.log_twitch(store, None, at=MORNING, side="left", intensity=1)
    second = episodes.log_twitch(
        store, None, at=MORNING, side="left", intensity=3, weakness=True, note="leg gave way"
    )
    assert first.episode.uuid != second.episode.uuid
    stored = episodes.episodes_between(store, first.episode.profile_id or 0)
    assert [(e.intensity, e.weakness) for e in stored] == [(1, False), (3, True)]


def test_deleting_a_day_a_medicine_or_a_remedy_leaves_a_tombstone_that_undo_lifts(
    store: Store,
) -> None:
    from tracker.services import care

    day = MORNING.date()
    saved = days.save_day(store, None, day, sleep_h=6.5, now=_fixed(MORNING))
    medication = care.add_medication(
        store, None, name="Furosemide", kind="diuretic", started_on=day
    )
    remedy = care.log_remedy(store, None, day=day, remedy="stretching", helped=3)
    profile_id = medication.profile_id
    assert profile_id is not None and medication.id is not None and remedy.id is not None

    days.set_day_deleted(store, profile_id, day, True)
    care.set_medication_deleted(store, profile_id, medication.id, True)
    care.set_remedy_deleted(store, profile_id, remedy.id, True)
    assert days.day_log(store, profile_id, day).is_empty()
    assert row_counts(store.db_path)["day_log"] == 1  # the tombstone stays

    days.set_day_deleted(store, profile_id, day, False)
    care.set_medication_deleted(store, profile_id, medication.id, False)
    care.set_remedy_deleted(store, profile_id, remedy.id, False)
    back = days.day_log(store, profile_id, day)
    assert back.sleep_h == 6.5 and back.uuid == saved.day_log.uuid
    with pytest.raises(LookupError):
        days.set_day_deleted(store, profile_id, day + dt.timedelta(days=1), True)


def test_the_default_profile_is_never_demo_and_the_app_opens_on_ones_own(store: Store) -> None:
    from tracker.services import demo

    demo.fill_demo_profile(store, 20, 1, MORNING.date())
    assert profiles.resolve_profile(store, None).name == "Me"  # what the app opens on
    logged = episodes.log_twitch(store, None, at=MORNING)
    me, made = profiles.list_profiles(store)[1], logged.episode
    assert (me.name, made.profile_id) == ("Me", me.id)
    with pytest.raises(ValidationError, match=r"^profile: Demo holds the sample diary"):
        episodes.log_twitch(store, "Demo", at=MORNING)
    with pytest.raises(ValidationError, match=r"^profile: Demo holds the sample diary"):
        days.save_day(store, "Demo", MORNING.date(), sleep_h=7.0)


def test_the_services_refuse_what_has_not_happened_yet_by_their_own_clock(store: Store) -> None:
    afternoon = _fixed(dt.datetime(2026, 11, 25, 16, 38, tzinfo=JAKARTA))
    tonight = dt.datetime(2026, 11, 25, 23, 50, tzinfo=JAKARTA)
    with pytest.raises(ValidationError, match=r"^started_at: 2026-11-25 23:50 has not happened"):
        episodes.log_twitch(store, None, at=tonight, now=afternoon)
    with pytest.raises(ValidationError, match=r"^date: 2026-11-27 is in the future"):
        days.save_day(store, None, dt.date(2026, 11, 27), now=afternoon, sleep_h=7.0)
    assert row_counts(store.db_path)["profile"] == 0
    last_night = episodes.log_twitch(store, None, at=tonight - dt.timedelta(days=1), now=afternoon)
    days.save_day(store, None, dt.date(2026, 11, 26), now=afternoon, stress=1)  # tomorrow: fine
    with pytest.raises(ValidationError, match=r"^started_at: 2026-11-25 23:50 has not happened"):
        episodes.edit_episode(
            store, None, last_night.episode.uuid or "", started_at=tonight, now=afternoon
        )


def test_reads_on_a_new_diary_work_and_store_nothing(store: Store, tmp_path: Path) -> None:
    from tracker.services import charts, diary, exchange, insights, reports

    today = MORNING.date()
    assert diary.diary_between(store, None).profile.name == "Me"
    assert insights.insights(store, None, today).series.days == 1
    assert insights.current_warnings(store, None, today) == []
    assert charts.chart_data(store, None, today).episodes_by_place == {}
    assert reports.report_data(store, None, today).episode_count == 0
    exchange.export_csv(store, None, tmp_path / "csv")
    assert row_counts(store.db_path) == dict.fromkeys(row_counts(store.db_path), 0)


def test_deleting_twice_keeps_the_first_tombstone(store: Store) -> None:
    later = _fixed(MORNING + dt.timedelta(hours=1))
    episode = episodes.log_twitch(store, None, at=MORNING).episode
    days.save_day(store, None, MORNING.date(), sleep_h=7.0)
    assert episode.uuid is not None
    first = episodes.delete_episode(store, None, episode.uuid, now=_fixed(MORNING))
    again = episodes.delete_episode(store, None, episode.uuid, now=later)
    assert again.deleted_at == first.deleted_at == MORNING
    day = days.set_day_deleted(store, None, MORNING.date(), True, now=_fixed(MORNING))
    day_again = days.set_day_deleted(store, None, MORNING.date(), True, now=later)
    assert day_again.deleted_at == day.deleted_at == MORNING
