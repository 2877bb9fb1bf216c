"""Queueing the mails about an order: acknowledgement, detail request, status notice.

Each function composes the mail from the store, queues it in the outbox under
a dedup key (calling it twice queues one mail) and records an audit event.
They take a `Store` (and commit) or a caller's `Session` (and only flush, so
the mail is queued in the caller's transaction, e.g. with a clerk's approval).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import uuid
from collections.abc import Iterable

from intake.notify.compose import OrderView, load_order_view, thread_headers
from intake.notify.errors import NotifyError
from intake.notify.kinds import DeliveryMode, ShipmentStatus
from intake.notify.outbox import OutgoingMail
from intake.notify.status_words import answer_status
from intake.notify.templates import mail_language, render
from models import OrderStatus, Settings, Store, order_status
from models.audit import audit_order
from models.followup_store import followups_of, latest_status
from models.outbox import queue_order_mail, unacknowledged_orders
from models.tables import Followup, OutboxMail, utcnow
from models.transaction import Transaction, unit_of_work

log = logging.getLogger(__name__)


def queue_acknowledgement(
    target: Store | Transaction, order_id: int, *, settings: Settings
) -> OutboxMail | None:
    """Queue the acknowledgement of an accepted order; None when none is due.

    None for an order that is not accepted, a customer who opted out, or mail
    turned off. Call it wherever an order becomes accepted (the engine, a clerk).
    """
    if not settings.notify_enabled:
        return None
    with unit_of_work(target) as session:
        status = order_status(session, order_id)
        if status is not None and status != OrderStatus.ACCEPTED.value:
            return None  # decided at once, before the mail's view is read (and its message parsed)
        view = load_order_view(session, order_id)
        if view.status != OrderStatus.ACCEPTED.value or not view.notify:
            return None
        if view.thread.reply_to.lower() == (settings.smtp_from or "").lower():
            return None  # an order sent from our own mailbox: acknowledging it would talk to ourselves
        return _queue(session, view, "ack", f"ack:{order_id}", {}, actor="intake", settings=settings)


def acknowledge_accepted(
    store: Store, order_ids: Iterable[int], *, settings: Settings, log_level: int = logging.WARNING
) -> list[int]:
    """Acknowledge each accepted order of a message; a failure is logged, never raised,
    since the order itself is safely stored and must not be failed by its mail."""
    queued = []
    for order_id in order_ids:
        try:
            row = queue_acknowledgement(store, order_id, settings=settings)
        except NotifyError as exc:
            log.log(log_level, "order %s: no acknowledgement: %s", order_id, exc)
            continue
        except Exception:
            log.exception("order %s: the acknowledgement could not be queued", order_id)
            continue
        if row is not None and row.id is not None:
            queued.append(row.id)
    return queued


def acknowledge_recent(store: Store, *, settings: Settings, now: dt.datetime | None = None) -> list[int]:
    """Acknowledge orders accepted in the last `notify_catchup_hours` that have none yet.

    Catches what the direct calls can miss: a crash between storing an order
    and queueing its mail, or an acceptance path that does not queue it. The
    window keeps a first start from mailing about old orders.
    """
    if not settings.notify_enabled or settings.notify_catchup_hours <= 0:
        return []
    since = (now or utcnow()) - dt.timedelta(hours=settings.notify_catchup_hours)
    order_ids = unacknowledged_orders(store, since)
    return acknowledge_accepted(store, order_ids, settings=settings, log_level=logging.DEBUG)


def request_detail(
    target: Store | Transaction, order_id: int, line_no: int, question: str, *, actor: str, settings: Settings
) -> OutboxMail:
    """Queue a clerk's question about one line of an order. The same question twice is one mail."""
    question = question.strip()
    if not question:
        raise NotifyError(f"order {order_id}, line {line_no}", "the question is empty")
    if not settings.notify_enabled:
        raise NotifyError("INTAKE_NOTIFY_ENABLED", "outgoing mail is turned off")
    with unit_of_work(target) as session:
        view = load_order_view(session, order_id)
        line = next((line for line in view.lines if line.line_no == line_no), None)
        if line is None:
            raise NotifyError(f"order {order_id}", f"has no line {line_no}")
        digest = hashlib.sha256(" ".join(question.split()).lower().encode()).hexdigest()[:16]
        key = f"detail:{order_id}:{line_no}:{digest}"
        extra = {"line": line, "question": question}
        row = _queue(session, view, "detail_request", key, extra, actor=actor, settings=settings)
        assert row is not None
        return row


def notify_status(
    target: Store | Transaction,
    order_id: int,
    status: ShipmentStatus,
    *,
    mode: DeliveryMode,
    tracking: str | None = None,
    carrier: str | None = None,
    actor: str,
    settings: Settings,
) -> OutboxMail | None:
    """Queue the notice of an accepted order's shipment status; None when the customer
    opted out or mail is off. The same status twice is one mail."""
    with unit_of_work(target) as session:
        view = load_order_view(session, order_id)
        if view.status != OrderStatus.ACCEPTED.value:
            raise NotifyError(f"order {order_id}", f"is {view.status}, not accepted: no status to tell")
        audit_order(
            session,
            order_id,
            actor,
            f"status:{status.value}",
            {"mode": mode.value, "tracking": tracking, "carrier": carrier},
        )
        if not settings.notify_enabled or not view.notify:
            return None
        extra = {"status": status.value, "mode": mode.value, "tracking": tracking, "carrier": carrier}
        key = f"status:{order_id}:{status.value}"
        return _queue(session, view, "status", key, extra, actor=actor, settings=settings)


def notify_followups(
    store: Store, message_pk: int, *, actor: str, settings: Settings, followup_id: int | None = None
) -> list[int]:
    """Tell the customer what became of their follow-ups (of a message, or one): the order
    cancelled, changed, a return credited or exchanged, where the order stands. A failure is
    logged, never raised."""
    queued = []
    with unit_of_work(store) as session:
        for row in followups_of(session, message_pk, followup_id):
            try:
                mail = _followup_notice(session, row, actor=actor, settings=settings)
            except NotifyError as exc:
                log.warning("follow-up %s: no notice: %s", row.id, exc)
                continue
            if mail is not None and mail.id is not None:
                queued.append(mail.id)
    return queued


def _followup_notice(
    session: Transaction, row: Followup, *, actor: str, settings: Settings
) -> OutboxMail | None:
    event = FOLLOWUP_EVENTS.get(row.kind)
    step = return_step(row) if row.kind == "return" else row.state
    if event is None or row.order_id is None or step not in TOLD:
        return None
    view = load_order_view(session, row.order_id)
    if not settings.notify_enabled or not view.notify:
        return None
    extra = {"event": event, "outcome": row.outcome, "change": row.change or {}, "step": step}
    if event == "status":
        status = latest_status(session, row.order_id)
        if status is None:
            return None
        extra |= {"status": answer_status(status.status, status.kind), "carrier": status.carrier,
                  "tracking": status.tracking,
                  "status_day": status.occurred_at.date().isoformat()}  # fmt: skip
    key = f"followup:{row.id}:{step}" if row.kind == "return" else f"followup:{row.id}"
    return _queue(session, view, "followup", key, extra, actor=actor, settings=settings)


def return_step(row: Followup) -> str | None:
    """Where a return stands for the customer: received (linked surely to its order, by the
    engine or a clerk), accepted by the clerk, or its outcome; None while its order is unsure."""
    if row.state == "applied" and row.outcome:
        return row.outcome
    if row.state == "accepted":
        return "accepted"
    if row.state == "open" and (row.link_certain or row.link_by == "clerk"):
        return "received"
    return None


# The steps a customer hears of: what the engine or a clerk did, each step of a return.
TOLD = frozenset(
    {"applied", "notified", "answered", "received", "accepted", "credit_note", "exchange", "refund"}
)


# What a follow-up did to its order, as the notice template words it.
FOLLOWUP_EVENTS = {
    "cancellation": "cancelled",
    "replacement": "cancelled",
    "change": "changed",
    "return": "return",
    "delivery_question": "status",
}


def _queue(
    session: Transaction,
    view: OrderView,
    kind: str,
    dedup_key: str,
    extra: dict[str, object],
    *,
    actor: str,
    settings: Settings,
) -> OutboxMail:
    language = mail_language(view.language)
    template = f"{kind}_{language}.txt"
    rendered = render(template, view.context() | extra, company_dir=settings.notify_templates_dir)
    mail = OutgoingMail(
        kind=kind,
        dedup_key=dedup_key,
        order_id=view.order_id,
        to_addr=view.thread.reply_to,
        subject=rendered.subject,
        body_text=rendered.body,
        headers=mail_headers(view, kind, language, settings),
    )
    row, _ = queue_order_mail(session, OutboxMail(**mail.model_dump()), actor=actor)
    return row


def mail_headers(view: OrderView, kind: str, language: str, settings: Settings) -> dict[str, str]:
    domain = (settings.smtp_from or "").rpartition("@")[2] or "intake.invalid"
    headers = {
        # Short enough never to be folded; fixed now so every retry sends the same id.
        "Message-ID": f"<{kind}.{view.order_id}.{uuid.uuid4().hex[:16]}@{domain}>",
        "Content-Language": language,
        **thread_headers(view.thread),
    }
    if kind != "detail_request":
        # RFC 3834: an automatic message; out-of-office robots must not answer it.
        headers["Auto-Submitted"] = "auto-replied" if kind == "ack" else "auto-generated"
        headers["X-Auto-Response-Suppress"] = "All"
    return headers
