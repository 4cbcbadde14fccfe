"""The repositories' "no such record" errors, apart from the repositories so that the
services can name them without loading SQLAlchemy (the app's start path does not)."""

from __future__ import annotations


class EpisodeNotFoundError(LookupError):
    pass


class CareRecordNotFoundError(LookupError):
    pass
