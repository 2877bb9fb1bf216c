"""A PO written without a label but repeated, and a unit the quantity cannot stand in, hold the order.

'RIE-4812' above a PDF's table, in the body and as the PDF's name is the order's
number even with no label before it. '10 kg' of an article sold by the carton, or
'2 boîtes de 10' of one sold by the piece, is a quantity nobody converted.
"""

from __future__ import annotations

import pytest

from intake.routing.checks import CheckContext
from intake.routing.checks.lines import check_units
from intake.routing.checks.po import check_po_read, check_po_single
from models import Attachment, Extracted, ProductRow, Provenance, Severity, SourceRow
from tests.factories.pipeline import make_line, make_matched_order, make_parsed

PRODUCTS = {
    "SG-7222": ProductRow(sku="SG-7222", name="Filet de colin d'Alaska surgelé carton 5 kg", unit="carton"),
    "TUB-T8": ProductRow(sku="TUB-T8", name="Tube LED T8 60 cm 10W", unit="pce"),
    "NET-500": ProductRow(sku="NET-500", name="Nettoyant vitres flacon 500 ml", unit="pce"),
    "COL-25": ProductRow(sku="COL-25", name="Colle carrelage sac 25 kg", unit="pce"),
    "LG-5": ProductRow(sku="LG-5", name="Lave-glace hiver 5 L", unit="bidon"),
    "EAU-24": ProductRow(sku="EAU-24", name="Eau plate 50 cl pack de 24", unit="pack"),
    "CHT-3": ProductRow(sku="CHT-3", name="Chaussettes de travail 39/42 lot de 3 paires", unit="lot"),
    "LUN-1": ProductRow(sku="LUN-1", name="Lunettes de protection incolores", unit="pce"),
    "GAN-1": ProductRow(sku="GAN-1", name="Gants cuir docker T10", unit="paire"),
}


def units_of(sku: str, unit: str) -> list[tuple[str, Severity]]:
    matched = make_matched_order([make_line(sku, "2", unit=unit)], po=None)
    return [
        (r.code, r.severity)
        for r in check_units(CheckContext(parsed=make_parsed(), matched=matched, products=PRODUCTS))
    ]


def test_a_weight_of_an_article_sold_by_the_carton_is_an_error():
    assert units_of("SG-7222", "kg") == [("unit_mismatch", Severity.ERROR)]


def test_boxes_of_several_of_an_article_sold_by_the_piece_are_an_error():
    assert units_of("TUB-T8", "boites de 10") == [("unit_mismatch", Severity.ERROR)]
    assert units_of("TUB-T8", "boite") == [("unit_mismatch", Severity.ERROR)]


@pytest.mark.parametrize(("sku", "unit"), [("TUB-T8", "colis"), ("LG-5", "carton"), ("LG-5", "cartons")])
def test_a_shipping_unit_of_an_article_sold_by_the_piece_or_the_can_is_an_error(sku, unit):
    assert units_of(sku, unit) == [("unit_mismatch", Severity.ERROR)]


def test_pairs_of_an_article_sold_by_the_pack_or_the_piece_are_an_error():
    assert units_of("CHT-3", "paires") == [("unit_mismatch", Severity.ERROR)]
    assert units_of("LUN-1", "paire") == [("unit_mismatch", Severity.ERROR)]


def test_another_count_of_an_article_sold_by_the_pair_stays_a_doubt():
    assert units_of("GAN-1", "pce") == [("unit_mismatch", Severity.WARNING)]


def test_a_colis_of_an_article_sold_in_its_own_pack_stays_a_doubt():
    assert units_of("EAU-24", "colis") == [("unit_mismatch", Severity.WARNING)]


def test_the_articles_own_container_or_pack_is_its_piece():
    assert units_of("NET-500", "flacon") == [("unit_mismatch", Severity.WARNING)]
    assert units_of("COL-25", "sachet") == [("unit_mismatch", Severity.WARNING)]
    assert units_of("SG-7222", "colis") in ([], [("unit_mismatch", Severity.WARNING)])


def test_a_reference_repeated_without_a_label_is_a_po_to_read():
    parsed = make_parsed(
        text="Bonjour,\nnotre commande viandes en PJ (RIE-4812), livraisons lundi et mercredi.\n"
    )
    parsed = parsed.model_copy(
        update={
            "attachments": [Attachment(filename="RIE-4812.pdf", content_type="application/pdf", data=b"%PDF")]
        }
    )
    matched = make_matched_order(po=None)
    [reason] = check_po_read(CheckContext(parsed=parsed, matched=matched))
    assert reason.code == "po_unread" and reason.quoted == "RIE-4812"


def test_a_reference_written_once_or_a_postcode_repeated_is_no_po():
    parsed = make_parsed(text="Bonjour,\nlivraison au 12 rue des Forges, 33700 Mérignac, comme d'habitude.\n")
    order = make_matched_order(po=None)
    where = Provenance(part="attachment:bc.pdf", page=1, rule="pdf-row")
    rows = [
        SourceRow(
            text="Martin BTP 12 rue des Forges 33700 Mérignac - FR40303265045",
            region="header",
            provenance=where,
        )
    ]
    matched = order.model_copy(update={"order": order.order.model_copy(update={"rows": rows})})
    assert check_po_read(CheckContext(parsed=parsed, matched=matched)) == []


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        ("RE: Devis D26-1180", "Bonjour,\nBon pour accord sur votre devis D26-1180 ci-dessous.\n"),
        ("Re: Quotation Q26-0417", "Hello,\nWe accept your quotation Q26-0417 below.\n"),
    ],
    ids=["devis-fr", "quotation-en"],
)
def test_a_quotes_number_repeated_under_its_name_is_no_po(subject: str, text: str):
    parsed = make_parsed(text=text).model_copy(update={"subject": subject})
    assert check_po_read(CheckContext(parsed=parsed, matched=make_matched_order(po=None))) == []


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        (
            "Bonjour,\nVoici nos besoins, n° de chantier CH-5521 à rappeler sur le bon de livraison.\n",
            "CH-5521",
        ),
        (
            "Bonjour,\nPour l'ordre de travail OT 27-1044\n(à reporter impérativement sur la facture) :\n",
            "OT 27-1044",
        ),
        (
            "Bonjour,\nMerci de bien rappeler notre n° d'engagement 2027-00412 sur toutes vos factures.\n",
            "2027-00412",
        ),
        ("Hello,\nJob no. JB-30917, please quote it on all your invoices.\n", "JB-30917"),
        ("Hello,\nCost centre 7731-KIT must appear on the delivery note.\n", "7731-KIT"),
    ],
    ids=["chantier-fr", "wrapped-fr", "engagement-fr", "job-en", "cost-centre-en"],
)
def test_a_reference_asked_back_on_our_documents_is_a_po_to_read(text: str, reference: str):
    parsed = make_parsed(text=text)
    [reason] = check_po_read(CheckContext(parsed=parsed, matched=make_matched_order(po=None)))
    assert reason.code == "po_unread" and reason.quoted == reference


@pytest.mark.parametrize(
    "text",
    [
        "Bonjour,\nEn cas de souci, à rappeler au 04 78 12 34 56 avant 10h.\n",
        "Bonjour,\nMerci de rappeler sur le BL la date du 12/03/2027 et le montant de 1250 €.\n",
        "Hello,\nPlease quote your delivery date on the order confirmation.\n",
    ],
    ids=["phone", "date-and-amount", "no-reference"],
)
def test_words_asking_something_back_without_a_reference_hold_nothing(text: str):
    parsed = make_parsed(text=text)
    assert check_po_read(CheckContext(parsed=parsed, matched=make_matched_order(po=None))) == []


def _with_po(text: str, po: str) -> CheckContext:
    matched = make_matched_order()
    read = Extracted[str](value=po, provenance=Provenance(part="body", span=(0, 1), rule="po-label"))
    order = matched.order.model_copy(update={"po_number": read, "source": "email"})
    return CheckContext(parsed=make_parsed(text=text), matched=matched.model_copy(update={"order": order}))


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        (
            "Bonjour,\nCommande BC-2027-118.\nOrdre de travaux OT 27-1044 à rappeler sur le BL.\n4 sacs ciment\n",
            "OT 27-1044",
        ),
        ("Hello,\nPO 7731-22 attached. Job no. JB-30917, please quote it on your invoice.\n", "JB-30917"),
    ],
    ids=["work-order-fr", "job-en"],
)
def test_a_reference_asked_back_besides_the_po_read_holds_the_order(text: str, reference: str):
    po = "BC-2027-118" if "BC-" in text else "7731-22"
    [reason] = check_po_single(_with_po(text, po))
    assert reason.code == "po_asked_back" and reason.quoted == reference


@pytest.mark.parametrize(
    "text",
    [
        "Bonjour,\nMerci de rappeler notre commande BC-2027-118 sur le BL.\n",
        "Bonjour,\nCommande BC-2027-118, total 1250.00 à rappeler sur la facture.\n",
    ],
    ids=["the-po-itself", "an-amount"],
)
def test_the_po_itself_or_a_figure_asked_back_holds_nothing(text: str):
    assert check_po_single(_with_po(text, "BC-2027-118")) == []
