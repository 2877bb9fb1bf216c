"""The header block of a forwarded or quoted message: who wrote it and when."""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from models import Address
from parsers.mail.addresses import forwarded_address
from parsers.mail.markers import Markers
from parsers.values.dates import month_number

_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:er)?\s+([a-zéûô]+)\.?,?\s+(\d{4})", re.I)
_MONTH_DAY_YEAR = re.compile(r"\b([a-zéûô]+)\.?\s+(\d{1,2}),?\s+(\d{4})", re.I)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_TIME = re.compile(r"\b(\d{1,2})\s*[:h]\s*(\d{2})(?::\d{2})?\s*(am|pm)?", re.I)
_RFC_DATE = re.compile(r"\b\d{1,2} [A-Za-z]{3} \d{4} \d{1,2}:\d{2}")
_FIELD = re.compile(r"^\s*\*?([^:*]{1,25}?)\s*\*?\s*:\*?\s*(.*)$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def named_sender(text: str, sender: Address, to: list[Address]) -> Address | None:
    """The one outside address a colleague of the desk writes in their own words ('appel de M. Corre
    (Transports Caradec, achats@caradec.fr)'): whom a rep or an assistant passes the order on for, when
    no forwarded header names the original sender."""
    own = {a.domain for a in to if a.domain}
    if not sender.domain or sender.domain not in own:
        return None
    found = {m.lower().rstrip(".") for m in _EMAIL.findall(text)}
    outside = {m for m in found if m.rsplit("@", 1)[1] not in own}
    return Address(email=outside.pop()) if len(outside) == 1 else None


def kept_subject(text: str, markers: Markers) -> tuple[int, int] | None:
    """Where the subject line that a forward keeps of an Outlook block ('Objet : commande' between blank
    lines, the rest of the block left out) starts and where the original under it starts: under a forward
    subject, the forwarder's words end there."""
    at = 0
    for before, line in zip(["", *text.split("\n")], text.split("\n"), strict=False):
        end = at + len(line) + 1
        if at and not before.strip() and markers.subject_field.match(line.strip()) and text[end:].strip():
            return at, min(end, len(text))
        at = end
    return None


def header_fields(lines: list[str], markers: Markers) -> tuple[int, Address | None, dt.datetime | None]:
    """Read "De : / Date : / Objet :" lines from the top of `lines`.

    Returns how many lines the block spans, the sender and the date found.
    """
    sender: Address | None = None
    date: dt.datetime | None = None
    used, seen_field = 0, False
    for index, raw in enumerate(lines[:14]):
        line = raw.lstrip("> ").strip()
        if not line:
            if seen_field:
                break
            used = index + 1
            continue
        field = _FIELD.match(line)
        if not field or not _known(line, markers):
            break
        seen_field, used = True, index + 1
        if markers.from_field.match(line) and sender is None:
            sender = forwarded_address(field.group(2))
        elif markers.date_field.match(line) and date is None:
            date = parse_loose_date(field.group(2))
    return used, sender, date


def _known(line: str, markers: Markers) -> bool:
    return any(
        p.match(line)
        for p in (markers.from_field, markers.date_field, markers.subject_field, markers.to_field)
    )


def parse_loose_date(value: str) -> dt.datetime | None:
    """A date as mail clients print it in a quoted header, French or English."""
    value = value.strip()
    if _RFC_DATE.search(value):
        try:
            return email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            pass
    day_month_year = _calendar_date(value)
    if day_month_year is None:
        return None
    hour, minute = _clock(value)
    try:
        return dt.datetime(*day_month_year, hour, minute)
    except ValueError:
        return None


def _calendar_date(value: str) -> tuple[int, int, int] | None:
    found = _DAY_MONTH_YEAR.search(value)
    if found and _month(found.group(2)):
        return int(found.group(3)), _month(found.group(2)), int(found.group(1))
    found = _MONTH_DAY_YEAR.search(value)
    if found and _month(found.group(1)):
        return int(found.group(3)), _month(found.group(1)), int(found.group(2))
    found = _NUMERIC.search(value)
    if found:
        return int(found.group(3)), int(found.group(2)), int(found.group(1))
    return None


def _month(word: str) -> int:
    word = word.lower().rstrip(".")
    return month_number(word) or month_number(word[:4]) or month_number(word[:3]) or 0


def _clock(value: str) -> tuple[int, int]:
    found = _TIME.search(value)
    if not found:
        return 0, 0
    hour, minute = int(found.group(1)), int(found.group(2))
    suffix = (found.group(3) or "").lower()
    if suffix == "pm" and hour < 12:
        hour += 12
    if suffix == "am" and hour == 12:
        hour = 0
    return (hour, minute) if hour < 24 and minute < 60 else (0, 0)
