"""Shared fixtures: the public samples, a store on a temporary SQLite, the index."""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from matchers import CatalogIndex
from models import Settings, Store, load_reference_dir
from tests.paths import DEMO_REF, FIXTURES_REF

pytest_plugins = ["tests.session_end"]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(database_url=f"sqlite:///{tmp_path}/intake.db", drop_folder=tmp_path / "inbox")


@pytest.fixture
def store(settings: Settings) -> Store:
    return Store.open(settings.database_url)


@pytest.fixture
def loaded_store(store: Store) -> Store:
    load_reference_dir(store, DEMO_REF)
    return store


def build_reference_index(ref_dir: Path) -> CatalogIndex:
    """The catalogue index of a reference folder, read through a temporary SQLite store."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/ref.db")
        load_reference_dir(store, ref_dir)
        index = CatalogIndex.build(store.load_reference())
        store.engine.dispose()
        return index


@pytest.fixture(scope="session")
def reference_index() -> Callable[[Path], CatalogIndex]:
    """reference_index(folder): the index of demo/ref, fixtures/ref or the samples' ref, built
    once per folder for the whole session (tests must not change it)."""
    return functools.cache(build_reference_index)


@pytest.fixture(scope="session")
def sample_index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    """The demo catalogue (demo/ref)."""
    return reference_index(DEMO_REF)


# -- real services: PostgreSQL and Dovecot (bench/services.py) -----------------


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL cluster for the whole session, stopped at its end."""
    from bench.services import Postgres

    server = Postgres.start_new()
    yield server
    server.stop()


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty store's URL: SQLite in tmp_path, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/store.db"
    import uuid

    server = request.getfixturevalue("postgres_server")
    return server.create_database(f"t_{uuid.uuid4().hex[:12]}")


@pytest.fixture
def any_store(store_url: str) -> Iterator[Store]:
    """A fresh store with the demo reference data, on SQLite and on the session's PostgreSQL."""
    store = Store.open(store_url)
    load_reference_dir(store, DEMO_REF)
    yield store
    store.engine.dispose()


@pytest.fixture
def any_fixtures_store(store_url: str) -> Iterator[Store]:
    """A fresh store with the fixtures' reference data (fixtures/ref), on SQLite and on PostgreSQL."""
    store = Store.open(store_url)
    load_reference_dir(store, FIXTURES_REF)
    yield store
    store.engine.dispose()


@pytest.fixture(scope="session")
def dovecot_server():
    """A private Dovecot (plain IMAP and IMAPS) for the whole session."""
    from bench.services import Dovecot

    server = Dovecot.start_new({"orders": "orders-pw", "sales": "sales-pw"})
    yield server
    server.destroy()


@pytest.fixture
def dovecot(dovecot_server):
    """The session's Dovecot with empty mailboxes, running (a test may have stopped it)."""
    if dovecot_server.process is None or dovecot_server.process.poll() is not None:
        dovecot_server.start()
    for user in dovecot_server.users:
        dovecot_server.reset_user(user)
    return dovecot_server
