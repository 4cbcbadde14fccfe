"""`backup`, `restore` and `check`: keeping the diary safe."""

from __future__ import annotations

import argparse
from pathlib import Path

from tracker.domain import ValidationError
from tracker.services import store_access
from tracker.services.clock import system_now

EXIT_OK, EXIT_FAILURE = 0, 1


def backup_(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser() if args.out else None
    print(store_access.backup_store(args.data_dir, out, system_now()))
    return EXIT_OK


def restore_(args: argparse.Namespace) -> int:
    source = Path(args.file).expanduser()
    if not source.is_file():
        raise ValidationError("file", args.file, "an existing Kedut backup file")
    aside = store_access.restore_store(args.data_dir, source, system_now())
    print(f"restored {source}; the store it replaced is kept as {aside}")
    return EXIT_OK


def check_(args: argparse.Namespace) -> int:
    health = store_access.check_store(args.data_dir)
    problems = health.foreign_key_problems
    head = store_access.head_revision()
    if health.current:
        schema = "current"
    elif health.upgradable:
        schema = f"older; brought up to {head} the next time the diary is opened"
    else:
        schema = f"expected {head}"
    print(f"integrity: {health.integrity}")
    print(f"foreign keys: {'ok' if not problems else f'{problems} problems'}")
    print(f"schema: {health.revision} ({schema})")
    return EXIT_OK if health.ok else EXIT_FAILURE
