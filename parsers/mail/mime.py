"""MIME: bytes -> ParsedMessage. The standard library's parser reads the structure."""

from __future__ import annotations

import email
import email.message
import email.policy
import email.utils
import hashlib
import re

from models import Attachment, MessageReadError, ParsedMessage
from parsers.mail.addresses import _addresses, first_address, parse_date
from parsers.mail.body import compose_body
from parsers.mail.decoding import decode_bytes, header_text
from parsers.mail.outlook import is_outlook_message, msg_to_mime
from parsers.mail.parts import Parts
from parsers.mail.tnef import read_tnef

_HEADER_LINE = re.compile(rb"^(?:From .*|[!-9;-~]+[ \t]*:.*)$")
# A MIME entity with only Content-Type / MIME-Version is still read (a clerk can
# look at it); a text without any of these is not an email.
_KEY_HEADERS = {
    "from", "to", "subject", "date", "message-id", "sender", "received", "return-path", "content-type", "mime-version",
}  # fmt: skip
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Control bytes no text holds (tab, line feed, form feed and carriage return are text).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_MAX_DEPTH = 40


def parse_message(data: bytes, *, where: str = "message") -> ParsedMessage:
    """Read the headers, bodies and attachments of one message.

    Raises MessageReadError when the bytes are not an email at all (empty,
    binary, no header block) or nest too deeply to be read.
    """
    data = data.removeprefix(b"\xef\xbb\xbf")
    _check_is_email(data, where)
    message, notes = _read_structure(data, where)
    headers = _headers(message)
    if not any(name.lower() in _KEY_HEADERS for name in headers):
        raise MessageReadError(where, "no email headers (From, To, Subject, Date, Message-ID, Content-Type)")
    parts = Parts(notes=notes)
    try:
        _walk(message, parts, depth=0)
    except RecursionError as exc:
        raise MessageReadError(where, "MIME parts nest too deeply to be read") from exc
    parsed = ParsedMessage(
        message_id=headers.get("Message-ID", "").strip() or _synthetic_id(data),
        subject=headers.get("Subject", ""),
        sender=first_address(headers.get("From") or headers.get("Sender")),
        reply_to=first_address(headers["Reply-To"]) if headers.get("Reply-To") else None,
        to=_addresses(headers.get("To", "")) + _addresses(headers.get("Cc", "")),
        date=parse_date(headers.get("Date")),
        headers=headers,
        attachments=parts.attachments,
        defects=parts.notes,
    )
    return compose_body(parsed, parts)


def _check_is_email(data: bytes, where: str) -> None:
    if not data.strip():
        raise MessageReadError(where, "the file is empty")
    head = data[:4096]
    if head.startswith(_OLE_MAGIC):
        raise MessageReadError(where, "an Outlook .msg file (OLE compound document), not a MIME email")
    if b"\x00" in head:
        raise MessageReadError(where, "binary data, not an email (NUL bytes in the first 4 KiB)")
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if control > len(head) // 20:
        raise MessageReadError(where, "binary data, not an email (control bytes in the first 4 KiB)")
    first = data.lstrip(b"\r\n \t").split(b"\n", 1)[0].rstrip(b"\r")
    if not _HEADER_LINE.match(first):
        raise MessageReadError(where, f"does not start with a header line (starts with {first[:40]!r})")


def _read_structure(data: bytes, where: str) -> tuple[email.message.Message, list[str]]:
    """The message tree, and a note of each part the parser found defects in.

    Only the parts' own defects are noted: a finer diagnosis of every header would cost more
    than reading the message and nothing reads it."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        return message, [_defect_text(part) for part in message.walk() if part.defects]
    except RecursionError as exc:
        raise MessageReadError(where, "MIME parts nest too deeply to be read") from exc
    except Exception as exc:  # the parser is lenient: only a bug of its own ends here
        raise MessageReadError(where, f"not readable as MIME ({type(exc).__name__}: {exc})") from exc


def _defect_text(part: email.message.Message) -> str:
    found = ", ".join(f"{type(d).__name__}: {d.__doc__}" for d in part.defects)
    return f"{part.get_content_type()}: {found}"


def _headers(message: email.message.Message) -> dict[str, str]:
    """Headers by their usual spelling, decoded; the first occurrence wins."""
    out: dict[str, str] = {}
    lowered: set[str] = set()
    for name, value in message.items():
        key = _canonical(name)
        if key.lower() in lowered:
            continue
        lowered.add(key.lower())
        out[key] = header_text(value)
    return out


def _canonical(name: str) -> str:
    special = {"message-id": "Message-ID", "mime-version": "MIME-Version", "x-autoreply": "X-Autoreply"}
    return special.get(name.lower(), "-".join(w.capitalize() for w in name.strip().split("-")))


def _walk(part: email.message.Message, parts: Parts, *, depth: int) -> None:
    if depth > _MAX_DEPTH:
        parts.notes.append(f"MIME tree deeper than {_MAX_DEPTH} levels: the rest is not read")
        return
    ctype = part.get_content_type()
    if ctype == "message/rfc822" or (ctype.startswith("message/") and part.is_multipart()):
        _walk_nested(part, parts, depth=depth)
        return
    if part.is_multipart():
        payload = part.get_payload()
        for child in payload if isinstance(payload, list) else []:
            if isinstance(child, email.message.Message):
                _walk(child, parts, depth=depth + 1)
        return
    _leaf(part, parts, depth=depth)


def _walk_nested(part: email.message.Message, parts: Parts, *, depth: int) -> None:
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload else None
    if not isinstance(inner, email.message.Message):
        return
    _add_nested(inner, parts, depth=depth)
    name = header_text(inner.get("Subject")) or "message"
    raw = inner.as_bytes(policy=email.policy.compat32) if hasattr(inner, "as_bytes") else b""
    parts.attachments.append(Attachment(filename=f"{name[:60]}.eml", content_type="message/rfc822", data=raw))


def _add_nested(inner: email.message.Message, parts: Parts, *, depth: int) -> None:
    """A message inside the message: its body and sender for the forward, its attachments for the orders."""
    sub = Parts()
    _walk(inner, sub, depth=depth + 1)
    parts.nested.append((inner, sub))
    parts.attachments.extend(sub.attachments)
    parts.notes.extend(sub.notes)


def _outlook(filename: str, data: bytes, parts: Parts, *, depth: int) -> bool:
    """An attached Outlook .msg read as a nested message; False when it cannot be (kept as a file)."""
    try:
        mime = msg_to_mime(data, where=f"attachment:{filename}")
    except MessageReadError as exc:
        parts.notes.append(str(exc))
        return False
    _add_nested(email.message_from_bytes(mime, policy=email.policy.compat32), parts, depth=depth)
    return True


def _leaf(part: email.message.Message, parts: Parts, *, depth: int) -> None:
    ctype = part.get_content_type()
    filename = _filename(part)
    disposition = (part.get_content_disposition() or "").lower()
    data = _payload_bytes(part, parts)
    if is_outlook_message(filename or "", ctype, data):
        _outlook(filename or "message.msg", data, parts, depth=depth)
    if ctype == "application/ms-tnef" or (filename or "").lower() == "winmail.dat":
        read_tnef(data, parts)
        return
    is_body = ctype in ("text/plain", "text/html") and disposition != "attachment"
    if is_body and (not filename or disposition == "inline"):
        text, note = decode_bytes(data, part.get_content_charset())
        if note:
            parts.notes.append(f"{ctype} part: {note}")
        (parts.html if ctype == "text/html" else parts.plain).append(text)
        return
    if data or filename:
        parts.attachments.append(
            Attachment(
                filename=filename or _default_name(ctype, len(parts.attachments)),
                content_type=ctype,
                data=data,
            )
        )


def _payload_bytes(part: email.message.Message, parts: Parts) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception as exc:  # a broken transfer encoding must not stop the message
        parts.notes.append(f"{part.get_content_type()} part: transfer encoding unreadable ({exc})")
        raw = part.get_payload()
        return raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""
    if data is None:
        raw = part.get_payload()
        return raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""
    return data


def _filename(part: email.message.Message) -> str | None:
    try:
        name = part.get_filename()
    except Exception:  # malformed RFC 2231 parameters
        name = None
    if not name:
        name = part.get_param("name", header="content-type")
        name = email.utils.collapse_rfc2231_value(name) if name else None
    if not name:
        return None
    clean = header_text(name).replace("\\", "/").rsplit("/", 1)[-1].strip()
    return clean or None


def _default_name(ctype: str, index: int) -> str:
    ext = {"application/pdf": ".pdf", "text/plain": ".txt", "text/html": ".html", "text/csv": ".csv"}
    return f"part-{index + 1}{ext.get(ctype, '.bin')}"


def _synthetic_id(data: bytes) -> str:
    return f"<sha256-{hashlib.sha256(data).hexdigest()[:32]}@intake.invalid>"
