"""Every text Kedut shows a person goes through here: English and Bahasa Indonesia.

The catalogues live in `locales/<lang>/LC_MESSAGES/kedut.po` and are compiled to `.mo`
by `make` (Babel). Without a compiled catalogue the English source text is shown, so a
missing build step degrades to English instead of crashing.
"""

from __future__ import annotations

import gettext as _gettext
import os
from pathlib import Path

DOMAIN = "kedut"
LANGUAGES: tuple[str, ...] = ("en", "id")
DEFAULT_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).parent / "locales"

_translations: dict[str, _gettext.NullTranslations] = {}
_current = DEFAULT_LANGUAGE


def _load(language: str) -> _gettext.NullTranslations:
    if language not in _translations:
        _translations[language] = _gettext.translation(
            DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True
        )
    return _translations[language]


def set_language(language: str) -> None:
    """Switch every later lookup to `language` (one of LANGUAGES)."""
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"language: {language!r} is not allowed (allowed: {', '.join(LANGUAGES)})")
    _current = language


def current_language() -> str:
    return _current


def language_from_env(default: str = DEFAULT_LANGUAGE) -> str:
    """`KEDUT_LANG=en|id` overrides the saved language for one run."""
    wanted = os.environ.get("KEDUT_LANG", "").strip().lower()
    return wanted if wanted in LANGUAGES else default


def gettext(message: str) -> str:
    return _load(_current).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _load(_current).ngettext(singular, plural, count)


def catalogue_compiled(language: str) -> bool:
    return (LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()
