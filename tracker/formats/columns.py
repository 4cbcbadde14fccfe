"""How each column's cells are read: the converter of every typed column (the others
are text), and a whole column at once when every cell is plainly written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from tracker.formats import cells
from tracker.formats.cells import YES_NO, Converter, ReadOptions

TYPES: dict[str, Converter] = {
    "intensity": cells.whole,
    "duration_s": cells.whole,
    "pain": cells.yes_no,
    "swelling": cells.yes_no,
    "warmth": cells.yes_no,
    "numbness_tingling": cells.yes_no,
    "weakness": cells.yes_no,
    "date": cells.date,
    "sleep_h": cells.number,
    "sleep_quality": cells.whole,
    "water_ml": cells.whole,
    "exercise_min": cells.whole,
    "stress": cells.whole,
    "caffeine_mg": cells.whole,
    "alcohol_units": cells.number,
    "diarrhea": cells.yes_no,
    "calcium_rich_food": cells.yes_no,
    "magnesium_rich_food": cells.yes_no,
    "vitamin_supplement": cells.yes_no,
    "started_on": cells.date,
    "stopped_on": cells.date,
    "helped": cells.whole,
    "created_at": cells.stamp,
    "updated_at": cells.stamp,
    "deleted_at": cells.stamp,
}
BOOLEAN_COLUMNS = frozenset(column for column, kind in TYPES.items() if kind is cells.yes_no)


def fast_column(column: str, texts: Sequence[str], options: ReadOptions) -> list[Any] | None:
    """The whole column converted at C speed when every cell is plainly written (what
    Kedut's own export writes), else None: then it is read cell by cell."""
    kind = TYPES.get(column)
    try:
        if column == "started_at":
            plain = all(texts) and min(map(len, texts)) >= 16
            if plain and {text[10] for text in texts} <= {"T", " "}:
                return list(map(dt.datetime.fromisoformat, texts))
        elif kind is None:
            blank = not all(texts) or (column != "note" and any(map(str.isspace, texts)))
            return None if blank else list(texts)
        elif kind is cells.yes_no:
            flags = list(map(YES_NO.get, texts))
            return None if None in flags else flags
        elif not all(texts):
            return None
        elif kind is cells.whole:
            joined = "".join(texts)
            if joined.isascii() and joined.isdigit():
                return list(map(int, texts))
        elif kind is cells.number and not options.decimal_comma:
            joined = "".join(texts)
            if joined.isascii() and joined.replace(".", "").isdigit():
                return list(map(float, texts))
        elif kind is cells.date and not options.date_format and set(map(len, texts)) == {10}:
            return list(map(dt.date.fromisoformat, texts))
    except ValueError:
        pass  # a cell the column's reader will name
    return None
