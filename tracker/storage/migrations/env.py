"""Alembic environment: migrations run on the connection Kedut hands over, or on the
URL in alembic.ini when run from the command line."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from tracker.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations(connection: object) -> None:
    # SQLite cannot ALTER most things in place: batch mode copies the table instead.
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


given = config.attributes.get("connection")
if given is not None:
    run_migrations(given)
else:
    engine = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as connection:
        run_migrations(connection)
