"""Issue 5: the doctor report lays out any note the diary allows — 2,000 characters,
70 lines, one endless word, letters and emoji its font cannot draw — and never fails.
The pages are rendered to PNG (tests/integration/report-pages/report-notes-*.png) for a
person to look at."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.integration.kedut_cli import kedut

TODAY = "2026-11-25"
PAGES_DIR = Path(os.environ.get("KEDUT_REPORT_PAGES_DIR", Path(__file__).parent / "report-pages"))
WORDS = " ".join(["kaki terasa berkedut lagi setelah futsal"] * 49)[:1995] + " END."
ENDLESS = "x" * 1999 + "!"
LINES = "\n".join(f"line {i}: twitch again" for i in range(70))
SCRIPTS = "kaki 😀👍🏽 кедут 膝が痛い ركبة नमस्ते ok\ttab"
NOTES = (WORDS, ENDLESS, LINES, SCRIPTS, "short note", "\n\n\n", "膝" * 2000)


@pytest.fixture(scope="module")
def noted_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("notes")
    for day, note in enumerate(NOTES, start=15):
        at = f"2026-11-{day}T10:00+07:00"
        result = kedut(data_dir, "log", "twitch", "--at", at, "--note", note)
        assert result.returncode == 0, result.stderr
    return data_dir


def _pages(out: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(out).pages]


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_report_with_long_and_many_line_notes_is_made(
    noted_dir: Path, tmp_path: Path, language: str
) -> None:
    out = tmp_path / f"report-{language}.pdf"
    result = kedut(noted_dir, "report", "--out", str(out), "--today", TODAY, "--lang", language)
    assert (result.returncode, result.stderr) == (0, "")
    assert "Traceback" not in result.stderr
    pages = _pages(out)
    whole = "\n".join(pages)
    # Every line of the 70-line note is printed, in order, in "Notes in full".
    heading = "Notes in full" if language == "en" else "Catatan lengkap"
    appendix = whole[whole.index(heading) :]
    assert re.findall(r"line (\d+): twitch again", appendix) == [str(i) for i in range(70)]
    # The 2,000-character notes are there to their last character.
    assert "END." in appendix and "x!" in "".join(appendix.split())
    assert appendix.count("x") == ENDLESS.count("x")  # across a page break
    # □ for each letter the font lacks: 膝 × 2000; 膝が痛い; न म स त (their vowel marks
    # are left out); 👍 and its skin tone.
    assert appendix.count("□") == 2000 + 4 + 4 + 2
    flat = " ".join(whole.split())
    # The table shows a cut with a visible "…" and where to read the rest.
    assert "…" in flat and ("(note 1)" in flat or "(catatan 1)" in flat)
    # What the font cannot draw is shown as □ and explained; nothing else is lost.
    assert "кедут" in flat and "□" in flat and "ok tab" in flat
    for number, text in enumerate(pages, start=1):
        footer = f"Page {number} of {len(pages)}" if language == "en" else f"Halaman {number}"
        assert footer in text


def test_the_notes_report_pages_are_rendered_to_look_at(noted_dir: Path, tmp_path: Path) -> None:
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "pdftoppm (poppler-utils) is needed: `make test` installs it"
    out = tmp_path / "notes.pdf"
    assert kedut(noted_dir, "report", "--out", str(out), "--today", TODAY).returncode == 0
    PAGES_DIR.mkdir(parents=True, exist_ok=True)
    for old in PAGES_DIR.glob("report-notes-*.png"):
        old.unlink()
    subprocess.run(
        [pdftoppm, "-r", "70", "-png", str(out), str(PAGES_DIR / "report-notes")], check=True
    )
    assert len(list(PAGES_DIR.glob("report-notes-*.png"))) == len(_pages(out))
