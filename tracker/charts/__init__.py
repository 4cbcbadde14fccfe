"""Charts for people and their doctors, drawn with matplotlib's Figure API on the Agg
canvas (never pyplot), imported only when a chart is asked for.

Every chart is drawn in the Language it is handed, in the calling thread only: labels
that matplotlib formats later (date ticks) keep the words they were drawn with."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tracker.charts.data import ChartData
from tracker.charts.style import DPI, FORMATS, decimal_commas, to_bytes
from tracker.i18n import Language, gettext
from tracker.labels import day_month_year

KINDS = ("timeline", "correlations", "calendar")


def _drawers() -> dict[str, Callable[[ChartData, str], Any]]:
    from tracker.charts.calendar import draw_calendar
    from tracker.charts.links import draw_links
    from tracker.charts.timeline import draw_timeline

    return {"timeline": draw_timeline, "correlations": draw_links, "calendar": draw_calendar}


def chart_title(kind: str, data: ChartData) -> str:
    name = {
        "timeline": gettext("Twitching and daily habits"),
        "correlations": gettext("What went together with twitching"),
        "calendar": gettext("Twitching calendar"),
    }[kind]
    period = f"{day_month_year(data.series.first)} – {day_month_year(data.series.last)}"
    return f"{name}, {period}"


def draw(kind: str, data: ChartData, language: Language) -> Any:
    """The matplotlib Figure for one chart, every label in `language`."""
    with language.speaking():
        figure = _drawers()[kind](data, chart_title(kind, data))
        decimal_commas(figure)
        return figure


def render(kind: str, data: ChartData, fmt: str, language: Language, dpi: int = DPI) -> bytes:
    """One chart as PNG, SVG or PDF bytes (PNG at `dpi`)."""
    if kind not in KINDS:
        raise ValueError(f"kind: {kind!r} is not allowed (allowed: {', '.join(KINDS)})")
    if fmt not in FORMATS:
        raise ValueError(f"format: {fmt!r} is not allowed (allowed: {', '.join(FORMATS)})")
    with language.speaking():
        return to_bytes(draw(kind, data, language), fmt, dpi)


def render_image(kind: str, data: ChartData, language: Language, dpi: int = DPI) -> Any:
    """One chart as a Pillow RGB image at `dpi`: pixels for a PDF, no PNG in between."""
    from tracker.charts.raster import rgb_image

    with language.speaking():
        return rgb_image(draw(kind, data, language), dpi)


__all__ = ["FORMATS", "KINDS", "ChartData", "draw", "render", "render_image"]
