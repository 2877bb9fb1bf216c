"""The contact written under an order: the name after the last closing formula, the last phone number."""

from __future__ import annotations

import re

from models import Extracted, Provenance
from parsers.mail.markers import load_markers

_NAME = re.compile(
    r"^\s*(?P<name>[A-ZÉÈ][a-zéèëêïîôç\-]+(?:\s+(?:[A-ZÉÈ][a-zéèëêïîôç\-]+|[A-Z]{2,}|Le|La|De)){0,3})\s*$"
)


def contact(text: str, *, part: str) -> tuple[Extracted[str] | None, Extracted[str] | None]:
    """The contact's name (first name line after a closing formula) and phone number."""
    name = phone = None
    tail_start = _after_last_sign_off(text)
    for line in re.finditer(r"^.*$", text[tail_start:], re.M):
        found = _NAME.match(line.group(0))
        if found:
            start = tail_start + line.start() + found.start("name")
            prov = Provenance(part=part, span=(start, start + len(found["name"])), rule="contact-name")
            name = Extracted[str](value=found["name"], confidence=0.6, provenance=prov)
            break
    phones = list(load_markers().phone.finditer(text))
    if phones:
        last = phones[-1]
        prov = Provenance(part=part, span=last.span(), rule="contact-phone")
        phone = Extracted[str](value=last.group(0), confidence=0.7, provenance=prov)
    return name, phone


def _after_last_sign_off(text: str) -> int:
    """Where the text after its last sign-off line starts; else its last 400 characters."""
    markers, after, offset = load_markers(), None, 0
    for line in text.splitlines(keepends=True):
        offset += len(line)
        if markers.sign_off.match(line.strip()):
            after = offset
    return after if after is not None else max(0, len(text) - 400)
