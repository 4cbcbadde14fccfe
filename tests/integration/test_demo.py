"""`demo` fills a Demo profile with a realistic diary, the same for the same seed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from tests.integration.kedut_cli import kedut
from tracker.services.demo import generate

END = "2026-11-25"


def _demo(data_dir: Path, seed: str, days: str = "90") -> dict[str, Any]:
    result = kedut(data_dir, "demo", "--days", days, "--seed", seed, "--end", END)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith('Profile "Demo": ')
    shown = kedut(data_dir, "--profile", "Demo", "list", "--format", "json")
    assert shown.returncode == 0, shown.stderr
    document: dict[str, Any] = json.loads(shown.stdout)
    for table in ("episodes", "days", "medications", "remedies"):
        for record in document[table]:
            record.pop("uuid", None)  # new entries, new uuids: the diary is what must repeat
    return document


def test_the_same_seed_gives_the_same_diary(tmp_path: Path) -> None:
    first = _demo(tmp_path / "a", "11")
    again = _demo(tmp_path / "b", "11")
    other = _demo(tmp_path / "c", "12")
    assert first == again
    assert first != other


def test_running_demo_again_replaces_the_demo_profile_instead_of_doubling_it(
    tmp_path: Path,
) -> None:
    once = _demo(tmp_path, "3")
    twice = _demo(tmp_path, "3")
    assert once == twice


def test_the_demo_diary_has_gaps_missing_fields_and_a_recurring_stretch() -> None:
    end = dt.date.fromisoformat(END)
    diary = generate(days=120, seed=7, end=end)
    logged_days = {d.date for d in diary.days}
    assert 60 < len(logged_days) < 120  # not every day is logged
    assert any(d.sleep_h is None for d in diary.days)
    assert any(d.water_ml is None for d in diary.days)
    last_week = {e.local_date for e in diary.episodes if e.local_date > end - dt.timedelta(days=7)}
    assert len(last_week) >= 3  # twitching keeps coming back at the end
    assert any(e.pain for e in diary.episodes)
    assert diary.medications[0].kind == "diuretic"
    assert all(e.local_date <= end for e in diary.episodes)
    assert all(d.date <= end for d in diary.days)


def test_demo_refuses_a_silly_number_of_days(tmp_path: Path) -> None:
    result = kedut(tmp_path, "demo", "--days", "0")
    assert result.returncode == 2
    assert (
        "Number of days (--days): 0 is not allowed (allowed: whole numbers 1–3660)" in result.stderr
    )
