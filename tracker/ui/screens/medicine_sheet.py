"""The sheet to add or edit a medicine period: its name, kind, first day and last day
(or still taking it). Every refusal shows next to its field; an edit sends only what
was changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from kivy.core.window import Window
from kivy.lang import Builder
from kivy.metrics import dp
from kivy.properties import BooleanProperty, ObjectProperty, StringProperty
from kivy.uix.modalview import ModalView

from tracker.domain import MedicationKind, ValidationError
from tracker.i18n import gettext as _
from tracker.labels import short_date
from tracker.ui.presenters.medicines import check_medicine, field_labels, kind_label
from tracker.ui.widgets.controls import fill_chips
from tracker.ui.widgets.pickers import DatePicker

Builder.load_file(str(Path(__file__).with_suffix(".kv")))


class MedicineSheet(ModalView):
    diary = ObjectProperty(None)
    medication = ObjectProperty(None, allownone=True)
    """The period being edited, or None for a new one."""
    after_save = ObjectProperty(None, allownone=True)
    errors = ObjectProperty({})
    """Refusals by field, each shown under its field."""
    title_text = StringProperty("")
    started_text = StringProperty("")
    stopped_text = StringProperty("")
    still_text = StringProperty("")
    has_last_day = BooleanProperty(False)
    save_text = StringProperty("")
    cancel_text = StringProperty("")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            size_hint=(None, None),
            background="",
            background_color=(1, 1, 1, 1),
            overlay_color=(0, 0, 0, 0.45),
            **kwargs,
        )
        self.width = min(Window.width - dp(16), dp(560))
        self.height = min(Window.height - dp(32), dp(600))
        self.labels = field_labels()
        for field, label in self.labels.items():
            self.ids[f"{field}_label"].text = label
        medication = self.medication
        self.title_text = _("Edit medicine") if medication else _("Add a medicine")
        self.still_text, self.save_text = _("Still taking it"), _("Save")
        self.cancel_text = _("Cancel")
        self.values: dict[str, Any] = {
            "name": medication.name if medication else "",
            "kind": medication.kind.value if medication else None,
            "started_on": medication.started_on if medication else self.diary.today(),
            "stopped_on": medication.stopped_on if medication else None,
        }
        self.ids.name.text = self.values["name"]
        self.ids.name.bind(text=lambda *_a: self._changed("name"))
        kinds = [(k.value, kind_label(k)) for k in MedicationKind]
        fill_chips(self.ids.kind, kinds, self.values["kind"], f"kind-{id(self)}", self._kind)
        self._show_days()

    def on_errors(self, _sheet: object, errors: dict[str, str]) -> None:
        for field in ("name", "kind", "started_on", "stopped_on"):
            self.ids[f"{field}_error"].text = errors.get(field, "")

    def _kind(self, kind: str) -> None:
        self.values["kind"] = kind
        self._changed("kind")

    def _changed(self, *fields: str) -> None:
        """A field changed: its refusal no longer applies."""
        if any(field in self.errors for field in fields):
            self.errors = {k: v for k, v in self.errors.items() if k not in fields}

    def _show_days(self) -> None:
        self.started_text = short_date(self.values["started_on"])
        stopped = self.values["stopped_on"]
        self.stopped_text = short_date(stopped) if stopped else _("still taking")
        self.has_last_day = stopped is not None

    def pick(self, field: str) -> None:
        today = self.diary.today()
        shown = self.values[field] or today
        DatePicker(self.labels[field], shown, lambda d: self.set_day(field, d),
                   today=today, latest=today + dt.timedelta(days=1)).open()  # fmt: skip

    def set_day(self, field: str, day: dt.date | None) -> None:
        self.values[field] = day
        self._show_days()
        self._changed("started_on", "stopped_on")  # the two are checked together

    def save(self) -> bool:
        self.values["name"] = self.ids.name.text
        cleaned, errors = check_medicine(self.values)
        self.errors = errors
        if errors:
            return False
        try:
            if self.medication is None:
                self.diary.add_medication(**cleaned)
            else:
                changed = {k: v for k, v in cleaned.items()
                           if v != _stored(self.medication, k)}  # fmt: skip
                if changed:
                    self.diary.edit_medication(self.medication.id, **changed)
        except ValidationError as error:  # the domain's own bounds (e.g. the supported years)
            self.errors = {"name": str(error)}
            return False
        self.dismiss()
        if self.after_save:
            self.after_save()
        return True


def _stored(medication: Any, name: str) -> Any:
    value = getattr(medication, name)
    return value.value if name == "kind" else value
