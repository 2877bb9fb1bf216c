"""The head's row of unlabelled values: an order's number, its date and where to deliver, printed as
boxes side by side under the letterhead with no label over them ('TW-ACH-26-1190 | 07.12.2026 |
Atelier de Granges, Rue du Vieux-Moulin 4, 2540 Granges').

A cell that is a whole date tells the row apart from an address or a sentence; beside it, a word of
letters and figures is the only number such a row prints, and an address written on one line is the
delivery point. Neither is labelled, so both are read as guesses a clerk confirms.
"""

from __future__ import annotations

import re

from models import Extracted
from parsers.documents.pdf import fields as F
from parsers.documents.pdf.layout import Cell, Line, provenance
from parsers.text.ship_to import address_end
from parsers.values.dates import find_dates

# A reference of letters and figures ('BR-26-2231', 'PO88412'), never a plain number: a number alone
# beside a date may as well be a customer's account or a phone extension.
_REFERENCE = re.compile(r"^(?=[^\s]*[A-Za-z])(?=[^\s]*\d)[A-Za-z0-9][A-Za-z0-9\-/_.]{3,39}$")
# The same number printed in groups: a prefix of capitals, then groups of figures ('CEI 26 1412', 'BC 2026 0044').
_SPACED = re.compile(r"^[A-Z]{2,5}(?: \d{2,6}(?:[-/]\d{1,6})?){1,3}$")
# Unlabelled: below the routing threshold, so a clerk sees the order.
GUESS = 0.6
# Name, street, postcode and town: an address on one line has at least two commas.
_ONE_LINE_PARTS = 3


def is_date_cell(cell: Cell) -> bool:
    """The cell is a date printed in full and nothing else ('07.12.2026', '8 décembre 2026')."""
    hits = find_dates(cell.text)
    return len(hits) == 1 and hits[0].value is not None and hits[0].text.strip() == cell.text.strip()


def dated_row(line: Line) -> bool:
    """A row of the head's unlabelled values: a whole date in a cell of its own, beside other cells,
    none of them a label."""
    cells = line.cells()
    return (
        len(cells) >= 2
        and any(is_date_cell(cell) for cell in cells)
        and not any(F.opens_with_label(cell.text) for cell in cells)
    )


def row_po(lines: list[Line], part: str, rule: str) -> Extracted[str] | None:
    """The one reference printed beside a whole date in a row of the head (the first line is the
    letterhead's), as a PO a clerk confirms; None when no such row or two references."""
    found = [cell for line in lines[1:] if dated_row(line) for cell in line.cells() if _reference(cell)]
    if len(found) != 1:
        return None
    value = " ".join(found[0].text.strip(".,;:()").split())
    return Extracted[str](value=value, confidence=GUESS, provenance=provenance(part, found[0].words, rule))


def _reference(cell: Cell) -> bool:
    text = " ".join(cell.text.strip(".,;:()").split())
    if len(cell.words) > 1:
        return _SPACED.match(text) is not None and F.vat_value(cell.words) is None
    shaped = _REFERENCE.match(text) is not None
    return shaped and F.po_value(cell.words) is not None and F.vat_value(cell.words) is None


def one_line_address(line: Line, cell: Cell) -> bool:
    """An address written whole in one cell of the head's dated row: a name, a street, then the
    postcode and town, apart by commas."""
    parts = [p for p in cell.text.split(",") if p.strip()]
    return len(parts) >= _ONE_LINE_PARTS and address_end(cell.text) is not None and dated_row(line)
