"""Sending one outbox row over SMTP (plain, STARTTLS or SSL), with smtplib."""

from __future__ import annotations

import email.utils
import smtplib
import ssl
from email.message import EmailMessage

from intake.notify.errors import NotifyError, SendError
from models import Settings
from models.settings import SmtpSecurity
from models.tables import OutboxMail


def build_message(row: OutboxMail, *, sender: str) -> EmailMessage:
    """The RFC 5322 message of an outbox row; its Message-ID was fixed when it was queued."""
    message = EmailMessage()
    message.set_content(row.body_text, charset="utf-8")  # first: it clears Content-* headers
    message["From"] = sender
    message["To"] = row.to_addr
    message["Subject"] = row.subject
    message["Date"] = email.utils.format_datetime(row.created_at)
    for name, value in row.headers.items():
        message[name] = str(value)
    if "Message-ID" not in message:
        message["Message-ID"] = email.utils.make_msgid(domain=sender.rpartition("@")[2] or None)
    return message


class SmtpSender:
    """`send(row)` for the outbox over one SMTP session, opened at the first mail and
    kept for the pass (one login for a batch); `close()` ends it. Any error drops
    the session, so the next mail starts a fresh one."""

    def __init__(self, settings: Settings) -> None:
        if not settings.smtp_host:
            raise NotifyError("INTAKE_SMTP_HOST", "no SMTP server is configured: mails stay in the outbox")
        if not settings.smtp_from:
            raise NotifyError("INTAKE_SMTP_FROM", "the From address of outgoing mail is not set")
        self.settings, self.sender_address = settings, settings.smtp_from
        self.client: smtplib.SMTP | None = None
        self.connections = 0

    def __call__(self, row: OutboxMail) -> None:
        message = build_message(row, sender=self.sender_address)
        try:
            if self.client is None:
                self.client = connect(self.settings)
                self.connections += 1
            self.client.send_message(message)
        except BaseException as exc:
            self.close()
            error = send_error(exc, self.settings)
            if error is exc:
                raise
            raise error from exc

    def close(self) -> None:
        client, self.client = self.client, None
        if client is None:
            return
        try:
            client.quit()
        except (smtplib.SMTPException, OSError):
            client.close()


def send_error(exc: BaseException, settings: Settings) -> BaseException:
    """The SendError for an smtplib failure (other exceptions pass unchanged)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        return SendError(f"recipient refused: {exc.recipients}", permanent=all(c >= 500 for c in codes))
    if isinstance(exc, smtplib.SMTPResponseException):
        # 5xx on the data is final (the message itself is refused); 4xx is "try later".
        permanent = exc.smtp_code >= 500 and isinstance(exc, smtplib.SMTPDataError)
        return SendError(f"SMTP {exc.smtp_code}: {_text(exc.smtp_error)}", permanent=permanent)
    if isinstance(exc, smtplib.SMTPException | OSError):
        where = f"{settings.smtp_host}:{settings.smtp_port}"
        return SendError(f"SMTP server {where} unreachable: {type(exc).__name__}: {exc}")
    return exc


def smtp_sender(settings: Settings) -> SmtpSender:
    """The outbox's sender for the configured SMTP server."""
    return SmtpSender(settings)


def connect(settings: Settings) -> smtplib.SMTP:
    """An open, authenticated SMTP session as the settings ask."""
    host, port, timeout = settings.smtp_host or "", settings.smtp_port, settings.smtp_timeout_seconds
    context = ssl.create_default_context()
    if settings.smtp_tls == SmtpSecurity.SSL:
        client: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
    else:
        client = smtplib.SMTP(host, port, timeout=timeout)
    try:
        client.ehlo()
        if settings.smtp_tls == SmtpSecurity.STARTTLS:
            client.starttls(context=context)
            client.ehlo()
        if settings.smtp_user:
            password = settings.smtp_password.get_secret_value() if settings.smtp_password else ""
            client.login(settings.smtp_user, password)
    except BaseException:
        client.close()
        raise
    return client


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value
