"""Header fields by layout: a label, and its value to its right or in the block below it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from parsers.documents.kinds import ends_title
from parsers.documents.pdf.layout import Line, Word
from parsers.text.ship_to import address_end, is_country
from parsers.values.dates import find_date, find_dates
from parsers.vocabulary.layout import LayoutVocabulary
from parsers.vocabulary.phrases import match_phrases, normalize, tokens_of

_PO = re.compile(r"^(?=.*\d)[A-Z0-9][A-Z0-9\-/_.]{2,39}$", re.I)
# A whole date is the value of the next label (the PO's own value lost or misread), never a PO.
_DATE = re.compile(r"^(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{2}|\d{4})|\d{4}-\d{2}-\d{2})$")
# 'Page 1/2' printed beside the title: a page number, never the order's.
_PAGE = re.compile(r"^\d{1,2}/\d{1,2}$")
_VAT = re.compile(r"^[A-Z]{2}[0-9A-Z]{8,12}$")
_BARE_PO_LABELS = {"n", "no", "nr", "numero"}
# A purchase order's head labels its own number 'Référence :' / 'Ref:' (kept only in that shape).
_REFERENCE_LABELS = {"ref", "reference"}
_LABEL_LINE = re.compile(r"^[^\W\d][\w'’.\- ]{1,30}?\s?:\s")
# A value below its label is looked for within this many line heights.
BELOW_GAP = 2.5
# A value in the next cell of the label's line is at most this many line heights away.
BESIDE_GAP = 12
# ... and as far again for a label its colon or leader dots close.
FORM_REACH = 3
# Lines of one address block follow each other within this many line heights.
BLOCK_GAP = 1.8


@dataclass(slots=True)
class Found:
    """A value read by layout: its text, its words (for the box) and how sure the reader is."""

    text: str
    words: list[Word]
    confidence: float


@dataclass(slots=True)
class Label:
    field: str
    line: int
    words: list[Word]  # the label's words
    rest: list[Word]  # the words after the label in the same cell
    beside: list[Word]  # the next cell of the line, when the label ends its own cell
    right: float  # where the label's column ends (the next cell of its line, or the page edge)
    at_cell_start: bool


def find_labels(
    lines: list[Line], vocab: LayoutVocabulary, width: float, *, ordered: bool = False
) -> list[Label]:
    """Every field label on the lines, in reading order. A document titled as an order numbers itself
    with the labels any document uses ('Document No.', 'N° de document')."""
    table = dict(vocab.fields)
    own = vocab.fields.get("document_number", ()) if ordered else ()
    table["po_number"] = table.get("po_number", ()) + tuple(_BARE_PO_LABELS) + tuple(_REFERENCE_LABELS) + own
    table.pop("document_number", None)
    labels: list[Label] = []
    for index, line in enumerate(lines):
        cells = line.cells()
        for c, cell in enumerate(cells):
            tokens, owners = _tokens(cell.words)
            right = cells[c + 1].x0 - 2 if c + 1 < len(cells) else width
            spans = _merged(match_phrases(tokens, table, owners))
            for k, (role, start, end) in enumerate(spans):
                first, last = owners[start], owners[end - 1]
                stop = owners[spans[k + 1][1]] if k + 1 < len(spans) else len(cell.words)
                beside = cells[c + 1].words if c + 1 < len(cells) and stop == len(cell.words) else []
                labels.append(
                    Label(
                        role,
                        index,
                        cell.words[first : last + 1],
                        cell.words[last + 1 : stop],
                        beside,
                        right,
                        first == 0,
                    )
                )
    return [lb for lb in labels if _kept(lb)]


def _kept(label: Label) -> bool:
    if label_text(label) in _REFERENCE_LABELS:
        # 'Référence : ACH-25-2740' opening its cell, the number right after the colon; never
        # 'Réf. client : C0042' nor 'Votre référence : ...'.
        after = [w for w in label.rest or label.beside if w.text != ":"][:1]
        return label.at_cell_start and _colon(label) and po_value(_clean(after)) is not None
    if is_bare(label) and _names_another(label.rest[:1]):
        return False
    if label_text(label) in _CELL_START_ONLY:
        return label.at_cell_start
    return label.at_cell_start or _colon(label) or _validated(label)


# A plain 'Number' heads its own cell (a box of the order's head); after a word it is that word's
# number ('Phone number', 'Customer number').
_CELL_START_ONLY = {"number", "num"}


def _names_another(words: list[Word]) -> bool:
    """'N° client', 'N° fournisseur', 'No. ACCOUNT': a number sign followed by a word numbers what that
    word names, never the order ('N° BC 2026-00317' and 'No. PO 4500' print a prefix of the number)."""
    word = words[0].text.strip(".:") if words else ""
    return word.isalpha() and (len(word) > 4 or any(ch.islower() for ch in word))


def _colon(label: Label) -> bool:
    return (bool(label.rest) and label.rest[0].text.startswith(":")) or label.words[-1].text.endswith(":")


# Words that name a field only as a box's heading: mid-line they are a noun of an address or a
# sentence ('Économat - quai de livraison'), and taking them for a label cuts the block they sit in.
_HEADING_ONLY = {"livraison", "delai", "delivery", "required"}


def _validated(label: Label) -> bool:
    # Mid-sentence labels are trusted only where the value checks its own shape (a date, a number).
    if label_text(label) in _HEADING_ONLY:
        return False
    return label.field in ("order_date", "delivery_date", "buyer_vat", "total_excl_vat") or (
        label.field == "po_number" and not is_bare(label)
    )


def label_text(label: Label) -> str:
    """The label's words, normalized."""
    return normalize(" ".join(w.text for w in label.words))


def is_bare(label: Label) -> bool:
    """Is the label a bare number sign (N°, No) rather than a named one (N° de commande)?"""
    return normalize(" ".join(w.text for w in label.words)) in _BARE_PO_LABELS


def _merged(spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    # "Livrer à / Ship to": two labels of one field side by side are one label.
    out: list[tuple[str, int, int]] = []
    for role, start, end in spans:
        if out and out[-1][0] == role and out[-1][2] == start:
            out[-1] = (role, out[-1][1], end)
        else:
            out.append((role, start, end))
    return out


def _tokens(words: list[Word]) -> tuple[list[str], list[int]]:
    return tokens_of([word.text for word in words])


def _clean(words: list[Word]) -> list[Word]:
    skip = {":", "#", "n°", "no", "nº", "-", "–", "/"}
    while words and (
        words[0].text.lower() in skip or words[0].text in {":", "#"} or _LEADER.match(words[0].text)
    ):
        words = words[1:]
    return [
        Word(w.text.lstrip(":"), w.x0, w.x1, w.top, w.bottom, w.page) for w in words if w.text.lstrip(":")
    ]


def value_right(label: Label) -> list[Word]:
    """The words after the label in its cell (':' and '#' dropped), else the next cell when it is near."""
    words = _clean(label.rest)
    if words or not label.beside:
        return words
    # A label closed by a colon or a leader ('N° de commande :', 'Date ........') reaches its value at the
    # next tab stop: a form prints its values in a column of their own. Only a value its shape checks (a
    # number, a date), never an address block nor the next label ('Deliver to:' ... 'Supplier:').
    closed = _colon(label) or any(_LEADER.match(w.text) for w in label.rest)
    form = closed and label.field != "ship_to" and not label.beside[-1].text.endswith(":")
    reach = BESIDE_GAP * (FORM_REACH if form else 1)
    near = label.beside[0].x0 - (label.rest or label.words)[-1].x1 < reach * label.words[-1].height
    return _clean(label.beside) if near else []


_LEADER = re.compile(r"^[.…_·]{3,}:?$")


def value_below(label: Label, lines: list[Line]) -> list[Word]:
    """The words of the next line under the label's column, when close enough."""
    x0 = label.words[0].x0 - 4
    above = lines[label.line]
    # Another column's line may sit between the label and its value (a taller
    # address block beside a row of label cells): the first line under the label counts.
    for line in lines[label.line + 1 :]:
        if line.top - above.bottom > BELOW_GAP * above.height:
            return []
        words = [w for w in line.words if w.x0 >= x0 and w.x1 <= label.right + 4]
        if words:
            return words
    return []


def block(label: Label, lines: list[Line], labels: list[Label]) -> list[list[Word]]:
    """An address block: the value right of its label, continued below; or the lines below the label."""
    first = value_right(label)
    starts = [label.words[0].x0] + ([first[0].x0] if first else [])
    x0 = min(starts) - 6
    parts = [first] if first else []
    previous = lines[label.line]
    for index in range(label.line + 1, len(lines)):
        line = lines[index]
        words = [w for w in line.words if w.x0 >= x0 and w.x1 <= label.right + 6]
        if not words or line.top - previous.bottom > BLOCK_GAP * previous.height:
            break
        other = any(lb.line == index and x0 <= lb.words[0].x0 <= label.right for lb in labels)
        if min(abs(words[0].x0 - x) for x in starts) > 8 or other or _labelled(words) or _dated(words):
            break
        parts.append(words)
        previous = line
    return parts


def without_country_line(parts: list[list[Word]]) -> list[list[Word]]:
    """An address block less the country a printing system sets on a line of its own under the town:
    the postal routing of its letters, not where on the way in the goods go. A country written on the
    town's line is the customer's own and stays, as in a body ('26000 Valence, France')."""
    if len(parts) > 2 and is_country(" ".join(w.text for w in parts[-1])):
        return parts[:-1]
    return parts


def _dated(words: list[Word]) -> bool:
    # '1 Dec 2026' under the address: the value of a label printed left of the block, no address line.
    text = " ".join(w.text for w in words)
    hits = find_dates(text)
    return bool(hits) and hits[0].span[0] == 0 and len(text) - hits[0].span[1] <= 1


def _labelled(words: list[Word]) -> bool:
    # "Marché : 2025-RS-07", "Événement : ...": a line of its own label and value ends an address.
    return opens_with_label(" ".join(w.text for w in words))


def opens_with_label(text: str) -> bool:
    """Does the text open with a label and its colon ('Authorised by: D. Price')?"""
    return bool(_LABEL_LINE.match(text))


def join_block(parts: list[list[Word]]) -> str:
    """Lines of an address down to the one of its postcode and town: a wrapped phrase joins with a space,
    separate lines with ', '. A line printed under the town ('Goods receiving - Gate 3') is for the driver."""
    text = ""
    for words in parts:
        piece = " ".join(w.text for w in words).strip()
        if not text:
            text = piece
        elif text.endswith(",") or piece[:1].islower():
            text = f"{text} {piece}"
        else:
            text = f"{text}, {piece}"
        if address_end(piece) is not None:
            break
    return text.strip(" ,")


# A heading printed as the first line of the block it heads ('Address' over the lines of one).
_ADDRESS_HEADINGS = {"address", "adresse", "anschrift", "adress"}


def without_recipient(address: str, buyer: str | None) -> str:
    """A delivery address without the heading or the buyer's own name printed as its first line: the
    buyer receives at its own address, the lines under its name say where. A site's name that is not
    the buyer's ('Atelier B12', 'Solar farm Les Brosses') stays: it tells where on the way in."""
    parts = address.split(", ")
    own = normalize(buyer) if buyer else None
    while len(parts) > 2 and (normalize(parts[0]) in _ADDRESS_HEADINGS or normalize(parts[0]) == own):
        parts = parts[1:]
    return ", ".join(parts)


def po_value(words: list[Word]) -> Found | None:
    """A purchase-order number: the first word that looks like one."""
    for word in words[:3]:
        text = word.text.strip(".,;:()").removeprefix("#")
        if _PO.match(text) and not _DATE.match(text) and not _PAGE.match(text):
            return Found(text, [word], 0.9)
    return None


def lone_number(words: list[Word]) -> Found | None:
    """One word of four characters or more shaped as an order number (never a page number nor a date)."""
    found = po_value(words) if len(words) == 1 and len(words[0].text) >= 4 else None
    return Found(found.text, found.words, 0.8) if found is not None else None


# Short labels that French buyers also print as the head of the number itself ('BC 2026-00317').
_PRINTED_PREFIXES = {"bc", "bdc"}


def as_printed(label: Label, value: Found) -> str:
    """The number as the box prints it: 'BC 2026-00317' alone in its cell, with no colon nor number sign
    between them, is the whole number; 'BC : 2026-00317' and 'BC n° 2026-00317' label theirs."""
    glued = label.rest[:1] == value.words and not label.words[-1].text.endswith(":")
    if glued and len(label.words) == 1 and label_text(label) in _PRINTED_PREFIXES and label.at_cell_start:
        return f"{label.words[0].text} {value.text}"
    # 'Bon de commande n° : BC 2026-0655': after a label closed by its colon, the prefix is the number's head.
    *label_words, last = label.words
    if label_words and label_words[-1].text.endswith(":") and label.rest[:1] == value.words[:1]:
        return f"{last.text} {value.text}" if last.text.lower() in _PRINTED_PREFIXES else value.text
    return value.text


def number_below(lines: list[Line], index: int, title: list[Word]) -> Found | None:
    """The one word printed under a title and within its width, when it is an order number of four
    characters or more ('PURCHASE ORDER' over 'PO-55120'); never a page number nor a date."""
    above = lines[index]
    for below in lines[index + 1 :]:  # lines of another column (an address block) may come first
        if below.top - above.bottom > BELOW_GAP * above.height:
            return None
        words = [w for w in below.words if title[0].x0 - 4 <= w.x0 <= title[-1].x1]
        if not words:
            continue
        # 'PURCHASE ORDER' over 'PO-55120 of 19/11/2026': the number, then the order's date.
        return lone_number(words[:1] if ends_title([w.text for w in words], 0) else words)
    return None


def vat_value(words: list[Word]) -> Found | None:
    """An intra-EU VAT number, spaces allowed between its groups."""
    text = "".join(w.text for w in words[:5]).replace(".", "").upper()
    match = re.match(r"[A-Z]{2}[0-9A-Z]{8,12}", text)
    if match and _VAT.match(match.group(0)) and any(c.isdigit() for c in match.group(0)):
        return Found(match.group(0), words[:5], 0.9)
    return None


def date_value(words: list[Word]) -> tuple[dt.date, list[Word]] | None:
    """The first date among the words."""
    text = " ".join(w.text for w in words)
    found = find_date(text)
    return (found[0], words) if found else None
