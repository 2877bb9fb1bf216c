"""Replies that take what our quoted message offers, and the standing order again with changes
(plumbing catalogue: French designations, the customer writing French or English)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from intake.followups import ANSWER_RULE, read_against_thread, read_thread
from intake.followups.diff import compute_change
from intake.followups.each import EACH_DOUBT
from intake.followups.order_article import OrderLines, order_index
from intake.followups.swap import swap_variants
from intake.orders_by_reading import ANSWERED, COUNTED_DOUBT, answer_to_offer, as_answer
from matchers import CatalogIndex
from models import (
    Classification,
    Extracted,
    ExtractedLine,
    ExtractedOrder,
    MessageKind,
    ParsedMessage,
    Provenance,
)
from models.followups import FollowupKind, FollowupSign
from parsers import extract_orders, followup_sign
from parsers.classify import classify
from parsers.text.reader import extract_from_text
from parsers.text.thread import option_block, points_to_thread
from tests.factories.pipeline import make_parsed
from tests.factories.threads import reply_quoting, skus_of

REF = Path(__file__).parents[2] / "fixtures" / "followups" / "ref"
FIXTURES_REF = Path(__file__).parents[2] / "fixtures" / "ref"

STOCK_OUT_FR = (
    "Bonjour,\nLe tube PER nu Ø16x1,5 en couronne de 100 m (PLB-12106) de votre commande CP-2611-08 est en "
    "rupture.\nNous pouvons vous proposer la couronne de 50 m (PLB-12570).\nCordialement,\nService commandes"
)
STOCK_OUT_EN = (
    "Hello,\nThe PER pipe Ø16x1,5 in 100 m coils (PLB-12106) of your order CP-2611-08 is out of stock.\n"
    "Would the 50 m coils (PLB-12570) suit you instead?\nBest regards,\nOrder desk"
)
EARLIER_FR = (
    "Bonjour,\nNous confirmons votre commande :\n"
    "- PLB-37699 Vanne à sphère laiton FF 3/4 : 4\n"
    "- PLB-23554 Coude 90° laiton FF 3/4 : 10\n"
    "- PLB-37498 Ruban PTFE 19 mm x 15 m : 6\n"
    "Cordialement,\nLe service commandes"
)


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(REF)


def _reply(said: str, question: str) -> ParsedMessage:
    return reply_quoting(said, question)


def _skus(order: ExtractedOrder, index: CatalogIndex) -> list[tuple[str | None, int]]:
    return skus_of(order, index)


@pytest.mark.parametrize(
    ("said", "question"),
    [
        ("Oui, remplacez par 3 couronnes de 50 m. Et ajoutez 10 x PLB-20873.", STOCK_OUT_FR),
        ("Yes go ahead with the 50m instead, 3 coils. Please add 10 x PLB-20873 too.", STOCK_OUT_EN),
    ],
    ids=["offered-without-question-mark-fr", "size-glued-to-its-unit-en"],
)
def test_a_substitute_taken_is_ordered_with_the_lines_the_reply_adds(
    said: str, question: str, index: CatalogIndex
) -> None:
    parsed = _reply(said, question)
    (order,) = read_thread(parsed, extract_orders(parsed, codes=index), index)
    assert _skus(order, index) == [("PLB-12570", 3), ("PLB-20873", 10)]
    assert order.doubts == []


def test_an_order_number_beside_the_answer_is_no_count(index: CatalogIndex) -> None:
    parsed = _reply(
        "OK pour la couronne de 50 m, 3 couronnes.\nRéf. commande : CP-2612-31 (complément)", STOCK_OUT_FR
    )
    (order,) = read_thread(parsed, extract_orders(parsed, codes=index), index)
    assert _skus(order, index) == [("PLB-12570", 3)]
    assert order.po_number is not None and order.po_number.value == "CP-2612-31"


TWO_OFFERS_EN = (
    "Hello,\nThe PER pipe in 100 m coils and the PTFE tape of your order CP-2611-08 are out of stock.\n"
    "We can offer instead:\n1) 6 x PER pipe Ø16x1,5 in 50 m coils (PLB-12570)\n2) 6 x PTFE tape 19 mm (PLB-37498)\n"
    "Let me know.\nOrder desk"
)


def test_an_answer_taking_both_offers_with_fewer_lines_read_is_held(index: CatalogIndex) -> None:
    parsed = _reply("Yes to both, but 10 instead of 6 for the first one. PO stays CP-2611-08.", TWO_OFFERS_EN)
    orders = read_thread(parsed, extract_orders(parsed, codes=index), index)
    assert all(
        len(order.lines) >= 2 or any("several options" in doubt for doubt in order.doubts) for order in orders
    )


def test_a_reply_taking_the_offer_is_an_order_settled_against_the_store(index: CatalogIndex) -> None:
    parsed = _reply("Oui, remplacez par 3 couronnes de 50 m. Et ajoutez 10 x PLB-20873.", STOCK_OUT_FR)
    change = FollowupSign(kind=FollowupKind.CHANGE, confidence=0.9, reasons=["'ajoutez'"])
    read, sign = answer_to_offer(parsed, None, change, index)
    assert parsed.classification is not None and parsed.classification.kind == MessageKind.ORDER
    # A change of the order the offer was about only when the PO it writes is an order taken.
    assert sign.kind == FollowupKind.CHANGE and sign.tentative
    assert read and read[0].lines


def test_a_reply_to_a_notice_offering_nothing_is_left_as_it_reads(index: CatalogIndex) -> None:
    notice = "Bonjour,\nVotre commande CP-2611-08 est partie ce jour.\nCordialement,\nService commandes"
    parsed = _reply("Merci, ajoutez 2 coudes à la prochaine.", notice)
    change = FollowupSign(kind=FollowupKind.CHANGE, confidence=0.9, reasons=["'ajoutez'"])
    assert answer_to_offer(parsed, None, change, index) == (None, change)


@pytest.mark.parametrize(
    ("said", "pointer"),
    [
        ("Comme d'habitude pour jeudi, mais 8 au lieu de 4 pour les vannes.", True),
        ("The usual please, but 8 valves instead of 4.", True),
        ("Comme d'habitude pour ce mois-ci (commande d'octobre ci-dessous), mais 6 au lieu de 4.", True),
        ("Comme d'habitude, la facture est jointe.", False),
        ("Comme d'habitude, merci de livrer avant 10h.", False),
    ],
    ids=["usual-for-a-day-fr", "the-usual-en", "usual-order-below-fr", "small-talk-fr", "delivery-habit-fr"],
)
def test_the_standing_order_again_points_at_the_thread(said: str, pointer: bool) -> None:
    assert (points_to_thread(said) is not None) is pointer


def test_the_standing_order_again_with_changes_is_the_quoted_order_changed(index: CatalogIndex) -> None:
    parsed = _reply("Comme d'habitude pour jeudi, mais 8 au lieu de 4 pour les vannes.", EARLIER_FR)
    order = read_against_thread(parsed, extract_from_text(parsed, codes=index), index)
    assert _skus(order, index) == [("PLB-37699", 8), ("PLB-23554", 10), ("PLB-37498", 6)]
    # The words of change beside the pointer change the thread's lines: a new order, no change of one.
    assert followup_sign(parsed, is_order=True).kind == FollowupKind.NEW_ORDER


def test_the_count_replaced_names_the_line_the_words_leave_open(index: CatalogIndex) -> None:
    lines = [("PLB-12570", 4.0), ("PLB-12106", 2.0)]
    held = OrderLines(lines, order_index(index, [sku for sku, _ in lines]))
    said = "les tubes PER : mettez-en 3 au lieu de 2."
    change = compute_change(said, held, index, customer_id=None, today=None)
    assert [(s.sku, s.quantity) for s in change.set_quantity] == [("PLB-12106", 3.0)]


def test_a_removal_takes_out_every_quoted_line_carrying_its_words(index: CatalogIndex) -> None:
    earlier = (
        "Bonjour,\nNous confirmons votre commande :\n"
        "- PLB-12570 Tube PER nu Ø16x1,5 couronne 50 m : 4\n"
        "- PLB-12560 Tube PER nu Ø20x1,9 couronne 50 m : 2\n"
        "- PLB-37498 Ruban PTFE 19 mm x 15 m : 6\n"
        "Cordialement,\nLe service commandes"
    )
    parsed = _reply("Comme d'habitude, mais 8 rubans au lieu de 6, et pas de tube PER ce mois-ci.", earlier)
    order = read_against_thread(parsed, extract_from_text(parsed, codes=index), index)
    assert _skus(order, index) == [("PLB-37498", 8)]


def test_a_count_replaced_beside_a_delivery_day_is_no_change_of_an_order_taken() -> None:
    parsed = make_parsed(
        text="À saisir svp. Le client a rappelé : 4 couronnes au lieu de 3, livraison mercredi.\n\n"
        "---------- Message transféré ----------\n3 couronnes tube PER 16\n2 boîtes de coudes\n",
    ).model_copy(update={"subject": "TR: commande chantier"})
    assert classify(parsed).kind != MessageKind.CHANGE


OFFER_FR = (
    "Bonjour,\nLe tube PER nu existe en couronne de 50 m : Ø12 (PLB-12704), Ø16 (PLB-12570) et Ø20 "
    "(PLB-12560).\nDites-moi.\nService commandes"
)


@pytest.mark.parametrize(
    ("said", "lines"),
    [
        ("On prend 3 de chaque diamètre, sauf le 12.", [("PLB-12570", 3), ("PLB-12560", 3)]),
        ("3 of each please.", [("PLB-12704", 3), ("PLB-12570", 3), ("PLB-12560", 3)]),
    ],
    ids=["all-but-one-fr", "all-en"],
)
def test_a_count_of_each_offered_article_is_read_and_held(
    said: str, lines: list[tuple[str, int]], index: CatalogIndex
) -> None:
    parsed = _reply(said, OFFER_FR)
    (order,) = read_thread(parsed, extract_orders(parsed, codes=index), index)
    assert _skus(order, index) == lines
    assert EACH_DOUBT in order.doubts, "which articles the words keep is a clerk's to confirm"


def test_the_option_taken_is_the_lines_under_its_heading() -> None:
    quote = "Option A\nPLB-12704 tube 12 - 4\nPLB-12570 tube 16 - 2\nOption B\nPLB-12560 tube 20 - 6\n\nMerci"
    start, end = option_block("OK for option B, thanks.", quote) or (0, 0)
    assert quote[start:end].strip() == "Option B\nPLB-12560 tube 20 - 6"
    assert option_block("OK for the quote.", quote) is None


def test_a_count_added_to_a_quoted_line_named_in_the_quotes_words(index: CatalogIndex) -> None:
    quote = (
        "Hello,\nTwo options:\nOption A\nPLB-12704  PER pipe 12 coil 50 m   4\n"
        "Option B\nPLB-12570  PER pipe 16 coil 50 m   4\nPLB-37498  PTFE tape 19 mm   6\n\nRegards"
    )
    parsed = _reply("OK for option B, plus 2 more of the PTFE tape (so 8).", quote)
    order = read_against_thread(parsed, extract_from_text(parsed, codes=index), index)
    assert _skus(order, index) == [("PLB-12570", 4), ("PLB-37498", 8)]


@pytest.mark.parametrize(
    ("said", "swapped"),
    [
        ("mais le mastic en blanc au lieu de transparent, même quantité", ["CHV-M860", "SIL-BLA-310"]),
        ("mais les cartouches grises à la place des transparentes", ["CHV-M860", "SIL-GRI-310"]),
        ("mais le mastic en blanc au lieu de rouge", ["CHV-M860", "SIL-TRA-310"]),
    ],
    ids=["colour-fr", "plural-fr", "no-such-variant"],
)
def test_a_variant_swapped_takes_the_twin_named_with_the_new_one(
    said: str, swapped: list[str], reference_index: Callable[[Path], CatalogIndex]
) -> None:
    catalogue = reference_index(FIXTURES_REF)
    base = [
        ExtractedLine(line_no=1, description=Extracted[str](value="Cheville nylon M8x60", confidence=1.0)),
        ExtractedLine(
            line_no=2, description=Extracted[str](value="Mastic silicone transparent 310 ml", confidence=1.0)
        ),
    ]
    assert swap_variants(said, base, ["CHV-M860", "SIL-TRA-310"], catalogue) == swapped


QUESTION_EN = (
    "Hello,\nFor the PER pipe, do you want the 50 m or the 100 m coils? Which diameters?\nOrder desk"
)


def test_counts_under_our_question_left_untied_to_its_options_are_an_order_held(
    index: CatalogIndex,
) -> None:
    parsed = _reply("The 100 m then.\n3 coils in 16 and 2 in 20.\nAnd add 10 x PLB-20873.", QUESTION_EN)
    change = FollowupSign(kind=FollowupKind.CHANGE, confidence=0.9, reasons=["'add'"])
    read, sign = answer_to_offer(parsed, None, change, index)
    assert parsed.classification is not None and parsed.classification.kind == MessageKind.ORDER
    assert sign.tentative  # a change only when the PO it writes is an order taken
    assert read and all(COUNTED_DOUBT in order.doubts for order in read)


@pytest.mark.parametrize(
    "said",
    ["Thanks, I'll ask the site manager and come back to you.", "Neither, we'll wait for the 25 mm."],
    ids=["thanks", "refuses"],
)
def test_a_reply_under_our_question_that_counts_nothing_is_no_order(said: str, index: CatalogIndex) -> None:
    parsed = _reply(said, QUESTION_EN)
    parsed.classification = classify(parsed)
    other = FollowupSign(kind=FollowupKind.OTHER)
    _, sign = answer_to_offer(parsed, None, other, index)
    assert not parsed.classification.is_order
    assert sign == other


OUR_QUOTE = (
    "De : Service commandes <commandes@garonne-pro.fr>\nObjet : Devis D26-0412\n\n"
    "Voici notre devis D26-0412 :\nPER-16-R50   Tube PER nu Ø16 - couronne de 50 m   2 x 38,50 €"
)
SHIPPING_NOTICE = "Bonjour,\nVotre commande CP-2611-08 est partie ce jour.\nService commandes"


@pytest.mark.parametrize(
    ("said", "quoted", "pointer"),
    [
        ("Bon pour accord. Notre commande DP-26-118.", OUR_QUOTE, True),
        ("ok go ahead, PO 4500098812", OUR_QUOTE, True),
        ("Validé, livraison vendredi.", OUR_QUOTE, True),
        ("Bon pour accord.", SHIPPING_NOTICE, False),
        ("ok go ahead", SHIPPING_NOTICE, False),
        ("Merci pour le devis, je reviens vers vous.", OUR_QUOTE, False),
        ("Not approved by the client yet, sorry.", OUR_QUOTE, False),
        ("Ce n'est pas validé pour l'instant.", OUR_QUOTE, False),
    ],
    ids=[
        "accord-quote",
        "go-ahead-quote",
        "valide-quote",
        "accord-notice",
        "go-ahead-notice",
        "come-back-later",
        "not-approved",
        "pas-valide",
    ],
)
def test_a_bare_acceptance_points_at_a_quoted_quote_only(said: str, quoted: str, pointer: bool) -> None:
    assert (points_to_thread(said, quoted) is not None) == pointer
    if pointer:  # the bare words alone weigh as an order only above the quote
        parsed = make_parsed(text=said).model_copy(update={"quoted": quoted, "subject": "RE: suite"})
        assert classify(parsed).is_order


def test_an_order_read_as_the_answer_to_our_question_is_as_sure_as_an_answer() -> None:
    answered = ExtractedLine(
        line_no=1,
        quantity=Extracted[Decimal](value=Decimal(3), confidence=0.9),
        provenance=Provenance(part="body", rule=ANSWER_RULE),
    )
    read = [ExtractedOrder(source="email", lines=[answered])]
    weak = Classification(kind=MessageKind.ORDER, confidence=0.3, reasons=["text: '3 boxes please'"])
    assert as_answer(weak, read).confidence == ANSWERED
    doubted = [read[0].model_copy(update={"doubts": ["the answer's option fits several articles"]})]
    assert as_answer(weak, doubted) == weak


def test_a_decimal_point_in_the_option_named_ends_no_sentence_of_the_answer(
    reference_index: Callable[[Path], CatalogIndex],
) -> None:
    catalogue = reference_index(FIXTURES_REF)
    question = "Bonjour,\nLe câble R2V 3G existe en section 1.5 et 2.5 mm² : laquelle ?\nService commandes"
    parsed = _reply("La 2.5 pour le câble R2V, 50 m.", question)
    read = read_thread(parsed, [extract_from_text(parsed, codes=catalogue)], catalogue)
    counts = [int(line.quantity.value) for order in read for line in order.lines if line.quantity]
    assert 5 not in counts
    assert counts == [50]


BASINS_EN = (
    "Hello,\nFor the basin taps we have two in stock:\n"
    "- Basin mixer with waste, standard spout (PLB-37847): 48.00 EUR\n"
    "- Basin mixer, high spout for vessel basins (PLB-39711): 69.00 EUR\n"
    "And the thermostatic shower mixer PLB-37885: 96.00 EUR.\nLet me know which one.\nOrder desk"
)
BASINS_FR = (
    "Bonjour,\nPour les mitigeurs lavabo nous avons deux modèles :\n"
    "- Mitigeur lavabo chromé avec vidage, bec standard (PLB-37847) : 48,00 €\n"
    "- Mitigeur lavabo chromé bec haut pour vasque (PLB-39711) : 69,00 €\n"
    "Et le mitigeur thermostatique douche PLB-37885 : 96,00 €.\nLequel voulez-vous ?\nService commandes"
)


@pytest.mark.parametrize(
    ("said", "question"),
    [
        ("The high spout please, 3 of them. And 2 of the thermostatic shower mixers.", BASINS_EN),
        ("Le bec haut, 3 pièces. Et 2 mitigeurs thermostatiques douche.", BASINS_FR),
    ],
    ids=["two-sentences-en", "two-sentences-fr"],
)
def test_an_answer_naming_an_option_beside_a_sentence_naming_its_article(
    said: str, question: str, index: CatalogIndex
) -> None:
    parsed = _reply(said, question)
    (order,) = read_thread(parsed, extract_orders(parsed, codes=index), index)
    assert _skus(order, index) == [("PLB-39711", 3), ("PLB-37885", 2)]
