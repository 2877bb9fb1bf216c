"""An answer that takes the replacement our question proposes completes the customer's order quoted under
it with the article proposed (hardware catalogue, French and English wordings)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from intake.followups.completes import complete_quoted_order
from intake.followups.proposed import in_stock_instead, takes_proposal
from matchers import CatalogIndex
from models import ParsedMessage
from tests.factories.pipeline import make_parsed

REF = Path(__file__).parents[2] / "fixtures" / "ref"

FR_THREAD = (
    "Le mar. 1 déc. 2026 à 09:14, Service commandes <commandes@garonne-pro.fr> a écrit :\n"
    "> Bonjour,\n> Le ruban de masquage 38 mm est en rupture : nous pouvons le remplacer par le ruban de"
    " masquage 50 mm x 50 m à 3,10 € HT. Cela vous convient-il ?\n> Le service commandes\n>\n"
    "> Le lun. 30 nov. 2026 à 08:10, Martin BTP <achats@martin-btp.fr> a écrit :\n"
    ">> Bonjour,\n>> Commande MB-7102 :\n>> - 10 rouleaux de ruban de masquage 38 mm\n"
    ">> - 6 paires de gants cuir taille 9\n>> Merci\n"
)
EN_THREAD = (
    "On Tue, 1 Dec 2026 at 09:14, Order desk <commandes@garonne-pro.fr> wrote:\n"
    "> Hello,\n> The nitrile gloves size 10 are out of stock; we could offer the latex gloves size 10 instead."
    " Would that do?\n> Order desk\n>\n"
    "> On Mon, 30 Nov 2026 at 08:10, Martin BTP <achats@martin-btp.fr> wrote:\n"
    ">> Hello,\n>> PO MB-7103\n>> 4 boxes of nitrile gloves size 10\n>> 6 pairs of leather gloves size 9\n"
)


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(REF)


def _reply(text: str, quoted: str) -> ParsedMessage:
    return make_parsed(text=text).model_copy(update={"quoted": quoted, "subject": "Re: Commande"})


@pytest.mark.parametrize(
    ("said", "quoted", "lines", "price"),
    [
        ("Oui, le remplacement nous va. Merci", FR_THREAD, [("RUB-MAS-50", 10), (None, 6)], "3.1"),
        ("Yes, the substitute is fine.", EN_THREAD, [("GAN-LTX-T10", 4), (None, 6)], None),
    ],
    ids=["french-replacement-at-its-price", "english-substitute"],
)
def test_the_proposed_article_replaces_the_missing_line(
    said: str, quoted: str, lines: list[tuple[str, int]], price: str | None, index: CatalogIndex
) -> None:
    order = complete_quoted_order(_reply(said, quoted), index)
    assert order is not None
    assert [
        (line.code.value if line.code else None, int(line.quantity.value)) for line in order.lines
    ] == lines
    first = order.lines[0].unit_price
    assert (str(first.value) if first else None) == price


@pytest.mark.parametrize(
    ("said", "takes"),
    [
        ("l'équivalent proposé nous va", True),
        ("ok pour le remplaçant", True),
        ("the alternative will do, thanks", True),
        ("the alternative will not do", False),
        ("le remplacement ne nous convient pas", False),
        ("merci pour la proposition de prix", False),
    ],
)
def test_taking_the_proposal_is_read_in_its_clause(said: str, takes: bool) -> None:
    assert takes_proposal(said) == takes


def test_a_refused_replacement_completes_nothing(index: CatalogIndex) -> None:
    assert (
        complete_quoted_order(_reply("Non, l'équivalent ne nous va pas, on attend.", FR_THREAD), index)
        is None
    )


SHIP_INSTEAD_EN = (
    "On Tue, 1 Dec 2026 at 09:14, Order desk <commandes@garonne-pro.fr> wrote:\n"
    "> Hello,\n> Regarding your PO MB-7104: the nitrile gloves size 10 are out of stock until January. We can"
    " ship the powder-free latex gloves size 10 instead, at EUR 7.20 instead of 6.90. Shall we?\n"
    "> The other lines are in stock.\n> Order desk\n>\n"
    "> On Mon, 30 Nov 2026 at 08:10, Martin BTP <achats@martin-btp.fr> wrote:\n"
    ">> Hello,\n>> PO MB-7104\n>> 4 boxes of nitrile gloves size 10\n>> 6 pairs of leather gloves size 9\n"
)


def test_the_proposed_article_named_by_the_answer_replaces_the_line_our_sentence_before_names(
    index: CatalogIndex,
) -> None:
    said = "Fine, go with the latex for the 4 boxes. Everything else as per our PO."
    order = complete_quoted_order(_reply(said, SHIP_INSTEAD_EN), index)
    assert order is not None
    assert [(line.code.value if line.code else None, int(line.quantity.value)) for line in order.lines] == [
        ("GAN-LTX-T10", 4),
        (None, 6),
    ]
    first = order.lines[0]
    assert first.unit_price is not None and str(first.unit_price.value) == "7.2"
    assert first.description is None  # the words of the article replaced no longer name it


def test_an_answer_naming_the_proposed_article_to_wait_for_the_other_completes_nothing(
    index: CatalogIndex,
) -> None:
    said = "No, we'd rather wait for the nitrile, not the latex."
    assert complete_quoted_order(_reply(said, SHIP_INSTEAD_EN), index) is None


IN_STOCK_EN = (
    "On Tue, 1 Dec 2026 at 09:14, Order desk <commandes@garonne-pro.fr> wrote:\n"
    "> Hello,\n> Two points:\n> - the nitrile gloves size 10 are out of stock until January; the latex gloves"
    " size 10 are in stock. Would that do instead?\n> Order desk\n>\n"
    "> On Mon, 30 Nov 2026 at 08:10, Martin BTP <achats@martin-btp.fr> wrote:\n"
    ">> Hello,\n>> PO MB-7105\n>> 4 boxes of nitrile gloves size 10\n>> 6 pairs of leather gloves size 9\n"
)
IN_STOCK_FR = (
    "Le mar. 1 déc. 2026 à 09:14, Service commandes <commandes@garonne-pro.fr> a écrit :\n"
    "> Bonjour,\n> Le ruban de masquage 38 mm est en rupture, mais le ruban de masquage 50 mm x 50 m est"
    " disponible. Cela vous irait ?\n> Le service commandes\n>\n"
    "> Le lun. 30 nov. 2026 à 08:10, Martin BTP <achats@martin-btp.fr> a écrit :\n"
    ">> Bonjour,\n>> Commande MB-7106 :\n>> - 10 rouleaux de ruban de masquage 38 mm\n"
    ">> - 6 paires de gants cuir taille 9\n>> Merci\n"
)


@pytest.mark.parametrize(
    ("said", "quoted", "first"),
    [
        ("Yes, the latex is fine, same quantity.", IN_STOCK_EN, ("GAN-LTX-T10", 4)),
        ("Oui, le 50 mm nous va.", IN_STOCK_FR, ("RUB-MAS-50", 10)),
    ],
    ids=["out-of-stock-then-in-stock-en", "en-rupture-mais-disponible-fr"],
)
def test_an_article_said_in_stock_after_the_missing_one_is_the_proposal(
    said: str, quoted: str, first: tuple[str, int], index: CatalogIndex
) -> None:
    order = complete_quoted_order(_reply(said, quoted), index)
    assert order is not None
    read = [(line.code.value if line.code else None, int(line.quantity.value)) for line in order.lines]
    assert read == [first, (None, 6)]


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        (
            "the HP 26X is out of stock; the 26A (CF226A) is in stock.",
            ("the HP 26X is out of stock", " the 26A (CF226A)"),
        ),
        (
            "Le flacon de 1 L est épuisé - le bidon de 5 L est disponible.",
            ("Le flacon de 1 L est épuisé", "le bidon de 5 L"),
        ),
        ("The 26A is in stock and the 26X is out of stock.", None),
        ("All lines are in stock.", None),
    ],
    ids=["semicolon-en", "dash-fr", "in-stock-before-the-missing-one", "nothing-missing"],
)
def test_what_we_have_instead_is_read_after_what_is_missing(
    sentence: str, said: tuple[str, str] | None
) -> None:
    assert in_stock_instead(sentence) == said
