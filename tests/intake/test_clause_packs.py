"""An added or changed article named by the pack it is sold in, the pack size glued to its word ('the
12-packs', 'a 4-pack'): the pack is the article's, no code (office catalogue of the open blind set)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from intake.followups.clause import line_of
from matchers import CatalogIndex, match_article

REF = Path(__file__).parents[2] / "fixtures" / "blind" / "office" / "ref"


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(REF)


@pytest.mark.parametrize(
    ("clause", "sku"),
    [
        ("add 2 packs of Duracell AA, the 12-packs", "OS-41387"),
        ("plus 3 Duracell AAA 4-packs", "OS-49330"),
        ("ajoutez 2 piles Duracell AAA en 12-pack", "OS-48315"),
    ],
    ids=["the-12-packs-en", "4-packs-en", "12-pack-fr"],
)
def test_a_pack_size_glued_to_its_word_names_the_pack(clause: str, sku: str, index: CatalogIndex) -> None:
    line = line_of(clause, index)
    assert line.code is None
    assert match_article(line, index, customer_id=None).sku == sku
