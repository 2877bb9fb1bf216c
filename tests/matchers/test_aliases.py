"""Wordings confirmed by clerks are kept in the store and used at the next match."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from matchers import CatalogIndex, learn_alias, match_article
from models import Store, load_reference_dir
from tests.factories.pipeline import make_extracted_line
from tests.paths import ROOT

WORDING = "colle spéciale du chef bleue"


@pytest.fixture
def fixture_store(store_url: str) -> Iterator[Store]:
    """The fixtures' reference data in a fresh store, on SQLite and on the session's PostgreSQL."""
    store = Store.open(store_url)
    load_reference_dir(store, ROOT / "fixtures" / "ref")
    yield store
    store.engine.dispose()


def test_learned_alias_is_used_next_time_for_that_customer(fixture_store: Store) -> None:
    before = CatalogIndex.build(fixture_store.load_reference())
    assert match_article(make_extracted_line(WORDING), before, customer_id="G001").sku != "SIL-BLA-310"
    learn_alias(fixture_store, "G001", WORDING, "SIL-BLA-310")
    after = CatalogIndex.build(fixture_store.load_reference())
    match = match_article(make_extracted_line("Colle  spéciale du CHEF bleue"), after, customer_id="G001")
    assert (match.sku, match.candidates[0].evidence[0].kind) == ("SIL-BLA-310", "alias")
    assert match_article(make_extracted_line(WORDING), after, customer_id="G002").sku != "SIL-BLA-310"


def test_repeat_confirmation_counts_uses_and_a_correction_replaces(fixture_store: Store) -> None:
    learn_alias(fixture_store, "G001", WORDING, "SIL-BLA-310")
    assert learn_alias(fixture_store, "G001", WORDING, "SIL-BLA-310").uses == 2
    corrected = learn_alias(fixture_store, "G001", WORDING, "VIS-440-200")
    assert (corrected.sku, corrected.uses) == ("VIS-440-200", 1)


def test_alias_for_every_customer(fixture_store: Store) -> None:
    learn_alias(fixture_store, None, WORDING, "SIL-BLA-310")
    index = CatalogIndex.build(fixture_store.load_reference())
    assert match_article(make_extracted_line(WORDING), index, customer_id="G002").sku == "SIL-BLA-310"


def test_alias_added_to_a_live_index(fixture_store: Store) -> None:
    index = CatalogIndex.build(fixture_store.load_reference())
    index.add_alias("G003", "truc rouge du fond", "GAN-NIT-T8")
    assert (
        match_article(make_extracted_line("Truc rouge du fond"), index, customer_id="G003").sku
        == "GAN-NIT-T8"
    )


def test_wording_without_words_is_refused(fixture_store: Store) -> None:
    with pytest.raises(ValueError, match="no words or sizes"):
        learn_alias(fixture_store, "G001", " - ", "SIL-BLA-310")
