"""A cheap fingerprint of what the catalogue index is built from: it changes when that data does.

The reference tables (products, customers, their codes, learned wordings, imported history) and
the accepted orders (the customers' habits) are read in full only to build the index; whether
they changed since is told by a few counts and a counter the store's own writers bump
(`bump_reference`) in the transaction that changes rows in place. Rows added or removed by any
means change the counts; accepted orders added, cancelled or edited change their count and the
sum of their versions. The two parts are apart: accepted orders change only the customers'
habits, which are read again without building the whole index (`habits_fingerprint`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine
from sqlmodel import Session, col, func, select

from models.pipeline import OrderStatus
from models.tables import Alias, Counter, Customer, CustomerRef, HistoryLine, Order, Product

REFERENCE_COUNTER = "reference_writes"
_COUNTED = (Product, Customer, CustomerRef, Alias, HistoryLine)


def bump_reference(connection: Connection) -> None:
    """Count a write of reference rows (in the writer's transaction)."""
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    statement = insert(Counter).values(name=REFERENCE_COUNTER, value=1)
    connection.execute(
        statement.on_conflict_do_update(index_elements=["name"], set_={"value": Counter.value + 1})
    )


def reference_fingerprint(engine: Engine) -> tuple[Any, ...]:
    """Equal fingerprints: the catalogue index built from the store would be the same, habits aside."""
    with Session(engine) as session:
        writes = session.exec(select(Counter.value).where(Counter.name == REFERENCE_COUNTER)).first()
        counts = session.exec(
            select(
                *(select(func.count()).select_from(t).scalar_subquery() for t in _COUNTED),
                select(func.coalesce(func.sum(Alias.uses), 0)).scalar_subquery(),
            )
        ).one()
    return (writes, *counts)


def habits_fingerprint(engine: Engine) -> tuple[Any, ...]:
    """Equal fingerprints: the customers' habits read from the accepted orders would be the same."""
    with Session(engine) as session:
        return tuple(
            session.exec(
                select(func.count(), func.coalesce(func.sum(col(Order.version)), 0)).where(
                    Order.status == OrderStatus.ACCEPTED
                )
            ).one()
        )
