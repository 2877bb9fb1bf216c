"""The store's own state, as the readiness probe asks it."""

from __future__ import annotations

from sqlalchemy import text

from models.store import Store


def schema_revision(store: Store) -> str:
    """The migration the store is at; SQLAlchemy's error when the store cannot say."""
    with store.engine.connect() as connection:
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
