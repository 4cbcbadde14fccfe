"""`export` and `import`: the CSV files and the JSON backup."""

from __future__ import annotations

import argparse
from pathlib import Path

from tracker.cli.commands import open_from_args
from tracker.domain import ValidationError
from tracker.services.exchange import export_csv, export_json, import_path

EXIT_OK = 0


def export_(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()
    store = open_from_args(args)
    if args.format == "csv":
        if out.exists() and not out.is_dir():
            raise ValidationError("out", args.out, "a folder for the CSV files")
        for path in export_csv(store, args.profile, out):
            print(path)
    else:
        print(export_json(store, out))
    return EXIT_OK


def import_(args: argparse.Namespace) -> int:
    path = Path(args.path).expanduser()
    if not path.exists():
        raise ValidationError("path", args.path, "an existing file or folder")
    summary = import_path(open_from_args(args), args.profile, path, args.on_conflict)
    tables = ("profiles", "episodes", "days", "medications", "remedies")
    for label, counts in (
        ("added", summary.added),
        ("replaced", summary.replaced),
        ("skipped", summary.skipped),
    ):
        shown = ", ".join(f"{counts[t]} {t}" for t in tables if counts[t])
        if shown:
            print(f"{label}: {shown}")
    if not (summary.added or summary.replaced or summary.skipped):
        print("nothing to import")
    return EXIT_OK
