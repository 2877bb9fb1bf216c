"""Outlook .msg files (OLE compound documents) read with extract-msg, written out as MIME.

A customer who saves an order from Outlook and attaches it sends a .msg: its
sender, date, subject, body and attachments are the order, as when a message is
forwarded as message/rfc822. Turned into MIME bytes, it is read by the same code.
"""

from __future__ import annotations

import email.utils
from email.message import EmailMessage

from models import MessageReadError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OUTLOOK_TYPES = ("application/vnd.ms-outlook", "application/x-msg", "application/x-ole-storage")
# A saved message is a few megabytes; beyond this it is not read (its bytes stay an attachment).
MAX_MSG_BYTES = 30_000_000
_HEADERS = ("From", "To", "Cc", "Date", "Subject", "Message-ID", "Reply-To")


def is_outlook_message(filename: str, content_type: str, data: bytes) -> bool:
    """Is this attachment an Outlook .msg (by its name or type, and its OLE signature)?"""
    named = filename.lower().endswith(".msg") or content_type in OUTLOOK_TYPES
    return named and data.startswith(OLE_MAGIC)


def msg_to_mime(data: bytes, *, where: str) -> bytes:
    """The .msg as a MIME message. Raises MessageReadError when it cannot be read."""
    if len(data) > MAX_MSG_BYTES:
        raise MessageReadError(where, f"an Outlook .msg of {len(data)} bytes, more than {MAX_MSG_BYTES}")
    import extract_msg

    try:
        msg = extract_msg.openMsg(data, delayAttachments=False)
    except Exception as exc:  # extract-msg raises many kinds of errors on damaged files
        raise MessageReadError(
            where, f"an Outlook .msg that cannot be read ({type(exc).__name__}: {exc})"
        ) from exc
    try:
        return bytes(_as_mime(msg))
    except Exception as exc:  # a property it cannot decode must not lose the message
        raise MessageReadError(
            where, f"an Outlook .msg that cannot be read ({type(exc).__name__}: {exc})"
        ) from exc
    finally:
        msg.close()


def _as_mime(msg) -> EmailMessage:
    mail = EmailMessage()
    header = msg.header
    for name in _HEADERS:
        value = header.get(name) if header is not None else None
        value = value or _property(msg, name)
        if value:
            mail[name] = " ".join(str(value).split())
    body = msg.body or ""
    # extract-msg derives an HTML body from a plain one: the plain text is the message.
    html = None if body.strip() else _html(msg)
    if html:
        mail.set_content(html, subtype="html")
    else:
        mail.set_content(body.replace("\r\n", "\n"))
    for attachment in msg.attachments:
        _attach(mail, attachment)
    return mail


def _property(msg, name: str) -> str | None:
    if name == "From":
        return msg.sender
    if name == "Subject":
        return msg.subject
    if name == "Date" and msg.date is not None:
        return email.utils.format_datetime(msg.date)
    if name == "To":
        return msg.to
    return None


def _html(msg) -> str | None:
    raw = msg.htmlBody
    if not raw:
        return None
    return raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else str(raw)


def _attach(mail: EmailMessage, attachment) -> None:
    data = attachment.data
    name = attachment.longFilename or attachment.shortFilename or "attachment.bin"
    if isinstance(data, bytes):
        maintype, _, subtype = (attachment.mimetype or "application/octet-stream").partition("/")
        mail.add_attachment(data, maintype=maintype, subtype=subtype or "octet-stream", filename=name)
    elif hasattr(data, "header"):  # a message saved inside the message
        inner = _as_mime(data)
        mail.add_attachment(inner)
