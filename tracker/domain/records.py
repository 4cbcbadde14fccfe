"""The records a person logs, as frozen dataclasses that cannot hold a
bad value.

Every constructor validates. An out-of-range or malformed value raises
`ValidationError`, which names the field, the value and what is allowed; nothing
half-valid ever reaches storage. Plausible-but-unusual values (four hours of sleep)
are accepted and reported by `unusual_values`, so the caller can show a gentle note.

Units live in the names (`sleep_h`, `water_ml`, `duration_s`). `None` means "not
logged", never zero.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from tracker.fields import FIELDS
from tracker.i18n import gettext as _
from tracker.validation import (
    UnusualValue,
    ValidationError,
    check_choice,
    check_day,
    check_field,
    check_text,
    check_utc,
    check_uuid,
)


class BodySite(enum.StrEnum):
    KNEE = "knee"
    THIGH = "thigh"
    CALF = "calf"
    FOOT = "foot"
    EYELID = "eyelid"
    ARM = "arm"
    HAND = "hand"
    OTHER = "other"


class Side(enum.StrEnum):
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"
    NONE = "none"


class TwitchContext(enum.StrEnum):
    REST = "rest"
    AFTER_EXERCISE = "after_exercise"
    NIGHT = "night"
    OTHER = "other"


class ExerciseIntensity(enum.StrEnum):
    LIGHT = "light"
    MODERATE = "moderate"
    VIGOROUS = "vigorous"


class Sex(enum.StrEnum):
    FEMALE = "female"
    MALE = "male"
    UNSPECIFIED = "unspecified"


class MedicationKind(enum.StrEnum):
    DIURETIC = "diuretic"
    CORTICOSTEROID = "corticosteroid"
    ESTROGEN = "estrogen"
    OTHER = "other"


class Remedy(enum.StrEnum):
    REST = "rest"
    FLUIDS = "fluids"
    NUTRITION = "nutrition"
    STRETCHING = "stretching"
    MASSAGE = "massage"
    WARM_COMPRESS = "warm_compress"
    COLD_COMPRESS = "cold_compress"


# The signs that mean "see a doctor", in the order the article lists them.
RED_FLAGS: tuple[str, ...] = ("pain", "swelling", "warmth", "numbness_tingling", "weakness")

NOTE_MAX_CHARS = int(FIELDS["note"].bounds[1])
NAME_MAX_CHARS = int(FIELDS["name"].bounds[1])


# Fields that say which record this is and when it changed, not what the person logged:
# an edit never touches them, and "is this day empty?" ignores them.
RECORD_META: tuple[str, ...] = (
    "id",
    "profile_id",
    "uuid",
    "created_at",
    "updated_at",
    "deleted_at",
)


def _check_meta(record: Any) -> None:
    values = vars(record)  # a frozen record's fields, set here as object.__setattr__ does
    values["uuid"] = check_uuid("uuid", values["uuid"])
    for stamp in ("updated_at", "deleted_at"):
        value = values[stamp]
        if value is not None:
            values[stamp] = check_utc(stamp, value)


def local_date_of(started_at: dt.datetime, utc_offset_min: int) -> dt.date:
    """The calendar day on the wall clock where the episode was logged."""
    return (started_at.astimezone(dt.UTC) + dt.timedelta(minutes=utc_offset_min)).date()


def local_dates_of(episodes: Iterable[Episode]) -> list[dt.date]:
    """`local_date_of` for many episodes (an import's 100,000): each offset's timedelta
    made once, and an instant already in UTC not converted again (a third of the time)."""
    deltas: dict[int, dt.timedelta] = {}
    days = []
    for episode in episodes:
        started, offset = episode.started_at, episode.utc_offset_min
        delta = deltas.get(offset)
        if delta is None:
            delta = deltas[offset] = dt.timedelta(minutes=offset)
        if started.tzinfo is not dt.UTC:
            started = started.astimezone(dt.UTC)
        days.append((started + delta).date())
    return days


@dataclass(frozen=True, kw_only=True)
class Profile:
    """One person in the household whose diary this is."""

    id: int | None = None
    name: str
    sex: Sex = Sex.UNSPECIFIED
    uuid: str | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    deleted_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", check_text("name", self.name.strip(), 1, NAME_MAX_CHARS))
        object.__setattr__(self, "sex", check_choice("sex", self.sex, Sex))
        _check_meta(self)


@dataclass(frozen=True, kw_only=True)
class Episode:
    """One twitch episode: when (a UTC instant plus the wall-clock offset at logging
    time), where, how strong, and any red-flag sign that came with it."""

    id: int | None = None
    profile_id: int | None = None
    started_at: dt.datetime
    utc_offset_min: int
    body_site: BodySite = BodySite.KNEE
    side: Side = Side.NONE
    intensity: int = 1
    duration_s: int | None = None
    context: TwitchContext | None = None
    pain: bool = False
    swelling: bool = False
    warmth: bool = False
    numbness_tingling: bool = False
    weakness: bool = False
    note: str | None = None
    uuid: str | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    deleted_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        values = vars(self)  # written directly: an import makes 100,000 of these
        _check_meta(self)
        values["utc_offset_min"] = check_field("utc_offset_min", values["utc_offset_min"])
        values["started_at"] = check_utc("started_at", values["started_at"])
        values["body_site"] = check_choice("body_site", values["body_site"], BodySite)
        values["side"] = check_choice("side", values["side"], Side)
        values["intensity"] = check_field("intensity", values["intensity"])
        values["duration_s"] = check_field("duration_s", values["duration_s"])
        values["context"] = check_choice("context", values["context"], TwitchContext)
        values["note"] = check_text("note", values["note"], 0, NOTE_MAX_CHARS)
        for flag in RED_FLAGS:
            if values[flag].__class__ is not bool:  # bool has no subclasses
                raise ValidationError(flag, values[flag], _("yes or no"))

    @property
    def local_date(self) -> dt.date:
        return local_date_of(self.started_at, self.utc_offset_min)

    @property
    def local_started_at(self) -> dt.datetime:
        """The start as the person saw it on their clock."""
        offset = dt.timezone(dt.timedelta(minutes=self.utc_offset_min))
        return self.started_at.astimezone(offset)

    @property
    def red_flags(self) -> tuple[str, ...]:
        return tuple(flag for flag in RED_FLAGS if getattr(self, flag))


@dataclass(frozen=True, kw_only=True)
class DayLog:
    """The habits of one local day. `sleep_h` is the night that ended that morning."""

    date: dt.date
    sleep_h: float | None = None
    sleep_quality: int | None = None
    water_ml: int | None = None
    exercise_min: int | None = None
    exercise_intensity: ExerciseIntensity | None = None
    stress: int | None = None
    caffeine_mg: int | None = None
    alcohol_units: float | None = None
    diarrhea: bool | None = None
    calcium_rich_food: bool | None = None
    magnesium_rich_food: bool | None = None
    vitamin_supplement: bool | None = None
    note: str | None = None
    uuid: str | None = None
    updated_at: dt.datetime | None = None
    deleted_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        _check_meta(self)
        set_(self, "date", check_day("date", self.date))
        for name in DAY_NUMBERS:
            set_(self, name, check_field(name, getattr(self, name)))
        set_(
            self,
            "exercise_intensity",
            check_choice("exercise_intensity", self.exercise_intensity, ExerciseIntensity),
        )
        for name in DAY_FLAGS:
            value = getattr(self, name)
            if value is not None and not isinstance(value, bool):
                raise ValidationError(name, value, _("yes, no or not logged"))
        set_(self, "note", check_text("note", self.note, 0, NOTE_MAX_CHARS))

    def is_empty(self) -> bool:
        return all(
            getattr(self, f.name) is None
            for f in fields(self)
            if f.name != "date" and f.name not in RECORD_META
        )


# The day's numbers, checked against the catalogue of fields (tracker.fields).
DAY_NUMBERS: tuple[str, ...] = (
    "sleep_h",
    "sleep_quality",
    "water_ml",
    "exercise_min",
    "stress",
    "caffeine_mg",
    "alcohol_units",
)
DAY_FLAGS: tuple[str, ...] = (
    "diarrhea",
    "calcium_rich_food",
    "magnesium_rich_food",
    "vitamin_supplement",
)


@dataclass(frozen=True, kw_only=True)
class Medication:
    """A period of taking a medicine; `stopped_on` None means still taking it."""

    id: int | None = None
    profile_id: int | None = None
    name: str
    kind: MedicationKind
    started_on: dt.date
    stopped_on: dt.date | None = None
    uuid: str | None = None
    updated_at: dt.datetime | None = None
    deleted_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        _check_meta(self)
        object.__setattr__(self, "name", check_text("name", self.name.strip(), 1, 120))
        object.__setattr__(self, "kind", check_choice("kind", self.kind, MedicationKind))
        check_day("started_on", self.started_on)
        if self.stopped_on is not None:
            check_day("stopped_on", self.stopped_on)
        if self.stopped_on is not None and self.stopped_on < self.started_on:
            raise ValidationError(
                "stopped_on",
                self.stopped_on,
                _("on or after the day it was started ({day})").format(day=self.started_on),
            )

    def taken_on(self, day: dt.date) -> bool:
        return self.started_on <= day and (self.stopped_on is None or day <= self.stopped_on)


@dataclass(frozen=True, kw_only=True)
class RemedyUse:
    """A home remedy tried on a day, and how much it helped (0 not at all … 4 a lot)."""

    id: int | None = None
    profile_id: int | None = None
    date: dt.date
    remedy: Remedy
    helped: int | None = None
    note: str | None = field(default=None)
    uuid: str | None = None
    updated_at: dt.datetime | None = None
    deleted_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        _check_meta(self)
        check_day("date", self.date)
        object.__setattr__(self, "remedy", check_choice("remedy", self.remedy, Remedy))
        object.__setattr__(self, "helped", check_field("helped", self.helped))
        object.__setattr__(self, "note", check_text("note", self.note, 0, NOTE_MAX_CHARS))


# Plausible but worth a second look: stored, and shown to the person as a note.
_UNUSUAL_DAY: tuple[tuple[str, float | None, float | None], ...] = (
    ("sleep_h", 4, 12),
    ("water_ml", None, 4000),
    ("caffeine_mg", None, 600),
    ("alcohol_units", None, 14),
    ("exercise_min", None, 240),
)


def unusual_values(record: Any) -> list[UnusualValue]:
    """Values that are allowed but unusual enough to ask "did you mean that?"."""
    found: list[UnusualValue] = []
    if isinstance(record, DayLog):
        for name, low, high in _UNUSUAL_DAY:
            value = getattr(record, name)
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            if low is not None and value < low:
                found.append(UnusualValue(name, value, "below", low))
            elif high is not None and value > high:
                found.append(UnusualValue(name, value, "above", high))
    elif isinstance(record, Episode) and record.duration_s is not None and record.duration_s > 3600:
        found.append(UnusualValue("duration_s", record.duration_s, "above", 3600))
    return found


@dataclass(frozen=True, kw_only=True)
class Settings:
    """A profile's preferences, and the warning thresholds within safe bounds."""

    language: str = "en"
    water_target_ml: int | None = None
    reminder_time: dt.time | None = None
    recurring_days: int = 3
    persist_span_days: int = 14
    reset_free_days: int = 7

    def __post_init__(self) -> None:
        if self.language not in ("en", "id"):
            raise ValidationError("language", self.language, "en, id")
        for name in ("water_target_ml", "recurring_days", "persist_span_days", "reset_free_days"):
            check_field(name, getattr(self, name))
        if self.reminder_time is not None and not isinstance(self.reminder_time, dt.time):
            raise ValidationError("reminder_time", self.reminder_time, _("a time as HH:MM"))
