"""One function per command: parse results in, services called, results printed.

Each returns the exit code; bad input raises ValidationError, which `tracker.cli.run`
turns into exit 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from tracker.cli import output
from tracker.domain import DayLog, Episode, UnusualValue, ValidationError
from tracker.formats.records import (
    DAY_COLUMNS,
    EPISODE_COLUMNS,
    day_record,
    episode_record,
    medication_record,
    remedy_record,
)
from tracker.services import care, days, demo, diary, episodes, profiles
from tracker.services.clock import system_now
from tracker.storage import Store, open_store, resolve_data_dir

EXIT_OK = 0


def open_from_args(args: argparse.Namespace) -> Store:
    return open_store(resolve_data_dir(args.data_dir))


def _notes(unusual: list[UnusualValue]) -> None:
    for item in unusual:
        output.notice(str(item))


def log_twitch(args: argparse.Namespace) -> int:
    logged = episodes.log_twitch(
        open_from_args(args),
        args.profile,
        at=args.at,
        side=args.side,
        intensity=args.intensity,
        body_site=args.body_site,
        duration_s=args.duration_s,
        context=args.context,
        pain=args.pain,
        swelling=args.swelling,
        warmth=args.warmth,
        numbness_tingling=args.numbness,
        weakness=args.weakness,
        note=args.note,
    )
    _notes(logged.unusual)
    print(logged.episode.id)
    return EXIT_OK


_DAY_OPTIONS = tuple(name for name in DAY_COLUMNS if name != "date")


def log_day(args: argparse.Namespace) -> int:
    given = {name: getattr(args, name) for name in _DAY_OPTIONS if getattr(args, name) is not None}
    saved = days.save_day(open_from_args(args), args.profile, args.date, **given)
    _notes(saved.unusual)
    print(saved.day_log.date.isoformat())
    return EXIT_OK


def log_medication(args: argparse.Namespace) -> int:
    medication = care.add_medication(
        open_from_args(args),
        args.profile,
        name=args.name,
        kind=args.kind,
        started_on=args.started_on,
        stopped_on=args.stopped_on,
    )
    print(medication.id)
    return EXIT_OK


def log_remedy(args: argparse.Namespace) -> int:
    use = care.log_remedy(
        open_from_args(args),
        args.profile,
        day=args.date,
        remedy=args.remedy,
        helped=args.helped,
        note=args.note,
    )
    print(use.id)
    return EXIT_OK


def _episode_json(episode: Episode) -> dict[str, Any]:
    return {
        "id": episode.id,
        "local_date": episode.local_date.isoformat(),
        **episode_record(episode),
    }


def list_(args: argparse.Namespace) -> int:
    if args.first and args.last and args.first > args.last:
        raise ValidationError("to", args.last.isoformat(), f"on or after --from {args.first}")
    found = diary.diary_between(open_from_args(args), args.profile, args.first, args.last)
    if args.format == "json":
        output.print_json(
            {
                "profile": found.profile.name,
                "episodes": [_episode_json(e) for e in found.episodes],
                "days": [day_record(d) for d in found.days],
                "medications": [medication_record(m) for m in found.medications],
                "remedies": [remedy_record(r) for r in found.remedies],
            }
        )
    elif args.format == "csv":
        output.print_csv(("id", "local_date", *EPISODE_COLUMNS), map(_episode_json, found.episodes))
    else:
        print(f"Profile: {found.profile.name}")
        output.print_table(
            "Episodes",
            ("date", "time", "site", "side", "intensity", "duration_s", "red flags", "note"),
            [_episode_cells(e) for e in found.episodes],
        )
        output.print_table(
            "Days",
            ("date", "sleep_h", "water_ml", "exercise_min", "stress", "note"),
            [_day_cells(d) for d in found.days],
        )
    return EXIT_OK


def _text(value: Any) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def _episode_cells(episode: Episode) -> list[str]:
    local = episode.local_started_at
    return [
        episode.local_date.isoformat(),
        local.strftime("%H:%M"),
        episode.body_site.value,
        episode.side.value,
        str(episode.intensity),
        _text(episode.duration_s),
        ", ".join(episode.red_flags),
        episode.note or "",
    ]


def _day_cells(day_log: DayLog) -> list[str]:
    return [
        day_log.date.isoformat(),
        _text(day_log.sleep_h),
        _text(day_log.water_ml),
        _text(day_log.exercise_min),
        _text(day_log.stress),
        day_log.note or "",
    ]


def profiles_(args: argparse.Namespace) -> int:
    store = open_from_args(args)
    wanted = {"list": 0, "add": 1, "rename": 2}[args.action]
    if len(args.names) != wanted:
        usage = {
            "list": "profiles list",
            "add": "profiles add NAME",
            "rename": "profiles rename OLD NEW",
        }
        raise ValidationError("names", " ".join(args.names) or "(none)", usage[args.action])
    if args.action == "add":
        print(profiles.create_profile(store, args.names[0]).name)
    elif args.action == "rename":
        old = profiles.resolve_profile(store, args.names[0])
        assert old.id is not None
        print(profiles.rename_profile(store, old.id, args.names[1]).name)
    else:
        for profile in profiles.list_profiles(store):
            print(profile.name)
    return EXIT_OK


def demo_(args: argparse.Namespace) -> int:
    if not 1 <= args.days <= 3660:
        raise ValidationError("days", args.days, "whole numbers 1–3660")
    end = args.end or system_now().date()
    profile, made = demo.fill_demo_profile(open_from_args(args), args.days, args.seed, end)
    print(
        f'Profile "{profile.name}": {len(made.episodes)} episodes, {len(made.days)} day logs, '
        f"{len(made.medications)} medication, {len(made.remedies)} remedies, "
        f"{end - dt.timedelta(days=args.days - 1)} to {end}."
    )
    return EXIT_OK
