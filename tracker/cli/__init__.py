"""The command line: `python main.py [--data-dir DIR] [--profile NAME] COMMAND`.

This module builds the parser (`options` holds the options of log, edit, delete and
profiles) and runs a command: `commands`, `records`, `profiles` and the other modules
call the services, and `output` prints tables, CSV and JSON. Like the app, the command
line reaches the store only through `tracker.services`.

Exit codes: 0 ok, 2 bad input (message on stderr, nothing stored), 1 any other failure.
Parsing turns text into typed values; the domain decides what is in range, so the
command line and the app refuse the same values with the same message, naming the
option the person typed.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable

from tracker.cli import options, output
from tracker.cli.options import DATE, WHOLE
from tracker.cli.parser import KedutArgumentParser
from tracker.domain import ValidationError
from tracker.i18n import gettext as _
from tracker.i18n import language_from_env, set_language

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
# Other apps' and devices' exports that `import --from` names (tracker.formats.sources).
SOURCE_NAMES = ("apple-health", "fitbit", "google-fit", "bearable", "loop", "daylio")
Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = KedutArgumentParser(
        prog="kedut",
        description="Kedut: log knee twitching next to sleep, water and exercise. "
        "With no command, opens the app.",
    )
    parser.add_argument(
        "--data-dir",
        help="where the diary lives (default: $KEDUT_DATA_DIR, "
        "else the platform's user data directory)",
    )
    parser.add_argument(
        "--profile", help='whose diary (default: the first profile that is not "Demo")'
    )
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND")
    options.add_log(subcommands)
    options.add_record_commands(subcommands)

    listing = subcommands.add_parser("list", help="show what was logged")
    listing.add_argument("--from", dest="first", type=DATE)
    listing.add_argument("--to", dest="last", type=DATE)
    listing.add_argument("--format", choices=("table", "csv", "json"), default="table")
    listing.set_defaults(handler="list_")

    options.add_profiles(subcommands)

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
        "import",
        help="another app's export (Apple Health, Fitbit, Google Fit, Bearable, Loop, "
        "Daylio), Kedut's CSV files (a folder or one file) or a JSON backup",
    )
    importing.add_argument("path")
    importing.add_argument(
        "--on-conflict",
        choices=("skip", "replace"),
        default="skip",
        help="what to do with entries already stored (default: skip)",
    )
    importing.add_argument(
        "--dry-run", action="store_true", help="show what would be added, changed and skipped"
    )
    importing.add_argument(
        "--date-format", help="how the files write dates, e.g. %%d/%%m/%%Y (default: ISO 8601)"
    )
    importing.add_argument(
        "--from",
        dest="source",
        choices=("auto", "kedut", "csv", *SOURCE_NAMES),
        default="auto",
        help="what made the file (default: found from its content)",
    )
    importing.add_argument(
        "--map", dest="map_file", help="a JSON or TOML file saying what another app's names mean"
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


def shown(error: ValidationError, args: argparse.Namespace) -> ValidationError:
    """The error naming the field as the person typed and knows it."""
    error.field = options.field_as_typed(error.field, args)
    return error


# The errors a command ends with, named by where they are defined and looked up only
# once one was raised: a module that was never imported cannot have raised its error, so
# the light commands (insights, warnings) need not load SQLAlchemy to name them.
_BAD_INPUT = (
    "tracker.services.profile_choice:ProfileNotFoundError",
    "tracker.services.refs:RecordNotFoundError",
    "tracker.services.demo:DemoRefusedError",
    "tracker.formats.errors:FileFormatError",
)
_STORE_ERRORS = ("tracker.storage.migrate:StoreError",)
_DATABASE_ERRORS = ("sqlalchemy.exc:DBAPIError",)


def _loaded(names: tuple[str, ...]) -> tuple[type[BaseException], ...]:
    return tuple(
        getattr(sys.modules[module], name)
        for module, _colon, name in (n.partition(":") for n in names)
        if module in sys.modules
    )


def run(args: argparse.Namespace) -> int:
    """Run one parsed command; returns the exit code."""
    if args.handler == "sync.sync_":  # sync starts fast: no SQLAlchemy (issue 12)
        from tracker.cli.sync import sync_

        set_language(language_from_env())
        return sync_(args)
    set_language(language_from_env())  # KEDUT_LANG=id for Indonesian messages
    module_name, _dot, function = args.handler.rpartition(".")
    if module_name:
        module = importlib.import_module(f"tracker.cli.{module_name}")
    else:
        from tracker.cli import commands as module  # services and SQLAlchemy load here
    handler: Handler = getattr(module, function)
    try:
        return handler(args)
    except ValidationError as error:
        output.error(_("{error}; nothing was stored").format(error=shown(error, args)))
        return EXIT_BAD_INPUT
    except _loaded(_BAD_INPUT) as error:
        output.error(_("{error}; nothing was stored").format(error=error))
        return EXIT_BAD_INPUT
    except _loaded(_STORE_ERRORS) as error:
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
    except _loaded(_DATABASE_ERRORS) as error:
        # A full disk, a read-only folder, a store locked for too long: the transaction
        # was rolled back, so what was stored before is intact.
        from tracker.services.errors import database_trouble

        orig = getattr(error, "orig", None)
        reason = str(orig) if orig is not None else str(error)
        if database_trouble(error) == "disk":
            reason = _("the disk is full or could not be written")
        output.error(
            _("could not write the diary ({reason}); nothing was stored").format(reason=reason)
        )
        return EXIT_FAILURE
