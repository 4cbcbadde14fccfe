"""The options of `log`, `edit`, `delete`, `undelete` and `profiles`, and how a field
named in an error is shown as the option the person typed.

Parsing turns text into typed values; the domain and the services decide what is in
range, so the command line and the app refuse the same values with the same message.
`edit` takes the same options as `log`: an option left out keeps what was stored.
"""

from __future__ import annotations

import argparse
import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from tracker.domain import (
    DAY_FLAGS,
    BodySite,
    ExerciseIntensity,
    MedicationKind,
    Remedy,
    Side,
    TwitchContext,
)
from tracker.fields import field_label
from tracker.i18n import Language, language_from_env
from tracker.i18n import gettext as _


def _values(enum_type: Any) -> list[str]:
    return [member.value for member in enum_type]


def _typed(
    kind: Callable[[], str], convert: Callable[[str], Any], example: str
) -> Callable[[str], Any]:
    """An argparse type whose refusal speaks the person's words and language
    (KEDUT_LANG), never Python's."""

    def parse(text: str) -> Any:
        try:
            return convert(text)
        except (ValueError, OverflowError):
            with Language.named(language_from_env()).speaking():
                message = _("{text} is not {kind} (for example {example})").format(
                    text=repr(text), kind=kind(), example=example
                )
            raise argparse.ArgumentTypeError(message) from None

    return parse


def _moment(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    # A wall-clock time without an offset is read in this machine's time zone.
    return moment if moment.utcoffset() is not None else moment.astimezone()


def _finite(text: str) -> float:
    value = float(text)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return value


def _ref(text: str) -> int | str:
    """A local id (what `list` shows) or a uuid (what every export carries)."""
    cleaned = text.strip()
    if cleaned.isdigit():
        return int(cleaned)
    return str(uuid.UUID(cleaned))


DATE = _typed(lambda: _("a date"), dt.date.fromisoformat, "2026-11-25")
MOMENT = _typed(lambda: _("an ISO 8601 date and time"), _moment, "2026-11-25T21:30+07:00")
WHOLE = _typed(lambda: _("a whole number"), int, "3")
NUMBER = _typed(lambda: _("a number"), _finite, "7.5")
REF = _typed(lambda: _("an id from list or a UUID"), _ref, "12")

# Yes/no options of a twitch: the option, the domain field, and what it means.
RED_FLAG_OPTIONS = (
    ("pain", "pain", "sharp pain"),
    ("swelling", "swelling", "swelling"),
    ("warmth", "warmth", "the knee feels hot or looks red"),
    ("numbness", "numbness_tingling", "numbness or tingling"),
    ("weakness", "weakness", "the leg feels weak, hard to move, or walking is affected"),
)


def _yes_no(parser: Any, name: str, text: str, default: bool | None) -> None:
    """`--NAME` stores yes, `--no-NAME` stores no; left out, the default (None = not
    logged, or unchanged for an edit)."""
    dest = name.replace("-", "_")
    parser.add_argument(f"--{name}", dest=dest, action="store_const", const=True, help=text)
    parser.add_argument(f"--no-{name}", dest=dest, action="store_const", const=False)
    parser.set_defaults(**{dest: default})


def add_twitch_options(twitch: Any, editing: bool) -> None:
    when = "a new start (ISO 8601)" if editing else "when it started (ISO 8601; default now)"
    twitch.add_argument("--at", type=MOMENT, help=when)
    site_default = None if editing else "knee"
    twitch.add_argument("--site", dest="body_site", choices=_values(BodySite), default=site_default)
    twitch.add_argument("--side", choices=_values(Side), help="default: the side used last")
    twitch.add_argument("--intensity", type=WHOLE, help="0 barely noticeable … 4 severe")
    twitch.add_argument("--duration-s", type=WHOLE, help="how long it lasted, in seconds")
    twitch.add_argument("--context", choices=_values(TwitchContext))
    for flag, _field, text in RED_FLAG_OPTIONS:
        _yes_no(twitch, flag, text, None if editing else False)
    twitch.add_argument("--note", help="free text, up to 2000 characters")


def add_day_options(day: Any) -> None:
    day.add_argument("--sleep-h", type=NUMBER, help="hours slept the night before (0–24)")
    day.add_argument("--sleep-quality", type=WHOLE, help="0 very poor … 4 very good")
    day.add_argument("--water-ml", type=WHOLE, help="water drunk, in ml (0–20000)")
    day.add_argument("--exercise-min", type=WHOLE, help="minutes of exercise (0–1440)")
    day.add_argument("--exercise-intensity", choices=_values(ExerciseIntensity))
    day.add_argument("--stress", type=WHOLE, help="0 none … 4 very high")
    day.add_argument("--caffeine-mg", type=WHOLE, help="caffeine in mg (0–2000)")
    day.add_argument("--alcohol-units", type=NUMBER, help="alcohol units (0–100)")
    for name in DAY_FLAGS:
        flag = name.replace("_", "-")
        _yes_no(day, flag, f"yes (--no-{flag}: no; left out: not logged)", None)
    day.add_argument("--note")


def add_medication_options(medication: Any, editing: bool) -> None:
    medication.add_argument("--name", required=not editing)
    medication.add_argument("--kind", choices=_values(MedicationKind), required=not editing)
    medication.add_argument("--from", dest="started_on", type=DATE, required=not editing)
    stop = medication.add_mutually_exclusive_group() if editing else medication
    stop.add_argument("--to", dest="stopped_on", type=DATE, help="omit if still taking it")
    if editing:
        stop.add_argument(
            "--still-taking", action="store_true", help="clear the last day: still taking it"
        )


def add_remedy_options(remedy: Any, editing: bool) -> None:
    remedy.add_argument("--date", type=DATE, required=not editing)
    remedy.add_argument("--remedy", choices=_values(Remedy), required=not editing)
    remedy.add_argument("--helped", type=WHOLE, help="0 not at all … 4 a lot")
    remedy.add_argument("--note")


def add_log(subcommands: Any) -> None:
    log = subcommands.add_parser("log", help="log a twitch, a day, a medication or a remedy")
    what = log.add_subparsers(dest="what", metavar="WHAT", required=True)
    twitch = what.add_parser("twitch", help="log one twitch episode (now, unless --at)")
    add_twitch_options(twitch, editing=False)
    twitch.set_defaults(handler="log_twitch")
    day = what.add_parser("day", help="create or update one day's habits")
    day.add_argument("--date", type=DATE, required=True)
    add_day_options(day)
    day.set_defaults(handler="log_day")
    medication = what.add_parser("medication", help="a period of taking a medicine")
    add_medication_options(medication, editing=False)
    medication.set_defaults(handler="log_medication")
    remedy = what.add_parser("remedy", help="a home remedy tried on a day")
    add_remedy_options(remedy, editing=False)
    remedy.set_defaults(handler="log_remedy")


def _ref_argument(parser: Any, what: str) -> None:
    if what == "day":
        parser.add_argument("ref", metavar="DATE", type=DATE, help="the day (YYYY-MM-DD)")
    else:
        parser.add_argument("ref", metavar="ID|UUID", type=REF, help="as list shows it")


def add_record_commands(subcommands: Any) -> None:
    """`edit`, `delete` and `undelete` for a twitch, a day, a medication or a remedy."""
    edit = subcommands.add_parser("edit", help="change a logged entry (only the options given)")
    kinds = edit.add_subparsers(dest="what", metavar="WHAT", required=True)
    for what in ("twitch", "day", "medication", "remedy"):
        parser = kinds.add_parser(what, help=f"change a {what}; other fields stay as they are")
        _ref_argument(parser, what)
        if what == "twitch":
            add_twitch_options(parser, editing=True)
        elif what == "day":
            add_day_options(parser)
        elif what == "medication":
            add_medication_options(parser, editing=True)
        else:
            add_remedy_options(parser, editing=True)
        parser.set_defaults(handler=f"records.edit_{what}")
    for command, text in (
        ("delete", "delete an entry (undelete brings it back)"),
        ("undelete", "bring back a deleted entry"),
    ):
        parser = subcommands.add_parser(command, help=text)
        kinds = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
        for what in ("twitch", "day", "medication", "remedy"):
            _ref_argument(kinds.add_parser(what, help=f"{command} a {what}"), what)
        parser.set_defaults(handler="records.set_deleted_", deleted=command == "delete")


def add_profiles(subcommands: Any) -> None:
    profiles = subcommands.add_parser("profiles", help="list, add, rename or delete profiles")
    profiles.add_argument(
        "action", choices=("list", "add", "rename", "delete"), nargs="?", default="list"
    )
    profiles.add_argument("names", nargs="*", help="add NAME | rename OLD NEW | delete NAME")
    profiles.add_argument(
        "--yes", action="store_true", help="confirm a delete (a backup is made first)"
    )
    profiles.set_defaults(handler="profiles.profiles_")


# How a field named by the domain or a service is shown: as the option that set it.
_FIELD_DEST = {
    "started_at": "at",
    "numbness_tingling": "numbness",
    "day": "date",
    "from": "first",
    "to": "last",
}
_DEST_OPTION = {
    "body_site": "--site",
    "started_on": "--from",
    "stopped_on": "--to",
    "first": "--from",
    "last": "--to",
}
_POSITIONAL = frozenset(("ref", "path", "file", "names", "action", "what", "command", "handler"))


def option_for(field: str, args: argparse.Namespace) -> str:
    """`--water-ml` for `water_ml` when the command has that option, else the field."""
    dest = _FIELD_DEST.get(field, field)
    if dest in _POSITIONAL or not hasattr(args, dest):
        return field
    return _DEST_OPTION.get(dest, "--" + dest.replace("_", "-"))


def field_as_typed(field: str, args: argparse.Namespace) -> str:
    """A field as the person knows it on the command line: its label, in their language,
    and the option they typed ("Water (ml) (--water-ml)"), never the internal name."""
    option = option_for(field, args)
    label = field_label(field)
    return f"{label} ({option})" if option != field and "(--" not in label else label
