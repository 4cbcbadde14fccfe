"""`export` and `import`: the CSV files and the JSON backup."""

from __future__ import annotations

import argparse
from pathlib import Path

from tracker.cli import output
from tracker.cli.commands import open_from_args
from tracker.domain import ValidationError
from tracker.i18n import gettext as _
from tracker.services.exchange import ImportSummary, export_csv, export_json, import_path

EXIT_OK = 0


def export_(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()
    store = open_from_args(args)
    if args.format == "csv":
        if out.exists() and not out.is_dir():
            raise ValidationError("out", args.out, _("a folder for the CSV files"))
        for path in export_csv(store, args.profile, out):
            print(path)
    else:
        print(export_json(store, out))
    return EXIT_OK


def _table_name(table: str) -> str:
    return {
        "profiles": _("profiles"),
        "episodes": _("episodes"),
        "days": _("days"),
        "medications": _("medications"),
        "remedies": _("remedies"),
    }[table]


def print_summary(summary: ImportSummary) -> None:
    """One line per table of the files: added, changed and skipped (or, in a dry run,
    what would be)."""
    if summary.dry_run:
        line = _("{table}: would add {added}, would change {changed}, would skip {skipped}")
    else:
        line = _("{table}: {added} added, {changed} changed, {skipped} skipped")
    for table in summary.tables:
        print(
            line.format(
                table=_table_name(table),
                added=summary.added[table],
                changed=summary.changed[table],
                skipped=summary.skipped[table],
            )
        )
    if not summary.tables:
        print(_("nothing to import: the files hold no entries"))
    if summary.dry_run:
        print(_("dry run: nothing was stored"))


def import_(args: argparse.Namespace) -> int:
    path = Path(args.path).expanduser()
    if not path.exists():
        raise ValidationError("path", args.path, _("an existing file or folder"))
    summary = import_path(
        open_from_args(args),
        args.profile,
        path,
        args.on_conflict,
        dry_run=args.dry_run,
        date_format=args.date_format,
    )
    for note in summary.notes:
        output.notice(note)
    print_summary(summary)
    return EXIT_OK
