"""Medicines: the periods a person took a medicine, with add, stop today, edit and
delete (with undo). Insights and the report read them as before."""

from __future__ import annotations

from pathlib import Path

from kivy.app import App
from kivy.lang import Builder
from kivy.properties import BooleanProperty, NumericProperty, ObjectProperty, StringProperty
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.screenmanager import Screen

from tracker.i18n import gettext as _
from tracker.ui.presenters.medicines import deleted_text, intro_text, medicine_row

Builder.load_file(str(Path(__file__).with_suffix(".kv")))


class MedicineItem(BoxLayout):
    medication_id = NumericProperty(0)
    name_text = StringProperty("")
    detail_text = StringProperty("")
    ongoing = BooleanProperty(False)
    stop_text = StringProperty("")
    edit_text = StringProperty("")
    delete_text = StringProperty("")

    __events__ = ("on_stop", "on_edit", "on_delete")

    def on_stop(self) -> None:
        pass

    def on_edit(self) -> None:
        pass

    def on_delete(self) -> None:
        pass


class MedicinesScreen(Screen):
    diary = ObjectProperty(None)
    """The DiaryService (injected)."""
    title_text = StringProperty("")
    intro_text = StringProperty("")
    add_text = StringProperty("")
    empty_text = StringProperty("")

    def on_pre_enter(self, *_args: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.title_text, self.intro_text = _("Medicines"), intro_text()
        self.add_text = _("Add a medicine")
        medications = self.diary.medications()
        self.empty_text = "" if medications else _("No medicines noted.")
        box = self.ids.periods
        box.clear_widgets()
        for medication in sorted(medications, key=lambda m: m.started_on, reverse=True):
            row = medicine_row(medication)
            item = MedicineItem(
                medication_id=row.medication_id,
                name_text=row.name,
                detail_text=row.detail,
                ongoing=row.ongoing,
                stop_text=_("Stopped today"),
                edit_text=_("Edit"),
                delete_text=_("Delete"),
            )
            item.bind(
                on_stop=lambda _i, m=medication: self.stop_today(m),
                on_edit=lambda _i, m=medication: self.open_sheet(m),
                on_delete=lambda _i, m=medication: self.delete(m),
            )
            box.add_widget(item)

    def open_sheet(self, medication: object = None) -> None:
        from tracker.ui.screens.medicine_sheet import MedicineSheet

        MedicineSheet(diary=self.diary, medication=medication, after_save=self.refresh).open()

    def stop_today(self, medication: object) -> None:
        self.diary.edit_medication(medication.id, stopped_on=self.diary.today())  # type: ignore[attr-defined]
        self.refresh()

    def delete(self, medication: object) -> None:
        medication_id = medication.id  # type: ignore[attr-defined]
        self.diary.delete_medication(medication_id)

        def undo() -> None:
            self.diary.delete_medication(medication_id, deleted=False)
            self.refresh()

        App.get_running_app().offer_undo(deleted_text(medication.name), undo)  # type: ignore[attr-defined]
        self.refresh()
