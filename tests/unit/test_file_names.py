"""Names for the files the app makes: a new file never takes an earlier one's place."""

from __future__ import annotations

from pathlib import Path

from tracker.formats.files import file_name_part, free_path, unique_name


def test_a_free_name_is_kept_as_it_is() -> None:
    assert (
        unique_name("kedut-report-Ani-2026-11-29", ".pdf", []) == "kedut-report-Ani-2026-11-29.pdf"
    )
    assert unique_name("kedut-report-Ani-2026-11-29", ".pdf", ["other.pdf"]) == (
        "kedut-report-Ani-2026-11-29.pdf"
    )


def test_a_taken_name_gets_the_first_free_number() -> None:
    taken = ["kedut-report-Ani-2026-11-29.pdf"]
    assert unique_name("kedut-report-Ani-2026-11-29", ".pdf", taken) == (
        "kedut-report-Ani-2026-11-29 (2).pdf"
    )
    taken += ["kedut-report-Ani-2026-11-29 (2).pdf", "kedut-report-Ani-2026-11-29 (4).pdf"]
    assert unique_name("kedut-report-Ani-2026-11-29", ".pdf", taken) == (
        "kedut-report-Ani-2026-11-29 (3).pdf"
    )


def test_names_are_compared_without_case_as_windows_and_macos_do() -> None:
    assert unique_name("kedut-backup", ".json", ["KEDUT-BACKUP.JSON"]) == "kedut-backup (2).json"


def test_a_folder_name_has_no_suffix_and_a_dot_in_a_name_is_not_one() -> None:
    taken = ["kedut-csv-Dr. Ani-2026-11-29"]
    assert unique_name("kedut-csv-Dr. Ani-2026-11-29", "", taken) == (
        "kedut-csv-Dr. Ani-2026-11-29 (2)"
    )


def test_a_name_is_made_safe_for_every_file_system() -> None:
    assert file_name_part("Ani") == "Ani"
    assert file_name_part("Ani/Budi") == "Ani-Budi"
    assert file_name_part('a\\b:c*d?e"f<g>h|i') == "a-b-c-d-e-f-g-h-i"
    assert file_name_part("tab\there") == "tab-here"
    assert file_name_part("..") == "-"
    assert file_name_part(" Ani. ") == "Ani"
    assert file_name_part("Siti 🌙") == "Siti 🌙"


def test_free_path_looks_in_the_folder(tmp_path: Path) -> None:
    assert (
        free_path(tmp_path / "new", "kedut-report", ".pdf") == tmp_path / "new" / "kedut-report.pdf"
    )
    (tmp_path / "kedut-report.pdf").write_bytes(b"%PDF-")
    assert free_path(tmp_path, "kedut-report", ".pdf") == tmp_path / "kedut-report (2).pdf"
