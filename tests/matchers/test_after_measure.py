"""What a customer writes after the last measure of an article's name (a colour chart's code, a mark, a
remark) names nothing: the name up to the measure names the article, unless the tail prints what tells
its twins apart."""

from __future__ import annotations

import pytest

from matchers import match_article
from matchers.after_measure import split_after_measure
from tests.factories.pipeline import catalogue_index, make_extracted_line

_CLOTHS = (
    "Nappe coton rectangulaire 140x240 cm",
    "Nappe coton rectangulaire 140x300 cm",
    "Nappe coton ronde 180 cm",
)
_MUGS = ("Mug céramique blanc 33 cl", "Mug céramique blanc 45 cl", "Mug céramique noir 33 cl")


@pytest.mark.parametrize(
    ("wording", "name", "tail"),
    [
        (
            "Nappe coton 140x240 cm coloris PMS 3021 (bordeaux)",
            "Nappe coton 140x240 cm",
            "coloris PMS 3021 (bordeaux)",
        ),
        ("Mug céramique 33 cl logo Q-4471-B", "Mug céramique 33 cl", "logo Q-4471-B"),
        ("Mug céramique 33 cl", "Mug céramique 33 cl", ""),
        ("33 cl logo bleu", "33 cl logo bleu", ""),
        ("Câble 2 m", "Câble 2 m", ""),
    ],
    ids=["cloth-colour-code", "mug-mark", "nothing-after", "no-name-before", "no-tail"],
)
def test_the_name_ends_at_its_last_measure(wording: str, name: str, tail: str) -> None:
    assert split_after_measure(wording) == (name, tail)


@pytest.mark.parametrize(
    ("names", "written", "sku"),
    [
        (_CLOTHS, "nappe rectangulaire 140x240 cm coloris PMS 3021 (bordeaux)", "A1"),
        (_MUGS, "mug blanc 45 cl teinte Pantone 2945 C", "A2"),
    ],
    ids=["textile-colour-code", "tableware-mark"],
)
def test_a_tail_no_designation_prints_names_nothing(names: tuple[str, ...], written: str, sku: str) -> None:
    match = match_article(
        make_extracted_line(written, quantity="4"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == sku


def test_a_tail_printing_a_twins_word_leaves_the_line_to_a_clerk() -> None:
    """'noir' after the measure may name the black twin: the line is left to a clerk."""
    match = match_article(
        make_extracted_line("mug blanc 33 cl marquage PMS 2945-C noir", quantity="4"),
        catalogue_index(*_MUGS),
        customer_id=None,
    )
    assert match.sku is None or match.score <= 0.6
