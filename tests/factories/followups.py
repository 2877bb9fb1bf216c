"""A store holding the follow-up fixtures' wholesaler and some of its messages, ingested in order."""

from __future__ import annotations

from collections.abc import Iterable

from intake.ingest import ingest_file
from matchers import CatalogIndex
from models import Settings, Store, load_reference_dir
from tests.paths import FOLLOWUPS_DEV


def ingest_followups(store: Store, names: Iterable[str], settings: Settings) -> None:
    """Load fixtures/followups-dev's reference, then ingest the named messages (orders first)."""
    load_reference_dir(store, FOLLOWUPS_DEV / "ref")
    index = CatalogIndex.build(store.load_reference())
    for name in names:
        ingest_file(store, FOLLOWUPS_DEV / name, index=index, settings=settings)
