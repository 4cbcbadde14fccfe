"""Whose diary is open shows above every screen; the switcher adds, renames, switches
and deletes (asking first, backing up first, with undo), with real touches."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.ui.harness import (
    PHONE,
    TABLET,
    answer,
    chip,
    nav_to,
    pump,
    running_app,
    save_screenshot,
    tap,
    top_modal,
    type_into,
)

WORDS = {
    "en": {"add": "Add", "rename": "Rename", "delete": "Delete", "name": "Name"},
    "id": {"add": "Tambah", "rename": "Ganti nama", "delete": "Hapus", "name": "Nama"},
}


def _profiles(db_path: Path) -> list[tuple[str, bool]]:
    with sqlite3.connect(db_path) as con:
        rows = con.execute("SELECT name, deleted_at IS NOT NULL FROM profile ORDER BY id")
        return [(name, bool(deleted)) for name, deleted in rows]


@pytest.mark.parametrize(("size", "language"), [(PHONE, "en"), (TABLET, "id")])
def test_switch_add_rename_and_delete_profiles(
    tmp_path: Path, screenshot_dir: Path, size: tuple[int, int], language: str
) -> None:
    shape = "phone" if size == PHONE else "tablet"
    words = WORDS[language]
    with running_app(tmp_path, size) as (app, store):
        app.switch_language(language)
        bar = app.root.profile_bar
        assert bar.name == "Me"
        for name in ("day", "history", "today"):
            nav_to(app, name)
            assert bar.name == "Me" and bar.ids.pill.text == "Me"  # on every screen

        pump(10)  # the last sheet has faded out, as a person sees it go
        tap(bar.ids.pill)
        sheet = top_modal()
        type_into(sheet.ids.new_name, "Ani")
        tap(sheet.ids.add)
        assert bar.name == "Ani"
        assert app.diary.profile.name == "Ani"
        save_screenshot(screenshot_dir / f"profiles-switched-{shape}-{language}")

        # Names that differ only in case are one name: refused next to the field.
        pump(10)  # the last sheet has faded out, as a person sees it go
        tap(bar.ids.pill)
        sheet = top_modal()
        type_into(sheet.ids.new_name, "me")
        tap(sheet.ids.add)
        assert sheet.error_text.startswith(f"{words['name']}: 'me'")
        save_screenshot(screenshot_dir / f"profiles-refused-{shape}-{language}")
        assert [n for n, _d in _profiles(store.db_path)] == ["Me", "Ani"]

        type_into(sheet.ids.rename_to, "Ani Rahmawati")
        tap(sheet.ids.rename)
        assert bar.name == "Ani Rahmawati"

        # Switch back by a tap on the other person's chip, then delete that diary.
        pump(5)  # the renamed chips are laid out, as a person sees them
        tap(chip(sheet.ids.profiles, "1"))
        assert bar.name == "Me"
        pump(10)  # the last sheet has faded out, as a person sees it go
        tap(bar.ids.pill)
        sheet = top_modal()
        tap(chip(sheet.ids.profiles, "2"))
        assert bar.name == "Ani Rahmawati"
        pump(10)  # the last sheet has faded out, as a person sees it go
        tap(bar.ids.pill)
        sheet = top_modal()
        tap(sheet.ids.delete)
        save_screenshot(screenshot_dir / f"profiles-delete-question-{shape}-{language}")
        answer(words["delete"])
        assert _profiles(store.db_path) == [("Me", False), ("Ani Rahmawati", True)]
        backups = list((tmp_path / "backups").glob("kedut-before-deleting-a-profile-*.sqlite3"))
        assert len(backups) == 1
        with sqlite3.connect(backups[0]) as con:  # the backup holds the profile, live
            assert con.execute("SELECT deleted_at FROM profile WHERE id = 2").fetchone() == (None,)
        assert bar.name == "Me"
        save_screenshot(screenshot_dir / f"profiles-deleted-{shape}-{language}")

        tap(app.root.undo_bar.ids.undo)
        pump(3)
        assert _profiles(store.db_path)[1] == ("Ani Rahmawati", False)
        assert bar.name == "Ani Rahmawati"

        # The last diary is never deleted.
        pump(10)  # the last sheet has faded out, as a person sees it go
        tap(bar.ids.pill)
        sheet = top_modal()
        tap(chip(sheet.ids.profiles, "1"))
        app.diary.delete_profile(2)
        app.refresh_screens()
        pump(10)  # the last sheet has faded out, as a person sees it go
        tap(bar.ids.pill)
        sheet = top_modal()
        tap(sheet.ids.delete)
        assert sheet.error_text
        assert _profiles(store.db_path)[0] == ("Me", False)
        app.switch_language("en")


def test_an_undo_offered_in_one_diary_is_withdrawn_when_another_is_opened(
    tmp_path: Path,
) -> None:
    """Log a twitch in Me's diary, then open Ani's before the offer runs out: the undo
    bar goes (its Undo would have looked for Me's twitch in Ani's diary and crashed),
    and Me's twitch stays."""
    with running_app(tmp_path, PHONE) as (app, store):
        tap(app.root.screen("today").ids.log_button)
        undo_bar = app.root.undo_bar
        assert undo_bar.message  # "Twitch logged … Undo"
        pump(10)
        tap(app.root.profile_bar.ids.pill)
        sheet = top_modal()
        type_into(sheet.ids.new_name, "Ani")
        tap(sheet.ids.add)
        assert app.diary.profile.name == "Ani"
        assert undo_bar.message == ""
        assert undo_bar.undo() is False  # Ctrl+Z does nothing either
        with sqlite3.connect(store.db_path) as con:
            live = con.execute(
                "SELECT p.name, count(*) FROM twitch_episode e JOIN profile p"
                " ON p.id = e.profile_id WHERE e.deleted_at IS NULL GROUP BY p.name"
            ).fetchall()
        assert live == [("Me", 1)]
