"""`warnings` and `insights`: what the diary says, as readable text or DESIGN.md's JSON.

Both read a store already at the current schema without loading SQLAlchemy (the whole
`insights --json` process is timed, DESIGN.md "Budgets")."""

from __future__ import annotations

import argparse
import math
from typing import Any

from tracker.analysis.messages import finding_sentence, hidden_explanation, warning_message
from tracker.cli import output
from tracker.domain import Correlation, HiddenResult, Warning
from tracker.i18n import gettext as _
from tracker.services.clock import system_now
from tracker.services.insights import current_warnings, insights, readable_store

EXIT_OK = 0


def _warning_json(warning: Warning) -> dict[str, Any]:
    return {
        "rule": warning.rule.value,
        "level": warning.level.value,
        "body_site": warning.body_site.value,
        # The one side when every counted episode had it, else "mixed"; `sides` lists them.
        "side": warning.side.value if warning.side is not None else "mixed",
        "sides": [side.value for side in warning.sides],
        "first_day": warning.first_day.isoformat(),
        "last_day": warning.last_day.isoformat(),
        "episode_days": warning.episode_days,
        "days": [day.isoformat() for day in warning.days],
        "signs": list(warning.signs),
        "message": warning_message(warning),
    }


def warnings_(args: argparse.Namespace) -> int:
    today = args.today or system_now().date()
    found = current_warnings(readable_store(args.data_dir), args.profile, today)
    if args.json:
        output.print_json(
            {"today": today.isoformat(), "warnings": [_warning_json(w) for w in found]}
        )
        return EXIT_OK
    if not found:
        print(_("No warnings as of {today}.").format(today=today.isoformat()))
    for warning in found:
        level = _("SEE A DOCTOR") if warning.level == "see_doctor" else _("WATCH")
        print(f"[{level}] {warning_message(warning)}")
        print(
            "    " + _("Days: {days}").format(days=", ".join(d.isoformat() for d in warning.days))
        )
    return EXIT_OK


def _finite(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else value


def _result_json(result: Correlation) -> dict[str, Any]:
    return {
        "factor": result.factor,
        "lag_days": result.lag_days,
        "kind": result.kind.value,
        "n": result.n,
        "rho": result.rho,
        "ci_low": result.ci_low,
        "ci_high": result.ci_high,
        "p_value": result.p_value,
        "q_value": _finite(result.q_value),
        "early": result.early,
        "n_with": result.n_with,
        "n_without": result.n_without,
        "mean_with": result.mean_with,
        "mean_without": result.mean_without,
        "diff": result.diff,
        "sentence": finding_sentence(result),
    }


def _hidden_json(hidden: HiddenResult) -> dict[str, Any]:
    return {
        "factor": hidden.factor,
        "lag_days": hidden.lag_days,
        "kind": hidden.kind.value,
        "reason": hidden.reason.value,
        "n": hidden.n,
        "needed": hidden.needed,
        "explanation": hidden_explanation(hidden),
    }


def insights_(args: argparse.Namespace) -> int:
    today = args.today or system_now().date()
    found = insights(readable_store(args.data_dir), args.profile, today, args.first, args.last)
    shown, hidden = found.correlations.shown, found.correlations.hidden
    if args.json:
        output.print_json(
            {
                "from": found.first.isoformat(),
                "to": found.last.isoformat(),
                "days": found.series.days,
                "results": [_result_json(r) for r in shown],
                "hidden": [_hidden_json(h) for h in hidden],
            }
        )
        return EXIT_OK
    print(
        _("{first} to {last}: {days} days.").format(
            first=found.first.isoformat(), last=found.last.isoformat(), days=found.series.days
        )
    )
    print(_("These show what went together with your twitching, not what causes it."))
    print()
    output.print_table(
        _("Findings, strongest evidence first"),
        ("q", _("finding")),
        [[f"{r.q_value:.2f}", finding_sentence(r)] for r in shown],
        shorten=False,
    )
    explanations = list(dict.fromkeys(hidden_explanation(h) for h in hidden))
    print()
    output.print_table(
        _("Not shown yet"), (_("why"),), [[text] for text in explanations], shorten=False
    )
    return EXIT_OK
