"""The Settings preferences form: what each field is called, and every bad field
refused at once, each in its label's words; no Kivy."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from tracker.domain import Settings, ValidationError
from tracker.i18n import gettext as _
from tracker.ui.presenters.pickers import parse_clock

NUMBER_SETTINGS = ("water_target_ml", "recurring_days", "persist_span_days", "reset_free_days")


def preference_labels() -> dict[str, str]:
    return {
        "reminder_time": _("Daily reminder (HH:MM, empty for none)"),
        "water_target_ml": _("Water target (ml, 500–6000)"),
        "recurring_days": _("Warn when twitching on this many of 7 days (2–7)"),
        "persist_span_days": _("See a doctor after twitching lasts (days, 7–60)"),
        "reset_free_days": _("Twitch-free days that end a run (3–14)"),
    }


def preference_texts(settings: Settings) -> dict[str, str]:
    texts = {}
    for name in preference_labels():
        value = getattr(settings, name)
        if value is None:
            texts[name] = ""
        elif isinstance(value, dt.time):
            texts[name] = value.strftime("%H:%M")
        else:
            texts[name] = str(value)
    return texts


def parse_preferences(
    settings: Settings, texts: Mapping[str, str]
) -> tuple[Settings | None, dict[str, str]]:
    """(the settings to save, or None; refusals by field). Every field is checked; a
    refusal names the field as the catalogue of fields labels it (tracker.fields)."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    reminder = texts.get("reminder_time", "").strip()
    try:
        values["reminder_time"] = parse_clock(reminder, "reminder_time") if reminder else None
    except ValidationError:
        refusal = ValidationError("reminder_time", reminder, _("a time as HH:MM"))
        errors["reminder_time"] = str(refusal)
    for name in NUMBER_SETTINGS:
        text = texts.get(name, "").strip()
        if not text and name == "water_target_ml":
            values[name] = None
            continue
        if not text.isdigit():
            errors[name] = str(ValidationError(name, text, _("a whole number")))
            continue
        try:
            checked: dict[str, Any] = {name: int(text)}
            Settings(**checked)  # the field's own bounds
        except ValidationError as error:
            errors[name] = str(error)
            continue
        values[name] = int(text)
    if errors:
        return None, errors
    return dataclasses.replace(settings, **values), {}
