"""CSV files of the diary apps, read the same way: UTF-8 with or without a byte-order
mark, rows numbered as a spreadsheet counts them (the header is row 1), and a damaged
file refused with its row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from tracker.formats.sources.batch import SourceFormatError
from tracker.formats.sources.inputs import Container, Member, Meter
from tracker.i18n import gettext as _

LARGEST = 256 << 20  # a diary app's CSV is a few MB; more is not one


def first_rows(head: bytes, size: int, count: int = 3) -> list[list[str]]:
    """The first rows in a file's first `size` bytes (to recognise it); [] for no CSV."""
    lines = head.decode("utf-8-sig", errors="replace").splitlines()
    if len(head) >= size and lines:
        lines = lines[:-1]  # the last line may be cut short
    try:
        return [row for row in csv.reader(lines[:count]) if row][:count]
    except csv.Error:
        return []


def read_text(container: Container, member: Member, meter: Meter) -> str:
    label = container.label(member)
    if member.size > LARGEST:
        raise SourceFormatError(label, _("this file is far larger than a diary app's export"))
    data = container.read_all(member, meter)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = data[: error.start].count(b"\n") + 1
        raise SourceFormatError(label, _("this is not UTF-8 text"), row=row) from None


def rows(label: str, text: str, width: int | None = None) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) of every non-empty row after the header; every row must have
    the header's number of cells (`width`: that number, when the caller knows it)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            return
        columns = width or len(header)
        number = reader.line_num
        for cells in reader:
            number += 1
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != columns:
                reason = _("this row has {cells} cells, the header has {columns}").format(
                    cells=len(cells), columns=columns
                )
                raise SourceFormatError(label, reason, row=number)
            yield number, cells
    except csv.Error:
        reason = _("the file is damaged here (broken CSV)")
        raise SourceFormatError(label, reason, row=reader.line_num) from None
