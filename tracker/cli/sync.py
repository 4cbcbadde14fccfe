"""`sync` and `conflicts`: one diary on several devices (DESIGN.md), over the sync and
conflict services. A server that cannot be reached, refuses the login or holds
something else is exit 1 with a plain message; a bad address is exit 2."""

from __future__ import annotations

import argparse
from typing import Any

from tracker.cli import output
from tracker.cli.options import WHOLE
from tracker.i18n import gettext as _

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


def add_parsers(subcommands: Any) -> None:
    sync = subcommands.add_parser(
        "sync", help="push this device's changes to the household server, then pull the others'"
    )
    sync.add_argument(
        "--server",
        help="postgresql://name@host:port/database?sslmode=… (default: $KEDUT_SYNC_URL, "
        "else the server of the last sync); the password comes from PGPASSWORD or ~/.pgpass",
    )
    sync.add_argument(
        "--upgrade-server",
        action="store_true",
        help="bring the server's tables up to this Kedut (once every device runs it)",
    )
    sync.set_defaults(handler="sync.sync_")
    conflicts = subcommands.add_parser(
        "conflicts", help="entries changed on two devices without seeing each other"
    )
    conflicts.add_argument("--json", action="store_true", help="machine-readable output")
    choice = conflicts.add_mutually_exclusive_group()
    choice.add_argument("--use-other", metavar="N", type=WHOLE, help="give entry N the other value")
    choice.add_argument("--keep-shown", metavar="N", type=WHOLE, help="keep the value shown")
    conflicts.set_defaults(handler="sync.conflicts_")


def _failed(error: Any) -> int:
    if error.bad_input:
        output.error(_("{reason}; nothing was stored").format(reason=error))
        return EXIT_BAD_INPUT
    output.error(_("{reason}; this device's diary is as it was").format(reason=error))
    return EXIT_FAILURE


def sync_(args: argparse.Namespace) -> int:
    """Runs before the command line's usual set-up (tracker.cli.run): it handles its
    own errors, and loads SQLAlchemy only when the store must be made or migrated."""
    from tracker.services import sync

    try:
        store = sync.prepared_store(args.data_dir)
        report = sync.sync(store, args.server, upgrade_server=args.upgrade_server)
    except sync.SyncError as error:
        return _failed(error)
    except sync.StoreError as error:
        output.error(str(error))
        return EXIT_FAILURE
    except (sync.DiaryError, OSError) as error:
        output.error(_("could not use the diary on this device ({reason})").format(reason=error))
        return EXIT_FAILURE
    print(
        _("pushed {pushed}, pulled {pulled}, conflicts {conflicts}").format(
            pushed=report.pushed, pulled=report.pulled, conflicts=report.conflicts
        )
    )
    if report.conflicts:
        output.notice(_("see them with: conflicts"))
    return EXIT_OK


def conflicts_(args: argparse.Namespace) -> int:
    from tracker.domain import ValidationError
    from tracker.services import conflicts
    from tracker.services.profiles import find_profile
    from tracker.services.store_access import open_diary

    store = open_diary(args.data_dir)
    profile_id = None if args.profile is None else find_profile(store, args.profile).id
    chosen = args.use_other if args.use_other is not None else args.keep_shown
    if chosen is not None:
        known = {view.conflict.id for view in conflicts.open_conflicts(store, profile_id)}
        if chosen not in known:
            typed = "--use-other" if args.use_other is not None else "--keep-shown"
            raise ValidationError(
                typed, chosen, _("the number of an open conflict (see: conflicts)")
            )
        conflicts.resolve_conflict(store, chosen, use_other=args.use_other is not None)
    views = conflicts.open_conflicts(store, profile_id)
    if args.json:
        output.print_json({"conflicts": [_document(view) for view in views]})
        return EXIT_OK
    headers = [_("no."), _("profile"), _("entry"), _("field"), _("shown"), _("other"), _("from")]
    rows = [
        [
            str(view.conflict.id),
            view.profile,
            view.entry,
            view.field,
            view.shown,
            view.other,
            view.conflict.other_by,
        ]
        for view in views
    ]
    output.print_table(_("Conflicts"), headers, rows)
    if views:
        print(_("pick the other value with: conflicts --use-other N"))
    return EXIT_OK


def _document(view: Any) -> dict[str, Any]:
    conflict = view.conflict
    return {
        "id": conflict.id,
        "uuid": conflict.uuid,
        "profile": view.profile,
        "table": conflict.table,
        "record_uuid": conflict.record_uuid,
        "entry": view.entry,
        "field": conflict.field,
        "shown": conflict.shown,
        "other": conflict.other,
        "shown_at": conflict.shown_at.isoformat(),
        "other_at": conflict.other_at.isoformat(),
        "other_by": conflict.other_by,
        "created_at": conflict.created_at.isoformat(),
    }
