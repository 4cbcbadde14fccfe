"""The timeline: episodes per day (coloured by the strongest), with sleep, water and
exercise below on the same dates; warning periods shaded, days not logged hatched."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from tracker.charts.data import ChartData
from tracker.charts.style import (
    GREEN,
    GREY,
    INK,
    ORANGE,
    SEQUENTIAL,
    SKY,
    VERMILLION,
    date_axis,
    day_bars,
    layered_bands,
    new_figure,
    shade,
    spans,
    style_axes,
)
from tracker.domain import WarningLevel
from tracker.i18n import gettext as _

WEEKLY_ABOVE_DAYS = 400  # beyond about a year, daily bars get thinner than a line


def _weekly(values: Any, first: dt.date, how: str) -> tuple[list[dt.date], Any]:
    weeks = (len(values) + 6) // 7
    padded = np.full(weeks * 7, np.nan)
    padded[: len(values)] = values
    grid = padded.reshape(weeks, 7)
    empty = np.isnan(grid).all(axis=1)
    if how == "sum":
        reduced = np.nansum(grid, axis=1)
    elif how == "mean":  # of the days logged; a week without any stays NaN
        logged = (~np.isnan(grid)).sum(axis=1)
        reduced = np.where(empty, np.nan, np.nansum(grid, axis=1) / np.maximum(logged, 1))
    else:  # the strongest of the week; a week without any stays NaN
        reduced = np.where(empty, np.nan, np.where(np.isnan(grid), -np.inf, grid).max(axis=1))
    return [first + dt.timedelta(days=7 * w) for w in range(weeks)], reduced


def draw_timeline(data: ChartData, title: str) -> Any:
    from matplotlib import colormaps
    from matplotlib.colors import Normalize, to_rgba
    from matplotlib.patches import Patch

    series = data.series
    dates = series.dates()
    figure = new_figure(11.0, 7.2)
    axes = figure.subplots(4, 1, sharex=True, height_ratios=[3, 1, 1, 1])
    counts, strongest, width = series.episodes, series.max_intensity, 0.9
    weekly = series.days > WEEKLY_ABOVE_DAYS
    if weekly:
        dates, counts = _weekly(series.episodes, series.first, "sum")
        strongest = _weekly(series.max_intensity, series.first, "max")[1]
        width = 6.3
    norm = Normalize(0, 4)
    cmap = colormaps[SEQUENTIAL]
    strongest = np.asarray(strongest, dtype=float)
    colours = cmap(0.25 + 0.75 * norm(np.nan_to_num(strongest)))
    colours[np.isnan(strongest)] = to_rgba(GREY)
    top = axes[0]
    day_bars(top, dates, counts, colours, width)
    per = _("Episodes per week") if weekly else _("Episodes per day")
    top.set_ylabel(per)
    from matplotlib.ticker import MaxNLocator

    # Counts: never "0.25 episodes". Four or five labels read as well as ten, and every
    # tick is a set of matplotlib artists to make and lay out (≈ 1.5 ms with its label).
    top.yaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 5, 10], integer=True))
    handles = []
    not_logged = spans(~data.logged(), series.first)
    shade(top, not_logged, facecolor="none", edgecolor="#BBBBBB", hatch="////", linewidth=0)
    for ax in axes[1:]:  # a plain band below: hatching every panel doubles the drawing time
        shade(ax, not_logged, facecolor="#F0F0F0", linewidth=0, zorder=0)
    handles.append(
        Patch(facecolor="white", edgecolor="#BBBBBB", hatch="////", label=_("not logged"))
    )
    layers = []
    for level, colour, label in (
        (WarningLevel.SEE_DOCTOR, VERMILLION, _("see a doctor")),
        (WarningLevel.WATCH, ORANGE, _("keeps coming back")),
    ):
        # Each warning its own band: two warnings at once shade darker.
        layers += [
            ([(max(w.first_day, series.first), w.last_day)], colour, 0.14)
            for w in data.warnings
            if w.level is level and w.first_day <= series.last
        ]
        if any(w.level is level and w.first_day <= series.last for w in data.warnings):
            handles.append(Patch(color=colour, alpha=0.35, label=label))
    layered_bands(top, layers, linewidth=0, zorder=0)
    top.legend(handles=handles, loc="upper left", fontsize=8, frameon=False)
    figure.subplots_adjust(left=0.07, right=0.93, top=0.92, bottom=0.08, hspace=0.14)
    _intensity_key(top, cmap(0.25 + 0.75 * norm(np.arange(5))), _("strongest twitch (0–4)"))
    panels = (
        ("sleep_h", _("Sleep (h)"), SKY, 1.0),
        ("water_ml", _("Water (L)"), GREEN, 0.001),
        ("exercise_min", _("Exercise (min)"), ORANGE, 1.0),
    )
    for ax, (factor, label, colour, scale) in zip(axes[1:], panels, strict=True):
        values = series.factors.get(factor, np.full(series.days, np.nan)) * scale
        if weekly:  # ten years of daily dots are a blur: the week's average, a plain line
            week_starts, means = _weekly(values, series.first, "mean")
            middles = [start + dt.timedelta(days=3.5) for start in week_starts]
            ax.plot(middles, means, color=colour, linewidth=1.0)
        else:
            ax.plot(series.dates(), values, color=colour, linewidth=1.2, marker="o", markersize=2.2)
        ax.set_ylabel(label)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 5, 10]))
        if np.isnan(values).all():
            ax.text(
                0.5,
                0.5,
                _("not logged in this period"),
                transform=ax.transAxes,
                ha="center",
                va="center",
                color=GREY,
                fontsize=8,
            )
    if weekly:
        axes[1].text(
            0.0,
            1.02,
            _("Sleep, water and exercise: the average of each week's days logged"),
            transform=axes[1].transAxes,
            color=GREY,
            fontsize=7,
        )
    for ax in axes:
        style_axes(ax)
    date_axis(axes[-1])
    axes[-1].set_xlim(series.first, series.last + dt.timedelta(days=1))
    _tick_marks(axes[:-1], axes[-1])
    figure.suptitle(title, color=INK, fontsize=12, x=0.01, ha="left")
    return figure


def _intensity_key(ax: Any, colours: Any, label: str) -> None:
    """The colours of the bars' strongest twitch, 0 at the bottom to 4 at the top, beside
    the panel: five swatches (the bars' own colours; intensities are whole numbers) and
    their numbers, drawn on the panel without an axes of their own (a colour bar's axes,
    ticks and all, cost a tenth of the chart's time)."""
    from matplotlib.collections import PolyCollection

    steps = len(colours)
    swatches = [
        [(1.01, i / steps), (1.01, (i + 1) / steps), (1.025, (i + 1) / steps), (1.025, i / steps)]
        for i in range(steps)
    ]
    where = ax.transAxes
    ax.add_artist(
        PolyCollection(
            swatches, facecolors=colours, edgecolors="none", transform=where, clip_on=False
        )
    )
    for i in range(steps):
        ax.text(
            1.03, (i + 0.5) / steps, str(i), transform=where, va="center", fontsize=8, color=INK
        )
    ax.text(
        1.05,
        0.5,
        label,
        transform=where,
        rotation=90,
        va="center",
        ha="left",
        fontsize=8,
        color=INK,
    )


def _tick_marks(upper: Any, bottom: Any) -> None:
    """The date tick marks of the panels above the last, which show no labels: one line
    of tick-shaped markers each instead of an axis of Tick objects (each a set of lines
    and texts, ≈ 1 ms to make and lay out) redrawn for every panel."""
    from matplotlib import rcParams
    from matplotlib.lines import Line2D

    low, high = sorted(bottom.get_xlim())
    marks = [x for x in bottom.xaxis.get_major_locator()() if low <= x <= high]
    for ax in upper:
        ax.xaxis.set_visible(False)
        ax.add_line(
            Line2D(
                marks,
                [0.0] * len(marks),
                linestyle="none",
                marker=3,  # matplotlib.markers.TICKDOWN: what a bottom tick draws
                markersize=rcParams["xtick.major.size"],
                markeredgewidth=rcParams["xtick.major.width"],
                color=INK,
                transform=ax.get_xaxis_transform(),
                clip_on=False,
            )
        )
