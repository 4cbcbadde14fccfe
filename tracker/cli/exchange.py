"""`export` and `import`: the CSV files and the JSON backup."""

from __future__ import annotations

import argparse
from pathlib import Path

from tracker.cli import output
from tracker.cli.commands import open_from_args
from tracker.domain import ValidationError
from tracker.formats.sources import Source
from tracker.i18n import gettext as _
from tracker.labels import factor_label
from tracker.services.exchange import ImportSummary, export_csv, export_json, import_path
from tracker.services.source_import import SourceImport, find_sources, import_source

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
    if args.source not in ("kedut", "csv"):
        sources = find_sources(path, args.source)
        if sources:
            return _import_source(args, path, sources)
    if args.map_file:
        raise ValidationError("--map", args.map_file, _("only with another app's export"))
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


def _import_source(args: argparse.Namespace, path: Path, sources: list[Source]) -> int:
    result = import_source(
        open_from_args(args),
        args.profile,
        path,
        sources,
        mapping_file=Path(args.map_file).expanduser() if args.map_file else None,
        on_conflict=args.on_conflict,
        dry_run=args.dry_run,
    )
    print_source_import(result)
    return EXIT_OK


def print_source_import(result: SourceImport) -> None:
    """What was read (per field, and what was skipped and why), then what was stored."""
    print(_("read as: {sources}").format(sources=", ".join(result.sources)))
    for line in result.report_lines:
        print("  " + line)
    if result.dry_run:
        line = _("{table}: would add {added}, would change {changed}, would skip {skipped}")
    else:
        line = _("{table}: {added} added, {changed} changed, {skipped} skipped")
    for table in ("days", "episodes", "medications"):
        counts = (result.added[table], result.changed[table], result.skipped[table])
        if any(counts):
            added, changed, skipped = counts
            print(
                line.format(table=_table_name(table), added=added, changed=changed, skipped=skipped)
            )
    for name in sorted({*result.filled, *result.kept, *result.replaced}):
        print(
            _(
                "  {field}: {filled} days filled, {kept} kept as you logged them, "
                "{replaced} replaced"
            ).format(
                field=factor_label(name),
                filled=result.filled[name],
                kept=result.kept[name],
                replaced=result.replaced[name],
            )
        )
    if result.unmapped:
        output.notice(
            _("not imported until you say what they mean (--map FILE): {names}").format(
                names=", ".join(sorted(set(result.unmapped)))
            )
        )
    if result.mapping_saved is not None:
        output.notice(_("the mapping is remembered in {path}").format(path=result.mapping_saved))
    if result.dry_run:
        print(_("dry run: nothing was stored"))
