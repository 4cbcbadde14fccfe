"""One look for every chart: a colour-blind-safe palette that still reads in grey on
paper, and the Figure/Agg plumbing (never pyplot)."""

from __future__ import annotations

import datetime as dt
import io
import math
from typing import TYPE_CHECKING, Any

from tracker.i18n import current_language
from tracker.labels import month_label

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Okabe–Ito: distinguishable with every common colour-vision deficiency.
BLUE = "#0072B2"
ORANGE = "#E69F00"
VERMILLION = "#D55E00"
GREEN = "#009E73"
SKY = "#56B4E9"
GREY = "#8C8C8C"
LIGHT_GREY = "#E6E6E6"
INK = "#1B2529"
# Intensity 0…4 and counts: light to dark, so they also read in grey.
SEQUENTIAL = "Blues"
DPI = 160  # high-dpi PNG: 1,760 px across an 11-inch chart, sharp on A4
FORMATS = ("png", "svg", "pdf")


def new_figure(width_in: float, height_in: float) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    # Fixed margins: a constrained layout pass doubles the drawing time.
    figure = Figure(figsize=(width_in, height_in))
    FigureCanvasAgg(figure)
    return figure


def style_axes(ax: Any) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(colors=INK, labelsize=8)
    ax.yaxis.label.set_color(INK)
    ax.grid(axis="y", color=LIGHT_GREY, linewidth=0.6)
    ax.set_axisbelow(True)


def decimal_commas(figure: Figure) -> None:
    """In Indonesian, every plain number axis of a drawn chart writes a decimal comma
    ("0,25"); date, category and fixed tick labels stay as drawn. Decided when the chart
    is drawn: ticks are written only when it is saved."""
    if current_language() != "id":
        return
    from matplotlib.ticker import ScalarFormatter

    class CommaFormatter(ScalarFormatter):
        def __call__(self, x: float, pos: int | None = None) -> str:
            return str(super().__call__(x, pos)).replace(".", ",")

    for ax in figure.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if type(axis.get_major_formatter()) is ScalarFormatter:
                axis.set_major_formatter(CommaFormatter())


def date_axis(ax: Any) -> None:
    """Dates in the chosen language: "3 Nov", with the year on January and first ticks.
    matplotlib formats ticks when the figure is saved, so the month names are taken now,
    in the language the chart is drawn in."""
    from matplotlib.dates import AutoDateLocator, num2date
    from matplotlib.ticker import FuncFormatter

    months = [month_label(month)[:3] for month in range(1, 13)]

    def label(value: float, position: int | None) -> str:
        day = num2date(value).date()
        text = f"{day.day} {months[day.month - 1]}"
        return f"{text}\n{day.year}" if position == 0 or (day.month == 1 and day.day <= 7) else text

    class WholeDays(AutoDateLocator):
        """At most one tick a day, at midnight: a chart of a day or two never repeats
        its one date under every few hours."""

        def __call__(self) -> list[float]:
            ticks = [math.floor(value) for value in super().__call__()]
            return sorted(set(ticks))

    ax.xaxis.set_major_locator(WholeDays(minticks=4, maxticks=9))
    ax.xaxis.set_major_formatter(FuncFormatter(label))


def to_bytes(figure: Figure, fmt: str, dpi: int = DPI) -> bytes:
    buffer = io.BytesIO()
    metadata = {"Creator": "Kedut"}
    if fmt == "png":
        # Light compression: a slightly larger file, written twice as fast.
        pil_kwargs = {"compress_level": 2}
        figure.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata, pil_kwargs=pil_kwargs)
    else:
        figure.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata)
    return buffer.getvalue()


def spans(mask: Any, first: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Runs of True days in a boolean array, as (first day, last day) pairs."""
    found: list[tuple[dt.date, dt.date]] = []
    start = None
    for index, on in enumerate([*list(mask), False]):
        if on and start is None:
            start = index
        elif not on and start is not None:
            found.append((first + dt.timedelta(days=start), first + dt.timedelta(days=index - 1)))
            start = None
    return found


def day_bars(
    ax: Any, starts: list[dt.date], heights: Any, colours: list[Any], width_days: float
) -> None:
    """Bars as one collection: hundreds of Rectangle patches cost most of a chart's time."""
    from matplotlib.collections import PolyCollection
    from matplotlib.dates import date2num

    x = date2num(starts)
    boxes = [
        [(x0, 0), (x0, h), (x0 + width_days, h), (x0 + width_days, 0)]
        for x0, h in zip(x, heights, strict=True)
        if h > 0
    ]
    shown = [c for c, h in zip(colours, heights, strict=True) if h > 0]
    ax.add_collection(PolyCollection(boxes, facecolors=shown, edgecolors="none", zorder=3))
    top = float(max(heights)) if len(heights) else 0.0
    ax.set_ylim(0, max(1.0, top * 1.08))


def shade(ax: Any, periods: list[tuple[dt.date, dt.date]], **style: Any) -> None:
    """Full-height bands over the given day ranges (last day included), as one artist."""
    from matplotlib.collections import PolyCollection
    from matplotlib.dates import date2num

    if not periods:
        return
    bands = []
    for first, last in periods:
        x0, x1 = date2num(first), date2num(last + dt.timedelta(days=1))
        bands.append([(x0, 0), (x0, 1), (x1, 1), (x1, 0)])
    ax.add_collection(PolyCollection(bands, transform=ax.get_xaxis_transform(), **style))
