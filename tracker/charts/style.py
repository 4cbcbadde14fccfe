"""One look for every chart: a colour-blind-safe palette that still reads in grey on
paper, and the Figure/Agg plumbing (never pyplot)."""

from __future__ import annotations

import datetime as dt
import io
import itertools
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
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    # Glyphs drawn unhinted: FreeType's hinter costs a tenth of a chart's drawing time,
    # and at 110–160 dpi the letters look the same (read when the chart is drawn).
    matplotlib.rcParams["text.hinting"] = "no_hinting"
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
    metadata = {"Creator": "Kedut"}
    if fmt == "png":  # drawn once on the Agg canvas, written by our own PNG writer
        from tracker.charts.raster import drawn_pixels, png_bytes

        return png_bytes(drawn_pixels(figure, dpi), dpi, metadata)
    buffer = io.BytesIO()
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


def day_bars(ax: Any, starts: list[dt.date], heights: Any, colours: Any, width_days: float) -> None:
    """Bars as one collection: hundreds of Rectangle patches cost most of a chart's time.
    `colours`: one RGBA row per bar."""
    import numpy as np
    from matplotlib.collections import PolyCollection
    from matplotlib.dates import date2num

    heights = np.asarray(heights, dtype=float)
    shown = heights > 0
    x0 = np.asarray(date2num(starts), dtype=float)[shown]
    x1, top = x0 + width_days, heights[shown]
    zero = np.zeros_like(x0)
    corners: Any = np.stack([x0, zero, x0, top, x1, top, x1, zero], axis=-1).reshape(-1, 4, 2)
    facecolors = np.asarray(colours, dtype=float).reshape(-1, 4)[shown]
    ax.add_collection(PolyCollection(corners, facecolors=facecolors, edgecolors="none", zorder=3))
    peak = float(heights.max()) if len(heights) else 0.0
    ax.set_ylim(0, max(1.0, peak * 1.08))


def shade(ax: Any, periods: list[tuple[dt.date, dt.date]], **style: Any) -> None:
    """Full-height bands over the given day ranges (last day included), as one compound
    path: Agg fills (and hatches) each path of a collection on its own, so ten years of
    short gaps cost a tenth of a second as a collection and a millisecond as one path.
    Added without widening the data limits (the callers set them): matplotlib finds a
    patch's limits curve by curve, 30 ms for ten years of gaps."""
    from matplotlib.dates import date2num
    from matplotlib.patches import PathPatch

    if not periods:
        return
    x0 = date2num([first for first, _ in periods])
    x1 = date2num([last + dt.timedelta(days=1) for _, last in periods])
    where = ax.get_xaxis_transform()
    ax.add_artist(PathPatch(boxes(x0, x1, 0.0, 1.0), transform=where, **style))


def layered_bands(
    ax: Any, layers: list[tuple[list[tuple[dt.date, dt.date]], str, float]], **style: Any
) -> None:
    """Translucent full-height bands (`layers`: periods, colour, opacity; drawn in that
    order) that shade darker where they overlap, as Agg would blend them over the axes'
    own colour, but painted opaque: one path per shade that comes out. Three bands across
    a year of the chart, blended one over the other, took 12 ms; opaque, about one."""
    import numpy as np
    from matplotlib.colors import to_rgb

    edges = sorted(
        {
            d
            for periods, _, _ in layers
            for first, last in periods
            for d in (first, last + dt.timedelta(days=1))
        }
    )
    background = np.asarray(to_rgb(ax.get_facecolor()))
    shades: dict[tuple[float, ...], list[tuple[dt.date, dt.date]]] = {}
    for start, end in itertools.pairwise(edges):
        colour, covered = background, False
        for periods, tint, alpha in layers:
            for first, last in periods:
                if first <= start and end <= last + dt.timedelta(days=1):
                    colour = colour * (1 - alpha) + np.asarray(to_rgb(tint)) * alpha
                    covered = True
        if covered:
            shades.setdefault(tuple(float(c) for c in colour), []).append(
                (start, end - dt.timedelta(days=1))
            )
    for shaded, periods in shades.items():
        shade(ax, periods, facecolor=shaded, **style)


def boxes(x0: Any, x1: Any, y0: Any, y1: Any) -> Any:
    """One Path of closed rectangles, (x0[i], y0[i]) to (x1[i], y1[i]) (scalars broadcast)."""
    import numpy as np
    from matplotlib.path import Path

    x0, x1, y0, y1 = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (x0, x1, y0, y1)))
    corners = np.stack([x0, y0, x0, y1, x1, y1, x1, y0, x0, y0], axis=-1).reshape(-1, 2)
    codes = np.tile(
        [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY], len(x0)
    ).astype(Path.code_type)
    return Path(corners, codes)
