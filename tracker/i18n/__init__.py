"""Every text Kedut shows a person goes through here: English and Bahasa Indonesia.

A `Language` is an object: its `gettext` and `ngettext` speak that language and nothing
else. Whatever renders text for someone (a chart, the report, a presenter) is handed
one. Inside `with language.speaking():` the shared helpers (`gettext`, `ngettext`, the
labels, the messages) speak it too — for the current thread only (a context variable),
so a report drawn in Indonesian in a worker thread never changes the words of a chart
drawn in English beside it, nor the app's own language.

The app's language (`set_language`) is set where the app or the command line starts
and when the person switches it in Settings, on the UI thread; it is what `gettext`
speaks outside any `speaking()` block.

The catalogues live in `locales/<lang>/LC_MESSAGES/kedut.po` and are compiled to `.mo`
by `make` (Babel). Without a compiled catalogue the English source text is shown, so a
missing build step degrades to English instead of crashing.
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

DOMAIN = "kedut"
LANGUAGES: tuple[str, ...] = ("en", "id")
DEFAULT_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).parent / "locales"


class Language:
    """One language's texts. Immutable and shared: one object per language code."""

    def __init__(self, code: str) -> None:
        if code not in LANGUAGES:
            raise ValueError(f"language: {code!r} is not allowed (allowed: {', '.join(LANGUAGES)})")
        self.code = code
        self._texts = _gettext.translation(
            DOMAIN, localedir=LOCALE_DIR, languages=[code], fallback=True
        )

    @staticmethod
    @cache
    def named(code: str) -> Language:
        """The Language for `code` (one of LANGUAGES)."""
        return Language(code)

    def gettext(self, message: str) -> str:
        return self._texts.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self._texts.ngettext(singular, plural, count)

    @contextmanager
    def speaking(self) -> Iterator[Language]:
        """Within the block, `gettext` and everything built on it speak this language,
        in this thread only."""
        token = _speaking.set(self)
        try:
            yield self
        finally:
            _speaking.reset(token)

    def __repr__(self) -> str:
        return f"Language({self.code!r})"


_speaking: ContextVar[Language | None] = ContextVar("kedut_language", default=None)
_app_language = Language.named(DEFAULT_LANGUAGE)


def set_language(code: str) -> None:
    """Set the app's language (at start-up, or when the person switches it). Worker
    threads never call this: they are handed a Language and speak it."""
    global _app_language
    _app_language = Language.named(code)


def app_language() -> Language:
    return _app_language


def current() -> Language:
    """The language spoken here: the innermost `speaking()` block's, else the app's."""
    return _speaking.get() or _app_language


def current_language() -> str:
    return current().code


def language_from_env(default: str = DEFAULT_LANGUAGE) -> str:
    """`KEDUT_LANG=en|id` overrides the saved language for one run."""
    wanted = os.environ.get("KEDUT_LANG", "").strip().lower()
    return wanted if wanted in LANGUAGES else default


def gettext(message: str) -> str:
    return current().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return current().ngettext(singular, plural, count)


def catalogue_compiled(language: str) -> bool:
    return (LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()
