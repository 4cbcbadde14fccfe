"""The report's tables, drawn with plain cells."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.reports.document import ACCENT, FONT, INK, RULE

if TYPE_CHECKING:
    from tracker.reports.document import ReportPDF


def draw_table(
    pdf: ReportPDF,
    headings: list[str],
    rows: list[list[str]],
    widths: tuple[float, ...],
    size: float,
) -> None:
    """The look of fpdf2's `table` (horizontal rules, bold accent headings repeated on
    every page, cells middle-aligned, long text wrapped between words), drawn with
    plain cells: fpdf2 lays each cell out twice (once to size the row, once to draw
    it), 0.18 s for 150 rows. Here a cell that fits on one line is measured once
    and drawn as one `cell`; only a cell that wraps is laid out by `multi_cell`."""
    from fpdf.enums import TableBordersLayout

    pdf.set_font(FONT, "", size)
    pdf.set_text_color(*INK)
    pdf.set_draw_color(*RULE)
    line = size * 0.5
    columns = [w / sum(widths) * pdf.epw for w in widths]
    xs = [pdf.l_margin + sum(columns[:j]) for j in range(len(columns))]
    all_rows = [headings, *[[pdf.printable(cell) for cell in row] for row in rows]]
    borders = TableBordersLayout.HORIZONTAL_LINES

    def style(i: int) -> None:
        if i == 0:
            pdf.set_font(FONT, "B", size)
            pdf.set_text_color(*ACCENT)
        else:
            pdf.set_font(FONT, "", size)
            pdf.set_text_color(*INK)

    def lines_of(i: int) -> list[int]:
        style(i)
        counts = []
        for cell, width in zip(all_rows[i], columns, strict=False):
            if not cell:
                counts.append(0)
            elif "\n" not in cell and pdf.get_string_width(cell) <= width - 2 * pdf.c_margin:
                counts.append(1)
            else:
                wrapped = pdf.multi_cell(
                    width, line, cell, max_line_height=line, markdown=False,
                    dry_run=True, output="LINES", padding=0,
                )  # fmt: skip
                assert isinstance(wrapped, list)
                counts.append(len(wrapped))
        return counts

    layout = [lines_of(i) for i in range(len(all_rows))]
    heights = [max(1, *counts) * line for counts in layout]

    def draw(i: int) -> None:
        style(i)
        y = pdf.y
        for j, (cell, width) in enumerate(zip(all_rows[i], columns, strict=False)):
            borders.cell_style_getter(
                row_idx=i, col_idx=j, col_pos=j, num_heading_rows=1,
                num_rows=len(all_rows), num_col_idx=len(columns), num_col_pos=len(columns),
            ).draw_cell_border(pdf, xs[j], y, xs[j] + width, y + heights[i])  # fmt: skip
            if not cell:
                continue
            pdf.set_xy(xs[j], y + (heights[i] - layout[i][j] * line) / 2)
            if layout[i][j] == 1 and "\n" not in cell:
                pdf.cell(width, line, cell, align="L", markdown=False)
            else:
                pdf.multi_cell(
                    width, line, cell, max_line_height=line, markdown=False, padding=0,
                    new_x="RIGHT", new_y="TOP", align="L",
                )  # fmt: skip
        pdf.set_xy(pdf.l_margin, y + heights[i])

    if len(all_rows) > 1:  # the headings never alone at the foot of a page
        pdf._perform_page_break_if_need_be(heights[0] + heights[1])
    for i in range(len(all_rows)):
        if pdf._perform_page_break_if_need_be(heights[i]) and i > 0:
            draw(0)
        draw(i)
    pdf.set_font(FONT, "", size)
    pdf.set_text_color(*INK)
