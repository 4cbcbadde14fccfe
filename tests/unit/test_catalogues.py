"""Every text in the source has an Indonesian translation with the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from tracker.i18n import LOCALE_DIR

TRACKER = Path(__file__).resolve().parents[2] / "tracker"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def _source_messages() -> set[str]:
    found: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(TRACKER), keywords=KEYWORDS, comment_tags=()
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def _catalogue(language: str) -> dict[str, str]:
    with (LOCALE_DIR / language / "LC_MESSAGES" / "kedut.po").open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    translations: dict[str, str] = {}
    for entry in catalogue:
        if entry.id:
            key = entry.id[0] if isinstance(entry.id, tuple) else entry.id
            text = entry.string[0] if isinstance(entry.string, tuple) else entry.string
            translations[str(key)] = str(text)
    return translations


def test_every_source_text_is_translated_to_indonesian() -> None:
    indonesian = _catalogue("id")
    untranslated = sorted(m for m in _source_messages() if not indonesian.get(m))
    assert untranslated == [], "add these to locales/id/LC_MESSAGES/kedut.po (make pot)"


def test_translations_keep_every_placeholder() -> None:
    for source, translated in _catalogue("id").items():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translated)), (
            source
        )


def test_the_english_catalogue_knows_every_source_text() -> None:
    assert _source_messages() <= set(_catalogue("en"))
