"""Header fields written in an order's text: PO number (po_labels.py), delivery date, contact (the ship-to:
ship_to.py).

Also splits a body into what its sender writes now and what it carries: the
quoted history of a reply (never read for fields or lines) and a forwarded
original (read, but the forwarder's own instruction wins for dates).
"""

from __future__ import annotations

import datetime as dt

from models import Extracted, Provenance
from parsers.text.contact import contact as contact
from parsers.text.po_labels import named_po as named_po
from parsers.text.po_labels import po_number as po_number
from parsers.text.po_labels import signed_po as signed_po
from parsers.text.ship_to import ship_to as ship_to
from parsers.text.ship_to import signed_ship_to as signed_ship_to
from parsers.values.dates import DateHit
from parsers.values.delivery_dates import delivery_date


def requested_date(
    text: str, today: dt.date | None, *, part: str, offset: int = 0
) -> Extracted[dt.date] | None:
    """The requested delivery date, resolved against the message's local date."""
    if today is None:
        return None
    hit: DateHit | None = delivery_date(text, today)
    if hit is None or hit.value is None:
        return None
    span = (offset + hit.span[0], offset + hit.span[1])
    rule = "date-relative" if hit.relative else "date-explicit"
    return Extracted[dt.date](
        value=hit.value, confidence=hit.confidence, provenance=Provenance(part=part, span=span, rule=rule)
    )
