"""The catalogue's words of a text and of the article a code stands for: how a forwarder's words name a
line written otherwise (parsers/text/named_lines.py)."""

from __future__ import annotations

from matchers import CatalogIndex


def test_a_customers_code_an_ean_and_a_sku_give_the_words_of_their_articles_name(
    fixtures_index: CatalogIndex,
) -> None:
    by_ref, by_sku = fixtures_index.code_words("BS-100245"), fixtures_index.code_words("VIS-440-200")
    assert by_ref == by_sku and {"vis", "agglo"} <= by_sku
    assert fixtures_index.code_words("3700123000013") == fixtures_index.code_words("VIS-320-200")
    assert fixtures_index.code_words("NOT-A-CODE-1") == frozenset()


def test_words_said_in_english_or_with_packaging_are_compared_as_the_catalogues(
    fixtures_index: CatalogIndex,
) -> None:
    assert "carton" not in fixtures_index.said_words("2 cartons de vis agglo")
    assert fixtures_index.said_words("the screws") & fixtures_index.code_words("VIS-440-200")
