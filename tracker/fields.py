"""The one catalogue of the fields a person fills in: each field's name (as stored and
as the files and the command line spell it), its kind, its bounds and its unit, and the
label the person sees.

Part of the domain, at the bottom of the pure core (only `tracker.i18n` below it), so
that the records' checks (`tracker.validation`, `tracker.domain`) and the words
(`tracker.labels`) all read the same entry: a message about `water_ml` says "Water (ml)"
in English and "Air (ml)" in Indonesian, and a new day field is one entry here.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from tracker.i18n import gettext as _


class FieldKind(enum.StrEnum):
    WHOLE = "whole"  # a whole number within bounds
    NUMBER = "number"  # any finite number within bounds
    CHOICE = "choice"  # one of an enum's values
    YES_NO = "yes_no"
    TEXT = "text"
    DATE = "date"
    MOMENT = "moment"  # a date and time with its UTC offset
    TIME = "time"  # a time of day, HH:MM
    ID = "id"  # a uuid, or a stamp Kedut keeps


@dataclass(frozen=True)
class Field:
    name: str
    kind: FieldKind
    low: float | None = None
    high: float | None = None
    unit: str | None = None

    @property
    def bounds(self) -> tuple[float, float]:
        assert self.low is not None and self.high is not None, self.name
        return self.low, self.high


def _fields(*fields: Field) -> dict[str, Field]:
    return {field.name: field for field in fields}


FIELDS: dict[str, Field] = _fields(
    # An episode
    Field("started_at", FieldKind.MOMENT),
    Field("utc_offset_min", FieldKind.WHOLE, -12 * 60, 14 * 60, "min"),
    Field("body_site", FieldKind.CHOICE),
    Field("side", FieldKind.CHOICE),
    Field("intensity", FieldKind.WHOLE, 0, 4),
    Field("duration_s", FieldKind.WHOLE, 1, 86400, "s"),
    Field("context", FieldKind.CHOICE),
    Field("pain", FieldKind.YES_NO),
    Field("swelling", FieldKind.YES_NO),
    Field("warmth", FieldKind.YES_NO),
    Field("numbness_tingling", FieldKind.YES_NO),
    Field("weakness", FieldKind.YES_NO),
    Field("note", FieldKind.TEXT, 0, 2000),
    # A day
    Field("date", FieldKind.DATE),
    Field("sleep_h", FieldKind.NUMBER, 0, 24, "h"),
    Field("sleep_quality", FieldKind.WHOLE, 0, 4),
    Field("water_ml", FieldKind.WHOLE, 0, 20000, "ml"),
    Field("exercise_min", FieldKind.WHOLE, 0, 1440, "min"),
    Field("exercise_intensity", FieldKind.CHOICE),
    Field("stress", FieldKind.WHOLE, 0, 4),
    Field("caffeine_mg", FieldKind.WHOLE, 0, 2000, "mg"),
    Field("alcohol_units", FieldKind.NUMBER, 0, 100, "units"),
    Field("diarrhea", FieldKind.YES_NO),
    Field("calcium_rich_food", FieldKind.YES_NO),
    Field("magnesium_rich_food", FieldKind.YES_NO),
    Field("vitamin_supplement", FieldKind.YES_NO),
    # A profile, a medicine, a remedy
    Field("name", FieldKind.TEXT, 1, 60),
    Field("sex", FieldKind.CHOICE),
    Field("kind", FieldKind.CHOICE),
    Field("started_on", FieldKind.DATE),
    Field("stopped_on", FieldKind.DATE),
    Field("remedy", FieldKind.CHOICE),
    Field("helped", FieldKind.WHOLE, 0, 4),
    # Settings
    Field("language", FieldKind.CHOICE),
    Field("water_target_ml", FieldKind.WHOLE, 500, 6000, "ml"),
    Field("reminder_time", FieldKind.TIME),
    Field("recurring_days", FieldKind.WHOLE, 2, 7, "days"),
    Field("persist_span_days", FieldKind.WHOLE, 7, 60, "days"),
    Field("reset_free_days", FieldKind.WHOLE, 3, 14, "days"),
    # What every record carries
    Field("uuid", FieldKind.ID),
    Field("created_at", FieldKind.ID),
    Field("updated_at", FieldKind.ID),
    Field("deleted_at", FieldKind.ID),
)


def field_label(name: str) -> str:
    """The label a person sees for a field, in the current language. A name that is not
    a field (already a label, or a word the caller chose) is returned as it is."""
    labels = {
        "started_at": _("Date and time"),
        "utc_offset_min": _("Time zone offset (minutes)"),
        "body_site": _("Where"),
        "side": _("Side"),
        "intensity": _("Intensity"),
        "duration_s": _("How long (seconds)"),
        "context": _("When"),
        "pain": _("Sharp pain"),
        "swelling": _("Swelling"),
        "warmth": _("The knee feels hot or looks red"),
        "numbness_tingling": _("Numbness or tingling"),
        "weakness": _("Weak leg"),
        "note": _("Note"),
        "date": _("Date"),
        "sleep_h": _("Sleep last night (hours)"),
        "sleep_quality": _("Sleep quality"),
        "water_ml": _("Water (ml)"),
        "exercise_min": _("Exercise (minutes)"),
        "exercise_intensity": _("Exercise intensity"),
        "stress": _("Stress"),
        "caffeine_mg": _("Caffeine (mg)"),
        "alcohol_units": _("Alcohol (units)"),
        "diarrhea": _("Diarrhoea"),
        "calcium_rich_food": _("Calcium-rich food"),
        "magnesium_rich_food": _("Magnesium-rich food"),
        "vitamin_supplement": _("Vitamin supplement"),
        "name": _("Name"),
        "sex": _("Sex"),
        "kind": _("Kind of medicine"),
        "started_on": _("Started on"),
        "stopped_on": _("Stopped on"),
        "remedy": _("Remedy"),
        "helped": _("How much it helped"),
        "language": _("Language"),
        "water_target_ml": _("Water target (ml)"),
        "reminder_time": _("Daily reminder"),
        "recurring_days": _("Warn when twitching on this many of 7 days"),
        "persist_span_days": _("See a doctor after twitching lasts (days)"),
        "reset_free_days": _("Twitch-free days that end a run"),
        "uuid": _("Identifier (UUID)"),
        "created_at": _("Created"),
        "updated_at": _("Last changed"),
        "deleted_at": _("Deleted"),
        # Not fields of a record, but named in messages by the command line.
        "profile": _("Profile"),
        "from": _("Start date (--from)"),
        "to": _("End date (--to)"),
        "days": _("Number of days (--days)"),
        "out": _("File to write (--out)"),
        "file": _("File"),
        "path": _("File or folder"),
        "names": _("Names"),
        "settings": _("Settings"),
    }
    return labels.get(name, name)
