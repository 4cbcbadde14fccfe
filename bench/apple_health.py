"""A generated Apple Health export.xml of any size, and how fast and how lightly Kedut
streams it (DESIGN.md's budget: 1 GB with < 100 MB of extra memory, at ≥ 20 MB/s).

    python -m bench.apple_health [--mb 200] [--keep FILE]   generate, then measure
    python -m bench.apple_health --measure FILE              measure one file (JSON out)

The file looks like a watch wearer's years: per day about 2,400 records (heart rate with
its metadata, steps, energy, distance, stand time, exercise minutes, sleep stages from
the watch and time in bed from the phone, water, caffeine, a Food correlation, a workout
on some days, an activity summary), after Apple's real DOCTYPE. The measurement runs in a
separate process: extra memory is its peak resident size minus its size before reading.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
_HEADER = (
    (ROOT / "tests" / "fixtures" / "apple-health" / "export.xml")
    .read_text()
    .split("<HealthData", 1)[0]
)
_WATCH = (
    'sourceName="Apple Watch" sourceVersion="10.3.1" device="&lt;&lt;HKDevice: 0x2834a1c70&gt;, '
    "name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,2, "
    'software:10.3.1&gt;"'
)
_PHONE = 'sourceName="iPhone" sourceVersion="17.3.1"'
_Q = "HKQuantityTypeIdentifier"
_ZONE = dt.timezone(dt.timedelta(hours=7))
_SLEEP = 'type="HKCategoryTypeIdentifierSleepAnalysis"'


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S +0700")


def _day(day: dt.date, rng: random.Random) -> list[str]:
    """One day's records, in the order the Health app writes them (by type, then time)."""
    out: list[str] = []
    start = dt.datetime(day.year, day.month, day.day, tzinfo=_ZONE)

    def record(
        kind: str,
        source: str,
        unit: str,
        at: dt.datetime,
        minutes: float,
        value: str,
        inner: str = "",
    ) -> None:
        begin, end = _stamp(at), _stamp(at + dt.timedelta(minutes=minutes))
        head = (
            f' <Record type="{_Q}{kind}" {source} unit="{unit}" creationDate="{end}" '
            f'startDate="{begin}" endDate="{end}" value="{value}"'
        )
        out.append(f"{head}>\n{inner} </Record>" if inner else head + "/>")

    meta = '  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="0"/>\n'
    for n in range(600):
        record(
            "HeartRate",
            _WATCH,
            "count/min",
            start + dt.timedelta(minutes=2.4 * n),
            0,
            str(rng.randint(52, 130)),
            meta,
        )
    for kind, count, unit, low, high in (
        ("StepCount", 150, "count", 10, 900),
        ("ActiveEnergyBurned", 800, "Cal", 0.1, 3.0),
        ("BasalEnergyBurned", 600, "Cal", 0.8, 1.2),
        ("DistanceWalkingRunning", 150, "km", 0.01, 0.6),
        ("AppleStandTime", 12, "min", 1, 5),
    ):
        for n in range(count):
            record(
                kind,
                _WATCH,
                unit,
                start + dt.timedelta(minutes=1440 * n / count),
                1,
                f"{rng.uniform(low, high):.4f}",
            )
    for n in range(rng.randint(10, 45)):
        record(
            "AppleExerciseTime", _WATCH, "min", start + dt.timedelta(hours=17, minutes=n), 1, "1"
        )
    for n in range(rng.randint(3, 9)):
        record("DietaryWater", _PHONE, "mL", start + dt.timedelta(hours=7 + n * 1.5), 0, "250")
    for n in range(rng.randint(0, 3)):
        record("DietaryCaffeine", _PHONE, "mg", start + dt.timedelta(hours=8 + n * 4), 0, "95")
    bed = start - dt.timedelta(minutes=rng.randint(30, 120))
    out.append(
        f' <Record {_SLEEP} {_PHONE} creationDate="{_stamp(start + dt.timedelta(hours=7))}" '
        f'startDate="{_stamp(bed)}" endDate="{_stamp(start + dt.timedelta(hours=7))}" '
        'value="HKCategoryValueSleepAnalysisInBed"/>'
    )
    moment = bed + dt.timedelta(minutes=10)
    for n in range(30):
        length = rng.randint(5, 25)
        stage = ("AsleepCore", "AsleepDeep", "AsleepCore", "AsleepREM", "Awake")[n % 5]
        out.append(
            f' <Record {_SLEEP} {_WATCH} creationDate="{_stamp(start + dt.timedelta(hours=7))}" '
            f'startDate="{_stamp(moment)}" '
            f'endDate="{_stamp(moment + dt.timedelta(minutes=length))}" '
            f'value="HKCategoryValueSleepAnalysis{stage}"/>'
        )
        moment += dt.timedelta(minutes=length)
    lunch = _stamp(start + dt.timedelta(hours=12))
    out.append(
        f' <Correlation type="HKCorrelationTypeIdentifierFood" {_PHONE} creationDate="{lunch}" '
        f'startDate="{lunch}" endDate="{lunch}">\n'
        f'  <Record type="{_Q}DietaryCaffeine" {_PHONE} unit="mg" creationDate="{lunch}" '
        f'startDate="{lunch}" endDate="{lunch}" value="40"/>\n </Correlation>'
    )
    if rng.random() < 0.4:
        run = _stamp(start + dt.timedelta(hours=17))
        out.append(
            f' <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="30" '
            f'durationUnit="min" {_WATCH} creationDate="{run}" startDate="{run}" '
            f'endDate="{run}">\n  <MetadataEntry key="HKIndoorWorkout" value="0"/>\n </Workout>'
        )
    out.append(
        f' <ActivitySummary dateComponents="{day.isoformat()}" activeEnergyBurned="412.6" '
        'activeEnergyBurnedGoal="400" activeEnergyBurnedUnit="Cal" appleExerciseTime="34" '
        'appleExerciseTimeGoal="30" appleStandHours="10" appleStandHoursGoal="12"/>'
    )
    return out


def generate(path: Path, megabytes: float, seed: int = 1) -> int:
    """Write an export of at least `megabytes` MB; returns the number of days in it."""
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    day = dt.date(2016, 1, 1)
    days = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write(_HEADER)
        out.write('<HealthData locale="en_US">\n <ExportDate value="2026-11-25 09:00:00 +0700"/>\n')
        while out.tell() < target:
            out.write("\n".join(_day(day, rng)) + "\n")
            day += dt.timedelta(days=1)
            days += 1
        out.write("</HealthData>\n")
    return days


def _rss_mb() -> float:
    with Path("/proc/self/statm").open() as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 1e6


def _peak_rss_mb() -> float:
    """This process's peak resident memory. Not ru_maxrss: Linux carries that across
    exec, so a child of the big bench process would report the parent's peak."""
    with Path("/proc/self/status").open() as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / 1e6
    return float("nan")


def measure(path: Path) -> dict[str, Any]:
    """Read `path` as the import service would; in this process (run it in a fresh one)."""
    from tracker.formats.sources import SourceOptions, source_named

    apple = source_named("apple-health")
    before = _rss_mb()
    began = time.perf_counter()
    batch = apple.read(path, SourceOptions(progress=lambda done, total: None))
    seconds = time.perf_counter() - began
    peak = _peak_rss_mb()
    size = path.stat().st_size / 1e6
    return {
        "file_mb": round(size, 1),
        "seconds": round(seconds, 2),
        "mb_per_s": round(size / seconds, 1),
        "rss_before_mb": round(before, 1),
        "rss_peak_mb": round(peak, 1),
        "extra_mb": round(peak - before, 1),
        "days": len(batch.days),
    }


def measured(path: Path) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-m", "bench.apple_health", "--measure", str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=3600,
    )
    figures: dict[str, Any] = json.loads(result.stdout)
    return figures


def bench_rows(
    row: Callable[..., dict[str, Any]], megabytes: float = 1024, runs: int = 5
) -> list[dict[str, Any]]:
    """The rows `make bench` shows: a 1 GB export read `runs` times (each in a fresh
    process), in MB/s (≥ 20) and in extra memory (< 100 MB)."""
    with tempfile.TemporaryDirectory(prefix="kedut-apple-") as tmp:
        path = Path(tmp) / "export.xml"
        generate(path, megabytes)
        figures = [measured(path) for _ in range(runs)]
    print(f"Apple Health export: {json.dumps(figures)}", file=sys.stderr)
    size = figures[0]["file_mb"]
    return [
        row(
            f"Apple Health {size:.0f} MB export, read speed",
            [f["mb_per_s"] for f in figures],
            "MB/s",
            20.0,
            at_least=True,
        ),
        row("  extra memory while reading it", [f["extra_mb"] for f in figures], "MB", 100.0),
        row("  seconds to read it", [f["seconds"] for f in figures], "s", None),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=200)
    parser.add_argument("--keep", type=Path, help="write the export here and keep it")
    parser.add_argument("--measure", type=Path, help="only measure this file")
    options = parser.parse_args()
    if options.measure:
        print(json.dumps(measure(options.measure)))
        return
    with tempfile.TemporaryDirectory(prefix="kedut-apple-") as tmp:
        path = options.keep or Path(tmp) / "export.xml"
        began = time.perf_counter()
        days = generate(path, options.mb)
        print(f"generated {days} days in {time.perf_counter() - began:.1f} s", file=sys.stderr)
        print(json.dumps(measured(path)))


if __name__ == "__main__":
    main()
