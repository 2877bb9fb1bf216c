"""The order goes where the message sends it.

A delivery address written in the message (after a delivery label: in the order part of the body, in
the history it answers, in a document's rows above or below its table) that is not the ship-to the
order goes to: the address on file, or another block read, would receive goods meant for a site. A
clerk reads it. Where several are written (one order per site, a new site beside the usual one), the
ship-to must be one of them. When no ship-to was read at all, `ship_to_unread` (stated.py) already
holds the order for an address of the order part; here only the history is read then.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

from intake.routing.checks.context import CheckContext
from intake.routing.checks.stated import order_text
from models import Extracted, Provenance, ReviewReason, SourceRow
from parsers.text.thread import QUOTED_PART
from parsers.values.dates import find_dates
from parsers.values.places import same_place

Finder = Callable[..., Extracted[str] | None]


def check_ship_to_stated(ctx: CheckContext) -> list[ReviewReason]:
    """A delivery address written, and the order going elsewhere."""
    from parsers.text.fields import ship_to

    chosen = ctx.matched.ship_to
    written = [found for found in _written(ctx, ship_to) if not _letterhead(ctx, found.value)]
    if not written or (chosen and any(same_place(chosen, found.value) for found in written)):
        return []
    first = written[0]
    return [
        ReviewReason(
            code="ship_to_elsewhere",
            message=f'a delivery address is written ("{first.value}") but the order goes to '
            f"{chosen or 'no address'}",
            field="ship_to",
            provenance=first.provenance,
            quoted=first.value,
        )
    ]


def _letterhead(ctx: CheckContext, written: str) -> bool:
    """The customer's address on file, written beside a site that was read: its letterhead or its
    usual address named to be avoided, not a second place to deliver."""
    customer = ctx.customers.get(ctx.matched.customer.customer_id or "")
    on_file = customer.ship_to if customer is not None else None
    return bool(ctx.matched.order.ship_to and on_file and same_place(on_file, written))


def _written(ctx: CheckContext, ship_to: Finder) -> Iterator[Extracted[str]]:
    parsed, order = ctx.parsed, ctx.matched.order
    text = order_text(parsed)
    if order.ship_to is not None:
        yield from every_address(text, parsed.text_part, ship_to)
    yield from _unlabelled(text, parsed.text_part)
    rows = [row for row in order.rows if row.region != "lines"]
    where = next((row.provenance for row in rows if row.provenance is not None), None)
    if order.ship_to is None and where is not None:
        for row in rows:
            if (place := _labelled_place(row.text, parsed.local_date)) is not None:
                yield Extracted[str](value=place, confidence=0.5, provenance=where)
        # A document's head printing a site with no label over it ('Atelier X - Bâtiment 3' over '25 rue
        # ..., 69200 Town') while no ship-to was read: the order would go to the address on file.
        for printed in columns([row.text for row in rows[_letterhead_rows(rows) :]]):
            for found in _unlabelled(printed, order.part):
                if not find_dates(found.value):  # 'Lyon, le 9 novembre 2026' over a postcode: a dateline
                    yield found.model_copy(update={"provenance": where})
    if order.ship_to is not None:
        for printed in columns([row.text for row in rows]):
            for found in every_address(printed, order.part, ship_to):
                if (
                    found.provenance
                    and found.provenance.span
                    and _delivery_label(printed, found.provenance.span)
                ):
                    yield found.model_copy(update={"provenance": where})
    yield from every_address(parsed.quoted, QUOTED_PART, ship_to)


# The sender's name and its address lines under it, at the top of the page.
_LETTERHEAD_ROWS = 3


def _letterhead_rows(rows: list[SourceRow]) -> int:
    """How many rows the letterhead takes: up to its address's postcode and town, when that is printed
    within its first rows; the buyer's own address is no site to deliver."""
    from parsers.text.ship_to import address_end

    for number, row in enumerate(rows[:_LETTERHEAD_ROWS]):
        if address_end(row.text) is not None:
            return number + 1
    return 0


def _unlabelled(text: str, part: str) -> Iterator[Extracted[str]]:
    """The postal addresses the order part writes with no delivery label: in a body, where the goods go
    unless a billing label says otherwise."""
    from parsers.text.ship_to import addresses_written

    for start, end in addresses_written(text):
        value = ", ".join(p.strip(" ,") for p in text[start:end].split("\n") if p.strip(" ,"))
        where = Provenance(part=part, span=(start, end), rule="address-written")
        yield Extracted[str](value=value, confidence=0.6, provenance=where)


# A document's label of a delivery block, ending where the address starts ('Ship-to Address', 'Livrer à :'),
# not a name that holds 'dépôt' or 'chantier' ('Moorside Depot', printed over the sender's address).
_DELIVERY_LABEL = re.compile(r"(?:livr\w*|deliver\w*|ship\W*to)\b[^\n]{0,40}?:?\s*$", re.I)


# A document's head row giving the place of delivery after its label, with no postal address: a building,
# a room, a department of the customer's site ('Livraison : IUT, département B, bât. 3, salle 105').
_LABELLED_PLACE = re.compile(
    r"^\s*(?:lieu\s+de\s+|adresse\s+de\s+)?(?:livraison|delivery(?:\s+(?:address|point))?|deliver\s+to|ship\s+to)"
    r"\s*[:|]\s*(?P<place>[^,|\n]*[^\W\d_][^,|\n]*(?:,[^,|\n]+)+?)\s*$",
    re.I,
)


def _labelled_place(row: str, today: dt.date | None) -> str | None:
    """The place a document row names after a delivery label, in parts joined by commas: none when it is a
    day or a date ('Livraison : mardi 15/12, avant 10 h'), read against the message's day."""
    found = _LABELLED_PLACE.match(row)
    if found is None or find_dates(found["place"], today):
        return None
    return found["place"].strip()


def _delivery_label(printed: str, span: tuple[int, int]) -> bool:
    return _DELIVERY_LABEL.search(printed[: span[0]]) is not None


def columns(rows: list[str]) -> list[str]:
    """A document's rows outside its table, read down each column ('Vendor | Ship To' over 'Our name |
    Their site' over '92230 Town | NR4 6DG'): two blocks printed side by side are two addresses, not one
    of their lines taken in turn. Each row is also read whole, a label and its value ('Livraison | 12 rue
    ..., 69000 Lyon')."""
    cells = [row.split(" | ") for row in rows]
    down = [
        "\n".join(row[k] for row in cells if len(row) > k) for k in range(max(map(len, cells), default=0))
    ]
    return [*down, *(row.replace(" | ", " : ") for row in rows if " | " in row)]


def every_address(text: str, part: str, ship_to: Finder) -> Iterator[Extracted[str]]:
    """Each delivery address written after its label, in the text's order, with its span in it."""
    start = 0
    while text[start:].strip():
        found = ship_to(text[start:], part=part)
        if found is None or found.provenance is None or found.provenance.span is None:
            return
        begin, end = found.provenance.span
        span = (start + begin, start + end)
        yield found.model_copy(update={"provenance": Provenance(part=part, span=span, rule="ship-to")})
        start += max(end, 1)
