"""Checks shared by the domain records, and the errors they raise.

An error keeps its parts (field, value, what is allowed) so every surface can show it
the same way: the command line on stderr, the app next to the field.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import math
import re
import uuid
from dataclasses import dataclass
from typing import Any, TypeVar, overload

from tracker.fields import FIELDS, FieldKind, field_label
from tracker.i18n import gettext as _

E = TypeVar("E", bound=enum.StrEnum)
N = TypeVar("N", int, float)

# Far enough back for an old paper diary, far enough ahead for any typo to stand out.
EARLIEST_DAY = dt.date(1900, 1, 1)
LATEST_DAY = dt.date(2100, 12, 31)
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class ValidationError(ValueError):
    """A value a person gave that Kedut will not store.

    `field` is the field's name (how the store, the files and the forms know it); the
    message shows the label the person sees, in the language spoken when it is shown."""

    def __init__(self, field: str, value: object, allowed: str, shown: str | None = None) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        self.shown = shown
        """How to show the value when it is not itself readable ("2001 characters")."""
        super().__init__(field, value, allowed)

    def __str__(self) -> str:
        shown = self.shown if self.shown is not None else _shown(self.value)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        return _("{field}: {value} is not allowed (allowed: {allowed})").format(
            field=field_label(self.field), value=shown, allowed=self.allowed
        )


def _shown(value: object) -> str:
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, float) and not isinstance(value, bool):
        return _fmt(value)
    return str(value)


@dataclass(frozen=True)
class UnusualValue:
    """An allowed value that is unusual enough to double-check."""

    field: str
    value: float
    direction: str  # "below" or "above"
    limit: float

    def __str__(self) -> str:
        if self.direction == "below":
            text = _("{field}: {value} is unusually low (below {limit}); stored anyway")
        else:
            text = _("{field}: {value} is unusually high (above {limit}); stored anyway")
        return text.format(
            field=field_label(self.field), value=_fmt(self.value), limit=_fmt(self.limit)
        )


def _fmt(number: float) -> str:
    return f"{number:g}"


def _range_text(low: float, high: float) -> str:
    return f"{_fmt(low)}–{_fmt(high)}"


@overload
def check_number(field: str, value: None, low: float, high: float, *, real: bool = ...) -> None: ...
@overload
def check_number(field: str, value: N, low: float, high: float, *, real: bool = ...) -> N: ...
def check_number(field: str, value: Any, low: float, high: float, *, real: bool = False) -> Any:
    """A whole number (or, with `real`, any finite number) within low…high, or None."""
    if value is None:
        return None
    # The message is built only for a refusal: an import checks 100,000 rows.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _out_of_range(field, value, low, high, real)
    if real:
        if not math.isfinite(value):
            raise _out_of_range(field, value, low, high, real)
        value = float(value)
    elif isinstance(value, float):
        if not value.is_integer():
            raise _out_of_range(field, value, low, high, real)
        value = int(value)
    if not low <= value <= high:
        raise _out_of_range(field, value, low, high, real)
    return value


def _out_of_range(field: str, value: Any, low: float, high: float, real: bool) -> ValidationError:
    if real:
        allowed = _("numbers {range}").format(range=_range_text(low, high))
    else:
        allowed = _("whole numbers {range}").format(range=_range_text(low, high))
    return ValidationError(field, value, allowed)


def check_field(name: str, value: Any) -> Any:
    """A number checked against its entry in the catalogue of fields (bounds, whole or
    not), or None."""
    if value is None:
        return None
    low, high, real = _LIMITS.get(name) or _limits(name)
    # The usual case first (an import checks 300,000): a whole number within bounds.
    if type(value) is int and not real and low <= value <= high:
        return value
    return check_number(name, value, low, high, real=real)


_LIMITS: dict[str, tuple[float, float, bool]] = {}


def _limits(name: str) -> tuple[float, float, bool]:
    field = FIELDS[name]
    _LIMITS[name] = (*field.bounds, field.kind is FieldKind.NUMBER)
    return _LIMITS[name]


@overload
def check_choice(field: str, value: None, choices: type[E]) -> None: ...
@overload
def check_choice(field: str, value: str, choices: type[E]) -> E: ...
def check_choice(field: str, value: str | None, choices: type[E]) -> E | None:
    """One of an enum's values (given as the enum or its text), or None."""
    if value is None:
        return None
    members: dict[str, E] = _members(choices)  # a dict lookup: imports check 300,000
    try:
        return members[value]
    except (KeyError, TypeError):
        allowed = ", ".join(member.value for member in choices)
        raise ValidationError(field, value, allowed) from None


@functools.cache
def _members(choices: type[enum.StrEnum]) -> dict[str, Any]:
    """Each member by its text (a StrEnum member is equal to its text, so by itself too)."""
    return {member.value: member for member in choices}


@overload
def check_text(field: str, value: None, min_chars: int, max_chars: int) -> None: ...
@overload
def check_text(field: str, value: str, min_chars: int, max_chars: int) -> str: ...
def check_text(field: str, value: str | None, min_chars: int, max_chars: int) -> str | None:
    """Text of a bounded length; an empty optional text becomes None (not logged)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(field, value, _("text"))
    if "\x00" in value:
        raise ValidationError(field, value, _("text without NUL characters"))
    if min_chars == 0 and value == "":
        return None
    if not min_chars <= len(value) <= max_chars:
        allowed = _("{low}–{high} characters").format(low=min_chars, high=max_chars)
        shown = f"{len(value)} " + _("characters")
        raise ValidationError(field, value, allowed, shown=shown)
    return value


def check_utc(field: str, value: dt.datetime) -> dt.datetime:
    """A time zone aware instant within the supported years, returned in UTC."""
    if not isinstance(value, dt.datetime) or value.utcoffset() is None:
        raise ValidationError(field, value, _instant_allowed())
    instant = value.astimezone(dt.UTC)
    if not EARLIEST_DAY <= instant.date() <= LATEST_DAY:
        raise ValidationError(field, value.isoformat(), _instant_allowed())
    return instant


def _instant_allowed() -> str:
    return _("a date and time with a UTC offset, between {first} and {last}").format(
        first=EARLIEST_DAY, last=LATEST_DAY
    )


def check_day(field: str, value: dt.date) -> dt.date:
    """A calendar day within the supported years."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ValidationError(field, value, _day_allowed())
    if not EARLIEST_DAY <= value <= LATEST_DAY:
        raise ValidationError(field, value.isoformat(), _day_allowed())
    return value


def _day_allowed() -> str:
    return _("a date between {first} and {last}").format(first=EARLIEST_DAY, last=LATEST_DAY)


def check_uuid(field: str, value: str | None) -> str | None:
    """An RFC 4122 identifier in its canonical text form (lower case, with hyphens)."""
    if value is None:
        return None
    if isinstance(value, str) and _CANONICAL_UUID.fullmatch(value):
        return value
    try:
        return str(uuid.UUID(str(value).strip()))
    except ValueError:
        raise ValidationError(
            field, value, _("a UUID such as 123e4567-e89b-12d3-a456-426614174000")
        ) from None
