"""The correlations chart: each shown finding's effect with its 95% interval, strongest
evidence on top; early results drawn hollow."""

from __future__ import annotations

from typing import Any

from tracker.charts.data import ChartData
from tracker.charts.style import BLUE, GREY, INK, VERMILLION, new_figure, style_axes
from tracker.domain import Correlation, FactorKind
from tracker.i18n import gettext as _
from tracker.labels import factor_label

MAX_ROWS = 12


def lag_label(result: Correlation) -> str:
    factor = factor_label(result.factor)
    return (_("{factor}, same day"), _("{factor}, day before"), _("{factor}, two days before"))[
        result.lag_days
    ].format(factor=factor)


def _panel(
    ax: Any, results: list[Correlation], xlabel: str, limits: tuple[float, float] | None
) -> None:
    style_axes(ax)
    ax.grid(axis="x", color="#EEEEEE", linewidth=0.6)
    ax.axvline(0, color=GREY, linewidth=0.8)
    if not results:
        ax.text(
            0.5,
            0.5,
            _("no finding with enough days yet"),
            transform=ax.transAxes,
            ha="center",
            va="center",
            color=GREY,
            fontsize=9,
        )
        ax.set_yticks([])
    for row, result in enumerate(reversed(results)):
        colour = VERMILLION if result.effect > 0 else BLUE
        ax.errorbar(
            result.effect,
            row,
            xerr=[[result.effect - result.ci_low], [result.ci_high - result.effect]],
            fmt="o",
            color=colour,
            ecolor=colour,
            capsize=3,
            markersize=6,
            markerfacecolor="white" if result.early else colour,
        )
    labels = [lag_label(r) + (" " + _("(early)") if r.early else "") for r in reversed(results)]
    if results:
        ax.set_yticks(range(len(results)), labels, fontsize=8)
    ax.set_xlabel(xlabel, fontsize=8, color=INK)
    if limits:
        ax.set_xlim(*limits)


def draw_links(data: ChartData, title: str) -> Any:
    shown = data.correlations.shown if data.correlations else []
    numeric = [r for r in shown if r.kind is FactorKind.NUMERIC][:MAX_ROWS]
    binary = [r for r in shown if r.kind is FactorKind.BINARY][:MAX_ROWS]
    height = 2.2 + 0.32 * (max(len(numeric), 1) + max(len(binary), 1))
    figure = new_figure(9.0, height)
    top, bottom = figure.subplots(2, 1, height_ratios=[max(len(numeric), 1), max(len(binary), 1)])
    _panel(
        top,
        numeric,
        _("Spearman ρ, interval: 95% (right: more twitching with more of it)"),
        (-1, 1),
    )
    _panel(
        bottom, binary, _("Difference in twitches per day, with vs without (interval: 95%)"), None
    )
    figure.subplots_adjust(
        left=0.3, right=0.97, top=1 - 0.55 / height, bottom=0.6 / height, hspace=0.9 / height * 2
    )
    figure.suptitle(title, color=INK, fontsize=12, x=0.01, ha="left")
    figure.text(
        0.01,
        0.003,
        _("Went together, not cause and effect. Hollow dots: early, fewer than 30 days."),
        fontsize=7,
        color=GREY,
    )
    return figure
