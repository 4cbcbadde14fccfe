"""Draw Kedut's icon (assets/icons/kedut.png and .svg): a teal rounded square with a
white knee outline and a small twitch mark. Run once after changing the drawing:
`.venv/bin/python scripts/make_icon.py`. The app and the desktop entry use the files."""

from __future__ import annotations

from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, PathPatch
from matplotlib.path import Path as CurvePath

TEAL = "#0E7276"
WHITE = "#FFFFFF"
ACCENT = "#FFD166"
ICONS = Path(__file__).resolve().parents[1] / "assets" / "icons"


def draw() -> Figure:
    figure = Figure(figsize=(2.56, 2.56), dpi=100)
    figure.patch.set_alpha(0)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)
    axes.axis("off")
    axes.add_patch(
        FancyBboxPatch(
            (0.06, 0.06), 0.88, 0.88, boxstyle="round,pad=0,rounding_size=0.2", color=TEAL
        )
    )
    # A bent leg seen from the side: thigh down to the knee, shin down to the foot.
    leg = CurvePath(
        [(0.30, 0.86), (0.52, 0.52), (0.40, 0.16), (0.62, 0.16)],
        [CurvePath.MOVETO, CurvePath.LINETO, CurvePath.LINETO, CurvePath.LINETO],
    )
    axes.add_patch(
        PathPatch(
            leg, fill=False, edgecolor=WHITE, linewidth=16, capstyle="round", joinstyle="round"
        )
    )
    # The twitch: a short zigzag beside the knee.
    zig = CurvePath(
        [(0.62, 0.58), (0.68, 0.66), (0.73, 0.50), (0.79, 0.62), (0.84, 0.55)],
        [CurvePath.MOVETO] + [CurvePath.LINETO] * 4,
    )
    axes.add_patch(
        PathPatch(
            zig, fill=False, edgecolor=ACCENT, linewidth=7, capstyle="round", joinstyle="round"
        )
    )
    return figure


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    figure = draw()
    FigureCanvasAgg(figure).print_png(str(ICONS / "kedut.png"), metadata={"Software": None})
    FigureCanvasSVG(figure).print_svg(str(ICONS / "kedut.svg"), metadata={"Date": None})


if __name__ == "__main__":
    main()
