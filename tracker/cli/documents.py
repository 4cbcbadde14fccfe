"""`chart` and `report`: files to show a doctor."""

from __future__ import annotations

import argparse
from pathlib import Path

from tracker.charts import FORMATS
from tracker.cli.commands import open_from_args
from tracker.domain import ValidationError
from tracker.i18n import Language, current_language
from tracker.services.charts import chart_data, write_chart
from tracker.services.clock import system_now
from tracker.services.reports import report_data, write_report

EXIT_OK = 0


def _out(text: str, allowed: tuple[str, ...]) -> Path:
    path = Path(text).expanduser()
    if path.suffix.lower().lstrip(".") not in allowed:
        raise ValidationError(
            "out", text, "a file name ending in " + ", ".join(f".{a}" for a in allowed)
        )
    return path


def chart_(args: argparse.Namespace) -> int:
    out = _out(args.out, FORMATS)
    today = args.today or system_now().date()
    data = chart_data(open_from_args(args), args.profile, today, args.first, args.last)
    print(write_chart(out, args.kind, data, Language.named(args.lang or current_language())))
    return EXIT_OK


def report_(args: argparse.Namespace) -> int:
    out = _out(args.out, ("pdf",))
    today = args.today or system_now().date()
    data = report_data(open_from_args(args), args.profile, today, args.first, args.last)
    print(write_report(out, data, Language.named(args.lang or current_language())))
    return EXIT_OK
