"""argparse in the person's language: its refusals ("the following arguments are
required", "invalid choice", "expected one argument" …) and the "usage:" and "error:"
around them are said in Kedut's words, through Kedut's catalogue, exit 2 as before.

argparse formats its messages in English before `error()` sees them; the few shapes it
uses are matched here and said again (an unknown shape is shown as it is)."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import NoReturn

from tracker.cli import output
from tracker.i18n import gettext as _
from tracker.i18n import language_from_env, set_language

# argparse's message shapes (Python 3.11–3.13), each with Kedut's way of saying it.
_SHAPES: tuple[tuple[str, Callable[[], str]], ...] = (
    (
        r"the following arguments are required: (?P<names>.+)",
        lambda: _("these are required: {names}"),
    ),
    (
        r"argument (?P<argument>\S+): invalid choice: (?P<value>.+?) "
        r"\(choose from (?P<choices>.+)\)",
        lambda: _("{argument}: {value} is not one of the choices ({choices})"),
    ),
    (r"argument (?P<argument>\S+): expected one argument", lambda: _("{argument} needs a value")),
    (
        r"argument (?P<argument>\S+): not allowed with argument (?P<other>\S+)",
        lambda: _("{argument} cannot be used together with {other}"),
    ),
    (
        r"unrecognized arguments: (?P<words>.+)",
        lambda: _("Kedut does not know these options or words: {words}"),
    ),
    (
        r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)",
        lambda: _("{option} is ambiguous: it could be {matches}"),
    ),
    (r"argument (?P<argument>\S+): (?P<message>.+)", lambda: "{argument}: {message}"),
)


def in_words(message: str) -> str:
    """argparse's English refusal, said in the current language."""
    for pattern, text in _SHAPES:
        found = re.fullmatch(pattern, message, re.DOTALL)
        if found is not None:
            return text().format(**found.groupdict())
    return message


class UsageFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: object,
        groups: object,
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)  # type: ignore[arg-type]


class KedutArgumentParser(argparse.ArgumentParser):
    """Every subcommand's parser is one too (argparse makes them of the same class)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", UsageFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def _get_value(self, action: argparse.Action, arg_string: str) -> object:
        # A choice is read as typed ("Rest", " LEFT "): without case or spaces around.
        # (argparse's hook between the text and the check against `choices`.)
        # Not a subcommand's: that one is handed every word after it (names, notes).
        plain = action.nargs not in (argparse.PARSER, argparse.REMAINDER)
        if plain and action.choices is not None and action.type is None:
            return arg_string.strip().lower()
        return super()._get_value(action, arg_string)

    def error(self, message: str) -> NoReturn:
        set_language(language_from_env())
        self.print_usage(sys.stderr)
        output.error(in_words(message), prog=self.prog)
        sys.exit(2)
