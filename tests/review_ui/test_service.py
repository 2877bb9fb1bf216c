"""The review UI's store functions, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlmodel import select

from intake.pipeline import PipelineDeps, decide_order
from matchers import CatalogIndex, learn_alias, match_article
from matchers.normalize import normalize_wording
from models import (
    Extracted,
    ExtractedLine,
    ExtractedOrder,
    ParsedMessage,
    Settings,
    StaleEditError,
    Store,
    audit_trail,
)
from models.tables import Alias, AuditEvent, Order, ReviewItem
from review_ui import service
from review_ui.approval import approval_reasons, blocking
from review_ui.edits import LineEdit, OrderEdit, OrderValues, to_values
from review_ui.listing import QueueFilter, load_queue
from review_ui.manual import create_manual_order


def make_values(*lines: tuple[str, str, str], customer: str = "C0118", po: str = "PO-1") -> OrderValues:
    edit = OrderEdit(
        customer_id=customer,
        po_number=po,
        lines=[LineEdit(sku=sku, description=text, quantity=qty) for sku, text, qty in lines],
    )
    values, problems = to_values(edit)
    assert problems == []
    return values


def make_text_line(wording: str) -> ExtractedLine:
    return ExtractedLine(line_no=1, description=Extracted[str](value=wording))


def make_review_order(store: Store, *lines: tuple[str, str, str], customer: str = "C0118") -> Order:
    """A phone order with an unknown article: it waits in the queue."""
    index = CatalogIndex.build(store.load_reference())
    values = make_values(*lines, customer=customer)
    order_id, status = create_manual_order(store, values, user="alice", index=index, settings=Settings())
    assert status == "review"
    return service.get_order(store, order_id)[0]


def test_queue_oldest_first_with_counts_and_failed_messages(any_store: Store):
    first = make_review_order(any_store, ("ZZ-1", "vis inconnues", "3"))
    second = make_review_order(any_store, ("ZZ-2", "clous inconnus", "1"), customer="")
    from models import RawMessage

    row, _ = any_store.add_message(RawMessage(data=b"garbage"))
    any_store.mark_failed(row.id, "no email headers")
    queue = load_queue(any_store, QueueFilter())
    assert [e.order_id for e in queue.entries] == [first.id, second.id]
    assert queue.by_reason["line_unmatched"] == 2 and queue.by_reason["customer_unknown"] == 1
    assert [f.error for f in queue.failed] == ["no email headers"]
    only = load_queue(any_store, QueueFilter(reason="customer_unknown"))
    assert [e.order_id for e in only.entries] == [second.id] and only.total == 2
    assert [e.order_id for e in load_queue(any_store, QueueFilter(text="lalouette")).entries] == [first.id]


def test_a_stale_save_is_refused_and_audited_saves_are_diffs(any_store: Store):
    order = make_review_order(any_store, ("ZZ-1", "vis inconnues", "3"))
    values = make_values(("VJ10110", "vis inconnues", "3"), po="PO-NEW")
    saved = service.save_order(any_store, order.id, values, user="alice", version=order.version)
    assert saved.version == order.version + 1
    with pytest.raises(StaleEditError):
        service.save_order(any_store, order.id, values, user="bob", version=order.version)
    edits = [e for e in audit_trail(any_store, order.id) if e.action == "edited"]
    assert len(edits) == 1
    assert edits[0].before["po_number"] != "PO-NEW" and edits[0].after["po_number"] == "PO-NEW"
    assert "customer_id" not in edits[0].after  # unchanged keys stay out of the diff


def test_approve_accepts_closes_the_item_and_teaches_the_wording(any_store: Store):
    order = make_review_order(any_store, ("ZZ-1", "Gobelets blancs 10cl", "3"))
    values = make_values(("VJ10110", "Gobelets blancs 10cl", "3"))
    service.approve_order(any_store, order.id, values, user="alice", version=order.version)
    stored, lines = service.get_order(any_store, order.id)
    assert (stored.status, stored.decided_by, stored.locked_by) == ("accepted", "alice", None)
    assert [(line.sku, line.quantity) for line in lines] == [("VJ10110", 3.0)]
    with any_store.session() as session:
        items = session.exec(select(ReviewItem).where(ReviewItem.order_id == order.id)).all()
        aliases = session.exec(select(Alias)).all()
    assert [i.state for i in items] == ["closed"]
    assert [(a.customer_id, a.wording, a.sku) for a in aliases] == [
        ("C0118", normalize_wording("Gobelets blancs 10cl"), "VJ10110")
    ]
    with pytest.raises(service.OrderClosedError):
        service.save_order(any_store, order.id, values, user="alice", version=stored.version)


def test_learning_the_same_wording_again_counts_its_uses(any_store: Store):
    for _ in range(2):
        learn_alias(any_store, "C0118", "Gobelets  Blancs 10cl", "VJ10110", actor="alice")
    learn_alias(any_store, "C0118", "gobelets blancs 10cl", "VJ10111", actor="bob")
    with any_store.session() as session:
        aliases = session.exec(select(Alias)).all()
        events = session.exec(select(AuditEvent).where(AuditEvent.entity == "alias")).all()
    assert [(a.sku, a.uses) for a in aliases] == [("VJ10111", 1)]
    assert len(events) == 3 and events[-1].before == {"sku": "VJ10110", "uses": 2}
    assert [e.actor for e in events] == ["alice", "alice", "bob"]


def test_an_order_is_taken_by_one_clerk_at_a_time(any_store: Store):
    order = make_review_order(any_store, ("ZZ-1", "vis", "3"))
    assert service.take_lock(any_store, order.id, "alice") is None
    assert service.take_lock(any_store, order.id, "bob") == "alice"
    assert service.take_lock(any_store, order.id, "alice") is None
    assert service.take_lock(any_store, order.id, "bob", force=True) is None
    assert service.take_lock(any_store, order.id, "alice") == "bob"
    with any_store.session() as session:
        row = session.get(Order, order.id)
        row.locked_at = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=service.LOCK_MINUTES + 1)
        session.commit()
    assert service.take_lock(any_store, order.id, "alice") is None  # an old lock is free again
    actions = [e.action for e in audit_trail(any_store, order.id)]
    assert actions.count("taken_over") == 1


def test_reject_records_the_reason(any_store: Store):
    order = make_review_order(any_store, ("ZZ-1", "vis", "3"))
    service.reject_order(any_store, order.id, user="bob", version=order.version, reason="doublon")
    stored, _ = service.get_order(any_store, order.id)
    assert (stored.status, stored.reject_reason, stored.decided_by) == ("rejected", "doublon", "bob")
    assert audit_trail(any_store, order.id)[-1].after == {"status": "rejected", "reason": "doublon"}


@pytest.mark.parametrize("wording", ["Gants nitrile T9", "vis 4x40 inox"], ids=["size-word", "dimensions"])
def test_a_wording_taught_on_approval_is_matched_by_the_next_order(any_store: Store, wording: str):
    """Round trip: the clerk's approval, a rebuilt catalogue index, then the matcher itself."""
    order = make_review_order(any_store, ("ZZ-1", wording, "3"))
    before = CatalogIndex.build(any_store.load_reference())
    assert match_article(make_text_line(wording), before, customer_id="C0118").sku != "VJ10120"
    values = make_values(("VJ10120", wording, "3"))
    service.approve_order(any_store, order.id, values, user="alice", version=order.version)
    after = CatalogIndex.build(any_store.load_reference())
    found = match_article(make_text_line(wording), after, customer_id="C0118")
    assert (found.sku, [e.kind for e in found.candidates[0].evidence]) == ("VJ10120", ["alias"])


def test_a_phone_order_is_held_on_price_and_stock_like_an_email(any_store: Store):
    """A line at three times the catalogue price and 1,000 over stock: held, with both reasons."""
    product = next(p for p in any_store.load_reference().products if p.sku == "VJ10120")
    edit = OrderEdit(
        customer_id="C0118",
        po_number="TEL-1",
        lines=[
            LineEdit(
                sku="VJ10120",
                description=product.name,
                quantity=str(product.stock + 1000),
                unit_price=str(product.unit_price * 3),
            )
        ],
    )
    values, problems = to_values(edit)
    assert problems == []
    index = CatalogIndex.build(any_store.load_reference())
    order_id, status = create_manual_order(any_store, values, user="alice", index=index, settings=Settings())
    stored, lines = service.get_order(any_store, order_id)
    assert status == "review"
    assert {"price_off", "backorder"} <= {r["code"] for r in stored.reasons}
    assert [line.backorder for line in lines] == [True]  # stored by the same writer as mail


def test_an_order_approved_after_an_edit_is_checked_like_mail(any_store: Store):
    """The clerk sets a line to three times the catalogue price: the reason mail gets, word for word."""
    order = make_review_order(any_store, ("ZZ-1", "vis inconnues", "3"))
    product = next(p for p in any_store.load_reference().products if p.sku == "VJ10120")
    price = product.unit_price * 3
    edit = OrderEdit(
        customer_id="C0118",
        po_number="PO-9",
        lines=[LineEdit(sku="VJ10120", description=product.name, quantity="2", unit_price=str(price))],
    )
    values, _ = to_values(edit)
    deps = PipelineDeps.for_store(any_store, CatalogIndex.build(any_store.load_reference()), Settings())
    checks = approval_reasons(values, deps, message_id=order.message_id, order_id=order.id)
    by_mail = ExtractedOrder(
        source="email",
        lines=[
            ExtractedLine(
                line_no=1,
                code=Extracted[str](value="VJ10120"),
                description=Extracted[str](value=product.name),
                quantity=Extracted[Decimal](value=Decimal(2)),
                unit_price=Extracted[Decimal](value=Decimal(str(price))),
            )
        ],
    )
    parsed = ParsedMessage(message_id="<mail@example.com>", date=dt.datetime.now(dt.UTC))
    mail = decide_order(parsed, by_mail, deps).decision.reasons
    price_off = [r for r in mail if r.code == "price_off"]
    assert price_off and price_off == [r for r in checks if r.code == "price_off"]
    assert blocking(checks) == []  # a warning the clerk answers by approving
    service.approve_order(any_store, order.id, values, user="alice", version=order.version)
    assert service.get_order(any_store, order.id)[0].status == "accepted"


def test_an_order_without_article_or_customer_cannot_be_approved(any_store: Store):
    order = make_review_order(any_store, ("ZZ-1", "vis inconnues", "3"))
    values = make_values(("", "vis inconnues", "0"), customer="")
    deps = PipelineDeps.for_store(any_store, CatalogIndex.build(any_store.load_reference()), Settings())
    checks = approval_reasons(values, deps, message_id=order.message_id, order_id=order.id)
    assert {r.code for r in blocking(checks)} == {
        "customer_unknown",
        "line_unmatched",
        "quantity_not_positive",
    }


def test_an_order_is_no_duplicate_of_itself_when_approved(any_store: Store):
    order = make_review_order(any_store, ("ZZ-1", "vis inconnues", "3"))
    values = make_values(("VJ10120", "vis", "3"))
    deps = PipelineDeps.for_store(any_store, CatalogIndex.build(any_store.load_reference()), Settings())
    own = approval_reasons(values, deps, message_id=order.message_id, order_id=order.id)
    assert not {"duplicate_po", "duplicate_lines"} & {r.code for r in own}
    other = approval_reasons(values, deps, message_id="<other@example.com>")
    assert "duplicate_po" in {r.code for r in other}
