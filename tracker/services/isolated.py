"""The app's heavy work (Insights' charts, the doctor report) in a fresh process that ends
with it, so that numpy, scipy, matplotlib and fpdf2, and what they allocate, never stay
in the running app (DESIGN.md "Budgets": the app after Insights and a report stays
within 25 MB of a trivial Kivy window). The command line works in its own short process
and calls the services directly.

The parent sends the job (pickled) on the child's stdin; the child answers with
`(True, value)` or `(False, exception)` on stdout. An exception raised there (a damaged
diary, say) is raised here again, of the same type, so the screens explain it as before.
"""

from __future__ import annotations

import datetime as dt
import pickle
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.domain import Correlation, HiddenResult

CHART_DPI = 110


class IsolatedWorkError(RuntimeError):
    """The worker process ended without an answer."""


@dataclass(frozen=True)
class InsightsPicture:
    """What the Insights screen shows: the period, the findings and the charts as RGBA
    pixels (width, height, bytes), in plain Python values."""

    first: dt.date
    last: dt.date
    days: int
    shown: tuple[Correlation, ...]
    hidden: tuple[HiddenResult, ...]
    charts: dict[str, tuple[int, int, bytes]]


def insights_picture(
    data_dir: Path,
    profile_id: int,
    today: dt.date,
    first: dt.date | None,
    language: str,
    kinds: tuple[str, ...],
) -> InsightsPicture:
    """The findings and charts of a period, made in a fresh process."""
    value = _run("insights", data_dir, profile_id, today, first, language, kinds)
    assert isinstance(value, InsightsPicture)
    return value


def report_pdf(
    data_dir: Path, profile_id: int, today: dt.date, first: dt.date | None, language: str
) -> bytes:
    """The doctor report's PDF bytes, made in a fresh process."""
    value = _run("report", data_dir, profile_id, today, first, language)
    assert isinstance(value, bytes)
    return value


def _run(job: str, *args: object) -> object:
    done = subprocess.run(  # noqa: S603 - this same Python, on our own module
        [sys.executable, "-m", __name__],
        input=pickle.dumps((job, args)),
        capture_output=True,
        check=False,
    )
    if done.returncode != 0 or not done.stdout:
        lines = done.stderr.decode(errors="replace").strip().splitlines()
        raise IsolatedWorkError(lines[-1] if lines else f"exit status {done.returncode}")
    ok, value = pickle.loads(done.stdout)  # noqa: S301 - our own child's answer
    if not ok:
        assert isinstance(value, BaseException)
        raise value
    return value


# In the child process.


def _insights(
    data_dir: Path,
    profile_id: int,
    today: dt.date,
    first: dt.date | None,
    language: str,
    kinds: tuple[str, ...],
) -> InsightsPicture:
    from tracker.charts import draw
    from tracker.i18n import Language
    from tracker.services.charts import chart_data
    from tracker.storage import open_store

    speaking = Language.named(language)
    store = open_store(data_dir)
    try:
        data = chart_data(store, profile_id, today, first)
    finally:
        store.close()
    charts = {}
    with speaking.speaking():
        for kind in kinds:
            figure = draw(kind, data, speaking)
            figure.set_dpi(CHART_DPI)
            figure.canvas.draw()
            width, height = figure.canvas.get_width_height(physical=True)
            charts[kind] = (int(width), int(height), bytes(figure.canvas.buffer_rgba()))
    found = data.correlations
    return InsightsPicture(
        first=data.series.first,
        last=data.series.last,
        days=int(data.series.days),
        shown=tuple(found.shown) if found else (),
        hidden=tuple(found.hidden) if found else (),
        charts=charts,
    )


def _report(
    data_dir: Path, profile_id: int, today: dt.date, first: dt.date | None, language: str
) -> bytes:
    from tracker.i18n import Language
    from tracker.reports import build_report
    from tracker.services.reports import report_data
    from tracker.storage import open_store

    store = open_store(data_dir)
    try:
        data = report_data(store, profile_id, today, first)
    finally:
        store.close()
    return build_report(data, Language.named(language))


JOBS: dict[str, Any] = {"insights": _insights, "report": _report}


def _child() -> None:
    answer_to = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing a library prints may mix with the answer
    job, args = pickle.loads(sys.stdin.buffer.read())  # noqa: S301 - from our own parent
    try:
        answer: tuple[bool, object] = (True, JOBS[job](*args))
    except Exception as error:  # answered to the parent, which raises it again
        answer = (False, error)
    try:
        payload = pickle.dumps(answer)
        if not answer[0]:
            pickle.loads(payload)  # noqa: S301 - an exception must come back whole
    except Exception:  # an exception that cannot travel: its words do
        payload = pickle.dumps((False, IsolatedWorkError(str(answer[1]))))
    answer_to.write(payload)
    answer_to.flush()


if __name__ == "__main__":
    # The answer's classes must be this module's, not __main__'s: import it by name.
    from tracker.services.isolated import _child as child

    child()
