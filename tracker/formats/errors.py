"""Why a file cannot be imported, in the person's words: the file, the row as a
spreadsheet counts it (the header is row 1) or the entry of a backup, the column as the
file names it, and the reason with what is allowed."""

from __future__ import annotations

from tracker.i18n import gettext as _


class FileFormatError(ValueError):
    """A file Kedut cannot import, with where (file, row, column) and why.

    `row` 0 means the file as a whole; `unit` is "row" for CSV files and "entry" for
    the lists of a JSON backup."""

    def __init__(self, file: str, row: int, column: str, reason: str, unit: str = "row") -> None:
        self.file, self.row, self.column, self.reason, self.unit = file, row, column, reason, unit
        super().__init__(file, row, column, reason)

    def __str__(self) -> str:
        if self.row and self.unit == "entry":
            where = _("{file}, entry {row}").format(file=self.file, row=self.row)
        elif self.row:
            where = _("{file}, row {row}").format(file=self.file, row=self.row)
        else:
            where = self.file
        if self.column:
            where = _("{where}, column {column}").format(where=where, column=self.column)
        return f"{where}: {self.reason}"


def shown(text: str, limit: int = 40) -> str:
    """A cell's text as a message quotes it: in quotes, shortened when long."""
    flat = text if len(text) <= limit else text[: limit - 1] + "…"
    return f"'{flat}'"
