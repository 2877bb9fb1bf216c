"""Order lines written as key-value blocks, one field per line of text.

    Réf : 303402
    Désignation : Gaine ICTA grise Ø20 couronne 100 m
    Quantité : 6

A field may sit in two cells of a table ('Réf : | 303402', an HTML form rendered). A block ends when a field comes back (the next article starts) or when a line
that is not a field is met; it is an order line when it has a quantity and a
code or a designation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models import ExtractedLine
from parsers.text.extracted import line_from_parts
from parsers.values.numbers import NUMBER, parse_number
from parsers.values.units import normalise_unit

_FIELDS = {
    "code": r"r[ée]f(?:[ée]rence)?(?:\s+article)?|code(?:\s+article)?|item(?:\s+code)?|sku|part\s*(?:no|number|#)|p/n",
    "desc": r"d[ée]signation|description|libell[ée]|produit|article|product",
    "qty": r"qt[ée]|qte|quantit[ée]|qty|quantity",
    "unit": r"unit[ée]|unit|uom",
}
_FIELD = re.compile(
    r"^\s*[-*•]?\s*(?P<label>" + "|".join(f"(?P<{k}>{v})" for k, v in _FIELDS.items()) + r")\.?\s*[:=]\s*"
    r"(?P<value>\S.*?)\s*$",
    re.I,
)
# A field in two cells of a table, rendered 'Réf : | 303402' or 'Quantity | 6' (an HTML form's rows).
_CELL_FIELD = re.compile(
    r"^\s*\|?\s*(?P<label>" + "|".join(f"(?P<{k}>{v})" for k, v in _FIELDS.items()) + r")\.?\s*[:=]?\s*\|\s*"
    r"(?P<value>[^|\s](?:[^|]*[^|\s])?)\s*\|?\s*$",
    re.I,
)
_LABEL_ALONE = re.compile(r"(?:" + "|".join(_FIELDS.values()) + r")\.?\s*[:=]?", re.I)
_FIELD_INSIDE = re.compile(r"\b(?:" + "|".join(_FIELDS.values()) + r")\.?\s*[:=]", re.I)
# '2 cartons de 6 bouteilles', '3 boxes of 12 bottles': the count of packs, what one pack holds.
_PACK = rf"(?:\s+(?:de|of|x)\s+(?P<pack>{NUMBER})\s*(?P<inner>[^\W\d_][\w²³]*\.?)?)?"
_QTY = re.compile(rf"^(?P<qty>{NUMBER})\s*(?P<unit>[^\W\d_][\w²³]*\.?)?{_PACK}$", re.I)


@dataclass
class KeyValueBlocks:
    """Reads the blocks of one text, a line at a time (`feed`), then `flush` at the end."""

    part: str
    values: dict[str, tuple[str, tuple[int, int]]] = field(default_factory=dict)
    begin: int = 0
    end: int = 0

    def feed(self, line: str, start: int) -> tuple[bool, ExtractedLine | None]:
        """(the line was a field, the order line a finished block gave)."""
        cell = _CELL_FIELD.match(line)
        if cell is not None and (_LABEL_ALONE.fullmatch(cell["value"]) or _bare_count(cell)):
            cell = None  # 'Désignation | Qté', 'Produit | 20': a two-column table's header or row
        match = cell or _FIELD.match(line)
        if match is not None and _FIELD_INSIDE.search(match["value"]):
            match = None  # "Réf : X  Qté : 12" is a whole line, read by the line readers
        if match is None:
            return False, self.flush() if line.strip() else None
        name = next(k for k in _FIELDS if match[k])
        if name == "qty" and not self.values and _QTY.match(match["value"]) is None:
            return False, None  # 'Qté : 10 - Gants nitrile M' opens no block: a whole line, count and name
        done = self.flush() if name in self.values else None
        if not self.values:
            self.begin = start
        self.values[name] = (match["value"], (start + match.start("value"), start + match.end("value")))
        self.end = start + len(line)
        return True, done

    def flush(self) -> ExtractedLine | None:
        values, self.values = self.values, {}
        if "qty" not in values or not ({"code", "desc"} & values.keys()):
            return None
        qty = _QTY.match(values["qty"][0])
        value = parse_number(qty["qty"]) if qty else None
        if value is None or value <= 0:
            return None
        unit_text = qty["unit"] or (values["unit"][0] if "unit" in values else None)
        unit = normalise_unit(unit_text) if unit_text else None
        code = values.get("code")
        pack = parse_number(qty["pack"]) if unit and qty["pack"] else None
        inner = normalise_unit(qty["inner"]) if pack and qty["inner"] else None
        if qty["pack"] and inner is None:
            return None  # '2 cartons de 6': six of what the article is sold by, or six packs, is unsaid
        return line_from_parts(
            self.part,
            (self.begin, self.end),
            code=(code[0].split()[0], code[1]) if code else None,
            desc=values.get("desc"),
            qty=(value, values["qty"][1]),
            unit=(unit, values["qty"][1]) if unit else None,
            pack=(pack, values["qty"][1]) if pack else None,
            pack_unit=(inner, values["qty"][1]) if inner else None,
            rule="text-key-value",
            confidence=0.85,
        )


def _bare_count(cell: re.Match[str]) -> bool:
    """A designation cell that holds no word, only a count (a code may be all digits)."""
    return bool(cell["desc"]) and not re.search(r"[^\W\d_]", cell["value"])
