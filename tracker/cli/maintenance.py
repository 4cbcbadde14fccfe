"""`backup`, `restore` and `check`: keeping the diary safe."""

from __future__ import annotations

import argparse
from pathlib import Path

from tracker.domain import ValidationError
from tracker.services.clock import system_now
from tracker.storage import StoreError, open_store, resolve_data_dir
from tracker.storage.backups import backup_dir, copy_store, inspect, restore
from tracker.storage.migrate import HEAD_REVISION
from tracker.storage.paths import DB_FILENAME

EXIT_OK, EXIT_FAILURE = 0, 1


def backup_(args: argparse.Namespace) -> int:
    data_dir = resolve_data_dir(args.data_dir)
    open_store(data_dir).close()  # refuses a damaged or foreign store before copying it
    stamp = system_now().strftime("%Y-%m-%dT%H%M%S")
    out = (
        Path(args.out).expanduser()
        if args.out
        else backup_dir(data_dir) / f"kedut-manual-{stamp}.sqlite3"
    )
    print(copy_store(data_dir / DB_FILENAME, out))
    return EXIT_OK


def restore_(args: argparse.Namespace) -> int:
    source = Path(args.file).expanduser()
    if not source.is_file():
        raise ValidationError("file", args.file, "an existing Kedut backup file")
    aside = restore(resolve_data_dir(args.data_dir), source, HEAD_REVISION, system_now())
    print(f"restored {source}; the store it replaced is kept as {aside}")
    return EXIT_OK


def check_(args: argparse.Namespace) -> int:
    db_path = resolve_data_dir(args.data_dir) / DB_FILENAME
    if not db_path.exists():
        raise StoreError(f"there is no store at {db_path} yet")
    health = inspect(db_path, HEAD_REVISION)
    problems = health.foreign_key_problems
    schema = "current" if health.current else f"expected {HEAD_REVISION}"
    print(f"integrity: {health.integrity}")
    print(f"foreign keys: {'ok' if not problems else f'{problems} problems'}")
    print(f"schema: {health.revision} ({schema})")
    return EXIT_OK if health.ok else EXIT_FAILURE
