"""Which profile an action is for, chosen among the live profiles: the rule shared by the
services that read through the ORM (`tracker.services.profiles.profile_in`) and the
analysis, which reads through plain sqlite3 and must not load SQLAlchemy."""

from __future__ import annotations

from collections.abc import Sequence

from tracker.domain import Profile
from tracker.i18n import gettext as _

DEFAULT_PROFILE_NAME = "Me"
DEMO_PROFILE_NAME = "Demo"
# Which profile an action is for: its id, its name, or None for the default one.
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


def is_demo(profile: Profile) -> bool:
    return profile.name == DEMO_PROFILE_NAME


def stored_id(profile: Profile) -> int:
    """The profile's id for a query. A profile that is not stored yet (a read on a new
    diary) owns no rows, and 0 is never an id: its diary reads as empty."""
    return 0 if profile.id is None else profile.id


def choose_profile(live: Sequence[Profile], key: ProfileKey) -> Profile | None:
    """Among the live profiles (oldest first): the one with this id; the one with this
    name, or else the one whose name differs only in case; for None the first one that
    is not Demo. None when there is no such profile."""
    if isinstance(key, int):
        return next((p for p in live if p.id == key), None)
    if key is not None:
        name = key.strip()
        folded = name.casefold()
        same = [p for p in live if p.name.casefold() == folded]
        return next((p for p in same if p.name == name), same[0] if same else None)
    return next((p for p in live if not is_demo(p)), None)


def reading_profile(live: Sequence[Profile], key: ProfileKey) -> Profile:
    """The profile a read is for. On a new diary (no profile yet) the default one is
    "Me", not stored: its diary reads as empty, and reading stores nothing."""
    found = choose_profile(live, key)
    if found is None and key is None:
        return Profile(name=DEFAULT_PROFILE_NAME)
    if found is None:
        raise ProfileNotFoundError(str(key), [p.name for p in live])
    return found
