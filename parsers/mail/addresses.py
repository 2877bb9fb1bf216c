"""Addresses and dates of header values: "Name <a@b>", "Name [mailto:a@b]", RFC 5322 dates."""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from models import Address

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_MAILTO = re.compile(r"\[mailto:([^\]]+)\]", re.I)


def address_pairs(value: str) -> list[tuple[str, str]]:
    """(name, address) pairs of a header value; a regex reading when the parser gives up."""
    try:
        return email.utils.getaddresses([value[:4000]])
    except (RecursionError, ValueError, IndexError, TypeError):
        return [("", found) for found in _EMAIL.findall(value)]


def first_address(value: str | None) -> Address:
    """The first address of a header value ("Name <a@b>"), lower-cased; empty when none."""
    for name, addr in address_pairs(value or ""):
        if "@" in addr:
            return Address(name=name.strip().strip('"'), email=addr.strip().lower())
    return Address(name=(value or "").strip()[:200]) if value and "@" not in value else Address()


def _addresses(value: str) -> list[Address]:
    return [
        Address(name=name.strip(), email=addr.strip().lower())
        for name, addr in address_pairs(value)
        if "@" in addr
    ]


def parse_date(value: str | None) -> dt.datetime | None:
    """An RFC 5322 date, or None when absent or unreadable."""
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def forwarded_address(value: str) -> Address | None:
    """The address in "Name <a@b>", "Name [mailto:a@b]" or "a@b"."""
    value = _MAILTO.sub(r"<\1>", value.replace("&lt;", "<").replace("&gt;", ">"))
    for name, addr in address_pairs(value):
        if "@" in addr:
            return Address(name=name.strip().strip('"'), email=addr.strip().lower())
    found = re.search(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", value)
    if found:
        name = value[: found.start()].strip(" <\"'")
        return Address(name=name, email=found.group(0).lower())
    return Address(name=value.strip()) if value.strip() else None
