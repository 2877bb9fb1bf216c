"""Colours counted after a clause that names their article and closes with a colon ('il nous faudrait des
marqueurs Edding 360 : 6 boîtes de noirs, 4 de bleus') are that article in each colour."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex
from matchers.context import lead_clauses
from models import Address, ParsedMessage
from parsers.text.reader import read_lines
from tests.factories.body_lines import goods_index, skus_matched

GOODS = [
    ("MRQ-N", "Marqueur tableau blanc Edding 360 noir - boîte de 10", "boite"),
    ("MRQ-B", "Marqueur tableau blanc Edding 360 bleu - boîte de 10", "boite"),
    ("STY-N", "Stylo bille Bic Cristal noir - boîte de 50", "boite"),
    ("STY-B", "Stylo bille Bic Cristal bleu - boîte de 50", "boite"),
    ("GNT-B", "Gants nitrile bleu taille M - boîte de 100", "boite"),
    ("GNT-N", "Gants nitrile noir taille M - boîte de 100", "boite"),
    ("PAP-J", "Papier couleur A4 jaune - ramette de 500", "ramette"),
]


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return goods_index(GOODS)


def _matched(index: CatalogIndex, text: str) -> list[str | None]:
    return skus_matched(index, text, sender="achat@ecole.example")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bonjour, pour le labo il nous faudrait des marqueurs Edding 360 : 6 boîtes de noirs, 4 de bleus.",
            ["MRQ-N", "MRQ-B"],
        ),
        ("Hello, we need Bic Cristal pens: 3 boxes of black and 2 of blue. Thanks", ["STY-N", "STY-B"]),
        ("Pour l'atelier, gants nitrile taille M : 5 boîtes de bleus et 2 de noirs.", ["GNT-B", "GNT-N"]),
    ],
    ids=["markers-fr", "pens-en", "gloves-fr"],
)
def test_colours_listed_after_the_clause_naming_their_article_are_that_article(
    index: CatalogIndex, text: str, expected: list[str]
) -> None:
    assert _matched(index, text) == expected


def test_a_new_sentence_after_the_colon_ends_the_clause() -> None:
    text = "Il faudrait des marqueurs Edding 360 : 6 boîtes de noirs. Et du papier A4, 5 ramettes de jaune."
    parsed = ParsedMessage(message_id="<c@x>", sender=Address(email="a@x.example"), text=text)
    assert lead_clauses(parsed, read_lines(text, part="body")) == ["marqueurs Edding 360", ""]


def test_a_clause_before_a_sentence_naming_the_article_itself_leads_none() -> None:
    text = "J'en profite : pouvez-vous nous envoyer 3 boîtes de gants nitrile bleus M, 2 de noirs ?"
    parsed = ParsedMessage(message_id="<c@x>", sender=Address(email="a@x.example"), text=text)
    assert lead_clauses(parsed, read_lines(text, part="body")) == ["", ""]
