"""Report and export: the doctor report (PDF), a chart (PNG or PDF), CSV files or a JSON
backup, for a chosen period and language. Slow work runs off the UI thread; a failure
puts the screen back and says what failed. No file ever replaces an earlier one."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
from pathlib import Path

from kivy.app import App
from kivy.clock import mainthread
from kivy.lang import Builder
from kivy.logger import Logger
from kivy.properties import BooleanProperty, ObjectProperty, StringProperty
from kivy.uix.screenmanager import Screen

from tracker.formats.files import file_name_part, free_path
from tracker.i18n import Language, current_language
from tracker.i18n import gettext as _
from tracker.ui.memory import give_back_memory_soon
from tracker.ui.presenters.safety import export_failed
from tracker.ui.widgets.controls import fill_chips

Builder.load_file(str(Path(__file__).with_suffix(".kv")))

PERIODS = (("30", 30), ("90", 90), ("365", 365), ("all", None))


class ReportScreen(Screen):
    diary = ObjectProperty(None)
    """The DiaryService (injected)."""
    period = StringProperty("90")
    language = StringProperty("")
    """The report's language; empty follows the app."""
    busy = BooleanProperty(False)
    saved_path = StringProperty("")
    title_text = StringProperty("")
    intro_text = StringProperty("")
    period_label = StringProperty("")
    language_label = StringProperty("")
    report_text = StringProperty("")
    png_text = StringProperty("")
    chart_pdf_text = StringProperty("")
    csv_text = StringProperty("")
    json_text = StringProperty("")
    result_text = StringProperty("")
    open_text = StringProperty("")

    def on_pre_enter(self, *_args: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.title_text = _("Show a doctor")
        self.intro_text = _("A one-minute summary with charts and every episode, to print or send.")
        self.period_label, self.language_label = _("Period"), _("Language")
        self.report_text, self.png_text = _("Save the doctor report (PDF)"), _("Chart (PNG)")
        self.chart_pdf_text, self.csv_text, self.json_text = (
            _("Chart (PDF)"),
            _("CSV files"),
            _("Backup (JSON)"),
        )
        self.open_text = _("Open the folder")
        self._chips(
            "periods",
            [
                (
                    v,
                    {"30": _("30 days"), "90": _("90 days"), "365": _("1 year"), "all": _("All")}[
                        v
                    ],
                )
                for v, _d in PERIODS
            ],
            self.period,
            "period",
        )
        self._chips(
            "languages",
            [("en", "English"), ("id", "Bahasa Indonesia")],
            self.language or current_language(),
            "language",
        )

    def _chips(
        self, row_id: str, options: list[tuple[str, str]], chosen: str, attribute: str
    ) -> None:
        fill_chips(
            self.ids[row_id],
            options,
            chosen,
            f"report-{row_id}",
            lambda value: setattr(self, attribute, value),
        )

    def _first(self) -> dt.date | None:
        days = dict(PERIODS)[self.period]
        return None if days is None else self.diary.today() - dt.timedelta(days=days - 1)

    def export(self, what: str) -> None:
        self.busy, self.result_text, self.saved_path = True, _("Working…"), ""
        folder = Path(App.get_running_app().export_dir)
        language = Language.named(self.language or current_language())
        threading.Thread(
            target=self._work, args=(what, folder, language, self._first()), daemon=True
        ).start()

    def _work(self, what: str, folder: Path, language: Language, first: dt.date | None) -> None:
        """In a worker thread: whatever happens, the screen comes back (buttons enabled)
        and says what was saved, or in plain words what failed."""
        try:
            saved = self._save(what, folder, language, first)
        except Exception as error:
            Logger.exception(f"Kedut: {what} could not be saved")
            self._done("", export_failed(what, error, folder))
            return
        self._done(str(saved), _("Saved to {path}").format(path=saved))

    def _save(self, what: str, folder: Path, language: Language, first: dt.date | None) -> Path:
        """Make the file; a new file never takes the place of an earlier one."""
        from tracker.formats.files import write_atomic
        from tracker.services.isolated import report_pdf

        today, stamp = self.diary.today(), self.diary.today().isoformat()
        name = file_name_part(self.diary.profile.name)
        if what == "report":
            # Made in a process of its own: matplotlib and fpdf2 never stay in the app.
            pdf = report_pdf(
                self.diary.store.data_dir, self.diary.profile_id, today, first, language.code
            )
            return write_atomic(free_path(folder, f"kedut-report-{name}-{stamp}", ".pdf"), pdf)
        if what.startswith("chart"):
            # Also in a process of its own: matplotlib never stays in the app.
            from tracker.services.isolated import chart_file

            file_format = what.split("-")[1]
            picture = chart_file(
                self.diary.store.data_dir,
                self.diary.profile_id,
                today,
                first,
                language.code,
                "timeline",
                file_format,
            )
            out = free_path(folder, f"kedut-timeline-{name}-{stamp}", "." + file_format)
            return write_atomic(out, picture)
        if what == "csv":
            out = free_path(folder, f"kedut-csv-{name}-{stamp}")
            return self.diary.export_csv(out)[0].parent
        return self.diary.export_json(free_path(folder, f"kedut-backup-{stamp}", ".json"))

    @mainthread
    def _done(self, path: str, message: str) -> None:
        self.busy, self.saved_path, self.result_text = False, path, message
        give_back_memory_soon()  # the file's bytes are written and freed

    def open_folder(self) -> None:
        folder = Path(self.saved_path)
        folder = folder if folder.is_dir() else folder.parent
        if sys.platform.startswith("win"):
            os.startfile(folder)  # type: ignore[attr-defined]  # noqa: S606 - the person's own folder
        else:
            opener = "open" if sys.platform == "darwin" else "xdg-open"
            command = [opener, str(folder)]  # the platform's file manager, on the person's folder
            subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
