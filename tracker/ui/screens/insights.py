"""Insights: the findings in plain sentences with n and interval, what is not shown yet
and why, and the charts, rendered in a worker thread and shown as textures."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

from kivy.clock import mainthread
from kivy.lang import Builder
from kivy.logger import Logger
from kivy.properties import ObjectProperty, StringProperty
from kivy.uix.screenmanager import Screen

from tracker.analysis.messages import finding_sentence, hidden_explanation
from tracker.i18n import Language, app_language, ngettext
from tracker.i18n import gettext as _
from tracker.ui.memory import give_back_memory_soon
from tracker.ui.presenters.safety import reason_text
from tracker.ui.widgets.controls import fill_chips

Builder.load_file(str(Path(__file__).with_suffix(".kv")))

PERIODS = (("30", 30), ("90", 90), ("365", 365), ("all", None))
MAX_FINDINGS = 8
CHARTS = ("timeline", "correlations", "calendar")


class InsightsScreen(Screen):
    diary = ObjectProperty(None)
    """The DiaryService (injected)."""
    period = StringProperty("90")
    title_text = StringProperty("")
    summary_text = StringProperty("")
    status_text = StringProperty("")
    findings_title = StringProperty("")
    findings_text = StringProperty("")
    caution_text = StringProperty("")
    hidden_title = StringProperty("")
    hidden_text = StringProperty("")
    pending = 0
    """How many charts are still being drawn."""

    def on_pre_enter(self, *_args: object) -> None:
        self.refresh()

    def on_leave(self, *_args: object) -> None:
        """The charts are drawn again at every visit: their textures (≈ 10 MB of pixels)
        are let go of when the person leaves, and the memory goes back to the system."""
        for name in CHARTS:
            self.ids[name].clear()
        give_back_memory_soon()

    def refresh(self) -> None:
        self.title_text, self.findings_title = _("Insights"), _("What went together with twitching")
        self.hidden_title = _("Not shown yet")
        self.caution_text = _(
            "These show what went together with your twitching, not what causes it."
        )
        self.status_text = _("Drawing the charts…")
        self.findings_text = self.summary_text = self.hidden_text = ""
        self._chips()
        for name in CHARTS:
            self.ids[name].opacity = 0
        self.pending = len(CHARTS)
        first = None
        days = dict(PERIODS)[self.period]
        if days is not None:
            first = self.diary.today() - dt.timedelta(days=days - 1)
        language = app_language()
        threading.Thread(target=self._work, args=(first, language), daemon=True).start()

    def _chips(self) -> None:
        names = {"30": _("30 days"), "90": _("90 days"), "365": _("1 year"), "all": _("All")}
        periods = [(value, names[value]) for value, _days in PERIODS]
        fill_chips(self.ids.periods, periods, self.period, "insights-period", self._choose)

    def _choose(self, period: str) -> None:
        self.period = period
        self.refresh()

    def _work(self, first: dt.date | None, language: Language) -> None:
        """In a worker thread; the charts are drawn in a process of their own, so that
        matplotlib and what it holds never stay in the app."""
        from tracker.services.isolated import insights_picture

        diary = self.diary
        try:
            picture = insights_picture(
                diary.store.data_dir,
                diary.profile_id,
                diary.today(),
                first,
                language.code,
                CHARTS,
            )
            self._show_findings(picture)
            for kind in CHARTS:
                self._show_chart(kind, *picture.charts[kind])
        except Exception as error:
            Logger.exception("Kedut: the insights could not be drawn")
            self._failed(error)

    @mainthread
    def _failed(self, error: Exception) -> None:
        """The screen stops waiting and says what failed."""
        self.pending = 0
        self.status_text = _("Could not draw the charts: {reason}.").format(
            reason=reason_text(error)
        )

    @mainthread
    def _show_findings(self, picture: Any) -> None:
        shown = picture.shown
        self.summary_text = ngettext(
            "{first} to {last}: {days} day.", "{first} to {last}: {days} days.", picture.days
        ).format(
            first=picture.first.isoformat(),
            last=picture.last.isoformat(),
            days=picture.days,
        )
        lines = [f"• {finding_sentence(r)}" for r in shown[:MAX_FINDINGS]]
        self.findings_text = "\n".join(lines) or _("Not enough logged days yet to show any link.")
        reasons = list(dict.fromkeys(hidden_explanation(h) for h in picture.hidden))
        self.hidden_text = "\n".join(reasons) or "–"

    @mainthread
    def _show_chart(self, kind: str, width: int, height: int, rgba: bytes) -> None:
        self.ids[kind].show_rgba(width, height, rgba)
        self.pending -= 1
        if self.pending == 0:
            self.status_text = ""
            give_back_memory_soon()  # what came from the child process is freed now
