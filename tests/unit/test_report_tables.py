"""A report table never leaves one lone row on its last page."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tracker.reports.document import ReportPDF

HEADINGS = ["Day", "What"]
WIDTHS = (40.0, 120.0)


def _pages(rows: int, keep_together: bool = True) -> list[str]:
    with ReportPDF("Kedut", "1–30 Nov 2026", "30 Nov 2026") as pdf:
        pdf.add_page()
        table = [[f"row{n:03d}", "a twitch at the knee"] for n in range(rows)]
        if keep_together:
            pdf.table_rows(HEADINGS, table, WIDTHS)
        else:
            pdf._table(HEADINGS, table, WIDTHS, 8)
        reader = PdfReader(io.BytesIO(bytes(pdf.output())))
    return [page.extract_text() for page in reader.pages]


def _lone_row_count() -> int:
    """How many rows fill the first page exactly, plus one: the case of a lone row."""
    return _pages(200, keep_together=False)[0].count("row") + 1


def test_the_last_page_of_a_table_never_holds_a_single_row() -> None:
    rows = _lone_row_count()
    plain = _pages(rows, keep_together=False)
    assert plain[-1].count("row") == 1  # the case exists without the rule
    pages = _pages(rows)
    assert len(pages) == 2
    assert pages[-1].count("row") == 2
    assert sum(page.count("row") for page in pages) == rows  # every row, once


def _document(text: str) -> str:
    with ReportPDF("Kedut", "1–30 Nov 2026", "30 Nov 2026") as pdf:
        pdf.add_page()
        pdf.paragraph(text)
        pdf.paragraph(text, style="B")
        pdf.paragraph(text, style="I")
        reader = PdfReader(io.BytesIO(bytes(pdf.output())))
    return " ".join(reader.pages[0].extract_text().split())


def test_documents_share_the_parsed_font_but_not_the_characters_they_use() -> None:
    """The font's tables are parsed once; each document embeds only its own characters,
    so a document made after (or beside) another still shows, and copies, its text."""
    from concurrent.futures import ThreadPoolExecutor

    texts = ["Sari: ρ −0,49 ≥ 30 hari ☑", "Zoë kedutan lutut kiri ☐ → ∞", "plain ASCII 0123"]

    def shown(pages: list[str], asked: list[str]) -> bool:
        return all(
            f"Kedut 1–30 Nov 2026 {' '.join([text] * 3)} Generated 30 Nov 2026" in page
            for page, text in zip(pages, asked, strict=True)
        )

    assert shown([_document(t) for t in texts], texts)
    with ThreadPoolExecutor(3) as pool:
        assert shown(list(pool.map(_document, texts * 2)), texts * 2)


def test_a_table_drawn_with_plain_cells_repeats_its_headings_and_wraps_long_text() -> None:
    """The episode table is drawn cell by cell (fpdf2's table laid each cell out twice):
    every page still starts with the headings, and long or many-line notes print whole."""
    long_note = "the knee twitched after a long run " * 4
    rows = [
        [f"row{n:03d}", long_note if n % 10 == 0 else ("one\ntwo\nthree" if n % 7 == 0 else "")]
        for n in range(120)
    ]
    with ReportPDF("Kedut", "1–30 Nov 2026", "30 Nov 2026") as pdf:
        pdf.add_page()
        pdf.table_rows(["Tanggal", "Catatan"], rows, WIDTHS)
        reader = PdfReader(io.BytesIO(bytes(pdf.output())))
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) > 1
    assert all(page.count("Tanggal") == 1 and "Catatan" in page for page in pages)
    text = " ".join(" ".join(pages).split())
    assert text.count(" ".join(long_note.split())) == 12
    assert text.count("one two three") == len([n for n in range(120) if n % 7 == 0 and n % 10])
    assert sum(page.count("row") for page in pages) == 120
