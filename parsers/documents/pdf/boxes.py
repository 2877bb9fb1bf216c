"""Address blocks a purchase order prints in its head with no label: the letterhead, the supplier's
address, a one-off delivery point ('MV Tuskar Rock - c/o Brest shipyard' over its quay and town).

Which one is the delivery is not printed; the message's recipients say which is the supplier's
(parsers.orders settles it), the letterhead opens the page and a labelled block is the supplier's or
the billing's.
"""

from __future__ import annotations

import re

from models import Address, Extracted
from parsers.documents.pdf.fields import opens_with_label
from parsers.documents.pdf.head_row import one_line_address
from parsers.documents.pdf.layout import Cell, Line, provenance
from parsers.text.rule_names import BOX_RULE
from parsers.text.ship_to import address_end, is_country
from parsers.values.dates import find_dates
from parsers.vocabulary.layout import LayoutVocabulary
from parsers.vocabulary.phrases import normalize

# Cells of one block start at the same x, give or take this many points.
COLUMN_SLACK = 8.0
# Lines of one block follow each other within this many line heights.
BLOCK_GAP = 1.8
# A block is a name, its street and its town: a postcode line with fewer lines above is a letterhead's
# one-line address or a sentence.
MIN_LINES = 3
MAX_LINES = 5
# A line this much taller than the block's is a title over it.
TITLE_HEIGHT = 1.25
# A block printed under or after one of these names the supplier or the billing, never the delivery.
_OTHER_PARTY = re.compile(
    r"^\s*(?:(?:fournisseur|supplier|vendor|vendeur|lieferant|destinataire|factur\w*|invoice\s+to|bill\s+to"
    r"|billing)\b|(?:to|à)\s*:)",
    re.I,
)
# A value of the head's grid ('MID-CA-26-05117', '10/11/2026'): one word with a figure.
_VALUE = re.compile(r"\s*\S*\d\S*\s*")
# A line of figures about the company, not of its address ('TVA FR66...', 'Tél. 02 96 ...', an e-mail).
_NOT_ADDRESS = re.compile(r"\b(?:tva|vat|btw|siret|siren|t[ée]l|tel|phone|fax)\b|@", re.I)


def address_boxes(
    lines: list[Line], vocab: LayoutVocabulary, *, rule: str, part: str
) -> list[Extracted[str]]:
    """Every unlabelled address block of the head (lines above the table): three to five cells under
    one another in one column, the last holding a postcode and town. The block that opens the page is
    the letterhead and is left out."""
    headings = {p for phrases in (*vocab.fields.values(), *vocab.kinds.values()) for p in phrases}
    found: list[Extracted[str]] = []
    for index, line in enumerate(lines):
        for cell in line.cells():
            end = address_end(cell.text)
            if end is None or _NOT_ADDRESS.search(cell.text) or opens_with_label(cell.text):
                continue  # a labelled address is the labels' reading
            block = _upwards(lines, index, cell)
            # 'Ship to', 'Lieferadresse', 'BON DE COMMANDE' over the lines: what follows is the block
            named = [k for k, c in enumerate(block or []) if normalize(c.text) in headings]
            block = block[named[-1] + 1 :] if block and named else block
            if block is not None and len(block) < MIN_LINES and one_line_address(line, cell):
                block = [cell]  # 'Atelier de Granges, Rue du Vieux-Moulin 4, 2540 Granges' beside the date
            elif block is None or len(block) < MIN_LINES:
                continue
            if _first_line(lines, block[0]):
                continue
            text = ", ".join(c.text.strip(" ,") for c in block)
            words = [w for c in block for w in c.words]
            prov = provenance(part, words, rule).model_copy(update={"rule": BOX_RULE})
            found.append(Extracted[str](value=text, confidence=0.7, provenance=prov))
    return found


def _upwards(lines: list[Line], index: int, cell: Cell) -> list[Cell] | None:
    """The cells above `cell` in its column, top first, up to a gap, a label or MAX_LINES; None when the
    block is labelled as another party's or holds what no address does."""
    block = [cell]
    below = lines[index]
    for above in reversed(lines[:index]):
        if below.top - above.bottom > BLOCK_GAP * below.height or len(block) >= MAX_LINES:
            break
        same = [c for c in above.cells() if abs(c.x0 - cell.x0) <= COLUMN_SLACK]
        if not same:
            if any(c.x0 < cell.x0 + COLUMN_SLACK < c.x1 for c in above.cells()):
                break  # a line across the column ends the block
            continue  # another column's line between two of this block's
        top = same[0].text
        if _OTHER_PARTY.match(top):
            return None
        if _ends_block(top) or above.height > TITLE_HEIGHT * below.height:
            break
        block.insert(0, same[0])
        below = above
    if _OTHER_PARTY.match(block[0].text):
        return None
    return block


def _ends_block(text: str) -> bool:
    """A label, a value of the grid, the company's figures or the last line of another address."""
    return (
        text.rstrip().endswith(":")
        or opens_with_label(text)
        or bool(find_dates(text))
        or _VALUE.fullmatch(text) is not None
        or _NOT_ADDRESS.search(text) is not None
        or address_end(text) is not None
        or is_country(text.rsplit(",", 1)[-1])
    )


def _first_line(lines: list[Line], cell: Cell) -> bool:
    return bool(lines) and any(cell is c or cell.words == c.words for c in lines[0].cells())


# Words of a mailbox's name or domain that say nothing of whose it is ('Protec Ouest SAS - Commandes').
_GENERIC = {
    "commandes", "commande", "orders", "order", "sales", "ventes", "vente", "service", "services", "achats",
    "purchasing", "contact", "info", "sas", "sarl", "ltd", "gmbh", "com", "www", "mail",
}  # fmt: skip


def delivery_box(
    boxes: list[Extracted[str]], buyer: str | None, recipients: list[Address]
) -> Extracted[str] | None:
    """The one block left when the supplier's own (its name is the name or domain the message was sent
    to) and the buyer's letterhead (its first line the buyer's name) are set aside; None when two remain."""
    ours = [_words(f"{r.name} {r.domain.replace('.', ' ')}") for r in recipients]
    own = normalize(buyer) if buyer else None
    left = [
        box
        for box in boxes
        if normalize(box.value.split(", ")[0]) != own
        and not any(_named_as(box.value.split(", ")[0], words) for words in ours)
    ]
    return left[0] if len(left) == 1 else None


def _named_as(name: str, ours: set[str]) -> bool:
    """Two words of the name are the mailbox's ('Rhône Pièces Auto & PL' to 'Rhône Pièces - Commandes'),
    or its one word ('Techniparts Distribution SAS' to 'Techniparts - Service commandes')."""
    words = _words(name)
    return bool(words) and bool(ours) and len(words & ours) >= min(2, len(words), len(ours))


def _words(text: str) -> set[str]:
    return {w for w in re.split(r"[\W_]+", normalize(text)) if len(w) >= 3 and w not in _GENERIC}
