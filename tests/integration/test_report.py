"""The doctor report: expected pages, the warnings and the period in its text (English
and Indonesian), notes printed as typed; its pages rendered to PNG for a person to see."""

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


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("report")
    assert kedut(data_dir, "demo", "--days", "120", "--seed", "7", "--end", TODAY).returncode == 0
    # The Demo profile takes no entries of a person's own: this diary becomes Sari's.
    assert kedut(data_dir, "profiles", "rename", "Demo", "Sari").returncode == 0
    noted = kedut(
        data_dir,
        "--profile",
        "Sari",
        "log",
        "twitch",
        "--at",
        "2026-11-24T20:00+07:00",
        "--weakness",
        "--note",
        "<b>bold</b> **md** [b]kivy[/b] =SUM(A1)",
    )
    assert noted.returncode == 0, noted.stderr
    return data_dir


def _report(data_dir: Path, out: Path, *args: str) -> list[str]:
    result = kedut(
        data_dir, "--profile", "Sari", "report", "--out", str(out), "--today", TODAY, *args
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(out).pages]


def test_the_english_report_has_summary_charts_findings_and_tables(
    demo_dir: Path, tmp_path: Path
) -> None:
    pages = _report(demo_dir, tmp_path / "report.pdf")
    assert len(pages) >= 4
    first = pages[0]
    assert "Knee twitching: summary for a doctor" in first
    assert "Name: Sari" in first
    assert "29 July 2026 – 25 November 2026" in first
    assert "SEE A DOCTOR" in first and "sharp pain" in first
    assert "weak leg" in first  # the weakness logged above raises the urgent red flag
    assert "See a doctor when" in first and "Furosemide" in first
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert "29 July 2026 – 25 November 2026" in text and "Generated 25 November 2026" in text
    whole = " ".join(pages)
    assert "What went together with twitching" in whole
    assert "All episodes" in whole and "Remedies tried" in whole
    assert "<b>bold</b> **md** [b]kivy[/b] =SUM(A1)" in whole  # printed as typed, never as markup


def test_the_indonesian_report(demo_dir: Path, tmp_path: Path) -> None:
    pages = _report(demo_dir, tmp_path / "laporan.pdf", "--lang", "id")
    first = pages[0]
    assert "Kedutan lutut: ringkasan untuk dokter" in first
    assert "29 Juli 2026 – 25 November 2026" in first
    assert "PERIKSA KE DOKTER" in first and "nyeri tajam" in first
    assert re.search(r"Halaman 1 dari \d+", first)


def test_a_period_can_be_chosen(demo_dir: Path, tmp_path: Path) -> None:
    pages = _report(demo_dir, tmp_path / "short.pdf", "--from", "2026-11-01", "--to", "2026-11-25")
    assert "1 November 2026 – 25 November 2026" in pages[0]


def test_report_pages_are_rendered_for_a_person_to_look_at(demo_dir: Path, tmp_path: Path) -> None:
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "pdftoppm (poppler-utils) is needed: `make test` installs it"
    PAGES_DIR.mkdir(parents=True, exist_ok=True)
    for language in ("en", "id"):
        out = tmp_path / f"report-{language}.pdf"
        pages = _report(demo_dir, out, "--lang", language)
        for old in PAGES_DIR.glob(f"report-{language}-*.png"):
            old.unlink()
        subprocess.run(
            [pdftoppm, "-r", "70", "-png", str(out), str(PAGES_DIR / f"report-{language}")],
            check=True,
        )
        assert len(list(PAGES_DIR.glob(f"report-{language}-*.png"))) == len(pages)


def test_report_refuses_other_file_types(demo_dir: Path, tmp_path: Path) -> None:
    result = kedut(demo_dir, "report", "--out", str(tmp_path / "report.docx"))
    assert result.returncode == 2
    assert "File to write (--out): " in result.stderr and ".pdf" in result.stderr
