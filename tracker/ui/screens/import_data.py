"""Settings → Import: pick a file or folder, read what it would add (a dry run, with a
progress bar and Cancel), say what a diary app's own names mean and whether the file's
values replace typed ones, then import for real in one transaction. Cancelled or
refused at any moment, nothing is stored. Reading runs off the UI thread."""

from __future__ import annotations

import threading
from pathlib import Path

from kivy.app import App
from kivy.clock import Clock, mainthread
from kivy.lang import Builder
from kivy.logger import Logger
from kivy.properties import ObjectProperty, StringProperty
from kivy.uix.screenmanager import Screen

from tracker.formats.csv_files import FileFormatError
from tracker.formats.import_outcome import ImportOutcome, ImportRequest
from tracker.formats.sources import ImportCancelled
from tracker.i18n import gettext as _
from tracker.ui.presenters import import_preview as words
from tracker.ui.screens.import_steps import ImportChoose, ImportPreview, ImportProgress, NameChoice
from tracker.ui.widgets.controls import fill_chips

Builder.load_file(str(Path(__file__).with_suffix(".kv")))


class ImportScreen(Screen):
    diary = ObjectProperty(None)
    """The DiaryService (injected)."""
    title_text = StringProperty("")
    status_text = StringProperty("")
    """What the last import did, or that a cancelled one stored nothing."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.step: ImportChoose | ImportProgress | ImportPreview | None = None
        self.request: ImportRequest | None = None
        self.outcome: ImportOutcome | None = None
        self.working = False
        """A read or an import runs in the background."""
        self._stop = threading.Event()
        self._choose = ImportChoose()
        self._choose.bind(on_preview=lambda _w: self.preview())

    def on_pre_enter(self, *_args: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.title_text = _("Import from another app")
        if not self.working and self.outcome is None:
            self.show_choose()

    def show_choose(self) -> None:
        choose = self._choose
        choose.intro_text, choose.path_hint = words.intro_text(), _("File or folder to import")
        choose.preview_text = _("Preview")
        self._show(choose)
        Clock.schedule_once(choose.show_path_end, 0)  # once laid out at its new width

    def preview(self) -> None:
        typed = self._choose.chosen_path()
        path = Path(typed).expanduser()
        if not typed or not path.exists():
            self._choose.error_text = _("Pick a file or folder that exists.")
            return
        self._choose.error_text, self.status_text = "", ""
        self._run(ImportRequest(path), dry_run=True)

    def _run(self, request: ImportRequest, dry_run: bool) -> None:
        self.request, self.working = request, True
        self._stop = threading.Event()
        progress = ImportProgress(cancel_text=_("Cancel"))
        progress.what_text = (_("Reading {file}…") if dry_run else _("Importing {file}…")).format(
            file=request.path.name
        )
        progress.bind(on_cancel=lambda _w: self._stop.set())
        self._show(progress)
        args = (request, dry_run, self._stop)
        threading.Thread(target=self._work, args=args, daemon=True).start()

    def _work(self, request: ImportRequest, dry_run: bool, stop: threading.Event) -> None:
        shown = [-1]

        def progress(done: int, total: int) -> None:
            percent = 100 * done // max(total, 1)
            if percent != shown[0]:  # at most a hundred updates, whatever the size
                shown[0] = percent
                self._progress(percent, words.progress_text(done, total))

        try:
            outcome = self.diary.read_import(
                request, dry_run=dry_run, progress=progress, cancelled=stop.is_set
            )
        except ImportCancelled:
            self._stopped(status=_("Cancelled: nothing was stored."))
        except Exception as error:
            if not isinstance(error, FileFormatError):
                Logger.exception(f"Kedut: {request.path} could not be imported")
            self._stopped(refusal=words.refused_text(request.path, error))
        else:
            self._ended(outcome)

    @mainthread
    def _progress(self, percent: int, text: str) -> None:
        if isinstance(self.step, ImportProgress):
            self.step.percent, self.step.count_text = percent, text

    @mainthread
    def _stopped(self, status: str = "", refusal: str = "") -> None:
        """Cancelled (`status` says so) or refused (`refusal`, under the path): back to
        choosing a file; nothing was stored."""
        self.working, self.outcome = False, None
        self.show_choose()
        self.status_text, self._choose.error_text = status, refusal

    @mainthread
    def _ended(self, outcome: ImportOutcome) -> None:
        self.working = False
        assert self.request is not None
        if outcome.dry_run and self.request.mapping is None and outcome.names:
            # The first read: with a suggestion for each name, read again to show its effect.
            mapping = words.suggested_mapping(outcome)
            if mapping != outcome.mapping:
                self._run(ImportRequest(self.request.path, mapping, self.request.replace), True)
                return
        self.outcome = outcome
        self._show_outcome(outcome)
        if not outcome.dry_run:
            App.get_running_app().root.profile_bar.name = self.diary.profile.name

    def _show_outcome(self, outcome: ImportOutcome) -> None:
        assert self.request is not None
        done = not outcome.dry_run
        view = ImportPreview(heading_text=words.heading(outcome, self.request.path))
        view.counts_text = "\n".join(words.count_lines(outcome))
        view.lines_text = "\n".join(outcome.lines)
        view.import_text = _("Done") if done else _("Import")
        view.again_text = _("Import another file") if done else _("Choose another file")
        view.nothing_to_import = not done and not outcome.stores_anything
        if not done:
            self._choices(view, outcome)
        view.bind(on_confirm=lambda _w: self._confirm(), on_back=lambda _w: self._again())
        self._show(view)
        self.status_text = ""  # the heading says what was done; the line is for refusals

    def _choices(self, view: ImportPreview, outcome: ImportOutcome) -> None:
        assert self.request is not None
        mapping = self.request.mapping or outcome.mapping
        rows = words.name_rows(outcome.names, mapping) if mapping is not None else []
        if rows:
            view.names_title = _("What your own names mean")
            view.names_intro = _("Kedut remembers these choices for the next import.")
        for row in rows:
            view.ids.names.add_widget(NameChoice(row, self._rename))
        if any(f.kept or f.replaced for f in outcome.fields) or self.request.replace:
            view.conflict_title = _("When a day already has a value you typed")
            options = [("skip", _("Keep what I typed")), ("replace", _("Use the file's values"))]
            chosen = "replace" if self.request.replace else "skip"
            fill_chips(view.ids.conflict, options, chosen, "import-conflict", self._replace)

    def _rename(self, name: str, choice: str) -> None:
        """A name now means something else: read again to show what that adds."""
        assert self.request is not None and self.outcome is not None
        base = self.request.mapping or words.suggested_mapping(self.outcome)
        mapping = words.with_choices(base, self.outcome.names, [(name, choice)])
        self._run(ImportRequest(self.request.path, mapping, self.request.replace), True)

    def _replace(self, choice: str) -> None:
        assert self.request is not None
        if (choice == "replace") != self.request.replace:
            request = self.request
            self._run(ImportRequest(request.path, request.mapping, choice == "replace"), True)

    def _confirm(self) -> None:
        assert self.request is not None and self.outcome is not None
        if not self.outcome.dry_run:  # "Done"
            self._again()
            App.get_running_app().go("settings")
            return
        self._run(self.request, dry_run=False)

    def _again(self) -> None:
        self.outcome = None
        self.show_choose()

    def _show(self, step: ImportChoose | ImportProgress | ImportPreview) -> None:
        body = self.ids.body
        body.clear_widgets()
        body.add_widget(step)
        self.step = step
