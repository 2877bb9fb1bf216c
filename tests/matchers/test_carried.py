"""A line that writes only what tells twins apart names the twin of the article on the line above."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex, match_article
from matchers.carried import carried_twin, with_carried_twins
from models import ProductRow, ReferenceData
from tests.factories.pipeline import make_extracted_line

STATIONERY = [
    ("SUR-JA", "Surligneur pointe biseautée jaune"),
    ("SUR-RO", "Surligneur pointe biseautée rose"),
    ("SUR-VE", "Surligneur pointe biseautée vert"),
    ("SUR-OR", "Surligneur pointe biseautée orange"),
    ("RUB-RO", "Ruban adhésif rose 19 mm"),
    ("CAH-A4-96", "Cahier piqûre A4 96 pages"),
    ("CAH-A4-192", "Cahier piqûre A4 192 pages"),
    ("LAM-60", "Lampe de bureau LED 6W noire"),
    ("LAM-90", "Lampe de bureau LED 9W noire"),
    ("LAM-90-B", "Lampe de bureau LED 9W blanche"),
]


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return CatalogIndex.build(
        ReferenceData(products=[ProductRow(sku=sku, name=name, unit="pce") for sku, name in STATIONERY])
    )


@pytest.mark.parametrize(
    ("said", "above", "twin"),
    [
        ("roses", "SUR-JA", "SUR-RO"),
        ("vert", "SUR-JA", "SUR-VE"),
        ("9W", "LAM-60", "LAM-90"),
        ("9 watts", "LAM-60", "LAM-90"),
        ("blanche", "LAM-90", "LAM-90-B"),
    ],
    ids=["colour-plural", "colour", "rating", "rating-in-words", "colour-of-a-lamp"],
)
def test_what_tells_twins_apart_names_the_twin_of_the_line_above(
    index: CatalogIndex, said: str, above: str, twin: str
) -> None:
    assert carried_twin(said, above, index) == twin


@pytest.mark.parametrize(
    ("said", "above"),
    [
        ("ruban adhésif rose", "SUR-JA"),  # a designation of its own
        ("jaune", "SUR-JA"),  # what the article above already is
        ("rose", None),  # nothing above
        ("bleu", "SUR-JA"),  # no twin of that colour
        ("blanche", "LAM-60"),  # two twins as close: the 6W has no white one, the 9W white differs twice
    ],
    ids=["own-designation", "same-as-above", "first-line", "no-such-twin", "farther-twin"],
)
def test_anything_else_is_read_on_its_own(index: CatalogIndex, said: str, above: str | None) -> None:
    assert carried_twin(said, above, index) is None


def test_an_order_that_writes_the_article_once_reads_each_colour_as_its_twin(index: CatalogIndex) -> None:
    lines = [
        make_extracted_line("surligneurs pointe biseautée jaunes", quantity="10"),
        make_extracted_line("roses", quantity="5"),
        make_extracted_line("orange", quantity="5"),
        make_extracted_line("cahiers A4 96 pages", quantity="20"),
    ]
    matched = with_carried_twins([match_article(x, index, customer_id=None) for x in lines], index)
    assert [m.sku for m in matched] == ["SUR-JA", "SUR-RO", "SUR-OR", "CAH-A4-96"]
    assert [m.quantity for m in matched][1] == 5
    assert any(e.kind == "carried" for e in matched[1].candidates[0].evidence)
