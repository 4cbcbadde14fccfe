"""Kedut: `python main.py` opens the app; `python main.py COMMAND` runs the command line.
Installed with `pip install .`, the `kedut` command does the same."""

from __future__ import annotations

import sys

from tracker.main import main

if __name__ == "__main__":
    sys.exit(main())
