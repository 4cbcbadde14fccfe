"""The four CSV files of DESIGN.md's "File formats": writing them (formula injection
neutralised) and reading them back (BOM and Windows line endings accepted)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from tracker.formats.records import DAY_COLUMNS, EPISODE_COLUMNS, MEDICATION_COLUMNS, REMEDY_COLUMNS

FILES: dict[str, tuple[str, ...]] = {
    "episodes.csv": EPISODE_COLUMNS,
    "days.csv": DAY_COLUMNS,
    "medications.csv": MEDICATION_COLUMNS,
    "remedies.csv": REMEDY_COLUMNS,
}
# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_GUARD = "'"


class FileFormatError(ValueError):
    """A file Kedut cannot import, with where (file, row, column) and why."""

    def __init__(self, file: str, row: int, column: str, reason: str) -> None:
        self.file, self.row, self.column, self.reason = file, row, column, reason
        super().__init__(file, row, column, reason)

    def __str__(self) -> str:
        where = f"{self.file}, row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.reason}"


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
    for record in records:
        writer.writerow([_cell(record[name]) for name in columns])
    return buffer.getvalue().encode("utf-8")


Row = tuple[int, dict[str, str]]


def read_csv(name: str, data: bytes) -> tuple[str, list[Row]]:
    """Recognise the file by its header; returns (file kind, rows), each row as its
    number (as a spreadsheet shows it: the header is row 1) and column → text."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileFormatError(name, 0, "", f"not UTF-8 text (byte {error.start})") from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise FileFormatError(name, 1, "", "the file is empty")
        kind = next((k for k, cols in FILES.items() if list(cols) == header), None)
        if kind is None:
            expected = " | ".join(f"{k}: {','.join(c)}" for k, c in FILES.items())
            found = ",".join(header)
            raise FileFormatError(
                name, 1, "", f"unknown header {found!r}; expected one of {expected}"
            )
        rows = []
        for number, row in enumerate(reader, start=2):
            if not row:
                continue  # a blank line, e.g. at the end
            if len(row) != len(header):
                reason = f"{len(row)} cells, expected {len(header)} (truncated or broken row)"
                raise FileFormatError(name, number, "", reason)
            rows.append(
                (number, {col: restore(cell) for col, cell in zip(header, row, strict=True)})
            )
    except csv.Error as error:
        raise FileFormatError(name, reader.line_num, "", f"broken CSV ({error})") from None
    return kind, rows
