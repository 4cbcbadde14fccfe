"""`pip install .` into a fresh virtual environment gives a working `kedut` command, the
fonts and icon the app loads, and a desktop entry that desktops accept."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
LEFT_OUT = shutil.ignore_patterns(
    ".venv", ".git", "__pycache__", "*.egg-info", "build", ".*_cache", ".hypothesis",
    "screenshots", "report-pages",
)  # fmt: skip


def _run(*command: str | Path, env: dict[str, str] | None = None, timeout: int = 120) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
        cwd=Path.home(),  # not this checkout: `python -c` would import from it
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_pip_install_gives_the_kedut_command(tmp_path: Path) -> None:
    source = tmp_path / "kedut-source"
    shutil.copytree(PROJECT, source, ignore=LEFT_OUT)
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", venv)
    _run(venv / "bin" / "python", "-m", "pip", "install", "--quiet", source, timeout=1200)

    environment = {k: v for k, v in os.environ.items() if not k.startswith(("KEDUT_", "KIVY_"))}
    environment["KEDUT_DATA_DIR"] = str(tmp_path / "data")
    kedut = venv / "bin" / "kedut"
    assert "usage: kedut" in _run(kedut, "--help", env=environment)
    episode_id = _run(kedut, "log", "twitch", "--side", "left", env=environment).strip()
    assert episode_id.isdigit()
    listed = _run(kedut, "list", "--format", "csv", env=environment)
    assert ",left," in listed

    # The installed package is used, not this checkout, and it finds its own assets.
    python = venv / "bin" / "python"
    where = _run(python, "-c", "import tracker.ui.assets as a; print(a.__file__, a.assets_dir())",
                 env=environment)  # fmt: skip
    module_file, assets = where.split()
    assert module_file.startswith(str(venv))
    assert assets == str(venv / "share" / "kedut")
    assert (Path(assets) / "fonts" / "DejaVuSans.ttf").is_file()
    assert (Path(assets) / "icons" / "kedut.png").is_file()
    assert (venv / "share" / "icons" / "hicolor" / "256x256" / "apps" / "kedut.png").is_file()
    desktop = venv / "share" / "applications" / "kedut.desktop"
    assert "Exec=kedut" in desktop.read_text(encoding="utf-8")
    assert _run("desktop-file-validate", desktop) == ""
