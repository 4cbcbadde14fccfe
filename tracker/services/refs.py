"""Which entry an edit or a delete is about: its local id (what `list` shows) or its
uuid (what every export carries), always within one profile's diary."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from tracker.i18n import gettext as _
from tracker.storage import UnitOfWork
from tracker.storage.not_found import CareRecordNotFoundError, EpisodeNotFoundError

T = TypeVar("T")
# A local id, or a uuid in its canonical text form.
RecordRef = int | str


class RecordNotFoundError(LookupError):
    """No such entry in this profile's diary; the message names what was asked for."""

    def __init__(self, kind: str, ref: RecordRef | dt.date, profile_name: str) -> None:
        self.kind = kind
        self.ref = ref
        self.profile_name = profile_name
        super().__init__(kind, ref)

    def __str__(self) -> str:
        what = {
            "twitch": _("twitch"),
            "day": _("day log"),
            "medication": _("medication"),
            "remedy": _("remedy"),
        }[self.kind]
        shown = self.ref.isoformat() if isinstance(self.ref, dt.date) else str(self.ref)
        return _("there is no {what} {ref} in {profile}'s diary (list shows what there is)").format(
            what=what, ref=shown, profile=self.profile_name
        )


class RecordDeletedError(RecordNotFoundError):
    """The entry exists but is deleted: an edit is refused until it is brought back."""

    def __str__(self) -> str:
        shown = self.ref.isoformat() if isinstance(self.ref, dt.date) else str(self.ref)
        return _("{kind} {ref} is deleted: undelete {kind} {ref} brings it back first").format(
            kind=self.kind, ref=shown
        )


def live(record: T, kind: str, ref: RecordRef, profile_name: str) -> T:
    """`record`, unless it is deleted (then RecordDeletedError: edits need it back first)."""
    if getattr(record, "deleted_at", None) is not None:
        raise RecordDeletedError(kind, ref, profile_name)
    return record


def episode_id(uow: UnitOfWork, profile_id: int, profile_name: str, ref: RecordRef) -> int:
    """The local id of the profile's episode `ref` (deleted ones included)."""
    found = uow.episodes.id_of(profile_id, ref) if isinstance(ref, str) else ref
    if found is not None:
        try:
            uow.episodes.get(profile_id, found)
            return found
        except EpisodeNotFoundError:
            pass
    raise RecordNotFoundError("twitch", ref, profile_name)


def care_id(uow: UnitOfWork, kind: str, profile_id: int, profile_name: str, ref: RecordRef) -> int:
    """The local id of the profile's medication or remedy use `ref` (deleted included)."""
    repository = uow.medications if kind == "medication" else uow.remedies
    found = repository.id_of(profile_id, ref) if isinstance(ref, str) else ref
    if found is not None:
        try:
            repository.get(profile_id, found)
            return found
        except CareRecordNotFoundError:
            pass
    raise RecordNotFoundError(kind, ref, profile_name)
