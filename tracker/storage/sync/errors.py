"""Why a sync could not be done, in the person's words.

Every failure of the network or of the server becomes a SyncError with a plain
sentence; `bad_input` marks what the person typed wrong (the command line's exit 2).
"""

from __future__ import annotations

from tracker.i18n import gettext as _


class SyncError(Exception):
    def __init__(self, message: str, *, bad_input: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.bad_input = bad_input

    def __str__(self) -> str:
        return self.message


def _where(host: str, port: int | None) -> str:
    return f"{host}:{port or 5432}"


def explain(reason: str, host: str, port: int | None, user: str, database: str) -> SyncError:
    """A libpq / psycopg failure (its message text) as a SyncError."""
    where = _where(host, port)
    text = reason.lower()
    if "password authentication failed" in text or "no password supplied" in text:
        return SyncError(
            _(
                "the server at {where} refused the login {user}: check the password "
                "(PGPASSWORD or ~/.pgpass)"
            ).format(where=where, user=user)
        )
    if ("role" in text and "does not exist" in text) or "pg_hba.conf" in text:
        return SyncError(
            _("the server at {where} does not let {user} log in to {database}").format(
                where=where, user=user, database=database
            )
        )
    if "database" in text and "does not exist" in text:
        return SyncError(
            _(
                "the server at {where} has no database called {database}; create it "
                "first (see the README)"
            ).format(where=where, database=database)
        )
    if "resolve host" in text or "translate host name" in text:
        return SyncError(
            _("cannot find the server {host}: check the address and the network").format(host=host)
        )
    if "server does not support ssl" in text:
        return SyncError(
            _(
                "the server at {where} offers no secure connection (TLS), and the address "
                "asks for one: turn TLS on in the server's postgresql.conf (see the README)"
            ).format(where=where)
        )
    if "root certificate file" in text:
        return SyncError(
            _(
                "no secure connection to the server at {where}: there is no certificate to "
                "check it against (put the server's CA certificate in "
                "~/.postgresql/root.crt, or add &sslrootcert=FILE to the address)"
            ).format(where=where)
        )
    if "certificate verify failed" in text or "does not match host name" in text:
        return SyncError(
            _(
                "no secure connection to the server at {where}: its certificate is not the "
                "one expected for this address (check the address and the CA certificate)"
            ).format(where=where)
        )
    if "ssl" in text or "certificate" in text:
        return SyncError(
            _("no secure connection to the server at {where} ({detail})").format(
                where=where, detail=reason.strip().splitlines()[-1].split("failed: ")[-1]
            )
        )
    if "invalid" in text and ("parameter" in text or "option" in text or "value" in text):
        return SyncError(
            _("the server address has a setting PostgreSQL does not know ({detail})").format(
                detail=reason.strip().splitlines()[0].split("bad: ")[-1]
            ),
            bad_input=True,
        )
    if "refused" in text or "timeout" in text or "could not connect" in text:
        return SyncError(
            _(
                "the server at {where} is not answering: is it running, and is this "
                "device on its network?"
            ).format(where=where)
        )
    return SyncError(
        _("the server at {where} stopped answering during the sync; sync again later").format(
            where=where
        )
    )
