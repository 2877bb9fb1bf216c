"""Replies read by where they stand against the quoted message: the quoted order or quote named by its
place ('the order below', 'le devis ci-dessous'), items taken by their numbers ('ok pour 1 et 3'), a
substitute taken in a line's place at its count, and a report of what arrived, which orders nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from intake.followups import read_thread
from intake.orders_by_reading import THREAD_REASON, answer_to_offer
from matchers import CatalogIndex
from models import Classification, ExtractedOrder, MessageKind, ParsedMessage
from models.followups import FollowupKind, FollowupSign
from parsers import extract_orders, followup_sign
from parsers.text.thread import names_quoted_lines
from tests.factories.pipeline import make_parsed
from tests.factories.threads import reply_quoting, skus_of

REF = Path(__file__).parents[2] / "fixtures" / "followups" / "ref"

EARLIER_ORDER = (
    "Bonjour,\nCommande CH-2611-40 :\n4 couronnes Tube PER nu Ø16x1,5 couronne 50 m\n"
    "20 pièces Coude 90° à sertir cuivre profil M Ø16\n10 rouleaux Ruban PTFE 19 mm x 15 m\nChauffage Lenoir"
)
QUOTE_EN = (
    "Hello,\nQuote DV-26-7710, net prices excl. VAT:\n\n"
    "1. PLB-12400  Tube PER gainé bleu Ø12x1,1 couronne 50 m   qty 4   49.00\n"
    "2. PLB-20873  Coude 90° à sertir cuivre profil M Ø16       qty 20   3.60\n"
    "3. PLB-37498  Ruban PTFE 19 mm x 15 m                      qty 10   1.45\n\nBest regards"
)
AVAILABILITY_FR = (
    "Bonjour,\nSuite à votre demande :\n1) Tube PER nu Ø16x1,5 couronne 50 m x4 - disponible\n"
    "2) Coude 90° à sertir cuivre profil M Ø16 x20 - délai 3 semaines\n"
    "3) Ruban PTFE 19 mm x 15 m x10 - disponible\n\nOn lance quoi ?"
)


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(REF)


def _read(parsed: ParsedMessage, index: CatalogIndex) -> list[ExtractedOrder]:
    return read_thread(parsed, extract_orders(parsed, codes=index), index)


def _quoted(message: str) -> str:
    return "\n".join(f"> {line}" for line in message.split("\n"))


@pytest.mark.parametrize(
    ("said", "named"),
    [
        ("Idem que la commande ci-dessous, mais 30 coudes au lieu de 20.", True),
        ("Please repeat my order below, with 6 coils instead of 4.", True),
        ("Même chose que notre liste ci-dessous. Nouveau bon : CH-2612-02.", True),
        ("Pouvez-vous me dire où en est la commande ci-dessous ?", False),
        ("Can you send the order below again, without the tape? PO 7831.", True),
        ("Pourriez-vous nous renvoyer la commande ci-dessous ?", True),
        ("Could you send the order below later?", False),
        ("Merci de modifier la commande ci-dessous : 30 coudes au lieu de 20.", False),
        ("Please cancel the order below.", False),
        ("Nous attendons toujours la commande ci-dessous.", False),
        ("Même dotation que pour le chantier de mai (commande ci-dessous), mais 30 coudes.", True),
        ("Same kit as for the March starters (see order below), but no tape.", True),
    ],
)
def test_the_quoted_order_named_by_its_place(said: str, named: bool) -> None:
    assert (names_quoted_lines(said, _quoted(EARLIER_ORDER)) is not None) is named
    assert names_quoted_lines(said, "> Votre commande est partie ce matin.") is None


@pytest.mark.parametrize(
    "rows",
    [
        "Tube PER nu Ø16x1,5 couronne 50 m x 4\nCoude 90° à sertir cuivre profil M Ø16 x 20 pièces",
        "Pain burger sésame 80 g x 4 cartons\nFrites allumettes 6x6 carton x 8",
        "Copy paper A4 80 g x 10 cases\nBallpoint pens blue, box of 50 x 3",
    ],
)
def test_the_quoted_order_named_by_its_place_counts_after_the_names(rows: str) -> None:
    said = "Same as the order below please, but 6 of the first instead of 4. New PO 5512."
    assert names_quoted_lines(said, _quoted(f"Bonjour,\nCommande 4410 :\n{rows}\nMerci")) is not None
    # A price list's rows count nothing.
    assert (
        names_quoted_lines(said, _quoted("Prix du mois :\nCopy paper A4 80 g : 17.90\nPens : 4.50")) is None
    )


def test_the_quoted_order_again_with_a_count_changed_and_a_line_left_out(index: CatalogIndex) -> None:
    parsed = reply_quoting(
        "Idem que la commande ci-dessous, mais 30 coudes au lieu de 20, et sans le ruban PTFE.\n"
        "Nouveau bon : CH-2612-02.",
        EARLIER_ORDER,
        subject="Re: Commande CH-2611-40",
    )
    (order,) = _read(parsed, index)
    assert sorted(skus_of(order, index)) == [("PLB-12570", 4), ("PLB-20873", 30)]
    assert order.doubts  # a change of the quoted order: a clerk confirms it


@pytest.mark.parametrize(
    "said",
    [
        "Same as the order below please, but 30 elbows instead of 20. New PO CH-2612-02.",
        "Idem que la commande ci-dessous, mais 30 coudes au lieu de 20. Nouveau bon : CH-2612-02.",
    ],
)
def test_the_quoted_rows_only_the_catalogue_names_are_read_with_the_others(
    said: str, index: CatalogIndex
) -> None:
    # 'Ruban PTFE ... colis 10 x 2' is read by its catalogue name alone, the quoted order's row all the same.
    earlier = (
        "Bonjour,\nCommande CH-2611-40 :\nTube PER nu Ø16x1,5 couronne 50 m x 4\n"
        "Coude 90° à sertir cuivre profil M Ø16 x 20\nRuban PTFE 19 mm x 15 m colis 10 x 2\nMerci"
    )
    (order,) = _read(reply_quoting(said, earlier, subject="Re: Commande CH-2611-40"), index)
    assert sorted(skus_of(order, index)) == [("PLB-12570", 4), ("PLB-20873", 30), ("PLB-37498", 2)]


@pytest.mark.parametrize(
    "said",
    [
        "Can you send the order below again, without the PTFE tape? New PO CH-2612-03.",
        "Pouvez-vous nous livrer la commande ci-dessous à nouveau, sans le ruban PTFE ? Bon CH-2612-03.",
    ],
)
def test_a_question_asking_for_the_order_below_again_orders_it(said: str, index: CatalogIndex) -> None:
    parsed = reply_quoting(said, EARLIER_ORDER, subject="Re: Commande CH-2611-40")
    (order,) = _read(parsed, index)
    assert sorted(skus_of(order, index)) == [("PLB-12570", 4), ("PLB-20873", 20)]


@pytest.mark.parametrize(
    "said",
    [
        "Could we get the same elbows and tape as below again, plus 2 PLB-12400? New PO CH-2612-04.",
        "Merci de nous livrer les mêmes coudes et ruban que ci-dessous. Nouveau bon : CH-2612-04.",
    ],
)
def test_the_same_things_as_below_takes_the_quoted_lines_they_name(said: str, index: CatalogIndex) -> None:
    parsed = reply_quoting(said, EARLIER_ORDER, subject="Re: Commande CH-2611-40")
    (order,) = _read(parsed, index)
    taken = [line for line in skus_of(order, index) if line[0] != "PLB-12400"]
    assert sorted(taken) == [("PLB-20873", 20), ("PLB-37498", 10)]


@pytest.mark.parametrize(
    "said",
    [
        "Merci de nous livrer les mêmes coudes et ruban que ci-dessous, et 2 couronnes de tube PER gainé bleu Ø12"
        " 50 m ? Bon CH-2612-05.",
        "Please send the same elbows and tape as below, and 2 PLB-12400. New PO CH-2612-05.",
    ],
    ids=["et-fr", "and-en"],
)
def test_an_article_counted_after_the_quoted_things_named_again_is_added(
    said: str, index: CatalogIndex
) -> None:
    parsed = reply_quoting(said, EARLIER_ORDER, subject="Re: Commande CH-2611-40")
    (order,) = _read(parsed, index)
    assert sorted(skus_of(order, index)) == [("PLB-12400", 2), ("PLB-20873", 20), ("PLB-37498", 10)]


@pytest.mark.parametrize(
    "said",
    [
        "Bon pour le devis : on prend seulement les coudes et le ruban pour l'instant, le tube au printemps.",
        "OK for the quote, we'll only take the elbows and the PTFE tape for now. PO LN-5522.",
    ],
    ids=["on-prend-seulement-fr", "only-take-en"],
)
def test_a_quote_taken_for_the_lines_named_alone_leaves_the_others(said: str, index: CatalogIndex) -> None:
    parsed = reply_quoting(said, QUOTE_EN, subject="RE: Quote DV-26-7710")
    (order,) = _read(parsed, index)
    assert sorted(skus_of(order, index)) == [("PLB-20873", 20), ("PLB-37498", 10)]


def test_a_reply_under_a_quote_that_names_it_orders_it_whatever_its_class(index: CatalogIndex) -> None:
    parsed = reply_quoting(
        "Please proceed with the quote below except the blue PER: go with the PER gainé rouge Ø12 50 m "
        "instead, same quantity. And 30 elbows rather than 20.\n\nOur PO: LN-5521",
        QUOTE_EN,
        subject="RE: Quote DV-26-7710",
    )
    parsed.classification = Classification(kind=MessageKind.QUOTE_REQUEST, confidence=0.6, reasons=["quote"])
    change = FollowupSign(kind=FollowupKind.CHANGE, confidence=0.9, reasons=["'rather than'"], by_model=True)
    read, _sign = answer_to_offer(parsed, None, change, index)
    assert parsed.classification.kind == MessageKind.ORDER
    assert parsed.classification.reasons == [THREAD_REASON]
    (order,) = read or []
    assert skus_of(order, index) == [("PLB-12487", 4), ("PLB-20873", 30), ("PLB-37498", 10)]
    assert order.doubts  # held: the quote changed by the reply


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("ok pour 1 et 3. Le 2 on verra plus tard.", [("PLB-12570", 4), ("PLB-37498", 10)]),
        ("Yes to items 1, 2 and 3 please.", [("PLB-12570", 4), ("PLB-20873", 20), ("PLB-37498", 10)]),
    ],
)
def test_items_of_a_numbered_list_taken_by_their_numbers(
    said: str, expected: list[tuple[str, int]], index: CatalogIndex
) -> None:
    (order,) = _read(reply_quoting(said, AVAILABILITY_FR), index)
    assert skus_of(order, index) == expected


def test_numbers_followed_by_a_unit_are_counts_not_items(index: CatalogIndex) -> None:
    orders = _read(reply_quoting("ok pour 1 et 2 rouleaux de plus.", AVAILABILITY_FR), index)
    assert all(len(order.lines) != 2 or order.doubts for order in orders)


@pytest.mark.parametrize(
    "said",
    [
        "Sur votre BL reçu ce matin : coudes 20 commandés, 12 reçus. Quand arrive le reliquat ?",
        "Your delivery came today: tape 10 ordered, 8 received. When can we expect the backorder?",
    ],
)
def test_a_report_of_what_arrived_is_a_delivery_question(said: str) -> None:
    parsed = make_parsed(text=said).model_copy(
        update={"subject": "RE: Expédition de votre commande", "quoted": "> Votre commande est partie."}
    )
    sign = followup_sign(parsed, is_order=True, use_model=False)
    assert sign.kind == FollowupKind.DELIVERY_QUESTION
