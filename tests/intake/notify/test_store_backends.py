"""The outbox and the figures on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session

import models.outbox as outbox_rows
from intake.notify import deliver_pending, list_mails, queue_acknowledgement, smtp_sender
from intake.notify.outbox import OutgoingMail, claim, enqueue
from intake.reports.kpis import GroupBy, build_report, kpi_report, order_facts
from models import Settings, Store
from models.tables import OutboxMail, utcnow
from tests.factories.rows import make_order_with_message, make_rows
from tests.intake.notify.smtp import SmtpServer


def test_outage_then_recovery_delivers_once(
    any_store: Store, mail_settings: Settings, smtp_server: SmtpServer
) -> None:
    settings = mail_settings.model_copy(update={"database_url": str(any_store.engine.url)})
    queue_acknowledgement(any_store, make_order_with_message(any_store), settings=settings)
    send, start = smtp_sender(settings), utcnow()
    assert deliver_pending(any_store, settings, send=send, now=lambda: start).retried == 1
    smtp_server.start()
    later = start + dt.timedelta(hours=1)
    assert deliver_pending(any_store, settings, send=send, now=lambda: later).sent == 1
    assert deliver_pending(any_store, settings, send=send, now=lambda: later).sent == 0
    assert len(smtp_server.inbox.messages) == 1
    [row] = list_mails(any_store)
    assert row.state == "sent" and row.id is not None
    assert claim(any_store, row.id, later) is None  # a sent mail cannot be taken again


def test_figures_from_the_store(any_store: Store) -> None:
    orders, received, events, messages = make_rows()
    expected = build_report(order_facts(orders, received, events), by=GroupBy.CUSTOMER)
    with any_store.session() as session:
        session.add_all(messages)
        session.flush()
        session.add_all(orders)
        session.flush()
        session.add_all(events)
        session.commit()
    assert kpi_report(any_store, by=GroupBy.CUSTOMER) == expected


def test_a_mail_queued_meanwhile_by_another_process_is_not_queued_twice(
    any_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    mail = OutgoingMail(kind="ack", dedup_key="ack:race", to_addr="a@b.fr", subject="s", body_text="b")
    with any_store.session() as other:
        enqueue(other, mail)
        other.commit()
    looked: list[str] = []
    real_find = outbox_rows.find_mail

    def find_after_the_race(session: Session, key: str) -> OutboxMail | None:
        looked.append(key)
        return None if len(looked) == 1 else real_find(session, key)  # the first look predates the insert

    monkeypatch.setattr(outbox_rows, "find_mail", find_after_the_race)
    with any_store.session() as session:
        row, created = enqueue(session, mail.model_copy(update={"subject": "second"}))
        session.commit()
    assert not created and row.subject == "s" and len(looked) == 2
    assert len(list_mails(any_store)) == 1
