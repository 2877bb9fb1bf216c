"""The order goes where the message sends it: a delivery address written elsewhere holds it."""

from __future__ import annotations

from intake.routing.checks import CheckContext
from intake.routing.checks.ship_to import check_ship_to_stated, columns
from models import CustomerRow, Extracted, Provenance, ReviewReason, SourceRow
from tests.factories.pipeline import make_matched_order, make_parsed

ON_FILE = "Pépinières du Val, 3 chemin des Serres, 49130 Les Ponts-de-Cé"


def held(text: str, chosen: str | None, *, read: str | None = None, quoted: str = "", rows=()) -> bool:
    parsed = make_parsed(text=text).model_copy(update={"quoted": quoted})
    matched = make_matched_order(customer_id="P01")
    matched.order.ship_to = Extracted[str](value=read) if read else None
    matched.order.rows = [SourceRow(text=row, region="header") for row in rows]
    matched.ship_to = chosen
    customers = {"P01": CustomerRow(customer_id="P01", name="Pépinières du Val", ship_to=ON_FILE)}
    ctx = CheckContext(parsed=parsed, matched=matched, customers=customers)
    return [r.code for r in check_ship_to_stated(ctx)] == ["ship_to_elsewhere"]


def test_a_site_written_without_a_label_holds_an_order_going_to_the_address_on_file():
    text = "Bonjour,\n12 sacs de terreau.\nCe lot part pour la nouvelle serre : Les Jardins d'Anjou, 8 rue du Lac, 49000 Angers.\n"
    assert held(text, ON_FILE)


def test_the_site_written_and_read_lets_it_through_however_it_is_spelt():
    text = "Hello,\n12 bags of compost.\nThis batch goes to our new greenhouse: Anjou Gardens, 8 rue du Lac, 49000 Angers.\n"
    assert not held(text, "8 Rue du Lac 49000 ANGERS", read="8 Rue du Lac 49000 ANGERS")


def test_the_customers_letterhead_beside_a_site_read_is_no_second_place():
    text = f"{ON_FILE}\n\nBonjour,\nLivraison : 8 rue du Lac, 49000 Angers\n12 sacs de terreau.\n"
    assert not held(text, "8 rue du Lac, 49000 Angers", read="8 rue du Lac, 49000 Angers")


def test_a_billing_address_is_not_where_the_goods_go():
    text = "Bonjour,\n12 sacs de terreau.\nFacturation : Groupe Val, 40 avenue Foch, 75016 Paris\n"
    assert not held(text, ON_FILE)


def test_the_delivery_address_of_the_order_a_reply_repeats_holds_it_when_the_order_goes_elsewhere():
    quoted = "> Our order below.\n> 6 trays of lavender\n> Deliver to: Riverside Nursery, 5 Mill Lane, Exeter EX2 4AB\n"
    text = "Hi,\nPlease add 4 trays of thyme, same delivery address as before.\n"
    assert held(text, "Unit 9, Marsh Barton, Exeter EX2 8PW", quoted=quoted)
    assert not held(text, "Riverside Nursery, 5 Mill Lane, Exeter EX2 4AB", quoted=quoted)


def test_two_sites_printed_side_by_side_are_read_down_their_columns():
    rows = [
        "Supplier | Ship to",
        "Verdure Distribution | Pépinières du Val",
        "ZI des Landes | Serre 4, 3 chemin des Serres",
        "44800 Saint-Herblain | 49130 Les Ponts-de-Cé",
    ]
    down = columns(rows)
    assert down[1].startswith("Ship to\nPépinières du Val\nSerre 4")
    assert not held(
        "Bonjour,\nci-joint notre commande.\n", ON_FILE, read="Serre 4, 3 chemin des Serres", rows=rows
    )


def test_a_table_row_is_no_address():
    text = "Bonjour,\n12345\tTerreau universel\t4\n49130 Graines\t2\n"
    assert not held(text, ON_FILE)


def _document_reasons(rows: list[str]) -> list[ReviewReason]:
    """The check's reasons for an attached document whose rows outside its table are `rows`, no ship-to
    read from it, the order going to the address on file."""
    where = Provenance(part="attachment 1", page=1)
    matched = make_matched_order(customer_id="P01")
    matched.order.part = "attachment 1"
    matched.order.ship_to = None
    matched.order.rows = [SourceRow(text=row, region="header", provenance=where) for row in rows]
    matched.ship_to = ON_FILE
    customers = {"P01": CustomerRow(customer_id="P01", name="Pépinières du Val", ship_to=ON_FILE)}
    parsed = make_parsed(text="Bonjour, ci-joint notre commande.\n")
    return check_ship_to_stated(CheckContext(parsed=parsed, matched=matched, customers=customers))


def test_a_site_printed_with_no_label_in_a_documents_head_holds_an_order_going_to_the_address_on_file():
    reasons = _document_reasons(
        [
            "PÉPINIÈRES DU VAL | BON DE COMMANDE",
            "PV 26 0412 | 09/12/2026",
            "Serre de Trélazé - Bâtiment 2 | avant le 16/12/2026",
            "8 rue du Lac, 49800 Trélazé",
        ]
    )
    assert [r.code for r in reasons] == ["ship_to_elsewhere"]
    assert "49800 Trélazé" in reasons[0].message


def test_the_address_on_file_printed_in_a_documents_head_lets_it_through():
    rows = [
        "PÉPINIÈRES DU VAL | BON DE COMMANDE",
        "PV 26 0412 | 09/12/2026",
        "3 chemin des Serres, 49130 Les Ponts-de-Cé",
    ]
    assert _document_reasons(rows) == []


def test_a_dateline_over_the_suppliers_town_is_no_site():
    rows = [
        "PÉPINIÈRES DU VAL",
        "N° : PV-26-118",
        "ZI des Landes, 8 rue Newton",
        "Angers, le 9 novembre 2026",
        "49000 Angers",
    ]
    assert _document_reasons(rows) == []


def test_the_buyers_letterhead_address_is_no_site():
    # head office printed under the name, the address on file being the depot
    assert (
        _document_reasons(["PÉPINIÈRES DU VAL", "40 rue Foch, 49000 Angers", "PV 26 0412 | 09/12/2026"]) == []
    )


def test_a_place_of_the_customers_site_after_a_delivery_label_holds_an_order_going_to_the_address_on_file():
    # a room of a workshop with no postal address: the goods would go to the site's gate on file
    for row in (
        "Livraison : Atelier de peinture, bât. C, quai 3",
        "Lieu de livraison | Magasin central, porte 12",
        "Deliver to: Goods-in, Building 4, bay 2",
    ):
        reasons = _document_reasons(["PÉPINIÈRES DU VAL | BON DE COMMANDE", "PV 26 0412 | 09/12/2026", row])
        assert [r.code for r in reasons] == ["ship_to_elsewhere"], row


def test_a_delivery_day_or_a_single_word_after_the_label_is_no_place():
    for row in (
        "Livraison : mardi 15/12, avant 10 h",
        "Delivery: ASAP",
        "Livraison : franco",
        "Ship to: see below",
    ):
        assert _document_reasons(["PÉPINIÈRES DU VAL | BON DE COMMANDE", row]) == [], row
