"""The delivery a reply's thread asked: the customer's own order quoted under the reply ('Le 09/12/2026,
mornant@restopole-ml.fr a écrit : ... livraison jeudi 17/12') when the reply itself names no day."""

from __future__ import annotations

import datetime as dt

from models import Extracted, ParsedMessage
from parsers.mail.markers import load_markers
from parsers.mail.quotes import openings
from parsers.text import fields
from parsers.text.thread import QUOTED_PART, quoted_text


def own_quoted_delivery(parsed: ParsedMessage) -> Extracted[dt.date] | None:
    """The day to come the sender's own message quoted in the thread asks (its attribution names the
    sender's address); None when no such message asks one, or the day is past."""
    today, address = parsed.local_date, parsed.sender.email.lower()
    if today is None or not address or not parsed.quoted:
        return None
    text = quoted_text(parsed.quoted)
    found = list(openings(text, "", load_markers()))
    for index, opening in enumerate(found):
        after = found[index + 1] if index + 1 < len(found) else None
        if address not in text[opening.start : opening.end].lower():
            continue
        end = after.start if after else len(text)
        asked = fields.requested_date(text[opening.end : end], today, part=QUOTED_PART, offset=opening.end)
        if asked is not None and asked.value >= today:
            return asked
    return None
