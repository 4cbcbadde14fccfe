"""Start the real app (`run_app`) and report when its first frame is drawn and how much
memory it holds a moment later. Run by bench.run in a fresh process, on a display.

    python -m bench.probe_app DATA_DIR PROFILE
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("KIVY_NO_ARGS", "1")
os.environ.setdefault("KIVY_LOG_MODE", "PYTHON")


def _rss_mb() -> float:
    with Path("/proc/self/status").open() as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main(data_dir: str, profile: str) -> int:
    from kivy.app import App
    from kivy.clock import Clock
    from kivy.core.window import Window

    from tracker.app import run_app

    def first_frame(*_args: object) -> None:
        print(f"FIRST_FRAME {time.time():.6f}", flush=True)
        Window.unbind(on_flip=first_frame)
        Clock.schedule_once(report_memory, 1.5)

    def report_memory(*_args: object) -> None:
        print(f"RSS_MB {_rss_mb():.1f}", flush=True)
        App.get_running_app().stop()

    Window.bind(on_flip=first_frame)
    return run_app(data_dir=data_dir, profile=profile)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
