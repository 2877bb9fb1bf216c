"""Wordings confirmed by clerks are kept in the store and used at the next match."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex, learn_alias, match_article
from models import Store
from tests.factories.pipeline import make_extracted_line

WORDING = "colle spéciale du chef bleue"


def test_learned_alias_is_used_next_time_for_that_customer(any_fixtures_store: Store) -> None:
    before = CatalogIndex.build(any_fixtures_store.load_reference())
    assert match_article(make_extracted_line(WORDING), before, customer_id="G001").sku != "SIL-BLA-310"
    learn_alias(any_fixtures_store, "G001", WORDING, "SIL-BLA-310")
    after = CatalogIndex.build(any_fixtures_store.load_reference())
    match = match_article(make_extracted_line("Colle  spéciale du CHEF bleue"), after, customer_id="G001")
    assert (match.sku, match.candidates[0].evidence[0].kind) == ("SIL-BLA-310", "alias")
    assert match_article(make_extracted_line(WORDING), after, customer_id="G002").sku != "SIL-BLA-310"


def test_repeat_confirmation_counts_uses_and_a_correction_replaces(any_fixtures_store: Store) -> None:
    learn_alias(any_fixtures_store, "G001", WORDING, "SIL-BLA-310")
    assert learn_alias(any_fixtures_store, "G001", WORDING, "SIL-BLA-310").uses == 2
    corrected = learn_alias(any_fixtures_store, "G001", WORDING, "VIS-440-200")
    assert (corrected.sku, corrected.uses) == ("VIS-440-200", 1)


def test_alias_for_every_customer(any_fixtures_store: Store) -> None:
    learn_alias(any_fixtures_store, None, WORDING, "SIL-BLA-310")
    index = CatalogIndex.build(any_fixtures_store.load_reference())
    assert match_article(make_extracted_line(WORDING), index, customer_id="G002").sku == "SIL-BLA-310"


def test_alias_added_to_a_live_index(any_fixtures_store: Store) -> None:
    index = CatalogIndex.build(any_fixtures_store.load_reference())
    index.add_alias("G003", "truc rouge du fond", "GAN-NIT-T8")
    assert (
        match_article(make_extracted_line("Truc rouge du fond"), index, customer_id="G003").sku
        == "GAN-NIT-T8"
    )


def test_wording_without_words_is_refused(any_fixtures_store: Store) -> None:
    with pytest.raises(ValueError, match="no words or sizes"):
        learn_alias(any_fixtures_store, "G001", " - ", "SIL-BLA-310")
