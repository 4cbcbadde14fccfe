"""The day log form: field definitions, stepping, and turning what was typed into
values the domain checks (each refusal goes next to its field)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tracker.domain import DayLog, ExerciseIntensity, ValidationError
from tracker.i18n import gettext as _
from tracker.labels import long_date


@dataclass(frozen=True)
class NumberField:
    name: str
    step: float
    start: float
    """The first value a "+" gives an empty field (a typical day)."""
    whole: bool


NUMBER_FIELDS: tuple[NumberField, ...] = (
    NumberField("sleep_h", 0.5, 7.0, whole=False),
    NumberField("water_ml", 250, 0, whole=True),
    NumberField("exercise_min", 15, 0, whole=True),
    NumberField("caffeine_mg", 50, 0, whole=True),
    NumberField("alcohol_units", 0.5, 0, whole=False),
)
SCALE_FIELDS = ("sleep_quality", "stress")  # 0…4, as chips
FLAG_FIELDS = ("diarrhea", "calcium_rich_food", "magnesium_rich_food", "vitamin_supplement")
BY_NAME = {field.name: field for field in NUMBER_FIELDS}


def field_label(name: str) -> str:
    return {
        "sleep_h": _("Sleep last night (hours)"),
        "water_ml": _("Water (ml)"),
        "exercise_min": _("Exercise (minutes)"),
        "caffeine_mg": _("Caffeine (mg)"),
        "alcohol_units": _("Alcohol (units)"),
        "sleep_quality": _("Sleep quality (0 poor – 4 great)"),
        "stress": _("Stress (0 none – 4 very high)"),
        "exercise_intensity": _("Exercise intensity"),
        "diarrhea": _("Diarrhoea"),
        "calcium_rich_food": _("Calcium-rich food (milk, tofu, greens)"),
        "magnesium_rich_food": _("Magnesium-rich food (nuts, beans, bananas)"),
        "vitamin_supplement": _("Vitamin supplement"),
        "note": _("Note"),
    }[name]


def labelled(error: ValidationError, labels: Mapping[str, str] | None = None) -> str:
    """A refusal named by the label the person sees next to the field, never by the
    field's name in the store ("Water (ml): …", not "water_ml: …")."""
    label = (labels or {}).get(error.field) or _day_label(error.field)
    return str(ValidationError(label, error.value, error.allowed, error.shown))


def _day_label(name: str) -> str:
    try:
        return field_label(name)
    except KeyError:
        return name  # already a label


def number_text(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"


def stepped(name: str, text: str, direction: int) -> str:
    """The field's text after one press of + (1) or − (−1); never below zero."""
    field = BY_NAME[name]
    try:
        current = float(text) if text.strip() else None
    except ValueError:
        current = None
    if current is None or not math.isfinite(current):
        value = field.start if direction > 0 else 0.0
        if direction > 0 and field.start == 0:
            value = field.step
    else:
        value = max(0.0, current + direction * field.step)
    return number_text(int(value) if field.whole else value)


def _number(name: str, text: str) -> float | int | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ValidationError(name, text, _("a number")) from None
    if BY_NAME[name].whole and value.is_integer():
        return int(value)
    return value


def parse_form(
    texts: Mapping[str, str], choices: Mapping[str, Any], day: dt.date
) -> tuple[dict[str, Any], dict[str, str]]:
    """(changes for save_day, errors by field). Every field is checked, so all the
    problems show at once; the domain's own checks decide what is in range."""
    changes: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for field in NUMBER_FIELDS:
        try:
            changes[field.name] = _number(field.name, texts.get(field.name, ""))
        except ValidationError as error:
            errors[field.name] = labelled(error)
    changes.update(choices)
    note = texts.get("note", "").strip()
    changes["note"] = note or None
    for name, value in list(changes.items()):
        if name in errors:
            continue
        try:
            DayLog(date=day, **{name: value})
        except ValidationError as error:
            errors[error.field] = labelled(error)
    return ({k: v for k, v in changes.items() if k not in errors}, errors)


@dataclass(frozen=True)
class DayView:
    date_text: str
    is_today: bool
    texts: dict[str, str]
    choices: dict[str, Any]


def day_view(day_log: DayLog, today: dt.date) -> DayView:
    texts = {f.name: number_text(getattr(day_log, f.name)) for f in NUMBER_FIELDS}
    texts["note"] = day_log.note or ""
    choices = {
        name: getattr(day_log, name) for name in (*SCALE_FIELDS, *FLAG_FIELDS, "exercise_intensity")
    }
    if choices["exercise_intensity"] is not None:
        choices["exercise_intensity"] = choices["exercise_intensity"].value
    title = long_date(day_log.date)
    if day_log.date == today:
        title = _("Today, {date}").format(date=title)
    return DayView(date_text=title, is_today=day_log.date == today, texts=texts, choices=choices)


def empty_changes() -> dict[str, Any]:
    return {f.name: None for f in dataclasses.fields(DayLog) if f.name != "date"}


def choice_options() -> list[tuple[str, list[tuple[str, str]]]]:
    """The chip rows of the form and their (value, text) options."""
    scale = [(str(n), str(n)) for n in range(5)]
    words = {"light": _("light"), "moderate": _("moderate"), "vigorous": _("vigorous")}
    yes_no = [("1", _("yes")), ("0", _("no"))]
    return [
        *((name, scale) for name in SCALE_FIELDS),
        ("exercise_intensity", [(i.value, words[i.value]) for i in ExerciseIntensity]),
        *((name, yes_no) for name in FLAG_FIELDS),
    ]


def chip_values(value: Any) -> set[str]:
    """The chip values that show a stored value: {"3"}, {"1"} for yes, {} for not logged."""
    if value is None:
        return set()
    return {("1" if value else "0") if isinstance(value, bool) else str(value)}


def chosen_values(chips: Mapping[str, str | None]) -> dict[str, Any]:
    """The values the chosen chips mean (the reverse of `chip_values`)."""
    values: dict[str, Any] = {}
    for name, chosen in chips.items():
        if name in SCALE_FIELDS and chosen is not None:
            values[name] = int(chosen)
        elif name in FLAG_FIELDS:
            values[name] = None if chosen is None else chosen == "1"
        else:
            values[name] = chosen
    return values
