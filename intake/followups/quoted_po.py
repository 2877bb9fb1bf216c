"""The PO of the customer's own order quoted under our question, for the answer that completes it.

"Yes, the 26A is fine. And 0.7 for the G2." over our questions, themselves over the customer's order
("Please supply: ... PO OHN-PO-5512"): the answer orders against that order, whose PO it does not
write again. Only a message the sender wrote gives it: a quote or a question of ours carries none of
theirs, and an earlier order repeated ('same as last time') is no answer and keeps its own reading.
"""

from __future__ import annotations

import re

from matchers import CatalogIndex
from models import Extracted, ExtractedOrder, ParsedMessage
from parsers.mail.markers import load_markers
from parsers.text.reader import extract_from_text
from parsers.text.thread import QUOTED_PART, latest_quoted, quoted_text

# The header of a quoted message is in its first lines: the attribution or the 'From:' line.
HEADER_LINES = 6
# A line quoted inside a quoted message: two quote marks or more ('>>', '> >').
_DEEPER = re.compile(r"^[ \t]*>[ \t]*>")


def with_quoted_po(parsed: ParsedMessage, order: ExtractedOrder, index: CatalogIndex) -> ExtractedOrder:
    """`order`, read from a reply to our question, with the PO of the sender's order quoted under that
    question when it writes none."""
    if order.po_number is None and order.lines and (po := sender_quoted_po(parsed, index)) is not None:
        return order.model_copy(update={"po_number": po})
    return order


def sender_quoted_po(parsed: ParsedMessage, index: CatalogIndex) -> Extracted[str] | None:
    """The PO of the message quoted under the latest one, when the latest (ours) asks a question and the
    sender wrote the one under it: under its own header, or quoted line by line inside ours."""
    sender = _sender_names(parsed)
    if not sender or not parsed.quoted.strip():
        return None
    latest = latest_quoted(parsed.quoted)
    if "?" not in latest or _author_line(latest, sender) is not False:
        return None
    history = quoted_text(parsed.quoted)
    older = re.sub(r"[^\n]", " ", latest) + history[len(latest) :]
    if not history[len(latest) :].strip():
        older = _deeper_lines(parsed.quoted, history)
    if not older.strip() or _author_line(older, sender) is False:
        return None
    read = extract_from_text(
        parsed.model_copy(update={"text": older, "quoted": "", "html": None, "text_part": QUOTED_PART}),
        codes=index,
    )
    return read.po_number


def _deeper_lines(quoted: str, history: str) -> str:
    """The lines our message quotes of the one it answers ('>>' under '>'), the others blanked."""
    kept = [
        line if _DEEPER.match(raw) else re.sub(r"[^\n]", " ", line)
        for raw, line in zip(quoted.splitlines(keepends=True), history.splitlines(keepends=True), strict=True)
    ]
    return "".join(kept)


# A display name this short may be part of any header's words.
MIN_NAME_CHARS = 4


def _sender_names(parsed: ParsedMessage) -> tuple[str, ...]:
    """How a quoted header may name the sender: its address, or its display name ('Le 15/12/2026 à 09:02,
    Vélo Passion Romans a écrit :' writes no address)."""
    name = parsed.sender.name.strip().lower()
    email = parsed.sender.email.strip().lower()
    return tuple(n for n in (email, name if len(name) >= MIN_NAME_CHARS else "") if n)


def _author_line(message: str, sender: tuple[str, ...]) -> bool | None:
    """Whether the header opening a quoted message names the sender (None: no header in its first lines)."""
    markers = load_markers()
    lines = [line.strip().strip("*").strip() for line in message.splitlines() if line.strip()]
    for line in lines[:HEADER_LINES]:
        if markers.from_field.match(line) or any(p.match(line) for p in markers.attribution_line):
            return any(name in line.lower() for name in sender)
    return None
