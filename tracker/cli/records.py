"""`edit`, `delete` and `undelete`: change or take back a logged entry.

An entry is named by its id (as `list` shows it) or its uuid; a day by its date. An
edit changes only the options given; a delete leaves a tombstone that `undelete` lifts.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from tracker.cli import output
from tracker.cli.commands import day_changes, notes, open_from_args, red_flags
from tracker.i18n import gettext as _
from tracker.services import care, days, episodes

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def _given(args: argparse.Namespace, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(args, name) for name in names if getattr(args, name) is not None}


def _nothing_given(args: argparse.Namespace) -> int:
    output.error(
        _("edit {what}: give at least one option to change (see: edit {what} --help)").format(
            what=args.what
        )
    )
    return EXIT_BAD_INPUT


def edit_twitch(args: argparse.Namespace) -> int:
    changes = _given(args, ("body_site", "side", "intensity", "duration_s", "context", "note"))
    changes.update({field: value for field, value in red_flags(args).items() if value is not None})
    if args.at is not None:
        changes["started_at"] = args.at
    if not changes:
        return _nothing_given(args)
    edited = episodes.edit_episode(open_from_args(args), args.profile, args.ref, **changes)
    notes(edited.unusual, args)
    print(edited.episode.id)
    return EXIT_OK


def edit_day(args: argparse.Namespace) -> int:
    changes = day_changes(args)
    if not changes:
        return _nothing_given(args)
    saved = days.save_day(open_from_args(args), args.profile, args.ref, must_exist=True, **changes)
    notes(saved.unusual, args)
    print(saved.day_log.date.isoformat())
    return EXIT_OK


def edit_medication(args: argparse.Namespace) -> int:
    changes = _given(args, ("name", "kind", "started_on", "stopped_on"))
    if args.still_taking:
        changes["stopped_on"] = None
    if not changes:
        return _nothing_given(args)
    edited = care.edit_medication(open_from_args(args), args.profile, args.ref, **changes)
    print(edited.id)
    return EXIT_OK


def edit_remedy(args: argparse.Namespace) -> int:
    changes = _given(args, ("remedy", "helped", "note"))
    if args.date is not None:
        changes["date"] = args.date
    if not changes:
        return _nothing_given(args)
    edited = care.edit_remedy(open_from_args(args), args.profile, args.ref, **changes)
    print(edited.id)
    return EXIT_OK


def set_deleted_(args: argparse.Namespace) -> int:
    store = open_from_args(args)
    deleted: bool = args.deleted
    before = dt.datetime.now(dt.UTC)
    record: Any
    if args.what == "twitch":
        record = episodes.set_episode_deleted(store, args.profile, args.ref, deleted)
    elif args.what == "day":
        record = days.set_day_deleted(store, args.profile, args.ref, deleted)
    elif args.what == "medication":
        record = care.set_medication_deleted(store, args.profile, args.ref, deleted)
    else:
        record = care.set_remedy_deleted(store, args.profile, args.ref, deleted)
    ref = args.ref.isoformat() if args.what == "day" else str(args.ref)
    # An entry already in the state asked for is left as it is (its stamp stays older):
    # say so rather than claim a change.
    changed = record.updated_at is not None and record.updated_at >= before
    if not changed:
        text = (
            _("{what} {ref} was already deleted; nothing changed")
            if deleted
            else (_("{what} {ref} is not deleted; nothing changed"))
        )
        print(text.format(what=args.what, ref=ref))
    elif deleted:
        print(
            _("deleted {what} {ref} (undelete {what} {ref} brings it back)").format(
                what=args.what, ref=ref
            )
        )
    else:
        print(_("brought back {what} {ref}").format(what=args.what, ref=ref))
    return EXIT_OK
