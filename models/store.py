"""The store: the reference data, the messages kept before any parsing and their
outcomes, the orders as records. SQLite and PostgreSQL alike (models/engine.py);
orders are written by models/order_writer.py."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

import models.feed  # noqa: F401  (numbers accepted orders at every flush)
from models.contents import KeptMessage, keep_contents
from models.engine import make_engine, migrate
from models.fingerprint import bump_reference
from models.habits import habit_rows
from models.order_writer import INTAKE, insert_order
from models.pipeline import (
    OrderRecord,
    ProcessedOrder,
    ProcessResult,
    RawMessage,
)
from models.reference import (
    AliasRow,
    CustomerRefRow,
    CustomerRow,
    HabitRow,
    HistoryRow,
    ProductRow,
    ReferenceData,
)
from models.rows import message_row, to_record
from models.tables import (
    Alias,
    AuditEvent,
    Customer,
    CustomerRef,
    HistoryLine,
    Message,
    MessageState,
    Order,
    OrderLine,
    Product,
    ReviewItem,
    ReviewItemState,
    utcnow,
)

# Rows per INSERT ... ON CONFLICT statement of a catalogue import.
UPSERT_CHUNK = 2000

# The statements every message runs, built once with their values bound apart: built per message,
# each costs ~0.4 ms of the writing process's CPU before it runs (its cache key, its values).
_KNOWN = select(Message.id).where(Message.sha256 == bindparam("sha256"))
_MARK_PROCESSED = (
    update(Message)
    .where(col(Message.id) == bindparam("pk"), col(Message.state) != MessageState.PROCESSED.value)
    .values(
        message_id=bindparam("message_id"),
        subject=bindparam("subject"),
        sender=bindparam("sender"),
        state=MessageState.PROCESSED.value,
        error=None,
        attempts=Message.attempts + 1,
        processed_at=bindparam("at"),
        kind=bindparam("kind"),
        classification=bindparam("classification"),
    )
)
_CLOSE_REVIEW = (
    update(ReviewItem)
    .where(col(ReviewItem.message_pk) == bindparam("pk"), col(ReviewItem.state) == ReviewItemState.OPEN.value)
    .values(state=ReviewItemState.CLOSED.value, closed_at=bindparam("at"), closed_by=INTAKE)
)


def _dialect_insert(dialect: str, table: Any) -> Any:
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Store:
    """The store's operations; every method opens and closes its own session."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> Store:
        engine = make_engine(url)
        migrate(engine)
        return cls(engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    # -- reference data -------------------------------------------------------

    def upsert_products(self, rows: Iterable[ProductRow]) -> int:
        return self._upsert(Product, (r.model_dump() for r in rows))

    def upsert_customers(self, rows: Iterable[CustomerRow]) -> int:
        def values(row: CustomerRow) -> dict[str, Any]:
            data = row.model_dump()
            data["email_domains"] = ";".join(row.email_domains)
            data["contact_emails"] = ";".join(row.contact_emails)
            return data

        return self._upsert(Customer, (values(r) for r in rows))

    def upsert_customer_refs(self, rows: Iterable[CustomerRefRow]) -> int:
        return self._upsert(CustomerRef, (r.model_dump() for r in rows), key=("customer_id", "customer_ref"))

    def upsert_history(self, rows: Iterable[HistoryRow]) -> int:
        """Past order lines, keyed by customer, date, PO and sku (importing twice changes nothing)."""
        count = 0
        with self.session() as session:
            for row in rows:
                found = session.exec(
                    select(HistoryLine).where(
                        HistoryLine.customer_id == row.customer_id,
                        HistoryLine.order_date == row.order_date,
                        HistoryLine.po_number == row.po_number,
                        HistoryLine.sku == row.sku,
                    )
                ).first()
                if found:
                    found.quantity, found.unit = row.quantity, row.unit
                else:
                    session.add(HistoryLine(**row.model_dump()))
                count += 1
            bump_reference(session.connection())
            session.commit()
        return count

    def _upsert(self, table: Any, rows: Iterable[dict[str, Any]], *, key: tuple[str, ...] = ()) -> int:
        """Insert rows, or update those whose key exists: one statement per chunk of rows."""
        columns = set(table.model_fields) - {"id"}
        key = key or tuple(c.name for c in table.__table__.primary_key.columns)
        count = 0
        with self.engine.begin() as connection:
            for chunk in _chunks(({k: v for k, v in r.items() if k in columns} for r in rows), UPSERT_CHUNK):
                statement = _dialect_insert(self.engine.dialect.name, table)
                updates = {c: statement.excluded[c] for c in chunk[0] if c not in key}
                statement = statement.on_conflict_do_update(index_elements=list(key), set_=updates)
                connection.execute(statement, chunk)
                count += len(chunk)
            bump_reference(connection)
        return count

    def load_reference(self) -> ReferenceData:
        with self.session() as session:
            return ReferenceData(
                products=[
                    ProductRow.model_validate(p, from_attributes=True) for p in session.exec(select(Product))
                ],
                customers=[
                    CustomerRow(
                        customer_id=c.customer_id,
                        name=c.name,
                        email_domains=c.email_domains,
                        contact_emails=c.contact_emails,
                        vat_number=c.vat_number,
                        ship_to=c.ship_to,
                        language=c.language,
                    )
                    for c in session.exec(select(Customer))
                ],
                customer_refs=[
                    CustomerRefRow(customer_id=r.customer_id, customer_ref=r.customer_ref, sku=r.sku)
                    for r in session.exec(select(CustomerRef))
                ],
                aliases=[
                    AliasRow(customer_id=a.customer_id, wording=a.wording, sku=a.sku)
                    for a in session.exec(select(Alias))
                ],
                habits=habit_rows(session),
            )

    def load_habits(self) -> list[HabitRow]:
        """The habit rows of `load_reference` alone: what the accepted orders teach."""
        with self.session() as session:
            return habit_rows(session)

    # -- messages -------------------------------------------------------------

    def add_message(self, raw: RawMessage, *, message_id: str | None = None) -> tuple[Message, bool]:
        """Keep the raw bytes before any parsing. Returns (row, created)."""
        with self.session() as session:
            connection = session.connection()
            found = connection.execute(_KNOWN, {"sha256": raw.sha256}).scalar()
            if found is not None:
                known = session.get(Message, found)
                assert known is not None
                return known, False
            row = message_row(raw, message_id=message_id)
            # A row, not an object: a message's bytes are kept once, and read back by no one here.
            row.id = connection.execute(insert(Message), row.model_dump(exclude={"id"})).inserted_primary_key[
                0
            ]
            session.commit()
            return row, True

    def add_messages(self, raws: Sequence[tuple[RawMessage, str | None]]) -> list[KeptMessage]:
        """`add_message` of each (raw, its Message-ID), in one query and one insert: what became
        of each, in order; a content met twice is kept once, and found the second time."""
        if not raws:
            return []
        with self.session() as session:
            known, new = keep_contents(session.connection(), raws)
            if new:
                session.commit()
            kept = []
            for raw, _ in raws:
                pk, state = known[raw.sha256]
                kept.append(KeptMessage(pk, state, raw.sha256 in new))
                new.discard(raw.sha256)
            return kept

    def get_message(self, pk: int) -> Message | None:
        with self.session() as session:
            return session.get(Message, pk)

    def list_messages(self, state: str | None = None) -> list[Message]:
        with self.session() as session:
            query = select(Message).order_by(Message.id)
            if state:
                query = query.where(Message.state == state)
            return list(session.exec(query))

    def order_counts(self) -> dict[int, int]:
        with self.session() as session:
            counts: dict[int, int] = {}
            for pk in session.exec(select(Order.message_pk)):
                if pk is not None:
                    counts[pk] = counts.get(pk, 0) + 1
            return counts

    def mark_failed(self, pk: int, reason: str) -> None:
        """Record why a message could not be processed, and put it before a clerk."""
        with self.session() as session:
            row = _locked_message(session, pk)
            if row.state == MessageState.PROCESSED:  # another worker got there first: its result stands
                return
            row.state, row.error = MessageState.FAILED, reason
            row.attempts += 1
            row.processed_at = utcnow()
            open_item = session.exec(
                select(ReviewItem).where(
                    ReviewItem.message_pk == pk, ReviewItem.state == ReviewItemState.OPEN
                )
            ).first()
            failure = [{"code": "message_failed", "message": reason, "severity": "error"}]
            if open_item:
                open_item.reasons = failure
            else:
                session.add(ReviewItem(message_pk=pk, reasons=failure))
            session.add(
                AuditEvent(
                    actor="intake",
                    action="failed",
                    entity="message",
                    entity_id=str(pk),
                    after={"error": reason},
                )
            )
            session.commit()

    def save_result(
        self, pk: int, result: ProcessResult, *, then: Callable[[Session, list[int]], None] | None = None
    ) -> list[int]:
        """Store the orders of one message and mark it processed, in one transaction.

        `then(session, order_ids)` writes what else the message brings (a follow-up) in it too.
        """
        parsed = result.parsed
        with self.session() as session:
            connection = session.connection()
            # The message's row is marked first: the write takes its lock (PostgreSQL) or the
            # write lock (SQLite), so a second worker on the same message waits, then finds it
            # processed and stores nothing twice.
            marked = connection.execute(
                _MARK_PROCESSED,
                {
                    "pk": pk,
                    "message_id": parsed.message_id,
                    "subject": parsed.subject[:998],
                    "sender": parsed.sender.email,
                    "at": utcnow(),
                    "kind": "order" if result.orders else "not_order",
                    "classification": parsed.classification.kind.value if parsed.classification else None,
                },
            )
            if marked.rowcount == 0:
                return _stored_orders(session, pk)
            connection.execute(_CLOSE_REVIEW, {"pk": pk, "at": utcnow()})
            order_ids = [insert_order(session, processed, message_pk=pk) for processed in result.orders]
            if then is not None:
                then(session, order_ids)
            session.commit()
            return order_ids

    def add_order(
        self, processed: ProcessedOrder, *, actor: str = INTAKE, message_pk: int | None = None
    ) -> int:
        """Store one decided order on its own (a clerk's phone entry); returns its number."""
        with self.session() as session:
            order_id = insert_order(session, processed, actor=actor, message_pk=message_pk)
            session.commit()
            return order_id

    # -- orders ---------------------------------------------------------------

    def order_records(self, status: str | None = None) -> list[OrderRecord]:
        return [record for _, record in self.numbered_records(status)]

    def numbered_records(self, status: str | None = None) -> list[tuple[int, OrderRecord]]:
        """Each order's number in the store with its contract record, oldest first."""
        with self.session() as session:
            query = select(Order).order_by(Order.id)
            if status:
                query = query.where(Order.status == status)
            orders = list(session.exec(query))
            records = []
            for order in orders:
                lines = session.exec(
                    select(OrderLine).where(OrderLine.order_id == order.id).order_by(OrderLine.line_no)
                )
                records.append((order.id or 0, to_record(order, list(lines))))
            return records


def _stored_orders(session: Session, pk: int) -> list[int]:
    """The orders of a message processed before (by another worker)."""
    assert session.get(Message, pk) is not None, f"message {pk} vanished"
    return [
        o for o in session.exec(select(Order.id).where(Order.message_pk == pk).order_by(col(Order.id))) if o
    ]


def _locked_message(session: Session, pk: int) -> Message:
    """The message row, locked for this transaction before it is read.

    A no-op UPDATE first takes the row lock (PostgreSQL) or the write lock
    (SQLite) and only then reads: a second worker on the same message waits,
    then sees it processed, so no order is stored twice.
    """
    session.execute(update(Message).where(Message.id == pk).values(attempts=Message.attempts))
    row = session.get(Message, pk)
    assert row is not None, f"message {pk} vanished"
    return row
