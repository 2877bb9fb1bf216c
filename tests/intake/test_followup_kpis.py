"""Follow-up figures (changes, cancellations, returns per customer and per article) on rows
counted by hand, the same from the store on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from intake.reports.followup_kpis import followup_kpis, followup_report, format_followups
from models import Store
from models.tables import Followup, Message, Order, OrderLine

# (order id, customer, status, lines)
ORDERS = [
    (1, "A", "accepted", [("S1", 10.0), ("S2", 4.0)]),
    (2, "A", "accepted", [("S1", 10.0)]),
    (3, "B", "review", [("S2", 6.0)]),
    (4, "B", "rejected", [("S1", 100.0)]),  # never taken: neither an order nor ordered quantity
]
# (kind, order id, returned)
FOLLOWUPS = [
    ("change", 1, None),
    ("change", 3, None),
    ("cancellation", 2, None),
    ("replacement", 3, None),
    (
        "return",
        1,
        {"lines": [{"sku": "S1", "quantity": 2}, {"sku": "S2", "quantity": 1}], "reason": "damaged"},
    ),
    ("return", 2, {"lines": [{"sku": "S1", "quantity": 3}], "reason": "wrong_article"}),
    ("return", None, {"lines": [], "reason": None}),
    ("delivery_question", 1, None),
]


def hand_report():
    ordered = {"S1": 20.0, "S2": 10.0}
    taken = [(oid, customer) for oid, customer, status, _ in ORDERS if status != "rejected"]
    return followup_report(taken, ordered, FOLLOWUPS)


def check(report) -> None:
    by = {r.customer: r for r in report.customers}
    assert set(by) == {"A", "B", "(unlinked)"}
    a, b = by["A"], by["B"]
    assert (a.orders, a.changes, a.cancellations, a.returns) == (2, 1, 1, 2)
    assert a.return_rate == pytest.approx(1.0)
    assert a.reasons == {"damaged": 1, "wrong_article": 1}
    assert (b.orders, b.changes, b.cancellations, b.returns, b.return_rate) == (1, 1, 1, 0, 0.0)
    assert (by["(unlinked)"].returns, by["(unlinked)"].return_rate) == (1, None)
    articles = {x.sku: x for x in report.articles}
    assert [x.sku for x in report.articles] == ["S1", "S2"]  # most returned first
    assert (articles["S1"].returned, articles["S1"].ordered, articles["S1"].returns) == (5, 20, 2)
    assert articles["S1"].return_rate == pytest.approx(0.25)
    assert articles["S1"].reasons == {"damaged": 1, "wrong_article": 1}
    assert articles["S2"].return_rate == pytest.approx(0.1)
    assert report.reasons == {"damaged": 1, "wrong_article": 1, "unknown": 1}


def test_figures_match_the_hand_counts() -> None:
    check(hand_report())


def test_text_lists_customers_articles_and_reasons() -> None:
    text = format_followups(hand_report())
    assert "cancellations" in text and "S1" in text and "25.0%" in text
    assert "return reasons: damaged 1, wrong_article 1, unknown 1" in text
    assert format_followups(followup_report([(1, "A")], {}, [])) == ""


def fill(store: Store) -> None:
    with store.session() as session:
        for oid, customer, status, lines in ORDERS:
            session.add(Message(id=100 + oid, sha256=f"s{oid}", raw=b"x"))
            session.flush()
            session.add(
                Order(
                    id=oid,
                    message_pk=100 + oid,
                    message_id=f"<m{oid}@x>",
                    status=status,
                    customer_id=customer,
                )
            )
            session.flush()
            for number, (sku, quantity) in enumerate(lines, start=1):
                session.add(OrderLine(order_id=oid, line_no=number, sku=sku, quantity=quantity))
        session.add(Message(id=200, sha256="f", raw=b"x"))
        session.flush()
        for kind, oid, returned in FOLLOWUPS:
            session.add(
                Followup(message_pk=200, message_id="<f@x>", kind=kind, order_id=oid, returned=returned)
            )
        session.commit()


def test_the_store_gives_the_same_figures(store_url: str) -> None:
    store = Store.open(store_url)
    try:
        fill(store)
        check(followup_kpis(store))
    finally:
        store.engine.dispose()


def test_stats_prints_them_in_text_and_json(tmp_path) -> None:
    url = f"sqlite:///{tmp_path}/store.db"
    store = Store.open(url)
    fill(store)
    store.engine.dispose()
    env = {"INTAKE_DATABASE_URL": url, "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-m", "intake", "stats"]
    text = subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout
    assert "return reasons: damaged 1, wrong_article 1, unknown 1" in text
    figures = json.loads(subprocess.run([*run, "--format", "json"], env=env, capture_output=True, text=True,
                                        check=True).stdout)  # fmt: skip
    assert {r["customer"]: r["cancellations"] for r in figures["followups"]["customers"]} == {
        "(unlinked)": 0, "A": 1, "B": 1}  # fmt: skip
    assert "overall" in figures
