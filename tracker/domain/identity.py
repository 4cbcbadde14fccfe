"""Record identity (DESIGN.md "Data model"): every record has a uuid, assigned once where
it is first created and never changed. A day log's and a profile's settings' uuids are
derived from the profile's, so one day logged on two devices is one record."""

from __future__ import annotations

import datetime as dt
import uuid


def new_uuid() -> str:
    return str(uuid.uuid4())


def day_uuid(profile_uuid: str, day: dt.date) -> str:
    return str(uuid.uuid5(uuid.UUID(profile_uuid), day.isoformat()))


def settings_uuid(profile_uuid: str) -> str:
    return str(uuid.uuid5(uuid.UUID(profile_uuid), "settings"))
