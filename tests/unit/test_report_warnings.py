"""The report's "Warnings now" lists a warning's days as Today's banners do: runs of days
as spans, the latest few after how many came before, never "(+3347)"."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from tracker.analysis.series import build_series
from tracker.charts import ChartData
from tracker.domain import BodySite, Side, Warning, WarningLevel, WarningRule
from tracker.i18n import Language
from tracker.labels import days_text
from tracker.reports import ReportData
from tracker.reports.document import ReportPDF
from tracker.reports.sections import summary_page
from tracker.storage.aggregates import DAY_FACTOR_COLUMNS

LAST = dt.date(2026, 11, 25)


def _summary(warning: Warning, language: Language) -> str:
    first = LAST - dt.timedelta(days=3649)
    daily = [(d, 3, 2, None) for d in warning.days]
    series = build_series(first, LAST, daily, [], DAY_FACTOR_COLUMNS, [])
    data = ReportData(
        profile_name="Ani",
        first=first,
        last=LAST,
        generated_on=LAST,
        charts=ChartData(series, [warning], None, [0] * 24, {}),
        episodes=[],
        episode_count=3 * len(warning.days),
        episode_days=len(warning.days),
        places={("knee", "left"): 3 * len(warning.days)},
        red_flag_days={},
        medications=[],
        remedies=[],
    )
    with language.speaking():
        with ReportPDF("Twitching diary of Ani", "ten years", "25 Nov 2026") as pdf:
            summary_page(pdf, data, "ten years")
            pdf_bytes = bytes(pdf.output())
        expected = days_text(warning.days)
    text = " ".join((PdfReader(io.BytesIO(pdf_bytes)).pages[0].extract_text() or "").split())
    return text + "\n" + expected


@pytest.mark.parametrize("code", ["en", "id"])
def test_ten_years_of_warning_days_read_as_spans(code: str) -> None:
    # Nearly every day of ten years, with a gap every hundred days.
    days = tuple(
        LAST - dt.timedelta(days=n) for n in range(3359, -1, -1) if n % 100 not in (50, 51)
    )
    warning = Warning(
        rule=WarningRule.PERSISTENCE,
        level=WarningLevel.SEE_DOCTOR,
        body_site=BodySite.KNEE,
        sides=(Side.LEFT,),
        days=days,
    )
    text, expected = _summary(warning, Language.named(code)).split("\n")
    assert "(+" not in text
    assert " ".join(expected.split()) in text, (expected, text)
    earlier = "earlier days, then" if code == "en" else "hari sebelumnya, lalu"
    assert earlier in expected
