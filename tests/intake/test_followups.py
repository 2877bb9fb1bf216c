"""Follow-ups: linking (pure), the change as a diff, and what the store does with them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import select

from intake.followups import LinkInputs, OrderLines, compute_change, link_followup
from matchers import CatalogIndex
from models import PastOrder, ReferenceData, Store, load_reference_dir
from models.followup_store import apply_followup, save_followup
from models.followups import (
    FollowupKind,
    FollowupLink,
    FollowupResult,
    FollowupSign,
    LinkBy,
    OrderChange,
    SkuQuantity,
)
from models.tables import Followup, Order, OrderLine, WebhookDelivery, WebhookEndpoint
from tests.factories.pipeline import make_product

DEV = Path(__file__).parents[2] / "fixtures" / "followups-dev"
TODAY = dt.date(2026, 11, 20)


def _order(mid: str, po: str, day: str, lines: list[tuple[str, float]]) -> PastOrder:
    return PastOrder(message_id=mid, po_number=po, order_date=dt.date.fromisoformat(day), lines=lines)


ORDERS = [
    _order("<b>", "BDP-2612", "2026-11-19", [("BARQ-750-300", 3), ("SAC-KR-250", 2)]),
    _order("<a>", "BDP-2611", "2026-11-16", [("GOB-20-1000", 4), ("SERV-2P-40", 2)]),
]


def _sign(*references: str) -> FollowupSign:
    return FollowupSign(kind=FollowupKind.CHANGE, references=list(references))


@pytest.mark.parametrize(
    ("sign", "inputs", "refers_to", "by", "certain"),
    [
        (_sign("BDP-2611"), LinkInputs(TODAY, "", ORDERS), "<a>", LinkBy.PO, True),
        (_sign("2611"), LinkInputs(TODAY, "", ORDERS), "<a>", LinkBy.PO, True),
        (_sign(), LinkInputs(TODAY, "", ORDERS, thread_orders=[ORDERS[1]]), "<a>", LinkBy.THREAD, True),
        (_sign(), LinkInputs(TODAY, "", ORDERS, named_skus=frozenset({"SAC-KR-250"})), "<b>", LinkBy.LINES, False),
        (_sign(), LinkInputs(TODAY, "ma commande d'hier", ORDERS), "<b>", LinkBy.RECENT, False),
        (_sign(), LinkInputs(TODAY, "my last order", ORDERS), "<b>", LinkBy.RECENT, False),
        (_sign(), LinkInputs(TODAY, "ma commande de lundi", ORDERS), "<a>", LinkBy.RECENT, False),
        (_sign(), LinkInputs(TODAY, "ajoutez 2 cartons", ORDERS), None, LinkBy.NONE, False),
        (_sign("BDP-2612"), LinkInputs(TODAY, "", ORDERS, thread_orders=[ORDERS[1]]), None, LinkBy.NONE, False),
    ],
    ids=["po", "po-digits", "thread", "lines", "yesterday", "last-order", "weekday", "nothing", "po-and-thread-disagree"],
)  # fmt: skip
def test_link(
    sign: FollowupSign, inputs: LinkInputs, refers_to: str | None, by: LinkBy, certain: bool
) -> None:
    link = link_followup(sign, inputs)
    assert (link.refers_to, link.link_by, link.certain) == (refers_to, by, certain)
    if refers_to is None:
        assert link.candidates, "an unclear link goes to a clerk with the candidates"


NUMBERED = [o.model_copy(update={"order_id": n}) for o, n in zip(ORDERS, (412, 2611), strict=True)]


@pytest.mark.parametrize(
    ("text", "inputs", "refers_to", "by", "certain"),
    [
        ("merci d'ajouter 2 cartons à votre commande n° 412", {}, "<b>", LinkBy.OUR_NUMBER, True),
        ("Re: your order #412, please add 2 boxes", {}, "<b>", LinkBy.OUR_NUMBER, True),
        ("votre réf. #412 : annulez la ligne 2", {"thread_orders": [NUMBERED[1]]}, None, LinkBy.NONE, False),
        ("notre commande n° 412", {}, None, LinkBy.NONE, False),  # their own order: a PO, not ours
        ("votre commande n° 999", {}, None, LinkBy.NONE, False),  # no order of theirs has it
        ("votre commande n° 2611", {}, None, LinkBy.NONE, False),  # also the digits of their PO 2611
    ],
    ids=["fr", "en", "thread-disagrees", "their-own", "unknown-number", "a-po-too"],
)  # fmt: skip
def test_link_by_our_order_number(
    text: str, inputs: dict, refers_to: str | None, by: LinkBy, certain: bool
) -> None:
    link = link_followup(_sign(), LinkInputs(TODAY, text, NUMBERED, **inputs))
    assert (link.refers_to, link.link_by, link.certain) == (refers_to, by, certain)


@pytest.fixture(scope="module")
def dev_index(tmp_path_factory: pytest.TempPathFactory) -> CatalogIndex:
    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('ref')}/ref.db")
    load_reference_dir(store, DEV / "ref")
    return CatalogIndex.build(store.load_reference())


ORDER = OrderLines(lines=[("GOB-20-1000", 4), ("SERV-2P-40", 2), ("COUV-BOIS-500", 6)])


@pytest.mark.parametrize(
    ("text", "expected", "certain"),
    [
        ("Merci d'ajouter 2 cartons de GOB-30-1000.", {"add": [{"sku": "GOB-30-1000", "quantity": 2.0}]}, True),
        ("Merci d'ajouter 2 cartons de GOB-20-1000.", {"set_quantity": [{"sku": "GOB-20-1000", "quantity": 6.0}]}, True),
        ("Please remove the SERV-2P-40 napkins.", {"remove": ["SERV-2P-40"]}, True),
        ("Please change line 3 to 10.", {"set_quantity": [{"sku": "COUV-BOIS-500", "quantity": 10.0}]}, True),
        ("Mettez 8 GOB-20-1000 au lieu de 4.", {"set_quantity": [{"sku": "GOB-20-1000", "quantity": 8.0}]}, True),
        ("Pouvez-vous décaler la livraison au 27/11/2026 ?", {"delivery_date": "2026-11-27"}, True),
        ("Merci de retirer les trucs bleus.", {}, False),
        ("Merci d'ajouter 2 cartons de GOB-30-1000 et 1 rouleau de truc bleu.", {"add": [{"sku": "GOB-30-1000", "quantity": 2.0}]}, False),
        ("Merci de modifier notre commande : 8 GOB-20-1000 au lieu de 4.", {"set_quantity": [{"sku": "GOB-20-1000", "quantity": 8.0}]}, True),
        ("About the SERV-2P-40 napkins: please reduce them to 1.", {"set_quantity": [{"sku": "SERV-2P-40", "quantity": 1.0}]}, True),
        ("Merci de retirer les SERV-2P-40.\nPar ailleurs 3 cartons GOB-20-1000.", {"remove": ["SERV-2P-40"]}, False),
        ("- ajouter : GOB-30-1000 qté 2\n- modifier : SERV-2P-40 qté 5 (au lieu de 2)", {"add": [{"sku": "GOB-30-1000", "quantity": 2.0}], "set_quantity": [{"sku": "SERV-2P-40", "quantity": 5.0}]}, True),
        ("Same again, but only 1 of the SERV-2P-40 this time.", {"set_quantity": [{"sku": "SERV-2P-40", "quantity": 1.0}]}, True),
        ("Comme la dernière fois, mais seulement 3 COUV-BOIS-500.", {"set_quantity": [{"sku": "COUV-BOIS-500", "quantity": 3.0}]}, True),
        ("Mais 9 fourchettes bois 16 cm au lieu de 6.", {"set_quantity": [{"sku": "COUV-BOIS-500", "quantity": 9.0}]}, False),
        ("But 7 cartons of the GOB-20-1000 cups 20 cl instead of 4.", {"set_quantity": [{"sku": "GOB-20-1000", "quantity": 7.0}]}, True),
    ],
    ids=["add-new", "add-to-held", "remove", "line-number", "instead-of", "delivery", "unread", "half-read", "preamble", "named-before", "uncovered-goods", "labelled-list", "only-a-count", "seulement-a-count", "a-size-before-instead-fr", "a-size-before-instead-en"],
)  # fmt: skip
def test_change_as_a_diff(dev_index: CatalogIndex, text: str, expected: dict, certain: bool) -> None:
    change = compute_change(text, ORDER, dev_index, customer_id="C101", today=TODAY)
    assert change.labelled() == expected
    assert change.certain is certain


def test_a_delivery_date_repeated_from_the_order_is_no_change(dev_index: CatalogIndex) -> None:
    change = compute_change(
        "Livraison souhaitée le 24/11/2026.", ORDER, dev_index, customer_id="C101", today=TODAY
    )
    assert change.empty


# -- the store: a change edits an order in review, an accepted one hears it as an event --------


def _stored_order(store: Store, status: str) -> int:
    with store.session() as session:
        session.add(WebhookEndpoint(url="http://127.0.0.1:9/hook", secret="s"))
        order = Order(message_id="<o@x>", status=status, customer_id="C101", po_number="BDP-1")
        session.add(order)
        session.flush()
        assert order.id is not None
        for number, (sku, quantity) in enumerate([("GOB-20-1000", 4.0), ("SERV-2P-40", 2.0)], start=1):
            session.add(OrderLine(order_id=order.id, line_no=number, sku=sku, quantity=quantity))
        session.commit()
        return order.id


def _followup(store: Store, kind: FollowupKind, change: OrderChange | None = None) -> None:
    result = FollowupResult(
        sign=FollowupSign(kind=kind),
        link=FollowupLink(refers_to="<o@x>", po_number="BDP-1", link_by=LinkBy.PO, certain=True),
        change=change,
    )
    raw_pk = store.add_message(_raw())[0].id
    assert raw_pk is not None
    with store.session() as session:
        save_followup(session, raw_pk, "<f@x>", result, [])
        session.commit()


def _raw():  # type: ignore[no-untyped-def]
    from models import RawMessage

    return RawMessage(data=b"Message-ID: <f@x>\r\n\r\nchange")


CHANGE = OrderChange(remove=["SERV-2P-40"], add=[SkuQuantity(sku="GOB-30-1000", quantity=2)], certain=True)


def _clerk_applies(store: Store, order_id: int) -> None:
    with store.session() as session:
        row = session.exec(select(Followup)).one()
        assert row.state == "open", "a change waits for a clerk, however sure its reading"
        order = session.get(Order, order_id)
        assert order is not None
        apply_followup(session, row, order, actor="clerk1")
        session.commit()


def test_a_change_edits_an_order_still_in_review_once_a_clerk_applies_it(store: Store) -> None:
    load_reference_dir(store, DEV / "ref")
    order_id = _stored_order(store, "review")
    _followup(store, FollowupKind.CHANGE, CHANGE)
    _clerk_applies(store, order_id)
    with store.session() as session:
        lines = session.exec(
            select(OrderLine).where(OrderLine.order_id == order_id).order_by(OrderLine.line_no)
        )
        assert [(line.line_no, line.sku, line.quantity) for line in lines] == [
            (1, "GOB-20-1000", 4.0),
            (2, "GOB-30-1000", 2.0),
        ]
        assert session.exec(select(Followup)).one().state == "applied"
        assert not session.exec(select(WebhookDelivery)).all(), "an order in review is nobody's yet"


def test_a_change_to_an_accepted_order_is_an_event_not_a_silent_edit(store: Store) -> None:
    order_id = _stored_order(store, "accepted")
    _followup(store, FollowupKind.CHANGE, CHANGE)
    _clerk_applies(store, order_id)
    with store.session() as session:
        lines = session.exec(select(OrderLine).where(OrderLine.order_id == order_id))
        assert sorted(line.sku or "" for line in lines) == ["GOB-20-1000", "SERV-2P-40"]
        events = [d for d in session.exec(select(WebhookDelivery)) if d.kind == "order.changed"]
        assert len(events) == 1
        assert events[0].payload is not None
        assert events[0].payload["change"] == CHANGE.labelled()
        assert session.exec(select(Followup)).one().state == "notified"


def test_a_cancellation_cancels_and_tells_downstream(store: Store) -> None:
    order_id = _stored_order(store, "accepted")
    _followup(store, FollowupKind.CANCELLATION)
    with store.session() as session:
        order = session.get(Order, order_id)
        assert order is not None and order.status == "cancelled"
        assert [d.kind for d in session.exec(select(WebhookDelivery)) if d.kind != "order.accepted"] == [
            "order.cancelled"
        ]


def test_an_uncertain_change_waits_for_a_clerk_who_applies_it(store: Store) -> None:
    order_id = _stored_order(store, "review")
    _followup(store, FollowupKind.CHANGE, CHANGE.model_copy(update={"certain": False}))
    with store.session() as session:
        row = session.exec(select(Followup)).one()
        assert row.state == "open"
        order = session.get(Order, order_id)
        assert order is not None
        apply_followup(session, row, order, actor="clerk1")
        session.commit()
        assert row.state == "applied" and row.decided_by == "clerk1"


def test_a_cancellation_applied_by_itself_is_told_to_the_customer(store: Store, settings) -> None:  # type: ignore[no-untyped-def]
    from models.tables import OutboxMail
    from tests.factories.followups import ingest_followups

    ingest_followups(store, ("orders/o6_lemoine.eml", "open/f06_cancel_po_fr.eml"), settings)
    with store.session() as session:
        order = session.exec(select(Order).where(Order.po_number == "TL-7790")).one()
        assert order.status == "cancelled"
        mails = [m for m in session.exec(select(OutboxMail)) if m.kind == "followup"]
        assert len(mails) == 1
        assert "annulée" in mails[0].subject and "TL-7790" in mails[0].body_text
        assert mails[0].to_addr == "achats@traiteur-lemoine.fr"


@pytest.fixture(scope="module")
def sized_index() -> CatalogIndex:
    rows = [
        make_product("GLV-M", "Gant nitrile bleu taille M - boîte de 100"),
        make_product("GLV-L", "Gant nitrile bleu taille L - boîte de 100"),
        make_product("GEL-5", "Gel hydroalcoolique bidon 5 L", unit="bidon"),
        make_product("BLZ-S", "Blouse coton blanche S"),
        make_product("BLZ-XL", "Blouse coton blanche XL"),
    ]
    return CatalogIndex.build(ReferenceData(products=rows))


@pytest.mark.parametrize(
    ("text", "lines", "sku"),
    [
        ("30 boxes of the large rather than 20", [("GLV-M", 20), ("GLV-L", 20), ("GEL-5", 6)], "GLV-L"),
        ("mettez 25 des moyens au lieu de 20", [("GLV-M", 20), ("GLV-L", 20), ("GEL-5", 6)], "GLV-M"),
        ("mettez 4 des petites au lieu de 2", [("BLZ-S", 2), ("BLZ-XL", 2)], "BLZ-S"),
    ],
)
def test_a_count_set_on_the_line_of_the_size_said_in_words(
    sized_index: CatalogIndex, text: str, lines: list[tuple[str, float]], sku: str
) -> None:
    held = OrderLines(lines=lines, index=sized_index.subset(tuple(s for s, _ in lines)))
    change = compute_change(text, held, sized_index, customer_id=None, today=TODAY)
    assert [s.sku for s in change.set_quantity] == [sku]
