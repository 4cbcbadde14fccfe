"""Issue 12, end to end: the command line refuses in the person's words and language —
the label they see, never `water_ml` or Python's "invalid literal" — and an Indonesian
message ends in Indonesian. Nothing is stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.kedut_cli import kedut, row_counts
from tracker.domain import Settings, ValidationError
from tracker.i18n import Language

CASES = [
    (
        ("log", "day", "--date", "2026-11-25", "--water-ml", "30000"),
        "kedut: error: Water (ml) (--water-ml): 30000 is not allowed "
        "(allowed: whole numbers 0–20000); nothing was stored",
        "kedut: galat: Air (ml) (--water-ml): 30000 tidak diizinkan "
        "(yang diizinkan: bilangan bulat 0–20000); tidak ada yang disimpan",
    ),
    (
        ("log", "day", "--date", "2026-11-25", "--water-ml", "abc"),
        "kedut log day: error: --water-ml: 'abc' is not a whole number (for example 3)",
        "kedut log day: galat: --water-ml: 'abc' bukan bilangan bulat (contoh: 3)",
    ),
    (
        ("log", "day", "--date", "2026-11-31"),
        "kedut log day: error: --date: '2026-11-31' is not a date (for example 2026-11-25)",
        "kedut log day: galat: --date: '2026-11-31' bukan tanggal (contoh: 2026-11-25)",
    ),
    (
        ("log", "twitch", "--at", "yesterday 23:50"),
        "kedut log twitch: error: --at: 'yesterday 23:50' is not an ISO 8601 date and time",
        "kedut log twitch: galat: --at: 'yesterday 23:50' bukan tanggal dan jam ISO 8601",
    ),
    (
        ("log", "twitch", "--duration-s", "0"),
        "How long (seconds) (--duration-s): 0 is not allowed (allowed: whole numbers 1–86400)",
        "Berapa lama (detik) (--duration-s): 0 tidak diizinkan "
        "(yang diizinkan: bilangan bulat 1–86400)",
    ),
    (
        (
            "log",
            "medication",
            "--name",
            "X",
            "--kind",
            "diuretic",
            "--from",
            "2026-11-10",
            "--to",
            "2026-11-01",
        ),
        "Stopped on (--to): 2026-11-01 is not allowed (allowed: on or after the day it was started "
        "(2026-11-10))",
        "Berhenti (--to): 2026-11-01 tidak diizinkan (yang diizinkan: pada atau setelah hari mulai "
        "(2026-11-10)); tidak ada yang disimpan",
    ),
    (
        ("log", "day"),
        "kedut log day: error: these are required: --date",
        "cara pakai: kedut log day [-h] --date DATE",
    ),
    (
        ("list", "--format", "xml"),
        "kedut list: error: --format: 'xml' is not one of the choices ('table', 'csv', 'json')",
        "kedut list: galat: --format: 'xml' bukan salah satu pilihan ('table', 'csv', 'json')",
    ),
]


@pytest.mark.parametrize(("args", "english", "indonesian"), CASES, ids=[c[0][-2] for c in CASES])
def test_refusals_speak_the_persons_words(
    tmp_path: Path, args: tuple[str, ...], english: str, indonesian: str
) -> None:
    for language, expected in (("en", english), ("id", indonesian)):
        result = kedut(tmp_path, *args, env={"KEDUT_LANG": language})
        assert result.returncode == 2, result.stderr
        assert expected in result.stderr
        for python_words in ("invalid literal", "isoformat", "Traceback", "water_ml", "_s:"):
            assert python_words not in result.stderr
    stored = row_counts(tmp_path / "kedut.sqlite3")
    assert stored["twitch_episode"] == stored["day_log"] == stored["medication"] == 0


def test_a_settings_refusal_names_the_setting_as_the_screen_does() -> None:
    for language, expected in (
        ("en", "See a doctor after twitching lasts (days): 3 is not allowed"),
        ("id", "Periksa ke dokter bila kedutan berlangsung (hari): 3 tidak diizinkan"),
    ):
        with Language.named(language).speaking():
            with pytest.raises(ValidationError) as refused:
                Settings(persist_span_days=3)
            assert str(refused.value).startswith(expected)
            assert "persist_span_days" not in str(refused.value)
