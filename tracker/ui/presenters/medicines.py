"""The Medicines screen's words and its form: a period's name, kind, first and last
day, checked all at once with each refusal next to its field; no Kivy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tracker.domain import Medication, MedicationKind, ValidationError
from tracker.i18n import gettext as _
from tracker.labels import short_date


def kind_label(kind: MedicationKind) -> str:
    return {
        MedicationKind.DIURETIC: _("diuretic (water pill)"),
        MedicationKind.CORTICOSTEROID: _("corticosteroid"),
        MedicationKind.ESTROGEN: _("estrogen"),
        MedicationKind.OTHER: _("other"),
    }[kind]


def field_labels() -> dict[str, str]:
    return {
        "name": _("Medicine"),
        "kind": _("Kind"),
        "started_on": _("First day"),
        "stopped_on": _("Last day"),
    }


@dataclass(frozen=True)
class MedicineRow:
    medication_id: int
    name: str
    detail: str
    ongoing: bool


def medicine_row(medication: Medication) -> MedicineRow:
    assert medication.id is not None
    if medication.stopped_on is None:
        period = _("since {date}").format(date=short_date(medication.started_on))
    else:
        period = f"{short_date(medication.started_on)} – {short_date(medication.stopped_on)}"
    return MedicineRow(
        medication.id,
        medication.name,
        f"{kind_label(medication.kind)} · {period}",
        medication.stopped_on is None,
    )


def intro_text() -> str:
    return _(
        "Diuretics, corticosteroids and estrogen can go together with twitching. Note when "
        "you take them: Insights compares your days on and off them, and the report lists them."
    )


def check_medicine(values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """(values to store, refusals by field); every field is checked, so all problems
    show at once, each in the words of the field's label."""
    labels = field_labels()
    errors: dict[str, str] = {}
    name = str(values.get("name") or "").strip()
    if not name:
        errors["name"] = _("{field}: please type the medicine's name.").format(field=labels["name"])
    elif len(name) > 120:  # the domain's bound
        errors["name"] = str(
            ValidationError(labels["name"], name, _("1–120 characters"), f"{len(name)}")
        )
    if not values.get("kind"):
        errors["kind"] = _("{field}: please choose one.").format(field=labels["kind"])
    started: dt.date | None = values.get("started_on")
    stopped: dt.date | None = values.get("stopped_on")
    if started is None:
        errors["started_on"] = _("{field}: please pick a day.").format(field=labels["started_on"])
    if started is not None and stopped is not None and stopped < started:
        errors["stopped_on"] = str(
            ValidationError(
                labels["stopped_on"],
                short_date(stopped),
                _("{first} or later").format(first=short_date(started)),
                shown=short_date(stopped),
            )
        )
    cleaned = {"name": name, "kind": values.get("kind"), "started_on": started,
               "stopped_on": stopped}  # fmt: skip
    return cleaned, errors


def deleted_text(name: str) -> str:
    return _("Deleted {name}").format(name=name)
