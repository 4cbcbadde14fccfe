"""`log`, `list` and `demo`: parse results in, services called, results printed.

Each returns the exit code; bad input raises ValidationError, which `tracker.cli.run`
turns into exit 2.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from typing import Any

from tracker.cli import output
from tracker.cli.options import RED_FLAG_OPTIONS, field_as_typed
from tracker.domain import DayLog, Episode, Medication, RemedyUse, UnusualValue, ValidationError
from tracker.fields import field_label
from tracker.formats.records import (
    DAY_COLUMNS,
    EPISODE_COLUMNS,
    day_record,
    episode_record,
    medication_record,
    remedy_record,
)
from tracker.i18n import gettext as _
from tracker.services import care, days, demo, diary, episodes, store_access
from tracker.services.clock import system_now
from tracker.services.store_access import Store

EXIT_OK = 0
DAY_OPTIONS = tuple(name for name in DAY_COLUMNS if name != "date")


def open_from_args(args: argparse.Namespace) -> Store:
    return store_access.open_diary(args.data_dir)


def notes(unusual: list[UnusualValue], args: argparse.Namespace) -> None:
    for item in unusual:
        output.notice(str(dataclasses.replace(item, field=field_as_typed(item.field, args))))


def red_flags(args: argparse.Namespace) -> dict[str, bool | None]:
    """The red-flag options as the episode's fields (None: not given)."""
    return {field: getattr(args, flag) for flag, field, _text in RED_FLAG_OPTIONS}


def day_changes(args: argparse.Namespace) -> dict[str, Any]:
    """The day options given: yes/no factors count when given as yes or as no."""
    return {name: getattr(args, name) for name in DAY_OPTIONS if getattr(args, name) is not None}


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
        note=args.note,
        pain=bool(args.pain),
        swelling=bool(args.swelling),
        warmth=bool(args.warmth),
        numbness_tingling=bool(args.numbness),
        weakness=bool(args.weakness),
    )
    notes(logged.unusual, args)
    print(logged.episode.id)
    return EXIT_OK


SHOWN_NOTE_CHARS = 60
"""How much of a note a message quotes."""


def remedy_updated(before: RemedyUse, after: RemedyUse) -> str:
    """What logging a remedy again changed in the day's entry for it, in words."""
    from tracker.labels import remedy_label

    def said(value: object) -> str:
        if value is None:
            return _("not said")
        if isinstance(value, str):  # a long note is shown by its start
            shown = value if len(value) <= SHOWN_NOTE_CHARS else value[:SHOWN_NOTE_CHARS] + "…"
            return f"“{shown}”"
        return str(value)

    changes = [
        _("{field}: {before} → {after}").format(
            field=field_label(name),
            before=said(old),
            # Logging again keeps what is not given: a value gone was emptied on purpose.
            after=_("emptied") if new is None else said(new),
        )
        for name, old, new in (
            ("helped", before.helped, after.helped),
            ("note", before.note, after.note),
        )
        if old != new
    ]
    where = _("{remedy} on {day} was logged already").format(
        remedy=remedy_label(after.remedy), day=after.date.isoformat()
    )
    if not changes:
        return _("{where}; nothing changed").format(where=where)
    return _("{where}: that entry was updated ({changes})").format(
        where=where, changes="; ".join(changes)
    )


def log_day(args: argparse.Namespace) -> int:
    saved = days.save_day(open_from_args(args), args.profile, args.date, **day_changes(args))
    notes(saved.unusual, args)
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
    use, before = care.log_remedy_again(
        open_from_args(args),
        args.profile,
        day=args.date,
        remedy=args.remedy,
        helped=args.helped,
        note=args.note,
    )
    if before is not None:
        output.notice(remedy_updated(before, use))
    print(use.id)
    return EXIT_OK


def _episode_json(episode: Episode) -> dict[str, Any]:
    return {
        "id": episode.id,
        "uuid": episode.uuid,
        "local_date": episode.local_date.isoformat(),
        **episode_record(episode),
    }


def _with_identity(record: Medication | RemedyUse, values: dict[str, Any]) -> dict[str, Any]:
    return {"id": record.id, "uuid": record.uuid, **values}


def list_(args: argparse.Namespace) -> int:
    if args.first and args.last and args.first > args.last:
        raise ValidationError("to", args.last.isoformat(), f"on or after --from {args.first}")
    found = diary.diary_between(open_from_args(args), args.profile, args.first, args.last)
    if args.format == "json":
        output.print_json(
            {
                "profile": found.profile.name,
                "episodes": [_episode_json(e) for e in found.episodes],
                "days": [{"uuid": d.uuid, **day_record(d)} for d in found.days],
                "medications": [_with_identity(m, medication_record(m)) for m in found.medications],
                "remedies": [_with_identity(r, remedy_record(r)) for r in found.remedies],
            }
        )
    elif args.format == "csv":
        output.print_csv(("id", "local_date", *EPISODE_COLUMNS), map(_episode_json, found.episodes))
    else:
        print(_("Profile: {name}").format(name=found.profile.name))
        output.print_table(
            _("Episodes"),
            (
                "id",
                _("Date"),
                _("Time"),
                field_label("body_site"),
                field_label("side"),
                field_label("intensity"),
                _("Seconds"),
                _("Red flags"),
                _("Note"),
            ),
            [_episode_cells(e) for e in found.episodes],
        )
        output.print_table(
            _("Days"),
            (
                _("Date"),
                _("Sleep (h)"),
                field_label("water_ml"),
                _("Exercise (min)"),
                field_label("stress"),
                _("Note"),
            ),
            [_day_cells(d) for d in found.days],
        )
        output.print_table(
            _("Medications"),
            ("id", _("Name"), _("Kind"), _("From"), _("To")),
            [_medication_cells(m) for m in found.medications],
        )
        output.print_table(
            _("Remedies"),
            ("id", _("Date"), _("Remedy"), _("Helped (0–4)"), _("Note")),
            [_remedy_cells(r) for r in found.remedies],
        )
    return EXIT_OK


def _text(value: Any) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def _episode_cells(episode: Episode) -> list[str]:
    local = episode.local_started_at
    return [
        _text(episode.id),
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


def _medication_cells(medication: Medication) -> list[str]:
    return [
        _text(medication.id),
        medication.name,
        medication.kind.value,
        medication.started_on.isoformat(),
        _text(medication.stopped_on),
    ]


def _remedy_cells(use: RemedyUse) -> list[str]:
    helped = _text(use.helped)
    return [_text(use.id), use.date.isoformat(), use.remedy.value, helped, use.note or ""]


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
