"""Issue 5, in process: any note the model allows lays out, whatever its length, lines
and characters; the table cuts visibly and the full text follows the table."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain import Episode
from tracker.reports.document import ReportPDF
from tracker.reports.notes import CELL_CHARS, notes_in_full, table_cell
from tracker.reports.sections import episodes_table

START = dt.datetime(2026, 11, 25, 3, 0, tzinfo=dt.UTC)
any_char = st.characters(exclude_categories=["Cs"], exclude_characters="\x00")
notes = st.one_of(
    st.text(any_char, max_size=2000),
    st.lists(st.text(any_char, max_size=40), max_size=120).map("\n".join).map(lambda t: t[:2000]),
    st.integers(1, 2000).map(lambda n: "x" * n),
)


def _episode(note: str | None, minutes: int = 0) -> Episode:
    return Episode(started_at=START + dt.timedelta(minutes=minutes), utc_offset_min=420, note=note)


def _lay_out(episodes: list[Episode]) -> bytes:
    with ReportPDF("Twitching diary of Ani", "1 – 25 November 2026", "25 November 2026") as pdf:
        notes_in_full(pdf, episodes_table(pdf, episodes, len(episodes)))
        return bytes(pdf.output())


@settings(max_examples=40, deadline=None)
@given(st.lists(notes, min_size=1, max_size=3))
def test_any_note_lays_out(texts: list[str]) -> None:
    episodes = [_episode(text, minutes) for minutes, text in enumerate(texts)]
    assert _lay_out(episodes).startswith(b"%PDF-")


def test_a_short_one_line_note_stays_whole_in_the_table() -> None:
    assert table_cell("after futsal", 1) == ("after futsal", False)
    assert table_cell(None, 1) == ("", False)


def test_a_long_or_many_line_note_is_cut_visibly_and_numbered() -> None:
    cell, cut = table_cell("word " * 400, 3)
    assert cut and cell.endswith("… (note 3)") and len(cell) <= CELL_CHARS
    cell, cut = table_cell("first line\nsecond line", 4)
    assert (cell, cut) == ("first line second line… (note 4)", True)


def test_seventy_lines_and_a_full_page_of_text_run_onto_the_next_pages() -> None:
    many = "\n".join(f"line {i}" for i in range(70))
    with ReportPDF("Twitching diary of Ani", "1 – 25 November 2026", "25 November 2026") as pdf:
        notes_in_full(pdf, episodes_table(pdf, [_episode(many), _episode("w " * 1000, 1)], 2))
        assert pdf.page_no() >= 2


words = st.text(st.sampled_from("aiklmwWM.,–()ąé□☑ "), min_size=0, max_size=24)


@settings(max_examples=60, deadline=None)
@given(st.lists(words, min_size=1, max_size=60).map(" ".join), st.sampled_from([8, 10, 11, 17]))
def test_paragraph_lines_break_where_multi_cell_breaks_them(text: str, size: int) -> None:
    """Paragraphs are broken into lines a word at a time (fpdf2 measured the line again
    at every character, ≈ 2 ms a paragraph): the same lines as fpdf2's own."""
    with ReportPDF("Twitching diary of Ani", "1 – 25 November 2026", "25 November 2026") as pdf:
        pdf.add_page()
        pdf.set_font("DejaVu", "", size)
        ours = pdf._word_lines(text)
        theirs = pdf.multi_cell(0, 5, text, dry_run=True, output="LINES", markdown=False)
    assert ours == theirs
