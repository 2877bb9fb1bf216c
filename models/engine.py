"""The store's engine: SQLite or PostgreSQL, the SQLite pragmas, a private database file,
and the schema brought to the newest Alembic revision."""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Dialect, Engine
from sqlmodel import create_engine

from models.json_text import json_text
from models.revision import MIGRATIONS, head_revision


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets its folder created and sane pragmas."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        private_file(Path(url.removeprefix("sqlite:///")))
    engine = create_engine(url, pool_pre_ping=True, json_serializer=json_text)
    _savepoints_as_text(engine.dialect)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _savepoints_as_text(dialect: Dialect) -> None:
    """Savepoints set, released and rolled back to by the SQL they compile to, run as it is.

    A batch (models/batch.py) runs each store operation in a savepoint of its own, named afresh
    (`sa_savepoint_<n>`): SQLAlchemy compiled each of those statements again, about half of
    what a savepoint costs the process that stores (~480 of them over 150 messages)."""
    quote = dialect.identifier_preparer.quote

    def savepoint(connection: Connection, name: str) -> None:
        connection.exec_driver_sql(f"SAVEPOINT {quote(name)}")

    def release(connection: Connection, name: str) -> None:
        connection.exec_driver_sql(f"RELEASE SAVEPOINT {quote(name)}")

    def rollback_to(connection: Connection, name: str) -> None:
        connection.exec_driver_sql(f"ROLLBACK TO SAVEPOINT {quote(name)}")

    dialect.do_savepoint = savepoint
    dialect.do_release_savepoint = release
    dialect.do_rollback_to_savepoint = rollback_to


def private_file(path: Path) -> None:
    """Create `path` empty, readable by its owner only (0600), in a folder of the owner's (0700).

    The store holds customers' mail and the users' password hashes: no other local
    account may read it. An existing file is left as it is.
    """
    if path.exists():
        return
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the review UI read while the daemon writes; busy_timeout makes
    # two processes wait for each other instead of failing at once.
    cursor.execute("PRAGMA busy_timeout=30000")  # first: switching to WAL may wait for a lock
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision."""
    if _stored_revision(engine) == head_revision():
        return  # already there: Alembic (a quarter of a second to load) is not needed
    logging.getLogger("alembic").setLevel(logging.WARNING)
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        # Two daemons starting on an empty database: the second waits, then finds it done.
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(72860001)"))
        elif engine.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _stored_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except Exception:  # no table yet (a new store) or a database that refuses: Alembic will say
        return None
    return rows[0][0] if len(rows) == 1 else None
