"""Alembic environment: migrations run on the connection ``open_store`` hands over (never a URL of their own)."""

from __future__ import annotations

from alembic import context

from newsevents.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through newsevents (open_store or `newsevents db upgrade`), not alembic alone.")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
