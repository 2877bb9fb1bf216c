"""Delivering the outbox to a real SMTP server: threading, outages, refusals, TLS."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import SecretStr

from intake.notify import SendError, deliver_pending, list_mails, queue_acknowledgement, smtp_sender
from intake.notify.outbox import backoff, claim
from models import Settings, Store
from models.settings import SmtpSecurity
from models.tables import utcnow
from tests.factories.rows import EARLIER_ID, ORIGINAL_ID, make_order_with_message
from tests.intake.notify.smtp import SmtpServer, authenticator, server_tls_context


def test_acknowledgement_arrives_threaded(
    store: Store, mail_settings: Settings, smtp_server: SmtpServer
) -> None:
    smtp_server.start()
    order_id = make_order_with_message(store)
    row = queue_acknowledgement(store, order_id, settings=mail_settings)
    assert row is not None
    report = deliver_pending(store, mail_settings, send=smtp_sender(mail_settings))
    assert (report.sent, report.retried, report.failed) == (1, 0, 0)
    [received] = smtp_server.inbox.messages
    assert received["From"] == "commandes@negoce.example"
    assert received["To"] == "paul@chantiers-durand.fr"
    assert received["Subject"] == row.subject
    assert received["Message-ID"] == row.headers["Message-ID"]
    assert received["In-Reply-To"] == ORIGINAL_ID
    assert received["References"] == f"{EARLIER_ID} {ORIGINAL_ID}"
    assert received["Auto-Submitted"] == "auto-replied"
    assert received["Content-Language"] == "fr"
    body = received.get_content()
    assert "40 sac — Ciment CEM II 35 kg (réf. CIM-35, votre réf. DUR-88)" in body
    [sent] = list_mails(store, "sent")
    assert sent.attempts == 1 and sent.sent_at is not None


def test_outage_then_recovery_delivers_exactly_once(
    store: Store, mail_settings: Settings, smtp_server: SmtpServer
) -> None:
    order_id = make_order_with_message(store)
    queue_acknowledgement(store, order_id, settings=mail_settings)
    send = smtp_sender(mail_settings)
    start = utcnow()

    down = deliver_pending(store, mail_settings, send=send, now=lambda: start)
    assert (down.sent, down.retried) == (0, 1)
    assert "unreachable" in down.errors[0]
    [waiting] = list_mails(store, "pending")
    assert waiting.attempts == 1 and waiting.next_attempt_at is not None

    smtp_server.start()
    too_soon = deliver_pending(store, mail_settings, send=send, now=lambda: start + dt.timedelta(seconds=1))
    assert too_soon.sent == 0 and smtp_server.inbox.messages == []

    later = start + dt.timedelta(hours=1)
    assert deliver_pending(store, mail_settings, send=send, now=lambda: later).sent == 1
    # A restart: a new store on the same database sends nothing again.
    reopened = Store.open(mail_settings.database_url)
    assert deliver_pending(reopened, mail_settings, send=send, now=lambda: later).sent == 0
    queue_acknowledgement(reopened, order_id, settings=mail_settings)
    assert deliver_pending(reopened, mail_settings, send=send, now=lambda: later).sent == 0
    assert len(smtp_server.inbox.messages) == 1
    [sent] = list_mails(store)
    assert (sent.state, sent.attempts, sent.last_error) == ("sent", 2, None)


def test_a_refused_recipient_fails_at_once(
    store: Store, mail_settings: Settings, smtp_server: SmtpServer
) -> None:
    smtp_server.inbox.refuse_with = "550 5.1.1 no such mailbox"
    smtp_server.start()
    queue_acknowledgement(store, make_order_with_message(store), settings=mail_settings)
    report = deliver_pending(store, mail_settings, send=smtp_sender(mail_settings))
    assert report.failed == 1
    [failed] = list_mails(store, "failed")
    assert "no such mailbox" in (failed.last_error or "")


def test_a_mail_that_keeps_failing_is_given_up_after_max_attempts(
    store: Store, mail_settings: Settings, smtp_server: SmtpServer
) -> None:
    smtp_server.inbox.refuse_with = "451 4.3.0 try again later"
    smtp_server.start()
    queue_acknowledgement(store, make_order_with_message(store), settings=mail_settings)
    settings = mail_settings.model_copy(update={"outbox_max_attempts": 3})
    moment = utcnow()
    for _ in range(3):
        moment += dt.timedelta(days=1)
        deliver_pending(store, settings, send=smtp_sender(settings), now=lambda at=moment: at)
    [failed] = list_mails(store)
    assert (failed.state, failed.attempts) == ("failed", 3)


def test_a_bug_in_sending_is_recorded_not_raised(store: Store, settings: Settings) -> None:
    queue_acknowledgement(store, make_order_with_message(store), settings=settings)

    def broken(_row: object) -> None:
        raise ValueError("boom")

    report = deliver_pending(store, settings, send=broken)
    assert report.retried == 1 and "ValueError: boom" in report.errors[0]


def test_a_claimed_mail_cannot_be_claimed_again(store: Store, settings: Settings) -> None:
    row = queue_acknowledgement(store, make_order_with_message(store), settings=settings)
    assert row is not None and row.id is not None
    until = utcnow() + dt.timedelta(minutes=5)
    assert claim(store, row.id, until) is not None
    assert claim(store, row.id, until) is None


@pytest.mark.parametrize(
    ("attempts", "seconds"),
    [
        pytest.param(1, 30, id="first"),
        pytest.param(3, 120, id="doubles"),
        pytest.param(30, 6 * 3600, id="capped"),
    ],
)
def test_backoff(attempts: int, seconds: float) -> None:
    assert backoff(attempts, 30).total_seconds() == seconds


@pytest.mark.parametrize("security", [pytest.param("starttls", id="starttls"), pytest.param("ssl", id="ssl")])
def test_tls_and_login(
    store: Store,
    mail_settings: Settings,
    smtp_server: SmtpServer,
    certificate: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    security: str,
) -> None:
    cert, key = certificate
    context = server_tls_context(cert, key)
    check = authenticator("adv", "s3cret")
    if security == "ssl":
        smtp_server.start(ssl_context=context, authenticator=check, auth_require_tls=False)
    else:
        smtp_server.start(tls_context=context, require_starttls=True, authenticator=check)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the client trusts the test certificate
    monkeypatch.setenv("INTAKE_SMTP_PASSWORD", "s3cret")
    settings = Settings(
        **(
            mail_settings.model_dump(exclude={"smtp_password"})
            | {"smtp_tls": SmtpSecurity(security), "smtp_user": "adv"}
        )
    )
    assert settings.smtp_password is not None  # read from the environment
    queue_acknowledgement(store, make_order_with_message(store), settings=settings)
    report = deliver_pending(store, settings, send=smtp_sender(settings))
    assert report.sent == 1, report.errors
    assert len(smtp_server.inbox.messages) == 1


def test_a_wrong_password_keeps_the_mail_for_later(
    store: Store, mail_settings: Settings, smtp_server: SmtpServer
) -> None:
    smtp_server.start(authenticator=authenticator("adv", "s3cret"), auth_require_tls=False)
    settings = mail_settings.model_copy(update={"smtp_user": "adv", "smtp_password": SecretStr("wrong")})
    queue_acknowledgement(store, make_order_with_message(store), settings=settings)
    report = deliver_pending(store, settings, send=smtp_sender(settings))
    assert report.retried == 1 and "SMTP 535" in report.errors[0]
    assert smtp_server.inbox.messages == []


def test_send_error_says_whether_it_is_final() -> None:
    assert SendError("x", permanent=True).permanent and not SendError("y").permanent


def test_one_session_serves_a_whole_pass(
    store: Store, mail_settings: Settings, smtp_server: SmtpServer
) -> None:
    smtp_server.start()
    for subject in ("Commande A", "Commande B", "Commande C"):
        queue_acknowledgement(store, make_order_with_message(store, subject=subject), settings=mail_settings)
    sender = smtp_sender(mail_settings)
    assert deliver_pending(store, mail_settings, send=sender).sent == 3
    assert sender.connections == 1 and sender.client is None  # closed at the end of the pass
    assert [m["Subject"].split(" —")[0] for m in smtp_server.inbox.messages] == [
        "Re: Commande A",
        "Re: Commande B",
        "Re: Commande C",
    ]


def test_a_refusal_drops_the_session_and_the_next_mail_gets_a_new_one(
    store: Store, mail_settings: Settings, smtp_server: SmtpServer
) -> None:
    smtp_server.start()
    queue_acknowledgement(
        store, make_order_with_message(store, reply_to="nobody@chantiers-durand.fr"), settings=mail_settings
    )
    queue_acknowledgement(store, make_order_with_message(store, subject="Commande B"), settings=mail_settings)
    smtp_server.inbox.refuse_only = "nobody@chantiers-durand.fr"
    sender = smtp_sender(mail_settings)
    report = deliver_pending(store, mail_settings, send=sender)
    assert (report.sent, report.failed, sender.connections) == (1, 1, 2)
