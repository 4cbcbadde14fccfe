"""Logging twitch episodes: one tap, edit, soft delete and undo, and range reads."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tracker.domain import BodySite, Episode, Side, UnusualValue, ValidationError, unusual_values
from tracker.services import future
from tracker.services.clock import Clock, offset_minutes, system_now
from tracker.services.profile_choice import choose_profile, is_demo
from tracker.services.profiles import ProfileKey, entry_profile_in, profile_id_in, profile_in
from tracker.services.refs import RecordRef, episode_id, live
from tracker.storage import Store, UnitOfWork
from tracker.storage.app_reads import app_reads
from tracker.storage.not_found import EpisodeNotFoundError

__all__ = ["EpisodeNotFoundError", "Logged", "log_twitch"]

# What a person may change on a logged episode.
EDITABLE_FIELDS = frozenset(
    f.name
    for f in dataclasses.fields(Episode)
    if f.name not in ("id", "profile_id", "created_at", "updated_at", "deleted_at")
)
DEFAULT_INTENSITY = 1


@dataclass(frozen=True)
class Logged:
    """A stored episode, and any allowed-but-unusual value worth a second look."""

    episode: Episode
    unusual: list[UnusualValue]


def _aware(moment: dt.datetime) -> dt.datetime:
    # A wall-clock time without an offset is read in this machine's zone.
    return moment if moment.utcoffset() is not None else moment.astimezone()


def log_twitch(
    store: Store,
    profile: ProfileKey,
    *,
    at: dt.datetime | None = None,
    side: Side | str | None = None,
    intensity: int | None = None,
    now: Clock = system_now,
    **details: Any,
) -> Logged:
    """Store one episode. Side and intensity default to the last ones used (the one-tap
    log); the site defaults to the knee; `at` defaults to now and may not be later."""
    unknown = set(details) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"unknown episode fields: {sorted(unknown)}")
    clock = now()
    moment = clock.replace(microsecond=0) if at is None else _aware(at)
    future.check_moment("started_at", moment, clock)

    def new_episode(last: Episode | None) -> Episode:
        return Episode(
            started_at=moment,
            utc_offset_min=offset_minutes(moment),
            side=side if side is not None else (last.side if last else Side.NONE),  # type: ignore[arg-type]
            intensity=intensity
            if intensity is not None
            else (last.intensity if last else DEFAULT_INTENSITY),
            **{"body_site": BodySite.KNEE, **details},
        )

    # Two twitches at the same instant, site and side are two episodes: logging never
    # merges or drops an entry (a double tap is caught by the UI).
    store.wait_for_check()  # nothing is written to a store not yet checked for damage
    with app_reads(store.db_path, write=True) as writes:
        # The one-tap log of the app, through plain sqlite3 (the app's start and its
        # taps never load the ORM): a live profile of one's own, found by id or name.
        chosen = choose_profile(writes.profiles(), profile)
        if chosen is not None and chosen.id is not None and not is_demo(chosen):
            episode = new_episode(writes.latest_episode(chosen.id))
            stored = writes.add_episode(chosen.id, episode, now())
            return Logged(stored, unusual_values(stored))
    # No such profile yet, or Demo: the full path makes "Me" or refuses, in words.
    with UnitOfWork(store) as uow:
        profile_id = profile_id_in(uow, profile, now)
        stored = uow.episodes.add(profile_id, new_episode(uow.episodes.latest(profile_id)), now())
        uow.commit()
    return Logged(stored, unusual_values(stored))


def edit_episode(
    store: Store, profile: ProfileKey, episode: RecordRef, now: Clock = system_now, **changes: Any
) -> Logged:
    """Change some fields of an episode (by id or uuid); the others stay exactly as they
    were (a time keeps its seconds). A new start without an offset is read in this
    machine's zone, and its offset becomes the episode's."""
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ValidationError(next(iter(sorted(unknown))), "?", ", ".join(sorted(EDITABLE_FIELDS)))
    if changes.get("started_at") is not None:
        moment = _aware(changes["started_at"])
        future.check_moment("started_at", moment, now())
        changes["started_at"] = moment
        changes.setdefault("utc_offset_min", offset_minutes(moment))
    with UnitOfWork(store) as uow:
        owner = entry_profile_in(uow, profile, now)
        assert owner.id is not None
        found = episode_id(uow, owner.id, owner.name, episode)
        current = live(uow.episodes.get(owner.id, found), "twitch", episode, owner.name)
        changed = dataclasses.replace(current, **changes)
        stored = uow.episodes.replace(owner.id, changed, now())
        uow.commit()
    return Logged(stored, unusual_values(stored))


def set_episode_deleted(
    store: Store, profile: ProfileKey, episode: RecordRef, deleted: bool, now: Clock = system_now
) -> Episode:
    """Soft delete (the episode disappears everywhere but can be brought back), or bring
    it back. An episode already in that state is left as it is."""
    with UnitOfWork(store) as uow:
        owner = profile_in(uow, profile, now)
        assert owner.id is not None
        found = episode_id(uow, owner.id, owner.name, episode)
        current = uow.episodes.get(owner.id, found)
        if (current.deleted_at is not None) == deleted:
            return current
        moment = now()
        changed = uow.episodes.set_deleted(owner.id, found, moment if deleted else None, moment)
        uow.commit()
    return changed


def delete_episode(
    store: Store, profile: ProfileKey, episode: RecordRef, now: Clock = system_now
) -> Episode:
    """Soft delete: the episode disappears everywhere but can be brought back."""
    return set_episode_deleted(store, profile, episode, True, now)


def undo_delete(
    store: Store, profile: ProfileKey, episode: RecordRef, now: Clock = system_now
) -> Episode:
    return set_episode_deleted(store, profile, episode, False, now)


def latest_episode(store: Store, profile_id: int) -> Episode | None:
    """The newest live episode: where the one-tap log takes its side and intensity."""
    with app_reads(store.db_path) as reads:
        return reads.latest_episode(profile_id)


def episodes_between(
    store: Store, profile_id: int, first: dt.date | None = None, last: dt.date | None = None
) -> Sequence[Episode]:
    with app_reads(store.db_path) as reads:
        return reads.episodes_between(profile_id, first, last)
