"""The import budget (DESIGN.md "Budgets"): the ten-year diary's CSV export imported into
an empty store, through the import service, each run into a fresh store.

    python -m bench.import_csv [--runs 5] [--data-dir DIR]

Without --data-dir it makes the ten-year diary first (bench.generate). Prints the wall
and CPU seconds of each run; `make bench` takes the figure from `import_times`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import PROFILE, generate
from tracker.services.exchange import export_csv, import_path
from tracker.storage import Store, open_store


def import_times(store: Store, runs: int) -> tuple[list[float], list[float], int]:
    """Wall and CPU seconds of importing the Bench profile's CSV files into an empty
    store, `runs` times; and how many episodes each import added."""
    walls, cpus, added = [], [], 0
    with tempfile.TemporaryDirectory(prefix="kedut-import-") as tmp:
        folder = Path(tmp) / "csv"
        export_csv(store, PROFILE, folder)
        for run in range(runs):
            target = open_store(Path(tmp) / f"store-{run}")
            began, began_cpu = time.perf_counter(), time.process_time()
            summary = import_path(target, None, folder)
            walls.append(time.perf_counter() - began)
            cpus.append(time.process_time() - began_cpu)
            added = summary.added["episodes"]
            target.close()
    return walls, cpus, added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data-dir", type=Path, help="a store holding the Bench profile")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kedut-bench-") as tmp:
        if args.data_dir is None:
            store = open_store(Path(tmp) / "data")
            print(f"ten-year diary: {generate(store)} episodes", file=sys.stderr)
        else:
            store = open_store(args.data_dir)
        walls, cpus, added = import_times(store, args.runs)
        store.close()
    for wall, cpu in zip(walls, cpus, strict=True):
        print(f"import of {added} episodes: {wall:.2f} s wall, {cpu:.2f} s CPU")
    print(f"median {statistics.median(walls):.2f} s wall (budget < 3 s)")


if __name__ == "__main__":
    main()
