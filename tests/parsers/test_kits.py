"""Articles listed per person, none counted, found from the catalogue's names (parsers/text/kits.py;
invented catalogues: a hospital's scrubs, a kitchen's whites)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from matchers import CatalogIndex
from models import ProductRow, ReferenceData
from parsers.text.reader import read_lines

SCRUBS = CatalogIndex.build(
    ReferenceData(
        products=[
            ProductRow(sku="TUN-BL-M", name="Tunique médicale bleue taille M", unit="pce"),
            ProductRow(sku="TUN-BL-L", name="Tunique médicale bleue taille L", unit="pce"),
            ProductRow(sku="PAN-BL-M", name="Pantalon médical bleu taille M", unit="pce"),
            ProductRow(sku="PAN-BL-L", name="Pantalon médical bleu taille L", unit="pce"),
            ProductRow(sku="SAB-38", name="Sabots blancs pointure 38", unit="paire"),
            ProductRow(sku="SAB-41", name="Sabots blancs pointure 41", unit="paire"),
            ProductRow(sku="CHA-100", name="Charlottes jetables boîte de 100", unit="boite"),
        ]
    )
)
WHITES = CatalogIndex.build(
    ReferenceData(
        products=[
            ProductRow(sku="CJ-S", name="Chef jacket white size S", unit="pce"),
            ProductRow(sku="CJ-M", name="Chef jacket white size M", unit="pce"),
            ProductRow(sku="AP-BIB", name="Bib apron white", unit="pce"),
            ProductRow(sku="HAT-10", name="Paper chef hat pack of 10", unit="lot"),
        ]
    )
)


def _lines(text: str, book: CatalogIndex) -> list[tuple[str, Decimal]]:
    return sorted(
        (ln.description.value, ln.quantity.value) for ln in read_lines(text, part="body", codes=book)
    )


@pytest.mark.parametrize(
    ("text", "book", "expected"),
    [
        (
            "Bonjour,\n\nPour les nouvelles infirmières :\n"
            "- Julie Morel : tunique médicale bleue M, pantalon médical bleu M, sabots blancs 38\n"
            "- Inès Bréal : tunique médicale bleue L, pantalon médical bleu L, sabots blancs 38\n\n"
            "Et une boîte de charlottes jetables pour chacune.\n\nMerci\n",
            SCRUBS,
            [
                ("charlottes jetables", 2),
                ("pantalon médical bleu L", 1),
                ("pantalon médical bleu M", 1),
                ("sabots blancs 38", 2),
                ("tunique médicale bleue L", 1),
                ("tunique médicale bleue M", 1),
            ],
        ),
        (
            "Hi,\n\nKit for the new cooks please:\n"
            "- Tom Hardy: chef jacket white S, bib apron white\n"
            "- Ana Silva: chef jacket white M, bib apron white\n\nThanks\n",
            WHITES,
            [("bib apron white", 2), ("chef jacket white M", 1), ("chef jacket white S", 1)],
        ),
    ],
    ids=["nurses-fr-for-each", "cooks-en"],
)
def test_articles_listed_per_person_are_one_each_and_summed(text: str, book: CatalogIndex, expected) -> None:
    assert _lines(text, book) == [(name, Decimal(count)) for name, count in expected]


@pytest.mark.parametrize(
    "text",
    [
        # One person alone is no list.
        "Bonjour,\n\n- Julie Morel : tunique médicale bleue M, sabots blancs 38\n\nMerci\n",
        # An article no name of the catalogue gives surely: the row is left to a clerk.
        "Bonjour,\n\n- Julie Morel : tunique médicale bleue M, stéthoscope\n"
        "- Inès Bréal : tunique médicale bleue L, sabots blancs 38\n\nMerci\n",
    ],
    ids=["one-person", "an-article-not-named-surely"],
)
def test_no_list_of_persons_gives_no_line(text: str) -> None:
    assert _lines(text, SCRUBS) == []
