"""Issue 13 in the window: Settings → Import. A person picks another app's export in the
file chooser, reads what it would add (per table and per field, and what is left out),
says what their own habit names mean, and imports; a cancelled or refused import stores
nothing; importing the same file twice adds nothing."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from bench.apple_health import generate
from tests.ui.harness import (
    PHONE,
    TABLET,
    chip,
    pump,
    running_app,
    save_screenshot,
    tap,
    type_into,
    visit,
    wait_until,
)
from tracker.ui.screens.import_steps import (
    ImportChoose,
    ImportPreview,
    ImportProgress,
    NameChoice,
)

FIXTURES = Path(__file__).parents[1] / "fixtures"
EVENING = dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _count(db_path: Path, sql: str) -> int:
    with sqlite3.connect(db_path) as con:
        return int(con.execute(sql).fetchone()[0])


def _stored(db_path: Path) -> tuple[int, int]:
    days = _count(db_path, "SELECT count(*) FROM day_log WHERE deleted_at IS NULL")
    episodes = _count(db_path, "SELECT count(*) FROM twitch_episode WHERE deleted_at IS NULL")
    return days, episodes


def _open_import(app: Any) -> Any:
    settings = visit(app, "settings")
    tap(settings.ids.import_button)
    pump(4)
    assert app.root.manager.current == "import"
    return app.root.screen("import")


def _preview(screen: Any) -> ImportPreview:
    wait_until(lambda: not screen.working and not isinstance(screen.step, ImportProgress))
    assert isinstance(screen.step, ImportPreview), screen._choose.error_text
    pump(3)
    return screen.step


def _entry(chooser: Any, name: str) -> Any:
    """The chooser's row for `name`, as drawn."""

    def found() -> list[Any]:
        return [w for w in chooser.walk() if getattr(w, "text", None) == name]

    wait_until(lambda: bool(found()))
    return found()[0]


def _names(view: ImportPreview) -> dict[str, NameChoice]:
    return {row.name_text: row for row in view.ids.names.children}


def _choose_in_spinner(row: NameChoice, text: str) -> None:
    from kivy.core.window import Window
    from kivy.uix.dropdown import DropDown

    tap(row.ids.spinner)
    wait_until(lambda: any(isinstance(w, DropDown) for w in Window.children))
    (dropdown,) = [w for w in Window.children if isinstance(w, DropDown)]
    (option,) = [w for w in dropdown.container.children if w.text == text]
    dropdown.scroll_to(option)
    pump(2)
    tap(option)


def test_a_loop_export_is_previewed_mapped_and_imported_once(
    tmp_path: Path, screenshot_dir: Path
) -> None:
    loop = tmp_path / "exports-from-phone" / "Loop Habits CSV 2022-05-04"
    shutil.copytree(FIXTURES / "loop" / "v2", loop)
    with running_app(tmp_path / "data", TABLET, start=EVENING) as (app, store):
        screen = _open_import(app)
        choose = screen.step
        assert isinstance(choose, ImportChoose)
        choose.ids.chooser.path = str(loop.parent)
        tap(_entry(choose.ids.chooser, loop.name))  # the folder, picked in the chooser
        assert choose.chosen_path() == str(loop)
        save_screenshot(screenshot_dir / "import-choose-tablet-en")
        tap(choose.ids.preview_button)
        view = _preview(screen)
        save_screenshot(screenshot_dir / "import-preview-tablet-en")
        assert "from Loop Habit Tracker: nothing is stored until you tap Import" in (
            view.heading_text
        )
        names = _names(view)
        assert set(names) == {"Water", "Magnesium", "Twitches"}
        assert names["Twitches"].choice_text == "Twitch episodes"
        assert names["Magnesium"].choice_text == "Magnesium-rich food"
        assert "Magnesium-rich food: fills" in view.counts_text
        assert _stored(store.db_path) == (0, 0)  # a preview stores nothing

        _choose_in_spinner(names["Magnesium"], "Left out")
        view = _preview(screen)
        assert _names(view)["Magnesium"].choice_text == "Left out"
        assert "Magnesium-rich food" not in view.counts_text
        days_line = next(line for line in view.counts_text.splitlines() if line.startswith("Days"))
        to_add = int(days_line.split(": ")[1].split(" ")[0])
        episodes_line = next(
            line for line in view.counts_text.splitlines() if line.startswith("Twitch episodes")
        )
        episodes_to_add = int(episodes_line.split(": ")[1].split(" ")[0])

        tap(view.ids.import_button)
        done = _preview(screen)
        save_screenshot(screenshot_dir / "import-done-tablet-en")
        assert done.heading_text == f"Imported {loop.name} from Loop Habit Tracker."
        assert screen.status_text == ""  # said once, in the heading
        assert _stored(store.db_path) == (to_add, episodes_to_add)
        magnesium = "SELECT count(*) FROM day_log WHERE magnesium_rich_food IS NOT NULL"
        assert _count(store.db_path, magnesium) == 0  # "Left out" was honoured
        remembered = store.data_dir / "mappings" / "loop.json"
        assert '"Magnesium": "skip"' in remembered.read_text(encoding="utf-8")

        tap(done.ids.again_button)  # the same folder again: nothing new
        screen.step.ids.path_input.text = str(loop)
        tap(screen.step.ids.preview_button)
        again = _preview(screen)
        assert again.ids.import_button.disabled
        assert _names(again)["Magnesium"].choice_text == "Left out"  # remembered
        assert "Days: 0 to add, 0 to change" in again.counts_text


def test_a_day_typed_by_hand_is_kept_unless_the_person_chooses_the_file(tmp_path: Path) -> None:
    daylio = FIXTURES / "daylio" / "sample.csv"
    with running_app(tmp_path, TABLET, start=EVENING) as (app, store):
        day = dt.date(2021, 9, 27)
        app.diary.save_day(day, stress=0)
        screen = _open_import(app)
        type_into(screen.step.ids.path_input, str(daylio))
        tap(screen.step.ids.preview_button)
        view = _preview(screen)
        assert "Stress: fills" in view.counts_text and "keeps 1 as you typed them" in (
            view.counts_text
        )
        tap(chip(view.ids.conflict, "replace"))
        view = _preview(screen)
        assert "replaces 1 you typed" in view.counts_text
        tap(view.ids.import_button)
        _preview(screen)
        stress = "SELECT stress FROM day_log WHERE date = '2021-09-27'"
        assert _count(store.db_path, stress) != 0  # the file's mood, by the person's choice


def test_cancelled_while_reading_or_importing_nothing_is_stored(
    tmp_path: Path, screenshot_dir: Path
) -> None:
    export = tmp_path / "export.xml"
    generate(export, 40)
    with running_app(tmp_path / "data", PHONE, start=EVENING) as (app, store):
        screen = _open_import(app)
        type_into(screen.step.ids.path_input, str(export))
        tap(screen.step.ids.preview_button)
        wait_until(lambda: isinstance(screen.step, ImportProgress) and screen.step.percent > 0)
        save_screenshot(screenshot_dir / "import-progress-phone-en")
        tap(screen.step.ids.cancel_button)
        wait_until(lambda: not screen.working)
        assert isinstance(screen.step, ImportChoose)
        assert screen.status_text == "Cancelled: nothing was stored."

        tap(screen.step.ids.preview_button)
        view = _preview(screen)
        assert "Sleep last night (hours): fills" in view.counts_text
        tap(view.ids.import_button)
        wait_until(lambda: isinstance(screen.step, ImportProgress) and screen.step.percent > 0)
        tap(screen.step.ids.cancel_button)
        wait_until(lambda: not screen.working)
        assert screen.status_text == "Cancelled: nothing was stored."
        assert _stored(store.db_path) == (0, 0)


def test_a_broken_file_is_refused_in_the_persons_words(
    tmp_path: Path, screenshot_dir: Path
) -> None:
    broken = tmp_path / "export.xml"
    text = (FIXTURES / "apple-health" / "export.xml").read_text(encoding="utf-8")
    broken.write_text(text[: len(text) // 2], encoding="utf-8")  # a cut download
    with running_app(tmp_path / "data", PHONE, start=EVENING) as (app, store):
        app.switch_language("id")
        try:
            screen = _open_import(app)
            tap(screen.step.ids.preview_button)  # nothing picked yet
            assert screen.step.error_text == "Pilih berkas atau folder yang ada."
            type_into(screen.step.ids.path_input, str(broken))
            tap(screen.step.ids.preview_button)
            wait_until(lambda: not screen.working and isinstance(screen.step, ImportChoose))
            save_screenshot(screenshot_dir / "import-refused-phone-id")
            error = screen.step.error_text
            assert error.startswith("Tidak dapat mengimpor export.xml: ")
            assert "baris" in error and error.endswith("Tidak ada yang disimpan.")
            assert _stored(store.db_path) == (0, 0)
        finally:
            app.switch_language("en")


def test_a_bearable_medicine_is_given_its_kind_at_phone_size_in_indonesian(
    tmp_path: Path, screenshot_dir: Path
) -> None:
    bearable = FIXTURES / "bearable" / "bearable-export-23-03-2024.csv"
    with running_app(tmp_path, PHONE, start=EVENING) as (app, store):
        app.switch_language("id")
        try:
            screen = _open_import(app)
            type_into(screen.step.ids.path_input, str(bearable))
            tap(screen.step.ids.preview_button)
            view = _preview(screen)
            rows = _names(view)
            assert rows["Furosemide"].choice_text == "Obat: lainnya"  # the suggestion
            # On a phone the choice sits under the name, the whole width: nothing is cut.
            row = rows["Furosemide"]
            assert row.orientation == "vertical" and row.ids.spinner.width == row.width
            _choose_in_spinner(row, "Obat: diuretik (pil air)")
            view = _preview(screen)
            save_screenshot(screenshot_dir / "import-preview-phone-id")
            assert _names(view)["Furosemide"].choice_text == "Obat: diuretik (pil air)"
            tap(view.ids.import_button)
            _preview(screen)
            kinds = "SELECT count(*) FROM medication WHERE kind = 'diuretic'"
            assert _count(store.db_path, kinds) >= 1
        finally:
            app.switch_language("en")
