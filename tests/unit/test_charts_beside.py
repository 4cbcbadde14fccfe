"""Issue 15: the report's charts drawn in a worker process are the same pixels as drawn in
process, and the report is made in process when the worker cannot start or breaks."""

from __future__ import annotations

import multiprocessing
import multiprocessing.spawn
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tracker.charts import ChartData, render_image
from tracker.charts import beside as beside_module
from tracker.charts.beside import ChartsBeside, use_context
from tracker.i18n import Language

from .test_charts import data

ID = Language.named("id")
KINDS = ("calendar", "correlations")


@pytest.fixture
def charts() -> Iterator[list[tuple[str, ChartData]]]:
    yield [(kind, data(400)) for kind in KINDS]
    use_context(None)  # the platform's worker again, for the next test


def _in_process(charts: list[tuple[str, ChartData]]) -> list[bytes]:
    return [render_image(kind, chart, ID, 100).tobytes() for kind, chart in charts]


def _drawn(beside: ChartsBeside) -> list[bytes]:
    return [beside.image(kind).tobytes() for kind in KINDS]


@pytest.mark.parametrize("method", ["default", "spawn"])
def test_charts_drawn_in_the_worker_are_the_charts_drawn_here(
    charts: list[tuple[str, ChartData]], method: str
) -> None:
    use_context(None if method == "default" else multiprocessing.get_context("spawn"))
    beside = ChartsBeside(charts, ID, 100)
    assert _drawn(beside) == _in_process(charts)
    assert beside.drawn_beside == list(KINDS)


def test_a_worker_that_cannot_start_leaves_the_charts_to_this_process(
    charts: list[tuple[str, ChartData]],
) -> None:
    spawn = multiprocessing.get_context("spawn")
    python = multiprocessing.spawn.get_executable()
    spawn.set_executable(str(Path(sys.executable).parent / "no-such-python"))
    try:
        use_context(spawn)
        beside = ChartsBeside(charts, ID, 100)
        assert _drawn(beside) == _in_process(charts)
        assert beside.drawn_beside == []
    finally:
        spawn.set_executable(python)


def test_a_worker_killed_midway_leaves_the_charts_to_this_process(
    charts: list[tuple[str, ChartData]],
) -> None:
    use_context(multiprocessing.get_context("spawn"))
    beside = ChartsBeside(charts, ID, 100)
    pool = beside_module._pool
    assert pool is not None
    for process in list(pool._processes.values()):
        assert process.pid is not None
        os.kill(process.pid, signal.SIGKILL)
    assert _drawn(beside) == _in_process(charts)
    assert beside.drawn_beside == []
    # The next report does not wait on a broken worker: it is made here from the start.
    assert ChartsBeside(charts, ID, 100).image("calendar").tobytes() == _in_process(charts)[0]
