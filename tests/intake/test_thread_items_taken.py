"""Replies taking items our quoted offer bullets or numbers: all of them, one by its place, a count
replaced by the count it replaces; an offer accepted with 'the rest is fine'; our quote carried back
as the reply's attached document, accepted as it stands or with a line left out or recounted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from intake.followups import read_thread
from intake.followups.both import ALL_DOUBT
from intake.orders_by_reading import answer_to_offer
from matchers import CatalogIndex
from models import Attachment, ExtractedOrder, MessageKind, ParsedMessage
from models.followups import FollowupKind, FollowupSign
from parsers import classify, extract_orders
from parsers.text.thread import points_to_thread
from tests.factories.documents import Item, Layout, make_po_pdf
from tests.factories.pipeline import make_parsed
from tests.factories.threads import reply_quoting, skus_of

REF = Path(__file__).parents[2] / "fixtures" / "followups" / "ref"

TWO_BULLETED_FR = (
    "Bonjour,\nLa vanne 3/4 de votre commande CP-2611-08 est en rupture. Deux possibilités :\n\n"
    "- la vanne à sphère laiton FF 1/2 (PLB-37663), 12 pièces pour remplacer vos 6 x 3/4, à 9,80 € HT ;\n"
    "- le coude 90° laiton FF 3/4 (PLB-23554), 4 pièces à 5,10 € HT.\n\nCordialement,\nService commandes"
)
NUMBERED_EN = (
    "Hello,\nFor the boiler room we can offer:\n\n"
    "1) 10 x PTFE tape 19 mm x 15 m (PLB-37498) at 1.45 EUR each\n"
    "2) 6 x PER pipe Ø16x1,5 in 50 m coils (PLB-12570) at 52.00 EUR each\n\nKind regards,\nOrder desk"
)
UNCOUNTED_FR = (
    "Bonjour,\nJe peux vous proposer à la place :\n- Ruban PTFE 19 mm x 15 m à 1,45 € HT\n"
    "- Tube PER nu Ø16x1,5 couronne 50 m à 52,00 € HT\n\nDites-moi combien il vous en faut."
)
OFFER_FR = (
    "Bonjour,\nVoici notre offre pour le chantier :\n"
    "- Ruban PTFE 19 mm x 15 m : 10 rouleaux à 1,45 €\n"
    "- Coude 90° à sertir cuivre profil M Ø16 : 20 pièces à 3,60 €\n"
    "Offre valable 30 jours.\nService commandes"
)


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(REF)


def _reply(said: str, offer: str) -> ParsedMessage:
    return reply_quoting(said, offer, subject="RE: offre")


_skus = skus_of


def _read(parsed: ParsedMessage, index: CatalogIndex) -> list[ExtractedOrder]:
    return read_thread(parsed, extract_orders(parsed, codes=index), index)


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("Only the first one please, same quantity. PO GR-2612-04.", [("PLB-37498", 10)]),
        ("Just the second one, thanks.", [("PLB-12570", 6)]),
        ("Only item 2 for now, thanks.", [("PLB-12570", 6)]),
        ("Yes to both.", [("PLB-37498", 10), ("PLB-12570", 6)]),
    ],
    ids=["first-by-place", "second-by-place", "item-number", "both"],
)
def test_items_of_a_numbered_offer_taken_by_place_or_all(
    said: str, expected: list[tuple[str, int]], index: CatalogIndex
) -> None:
    (order,) = _read(_reply(said, NUMBERED_EN), index)
    assert _skus(order, index) == expected
    assert order.doubts == []


def test_both_bulleted_offers_taken_with_the_count_replaced_named_by_its_old_count(
    index: CatalogIndex,
) -> None:
    parsed = _reply("Les deux, mais 8 pièces de 1/2 au lieu de 12. Toujours sur CP-2611-08.", TWO_BULLETED_FR)
    parsed.classification = classify(parsed)
    change = FollowupSign(kind=FollowupKind.CHANGE, confidence=0.99, reasons=["'au lieu de'"])
    read, sign = answer_to_offer(parsed, None, change, index)
    assert parsed.classification.kind == MessageKind.ORDER
    assert sign.tentative  # a change of the order the offer was about only when its PO is an order taken
    (order,) = read or []
    assert _skus(order, index) == [("PLB-37663", 8), ("PLB-23554", 4)]
    assert order.doubts == []


def test_a_count_replaced_that_no_offered_item_writes_is_a_doubt(index: CatalogIndex) -> None:
    (order,) = _read(_reply("Les deux, mais 8 au lieu de 7.", TWO_BULLETED_FR), index)
    assert ALL_DOUBT in order.doubts


def test_an_offer_that_counts_nothing_leaves_the_counts_of_the_reply(index: CatalogIndex) -> None:
    parsed = _reply("On prend les deux : 3 rouleaux de PTFE et 2 couronnes de PER.", UNCOUNTED_FR)
    for order in _read(parsed, index):
        assert not any(ALL_DOUBT in doubt for doubt in order.doubts)
        assert {int(line.quantity.value) for line in order.lines if line.quantity} <= {2, 3}


@pytest.mark.parametrize(
    "said",
    [
        "OK mais 30 pièces au lieu de 20 pour les coudes, le reste c'est bon.",
        "But 30 elbows, the rest is fine.",
        "But 30 elbows, everything else as quoted.",
        "Mettez 30 coudes, pour le reste ok.",
        "Annule et remplace : 30 coudes, le reste inchangé.",
        "But 30 elbows, the rest unchanged.",
    ],
)
def test_the_rest_accepted_points_at_the_quoted_offer(said: str) -> None:
    quoted = "\n".join(f"> {line}" for line in OFFER_FR.split("\n"))
    assert points_to_thread(said, quoted) is not None
    assert points_to_thread(said, "> Votre commande est partie ce matin.") is None


def test_the_rest_accepted_with_a_count_replaced_is_the_offer_changed(index: CatalogIndex) -> None:
    parsed = _reply("OK mais 30 pièces au lieu de 20 pour les coudes, le reste c'est bon.", OFFER_FR)
    (order,) = _read(parsed, index)
    assert sorted(_skus(order, index)) == [("PLB-20873", 30), ("PLB-37498", 10)]


QUOTE_ITEMS = [
    Item("PLB-37498", "Ruban PTFE 19 mm x 15 m", "10", "rouleau", "1,45", "14,50"),
    Item("PLB-20873", "Coude 90° à sertir cuivre profil M Ø16", "20", "pce", "3,60", "72,00"),
    Item("PLB-23554", 'Coude 90° laiton femelle-femelle 3/4"', "8", "pce", "5,10", "40,80"),
]
QUOTE_LAYOUT = Layout(
    title="DEVIS", fields=(("Devis n° :", "DV-26-5501"), ("Date :", "02/12/2026")), total="127,30"
)


def _reply_with_quote(said: str) -> ParsedMessage:
    quote = Attachment(
        filename="Devis DV-26-5501.pdf",
        content_type="application/pdf",
        data=make_po_pdf(QUOTE_ITEMS, QUOTE_LAYOUT),
    )
    quoted = (
        "De : Service commandes <commandes@garonne-pro.fr>\nEnvoyé : mercredi 2 décembre 2026 10:12\n"
        "Objet : Devis DV-26-5501\n\nBonjour,\nVeuillez trouver ci-joint notre devis DV-26-5501.\nCordialement"
    )
    return make_parsed(text=f"Bonjour,\n\n{said}\n").model_copy(
        update={"quoted": quoted, "subject": "RE: Devis DV-26-5501", "attachments": [quote]}
    )


def test_our_quote_carried_back_as_a_document_is_the_order_accepted(index: CatalogIndex) -> None:
    parsed = _reply_with_quote("Bon pour accord sur votre devis ci-joint. Notre commande : GR-2612-09.")
    (order,) = _read(parsed, index)
    assert _skus(order, index) == [("PLB-37498", 10), ("PLB-20873", 20), ("PLB-23554", 8)]
    assert order.source == "pdf" and order.po_number is not None and order.po_number.value == "GR-2612-09"


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        (
            "Bon pour accord sur le devis ci-joint, sauf les coudes laiton : 4 pièces suffiront.",
            [("PLB-37498", 10), ("PLB-20873", 20), ("PLB-23554", 4)],
        ),
        ("Bon pour accord sur le devis ci-joint, sauf le ruban PTFE.", [("PLB-20873", 20), ("PLB-23554", 8)]),
        (
            "Bon pour accord sur le devis ci-joint, sauf le ruban PTFE : un seul rouleau cette fois.",
            [("PLB-37498", 1), ("PLB-20873", 20), ("PLB-23554", 8)],
        ),
        (
            "Your quote (attached again) is accepted, except the PTFE tape - we still have some - and please "
            "make it 30 crimp elbows instead of 20.",
            [("PLB-20873", 30), ("PLB-23554", 8)],
        ),
    ],
    ids=["recounted", "left-out", "recounted-in-words", "left-out-and-recounted-en"],
)
def test_our_quote_carried_back_changed_by_the_reply(
    said: str, expected: list[tuple[str, int]], index: CatalogIndex
) -> None:
    (order,) = _read(_reply_with_quote(said), index)
    assert _skus(order, index) == expected
    assert order.source == "pdf"


def test_an_item_named_by_place_under_our_confirmation_is_no_order(index: CatalogIndex) -> None:
    confirmation = (
        "Bonjour,\nNous confirmons votre commande CP-2611-08 :\n1) 10 x Ruban PTFE 19 mm x 15 m (PLB-37498)\n"
        "2) 6 x Tube PER nu Ø16x1,5 couronne 50 m (PLB-12570)\nCordialement"
    )
    parsed = _reply("Only the first one arrived this morning, where is the rest?", confirmation)
    assert all(not order.lines for order in _read(parsed, index))


@pytest.mark.parametrize(
    "said",
    [
        "Bon pour accord sur votre offre, sauf le ruban PTFE, et mettez 30 coudes au lieu de 20.",
        "Bon pour accord sur votre offre sauf le ruban PTFE - plus besoin - et mettez 30 coudes au lieu de 20.",
        "OK mais 30 coudes au lieu de 20, pour le reste c'est bon, sauf le ruban PTFE.",
        "Your offer is accepted, except the PTFE tape - we still have some - and please make it 30 elbows instead of 20.",
    ],
)
def test_a_line_left_out_beside_a_count_replaced_in_one_sentence(said: str, index: CatalogIndex) -> None:
    (order,) = _read(_reply(said, OFFER_FR), index)
    assert _skus(order, index) == [("PLB-20873", 30)]


def test_a_line_named_with_its_new_count_after_sauf_is_kept(index: CatalogIndex) -> None:
    (order,) = _read(_reply("Bon pour accord sauf le ruban : mettez-en 12 au lieu de 10.", OFFER_FR), index)
    assert _skus(order, index) == [("PLB-37498", 12), ("PLB-20873", 20)]


NUMBERED_WITH_REMARK = NUMBERED_EN.replace(
    "\n\nKind regards", "\n\nThe crimp elbow Ø16 (PLB-20873) is 3.60 EUR if you need some.\n\nKind regards"
)


def test_an_article_added_as_the_offer_names_it_in_a_remark(index: CatalogIndex) -> None:
    parsed = _reply("Only the second one please, and add 12 elbows while you're at it.", NUMBERED_WITH_REMARK)
    (order,) = _read(parsed, index)
    assert _skus(order, index) == [("PLB-12570", 6), ("PLB-20873", 12)]
    assert order.doubts == []


def test_an_article_added_that_the_offer_does_not_name_is_a_doubt(index: CatalogIndex) -> None:
    parsed = _reply("Only the second one please, and add 12 radiator valves.", NUMBERED_WITH_REMARK)
    (order,) = _read(parsed, index)
    assert _skus(order, index) == [("PLB-12570", 6)]
    assert ALL_DOUBT in order.doubts
