"""The doctor report: a PDF a clinician can read in a minute.

Page 1 is the summary (who, period, counts, active warnings, the "see a doctor when"
list ticked against what was logged, medicines); then the charts, the findings in plain
sentences, and the tables of episodes and remedies. fpdf2 lays out text and tables;
matplotlib draws the charts, embedded as images.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from tracker.charts import ChartData, render_image
from tracker.charts.beside import ChartsBeside
from tracker.domain import Episode, Medication, RemedyUse
from tracker.i18n import Language
from tracker.i18n import gettext as _
from tracker.labels import day_month_year
from tracker.reports.document import ReportPDF
from tracker.reports.notes import notes_in_full
from tracker.reports.sections import episodes_table, findings_page, remedies_table, summary_page

CHART_DPI = 120  # 11-inch charts printed 7 inches wide: about 190 dpi on paper
CALENDAR_DAYS = 3 * 366


@dataclass(frozen=True)
class ReportData:
    profile_name: str
    first: dt.date
    last: dt.date
    generated_on: dt.date
    charts: ChartData
    episodes: Sequence[Episode]
    """The latest episodes of the period (at most MAX_EPISODE_ROWS), oldest first."""
    episode_count: int
    episode_days: int
    places: dict[tuple[str, str], int]
    """Episodes by (body site, side)."""
    red_flag_days: dict[str, list[dt.date]]
    """For each red-flag sign, the days it was logged."""
    medications: Sequence[Medication]
    remedies: Sequence[RemedyUse]


def build_report(data: ReportData, language: Language) -> bytes:
    """The report's PDF, every word in `language` (in this thread only)."""
    with language.speaking():
        period = f"{day_month_year(data.first)} – {day_month_year(data.last)}"
        with ReportPDF(
            running_title=_("Twitching diary of {name}").format(name=data.profile_name),
            period=period,
            generated=day_month_year(data.generated_on),
        ) as pdf:
            pdf.set_lang(language.code)
            # Paper has room for the last three years of the calendar; the timeline has all.
            recent = dataclasses.replace(
                data.charts, series=data.charts.series.last_days(CALENDAR_DAYS)
            )
            # Two charts are drawn in a worker while this process lays out the summary and
            # draws the timeline (each chart takes a sixth of the report's time).
            beside = ChartsBeside(
                [("calendar", recent), ("correlations", data.charts)], language, CHART_DPI
            )
            summary_page(pdf, data, period)
            pdf.add_page()
            pdf.heading(_("Twitching over time"))
            pdf.chart(render_image("timeline", data.charts, language, CHART_DPI), pdf.epw)
            pdf.chart(beside.image("calendar"), pdf.epw)
            findings_page(pdf, data, beside.image("correlations"))
            long_notes = episodes_table(pdf, data.episodes, data.episode_count)
            remedies_table(pdf, data.remedies)
            notes_in_full(pdf, long_notes)
            # The footer is written while the document is closed: still in `language`.
            return bytes(pdf.output())


__all__ = ["ReportData", "build_report"]
