"""Every screen, in both window sizes and both languages, on the demo diary: each is
drawn, its words are in the chosen language, and a screenshot is written for a person
to look at (tests/ui/screenshots/)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.ui.harness import PHONE, TABLET, running_app, save_screenshot, visit, wait_until
from tracker.services.demo import fill_demo_profile
from tracker.storage import open_store

SCREENS = ("today", "day", "medicines", "history", "insights", "report", "settings", "about")
# A word each screen shows in English, and its Indonesian counterpart.
WORDS = {
    "today": ("Log twitch", "Catat kedutan"),
    "day": ("Save day", "Simpan hari"),
    "medicines": ("Add a medicine", "Tambah obat"),
    "history": ("History", "Riwayat"),
    "insights": ("Insights", "Wawasan"),
    "report": ("Show a doctor", "Tunjukkan ke dokter"),
    "settings": ("Settings", "Pengaturan"),
    "about": ("About knee twitching", "Tentang kedutan lutut"),
}


def _texts(widget: object) -> str:
    found = []
    for child in widget.walk():  # type: ignore[attr-defined]
        text = getattr(child, "text", "")
        if isinstance(text, str):
            found.append(text)
    return "\n".join(found)


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("tour")
    store = open_store(data_dir)
    fill_demo_profile(store, 120, 7, dt.date(2026, 11, 25))
    store.close()
    return data_dir


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("size", [PHONE, TABLET], ids=["phone", "tablet"])
def test_every_screen_in_both_sizes_and_languages(
    demo_data: Path, screenshot_dir: Path, size: tuple[int, int], language: str
) -> None:
    start = dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    with running_app(demo_data, size, start=start, profile="Demo") as (app, _store):
        app.switch_language(language)
        shape = "phone" if size == PHONE else "tablet"
        assert app.root.rail is (shape == "tablet")
        for name in SCREENS:
            screen = visit(app, name)
            if name == "insights":
                wait_until(lambda s=screen: bool(s.pending == 0))  # type: ignore[misc]
            english, indonesian = WORDS[name]
            shown = _texts(screen)
            assert (indonesian if language == "id" else english) in shown, name
            assert (english if language == "id" else indonesian) not in shown, name
            save_screenshot(screenshot_dir / f"{name}-{shape}-{language}")
        app.switch_language("en")
