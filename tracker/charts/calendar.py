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


def _year_grid(data: ChartData, year: int) -> tuple[Any, Any]:
    """Episodes on a 7 × 54 grid (weekday × week of year); NaN outside the range or
    on days not logged."""
    counts = np.full((7, 54), np.nan)
    hatched = np.zeros((7, 54), dtype=bool)
    series, logged = data.series, data.logged()
    january_first = dt.date(year, 1, 1)
    offset = january_first.weekday()
    for index, day in enumerate(series.dates()):
        if day.year != year:
            continue
        position = (day - january_first).days + offset
        week, weekday = divmod(position, 7)
        if logged[index]:
            counts[weekday, week] = series.episodes[index]
        else:
            hatched[weekday, week] = True
    return counts, hatched


def draw_calendar(data: ChartData, title: str) -> Any:
    from matplotlib import colormaps
    from matplotlib.patches import PathPatch

    years = sorted({d.year for d in data.series.dates()})[-MAX_YEARS:]
    figure = new_figure(11.0, 1.6 + 1.25 * len(years) + 2.6)
    grid = figure.add_gridspec(len(years) + 1, 2, height_ratios=[1.25] * len(years) + [2.6])
    peak = max(1.0, float(np.nanmax(data.series.episodes)) if data.series.days else 1.0)
    cmap = colormaps[SEQUENTIAL].with_extremes(bad="white")
    image = None
    for row, year in enumerate(years):
        ax = figure.add_subplot(grid[row, :])
        counts, hatched = _year_grid(data, year)
        image = ax.pcolormesh(
            np.ma.masked_invalid(counts),
            cmap=cmap,
            vmin=0,
            vmax=peak,
            edgecolors="white",
            linewidth=0.5,
        )
        days, weeks = np.nonzero(hatched)
        if len(days):  # one path for all: Agg hatches each path of a collection on its own
            ax.add_patch(
                PathPatch(
                    boxes(weeks, weeks + 1, days, days + 1),
                    facecolor="none",
                    edgecolor="#BBBBBB",
                    hatch="////",
                    linewidth=0,
                )
            )
        ax.invert_yaxis()
        ax.set_aspect("equal")
        ax.set_yticks(
            [0.5, 2.5, 4.5], [weekday_label(dt.date(2024, 1, d))[:3] for d in (1, 3, 5)], fontsize=7
        )
        starts = [
            (dt.date(year, m, 1) - dt.date(year, 1, 1)).days + dt.date(year, 1, 1).weekday()
            for m in range(1, 13)
        ]
        ax.set_xticks(
            [s // 7 + 0.5 for s in starts], [month_label(m)[:3] for m in range(1, 13)], fontsize=7
        )
        ax.set_ylabel(str(year), rotation=0, labelpad=18, fontsize=9, color=INK)
        covered = np.flatnonzero(~np.isnan(counts).all(axis=0) | hatched.any(axis=0))
        if len(covered):  # only the weeks of the range, so a short range is not lost
            ax.set_xlim(max(0, covered[0] - 1), min(54, covered[-1] + 2))
        ax.tick_params(length=0)
        for side in ax.spines.values():
            side.set_visible(False)
    if image is not None:
        bar = figure.colorbar(image, cax=figure.add_axes((0.94, 0.45, 0.012, 0.4)))
        bar.set_label(_("episodes per day"), fontsize=8)
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
