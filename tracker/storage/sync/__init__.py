"""Sync through a household PostgreSQL server: storage code that knows both engines (the
device's outbox and state, the server's schema, push and pull)."""
