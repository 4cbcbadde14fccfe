"""What the command line prints: errors and notices on stderr, results on stdout."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from tracker.formats.csv_files import neutralise
from tracker.i18n import gettext as _

PROG = "kedut"


def error(message: str, prog: str = PROG) -> None:
    print(_("{prog}: error: {message}").format(prog=prog, message=message), file=sys.stderr)


def notice(message: str) -> None:
    print(_("{prog}: note: {message}").format(prog=PROG, message=message), file=sys.stderr)


def print_json(document: Any) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_csv(columns: Sequence[str], records: Iterable[Mapping[str, Any]]) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: _cell(record.get(key)) for key in columns})


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, str):  # a note "=HYPERLINK(…)" must not run in a spreadsheet
        return neutralise(value)
    return str(value)


def print_table(
    title: str, headers: Sequence[str], rows: Sequence[Sequence[str]], shorten: bool = True
) -> None:
    """A plain aligned table; long cells (notes) are shortened to keep one line a row."""
    print(f"{title} ({len(rows)})")
    if not rows:
        print("  (none)")
        return
    cells = [[_shorten(cell) if shorten else cell for cell in row] for row in rows]
    widths = [max(len(h), *(len(row[i]) for row in cells)) for i, h in enumerate(headers)]
    print("  " + "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in cells:
        print("  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def _shorten(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
