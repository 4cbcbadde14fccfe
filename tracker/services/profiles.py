"""Profiles: a household can track several people; the first is made on first use.

The "Demo" profile holds the synthetic diary `demo` makes. It is never the default for
logging, never receives real entries, and no real profile may take its name."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tracker.domain import Profile, Settings, Sex, ValidationError
from tracker.i18n import gettext as _
from tracker.services.clock import Clock, system_now

# The choice among live profiles lives in profile_choice (the analysis reads without the
# ORM); its names stay importable from here.
from tracker.services.profile_choice import DEFAULT_PROFILE_NAME as DEFAULT_PROFILE_NAME
from tracker.services.profile_choice import DEMO_PROFILE_NAME as DEMO_PROFILE_NAME
from tracker.services.profile_choice import ProfileKey as ProfileKey
from tracker.services.profile_choice import ProfileNotFoundError as ProfileNotFoundError
from tracker.services.profile_choice import choose_profile
from tracker.services.profile_choice import is_demo as is_demo
from tracker.services.profile_choice import stored_id as stored_id
from tracker.storage import Store, UnitOfWork
from tracker.storage.app_reads import app_reads


class DemoProfileError(ValidationError):
    """A real entry sent to the Demo profile: refused, so `demo` can rebuild it freely."""

    def __init__(self, others: Sequence[str]) -> None:
        super().__init__("profile", DEMO_PROFILE_NAME, "")
        self.others = list(others)

    def __str__(self) -> str:
        return _(
            "{field}: {demo} holds the sample diary and takes no entries of your own; "
            "log them in your own profile ({profiles})"
        ).format(
            field=self.field,
            demo=DEMO_PROFILE_NAME,
            profiles=", ".join(self.others) or DEFAULT_PROFILE_NAME,
        )


def _check_name(uow: UnitOfWork, name: str, keep_id: int | None = None) -> None:
    # Names that differ only in case are one name to a person ("ani" and "Ani").
    if name.strip().lower() == DEMO_PROFILE_NAME.lower():
        raise ValidationError("name", name, _("a name other than Demo (the sample diary's)"))
    same = uow.profiles.by_name(name)
    if same is not None and same.id != keep_id:
        raise ValidationError("name", name, _("a name no other profile uses"))


def create_profile(
    store: Store, name: str, sex: Sex | str = Sex.UNSPECIFIED, now: Clock = system_now
) -> Profile:
    profile = Profile(name=name, sex=Sex(sex) if isinstance(sex, Sex) else sex)  # type: ignore[arg-type]
    with UnitOfWork(store) as uow:
        _check_name(uow, profile.name)
        created = uow.profiles.add(profile, now())
        uow.commit()
    return created


def rename_profile(
    store: Store, profile: ProfileKey, new_name: str, now: Clock = system_now
) -> Profile:
    """Rename a profile (by id or name); names stay unique and Demo stays the demo's."""
    checked = Profile(name=new_name)
    with UnitOfWork(store) as uow:
        current = profile_in(uow, profile, now, create=False)
        assert current.id is not None
        _check_name(uow, checked.name, keep_id=current.id)
        renamed = uow.profiles.rename(current.id, checked.name, now())
        uow.commit()
    return renamed


def delete_profile(
    store: Store, profile: ProfileKey, now: Clock = system_now
) -> tuple[Profile, Path]:
    """Delete a profile (a tombstone: its diary leaves every list, and its name is free
    again). A backup of the whole store is made first; returns the profile and where
    the backup is."""
    from tracker.services.store_access import safety_copy

    found = find_profile(store, profile)
    assert found.id is not None
    backup = safety_copy(store, "before-deleting-a-profile", now())
    with UnitOfWork(store) as uow:
        moment = now()
        uow.profiles.set_deleted(found.id, moment, moment)
        uow.commit()
    return found, backup


def find_profile(store: Store, key: ProfileKey) -> Profile:
    """A stored profile (ProfileNotFoundError otherwise); reading stores nothing."""
    with UnitOfWork.reading(store) as uow:
        return profile_in(uow, key, create=False)


def needs_first_start(store: Store) -> bool:
    """True while the store has no profile yet: the app asks who it is for."""
    with app_reads(store.db_path) as reads:
        return not reads.has_profile()


def list_profiles(store: Store) -> Sequence[Profile]:
    with app_reads(store.db_path) as reads:
        return reads.profiles()


def profile_in(
    uow: UnitOfWork, key: ProfileKey, now: Clock = system_now, *, create: bool = True
) -> Profile:
    """The profile a service acts for, inside the service's own transaction: by id, by
    name, or (None) the default one: the first live profile that is not Demo.

    Without one, a writing unit of work makes "Me", stored only if the action that
    needed it commits; a reading one stores nothing and returns a profile without an
    id, whose diary is empty (see `stored_id`). `create=False` never makes one."""
    found = choose_profile(uow.profiles.list(), key)
    if found is None and key is None and create:
        if uow.writes:
            found = uow.profiles.add(Profile(name=DEFAULT_PROFILE_NAME), now())
        else:
            found = Profile(name=DEFAULT_PROFILE_NAME)
    if found is None:
        shown = str(key) if key is not None else DEFAULT_PROFILE_NAME
        raise ProfileNotFoundError(shown, [p.name for p in uow.profiles.list()])
    return found


def entry_profile_in(uow: UnitOfWork, key: ProfileKey, now: Clock = system_now) -> Profile:
    """The profile that receives a person's entry: as `profile_in`, but never Demo."""
    profile = profile_in(uow, key, now)
    if is_demo(profile):
        raise DemoProfileError([p.name for p in uow.profiles.list() if not is_demo(p)])
    return profile


def profile_id_in(uow: UnitOfWork, key: ProfileKey, now: Clock = system_now) -> int:
    """The id of the profile that receives a person's entry (never Demo)."""
    profile = entry_profile_in(uow, key, now)
    assert profile.id is not None  # stored profiles always have one
    return profile.id


def resolve_profile(store: Store, key: ProfileKey, now: Clock = system_now) -> Profile:
    """The profile for `key`, creating the first profile if there is none yet."""
    found = choose_profile(list_profiles(store), key)
    if found is not None:
        return found  # read without the ORM: the app's start resolves its profile here
    with UnitOfWork(store) as uow:
        profile = profile_in(uow, key, now)
        uow.commit()
    return profile


def get_settings(store: Store, profile_id: int) -> Settings:
    with app_reads(store.db_path) as reads:
        return reads.settings(profile_id)


def save_settings(
    store: Store, profile_id: int, settings: Settings, now: Clock = system_now
) -> Settings:
    with UnitOfWork(store) as uow:
        uow.profiles.put_settings(profile_id, settings, now())
        uow.commit()
    return settings
