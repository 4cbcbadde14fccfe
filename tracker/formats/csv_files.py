"""The four CSV files of DESIGN.md's "File formats": writing them (formula injection
neutralised) and reading them back (BOM and Windows line endings accepted).

A file is recognised by its header, whatever its name: columns may come in any order
and any subset that holds the file's key columns, separated by `,` or `;`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tracker.formats.errors import FileFormatError, shown
from tracker.formats.records import FILES, KEYS
from tracker.i18n import gettext as _

__all__ = ["FILES", "FileFormatError", "ReadCsv", "neutralise", "read_csv", "restore", "write_csv"]

# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_GUARD = "'"
# The order files are recognised in: remedies before days (both have `date`).
_RECOGNISED = ("episodes.csv", "medications.csv", "remedies.csv", "days.csv")


def neutralise(text: str) -> str:
    """Prefix a quote to a cell a spreadsheet would run, and to one that already starts
    with the quote, so `restore` can always undo exactly what was added."""
    return _GUARD + text if text.startswith((*_FORMULA_STARTS, _GUARD)) else text


def restore(text: str) -> str:
    return text[1:] if text.startswith(_GUARD) else text


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return repr(value)
    return neutralise(str(value))


def write_csv(columns: Sequence[str], records: Iterable[Mapping[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([_cell(record[name]) for name in columns] for record in records)
    return buffer.getvalue().encode("utf-8")


Row = tuple[int, list[str]]


@dataclass
class ReadCsv:
    """A CSV file as read: its kind, its columns (canonical names, in the file's order),
    the header's own names by column, and its rows, each as its number (as a spreadsheet
    counts it: the header is row 1) and its cells in the order of `columns`."""

    kind: str
    columns: list[str]
    shown: dict[str, str]
    rows: list[Row]
    separator: str


def _separator(first_line: str) -> str:
    return ";" if first_line.count(";") > first_line.count(",") else ","


def _expected(kind: str) -> str:
    return ", ".join(FILES[kind])


def _kind(name: str, header: list[str]) -> str:
    names = set(header)
    for kind in _RECOGNISED:
        if all(key in names for key in KEYS[kind]):
            return kind
    found = ", ".join(shown(h) for h in header if h) or "-"
    reason = _(
        "the first row should name the columns, found {found} (expected: started_at for "
        "episodes; date for days; name and started_on for medications; date and remedy "
        "for remedies)"
    ).format(found=found)
    raise FileFormatError(name, 1, "", reason)


def _check_header(name: str, kind: str, header: list[str], raw: list[str]) -> None:
    seen: set[str] = set()
    for canonical, text in zip(header, raw, strict=True):
        if not canonical:
            continue  # an unnamed column: allowed while it stays empty
        if canonical in seen:
            reason = _("{column} appears twice (expected each column once: {columns})")
            raise FileFormatError(
                name, 1, text, reason.format(column=shown(text), columns=_expected(kind))
            )
        if canonical not in FILES[kind]:
            reason = _("{column} is not a column of {kind} (expected: {columns})")
            raise FileFormatError(
                name,
                1,
                text,
                reason.format(column=shown(text), kind=kind, columns=_expected(kind)),
            )
        seen.add(canonical)


def read_csv(name: str, data: bytes) -> ReadCsv:
    """Recognise the file by its header and read its rows (not yet their values)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        reason = _("the file is not UTF-8 text (byte {byte}); save it as CSV UTF-8").format(
            byte=error.start
        )
        raise FileFormatError(name, 0, "", reason) from None
    separator = _separator(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), strict=True, delimiter=separator)
    try:
        raw = next(reader, None)
        if raw is None:
            raise FileFormatError(name, 1, "", _("the file is empty"))
        header = [column.strip().lower() for column in raw]
        kind = _kind(name, header)
        _check_header(name, kind, header, raw)
        rows = _rows(name, reader, header, guarded=_GUARD in text)
    except csv.Error:
        reason = _("the file is not valid CSV here (an unfinished quote or a stray character)")
        raise FileFormatError(name, reader.line_num, "", reason) from None
    shown_names = {c: t.strip() for c, t in zip(header, raw, strict=True) if c}
    return ReadCsv(kind, [c for c in header if c], shown_names, rows, separator)


def _rows(name: str, reader: Any, header: list[str], guarded: bool) -> list[Row]:
    named = [index for index, column in enumerate(header) if column]
    unnamed = [index for index, column in enumerate(header) if not column]
    width = len(header)
    rows: list[Row] = []
    for number, row in enumerate(reader, start=2):
        if not any(row):
            continue  # a blank line, or one of empty cells a spreadsheet left at the end
        if len(row) != width:
            if not any(cell.strip() for cell in row):
                continue
            reason = _("{found} cells, but the header has {expected} (a broken or cut-off row)")
            raise FileFormatError(name, number, "", reason.format(found=len(row), expected=width))
        if unnamed:
            for index in unnamed:
                if row[index].strip():
                    reason = _("{value} is in a column without a name in the first row")
                    raise FileFormatError(name, number, "", reason.format(value=shown(row[index])))
            row = [row[index] for index in named]
        if guarded and _GUARD in "".join(row):  # only then can a cell start with it
            row = [cell[1:] if cell[:1] == _GUARD else cell for cell in row]
        rows.append((number, row))
    return rows
