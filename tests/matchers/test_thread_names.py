"""Twins a reply's line leaves open, one of which the thread under it names (our offer, the order
answered): that one is proposed, for a clerk to confirm."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex, match_order
from models import Address, ExtractedOrder, ParsedMessage, ProductRow, ReferenceData
from tests.factories.pipeline import make_extracted_line

PRODUCTS = [
    ("GEN-1", "Genouillères mousse", "paire"),
    ("GEN-2", "Genouillères gel coque", "paire"),
    ("COU-14", "Coude cuivre 90° à souder Ø14", "pce"),
    ("COU-14F", "Coude cuivre 90° femelle-femelle Ø14", "pce"),
    ("CAH-96", "Cahier piqûre 96 pages grands carreaux", "pce"),
    ("CAH-96S", "Cahier piqûre 96 pages seyès", "pce"),
]


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return CatalogIndex.build(
        ReferenceData(products=[ProductRow(sku=s, name=n, unit=u) for s, n, u in PRODUCTS])
    )


def _matched(index: CatalogIndex, wording: str, quoted: str) -> str | None:
    parsed = ParsedMessage(
        message_id="<t@x>",
        sender=Address(email="achat@client.example"),
        text=f"Je prends {wording}.",
        quoted=quoted,
    )
    order = ExtractedOrder(lines=[make_extracted_line(wording, quantity="2")])
    return match_order(parsed, order, index).lines[0].sku


@pytest.mark.parametrize(
    ("wording", "quoted", "sku"),
    [
        ("genouillères", "Nos prix de décembre :\n- Genouillères gel coque : 16,90 € HT la paire", "GEN-2"),
        ("coudes cuivre 14", "Our offer:\n- Coude cuivre 90° femelle-femelle Ø14: 1.20 EUR", "COU-14F"),
        ("cahiers 96 pages", "Suite à votre demande : cahier piqûre 96 pages seyès à 0,85 €", "CAH-96S"),
    ],
    ids=["offer-fr", "offer-en", "quote-sentence"],
)
def test_the_twin_the_thread_names_is_proposed(
    index: CatalogIndex, wording: str, quoted: str, sku: str
) -> None:
    assert _matched(index, wording, quoted) == sku


def test_a_thread_naming_both_twins_chooses_none(index: CatalogIndex) -> None:
    quoted = "- Genouillères mousse : 9,90 €\n- Genouillères gel coque : 16,90 €"
    assert _matched(index, "genouillères", quoted) == _matched(index, "genouillères", "")
