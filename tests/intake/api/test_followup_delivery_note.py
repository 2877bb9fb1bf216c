"""Follow-ups linked by our delivery note's number, which downstream gives in a status event."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from intake.followups.link import LinkInputs, delivery_notes, link_followup
from intake.ingest import ingest_file
from matchers import CatalogIndex
from models import PastOrder, load_reference_dir
from models.followup_store import delivery_note_orders
from models.followups import FollowupKind, FollowupSign, LinkBy
from models.tables import Followup, OutboxMail
from tests.factories.rows import accept
from tests.intake.api.harness import Api

DEV = Path(__file__).parents[3] / "fixtures" / "followups-dev"
SHIPPED = {
    "kind": "shipped",
    "carrier": "Geodis",
    "tracking": "GE771203455FR",
    "delivery_note": "BL-26/04571",
}


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Sur le BL n° 45872 il manque 2 cartons", ["45872"]),
        ("notre bon de livraison BL-26/0045 du 3/11", ["BL-26/0045"]),
        ("le bon de livraison numéro 4587 indique 3 colis", ["4587"]),
        ("B.L. : 778812", ["778812"]),
        ("delivery note DN-10233 shows 5 boxes", ["DN-10233"]),
        ("Please check delivery note no. DN10233.", ["DN10233"]),
        ("Our DN-10233 was short", ["10233"]),
        ("Livré avec le BL du 12/11", []),
        ("le BLOC 1234 du chantier", []),
        ("Commande BC-4512, 3 cartons", []),
    ],
    ids=["bl-n", "bon-de-livraison", "numero", "b-l", "dn", "dn-no", "dn-alone", "bl-date", "word", "po"],
)
def test_delivery_note_numbers_written(text: str, numbers: list[str]) -> None:
    assert delivery_notes(text) == numbers


def _past(mid: str, po: str) -> PastOrder:
    return PastOrder(message_id=mid, order_id=1, po_number=po, lines=[("A", 1.0)])


def test_a_delivery_note_naming_one_order_links_it_for_certain() -> None:
    order = _past("<o1@x>", "TL-7781")
    sign = FollowupSign(kind=FollowupKind.DELIVERY_QUESTION, references=["26/04571"])
    link = link_followup(sign, LinkInputs(day=None, text="BL n° 26/04571", note_orders=[order]))
    assert (link.refers_to, link.link_by, link.certain) == ("<o1@x>", LinkBy.DELIVERY_NOTE, True)


def test_a_delivery_note_and_a_po_naming_two_orders_go_to_a_clerk() -> None:
    one, other = _past("<o1@x>", "TL-7781"), _past("<o2@x>", "TL-7790")
    sign = FollowupSign(kind=FollowupKind.RETURN, references=["TL-7790", "26/04571"])
    inputs = LinkInputs(day=None, text="TL-7790, BL 26/04571", customer_orders=[other], note_orders=[one])
    link = link_followup(sign, inputs)
    assert link.refers_to is None and not link.certain
    assert set(link.candidates) == {"<o1@x>", "<o2@x>"}


def _order(api: Api) -> tuple[CatalogIndex, int]:
    load_reference_dir(api.store, DEV / "ref")
    index = CatalogIndex.build(api.store.load_reference())
    settings = api.settings.model_copy(update={"new_customer_orders": 0})
    outcome = ingest_file(api.store, DEV / "orders" / "o5_lemoine.eml", index=index, settings=settings)
    order_id = outcome.order_ids[0]
    if outcome.result and outcome.result.orders[0].record.status.value == "review":
        accept(api.store, order_id)
    return index, order_id


def test_the_store_finds_the_order_by_the_delivery_note_of_its_event(api: Api) -> None:
    _, order_id = _order(api)
    posted = api.client.post(f"/orders/{order_id}/events", json=SHIPPED, headers=api.write)
    assert posted.status_code == 201, posted.text
    assert posted.json()["delivery_note"] == "BL-26/04571"
    for written in ("BL-26/04571", "26/04571", "bl 2604571"):
        assert [o.order_id for o in delivery_note_orders(api.store, [written])] == [order_id], written
    assert delivery_note_orders(api.store, ["BL-26/04572"]) == []
    assert delivery_note_orders(api.store, ["4571"]) == []


def test_a_question_quoting_the_delivery_note_is_linked_and_answered(api: Api) -> None:
    index, order_id = _order(api)
    api.client.post(f"/orders/{order_id}/events", json=SHIPPED, headers=api.write)
    ingest_file(api.store, DEV / "open" / "f20_note_question_fr.eml", index=index, settings=api.settings)
    with api.store.session() as session:
        row = session.exec(select(Followup)).one()
        mails = list(session.exec(select(OutboxMail).where(OutboxMail.kind == "followup")))
    assert (row.kind, row.link_by, row.order_id, row.link_certain, row.state) == (
        "delivery_question",
        "delivery_note",
        order_id,
        True,
        "answered",
    )
    assert len(mails) == 1 and "GE771203455FR" in mails[0].body_text
