"""A day and a month's name as Daylio's older exports write them ("18 May", "May 18",
"18. Mai", "18 de mayo", "5月18日"), in the languages Daylio is most used in. Month names
are compared without accents and case, whole or by a beginning of 3 or 4 letters."""

from __future__ import annotations

import re
import unicodedata

# Each language's months, January first (only the first three letters are compared).
_MONTHS = (
    "january february march april may june july august september october november december",
    "januari februari maret april mei juni juli agustus september oktober november desember",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "januari februari maart april mei juni juli augustus september oktober november december",
)
_NUMERIC = re.compile(r"(\d{1,2})\s*(?:月|월)\s*(\d{1,2})")  # Chinese, Japanese, Korean


def _fold(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in plain if not unicodedata.combining(c))


def _table() -> dict[str, int]:
    """Whole names, and the 3- and 4-letter beginnings that mean one month in every
    language ("mar" is March everywhere; "jui" is June or July in French, so it is left
    out and "juin", "juil" are kept)."""
    table: dict[str, int] = {}
    starts: dict[str, set[int]] = {}
    for language in _MONTHS:
        for number, name in enumerate(language.split(), start=1):
            table[_fold(name)] = number
            for size in (3, 4):
                starts.setdefault(_fold(name)[:size], set()).add(number)
    for start, numbers in starts.items():
        if len(numbers) == 1:
            table.setdefault(start, numbers.pop())
    return table


_BY_NAME = _table()


def day_and_month(text: str) -> tuple[int, int] | None:
    """(day, month) from a cell such as "18 May"; None when it cannot be told."""
    found = _NUMERIC.search(text)
    if found:
        return int(found.group(2)), int(found.group(1))
    days = re.findall(r"\d{1,2}", text)
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) >= 3]
    months = {_BY_NAME[_fold(w)] for w in words if _fold(w) in _BY_NAME}
    if len(days) != 1 or len(months) != 1:
        return None
    return int(days[0]), months.pop()
