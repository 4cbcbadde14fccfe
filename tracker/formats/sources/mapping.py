"""What a diary app's own names mean in Kedut: a Loop habit, a Daylio activity or mood, a
Bearable symptom, factor or medicine. Pure: no Kivy, no SQLAlchemy.

The mapping file (`--map FILE`, JSON or TOML, docs/importing.md "The mapping file"):

    {"kedut_mapping": 1,
     "names": {"Twitch": "episode",
               "Left knee twitch": {"episode": {"site": "knee", "side": "left"}},
               "Coffee": {"field": "caffeine_mg", "each": 95},
               "Water": {"field": "water_ml", "per_unit": 250},
               "Magnesium": {"field": "magnesium_rich_food"},
               "Furosemide": {"medication": "diuretic"},
               "Reading": "skip"},
     "moods": {"rad": 0, "good": 1, "meh": 2, "bad": 3, "awful": 4}}

Names are matched without regard to case or repeated spaces. `propose` suggests a mapping
from the names found (the app's preview shows it); `Mapping.to_dict` is the plain
structure the import service remembers, and `Mapping.from_dict` reads it back.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.domain import BodySite, MedicationKind, Side
from tracker.formats.sources.batch import Found, SourceFormatError
from tracker.i18n import gettext as _
from tracker.labels import factor_label

FORMAT = 1
# Day fields a name can fill, and which of them are yes/no.
NUMBER_FIELDS = (
    "sleep_h",
    "sleep_quality",
    "water_ml",
    "exercise_min",
    "stress",
    "caffeine_mg",
    "alcohol_units",
)
FLAG_FIELDS = ("diarrhea", "calcium_rich_food", "magnesium_rich_food", "vitamin_supplement")
_LARGEST = 1 << 20  # a mapping is a few hundred bytes
_LARGEST_AMOUNT = 100_000  # ml, mg or minutes for one time a thing was logged


def key(name: str) -> str:
    """How names are compared: "  Muscle  Twitch " and "muscle twitch" are one name."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Target:
    """What one name becomes: `kind` is "field", "episode", "medication" or "skip".
    A field gets `each` for every time a yes/no thing was logged, or an amount times
    `per_unit`; an episode may fix its `site`, `side` and `intensity`."""

    kind: str
    field: str = ""
    each: float | None = None
    per_unit: float | None = None
    site: str = ""
    side: str = ""
    intensity: int | None = None
    medication: str = ""

    def describe(self) -> str:
        if self.kind == "field":
            return factor_label(self.field)
        if self.kind == "episode":
            return _("twitch episodes")
        if self.kind == "medication":
            return _("a medicine ({kind})").format(kind=self.medication)
        return _("left out")

    def to_value(self) -> str | dict[str, Any]:
        if self.kind in ("skip", "episode") and self == Target(self.kind):
            return self.kind
        if self.kind == "medication":
            return {"medication": self.medication}
        if self.kind == "episode":
            episode: dict[str, Any] = {"site": self.site, "side": self.side}
            episode["intensity"] = self.intensity
            return {"episode": {k: v for k, v in episode.items() if v not in ("", None)}}
        value: dict[str, Any] = {"field": self.field, "each": self.each}
        value["per_unit"] = self.per_unit
        return {k: v for k, v in value.items() if v is not None}


@dataclass(frozen=True)
class Mapping:
    """Names (compared by `key`) to targets, and Daylio's mood names to a stress level."""

    names: dict[str, Target] = field(default_factory=dict)
    moods: dict[str, int] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)  # key → the name as written

    def target(self, name: str) -> Target | None:
        return self.names.get(key(name))

    def stress(self, mood: str) -> int | None:
        return self.moods.get(key(mood))

    def to_dict(self) -> dict[str, Any]:
        """A plain structure (JSON or TOML as it is) the import service can remember."""
        names = {self.shown.get(k, k): t.to_value() for k, t in sorted(self.names.items())}
        moods = {self.shown.get("mood:" + k, k): v for k, v in sorted(self.moods.items())}
        return {"kedut_mapping": FORMAT, "names": names, "moods": moods}

    @classmethod
    def from_dict(cls, data: Any) -> Mapping:
        """Read a mapping; MappingError says which entry is wrong and what is allowed."""
        if not isinstance(data, dict):
            raise MappingError(_("a mapping is a table of names"))
        unknown = sorted(set(data) - {"kedut_mapping", "names", "moods"})
        if unknown:
            raise MappingError(
                _("unknown entry {name} (allowed: kedut_mapping, names, moods)").format(
                    name=repr(unknown[0])
                )
            )
        if data.get("kedut_mapping", FORMAT) != FORMAT:
            raise MappingError(_("this mapping is for a newer Kedut"))
        names, moods, shown = {}, {}, {}
        for name, value in _table(data.get("names", {}), "names").items():
            names[key(name)] = _target(name, value)
            shown[key(name)] = name
        for name, value in _table(data.get("moods", {}), "moods").items():
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 4:
                raise MappingError(
                    _("{name}: a mood becomes a stress level, a whole number 0–4").format(name=name)
                )
            moods[key(name)] = value
            shown["mood:" + key(name)] = name
        return cls(names, moods, shown)


class MappingError(ValueError):
    """A mapping that cannot be used, in the person's words."""


def _table(value: Any, name: str) -> dict[str, Any]:
    if not isinstance(value, dict) or not all(isinstance(k, str) and k.strip() for k in value):
        raise MappingError(_("{name} must be a table of names").format(name=name))
    return value


def _number(name: str, what: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise MappingError(_("{name}: {what} must be a number").format(name=name, what=what))
    if value < 0:
        raise MappingError(_("{name}: {what} cannot be below zero").format(name=name, what=what))
    if value > _LARGEST_AMOUNT:
        raise MappingError(
            _("{name}: {what} can be at most {largest}").format(
                name=name, what=what, largest=_LARGEST_AMOUNT
            )
        )
    return float(value)


def _no_other_keys(name: str, value: dict[str, Any], allowed: set[str]) -> None:
    """A misspelt key ("eech") is refused, not quietly ignored."""
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise MappingError(
            _("{name}: unknown entry {key} (allowed: {allowed})").format(
                name=name, key=repr(unknown[0]), allowed=", ".join(sorted(allowed))
            )
        )


def _target(name: str, value: Any) -> Target:
    if value in ("skip", "episode"):
        return Target(str(value))
    allowed = ", ".join(NUMBER_FIELDS + FLAG_FIELDS)
    if not isinstance(value, dict) or len(set(value) & {"field", "episode", "medication"}) != 1:
        raise MappingError(
            _(
                '{name}: say what it is: "skip", "episode", a field ({allowed}) or a medication'
            ).format(name=name, allowed=allowed)
        )
    (kind,) = set(value) & {"field", "episode", "medication"}
    _no_other_keys(name, value, {"field", "each", "per_unit"} if kind == "field" else {kind})
    if kind == "medication":
        medicine = value["medication"]
        kinds = [k.value for k in MedicationKind]
        if medicine not in kinds:
            raise MappingError(
                _("{name}: the kind of medicine is one of {allowed}").format(
                    name=name, allowed=", ".join(kinds)
                )
            )
        return Target("medication", medication=medicine)
    if "episode" in value:
        episode = value["episode"]
        episode = {} if episode is True else episode
        if not isinstance(episode, dict):
            raise MappingError(_("{name}: an episode is a table").format(name=name))
        _no_other_keys(name, episode, {"site", "side", "intensity"})
        site, side = episode.get("site", ""), episode.get("side", "")
        if site and site not in [s.value for s in BodySite]:
            allowed = ", ".join(s.value for s in BodySite)
            raise MappingError(
                _("{name}: the place is one of {allowed}").format(name=name, allowed=allowed)
            )
        if side and side not in [s.value for s in Side]:
            allowed = ", ".join(s.value for s in Side)
            raise MappingError(
                _("{name}: the side is one of {allowed}").format(name=name, allowed=allowed)
            )
        intensity = episode.get("intensity")
        if intensity is not None and (
            isinstance(intensity, bool) or intensity not in (0, 1, 2, 3, 4)
        ):
            raise MappingError(_("{name}: the intensity is a whole number 0–4").format(name=name))
        return Target("episode", site=site, side=side, intensity=intensity)
    target_field = value["field"]
    if target_field not in NUMBER_FIELDS + FLAG_FIELDS:
        raise MappingError(
            _("{name}: the field is one of {allowed}").format(name=name, allowed=allowed)
        )
    each = value.get("each")
    per_unit = value.get("per_unit")
    return Target(
        "field",
        field=target_field,
        each=None if each is None else _number(name, "each", each),
        per_unit=None if per_unit is None else _number(name, "per_unit", per_unit),
    )


def load_mapping(path: Path) -> Mapping:
    """A mapping file, JSON or TOML (told apart by its content); a file that cannot be
    used is a SourceFormatError with its name, the line where the text says one, and why."""
    try:
        data = path.read_bytes()[: _LARGEST + 1]
    except OSError:
        raise SourceFormatError(path.name, _("the file cannot be read")) from None
    if len(data) > _LARGEST:
        raise SourceFormatError(path.name, _("this file is far larger than a mapping is"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceFormatError(path.name, _("this is not UTF-8 text"), line=line) from None
    try:
        parsed = json.loads(text) if text.lstrip().startswith("{") else tomllib.loads(text)
    except json.JSONDecodeError as error:
        reason = _("this is not valid JSON")
        raise SourceFormatError(path.name, reason, line=error.lineno) from None
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"line (\d+)", str(error))
        reason = _("this is neither JSON nor valid TOML")
        line = int(found.group(1)) if found else 0
        raise SourceFormatError(path.name, reason, line=line) from None
    except (ValueError, RecursionError):
        raise SourceFormatError(path.name, _("this is not a mapping")) from None
    try:
        return Mapping.from_dict(parsed)
    except MappingError as error:
        raise SourceFormatError(path.name, str(error)) from None


# Obvious names, in English and Indonesian. Twitching is the only default used without
# asking; the rest is proposed in the app's preview for the person to confirm.
TWITCH = re.compile(r"twitch|kedut|fascicul|myokym|spasm|kejang otot", re.IGNORECASE)
_PROPOSALS: tuple[tuple[str, Target], ...] = (
    (r"alcohol|alkohol|beer|\bbir\b|wine|anggur|drinks?\b", Target("field", "alcohol_units", 1)),
    (r"coffee|kopi|caffeine|kafein|espresso", Target("field", "caffeine_mg", 95)),
    (r"\bwater\b|air putih|minum air|hydrat", Target("field", "water_ml", 250, 250)),
    (r"magnesium", Target("field", "magnesium_rich_food")),
    (r"calcium|kalsium|\bmilk\b|\bsusu\b", Target("field", "calcium_rich_food")),
    (r"vitamin|multivit|suplemen|supplement", Target("field", "vitamin_supplement")),
    (r"diarrh|diare|mencret", Target("field", "diarrhea")),
    (r"stress|stres\b|tertekan", Target("field", "stress", 2)),
)
# Units of a numeric habit or amount, and what one of them is in a field's unit.
_UNITS: dict[str, tuple[str, float]] = {
    "ml": ("water_ml", 1),
    "l": ("water_ml", 1000),
    "liter": ("water_ml", 1000),
    "litre": ("water_ml", 1000),
    "liters": ("water_ml", 1000),
    "min": ("exercise_min", 1),
    "mins": ("exercise_min", 1),
    "minutes": ("exercise_min", 1),
    "menit": ("exercise_min", 1),
    "mg": ("caffeine_mg", 1),
    "hours": ("sleep_h", 1),
    "jam": ("sleep_h", 1),
}
_DEFAULT_MOODS = {
    "rad": 0, "good": 1, "meh": 2, "bad": 3, "awful": 4,
    "super": 0, "gut": 1, "ok": 2, "schlecht": 3, "lausig": 4,
}  # fmt: skip


def default_target(name: str) -> Target | None:
    """What a name means without a mapping: only a twitching symptom, habit or activity."""
    return Target("episode") if TWITCH.search(name) else None


def propose(found: dict[str, Found]) -> Mapping:
    """A mapping to suggest for the names found: twitching, and obvious factors (alcohol,
    coffee, water, magnesium …) with an amount for each time; numbers by their unit."""
    names: dict[str, Target] = {}
    shown: dict[str, str] = {}
    moods: dict[str, int] = {}
    for name, info in found.items():
        if info.kind == "mood":
            level = _DEFAULT_MOODS.get(key(name))
            if level is not None:
                moods[key(name)] = level
                shown["mood:" + key(name)] = name
            continue
        target = _proposal(name, info)
        if target is not None:
            names[key(name)] = target
            shown[key(name)] = name
    return Mapping(names, moods, shown)


def _proposal(name: str, info: Found) -> Target | None:
    if info.kind == "medicine":
        return Target("medication", medication="other")
    default = default_target(name)
    if default is not None:
        return default
    unit = _UNITS.get(key(info.unit))
    for pattern, target in _PROPOSALS:
        if re.search(pattern, name, re.IGNORECASE):
            if target.field in FLAG_FIELDS:
                return target
            if info.amount:
                per_unit = unit[1] if unit and unit[0] == target.field else target.per_unit
                return Target("field", target.field, per_unit=per_unit)
            return Target("field", target.field, each=target.each)
    if info.amount and unit is not None:
        return Target("field", unit[0], per_unit=unit[1])
    return None
