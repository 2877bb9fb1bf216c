"""Order lines and header fields written in a plain-text body."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from models import Extracted, ExtractedLine, ExtractedOrder, ParsedMessage, Provenance

_QTY = r"(?P<qty>\d+(?:[.,]\d+)?)"
_CODE = r"(?P<code>[A-Z0-9][A-Z0-9\-./]{2,})"
_LINE_SHAPES = [
    # "- VJ10126  Gobelet ... : 3"
    re.compile(rf"^\s*[-*•]?\s*{_CODE}\s+(?P<desc>.+?)\s*[:=]\s*{_QTY}\s*(?P<unit>[^\W\d]+)?\.?\s*$"),
    # "12 x REF"  /  "12 cartons de DESIGNATION"
    re.compile(rf"^\s*[-*•]?\s*{_QTY}\s*(?:x|×)\s*(?P<desc>.+?)\s*$", re.I),
    re.compile(rf"^\s*[-*•]?\s*{_QTY}\s+(?P<unit>[^\W\d]+)\s+(?:de|d')\s*(?P<desc>.+?)\s*$", re.I),
    # "REF - 12"  / "Designation : 12 cartons"
    re.compile(rf"^\s*[-*•]?\s*(?P<desc>.+?)\s*[-:]\s*{_QTY}\s*(?P<unit>[^\W\d]+)?\.?\s*$"),
]
_PO = re.compile(
    r"(?:n°\s*(?:de\s+)?commande|commande\s*n°|bon de commande\s*n°|r[ée]f\.?\s*(?:commande)?|"
    r"PO(?:\s*number)?|order\s*(?:no\.?|#|number))\s*[:#]?\s*(?P<po>[A-Z0-9][A-Z0-9\-/]{2,})",
    re.I,
)


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None


def extract_from_text(parsed: ParsedMessage) -> ExtractedOrder:
    """Read order lines written one per line, and a labelled PO number."""
    text, part = parsed.text, parsed.text_part
    order = ExtractedOrder(source="email", part=part)
    offset = 0
    for raw_line in text.splitlines(keepends=True):
        line = raw_line.rstrip("\r\n")
        start = offset
        offset += len(raw_line)
        for rule_no, shape in enumerate(_LINE_SHAPES):
            match = shape.match(line)
            if not match:
                continue
            qty = _decimal(match["qty"])
            if qty is None:
                continue
            prov = Provenance(part=part, span=(start, start + len(line)), rule=f"text-shape-{rule_no}")
            groups = match.groupdict()
            order.lines.append(
                ExtractedLine(
                    line_no=len(order.lines) + 1,
                    code=Extracted[str](value=groups["code"], provenance=prov)
                    if groups.get("code")
                    else None,
                    description=Extracted[str](value=groups["desc"].strip(), provenance=prov),
                    quantity=Extracted[Decimal](value=qty, provenance=prov),
                    unit=Extracted[str](value=groups["unit"], provenance=prov)
                    if groups.get("unit")
                    else None,
                    provenance=prov,
                    confidence=0.8,
                )
            )
            break
    po = _PO.search(f"{parsed.subject}\n{text}")
    if po:
        order.po_number = Extracted[str](value=po["po"], confidence=0.7)
    return order
