"""Text in any script: a note or a name with emoji, Chinese, Japanese or Korean is shown
as typed, not as empty boxes. DejaVu Sans (the app's font) draws Latin, Greek, Cyrillic
and many symbols; Symbola draws emoji and other symbols; Droid Sans Fallback draws CJK.
A label gets markup that switches font for the characters DejaVu lacks; a text field
(one font only) takes the font that draws most of its characters. No Kivy here."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from tracker.ui.assets import font_path

MAIN = "Kedut"
# (registered font name, file name) in the order they are tried.
FALLBACKS = (("KedutSymbols", "Symbola.ttf"), ("KedutCJK", "DroidSansFallbackFull.ttf"))
MAIN_FILE = "DejaVuSans.ttf"
SURELY_DRAWN = 0x0530  # below this (Latin, Greek, Cyrillic), DejaVu draws everything


def _plain(text: str) -> bool:
    return all(ord(ch) < SURELY_DRAWN for ch in text)


@cache
def _coverage(path: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # only when a text needs it

    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


def coverages() -> dict[str, frozenset[int]]:
    """Each font's characters, by registered name (read once, when first needed)."""
    found = {MAIN: _coverage(str(font_path(MAIN_FILE)))}
    for name, file in FALLBACKS:
        found[name] = _coverage(str(font_path(file)))
    return found


def escape(text: str) -> str:
    """Kivy markup's own escapes, so typed brackets stay text."""
    return text.replace("&", "&amp;").replace("[", "&bl;").replace("]", "&br;")


def font_for(ch: str, fonts: Mapping[str, frozenset[int]]) -> str:
    code = ord(ch)
    if code in fonts[MAIN] or ch.isspace():
        return MAIN
    return next((name for name, chars in fonts.items() if code in chars), MAIN)


def markup_for(text: str) -> str | None:
    """None when the app's font draws all of `text` (then no markup at all); else the
    text, escaped, with [font=…] around each run the app's font cannot draw."""
    if _plain(text):
        return None
    fonts = coverages()
    runs: list[tuple[str, str]] = []
    for ch in text:
        name = font_for(ch, fonts)
        if runs and runs[-1][0] == name:
            runs[-1] = (name, runs[-1][1] + ch)
        else:
            runs.append((name, ch))
    if all(name == MAIN for name, _chunk in runs):
        return None
    return "".join(
        escape(chunk) if name == MAIN else f"[font={name}]{escape(chunk)}[/font]"
        for name, chunk in runs
    )


def field_font(text: str) -> str:
    """The one font a text field uses: the app's own unless another draws more of it."""
    if _plain(text):
        return MAIN
    fonts = coverages()
    drawn = {name: sum(ord(ch) in chars for ch in text) for name, chars in fonts.items()}
    best = max(drawn, key=lambda name: (drawn[name], name == MAIN))
    return best if drawn[best] > drawn[MAIN] else MAIN
