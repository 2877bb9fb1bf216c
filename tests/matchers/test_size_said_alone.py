"""A line naming a size alone beside a line of the same sentence naming an article sold in sizes is that
article's twin in the size said, proposed for a clerk (invented lab-wear, footwear and garden wordings)."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex, match_article
from matchers.sizes_alone import in_the_size_said
from models import Extracted, ExtractedLine, ProductRow, ReferenceData
from models.pipeline import Provenance


def _index() -> CatalogIndex:
    names = {
        "BLO-M": "Blouse de laboratoire coton blanche taille M",
        "BLO-L": "Blouse de laboratoire coton blanche taille L",
        "BLO-XL": "Blouse de laboratoire coton blanche taille XL",
        "SHO-42": "Chaussure de ville cuir noire pointure 42",
        "SHO-43": "Chaussure de ville cuir noire pointure 43",
        "GLV-8": "Gardening glove leather size 8",
        "GLV-9": "Gardening glove leather size 9",
        "RAKE": "Garden rake 14 teeth",
    }
    return CatalogIndex.build(
        ReferenceData(products=[ProductRow(sku=sku, name=name, unit="pce") for sku, name in names.items()])
    )


def _line(text: str, wording: str, quantity: str) -> ExtractedLine:
    at = text.index(wording)
    where = Provenance(part="body", span=(at, at + len(wording)), rule="text-prose")
    return ExtractedLine(
        line_no=1,
        description=Extracted[str](value=wording, confidence=0.8, provenance=where),
        quantity=Extracted(value=quantity, confidence=0.8),
    )


@pytest.mark.parametrize(
    ("text", "wordings", "skus"),
    [
        (
            "Merci d'envoyer 4 blouses coton blanches taille L, 2 en XL et 3 rateaux.",
            ["blouses coton blanches taille L", "XL"],
            ["BLO-L", "BLO-XL"],
        ),
        (
            "Please send 6 pairs size 8 and 4 pairs size 9 of the leather gardening gloves.",
            ["size 8", "size 9 of the leather gardening gloves"],
            ["GLV-8", "GLV-9"],
        ),
        (
            "Il me faut 2 paires de chaussures de ville noires 42, et 1 paire taille 43.",
            ["chaussures de ville noires 42", "taille 43"],
            ["SHO-42", "SHO-43"],
        ),
    ],
    ids=["lab-after-fr", "garden-before-en", "shoes-fr"],
)
def test_a_size_alone_takes_the_twin_of_the_article_its_sentence_names(
    text: str, wordings: list[str], skus: list[str]
) -> None:
    index = _index()
    lines = [_line(text, wording, "1") for wording in wordings]
    found = in_the_size_said([match_article(line, index, customer_id=None) for line in lines], text, index)
    assert [match.sku for match in found] == skus
    assert min(match.score for match in found) < 0.75  # proposed, a clerk confirms


def test_a_size_alone_in_another_sentence_names_nothing() -> None:
    index = _index()
    text = "4 blouses coton blanches taille L.\nXL"
    lines = [_line(text, "blouses coton blanches taille L", "4"), _line(text, "XL", "2")]
    found = in_the_size_said([match_article(line, index, customer_id=None) for line in lines], text, index)
    assert [match.sku for match in found] == ["BLO-L", None]
