"""Issue 9, end to end: one knee's twitching is one, whatever side each twitch was logged
with; `warnings --json` says `side` (the one side, or "mixed") and `sides`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from tests.integration.kedut_cli import kedut

TODAY = "2026-11-25"


def _log(data_dir: Path, day: int, side: str, *more: str) -> None:
    at = f"2026-11-{day:02d}T09:00+07:00"
    result = kedut(data_dir, "log", "twitch", "--at", at, "--side", side, *more)
    assert result.returncode == 0, result.stderr


def _warnings(data_dir: Path, language: str = "en") -> list[dict[str, Any]]:
    result = kedut(data_dir, "warnings", "--today", TODAY, "--json", env={"KEDUT_LANG": language})
    assert result.returncode == 0, result.stderr
    found: list[dict[str, Any]] = json.loads(result.stdout)["warnings"]
    return found


def test_left_both_left_on_three_days_is_one_knee_recurring(tmp_path: Path) -> None:
    for day, side in ((21, "left"), (23, "both"), (25, "left")):
        _log(tmp_path, day, side)
    (warning,) = _warnings(tmp_path)
    assert (warning["rule"], warning["body_site"]) == ("recurring", "knee")
    assert (warning["side"], warning["sides"]) == ("mixed", ["left", "both"])
    assert warning["days"] == ["2026-11-21", "2026-11-23", "2026-11-25"]
    assert "knee (left, both sides)" in warning["message"]
    (indonesian,) = _warnings(tmp_path, "id")
    assert "lutut (kiri, kedua sisi)" in indonesian["message"]


def test_a_not_sure_first_tap_joins_the_run(tmp_path: Path) -> None:
    for day, side in ((11, "none"), (18, "left"), (24, "left")):
        _log(tmp_path, day, side)
    (warning,) = _warnings(tmp_path)
    assert (warning["rule"], warning["level"]) == ("persistence", "see_doctor")
    assert (warning["side"], warning["sides"]) == ("mixed", ["left", "none"])
    assert warning["first_day"] == "2026-11-11" and warning["episode_days"] == 3


def test_one_side_throughout_is_named(tmp_path: Path) -> None:
    for day in (21, 23, 25):
        _log(tmp_path, day, "right")
    (warning,) = _warnings(tmp_path)
    assert (warning["side"], warning["sides"]) == ("right", ["right"])
    assert "right knee" in warning["message"]


def test_red_flags_of_both_sides_are_one_knee_warning(tmp_path: Path) -> None:
    _log(tmp_path, 20, "left", "--pain")
    _log(tmp_path, 24, "right", "--swelling")
    (warning,) = _warnings(tmp_path)
    assert (warning["rule"], warning["side"], warning["sides"]) == (
        "red_flag",
        "mixed",
        ["left", "right"],
    )
    assert warning["signs"] == ["pain", "swelling"]
    assert warning["days"] == ["2026-11-20", "2026-11-24"]


def test_the_report_lists_each_knee_once_under_see_a_doctor_when(tmp_path: Path) -> None:
    # Left knee: a run from 11 to 25 November (persistence) whose last days also recur.
    for day in (11, 18, 21, 23, 25):
        _log(tmp_path, day, "left")
    out = tmp_path / "report.pdf"
    result = kedut(tmp_path, "report", "--out", str(out), "--today", TODAY)
    assert result.returncode == 0, result.stderr
    first_page = " ".join((PdfReader(out).pages[0].extract_text() or "").split())
    checklist = first_page[first_page.index("See a doctor when") : first_page.index("Sharp pain")]
    assert checklist.count("Left knee") == 1, checklist
    assert "Left knee: 5 days, 11 November 2026 to 25 November 2026" in checklist
