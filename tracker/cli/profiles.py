"""`profiles list|add|rename|delete`: the people whose diaries this store keeps."""

from __future__ import annotations

import argparse

from tracker.cli import output
from tracker.cli.commands import open_from_args
from tracker.domain import ValidationError
from tracker.i18n import gettext as _
from tracker.services import profiles
from tracker.services.store_access import Store

EXIT_OK, EXIT_BAD_INPUT = 0, 2
_USAGE = {
    "list": "profiles list",
    "add": "profiles add NAME",
    "rename": "profiles rename OLD NEW",
    "delete": "profiles delete NAME --yes",
}


def profiles_(args: argparse.Namespace) -> int:
    wanted = {"list": 0, "add": 1, "rename": 2, "delete": 1}[args.action]
    if len(args.names) != wanted:
        raise ValidationError(
            _("profiles {action}").format(action=args.action),
            " ".join(args.names) or _("(nothing)"),
            _USAGE[args.action],
        )
    store = open_from_args(args)
    if args.action == "add":
        print(profiles.create_profile(store, args.names[0]).name)
    elif args.action == "rename":
        print(profiles.rename_profile(store, args.names[0], args.names[1]).name)
    elif args.action == "delete":
        return _delete(store, args, args.names[0])
    else:
        for profile in profiles.list_profiles(store):
            print(profile.name)
    return EXIT_OK


def _delete(store: Store, args: argparse.Namespace, name: str) -> int:
    name = profiles.find_profile(store, name).name
    if not args.yes:
        output.error(
            _(
                "deleting {name} takes {name}'s whole diary out of every list; "
                "to go ahead, run: profiles delete {name} --yes (a backup is made first)"
            ).format(name=name)
        )
        return EXIT_BAD_INPUT
    deleted, backup = profiles.delete_profile(store, name)
    print(
        _("deleted the profile {name}; the diary as it was before is backed up at {path}").format(
            name=deleted.name, path=backup
        )
    )
    return EXIT_OK
