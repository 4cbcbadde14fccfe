"""Kedut: `python main.py` opens the app; `python main.py COMMAND` runs the command line."""

from __future__ import annotations

import sys

from tracker.cli import build_parser, run


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from tracker.app import run_app  # Kivy loads only when a window is wanted

        return run_app(data_dir=args.data_dir, profile=args.profile)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
