"""A calendar heatmap of episodes per day, a year a row, with episodes by hour of day
and by body site below."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from tracker.charts.data import ChartData
from tracker.charts.style import BLUE, GREY, INK, SEQUENTIAL, boxes, new_figure, style_axes
from tracker.domain import BodySite
from tracker.i18n import gettext as _
from tracker.labels import month_label, site_label, weekday_label

MAX_YEARS = 10


STEP = 8.6  # a year's seven rows of days, then room for its month names


def _grid(data: ChartData, years: list[int]) -> tuple[Any, Any]:
    """Episodes on one grid, a year a band of seven rows (weekday) under the one before,
    54 columns (week of the year), with a row between years; NaN outside the range, on
    days not logged and between years. And where the days not logged are."""
    series, logged = data.series, data.logged()
    counts = np.full((8 * len(years), 54), np.nan)
    hatched = np.zeros(counts.shape, dtype=bool)
    band = {year: row for row, year in enumerate(years)}
    for index, day in enumerate(series.dates()):
        row = band.get(day.year)
        if row is None:
            continue
        january_first = dt.date(day.year, 1, 1)
        week, weekday = divmod((day - january_first).days + january_first.weekday(), 7)
        if logged[index]:
            counts[8 * row + weekday, week] = series.episodes[index]
        else:
            hatched[8 * row + weekday, week] = True
    return counts, hatched


def draw_calendar(data: ChartData, title: str) -> Any:
    from matplotlib import colormaps
    from matplotlib.patches import PathPatch
    from matplotlib.transforms import ScaledTranslation

    years = sorted({d.year for d in data.series.dates()})[-MAX_YEARS:]
    figure = new_figure(11.0, 1.6 + 1.25 * len(years) + 2.6)
    # The years, then the two small charts 0.6 inch below (between the margins' 1.1 inch).
    halves = (figure.get_figheight() - 1.1 - 0.6) / 2
    grid = figure.add_gridspec(2, 2, height_ratios=[1.25 * len(years), 2.6], hspace=0.6 / halves)
    peak = max(1.0, float(np.nanmax(data.series.episodes)) if data.series.days else 1.0)
    cmap = colormaps[SEQUENTIAL].with_extremes(bad="white")
    # Every year in one axes, week under week: an axes a year, with its own ticks, cost
    # ≈ 25 ms each, and years of their own widths did not line up.
    ax = figure.add_subplot(grid[0, :])
    counts, hatched = _grid(data, years)
    edges = [row * STEP + k for row in range(len(years)) for k in range(8)] + [len(years) * STEP]
    image = ax.pcolormesh(
        np.arange(55),
        edges,
        np.ma.masked_invalid(counts),
        cmap=cmap,
        vmin=0,
        vmax=peak,
        edgecolors="white",
        linewidth=0.5,
    )
    rows, weeks = np.nonzero(hatched)
    if len(rows):  # one path for all: Agg hatches each path of a collection on its own
        tops = (rows // 8) * STEP + rows % 8
        ax.add_artist(
            PathPatch(
                boxes(weeks, weeks + 1, tops, tops + 1),
                facecolor="none",
                edgecolor="#BBBBBB",
                hatch="////",
                linewidth=0,
            )
        )
    covered = np.flatnonzero(~np.isnan(counts).all(axis=0) | hatched.any(axis=0))
    left, right = (max(0, covered[0] - 1), min(54, covered[-1] + 2)) if len(covered) else (0, 54)
    ax.set_xlim(left, right)
    ax.set_ylim(len(years) * STEP, 0)
    ax.set_aspect("equal")
    ax.set_anchor("W")
    ax.set_axis_off()
    _calendar_labels(ax, data, years, left, right, ScaledTranslation)
    if years:
        bar = figure.colorbar(image, cax=figure.add_axes((0.94, 0.45, 0.012, 0.4)))
        bar.set_label(_("episodes per day"), fontsize=8)
        bar.ax.tick_params(labelsize=8)
    figure.text(
        0.01,
        0.003,
        _("Hatched days: not logged. Palest: logged, no twitching."),
        fontsize=7,
        color=GREY,
    )
    by_hour = figure.add_subplot(grid[-1, 0])
    _bars(by_hour, np.arange(24), data.episodes_by_hour, 0.8)
    by_hour.set_xticks(range(0, 24, 3))
    by_hour.set_title(_("Episodes by hour of day"), fontsize=9, color=INK, loc="left")
    by_site = figure.add_subplot(grid[-1, 1])
    sites = [s for s in BodySite if data.episodes_by_site.get(s.value)]
    _bars(
        by_site, np.arange(len(sites)), [data.episodes_by_site[s.value] for s in sites], 0.5, True
    )
    by_site.set_yticks(range(len(sites)), [site_label(s) for s in sites])
    by_site.set_ylim(-0.75, max(len(sites), 3) - 0.25)
    by_site.set_title(_("Episodes by body site"), fontsize=9, color=INK, loc="left")
    if not sites:
        by_site.text(
            0.5, 0.5, _("no episodes"), transform=by_site.transAxes, ha="center", color=GREY
        )
    for ax in (by_hour, by_site):
        style_axes(ax)
    figure.subplots_adjust(
        left=0.07,
        right=0.92,
        top=1 - 0.6 / figure.get_figheight(),
        bottom=0.5 / figure.get_figheight(),
        hspace=0.45,
        wspace=0.25,
    )
    figure.suptitle(title, color=INK, fontsize=12, x=0.01, ha="left")
    return figure


def _bars(ax: Any, at: Any, heights: Any, width: float, across: bool = False) -> None:
    """Bars centred on `at`, one colour, as one path (upright, or `across` from the left):
    `Axes.bar` makes a Rectangle a bar and finds each one's limits through its own chain
    of transforms (≈ 1 ms a bar). The limits come out as `bar` sets them: from zero, with
    the usual margins."""
    from matplotlib.patches import PathPatch

    at, heights = np.asarray(at, dtype=float), np.asarray(heights, dtype=float)
    low, high, zero = at - width / 2, at + width / 2, np.zeros_like(at)
    path = boxes(zero, heights, low, high) if across else boxes(low, high, zero, heights)
    patch = PathPatch(path, facecolor=BLUE, linewidth=0)
    (patch.sticky_edges.x if across else patch.sticky_edges.y).append(0.0)
    ax.add_artist(patch)
    if len(at):
        corners = np.array([[0.0, low.min()], [heights.max(), high.max()]])
        ax.update_datalim(corners if across else corners[:, ::-1])
        ax.autoscale_view()


def _calendar_labels(
    ax: Any, data: ChartData, years: list[int], left: float, right: float, shift: Any
) -> None:
    """Each year's number and Mon/Wed/Fri on its left, and under it the months of the
    range where they start: plain texts, not axis ticks (each tick is a set of artists)."""
    figure = ax.figure
    beside = ax.transData + shift(-4 / 72, 0, figure.dpi_scale_trans)
    further = ax.transData + shift(-30 / 72, 0, figure.dpi_scale_trans)
    weekdays = [weekday_label(dt.date(2024, 1, d))[:3] for d in (1, 3, 5)]
    months = [month_label(m)[:3] for m in range(1, 13)]
    first, last = data.series.first, data.series.last
    for row, year in enumerate(years):
        top = row * STEP
        for weekday, name in zip((0, 2, 4), weekdays, strict=True):
            ax.text(
                left, top + weekday + 0.5, name, transform=beside, **_SMALL, ha="right", va="center"
            )
        ax.text(
            left,
            top + 3.5,
            str(year),
            transform=further,
            fontsize=9,
            color=INK,
            ha="right",
            va="center",
        )
        offset = dt.date(year, 1, 1).weekday()
        for month in range(1, 13):
            start = dt.date(year, month, 1)
            end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
            column = ((start - dt.date(year, 1, 1)).days + offset) // 7 + 0.5
            # A month is named where it starts, or where the range starts in it when
            # two weeks or more of it are shown.
            if start < first <= end and (end - first).days >= 13:
                column = ((first - dt.date(year, 1, 1)).days + offset) // 7 + 0.5
            elif not first <= start <= last:
                continue
            if left <= column <= right:
                ax.text(column, top + 7.2, months[month - 1], **_SMALL, ha="center", va="top")


_SMALL: dict[str, Any] = {"fontsize": 7, "color": INK}
