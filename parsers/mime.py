"""MIME: bytes -> ParsedMessage, with mail-parser."""

from __future__ import annotations

import base64
import datetime as dt
import email.utils

import mailparser

from models import Address, Attachment, MessageReadError, ParsedMessage


def parse_message(data: bytes, *, where: str = "message") -> ParsedMessage:
    """Read the headers, bodies and attachments of one message.

    Raises MessageReadError when the bytes are not an email at all.
    """
    if not data.strip():
        raise MessageReadError(where, "the file is empty")
    if b"\x00" in data[:4096]:
        raise MessageReadError(where, "binary data, not an email (NUL bytes in the first 4 KiB)")
    mail = mailparser.parse_from_bytes(data)
    headers = {k: str(v) for k, v in (mail.headers or {}).items()}
    if not any(h.lower() in {"from", "subject", "date", "message-id", "to"} for h in headers):
        raise MessageReadError(where, "no email headers (From, To, Subject, Date or Message-ID)")
    sender = _first_address(mail.from_)
    message_id = (headers.get("Message-ID") or headers.get("Message-Id") or "").strip()
    return ParsedMessage(
        message_id=message_id or _synthetic_id(data),
        subject=mail.subject or "",
        sender=sender,
        to=[Address(name=n, email=e.lower()) for n, e in (mail.to or []) if e],
        date=_date(headers.get("Date")),
        headers=headers,
        text="\n".join(mail.text_plain or []),
        html="\n".join(mail.text_html) if mail.text_html else None,
        attachments=[_attachment(a) for a in mail.attachments or []],
        defects=[str(d) for d in (mail.defects or [])],
    )


def _first_address(pairs: list[tuple[str, str]] | None) -> Address:
    for name, addr in pairs or []:
        if addr:
            return Address(name=name or "", email=addr.lower())
    return Address()


def _date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None


def _attachment(raw: dict) -> Attachment:
    payload = raw.get("payload") or ""
    data = base64.b64decode(payload) if raw.get("binary") else payload.encode("utf-8", "replace")
    return Attachment(
        filename=raw.get("filename") or "attachment",
        content_type=raw.get("mail_content_type") or "application/octet-stream",
        data=data,
    )


def _synthetic_id(data: bytes) -> str:
    import hashlib

    return f"<sha256-{hashlib.sha256(data).hexdigest()[:32]}@intake.invalid>"
