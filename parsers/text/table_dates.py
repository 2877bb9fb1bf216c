"""The delivery a body table asks line by line ('Item | Description | Qty | UoM | Deliv.', an ERP's order
pasted in a mail): the date its delivery column gives every row, when the text says none of its own; rows
dated apart ask deliveries apart, none of them the order's (as a sheet's delivery column reads)."""

from __future__ import annotations

import datetime as dt

from models import Extracted, Provenance
from parsers.text.tables import read_header, read_row
from parsers.values.dates import find_dates
from parsers.vocabulary.layout import default_vocabulary
from parsers.vocabulary.phrases import normalize

RULE = "date-line-column"


def column_delivery(text: str, today: dt.date | None, *, part: str) -> Extracted[dt.date] | None:
    """The one date printed on every row of a table whose heading names a delivery column."""
    if today is None:
        return None
    dates: list[tuple[dt.date, tuple[int, int]]] = []
    header, offset, above = None, 0, ""
    for raw in text.splitlines(keepends=True):
        row, start, previous = raw.rstrip("\r\n"), offset, above
        offset, above = offset + len(raw), row
        if header is not None and row.strip() and read_row(row, header, part=part, start=start) is not None:
            dates += [(hit.value, _moved(hit.span, start)) for hit in find_dates(row, today) if hit.value]
            continue
        found = read_header(row, previous) if row.strip() else None
        header = found if found is not None and _names_delivery(found.texts) else None
    if not dates or len({value for value, _ in dates}) > 1:
        return None
    value, span = dates[0]
    return Extracted[dt.date](
        value=value, confidence=0.8, provenance=Provenance(part=part, span=span, rule=RULE)
    )


def _names_delivery(headings: tuple[str, ...]) -> bool:
    phrases = set(default_vocabulary().columns.get("delivery", ()))
    return any(normalize(heading) in phrases for heading in headings)


def _moved(span: tuple[int, int], start: int) -> tuple[int, int]:
    return start + span[0], start + span[1]
