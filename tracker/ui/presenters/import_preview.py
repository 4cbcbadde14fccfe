"""Settings → Import, as words and choices: what a preview will add per table and per
field, what is left out and why, and the choices a person has for each of a diary app's
own names (a Loop habit, a Daylio activity …). No Kivy here.

A name gets a suggestion the first time (`suggested_mapping`); a choice the person makes
becomes a `Target` with a plain amount (a yes/no "Coffee" is 95 mg each time, a numeric
"Water" habit counts millilitres as logged), said in the choice's own words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tracker.domain import MedicationKind
from tracker.fields import field_label
from tracker.formats.import_outcome import ImportOutcome
from tracker.formats.sources import Found, Mapping, Target, propose
from tracker.formats.sources.mapping import FLAG_FIELDS, key
from tracker.i18n import gettext as _
from tracker.i18n import ngettext
from tracker.ui.presenters.medicines import kind_label
from tracker.ui.presenters.safety import reason_text

TABLE_ORDER = ("profiles", "days", "episodes", "medications", "remedies")
# What one yes/no "I did it" is worth, for a name mapped to a number field.
EACH_TIME = {
    "water_ml": 250.0,
    "exercise_min": 30.0,
    "caffeine_mg": 95.0,
    "alcohol_units": 1.0,
    "stress": 2.0,
}
MEDICINE_KINDS = ("diuretic", "corticosteroid", "estrogen", "other")
AMOUNT_FIELDS = ("water_ml", "exercise_min", "caffeine_mg", "alcohol_units", "sleep_h", "stress")


def table_label(table: str) -> str:
    return {
        "profiles": _("Profiles"),
        "days": _("Days"),
        "episodes": _("Twitch episodes"),
        "medications": _("Medicine periods"),
        "remedies": _("Remedies"),
    }[table]


def count_lines(outcome: ImportOutcome) -> list[str]:
    """Per table, then per day field: what the import adds, changes, leaves alone."""
    if outcome.dry_run:
        text = _("{table}: {added} to add, {changed} to change, {skipped} already here")
    else:
        text = _("{table}: {added} added, {changed} changed, {skipped} already here")
    lines = []
    for table in TABLE_ORDER:
        counts = outcome.added[table], outcome.changed[table], outcome.skipped[table]
        if any(counts):
            added, changed, skipped = counts
            label = table_label(table)
            lines.append(text.format(table=label, added=added, changed=changed, skipped=skipped))
    for each in outcome.fields:
        line = ngettext("{field}: fills {filled} day", "{field}: fills {filled} days", each.filled)
        line = line.format(field=field_label(each.name), filled=each.filled)
        if each.kept:
            line += "; " + _("keeps {kept} as you typed them").format(kept=each.kept)
        if each.replaced:
            line += "; " + _("replaces {replaced} you typed").format(replaced=each.replaced)
        lines.append(line)
    return lines or [_("Nothing new: everything in this file is already in the diary.")]


def heading(outcome: ImportOutcome, path: Path) -> str:
    if outcome.dry_run:
        return _("{file}, from {sources}: nothing is stored until you tap Import.").format(
            file=path.name, sources=", ".join(outcome.titles)
        )
    return _("Imported {file} from {sources}.").format(
        file=path.name, sources=", ".join(outcome.titles)
    )


@dataclass(frozen=True)
class NameRow:
    """One of the app's own names, as the mapping list shows it."""

    name: str
    detail: str
    choice: str
    choices: list[tuple[str, str]]
    """(choice, label) pairs, the current one among them."""


def suggested_mapping(outcome: ImportOutcome) -> Mapping:
    """The mapping in use, with a suggestion for each name it says nothing about."""
    base = outcome.mapping or Mapping()
    left = {n: f for n, f in outcome.names.items() if base.target(n) is None}
    proposal = propose(left)
    # A name nothing is proposed for is left out, said so (not "not mapped yet").
    unproposed = {key(n): Target("skip") for n, f in left.items() if f.kind != "mood"}
    return Mapping(
        {**unproposed, **proposal.names, **base.names},
        {**proposal.moods, **base.moods},
        {**{key(n): n for n in left}, **proposal.shown, **base.shown},
    )


def name_rows(names: dict[str, Found], mapping: Mapping) -> list[NameRow]:
    """A row per name (moods aside: they become stress by their order), most logged first."""
    rows = []
    for name, found in sorted(names.items(), key=lambda item: (-item[1].count, key(item[0]))):
        if found.kind == "mood":
            continue
        choices = choices_for(found)
        chosen = choice_of(mapping.target(name))
        if chosen not in dict(choices):  # a remembered amount of its own: offered as it is
            target = mapping.target(name)
            assert target is not None
            choices.append((chosen, target_text(target)))
        detail = ngettext("logged {count} time", "logged {count} times", found.count)
        detail = detail.format(count=found.count)
        rows.append(NameRow(name, detail, chosen, choices))
    return rows


def choices_for(found: Found) -> list[tuple[str, str]]:
    fields = AMOUNT_FIELDS if found.amount else tuple(EACH_TIME)
    targets = [Target("skip"), Target("episode")]
    targets += [target_for(f"field:{name}", found) for name in (*fields, *FLAG_FIELDS)]
    targets += [Target("medication", medication=kind) for kind in MEDICINE_KINDS]
    return [(choice_of(t), target_text(t)) for t in targets]


def choice_of(target: Target | None) -> str:
    if target is None or target.kind == "skip":
        return "skip"
    if target.kind == "field":
        amount = target.each if target.each is not None else target.per_unit
        plain = target.field in FLAG_FIELDS or amount == _default_amount(target)
        return f"field:{target.field}" if plain else f"field:{target.field}:{amount:g}"
    if target.kind == "medication":
        return f"medication:{target.medication}"
    return target.kind


def _default_amount(target: Target) -> float | None:
    if target.each is not None:
        return EACH_TIME.get(target.field)
    return 1.0 if target.per_unit is not None else None


def target_for(choice: str, found: Found, previous: Target | None = None) -> Target:
    """The target a choice stands for (`previous` when it is the one already chosen)."""
    if previous is not None and choice_of(previous) == choice:
        return previous
    if choice in ("skip", "episode"):
        return Target(choice)
    if choice.startswith("medication:"):
        return Target("medication", medication=choice.split(":")[1])
    name = choice.split(":")[1]
    if name in FLAG_FIELDS:
        return Target("field", name)
    if found.amount:
        return Target("field", name, per_unit=1.0)
    return Target("field", name, each=EACH_TIME[name])


def target_text(target: Target) -> str:
    if target.kind == "field" and target.each is not None:
        return _("{field}, {amount} each time").format(
            field=field_label(target.field), amount=f"{target.each:g}"
        )
    if target.kind == "field" and target.per_unit not in (None, 1.0):
        return _("{field}, {amount} per unit logged").format(
            field=field_label(target.field), amount=f"{target.per_unit:g}"
        )
    if target.kind == "field":
        return field_label(target.field)
    if target.kind == "medication":
        return _("A medicine: {kind}").format(kind=kind_label(MedicationKind(target.medication)))
    if target.kind == "episode":
        return _("Twitch episodes")
    return _("Left out")


def with_choices(
    mapping: Mapping, names: dict[str, Found], chosen: Sequence[tuple[str, str]]
) -> Mapping:
    """`mapping` with the person's choice for each (name, choice)."""
    targets = dict(mapping.names)
    shown = dict(mapping.shown)
    for name, choice in chosen:
        targets[key(name)] = target_for(choice, names[name], mapping.target(name))
        shown[key(name)] = name
    return Mapping(targets, dict(mapping.moods), shown)


def refused_text(path: Path, error: BaseException) -> str:
    """Why a file could not be imported (it names the place in the file when it can)."""
    return _("Could not import {file}: {reason}. Nothing was stored.").format(
        file=path.name or str(path), reason=reason_text(error)
    )


def progress_text(done_bytes: int, total_bytes: int) -> str:
    mb = 1024 * 1024
    if total_bytes < mb:
        return _("{done} of {total} KB read").format(
            done=done_bytes // 1024, total=max(total_bytes // 1024, 1)
        )
    return _("{done} of {total} MB read").format(done=done_bytes // mb, total=total_bytes // mb)


def intro_text() -> str:
    return _(
        "Bring your history from Apple Health (export.zip), Fitbit or Google Takeout (the "
        "folder or .zip), Google Fit, Bearable, Loop Habit Tracker or Daylio (their CSV "
        "export), or Kedut's own CSV files and backups. Pick the file or folder, then see "
        "what it adds before anything is stored."
    )
