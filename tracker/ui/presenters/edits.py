"""What a person changed in a form, and what to ask before their changes could be lost.

An edit changes only what was changed (DESIGN.md "Identity rules"): a field counts as
changed when what the form shows differs from what it showed when it was opened, and
its value then differs from the stored one. A field left alone is never sent back, so
a time keeps its seconds, a number is never rounded on the way back, and a day's remedy
ratings stay as they are. A form with nothing changed saves nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tracker.domain import RED_FLAGS, Episode, Remedy, RemedyUse, ValidationError
from tracker.i18n import gettext as _
from tracker.labels import short_date
from tracker.ui.presenters.day import parse_form
from tracker.ui.presenters.pickers import parse_clock


def touched(shown: Mapping[str, Any], current: Mapping[str, Any]) -> set[str]:
    """The names whose form value differs from what the form showed when opened."""
    return {name for name, value in current.items() if shown.get(name) != value}


# The day log


Rating = tuple[int | None, str]
"""How much a remedy helped (0–4, or None: not said) and its note as typed."""


@dataclass(frozen=True)
class DayForm:
    """What the Day log form holds: texts as typed, chips chosen, remedies ticked, and
    each ticked remedy's rating and note."""

    texts: Mapping[str, str]
    choices: Mapping[str, Any]
    remedies: frozenset[str]
    ratings: Mapping[str, Rating] = field(default_factory=dict)


@dataclass(frozen=True)
class DayEdit:
    changes: dict[str, Any]
    """Only the fields the person changed, for save_day."""
    errors: dict[str, str]
    """Refusals, by field, to show next to each."""
    added_remedies: tuple[str, ...]
    removed_remedies: tuple[RemedyUse, ...]
    rated: tuple[tuple[str, int | None, str | None], ...] = ()
    """(remedy, helped, note) of every remedy added, or kept with a changed rating or
    note; a remedy whose rating and note were left alone is not written."""

    @property
    def is_empty(self) -> bool:
        """Nothing changed: saving would store nothing."""
        return not (
            self.changes
            or self.errors
            or self.added_remedies
            or self.removed_remedies
            or self.rated
        )


def day_edit(
    day: dt.date, shown: DayForm, current: DayForm, stored_remedies: Sequence[RemedyUse]
) -> DayEdit:
    """What saving `current` changes in the day that the form showed as `shown`."""
    before, _errors = parse_form(shown.texts, shown.choices, day)
    after, errors = parse_form(current.texts, current.choices, day)
    names = touched(shown.texts, current.texts) | touched(shown.choices, current.choices)
    changes = {n: after[n] for n in sorted(names) if n in after and after[n] != before.get(n)}
    order = [r.value for r in Remedy]
    added = sorted(current.remedies - shown.remedies, key=order.index)
    removed = [
        use
        for use in stored_remedies
        if use.remedy.value in shown.remedies and use.remedy.value not in current.remedies
    ]
    rated = []
    for remedy in sorted(current.remedies, key=order.index):
        helped, note = current.ratings.get(remedy, (None, ""))
        if remedy in added or (helped, note) != shown.ratings.get(remedy, (None, "")):
            rated.append((remedy, helped, note.strip() or None))
    return DayEdit(changes, errors, tuple(added), tuple(removed), tuple(rated))


# A twitch episode (the details sheet)


def _moment(text: str, base: dt.datetime) -> dt.datetime:
    """`base` with the hour and minute typed (HH:MM); a changed time has no seconds."""
    clock = parse_clock(text, _("Time"))
    return base.replace(hour=clock.hour, minute=clock.minute, second=0, microsecond=0)


def _duration(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit():
        raise ValidationError(_("How long (seconds)"), text, _("a whole number of seconds"))
    return int(text)


def episode_values(raw: Mapping[str, Any], base: dt.datetime, changed: set[str]) -> dict[str, Any]:
    """Every value of the details sheet, read from what it shows: the date picked and
    the time typed only when they were changed, else `base` itself, seconds and all."""
    values = {name: raw[name] for name in ("body_site", "side", "context", *RED_FLAGS)}
    values["intensity"] = int(raw["intensity"])
    values["duration_s"] = _duration(raw["duration_s"])
    values["note"] = raw["note"].strip() or None
    moment = _moment(raw["started_at"], base) if "started_at" in changed else base
    if "date" in changed and raw.get("date"):
        day = dt.date.fromisoformat(raw["date"])  # set by the date picker, never typed
        moment = moment.replace(year=day.year, month=day.month, day=day.day)
    values["started_at"] = moment
    return values


def episode_changes(
    original: Episode, values: Mapping[str, Any], changed: set[str]
) -> dict[str, Any]:
    """The edit to send: the changed fields whose value differs from the stored one. A
    date picked moves the start (the date is part of `started_at`)."""
    if "date" in changed:
        changed = changed | {"started_at"}
    return {
        name: value
        for name, value in values.items()
        if name in changed and getattr(original, name) != value
    }


# Questions before changes could be lost


def save_choices() -> tuple[str, str, str]:
    """The answers to a "save your changes?" question: save, discard, keep editing."""
    return _("Save"), _("Discard"), _("Keep editing")


def day_question(day: dt.date) -> str:
    return _("Save your changes to {date}?").format(date=short_date(day))


def episode_question(new: bool) -> str:
    return _("Save this twitch?") if new else _("Save your changes to this twitch?")


def settings_question() -> str:
    return _("Save the settings you changed?")
