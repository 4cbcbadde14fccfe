"""A real, throwaway PostgreSQL server for the sync tests (Debian's `postgresql` package).

`initdb` into a temp dir, password authentication on a free 127.0.0.1 port, the socket in
that dir; as the `postgres` user when the tests run as root (the server refuses root).
Each test gets its own database (a household) and can stop and start the server.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

PG_BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
ROLE, PASSWORD = "kedut", "household-secret"


def _binary(name: str) -> str:
    for folder in PG_BIN_DIRS:
        if (folder / name).exists():
            return str(folder / name)
    found = shutil.which(name)
    if found is None:
        raise RuntimeError(
            f"PostgreSQL's {name} is not installed. The sync tests start their own server: "
            "install it (Debian: apt-get install postgresql) or run `make test`, which does "
            "so as root."
        )
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PgServer:
    """One PostgreSQL cluster in a temp dir; `url(db)` gives a Kedut sync URL."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="kedut-pg-", dir="/tmp"))
        self.root.chmod(0o755)  # the postgres user must be able to enter it
        self.data = self.root / "data"
        self.port = free_port()
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            shutil.chown(self.root, "postgres", "postgres")
        pwfile = self.root / "pw"
        pwfile.write_text("superuser-secret\n")
        if self._as_postgres:
            shutil.chown(pwfile, "postgres", "postgres")
        self._run(
            _binary("initdb"),
            "-D", str(self.data), "-U", "postgres", "--auth-local=trust",
            "--auth-host=scram-sha-256", f"--pwfile={pwfile}", "-E", "UTF8",
            "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(
                f"port = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.root}'\nfsync = off\n"
                "max_connections = 60\nshared_buffers = 32MB\n"
            )
        self.start()
        self.psql(f"CREATE ROLE {ROLE} LOGIN PASSWORD '{PASSWORD}'")

    def _run(self, *command: str) -> str:
        prefix = ["runuser", "-u", "postgres", "--"] if self._as_postgres else []
        done = subprocess.run(
            [*prefix, *command], capture_output=True, text=True, timeout=60, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed: {done.stderr or done.stdout}")
        return done.stdout

    def start(self) -> None:
        self._run(
            _binary("pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"), "-w", "start"
        )

    def stop(self, mode: str = "fast") -> None:
        self._run(_binary("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def psql(self, sql: str, database: str = "postgres") -> str:
        return self._run(
            _binary("psql"), "-h", str(self.root), "-p", str(self.port), "-U", "postgres",
            "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql,
        )  # fmt: skip

    def create_database(self, name: str, owner: str = ROLE) -> str:
        # Separate commands: CREATE DATABASE cannot run inside a transaction block.
        self.psql(f'CREATE DATABASE "{name}" OWNER {owner}')
        self.psql(f'REVOKE ALL ON DATABASE "{name}" FROM PUBLIC')
        return self.url(name)

    def url(self, database: str, *, password: bool = False, role: str = ROLE) -> str:
        secret = f":{PASSWORD}" if password else ""
        return f"postgresql://{role}{secret}@127.0.0.1:{self.port}/{database}?sslmode=disable"

    def env(self) -> dict[str, str]:
        """What a device's environment holds: the password the PostgreSQL way."""
        return {"PGPASSWORD": PASSWORD}

    def close(self) -> None:
        with contextlib.suppress(RuntimeError):
            if self.running():
                self.stop("immediate")
        for _ in range(3):
            try:
                shutil.rmtree(self.root)
                return
            except OSError:
                time.sleep(0.2)


def main(command: list[str]) -> int:
    """`python -m tests.pg_server COMMAND…`: run a command with a throwaway server, its
    empty database's URL (password included) in $KEDUT_CHECK_POSTGRES_URL."""
    server = PgServer()
    try:
        server.create_database("kedut_check")
        env = {**os.environ, "KEDUT_CHECK_POSTGRES_URL": server.url("kedut_check", password=True)}
        return subprocess.run(command, env=env, check=False).returncode
    finally:
        server.close()


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
