"""Shared fixtures: the public samples, a store on a temporary SQLite, the index."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.evaluate import load_reference_dir
from matchers import CatalogIndex
from models import Settings, Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT.parent / "shared" / "samples"
FIXTURES = ROOT / "fixtures" / "emails"
DEMO_REF = ROOT / "demo" / "ref"


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


@pytest.fixture(scope="session")
def sample_index() -> CatalogIndex:
    """The sample catalogue, indexed once per test session."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/ref.db")
        load_reference_dir(store, DEMO_REF)
        return CatalogIndex.build(store.load_reference())
