"""The app's heavy work (Insights' charts, the doctor report, the background sync) in a
fresh process that ends with it, so that numpy, scipy, matplotlib and fpdf2, and what
they allocate, never stay in the running app (DESIGN.md "Budgets": the app after
Insights and a report stays within 25 MB of a trivial Kivy window), and so that a sync
pulling ten years runs on processor time the window does not want instead of taking
Python's lock from its frames. The command line works in its own short process and calls the
services directly.

The parent sends the job (pickled) on the child's stdin; the child answers with
`(True, value)` or `(False, exception)` on stdout. An exception raised there (a damaged
diary, say) is raised here again, of the same type, so the screens explain it as before.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tracker.domain import Correlation, HiddenResult

if TYPE_CHECKING:
    from tracker.services.sync import SyncReport
    from tracker.storage import Store

T = TypeVar("T")

CHART_DPI = 110
BACKGROUND_NICENESS = 10
"""How much lower the background sync's process runs than the app (Unix niceness)."""


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


def chart_file(
    data_dir: Path,
    profile_id: int,
    today: dt.date,
    first: dt.date | None,
    language: str,
    kind: str,
    file_format: str,
) -> bytes:
    """One chart as a file's bytes ("png", "svg" or "pdf"), made in a fresh process."""
    value = _run("chart", data_dir, profile_id, today, first, language, kind, file_format)
    assert isinstance(value, bytes)
    return value


def sync_report(
    db_path: Path,
    server: str | None,
    at: dt.datetime,
    language: str,
    batch: int,
    started: Callable[[subprocess.Popen[bytes]], None] | None = None,
) -> SyncReport:
    """One sync of the diary at `db_path`, as of the moment `at`, made in a fresh process;
    `started` is handed that process, so that it can be ended (the app closing). A
    SyncError raised there, in the person's words, is raised here again."""
    from tracker.services.sync import SyncReport

    value = _run("sync", db_path, server, at, language, batch, started=started)
    assert isinstance(value, SyncReport)
    return value


def _run(
    job: str,
    *args: object,
    started: Callable[[subprocess.Popen[bytes]], None] | None = None,
) -> object:
    with subprocess.Popen(  # noqa: S603 - this same Python, on our own module
        [sys.executable, "-m", __name__],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as child:
        if started is not None:
            started(child)
        out, err = child.communicate(pickle.dumps((job, args)))
    if child.returncode != 0 or not out:
        lines = err.decode(errors="replace").strip().splitlines()
        raise IsolatedWorkError(lines[-1] if lines else f"exit status {child.returncode}")
    ok, value = pickle.loads(out)  # noqa: S301 - our own child's answer
    if not ok:
        assert isinstance(value, BaseException)
        raise value
    return value


# In the child process.


def _read(
    read: Callable[[Store, int, dt.date, dt.date | None], T],
    data_dir: Path,
    profile_id: int,
    today: dt.date,
    first: dt.date | None,
) -> T:
    """What `read` reads from the store in `data_dir` (opened, then closed)."""
    from tracker.storage import open_store

    store = open_store(data_dir)
    try:
        return read(store, profile_id, today, first)
    finally:
        store.close()


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

    speaking = Language.named(language)
    data = _read(chart_data, data_dir, profile_id, today, first)
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

    data = _read(report_data, data_dir, profile_id, today, first)
    return build_report(data, Language.named(language))


def _chart(
    data_dir: Path,
    profile_id: int,
    today: dt.date,
    first: dt.date | None,
    language: str,
    kind: str,
    file_format: str,
) -> bytes:
    from tracker.charts import render
    from tracker.i18n import Language
    from tracker.services.charts import chart_data

    data = _read(chart_data, data_dir, profile_id, today, first)
    return render(kind, data, file_format, Language.named(language))


def _sync(
    db_path: Path, server: str | None, at: dt.datetime, language: str, batch: int
) -> SyncReport:
    from tracker.i18n import set_language
    from tracker.services.sync import sync

    set_language(language)  # a refusal is said in the app's language
    _in_the_background()
    return sync(db_path, server, now=lambda: at, push_batch=batch, pull_batch=batch)


def _in_the_background() -> None:
    """The window a person is using comes first for the processor: on Linux this process
    runs only on time no other process wants (SCHED_IDLE), elsewhere at a lower priority."""
    if hasattr(os, "sched_setscheduler") and hasattr(os, "SCHED_IDLE"):
        try:
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
            return
        except OSError:  # not allowed here: the niceness below still helps
            pass
    os.nice(BACKGROUND_NICENESS)


JOBS: dict[str, Any] = {"insights": _insights, "report": _report, "chart": _chart, "sync": _sync}


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
