"""Outlook's TNEF wrapper (winmail.dat): its attachments and bodies, read with tnefparse."""

from __future__ import annotations

from tnefparse import TNEF

from models import Attachment
from parsers.mail.decoding import decode_bytes
from parsers.mail.parts import Parts

_TYPES = {
    ".pdf": "application/pdf",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def read_tnef(data: bytes, parts: Parts) -> None:
    """Unpack a winmail.dat part into `parts`; keep it whole, with a note, when unreadable."""
    parts.attachments.append(
        Attachment(filename="winmail.dat", content_type="application/ms-tnef", data=data)
    )
    try:
        tnef = TNEF(data, do_checksum=False)
    except Exception as exc:  # tnefparse raises many kinds on corrupt input
        parts.notes.append(f"TNEF part (winmail.dat) could not be unpacked: {type(exc).__name__}: {exc}")
        return
    found = 0
    for item in tnef.attachments:
        name = _name(item)
        payload = item.data if isinstance(item.data, bytes) else b""
        if not payload:
            continue
        parts.attachments.append(Attachment(filename=name, content_type=_type(name), data=payload))
        found += 1
    _bodies(tnef, parts)
    parts.notes.append(f"TNEF part (winmail.dat) unpacked: {found} attachment(s)")


def _name(item: object) -> str:
    for getter in ("long_filename", "name"):
        try:
            value = getattr(item, getter)
            value = value() if callable(value) else value
        except Exception:  # names are optional in TNEF
            continue
        if isinstance(value, bytes):
            value = decode_bytes(value, None)[0]
        if value:
            return str(value).strip("\x00 ").replace("\\", "/").rsplit("/", 1)[-1] or "tnef-attachment"
    return "tnef-attachment"


def _type(name: str) -> str:
    dot = name.rfind(".")
    return (
        _TYPES.get(name[dot:].lower(), "application/octet-stream") if dot >= 0 else "application/octet-stream"
    )


def _bodies(tnef: TNEF, parts: Parts) -> None:
    """The message body carried inside TNEF, used when the MIME body is empty."""
    for value, target in ((tnef.body, parts.plain), (tnef.htmlbody, parts.html)):
        if not value:
            continue
        text = value if isinstance(value, str) else decode_bytes(value, None)[0]
        if text.strip():
            target.append(text.strip("\x00"))
