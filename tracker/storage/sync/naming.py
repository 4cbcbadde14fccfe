"""Telling two live profiles of one household apart by name (matched by uuid, never by
name): the second gets " (2)", " (3)" …, counted from the name without such a mark, so
that a "Me (2)" that meets another "Me (2)" becomes "Me (3)", never "Me (2) (2)"."""

from __future__ import annotations

import re
from collections.abc import Collection

NAME_MAX = 60
"""A profile name's longest length (characters), as the models allow."""
_MARK = re.compile(r" \((\d+)\)$")


def free_name(name: str, taken: Collection[str]) -> str:
    """`name`, or the first "name (n)" not in `taken` (compared without case)."""
    lowered = {t.lower() for t in taken}
    if name.lower() not in lowered:
        return name
    base = _MARK.sub("", name)
    count = 1
    while True:
        count += 1
        suffix = f" ({count})"
        candidate = base[: NAME_MAX - len(suffix)] + suffix
        if candidate.lower() not in lowered:
            return candidate
