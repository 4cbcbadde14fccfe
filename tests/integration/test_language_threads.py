"""Issue 13 (second half): the language is an object handed to what renders text. An
Indonesian report and an English chart made at the same time, in two threads, each come
out wholly in their own language, and the app's language is left as it was."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.integration.kedut_cli import kedut
from tracker.charts import ChartData, draw
from tracker.i18n import Language, current_language, set_language
from tracker.reports import ReportData, build_report
from tracker.services.charts import chart_data
from tracker.services.reports import report_data
from tracker.storage import open_store

TODAY = "2026-11-25"
EN, ID = Language.named("en"), Language.named("id")
REPORT_WORDS = (
    "Knee twitching: summary for a doctor",
    "Warnings now",
    "Medicines",
    "Twitching over time",
    "All episodes",
    "Remedies tried",
)
# Month abbreviations on the demo's date axis (August to November) that differ.
ENGLISH_MONTHS, INDONESIAN_MONTHS = {"Aug", "Oct"}, {"Agu", "Okt"}


@pytest.fixture(scope="module")
def diary(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ReportData, ChartData]]:
    import datetime as dt

    data_dir = tmp_path_factory.mktemp("threads")
    assert kedut(data_dir, "demo", "--days", "120", "--end", TODAY).returncode == 0
    store = open_store(data_dir)
    today = dt.date.fromisoformat(TODAY)
    yield report_data(store, "Demo", today), chart_data(store, "Demo", today)
    store.close()


def _report_text(pdf: bytes) -> str:
    return " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages
    )


def _chart_texts(figure: Any) -> set[str]:
    """Every text of a figure as it is drawn, date ticks included (formatted now)."""
    figure.canvas.draw()
    texts = {t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text"))}
    for ax in figure.axes:
        texts |= {t.get_text() for t in ax.get_xticklabels()}
    return {word for text in texts for word in text.split()} | texts


def _in_thread(work: Callable[[], None], errors: list[BaseException]) -> threading.Thread:
    def run() -> None:
        try:
            work()
        except BaseException as error:
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_an_indonesian_report_and_an_english_chart_at_the_same_time(
    diary: tuple[ReportData, ChartData],
) -> None:
    report, charts = diary
    set_language("en")
    reports: list[str] = []
    english_charts: list[set[str]] = []
    indonesian_charts: list[set[str]] = []
    done = threading.Event()
    errors: list[BaseException] = []

    def make_reports() -> None:
        try:
            for _ in range(2):
                reports.append(_report_text(build_report(report, ID)))
                indonesian_charts.append(_chart_texts(draw("timeline", charts, ID)))
        finally:
            done.set()

    def make_charts() -> None:
        while not done.is_set():
            english_charts.append(_chart_texts(draw("timeline", charts, EN)))

    threads = [_in_thread(make_reports, errors), _in_thread(make_charts, errors)]
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert len(reports) == 2 and len(english_charts) >= 2
    for text in reports:
        for words in REPORT_WORDS:
            assert words not in text and ID.gettext(words) in text
        assert "Halaman 1 dari" in text and "Page 1 of" not in text
    for texts in english_charts:
        assert "Episodes per day" in texts and "Kedutan per hari" not in texts
        assert texts & ENGLISH_MONTHS and not texts & INDONESIAN_MONTHS
    for texts in indonesian_charts:
        assert "Kedutan per hari" in texts and "Episodes per day" not in texts
        assert texts & INDONESIAN_MONTHS and not texts & ENGLISH_MONTHS
    assert current_language() == "en"  # the app's language never moved


def test_the_app_language_stays_indonesian_while_an_english_report_is_made(
    diary: tuple[ReportData, ChartData],
) -> None:
    report, _charts = diary
    set_language("id")
    try:
        text = _report_text(build_report(report, EN))
        assert "Knee twitching: summary for a doctor" in text
        assert current_language() == "id"
    finally:
        set_language("en")


def test_a_chart_drawn_in_a_language_keeps_its_dates_in_it_when_saved_later(
    diary: tuple[ReportData, ChartData], tmp_path: Path
) -> None:
    _report, charts = diary
    figure = draw("timeline", charts, ID)  # the app speaks English; ticks are made on save
    assert _chart_texts(figure) & INDONESIAN_MONTHS
