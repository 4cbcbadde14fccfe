"""The command line: `python main.py [--data-dir DIR] [--profile NAME] COMMAND`.

This module builds the parser; `commands` runs each command over the services and
`output` prints tables, CSV and JSON.

Exit codes: 0 ok, 2 bad input (message on stderr, nothing stored), 1 any other failure.
Parsing turns text into typed values; the domain decides what is in range, so the
command line and the app refuse the same values with the same message.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import sys
from collections.abc import Callable
from typing import Any

from tracker.cli import output
from tracker.domain import (
    BodySite,
    ExerciseIntensity,
    MedicationKind,
    Remedy,
    Side,
    TwitchContext,
    ValidationError,
)
from tracker.i18n import language_from_env, set_language

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
Handler = Callable[[argparse.Namespace], int]


def _values(enum_type: Any) -> list[str]:
    return [member.value for member in enum_type]


def _typed(kind: str, convert: Callable[[str], Any], example: str) -> Callable[[str], Any]:
    def parse(text: str) -> Any:
        try:
            return convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {kind} (e.g. {example})") from None

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


DATE = _typed("a date", dt.date.fromisoformat, "2026-11-25")
MOMENT = _typed("an ISO 8601 date and time", _moment, "2026-11-25T21:30+07:00")
WHOLE = _typed("a whole number", int, "3")
NUMBER = _typed("a number", _finite, "7.5")


def _add_twitch(log: Any) -> None:
    twitch = log.add_parser("twitch", help="log one twitch episode (now, unless --at)")
    twitch.add_argument("--at", type=MOMENT, help="when it started (ISO 8601; default now)")
    twitch.add_argument("--site", dest="body_site", choices=_values(BodySite), default="knee")
    twitch.add_argument("--side", choices=_values(Side), help="default: the side used last")
    twitch.add_argument("--intensity", type=WHOLE, help="0 barely noticeable … 4 severe")
    twitch.add_argument("--duration-s", type=WHOLE, help="how long it lasted, in seconds")
    twitch.add_argument("--context", choices=_values(TwitchContext))
    for flag, text in (
        ("pain", "sharp pain"),
        ("swelling", "swelling"),
        ("warmth", "the knee feels hot or looks red"),
        ("numbness", "numbness or tingling"),
        ("weakness", "the leg feels weak, hard to move, or walking is affected"),
    ):
        twitch.add_argument(f"--{flag}", action="store_true", help=text)
    twitch.add_argument("--note", help="free text, up to 2000 characters")
    twitch.set_defaults(handler="log_twitch")


def _add_day(log: Any) -> None:
    day = log.add_parser("day", help="create or update one day's habits")
    day.add_argument("--date", type=DATE, required=True)
    day.add_argument("--sleep-h", type=NUMBER, help="hours slept the night before (0–24)")
    day.add_argument("--sleep-quality", type=WHOLE, help="0 very poor … 4 very good")
    day.add_argument("--water-ml", type=WHOLE, help="water drunk, in ml (0–20000)")
    day.add_argument("--exercise-min", type=WHOLE, help="minutes of exercise (0–1440)")
    day.add_argument("--exercise-intensity", choices=_values(ExerciseIntensity))
    day.add_argument("--stress", type=WHOLE, help="0 none … 4 very high")
    day.add_argument("--caffeine-mg", type=WHOLE, help="caffeine in mg (0–2000)")
    day.add_argument("--alcohol-units", type=NUMBER, help="alcohol units (0–100)")
    for flag in ("diarrhea", "calcium-rich-food", "magnesium-rich-food", "vitamin-supplement"):
        day.add_argument(f"--{flag}", action="store_const", const=True)
    day.add_argument("--note")
    day.set_defaults(handler="log_day")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kedut",
        description="Kedut: log knee twitching next to sleep, water and exercise. "
        "With no command, opens the app.",
    )
    parser.add_argument(
        "--data-dir",
        help="where the diary lives (default: $KEDUT_DATA_DIR, "
        "else the platform's user data directory)",
    )
    parser.add_argument("--profile", help="whose diary (default: the first profile)")
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND")

    log = subcommands.add_parser("log", help="log a twitch, a day, a medication or a remedy")
    what = log.add_subparsers(dest="what", metavar="WHAT", required=True)
    _add_twitch(what)
    _add_day(what)
    medication = what.add_parser("medication", help="a period of taking a medicine")
    medication.add_argument("--name", required=True)
    medication.add_argument("--kind", choices=_values(MedicationKind), required=True)
    medication.add_argument("--from", dest="started_on", type=DATE, required=True)
    medication.add_argument("--to", dest="stopped_on", type=DATE, help="omit if still taking it")
    medication.set_defaults(handler="log_medication")
    remedy = what.add_parser("remedy", help="a home remedy tried on a day")
    remedy.add_argument("--date", type=DATE, required=True)
    remedy.add_argument("--remedy", choices=_values(Remedy), required=True)
    remedy.add_argument("--helped", type=WHOLE, help="0 not at all … 4 a lot")
    remedy.add_argument("--note")
    remedy.set_defaults(handler="log_remedy")

    listing = subcommands.add_parser("list", help="show what was logged")
    listing.add_argument("--from", dest="first", type=DATE)
    listing.add_argument("--to", dest="last", type=DATE)
    listing.add_argument("--format", choices=("table", "csv", "json"), default="table")
    listing.set_defaults(handler="list_")

    profiles = subcommands.add_parser("profiles", help="list, add or rename profiles")
    profiles.add_argument("action", choices=("list", "add", "rename"), nargs="?", default="list")
    profiles.add_argument("names", nargs="*", help="add NAME | rename OLD NEW")
    profiles.set_defaults(handler="profiles_")

    for name, text in (
        ("warnings", "the current see-a-doctor warnings"),
        ("insights", "which factors went together with twitching"),
    ):
        command = subcommands.add_parser(name, help=text)
        command.add_argument("--today", type=DATE, help="judge as of this day (default: today)")
        if name == "insights":
            command.add_argument(
                "--from", dest="first", type=DATE, help="default: the first day with any entry"
            )
            command.add_argument("--to", dest="last", type=DATE, help="default: --today")
        command.add_argument("--json", action="store_true", help="machine-readable output")
        command.set_defaults(handler=f"findings.{name}_")

    for name, text in (
        ("chart", "draw a chart (PNG, SVG or PDF)"),
        ("report", "the doctor report (PDF)"),
    ):
        command = subcommands.add_parser(name, help=text)
        command.add_argument(
            "--out",
            required=True,
            help="the file to write" + (" (.png, .svg or .pdf)" if name == "chart" else " (.pdf)"),
        )
        if name == "chart":
            command.add_argument(
                "--kind", choices=("timeline", "correlations", "calendar"), default="timeline"
            )
        command.add_argument(
            "--from", dest="first", type=DATE, help="default: the first day with any entry"
        )
        command.add_argument("--to", dest="last", type=DATE, help="default: today")
        command.add_argument("--lang", choices=("en", "id"), help="default: $KEDUT_LANG, else en")
        command.add_argument(
            "--today", type=DATE, help="judge warnings as of this day (default: today)"
        )
        command.set_defaults(handler=f"documents.{name}_")

    export = subcommands.add_parser("export", help="CSV files or a JSON backup")
    export.add_argument("--format", choices=("csv", "json"), required=True)
    export.add_argument("--out", required=True, help="a folder for csv, a file for json")
    export.set_defaults(handler="exchange.export_")
    importing = subcommands.add_parser(
        "import", help="CSV files (a folder or one file) or a JSON backup"
    )
    importing.add_argument("path")
    importing.add_argument(
        "--on-conflict",
        choices=("skip", "replace"),
        default="skip",
        help="what to do with entries already stored (default: skip)",
    )
    importing.set_defaults(handler="exchange.import_")

    backup = subcommands.add_parser("backup", help="a consistent copy of the store")
    backup.add_argument("--out", help="where (default: <data dir>/backups/)")
    backup.set_defaults(handler="maintenance.backup_")
    restore = subcommands.add_parser(
        "restore", help="replace the store with a backup (checked first)"
    )
    restore.add_argument("file")
    restore.set_defaults(handler="maintenance.restore_")
    check = subcommands.add_parser("check", help="integrity, foreign keys and schema of the store")
    check.set_defaults(handler="maintenance.check_")

    demo = subcommands.add_parser("demo", help='fill a "Demo" profile with a realistic diary')
    demo.add_argument("--days", type=WHOLE, default=120, help="how many days (default 120)")
    demo.add_argument("--seed", type=WHOLE, default=7, help="same seed, same diary")
    demo.add_argument("--end", type=DATE, help="the diary's last day (default today)")
    demo.set_defaults(handler="demo_")

    from tracker.cli import sync  # one diary on several devices (issue 12)

    sync.add_parsers(subcommands)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run one parsed command; returns the exit code."""
    from sqlalchemy.exc import DBAPIError

    from tracker.cli import commands  # services and SQLAlchemy load only for a command
    from tracker.formats.csv_files import FileFormatError
    from tracker.services.profiles import ProfileNotFoundError
    from tracker.storage import StoreError
    from tracker.storage.episodes import EpisodeNotFoundError

    set_language(language_from_env())  # KEDUT_LANG=id for Indonesian messages
    module_name, _, function = args.handler.rpartition(".")
    module = importlib.import_module(f"tracker.cli.{module_name}") if module_name else commands
    handler: Handler = getattr(module, function)
    try:
        return handler(args)
    except (ValidationError, ProfileNotFoundError, EpisodeNotFoundError, FileFormatError) as error:
        output.error(f"{error}; nothing was stored")
        return EXIT_BAD_INPUT
    except StoreError as error:
        output.error(str(error))
        return EXIT_FAILURE
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as other tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILURE
    except OSError as error:
        output.error(f"{error.strerror or error}: {error.filename or ''}".rstrip(": "))
        return EXIT_FAILURE
    except DBAPIError as error:
        # A full disk, a read-only folder, a store locked for too long: the transaction
        # was rolled back, so what was stored before is intact.
        reason = str(error.orig) if error.orig is not None else str(error)
        output.error(f"could not write the diary ({reason}); nothing was stored")
        return EXIT_FAILURE
