"""Charts drawn beside the caller: in one worker process, while the caller goes on with
its own work (the report lays out its pages and draws its first chart meanwhile).

The worker is started once per process and kept; it draws each chart with the same code
and returns its raw RGB pixels, so the images are the same as drawn here. It is started
the platform's way (fork on Linux: it begins with what this process has loaded; spawn
on macOS and Windows). When it cannot start, or breaks, or a chart fails in it, the chart
is drawn here instead: a report is never lost to the worker, only made serially. The
worker starts at the first chart asked for (forked then, while this process is still the
only thread; spawned when other threads run) and ends with this process."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from tracker.charts import render_image
from tracker.charts.data import ChartData
from tracker.i18n import Language

_pool: ProcessPoolExecutor | None = None
_unavailable = False
_lock = threading.Lock()
_context: Any = None
"""The multiprocessing context workers start in; None: the platform's default."""


def _worker_pool() -> ProcessPoolExecutor | None:
    global _pool
    with _lock:
        if _pool is None and not _unavailable:
            _pool = ProcessPoolExecutor(max_workers=1, mp_context=_start_context())
        return _pool


def _start_context() -> Any:
    if _context is not None:
        return _context
    context = multiprocessing.get_context()
    if context.get_start_method() == "fork" and threading.active_count() > 1:
        # A fork copies the locks another thread holds (matplotlib's drawing lock, say)
        # and the worker would wait on them for ever: a fresh interpreter instead.
        return multiprocessing.get_context("spawn")
    return context


def _give_up() -> None:
    """The worker cannot be had: this process draws every chart itself from now on."""
    global _pool, _unavailable
    with _lock:
        pool, _pool, _unavailable = _pool, None, True
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


def use_context(context: Any) -> None:
    """Start workers in `context` (a multiprocessing context; None: the platform's) from
    the next chart on, with a new worker."""
    global _pool, _unavailable, _context
    with _lock:
        pool, _pool, _unavailable, _context = _pool, None, False, context
    if pool is not None:
        pool.shutdown(wait=True)


def _pixels(kind: str, data: ChartData, language: str, dpi: int) -> tuple[int, int, bytes]:
    """In the worker: one chart's RGB pixels (width, height, bytes)."""
    image = render_image(kind, data, Language.named(language), dpi)
    width, height = image.size
    return width, height, image.tobytes()


class ChartsBeside:
    """Charts asked for now and taken later, in any order, by `image(kind)`."""

    def __init__(
        self, charts: Sequence[tuple[str, ChartData]], language: Language, dpi: int
    ) -> None:
        self._data = dict(charts)
        self._language, self._dpi = language, dpi
        self._pending: dict[str, Future[tuple[int, int, bytes]]] = {}
        self.drawn_beside: list[str] = []
        """The kinds the worker drew (the others were drawn here)."""
        pool = _worker_pool()
        if pool is None:
            return
        try:
            for kind, data in charts:
                self._pending[kind] = pool.submit(_pixels, kind, data, language.code, dpi)
        except Exception:  # the worker could not start: everything is drawn here
            self._pending.clear()
            _give_up()

    def image(self, kind: str) -> Any:
        """The chart as a Pillow RGB image, as `render_image` draws it."""
        from PIL import Image

        pending = self._pending.pop(kind, None)
        if pending is not None:
            try:
                width, height, raw = pending.result()
            except Exception:  # broke, or failed there: drawn here (an error is raised here)
                _give_up()
            else:
                self.drawn_beside.append(kind)
                return Image.frombytes("RGB", (width, height), raw)
        return render_image(kind, self._data[kind], self._language, self._dpi)
