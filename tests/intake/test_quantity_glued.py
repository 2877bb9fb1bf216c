"""A quantity read from figures glued into a word of the article's name holds the order.

'Ampoule H7 12V : 10' read as 7 or 12, 'huile 5W30 x 4' read as 5, 'filtre A-3 : 2' read as 3: the
figures are a size, a grade or a code. A count glued to its unit or its 'x' ('6pcs', 'x12', '3x') is a
count, and a figure standing alone on the line too makes both readings one.
"""

from __future__ import annotations

import pytest

from intake.routing.checks import CheckContext
from intake.routing.checks.glued import check_quantity_glued, glued_word
from models import Provenance
from tests.factories.pipeline import make_line, make_matched_order, make_parsed


def held(text: str, figures: str, quantity: str) -> list[str]:
    """The codes the check gives when the quantity was read from the first `figures` of `text`."""
    parsed = make_parsed(text=text)
    start = text.index(figures)
    line = make_line("VIS-440-200", quantity, span=(0, len(text)))
    where = Provenance(part=parsed.text_part, span=(start, start + len(figures)))
    read = line.line.model_copy(
        update={
            "quantity": line.line.quantity.model_copy(update={"provenance": where}),
            "provenance": Provenance(part=parsed.text_part, span=(0, len(text))),
        }
    )
    matched = make_matched_order([line.model_copy(update={"line": read})])
    return [r.code for r in check_quantity_glued(CheckContext(parsed=parsed, matched=matched))]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Ampoules halogènes H7 pour le stock", "7"),
        ("Huile hydraulique HV46 bidon", "46"),
        ("Câble souple 3G2,5 en couronne", "3"),
        ("Pneus 205/55 R16 hiver", "55"),
        ("Flexible DN-25 pour la pompe", "25"),
        ("Batteries 12V pour les portails", "12"),
        ("Vis inox 4x40 tête fraisée", "40"),
    ],
)
def test_a_quantity_read_inside_a_word_of_the_name_holds(text: str, figures: str):
    assert held(text, figures, figures.replace(",", ".")) == ["quantity_in_designation"]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("12 tubes fluorescents T8", "12"),
        ("Gants nitrile taille M x12", "12"),
        ("3x boîtes de chevilles", "3"),
        ("Lessive 10kg pour la laverie", "10"),
        ("Serviettes 6pcs par lot", "6"),
        ("- 4 sacs de plâtre", "4"),
        ("Cartouches qté5 noires", "5"),
    ],
)
def test_a_count_standing_or_glued_to_its_unit_holds_nothing(text: str, figures: str):
    assert held(text, figures, figures) == []


def test_a_glued_figure_the_line_also_writes_alone_holds_nothing():
    assert held("Ampoules H4 : 4 pièces", "4", "4") == []


def test_the_word_named_is_the_whole_glued_word():
    text = "huile moteur 5W30 bidon"
    start = text.index("5")
    assert glued_word(text, start, start + 1) == "5W30"


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("3xVK-2210 filtres", "3"),
        ("Savon liquide 5Lx2", "2"),
        ("2xbrosses à récurer", "2"),
        ("Tablier RX-220x4", "4"),
        ("Blouse T2x3", "3"),
    ],
)
def test_a_count_glued_to_its_x_before_a_code_or_after_a_measure_holds_nothing(text: str, figures: str):
    assert held(text, figures, figures) == []


def test_letters_before_the_figures_that_are_a_code_hold_even_ending_in_x():
    assert held("Disjoncteur DX6 courbe C", "6", "6") == ["quantity_in_designation"]
