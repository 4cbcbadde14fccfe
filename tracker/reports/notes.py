"""Notes in the report: any note the diary allows (up to 2,000 characters, any number of
lines, any Unicode) fits. The episode table shows a note whole when it is short and on
one line; otherwise it shows the start with a visible "…" and a number, and the note is
printed in full, as typed, in "Notes in full" after the table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tracker.domain import Episode
from tracker.i18n import gettext as _
from tracker.labels import place_label, short_date
from tracker.reports.document import MUTED, ReportPDF

CELL_CHARS = 90
"""At most this much of a note goes into its table cell (about three lines)."""


@dataclass(frozen=True)
class LongNote:
    number: int
    episode: Episode


def table_cell(note: str | None, number: int) -> tuple[str, bool]:
    """(what the table shows, whether the note must be printed in full elsewhere)."""
    if not note:
        return "", False
    flat = " ".join(note.split())
    if flat == note.strip() and len(flat) <= CELL_CHARS:
        return flat, False
    marker = "… " + _("(note {n})").format(n=number)
    head = flat[: CELL_CHARS - len(marker)]
    if 0 < CELL_CHARS - len(marker) - head.rfind(" ") < 15:  # end on a word when one is near
        head = head[: head.rfind(" ")]
    return head.rstrip() + marker, True


def notes_in_full(pdf: ReportPDF, notes: Sequence[LongNote]) -> None:
    """Every note the table had to cut, as typed: its lines kept, wrapped to the page and
    running onto the next pages when it is long."""
    if not notes:
        return
    pdf.ln(4)
    pdf.heading(_("Notes in full"), 13)
    for long_note in notes:
        episode = long_note.episode
        when = short_date(episode.local_date) + " " + episode.local_started_at.strftime("%H:%M")
        where = place_label(episode.body_site, episode.side)
        pdf.paragraph(f"({long_note.number}) {when} · {where}", 9, MUTED, "B")
        pdf.paragraph(episode.note or "", 9)
        pdf.ln(2)
