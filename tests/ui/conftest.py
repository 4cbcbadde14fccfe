"""A real Kivy window for the UI tests, on a virtual X server when there is no display.

UI tests never skip: without a display they start Xvfb themselves, and if Xvfb is
missing the run fails with what to install (`make test` installs it as root).
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _start_xvfb() -> None:
    if os.environ.get("DISPLAY"):
        return
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise RuntimeError(
            "The UI tests need a display and none is set, and Xvfb is not installed. "
            "Install it (Debian: apt-get install xvfb xauth libgl1 libgl1-mesa-dri "
            "libegl1 libmtdev1) or run `make test`, which does so as root."
        )
    read_end, write_end = os.pipe()
    # -displayfd: Xvfb picks a free display and writes its number once it is ready.
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as ready:
        number = ready.readline().strip()
    if not number:
        server.kill()
        raise RuntimeError("Xvfb did not start")
    atexit.register(server.terminate)
    os.environ["DISPLAY"] = f":{number}"


_start_xvfb()
# Kivy reads these at import: no argv parsing, and its config and logs in a temp dir.
os.environ["KIVY_NO_ARGS"] = "1"
os.environ["KIVY_HOME"] = tempfile.mkdtemp(prefix="kedut-kivy-home-")
os.environ.setdefault("KIVY_LOG_MODE", "PYTHON")

SCREENSHOT_DIR = Path(os.environ.get("KEDUT_SCREENSHOT_DIR", Path(__file__).parent / "screenshots"))


@pytest.fixture
def screenshot_dir() -> Iterator[Path]:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    yield SCREENSHOT_DIR
