"""Start the real app on a device whose household server holds a diary it has not pulled
yet, keep the window redrawing every frame, and report the frame rate while the
background sync runs and once it is done. Run by bench.sync in a fresh process, on a
display.

    python -m bench.probe_sync_fps DATA_DIR PROFILE
"""

from __future__ import annotations

import os
import sys
import threading
import time

os.environ.setdefault("KIVY_NO_ARGS", "1")
os.environ.setdefault("KIVY_LOG_MODE", "PYTHON")

IDLE_AFTER_S = 4.0
LIMIT_S = 180.0


def main(data_dir: str, profile: str) -> int:
    from kivy.app import App
    from kivy.clock import Clock
    from kivy.core.window import Window
    from kivy.graphics import Color, Rectangle

    from tracker.app import run_app

    frames: dict[str, list[float]] = {"busy": [], "idle": []}
    state = {"began": 0.0, "done_at": 0.0, "seen_busy": False}

    def on_flip(*_args: object) -> None:
        now = time.perf_counter()
        app = App.get_running_app()
        sync = getattr(app, "sync", None)
        busy = bool(sync is not None and sync.busy)
        state["seen_busy"] = state["seen_busy"] or busy
        if not state["began"]:
            state["began"] = now
        if state["seen_busy"]:
            frames["busy" if busy else "idle"].append(now)
            if not busy and not state["done_at"]:
                state["done_at"] = now
        waited = now - state["began"]
        idle_long = state["done_at"] and now - state["done_at"] > IDLE_AFTER_S
        if idle_long or waited > LIMIT_S:
            Window.unbind(on_flip=on_flip)
            print(f"FPS_BUSY {_rate(frames['busy']):.1f}", flush=True)
            print(f"FPS_IDLE {_rate(frames['idle']):.1f}", flush=True)
            print(f"SYNC_S {(state['done_at'] or now) - state['began']:.2f}", flush=True)
            app.stop()

    # Something on the canvas changes at every frame, as under a scrolling finger: Kivy
    # draws (and flips) only when a canvas instruction changed, so the frame rate is
    # what the UI thread can give while the sync runs beside it.
    with Window.canvas.after:
        marker = Color(0.965, 0.973, 0.976, 1)
        Rectangle(pos=(0, 0), size=(2, 2))

    def redraw(_dt: float) -> None:
        marker.r = 1.931 - marker.r  # 0.965, 0.966 and back: unseen, but a change

    def watchdog() -> None:
        # Frames can stop (a modal question, a stalled GL): the probe still answers.
        time.sleep(LIMIT_S + 30)
        print("FPS_BUSY nan\nFPS_IDLE nan\nSYNC_S nan", flush=True)
        os._exit(3)

    threading.Thread(target=watchdog, daemon=True).start()
    Window.bind(on_flip=on_flip)
    Clock.schedule_interval(redraw, 0)
    code = run_app(data_dir=data_dir, profile=profile or None)
    sys.stdout.flush()
    os._exit(code)  # a background sync thread still running must not keep the probe alive


def _rate(moments: list[float]) -> float:
    if len(moments) < 2:
        return float("nan")
    return (len(moments) - 1) / (moments[-1] - moments[0])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else ""))
