"""The feed of accepted orders: a position per order, handed out in commit order.

An ERP reads the feed with "orders after position N" and remembers the last
position it saw. For that to miss nothing, no order may become visible with a
position lower than one already read. Ids and database sequences do not give
that: two writers take 5 and 6, the second commits first, a reader sees 6 and
moves past 5 before it is committed. Here the position comes from a counter row
updated in the accepting transaction: its row lock is held until that
transaction commits, so the next writer gets a higher number only after the
previous one is visible. Every path that accepts an order (the engine, a clerk,
a manual entry, the API) goes through a session flush, where the position is set.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, select, update
from sqlalchemy.orm import Session

from models.tables import Counter, Order

FEED_COUNTER = "accepted_orders"


def next_value(session: Session, name: str) -> int:
    """The counter's next value; its row stays locked until the session's transaction ends."""
    connection = session.connection()
    bumped = connection.execute(update(Counter).where(Counter.name == name).values(value=Counter.value + 1))
    if bumped.rowcount == 0:
        # A store created before the counter existed: start it from what is already there.
        start = connection.execute(select(Order.accepted_seq).order_by(Order.accepted_seq.desc())).first()
        connection.execute(
            Counter.__table__.insert().values(name=name, value=(start[0] or 0) + 1 if start else 1)
        )
    return int(connection.execute(select(Counter.value).where(Counter.name == name)).scalar_one())


@event.listens_for(Session, "before_flush")
def _number_accepted_orders(session: Session, _context: Any, _instances: Any) -> None:
    for row in list(session.new) + list(session.dirty):
        if isinstance(row, Order) and row.status == "accepted" and row.accepted_seq is None:
            row.accepted_seq = next_value(session, FEED_COUNTER)
