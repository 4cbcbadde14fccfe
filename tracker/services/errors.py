"""What a failure means for the person, told by the layer that knows the database.

Kept apart from the other services so that presenters can ask it without loading the
storage layer or SQLAlchemy."""

from __future__ import annotations

import sqlite3
import sys


def database_trouble(error: BaseException) -> str | None:
    """What a failure says about the diary's database: "busy" (another change holds it),
    "disk" (the disk is full or could not be written), "unreadable" (any other database
    error), or None when it is not a database error. The UI and the command line word it;
    only this layer knows what a database error looks like."""
    database = getattr(error, "orig", error)  # SQLAlchemy wraps the driver's errors
    migrate = sys.modules.get("tracker.storage.migrate")  # loaded if it raised its error
    if migrate is not None and isinstance(error, migrate.StoreError):
        # The store was opened fine at start; refused now, it was damaged since (the
        # plain reads of insights and the report say so with SQLite's words inside).
        return "unreadable"
    if not isinstance(database, sqlite3.Error):
        return None
    text = str(database).lower()
    if "locked" in text or "busy" in text:
        return "busy"
    if "disk is full" in text or "disk i/o error" in text:
        return "disk"
    return "unreadable"
