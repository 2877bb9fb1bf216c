"""Delivery questions answered from what downstream told about the order, end to end:
the order read, its status posted to the API, the question read and linked by its PO."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from intake.ingest import ingest_file
from matchers import CatalogIndex
from models import load_reference_dir
from models.tables import Followup, Order, OutboxMail
from tests.factories.rows import accept
from tests.intake.api.harness import Api

DEV = Path(__file__).parents[3] / "fixtures" / "followups-dev"
SHIPPED = {"kind": "shipped", "carrier": "Geodis", "tracking": "GE998877665FR"}


def _order(api: Api) -> tuple[CatalogIndex, int]:
    load_reference_dir(api.store, DEV / "ref")
    index = CatalogIndex.build(api.store.load_reference())
    settings = api.settings.model_copy(update={"new_customer_orders": 0})
    outcome = ingest_file(api.store, DEV / "orders" / "o5_lemoine.eml", index=index, settings=settings)
    order_id = outcome.order_ids[0]
    if outcome.result and outcome.result.orders[0].record.status.value == "review":
        accept(api.store, order_id)  # routing may change: a clerk's approval is as good
    return index, order_id


def _ask(api: Api, index: CatalogIndex) -> tuple[Followup, list[OutboxMail]]:
    ingest_file(api.store, DEV / "open" / "f13_where_po_fr.eml", index=index, settings=api.settings)
    with api.store.session() as session:
        row = session.exec(select(Followup)).one()
        mails = list(session.exec(select(OutboxMail).where(OutboxMail.kind == "followup")))
        return row, mails


def test_a_question_about_a_shipped_order_is_answered_with_its_tracking(api: Api) -> None:
    index, order_id = _order(api)
    posted = api.client.post(f"/orders/{order_id}/events", json=SHIPPED, headers=api.write)
    assert posted.status_code == 201, posted.text
    row, mails = _ask(api, index)
    assert (row.kind, row.link_by, row.order_id, row.state) == (
        "delivery_question",
        "po",
        order_id,
        "answered",
    )
    (mail,) = mails
    with api.store.session() as session:
        order = session.get(Order, order_id)
        assert order is not None and order.po_number
        assert mail.to_addr == "achats@traiteur-lemoine.fr"
        assert order.po_number in mail.subject + mail.body_text
    assert "a été expédiée le" in mail.body_text
    assert "Transporteur : Geodis" in mail.body_text and "Numéro de suivi : GE998877665FR" in mail.body_text


@pytest.mark.parametrize(
    ("event", "said"),
    [
        ({"kind": "prepared", "status": "En cours de préparation"}, "est en cours de préparation depuis le"),
        ({**SHIPPED, "status": "Expédiée partiellement"}, "a été expédiée en partie le"),
        ({"kind": "delivered", "status": "Facturée"}, "a été facturée le"),
        ({**SHIPPED, "status": "STAT-40"}, "a été expédiée le"),
    ],
    ids=["in-preparation", "partially-shipped", "invoiced", "unknown-name-then-kind"],
)
def test_the_answer_words_downstream_s_own_status_name(api: Api, event: dict, said: str) -> None:
    index, order_id = _order(api)
    posted = api.client.post(f"/orders/{order_id}/events", json=event, headers=api.write)
    assert posted.status_code == 201, posted.text
    assert posted.json()["status"] == event["status"]
    _, (mail,) = _ask(api, index)
    assert said in mail.body_text
    assert event["status"] not in mail.body_text


def test_a_question_about_an_order_with_no_status_waits_for_a_clerk(api: Api) -> None:
    index, order_id = _order(api)
    row, mails = _ask(api, index)
    assert (row.kind, row.order_id, row.state, row.decided_by) == (
        "delivery_question",
        order_id,
        "open",
        None,
    )
    assert mails == []
