"""Issue 12: every refusal a person can read names the field by the label they see, in
their language, never by its internal name, and never in Python's words; an Indonesian
message has no English in it.

The walk: every field of every record (from the catalogue of fields), each refused with
a bad value of its kind; every unusual-value note; every typed command-line option; in
English and in Indonesian."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from babel.messages.pofile import read_po

from tracker.cli import build_parser
from tracker.domain import (
    DayLog,
    Episode,
    Medication,
    Profile,
    RemedyUse,
    Settings,
    ValidationError,
    unusual_values,
)
from tracker.fields import FIELDS, FieldKind, field_label
from tracker.i18n import LOCALE_DIR, Language, catalogue_compiled

DAY = dt.date(2026, 11, 25)
RECORDS: dict[type, Callable[..., object]] = {
    Episode: lambda **v: Episode(
        **{"started_at": dt.datetime(2026, 11, 25, tzinfo=dt.UTC), "utc_offset_min": 0, **v}
    ),
    DayLog: lambda **v: DayLog(**{"date": DAY, **v}),
    Medication: lambda **v: Medication(
        **{"name": "Furosemide", "kind": "diuretic", "started_on": DAY, **v}
    ),
    RemedyUse: lambda **v: RemedyUse(**{"date": DAY, "remedy": "rest", **v}),
    Profile: lambda **v: Profile(**{"name": "Ani", **v}),
    Settings: lambda **v: Settings(**v),
}
NOT_CHECKED = {"created_at"}  # set by Kedut, never typed
PYTHON_WORDS = (
    "invalid literal",
    "isoformat",
    "int()",
    "float()",
    "base 10",
    "Traceback",
    "Error:",
)
INTERNAL_NAMES = sorted(name for name in FIELDS if "_" in name)


def _bad_value(kind: FieldKind, high: float | None) -> Any:
    return {
        FieldKind.WHOLE: (high or 0) + 1,
        FieldKind.NUMBER: (high or 0) + 0.5,
        FieldKind.CHOICE: "sideways",
        FieldKind.YES_NO: "maybe",
        FieldKind.TEXT: "x" * 5000,
        FieldKind.DATE: dt.date(1800, 1, 1),
        FieldKind.MOMENT: dt.datetime(2026, 11, 25, 9, 0),  # noqa: DTZ001 - no offset on purpose
        FieldKind.TIME: "25:99",
        FieldKind.ID: "not-an-id",
    }[kind]


def refusals() -> Iterator[tuple[str, str, Callable[[], object]]]:
    """(field, how it was refused, a call that raises ValidationError) for every field."""
    for record, make in RECORDS.items():
        for field in dataclasses.fields(record):
            entry = FIELDS.get(field.name)
            if entry is None or field.name in NOT_CHECKED:
                continue
            bad = _bad_value(entry.kind, entry.high)
            if field.name in ("updated_at", "deleted_at"):
                bad = dt.datetime(2026, 11, 25)  # noqa: DTZ001
            yield field.name, record.__name__, functools.partial(make, **{field.name: bad})

    def stopped() -> object:
        return RECORDS[Medication](stopped_on=dt.date(2026, 11, 1))

    yield "stopped_on", "Medication before it started", stopped


def _english_only_words() -> set[str]:
    with (LOCALE_DIR / "id" / "LC_MESSAGES" / "kedut.po").open("rb") as handle:
        catalogue = read_po(handle, locale="id")
    english: set[str] = set()
    indonesian: set[str] = set()
    for entry in catalogue:
        if not entry.id:
            continue
        ids = [str(text) for text in (entry.id if isinstance(entry.id, tuple) else (entry.id,))]
        strings = [
            str(text or "")
            for text in (entry.string if isinstance(entry.string, tuple) else (entry.string,))
        ]
        for text in ids:
            english |= set(re.findall(r"[A-Za-z]{3,}", re.sub(r"\{[^}]*\}", "", text)))
        for text in strings:
            indonesian |= set(re.findall(r"[A-Za-z]{3,}", re.sub(r"\{[^}]*\}", "", text)))
    return {word.lower() for word in english} - {word.lower() for word in indonesian}


ENGLISH_ONLY = _english_only_words()


def _check(message: str, label: str, language: str, kind: FieldKind | None = None) -> None:
    assert message.startswith(label + ":"), message
    for name in INTERNAL_NAMES:
        assert not re.search(rf"\b{name}\b", message), (name, message)
    for words in PYTHON_WORDS:
        assert words not in message, message
    if language == "id":
        text = re.sub(r"'[^']*'", "", message)  # the value as the person typed it
        if kind is FieldKind.CHOICE:  # the values themselves are what one types: knee, left…
            text = text.split("(yang diizinkan:")[0]
        english = {w for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() in ENGLISH_ONLY}
        assert not english, (english, message)


@pytest.fixture(params=["en", "id"])
def language(request: pytest.FixtureRequest) -> Iterator[Language]:
    assert catalogue_compiled("id"), "run `make catalogues` first"
    with Language.named(request.param).speaking() as spoken:
        yield spoken


CASES = list(refusals())


@pytest.mark.parametrize(("name", "where", "refuse"), CASES, ids=[f"{w}.{n}" for n, w, _r in CASES])
def test_every_refusal_names_the_label_in_the_persons_language(
    name: str, where: str, refuse: Callable[[], object], language: Language
) -> None:
    with pytest.raises(ValidationError) as refused:
        refuse()
    assert refused.value.field == name  # the forms and files still find the field by name
    _check(str(refused.value), field_label(name), language.code, FIELDS[name].kind)


UNUSUAL = [
    DayLog(date=DAY, sleep_h=3),
    DayLog(date=DAY, sleep_h=13),
    DayLog(date=DAY, water_ml=4500, caffeine_mg=700, alcohol_units=20, exercise_min=300),
    Episode(started_at=dt.datetime(2026, 11, 25, tzinfo=dt.UTC), utc_offset_min=0, duration_s=4000),
]


@pytest.mark.parametrize("record", UNUSUAL, ids=range(len(UNUSUAL)))
def test_every_unusual_value_note_names_the_label(record: object, language: Language) -> None:
    notes = unusual_values(record)
    assert notes
    for note in notes:
        _check(str(note), field_label(note.field), language.code)


def _typed_options() -> Iterator[tuple[str, argparse.Action]]:
    def walk(parser: argparse.ArgumentParser, path: str) -> Iterator[tuple[str, argparse.Action]]:
        for action in parser._actions:  # argparse keeps no public list of options
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield from walk(sub, f"{path} {name}".strip())
            elif callable(action.type) and action.option_strings:
                yield f"{path} {action.option_strings[0]}", action

    yield from walk(build_parser(), "")


TYPED = list(_typed_options())


def test_the_command_line_has_typed_options_to_check() -> None:
    assert {"log twitch --at", "log day --water-ml", "log day --date", "log day --sleep-h"} <= {
        where for where, _action in TYPED
    }


@pytest.mark.parametrize(("where", "action"), TYPED, ids=[w for w, _a in TYPED])
@pytest.mark.parametrize("code", ["en", "id"])
def test_every_typed_option_refuses_in_the_persons_words(
    where: str, action: argparse.Action, code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEDUT_LANG", code)
    assert callable(action.type)
    with pytest.raises(argparse.ArgumentTypeError) as refused:
        action.type("9x9")
    message = str(refused.value)
    assert message.startswith("'9x9' ")
    for words in PYTHON_WORDS:
        assert words not in message
    if code == "id":
        english = {w for w in re.findall(r"[A-Za-z]{3,}", message) if w.lower() in ENGLISH_ONLY}
        assert not english, (english, message)
        assert "bukan" in message
