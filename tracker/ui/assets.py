"""Where the app's fonts and icon are: `assets/` beside the package in a source
checkout, or `<prefix>/share/kedut/` where `pip install .` put them."""

from __future__ import annotations

import site
import sys
from pathlib import Path

NAME = "kedut"


def assets_dir() -> Path:
    checkout = Path(__file__).resolve().parents[2] / "assets"
    candidates = [checkout, Path(sys.prefix) / "share" / NAME]
    if site.USER_BASE:
        candidates.append(Path(site.USER_BASE) / "share" / NAME)
    for folder in candidates:
        if (folder / "fonts" / "DejaVuSans.ttf").is_file():
            return folder
    return checkout  # Kivy then says which font file it could not find


def font_path(name: str) -> Path:
    return assets_dir() / "fonts" / name


def icon_path() -> Path:
    return assets_dir() / "icons" / f"{NAME}.png"
