"""Start the real app (`run_app`), or a trivial Kivy window (one Label) started the same
way, and report when the first frame is drawn and the resident memory afterwards. Run by
bench.run in a fresh process, on a display.

    python -m bench.probe_app DATA_DIR PROFILE   the app: Today, then Insights with its
                                                 charts, then a doctor report; memory
                                                 once all of that is done
    python -m bench.probe_app DATA_DIR PROFILE --start   the app: memory once Today shows
    python -m bench.probe_app --trivial          one Label; memory a moment after the
                                                 first frame

Prints `FIRST_FRAME <unix time>`, `WINDOW <width>x<height>`, `RSS_MB <megabytes>` and
`HEAVY_MODULES <names or ->`. Both windows must be the same size (bench.run checks).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("KIVY_NO_ARGS", "1")
os.environ.setdefault("KIVY_LOG_MODE", "PYTHON")

SETTLE_S = 1.5
"""How long memory is left to settle before it is read (as a person would pause)."""
LIMIT_S = 120.0
HEAVY = {"numpy", "scipy", "matplotlib", "fpdf", "pandas", "alembic"}
"""Libraries that the running app should never hold (the heavy work has its own process)."""


def _rss_mb() -> float:
    with Path("/proc/self/status").open() as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _on_first_frame(then: Callable[[], None]) -> None:
    from kivy.clock import Clock
    from kivy.core.window import Window

    def first_frame(*_args: object) -> None:
        print(f"FIRST_FRAME {time.time():.6f}", flush=True)
        print(f"WINDOW {Window.width}x{Window.height}", flush=True)
        Window.unbind(on_flip=first_frame)
        Clock.schedule_once(lambda _dt: then(), 0)

    Window.bind(on_flip=first_frame)


def _report_memory_and_stop(*_args: object) -> None:
    from kivy.app import App

    print(f"RSS_MB {_rss_mb():.1f}", flush=True)
    loaded = sorted({name.split(".")[0] for name in sys.modules} & HEAVY)
    print(f"HEAVY_MODULES {','.join(loaded) or '-'}", flush=True)
    App.get_running_app().stop()


def _wait_for(done: Callable[[], bool], then: Callable[[], None]) -> None:
    """Poll `done` every 50 ms on the UI thread; `then` once it holds."""
    from kivy.clock import Clock

    began = time.perf_counter()

    def check(_dt: float) -> bool:
        if done():
            then()
            return False
        if time.perf_counter() - began > LIMIT_S:
            raise SystemExit("probe: the app did not finish in time")
        return True

    Clock.schedule_interval(check, 0.05)


def trivial() -> int:
    """One Label, started the way run_app starts the app (same Kivy set-up and window)."""
    from tracker.ui.kivy_setup import configure_kivy

    configure_kivy()
    from kivy.app import App
    from kivy.clock import Clock
    from kivy.uix.label import Label

    class Trivial(App):  # type: ignore[misc]
        def build(self) -> Any:
            return Label(text="Kedut")

    _on_first_frame(lambda: Clock.schedule_once(_report_memory_and_stop, SETTLE_S))
    Trivial().run()
    return 0


def _once_kivy_is_set_up(then: Callable[[], None]) -> None:
    """Run `then` right after the app's own Kivy set-up: the probe must not make the
    window first (importing Kivy's Window makes it, at Kivy's default size, not the
    app's), or the app would be measured in another window than the trivial one."""
    from tracker.ui import kivy_setup

    set_up = kivy_setup.configure_kivy

    def configured() -> None:
        set_up()
        then()

    kivy_setup.configure_kivy = configured


def app(data_dir: str, profile: str, start_only: bool = False) -> int:
    from tracker.app import run_app

    exports = tempfile.mkdtemp(prefix="kedut-probe-")

    def tour() -> None:
        from kivy.app import App
        from kivy.clock import Clock

        running: Any = App.get_running_app()
        running.export_dir = Path(exports)
        running.go("insights")
        insights = running.root.screen("insights")

        def make_report() -> None:
            if insights.status_text:  # it says why the charts could not be drawn
                raise SystemExit(f"probe: no charts: {insights.status_text}")
            running.go("report")
            report = running.root.screen("report")
            report.export("report")

            def saved() -> None:
                if not report.saved_path:
                    raise SystemExit(f"probe: no report: {report.result_text}")
                Clock.schedule_once(_report_memory_and_stop, SETTLE_S)

            _wait_for(lambda: not report.busy, saved)

        _wait_for(lambda: insights.pending == 0, make_report)

    def settle_then_report() -> None:
        from kivy.clock import Clock

        Clock.schedule_once(_report_memory_and_stop, SETTLE_S)

    _once_kivy_is_set_up(lambda: _on_first_frame(settle_then_report if start_only else tour))
    try:
        return run_app(data_dir=data_dir, profile=profile)
    finally:
        shutil.rmtree(exports, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["--trivial"]:
        sys.exit(trivial())
    sys.exit(app(sys.argv[1], sys.argv[2], "--start" in sys.argv[3:]))
