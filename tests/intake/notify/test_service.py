"""Composing and queueing mails about an order: content, language, threading, opt-outs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import select

from intake.notify import (
    DeliveryMode,
    NotifyError,
    ShipmentStatus,
    TemplateError,
    acknowledge_accepted,
    acknowledge_recent,
    list_mails,
    notify_status,
    queue_acknowledgement,
    request_detail,
)
from models import Settings, Store
from models.tables import AuditEvent, Order, utcnow
from tests.factories.rows import EARLIER_ID, ORIGINAL_ID, make_order_with_message


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        pytest.param(
            "fr",
            ["commande bien reçue", "40 sac — Ciment CEM II 35 kg (réf. CIM-35, votre réf. DUR-88)", "12 — bastaings 63x175",
             "Livraison souhaitée : 27 novembre 2026", "en réapprovisionnement", "Treillis soudé ST25"],
            id="french",
        ),
        pytest.param(
            "en",
            ["order received", "40 sac — Ciment CEM II 35 kg (ref. CIM-35, your ref. DUR-88)", "Requested delivery: 27 November 2026",
             "on backorder", "ZAC des Pins, 33600 Pessac"],
            id="english",
        ),
    ],
)  # fmt: skip
def test_acknowledgement_says_what_was_understood(
    store: Store, settings: Settings, language: str, expected: list[str]
) -> None:
    order_id = make_order_with_message(store, language=language)
    row = queue_acknowledgement(store, order_id, settings=settings)
    assert row is not None
    text = row.subject + "\n" + row.body_text
    for phrase in expected:
        assert phrase in text
    assert row.headers["Content-Language"] == language


def test_acknowledgement_is_threaded_to_the_order_and_answers_reply_to(
    store: Store, settings: Settings
) -> None:
    order_id = make_order_with_message(store, reply_to="Achats Durand <achats@chantiers-durand.fr>")
    row = queue_acknowledgement(store, order_id, settings=settings)
    assert row is not None
    assert row.to_addr == "achats@chantiers-durand.fr"
    assert row.subject.startswith("Re: Commande BC-7731")
    assert row.headers["In-Reply-To"] == ORIGINAL_ID
    assert row.headers["References"] == f"{EARLIER_ID} {ORIGINAL_ID}"
    assert row.headers["Auto-Submitted"] == "auto-replied"


def test_a_reply_subject_gets_one_re_prefix(store: Store, settings: Settings) -> None:
    order_id = make_order_with_message(store, subject="RE: TR: Commande BC-7731")
    row = queue_acknowledgement(store, order_id, settings=settings)
    assert row is not None and row.subject.startswith("Re: Commande BC-7731 —")


@pytest.mark.parametrize(
    ("status", "language", "notify", "enabled"),
    [
        pytest.param("review", "fr", True, True, id="order-in-review"),
        pytest.param("rejected", "fr", True, True, id="rejected-order"),
        pytest.param("accepted", "fr", False, True, id="customer-opted-out"),
        pytest.param("accepted", "en", True, False, id="mail-turned-off"),
    ],
)
def test_no_acknowledgement_when_none_is_due(
    store: Store, settings: Settings, status: str, language: str, notify: bool, enabled: bool
) -> None:
    order_id = make_order_with_message(store, status=status, language=language, notify=notify)
    switched = settings.model_copy(update={"notify_enabled": enabled})
    assert queue_acknowledgement(store, order_id, settings=switched) is None
    assert list_mails(store) == []


def test_no_acknowledgement_to_our_own_mailbox(store: Store, settings: Settings) -> None:
    order_id = make_order_with_message(store, reply_to="commandes@negoce.example")
    ours = settings.model_copy(update={"smtp_from": "Commandes@negoce.example"})
    assert queue_acknowledgement(store, order_id, settings=ours) is None


def test_acknowledging_twice_queues_one_mail(store: Store, settings: Settings) -> None:
    order_id = make_order_with_message(store)
    first = acknowledge_accepted(store, [order_id], settings=settings)
    second = acknowledge_accepted(store, [order_id], settings=settings)
    assert first == second and len(first) == 1
    assert len(list_mails(store)) == 1
    with store.session() as session:
        audits = session.exec(select(AuditEvent).where(AuditEvent.action == "mail_queued:ack")).all()
    assert len(audits) == 1


def test_acknowledge_accepted_contains_a_failure(store: Store, settings: Settings) -> None:
    assert acknowledge_accepted(store, [999], settings=settings) == []


def test_company_template_overrides_the_built_in_one(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    (tmp_path / "ack_fr.txt").write_text(
        "Subject: Merci {{ customer_name }}\n\n{{ lines | length }} lignes\n"
    )
    order_id = make_order_with_message(store)
    custom = settings.model_copy(update={"notify_templates_dir": tmp_path})
    row = queue_acknowledgement(store, order_id, settings=custom)
    assert row is not None
    assert (row.subject, row.body_text) == ("Merci Chantiers Durand", "3 lignes\n")


@pytest.mark.parametrize(
    ("template", "message"),
    [
        pytest.param("Bonjour\n", "first line must be 'Subject: ...'", id="no-subject"),
        pytest.param("Subject: {{ nonsense }}\n\nx\n", "'nonsense' is undefined", id="unknown-variable"),
        pytest.param("Subject: {% if %}\n", "ack_fr.txt", id="syntax-error"),
        pytest.param("Subject: {{ lines.__class__.__mro__ }}\n\nx\n", "unsafe", id="sandboxed"),
    ],
)
def test_a_broken_company_template_is_a_clear_error(
    store: Store, settings: Settings, tmp_path: Path, template: str, message: str
) -> None:
    (tmp_path / "ack_fr.txt").write_text(template)
    order_id = make_order_with_message(store)
    custom = settings.model_copy(update={"notify_templates_dir": tmp_path})
    with pytest.raises(TemplateError, match=r"ack_fr\.txt") as error:
        queue_acknowledgement(store, order_id, settings=custom)
    assert message in str(error.value)


def test_detail_request_quotes_the_line_and_the_question(store: Store, settings: Settings) -> None:
    order_id = make_order_with_message(store)
    question = "Quelle longueur souhaitez-vous pour les bastaings : 4 m ou 5 m ?"
    row = request_detail(store, order_id, 2, question, actor="marie", settings=settings)
    assert "ligne 2" in row.body_text
    assert "« bastaings 63x175 »" in row.body_text and question in row.body_text
    assert row.headers["In-Reply-To"] == ORIGINAL_ID
    assert "Auto-Submitted" not in row.headers  # a person asks
    again = request_detail(store, order_id, 2, "  " + question + " ", actor="marie", settings=settings)
    assert again.id == row.id
    with store.session() as session:
        audit = session.exec(
            select(AuditEvent).where(AuditEvent.action == "mail_queued:detail_request")
        ).one()
    assert audit.actor == "marie"


@pytest.mark.parametrize(
    ("line_no", "question", "message"),
    [
        pytest.param(9, "Quelle longueur ?", "has no line 9", id="unknown-line"),
        pytest.param(2, "   ", "the question is empty", id="empty-question"),
    ],
)
def test_detail_request_refuses_what_it_cannot_ask(
    store: Store, settings: Settings, line_no: int, question: str, message: str
) -> None:
    order_id = make_order_with_message(store)
    with pytest.raises(NotifyError, match=message):
        request_detail(store, order_id, line_no, question, actor="marie", settings=settings)


@pytest.mark.parametrize(
    ("mode", "status", "phrase"),
    [
        pytest.param("pickup_point", "shipped", "disponible en point relais", id="pickup-point-shipped"),
        pytest.param("pickup_point", "ready", "est disponible en point relais", id="pickup-point-ready"),
        pytest.param("on_site", "shipped", "livrée sur votre chantier : ZAC des Pins", id="site"),
        pytest.param("depot", "ready", "elle vous attend au dépôt", id="depot"),
        pytest.param("carrier", "shipped", "acheminée par transporteur", id="carrier"),
        pytest.param("express", "shipped", "acheminée en express", id="express"),
        pytest.param("carrier", "delivered", "est livrée", id="delivered"),
    ],
)
def test_status_notice_is_worded_by_delivery_mode(
    store: Store, settings: Settings, mode: str, status: str, phrase: str
) -> None:
    order_id = make_order_with_message(store)
    row = notify_status(
        store,
        order_id,
        ShipmentStatus(status),
        mode=DeliveryMode(mode),
        tracking="6A1234567",
        carrier="Colissimo",
        actor="cli",
        settings=settings,
    )
    assert row is not None
    assert phrase in row.body_text
    assert "Numéro de suivi : 6A1234567" in row.body_text and "Transporteur : Colissimo" in row.body_text


def test_status_notice_in_english(store: Store, settings: Settings) -> None:
    order_id = make_order_with_message(store, language="en")
    row = notify_status(
        store,
        order_id,
        ShipmentStatus.SHIPPED,
        mode=DeliveryMode.PICKUP_POINT,
        actor="cli",
        settings=settings,
    )
    assert row is not None
    assert "has shipped" in row.subject and "available at the pickup point" in row.body_text


def test_status_of_an_order_not_accepted_is_refused(store: Store, settings: Settings) -> None:
    order_id = make_order_with_message(store, status="review")
    with pytest.raises(NotifyError, match="is review, not accepted"):
        notify_status(
            store, order_id, ShipmentStatus.SHIPPED, mode=DeliveryMode.CARRIER, actor="cli", settings=settings
        )


def _decided(store: Store, order_id: int, hours_ago: float) -> None:
    with store.session() as session:
        order = session.get(Order, order_id)
        assert order is not None
        order.decided_at, order.decided_by = utcnow() - dt.timedelta(hours=hours_ago), "marie"
        session.commit()


def test_missed_acknowledgements_are_caught_up_within_the_window(store: Store, settings: Settings) -> None:
    recent, old = make_order_with_message(store), make_order_with_message(store, subject="Commande ancienne")
    _decided(store, recent, hours_ago=2)
    _decided(store, old, hours_ago=30)
    review = make_order_with_message(store, status="review", subject="Commande en attente")
    _decided(store, review, hours_ago=1)
    first = acknowledge_recent(store, settings=settings)
    again = acknowledge_recent(store, settings=settings)
    assert len(first) == 1 and again == []
    assert [m.order_id for m in list_mails(store)] == [recent]


@pytest.mark.parametrize(
    ("update", "notify"),
    [
        pytest.param({"notify_catchup_hours": 0}, True, id="catch-up-off"),
        pytest.param({"notify_enabled": False}, True, id="mail-off"),
        pytest.param({}, False, id="customer-opted-out"),
    ],
)
def test_no_catch_up(store: Store, settings: Settings, update: dict[str, object], notify: bool) -> None:
    order_id = make_order_with_message(store, notify=notify)
    _decided(store, order_id, hours_ago=1)
    assert acknowledge_recent(store, settings=settings.model_copy(update=update)) == []
