"""Profiles: a household can track several people; the first is made on first use."""

from __future__ import annotations

from collections.abc import Sequence

from tracker.domain import Profile, Settings, Sex, ValidationError
from tracker.i18n import gettext as _
from tracker.services.clock import Clock, system_now
from tracker.storage import Store, UnitOfWork

DEFAULT_PROFILE_NAME = "Me"
# Which profile an action is for: its id, its name, or None for the first one.
ProfileKey = int | str | None


class ProfileNotFoundError(LookupError):
    def __init__(self, name: str, existing: Sequence[str]) -> None:
        self.name = name
        self.existing = list(existing)
        super().__init__(name)

    def __str__(self) -> str:
        return _("profile: {name!r} not found (existing: {existing})").format(
            name=self.name, existing=", ".join(self.existing) or "-"
        )


def _check_unique(uow: UnitOfWork, name: str, keep_id: int | None = None) -> None:
    # Names that differ only in case are one name to a person ("ani" and "Ani").
    same = uow.profiles.by_name(name)
    if same is not None and same.id != keep_id:
        raise ValidationError("name", name, _("a name no other profile uses"))


def create_profile(
    store: Store, name: str, sex: Sex | str = Sex.UNSPECIFIED, now: Clock = system_now
) -> Profile:
    profile = Profile(name=name, sex=Sex(sex) if isinstance(sex, Sex) else sex)  # type: ignore[arg-type]
    with UnitOfWork(store) as uow:
        _check_unique(uow, profile.name)
        created = uow.profiles.add(profile, now())
        uow.commit()
    return created


def rename_profile(
    store: Store, profile_id: int, new_name: str, now: Clock = system_now
) -> Profile:
    checked = Profile(name=new_name)
    with UnitOfWork(store) as uow:
        _check_unique(uow, checked.name, keep_id=profile_id)
        renamed = uow.profiles.rename(profile_id, checked.name, now())
        uow.commit()
    return renamed


def list_profiles(store: Store) -> Sequence[Profile]:
    with UnitOfWork.reading(store) as uow:
        return uow.profiles.list()


def profile_in(uow: UnitOfWork, key: ProfileKey, now: Clock = system_now) -> Profile:
    """The profile a service acts for, inside the service's own transaction: by id, by
    name, or (None) the first profile. The first profile is made on first use, and is
    stored only if the action that needed it commits. A reading unit of work stores
    nothing: there it is a profile without an id, whose diary is empty."""
    if isinstance(key, int):
        found = uow.profiles.get(key)
    elif key is not None:
        found = uow.profiles.by_name(key.strip())
    else:
        existing = uow.profiles.list()
        if existing:
            found = existing[0]
        elif uow.writes:
            found = uow.profiles.add(Profile(name=DEFAULT_PROFILE_NAME), now())
        else:
            found = Profile(name=DEFAULT_PROFILE_NAME)
    if found is None:
        raise ProfileNotFoundError(str(key), [p.name for p in uow.profiles.list()])
    return found


def profile_id_in(uow: UnitOfWork, key: ProfileKey, now: Clock = system_now) -> int:
    profile = profile_in(uow, key, now)
    assert profile.id is not None  # stored profiles always have one
    return profile.id


def resolve_profile(store: Store, key: ProfileKey, now: Clock = system_now) -> Profile:
    """The profile for `key`, creating the first profile if there is none yet."""
    with UnitOfWork(store) as uow:
        profile = profile_in(uow, key, now)
        uow.commit()
    return profile


def get_settings(store: Store, profile_id: int) -> Settings:
    with UnitOfWork.reading(store) as uow:
        return uow.profiles.settings(profile_id)


def save_settings(
    store: Store, profile_id: int, settings: Settings, now: Clock = system_now
) -> Settings:
    with UnitOfWork(store) as uow:
        uow.profiles.put_settings(profile_id, settings, now())
        uow.commit()
    return settings
