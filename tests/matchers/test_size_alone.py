"""A size written alone ('taille 42', 'size L', 'T10') is a variant of the article the context
names: counted in a unit whose word opens another article's name ('Paire de lacets ...', 'Boîte de
...'), it never names that article."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex, match_article
from models import ProductRow, ReferenceData
from tests.factories.pipeline import make_extracted_line


def _index() -> CatalogIndex:
    """Shoes and gloves sold by the pair beside articles whose names open with the unit's word."""
    return CatalogIndex.build(
        ReferenceData(
            products=[
                ProductRow(sku="CHA-42", name="Chaussure de ville cuir noire pointure 42", unit="paire"),
                ProductRow(sku="LAC-90", name="Paire de lacets ronds 90 cm", unit="pce"),
                ProductRow(sku="GAN-L", name="Gant de jardinage cuir taille L", unit="paire"),
                ProductRow(sku="SEM-1", name="Paire de semelles gel", unit="pce"),
                ProductRow(
                    sku="PIP-M", name="Gant de laboratoire nitrile taille M - boîte de 100", unit="boite"
                ),
                ProductRow(sku="BOI-1", name="Boîte de pipettes graduées 3 mL", unit="pce"),
                ProductRow(sku="BDD-1", name="Boîte de dérivation étanche 105 x 105 mm", unit="pce"),
            ]
        )
    )


@pytest.mark.parametrize(
    ("wording", "unit"),
    [
        ("taille 42", "paire"),
        ("size L", "paire"),
        ("T10", "paire"),
        ("taille M", "boite"),
        ("size 9", "pair"),
    ],
    ids=["taille-shoes", "size-gloves", "t-number", "lab-box", "english-unit"],
)
def test_a_size_alone_names_no_article_by_its_unit(wording: str, unit: str) -> None:
    match = match_article(make_extracted_line(wording, quantity="12", unit=unit), _index(), customer_id=None)
    assert match.sku not in {"LAC-90", "SEM-1", "BOI-1"}


def test_a_unit_word_opening_a_name_still_names_it_with_words() -> None:
    line = make_extracted_line("de dérivation étanches", quantity="3", unit="boite")
    assert match_article(line, _index(), customer_id=None).sku == "BDD-1"
