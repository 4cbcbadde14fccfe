"""The `kedut` command: with no command it opens the app, with one it runs the command
line (`kedut log twitch`, `kedut --help`). `pip install .` installs it; `main.py` in a
source checkout does the same."""

from __future__ import annotations

import sys

from tracker.cli import build_parser, run


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from tracker.app import run_app  # Kivy loads only when a window is wanted

        return run_app(data_dir=args.data_dir, profile=args.profile)
    return run(args)


def entry_point() -> None:
    """What the installed `kedut` command runs."""
    sys.exit(main())
