"""The PDF page itself: A4, a Unicode font, and the running header and footer (who,
period, generation date, page X of N) on every page."""

from __future__ import annotations

import copy
import io
import math
import threading
import unicodedata
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.enums import WrapMode
from fpdf.fonts import SubsetMap, TTFFont
from fpdf.image_parsing import SETTINGS as IMAGE_SETTINGS

from tracker.i18n import gettext as _

INK = (27, 37, 41)
MUTED = (90, 104, 112)
ACCENT = (14, 114, 118)
ALERT = (176, 46, 39)
RULE = (220, 226, 230)
FONT = "DejaVu"
MISSING_GLYPH = "□"
"""Stands for a character the report's font cannot draw (a CJK or Devanagari letter, a
newer emoji): visible, so nothing a person typed silently disappears."""


def _font_dir() -> Path:
    # matplotlib ships DejaVu Sans, which covers Indonesian, ρ, −, ≥ and the ☐/☑ boxes.
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


# The charts' pixels are deflated at zlib's level 3, not 6: 11 ms a chart instead of
# 27 ms, for a tenth more bytes (level 1 would be 10 ms for half as many more again).
IMAGE_SETTINGS.compression_level = 3

FACES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
UNUSED_TABLES = ("GDEF", "GPOS", "GSUB", "hdmx", "kern", "FFTM", "MATH")
"""Tables fpdf2 drops when it embeds a font (no text shaping): left out of the file each
document reads, so that cutting the font down to the characters used does not decode
them first."""
_parsed: dict[str, tuple[TTFFont, bytes]] = {}
_parsing = threading.Lock()


def _face(style: str, number: int) -> TTFFont:
    """A face of the report's font for one new document. Parsing DejaVu's tables (widths,
    character map) takes 20 ms a face, so each face is parsed once per process and each
    document gets a copy: the parsed tables shared (only read), its own font file (fpdf2
    cuts the file down to the characters used when it writes the document) and its own
    record of the characters used."""
    with _parsing:
        if style not in _parsed:
            scratch = FPDF()
            scratch.add_font(FONT, style, str(_font_dir() / FACES[style]))
            parsed: TTFFont = scratch.fonts[FONT.lower() + style]  # type: ignore[assignment]
            for tag in UNUSED_TABLES:
                if tag in parsed.ttfont:
                    del parsed.ttfont[tag]
            file = io.BytesIO()
            parsed.ttfont.save(file)
            parsed.ttfont.close()
            _parsed[style] = parsed, file.getvalue()
        parsed, file_bytes = _parsed[style]
    face = copy.copy(parsed)
    face.i = number  # the document's font number, as add_font would have given it
    face.ttfont = TTFont(io.BytesIO(file_bytes), recalcTimestamp=False, lazy=True)
    face.subset = SubsetMap(face)
    face.missing_glyphs = []
    face.biggest_size_pt = 0
    face._hbfont = None
    return face


class ReportPDF(FPDF):
    def __init__(self, running_title: str, period: str, generated: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.running_title, self.period, self.generated = running_title, period, generated
        for style in FACES:
            self.fonts[FONT.lower() + style] = _face(style, number=len(self.fonts) + 1)
        self.set_margins(16, 20, 16)
        self.set_auto_page_break(auto=True, margin=18)
        self.set_creator("Kedut")
        self.set_title(running_title)
        self.alias_nb_pages()
        # What both faces a person's text is printed in can draw.
        regular, bold = (self.fonts[FONT.lower() + style] for style in ("", "B"))
        assert isinstance(regular, TTFFont) and isinstance(bold, TTFFont)
        self._drawable = frozenset(regular.cmap) & frozenset(bold.cmap)

    def __enter__(self) -> ReportPDF:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close_fonts()

    def close_fonts(self) -> None:
        """fpdf2 keeps each font's file open through fontTools: close them when the
        document is done, not whenever the collector gets to them (a ResourceWarning at
        a random moment, in whatever code runs then)."""
        for font in self.fonts.values():
            ttfont = getattr(font, "ttfont", None)
            if ttfont is not None:
                ttfont.close()

    def draws_all_of(self, text: str) -> bool:
        return all(ord(char) in self._drawable or char.isspace() for char in text)

    def printable(self, text: str) -> str:
        """`text` with what the font cannot draw made visible (□) and the invisible
        joiners and marks it lacks left out, so a note prints without a gap or a crash.
        Line breaks stay; tabs and other control characters become spaces."""
        out = []
        for char in text.replace("\r\n", "\n").replace("\r", "\n"):
            if char == "\n" or ord(char) in self._drawable:
                out.append(char)
            elif unicodedata.category(char) == "Cc":
                out.append(" ")
            elif unicodedata.category(char) not in ("Cf", "Mn", "Me"):
                out.append(MISSING_GLYPH)
        return "".join(out)

    def header(self) -> None:
        self.set_y(8)
        self.set_font(FONT, "", 8)
        self.set_text_color(*MUTED)
        room = self.epw - self.get_string_width(self.period) - 6
        self.cell(0, 5, self._fitted(self.printable(self.running_title), room), align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, self.period, align="R")
        self.set_draw_color(*RULE)
        self.line(self.l_margin, 14, self.w - self.r_margin, 14)
        self.set_y(20)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, _("Generated {date} by Kedut").format(date=self.generated), align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, _("Page {n} of {total}").format(n=self.page_no(), total="{nb}"), align="R")

    def _fitted(self, text: str, width_mm: float) -> str:
        """`text` shortened with "…" to fit `width_mm` in the current font."""
        if self.get_string_width(text) <= width_mm:
            return text
        while text and self.get_string_width(text + "…") > width_mm:
            text = text[:-1]
        return text.rstrip() + "…"

    def heading(self, text: str, size: float = 14) -> None:
        self.set_font(FONT, "B", size)
        self.set_text_color(*INK)
        lines = self._word_lines(text)
        if lines is None:
            self.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT", align="L")
        for line in lines or ():
            self.cell(0, size * 0.5, line, new_x="LMARGIN", new_y="NEXT", align="L")
        self.ln(1.5)

    def paragraph(
        self, text: str, size: float = 10, colour: tuple[int, int, int] = INK, style: str = ""
    ) -> None:
        """Plain text: never interpreted as markup, so a user's note prints as typed."""
        self.set_font(FONT, style, size)
        self.set_text_color(*colour)
        printable = self.printable(text)
        lines = self._word_lines(printable)
        if lines is not None:
            for line in lines:
                self.cell(0, size * 0.48, line, new_x="LMARGIN", new_y="NEXT", align="L")
            return
        self.multi_cell(
            0,
            size * 0.48,
            printable,
            new_x="LMARGIN",
            new_y="NEXT",
            markdown=False,
            align="L",
            wrapmode=WrapMode.CHAR if _has_unbreakable_run(text) else WrapMode.WORD,
        )

    def _word_lines(self, text: str) -> list[str] | None:
        """The lines `multi_cell` would break `text` into between words, found a word at a
        time: fpdf2 measures the line so far again at every character (≈ 2 ms a
        paragraph, 6 ms a long one). None when only `multi_cell` can lay it out: a line
        break, or a word wider than a line."""
        if "\n" in text or _has_unbreakable_run(text):
            return None
        room = self.w - self.r_margin - self.x - 2 * self.c_margin
        space = self.get_string_width(" ")
        lines: list[str] = []
        words: list[str] = []
        width = 0.0
        for word in text.split(" "):
            wide = self.get_string_width(word)
            if wide > room + 1e-9:
                return None
            if words and width + space + wide > room + 1e-9:
                lines.append(" ".join(words))
                words, width = [word], wide
            else:
                width += (space if words else 0.0) + wide
                words.append(word)
        lines.append(" ".join(words))
        return lines

    def chart(self, image: Any, width_mm: float) -> None:
        """A chart (a Pillow image) at `width_mm`, shrunk to fit what is left of the page,
        or on the next page when it would have to shrink below two thirds."""
        pixels_w, pixels_h = image.size
        height_mm = width_mm * pixels_h / pixels_w
        room = self.h - self.b_margin - self.get_y()
        if height_mm > room:
            if room >= height_mm * 2 / 3:
                width_mm, height_mm = width_mm * room / height_mm, room
            else:
                self.add_page()
        self.image(image, x=self.l_margin, w=width_mm, h=height_mm)
        self.ln(2)

    def table_rows(
        self, headings: list[str], rows: list[list[str]], widths: tuple[float, ...], size: float = 8
    ) -> Any:
        """A table whose last page never holds a lone row: when the last row would be
        alone after a page break, the last two rows start the new page together."""
        if len(rows) > 2 and self._last_row_alone(headings, rows, widths, size):
            self._table(headings, rows[:-2], widths, size)
            self.add_page()
            self._table(headings, rows[-2:], widths, size)
        else:
            self._table(headings, rows, widths, size)

    def _last_row_alone(
        self, headings: list[str], rows: list[list[str]], widths: tuple[float, ...], size: float
    ) -> bool:
        """Whether the table, drawn from here, would leave its last row alone on a page.
        The heading's and a one-line row's heights are measured on a scratch page; each
        row's lines are counted from its cells' widths; the page breaks are then worked
        out as the table draws them (a row that does not fit starts a new page under the
        repeated heading). Drawing the whole table twice would cost a second."""
        scratch = self._scratch()
        scratch.add_page()
        page_top = scratch.y
        scratch._table(headings, [], widths, size)
        heading = scratch.y - page_top
        scratch._table(headings, [["x"] * len(widths)], widths, size)
        one_line = scratch.y - page_top - 2 * heading
        line = size * 0.5
        self.set_font(FONT, "", size)
        columns = [w / sum(widths) * self.epw - 2 * self.c_margin for w in widths]
        y, pages, on_page = self.y + heading, 0, 0
        for row in rows:
            lines = max(
                max(1, math.ceil(self.get_string_width(self.printable(cell)) / room))
                for cell, room in zip(row, columns, strict=False)
            )
            height = one_line + (lines - 1) * line
            if y + height > self.page_break_trigger:
                pages, on_page, y = pages + 1, 0, page_top + heading
            y, on_page = y + height, on_page + 1
        return pages > 0 and on_page == 1

    def _scratch(self) -> ReportPDF:
        """A blank document with this one's page, margins, header and loaded fonts (shared,
        not loaded again), at this one's position on its page."""
        trial = ReportPDF.__new__(ReportPDF)
        FPDF.__init__(trial, orientation="portrait", unit="mm", format="A4")
        trial.running_title, trial.period, trial.generated = (
            self.running_title, self.period, self.generated,
        )  # fmt: skip
        trial.fonts.update(self.fonts)  # the loaded faces, shared
        trial._drawable = self._drawable
        trial.set_margins(self.l_margin, self.t_margin, self.r_margin)
        trial.set_auto_page_break(auto=True, margin=self.b_margin)
        trial.add_page()
        trial.set_y(self.y)
        return trial

    def _table(
        self, headings: list[str], rows: list[list[str]], widths: tuple[float, ...], size: float
    ) -> None:
        from tracker.reports.table import draw_table

        draw_table(self, headings, rows, widths, size)


def _has_unbreakable_run(text: str, longest: int = 60) -> bool:
    """A "word" longer than a line (a pasted link, a key held down) must be broken
    anywhere; other text wraps between words."""
    return any(len(word) > longest for word in text.split())
