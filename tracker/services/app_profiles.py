"""Profiles as the app manages them: the first start (a name, a language and maybe the
demo as a separate profile) and deleting a person's diary, with a backup made first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tracker.domain import Profile, Settings, ValidationError
from tracker.i18n import gettext as _
from tracker.services import profiles
from tracker.services.clock import Clock, system_now
from tracker.services.demo import DEMO_PROFILE_NAME, fill_demo_profile
from tracker.services.profiles import create_profile, list_profiles
from tracker.storage import Store, UnitOfWork

DEMO_DAYS = 120
DEMO_SEED = 7


def start_profile(
    store: Store, name: str, language: str, with_demo: bool, now: Clock = system_now
) -> Profile:
    """A new person's profile with their language (at the first start, or added later),
    and, when asked for, the demo diary as a profile of its own (never the default)."""
    settings = Settings(language=language)  # refuses a language Kedut does not speak
    if with_demo and name.strip().lower() == DEMO_PROFILE_NAME.lower():
        raise ValidationError(_("Name"), name, _("a name other than Demo"))
    profile = create_profile(store, name, now=now)
    assert profile.id is not None
    with UnitOfWork(store) as uow:
        uow.profiles.put_settings(profile.id, settings, now())
        uow.commit()
    if with_demo:
        demo, _diary = fill_demo_profile(store, DEMO_DAYS, DEMO_SEED, now().date(), now=now)
        assert demo.id is not None
        with UnitOfWork(store) as uow:
            uow.profiles.put_settings(demo.id, settings, now())
            uow.commit()
    return profile


@dataclass(frozen=True)
class DeletedProfile:
    profile: Profile
    backup: Path
    """The copy of the whole diary made just before."""


def delete_profile(store: Store, profile_id: int, now: Clock = system_now) -> DeletedProfile:
    """Back the store up, then delete the profile (profiles.delete_profile: a tombstone,
    its entries stay in the store and in backups; `undelete_profile` brings it back).
    The last profile is never deleted: the app always has a diary open."""
    live = list_profiles(store)
    profile = next((p for p in live if p.id == profile_id), None)
    if profile is None:
        raise LookupError(profile_id)
    if len(live) == 1:
        raise ValidationError(
            _("Whose diary"), profile.name, _("another person added first (one diary stays)")
        )
    deleted, backup = profiles.delete_profile(store, profile_id, now=now)
    return DeletedProfile(deleted, backup)


def undelete_profile(store: Store, profile_id: int, now: Clock = system_now) -> Profile:
    """Bring a deleted profile back (undo), unless its name was taken meanwhile."""
    with UnitOfWork(store) as uow:
        moment = now()
        uow.profiles.set_deleted(profile_id, None, moment)
        restored = uow.profiles.get(profile_id)
        assert restored is not None
        same = uow.profiles.by_name(restored.name)
        if same is not None and same.id != profile_id:
            raise ValidationError(_("Name"), restored.name, _("a name no other profile uses"))
        uow.commit()
    return restored
