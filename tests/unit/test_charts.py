"""Charts render in every format and language, for empty, one-day and ten-year ranges,
without pyplot."""

from __future__ import annotations

import datetime as dt
import io
import sys
from typing import Any

import numpy as np
import pytest

from tracker.analysis.correlations import correlate
from tracker.analysis.series import DailySeries, build_series
from tracker.charts import FORMATS, KINDS, ChartData, draw, render
from tracker.charts.style import DPI, spans
from tracker.domain import BodySite, Side, Warning, WarningLevel, WarningRule
from tracker.i18n import Language
from tracker.storage.aggregates import DAY_FACTOR_COLUMNS

EN, ID = Language.named("en"), Language.named("id")
SIGNATURES = {"png": b"\x89PNG\r\n\x1a\n", "svg": b"<?xml", "pdf": b"%PDF-"}


def series(days: int, seed: int = 1, logged_share: float = 0.9) -> DailySeries:
    rng = np.random.default_rng(seed)
    first = dt.date(2026, 11, 25) - dt.timedelta(days=days - 1)
    daily = [
        (first + dt.timedelta(days=i), int(n), int(rng.integers(0, 5)), None)
        for i, n in enumerate(rng.poisson(1.5, days))
        if n
    ]
    # (day, sleep_h, sleep_quality, water_ml, exercise_min, then the rest not logged)
    rows: list[tuple[object, ...]] = [
        (first + dt.timedelta(days=i), 7.0, None, 1500, 30, *[None] * 8)
        for i in range(days)
        if rng.random() < logged_share
    ]
    return build_series(
        first, first + dt.timedelta(days=days - 1), daily, rows, DAY_FACTOR_COLUMNS, []
    )


def data(days: int) -> ChartData:
    made = series(days)
    warning = Warning(
        rule=WarningRule.RECURRING,
        level=WarningLevel.WATCH,
        body_site=BodySite.KNEE,
        sides=(Side.LEFT,),
        days=(made.last - dt.timedelta(days=2), made.last),
    )
    return ChartData(made, [warning], correlate(made), [1] * 24, {("knee", "left"): days})


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_chart_renders_in_every_format(kind: str, fmt: str) -> None:
    assert render(kind, data(60), fmt, EN).startswith(SIGNATURES[fmt])


@pytest.mark.parametrize("days", [1, 3650])
@pytest.mark.parametrize("kind", KINDS)
def test_one_day_and_ten_years_render(kind: str, days: int) -> None:
    assert render(kind, data(days), "png", EN).startswith(SIGNATURES["png"])


@pytest.mark.parametrize("kind", KINDS)
def test_an_empty_diary_renders(kind: str) -> None:
    empty = build_series(
        dt.date(2026, 11, 25), dt.date(2026, 11, 25), [], [], DAY_FACTOR_COLUMNS, []
    )
    assert render(kind, ChartData(empty), "png", EN).startswith(SIGNATURES["png"])


def _texts(figure: object) -> str:
    return " ".join(t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text")))  # type: ignore[attr-defined]


def test_labels_follow_the_language() -> None:
    english = _texts(draw("timeline", data(60), EN))
    indonesian = _texts(draw("timeline", data(60), ID))
    assert "Episodes per day" in english and "not logged" in english
    assert "Kedutan per hari" in indonesian and "Episodes per day" not in indonesian
    assert "Nov" in english and "November" in _texts(draw("calendar", data(60), ID))


def test_warnings_and_not_logged_days_are_drawn() -> None:
    figure = draw("timeline", data(90), EN)
    legend = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert legend == ["not logged", "keeps coming back"]


def test_charts_never_load_pyplot() -> None:
    render("timeline", data(30), "png", EN)
    assert "matplotlib.pyplot" not in sys.modules


@pytest.mark.parametrize("days", [1, 2, 5])
def test_a_short_timeline_names_each_day_once(days: int) -> None:
    figure = draw("timeline", data(days), EN)
    figure.canvas.draw()
    bottom = min(figure.axes, key=lambda a: a.get_position().y0)
    labels = [t.get_text().split("\n")[0] for t in bottom.get_xticklabels() if t.get_text()]
    assert labels
    assert len(labels) == len(set(labels)), labels


def test_episode_counts_are_whole_numbers_on_the_axis() -> None:
    figure = draw("timeline", data(1), EN)
    figure.canvas.draw()
    top = max(figure.axes[:-1] or figure.axes, key=lambda a: a.get_position().y1)
    ticks = [t.get_text() for t in top.get_yticklabels() if t.get_text()]
    assert ticks and all("." not in t for t in ticks), ticks


def test_indonesian_axes_write_decimal_commas() -> None:
    figure = draw("correlations", data(90), ID)
    figure.canvas.draw()  # ticks are formatted now, outside the language the chart was drawn in
    top = max(figure.axes, key=lambda a: a.get_position().y1)
    ticks = [t.get_text() for t in top.get_xticklabels() if t.get_text()]
    assert "0,50" in ticks and "−0,50" in ticks, ticks
    assert all("." not in t for t in ticks), ticks
    english = draw("correlations", data(90), EN)
    english.canvas.draw()
    top = max(english.axes, key=lambda a: a.get_position().y1)
    assert "0.50" in [t.get_text() for t in top.get_xticklabels()]


def test_indonesian_commas_leave_named_ticks_alone() -> None:
    figure = draw("calendar", data(90), ID)
    figure.canvas.draw()
    sites = next(a for a in figure.axes if a.get_title(loc="left") == "Episode per bagian tubuh")
    assert [t.get_text() for t in sites.get_yticklabels()] == ["lutut"]


def _decoded(png: bytes) -> np.ndarray:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        return np.asarray(image.convert("RGBA"))


@pytest.mark.parametrize("kind", KINDS)
def test_a_png_holds_the_pixels_matplotlib_would_have_written(kind: str) -> None:
    ours = render(kind, data(120), "png", EN)
    buffer = io.BytesIO()
    with EN.speaking():
        draw(kind, data(120), EN).savefig(buffer, format="png", dpi=DPI)
    assert np.array_equal(_decoded(ours), _decoded(buffer.getvalue()))
    from PIL import Image

    with Image.open(io.BytesIO(ours)) as image:
        assert image.info["Creator"] == "Kedut"
        assert round(image.info["dpi"][0]) == DPI


def _hatched_paths(figure: Any) -> int:
    hatched = figure.findobj(lambda a: bool(getattr(a, "get_hatch", lambda: None)()))
    return sum(len(a.get_paths()) if hasattr(a, "get_paths") else 1 for a in hatched)


def test_days_not_logged_are_hatched_as_one_path_however_many_the_gaps() -> None:
    """Agg hatches each path on its own: ten years of gaps as one collection of hundreds
    of paths took a tenth of a second to draw."""
    ten_years = ChartData(series(3650, logged_share=0.5))
    timeline = draw("timeline", ten_years, EN)
    calendar = draw("calendar", ten_years, EN)
    assert _hatched_paths(timeline) == 2  # the band and its swatch in the legend
    assert _hatched_paths(calendar) <= 10  # one a year drawn
    assert len(spans(~ten_years.logged(), ten_years.series.first)) > 200


@pytest.mark.parametrize("days", [2, 90, 365, 3650])
def test_the_upper_panels_mark_the_bottom_axis_dates_without_tick_objects(days: int) -> None:
    """Each tick is a set of matplotlib artists (≈ 1.5 ms with its label): the panels
    above the dated one draw their tick marks as one line of markers, at its dates."""
    figure = draw("timeline", data(days), EN)
    figure.canvas.draw()
    panels = sorted(
        (a for a in figure.axes if a.get_xlim() == figure.axes[0].get_xlim()),
        key=lambda a: a.get_position().y0,
    )
    bottom, upper = panels[0], panels[1:]
    low, high = sorted(bottom.get_xlim())
    dates = [x for x in bottom.get_xticks() if low <= x <= high]
    assert dates and len(upper) == 3
    for ax in upper:
        assert not ax.xaxis.get_visible()
        marks = [line for line in ax.get_lines() if line.get_marker() == 3]
        assert len(marks) == 1 and list(marks[0].get_xdata()) == dates


def test_the_timeline_labels_counts_and_habits_with_a_few_round_numbers() -> None:
    figure = draw("timeline", data(365), EN)
    figure.canvas.draw()
    for ax in figure.axes[:4]:
        low, high = ax.get_ylim()
        shown = [y for y in ax.get_yticks() if low <= y <= high]
        assert 2 <= len(shown) <= 6, (ax.get_ylabel(), shown)


def test_the_intensity_key_shows_the_bars_own_colours() -> None:
    """The colour bar ran from white at 0 while a day whose strongest twitch was 0 is
    drawn light blue; intensities are whole numbers. The key is now one swatch per
    intensity, in the bars' own colours, numbered 0 to 4."""
    made = data(90)
    figure = draw("timeline", made, EN)
    top = figure.axes[0]
    key = next(c for c in top.collections if c.get_transform() is top.transAxes)
    swatches = key.get_facecolors()
    assert len(swatches) == 5
    numbers = [t.get_text() for t in top.texts if t.get_transform() is top.transAxes]
    assert numbers[:5] == ["0", "1", "2", "3", "4"]
    bars = next(c for c in top.collections if len(c.get_paths()) > 20)
    shown = made.series.episodes > 0
    strongest = made.series.max_intensity[shown]
    for colour, intensity in zip(bars.get_facecolors(), strongest, strict=True):
        assert np.allclose(colour, swatches[int(intensity)]), intensity
    assert len(figure.axes) == 4  # no axes of its own


def test_overlapping_warnings_shade_darker_painted_opaque() -> None:
    """Three translucent bands across a year, blended one over the other, took 12 ms to
    draw; each shade that comes out is now one opaque path of the blended colour."""
    from matplotlib.colors import to_rgb

    made = series(90)

    def warning(level: WarningLevel, first: int, last: int) -> Warning:
        days = tuple(made.last - dt.timedelta(days=d) for d in range(first, last - 1, -1))
        return Warning(
            rule=WarningRule.PERSISTENCE,
            level=level,
            body_site=BodySite.KNEE,
            sides=(Side.LEFT,),
            days=days,
        )

    doctor = warning(WarningLevel.SEE_DOCTOR, 40, 10)
    watch = warning(WarningLevel.WATCH, 20, 0)
    figure = draw("timeline", ChartData(made, [doctor, watch], None, [0] * 24, {}), EN)
    top = figure.axes[0]
    bands = [p for p in top.patches if p.get_zorder() == 0 and not p.get_hatch()]
    assert len(bands) == 3 and all(p.get_facecolor()[3] == 1.0 for p in bands)
    white, doctor_colour, watch_colour = (
        np.array(to_rgb(c)) for c in ("white", "#D55E00", "#E69F00")
    )
    alone = white * 0.86 + doctor_colour * 0.14
    both = alone * 0.86 + watch_colour * 0.14
    watch_alone = white * 0.86 + watch_colour * 0.14
    colours = sorted((tuple(p.get_facecolor()[:3]) for p in bands), key=sum)
    expected = sorted((tuple(c) for c in (alone, both, watch_alone)), key=sum)
    assert np.allclose(colours, expected)
    assert sum(colours[0]) < min(sum(alone), sum(watch_alone))  # the overlap is darkest


def test_the_calendar_years_line_up_week_under_week() -> None:
    """An axes a year, each as wide as its weeks and centred, put a partial year's weeks
    under other weeks (and cost ≈ 25 ms a year in ticks): a week of the year is now
    one column in every year."""
    from matplotlib.collections import QuadMesh

    figure = draw("calendar", data(1000), EN)  # four calendar years, the first partial
    figure.canvas.draw()
    meshes = [
        c
        for ax in figure.axes
        for c in ax.collections
        if isinstance(c, QuadMesh) and np.shape(c.get_coordinates())[1] == 55  # not a key
    ]
    assert meshes
    columns = {round(float(c.axes.transData.transform((48, 0))[0]), 3) for c in meshes if c.axes}
    assert len(columns) == 1, columns
    texts = _texts(figure)
    assert all(str(year) in texts for year in (2024, 2025, 2026))


def test_ten_years_of_habits_read_as_weekly_averages() -> None:
    """3,650 daily dots in a panel 1,300 pixels wide were a blur (and ≈ 11,000 markers to
    draw): beyond about a year the habit panels show each week's average, as a line."""
    made = data(3650)
    figure = draw("timeline", made, EN)
    weeks = (made.series.days + 6) // 7
    for ax in figure.axes[1:4]:
        (line,) = [line for line in ax.get_lines() if line.get_marker() != 3]
        assert line.get_marker() in ("None", "", None)
        assert len(line.get_xdata()) == weeks
        assert np.nanmax(np.asarray(line.get_ydata(), dtype=float)) > 0
    assert "the average of each week's days logged" in _texts(figure)
    indonesian = _texts(draw("timeline", made, ID))
    assert "rata-rata tiap minggu" in indonesian
    daily = draw("timeline", data(365), EN)
    (line,) = [line for line in daily.axes[1].get_lines() if line.get_marker() != 3]
    assert line.get_marker() == "o" and len(line.get_xdata()) == 365
