"""Words for the profile switcher and the first start; no Kivy."""

from __future__ import annotations

from tracker.domain import ValidationError
from tracker.i18n import gettext as _


def name_refusal(error: ValidationError) -> str:
    """A refused name, said with the field's label ("Name"), never its column."""
    if isinstance(error.value, str) and not error.value.strip():
        return _("Name: please type a name (1–60 characters).")
    return str(ValidationError(_("Name"), error.value, error.allowed, error.shown))


def delete_question(name: str) -> tuple[str, str]:
    """(title, text) of the question before a profile is deleted."""
    return (
        _("Delete {name}'s diary?").format(name=name),
        _(
            "A copy of the whole diary is saved first, in the backups folder. "
            "{name}'s entries then leave every list, report and chart. "
            "Undo brings them back."
        ).format(name=name),
    )


def deleted_text(name: str) -> str:
    return _("Deleted {name}'s diary (a backup was saved first).").format(name=name)
