"""Moving away from a form with unsaved changes: ask first, never lose them silently.

A screen or sheet that can hold unsaved changes offers three methods:
`unsaved_question()` (None when there is nothing unsaved), `save_changes()` (True when
saved; False when refused, its errors shown) and `discard_changes()`."""

from __future__ import annotations

from collections.abc import Callable


def unsaved_question(holder: object) -> str | None:
    question: Callable[[], str | None] | None = getattr(holder, "unsaved_question", None)
    return question() if question is not None else None


def leave_then(holder: object, proceed: Callable[[], object]) -> bool:
    """Run `proceed` now when `holder` has nothing unsaved (and return True); otherwise
    ask "Save / Discard / Keep editing" and run it after a save or a discard (False)."""
    question = unsaved_question(holder)
    if not question:
        proceed()
        return True
    # Loaded when there is something to ask: the start (and most moves) never do.
    from tracker.ui.presenters.edits import save_choices
    from tracker.ui.widgets.dialogs import ask

    save, discard, keep = save_choices()

    def save_then() -> None:
        if holder.save_changes():  # type: ignore[attr-defined]
            proceed()

    def discard_then() -> None:
        holder.discard_changes()  # type: ignore[attr-defined]
        proceed()

    ask(question, "", [(save, save_then), (discard, discard_then), (keep, None)])
    return False
