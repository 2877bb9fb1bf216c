"""A name saying what its article is free of ('sans acide', 'sans gluten') against its twin saying nothing of
it: the customer's denial, in French or as the English 'X-free', names the one that says it."""

from __future__ import annotations

import pytest

from matchers import match_article
from matchers.denied import free_of
from matchers.normalize import read_wording
from tests.factories.pipeline import catalogue_index, make_extracted_line


@pytest.mark.parametrize(
    ("names", "written", "sku"),
    [
        # Food: the gluten-free twin, in English.
        (
            ("Biscuits sablés pur beurre 200 g", "Biscuits sablés pur beurre sans gluten 200 g"),
            "sablés gluten-free 200 g",
            "A2",
        ),
        # Plumbing: the lead-free solder, in French.
        (
            ("Soudure étain fil 250 g", "Soudure étain fil sans plomb 250 g"),
            "soudure étain sans plomb 250 g",
            "A2",
        ),
        # Hygiene: the dye-free washing-up liquid, written first.
        (
            ("Liquide vaisselle sans colorant 1 L", "Liquide vaisselle 1 L"),
            "liquide vaisselle sans colorant 1 L",
            "A1",
        ),
    ],
    ids=["food-english", "plumbing-french", "hygiene-first"],
)
def test_the_denial_written_names_the_twin_that_says_it(
    names: tuple[str, ...], written: str, sku: str
) -> None:
    match = match_article(make_extracted_line(written), catalogue_index(*names), customer_id=None)
    assert match.sku == sku


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("acid-free paper", "sans acid paper"),
        ("gluten free", "sans gluten"),
        ("free delivery", "free delivery"),
        ("bac 40 l (pas besoin de couvercle)", "bac 40 l (sans couvercle)"),
        ("storage box (no need for a lid)", "storage box (sans lid)"),
    ],
)
def test_an_english_x_free_is_sans_x(written: str, read: str) -> None:
    assert free_of(written) == read


def test_a_denial_the_catalogue_never_prints_weighs_on_no_article() -> None:
    index = catalogue_index("Gants nitrile bleus taille 9", "Gants vinyle taille 9")
    match = match_article(
        make_extracted_line("gants nitrile taille 9, pas les vinyle"), index, customer_id=None
    )
    assert match.sku == "A1"
    assert read_wording("pas les vinyle").excluded == ("vinyle",)


def test_a_feature_needed_by_none_names_the_twin_without_it() -> None:
    index = catalogue_index("Friteuse électrique 8 L minuterie", "Friteuse électrique 8 L")
    match = match_article(
        make_extracted_line("friteuse électrique 8 L (pas besoin de minuterie)"), index, customer_id=None
    )
    assert match.sku == "A2"
