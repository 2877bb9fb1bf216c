"""A purchase-order PDF, as pages of words, read into an ExtractedOrder."""

from __future__ import annotations

import re
from decimal import Decimal

from models import DocumentKind, Extracted, ExtractedLine, ExtractedOrder, SourceRow
from parsers.documents.kinds import ends_title, kind_of_title, titled_number
from parsers.documents.pdf import fields as F
from parsers.documents.pdf.boxes import address_boxes
from parsers.documents.pdf.head_row import row_po
from parsers.documents.pdf.layout import Line, Page, Word, provenance
from parsers.documents.pdf.sizegrid import size_grid_lines
from parsers.documents.pdf.table import Column, Row, find_header, notes_start, read_table
from parsers.documents.rows import build_line
from parsers.documents.totals import check_order
from parsers.documents.unit_columns import heading_unit
from parsers.text.ship_to import names_a_place_only
from parsers.values.dates import find_date
from parsers.values.numbers import parse_number
from parsers.vocabulary.layout import REQUEST_RULE, LayoutVocabulary
from parsers.vocabulary.phrases import starts_with

TEXT_CONFIDENCE = 0.9
# A bare number sign ('N°', 'Numéro') names the order's number only by where it stands.
BARE_PO = 0.7
# ... and clearly when it is the one such label of a purchase order's header, its value
# the very next word: as sure as the number printed in the title itself.
HEADED_BARE_PO = 0.85
# A purchase request's number standing in for the order's, which the document does not print.
REQUEST_PO = 0.8
_CURRENCY = re.compile(r"^[A-Z]{3}$")
# The title of a document is printed in its first lines.
TITLE_LINES = 14


def read_pages(
    pages: list[Page], part: str, vocab: LayoutVocabulary, *, confidence: float = TEXT_CONFIDENCE
) -> ExtractedOrder:
    """The order a document's pages describe (lines, header fields, checks), or its kind when it is no order."""
    order = ExtractedOrder(source="pdf", part=part, confidence=confidence)
    if not pages or not any(p.lines for p in pages):
        order.notes.append("the document has no readable text")
        order.confidence = 0.0
        return order
    first = pages[0]
    titles = [(cell.text, ln.height) for ln in first.lines[:TITLE_LINES] for cell in ln.cells()]
    order.document_kind = kind_of_title(titles, vocab)
    rows, header_at, ends, starts = _rows(pages, vocab)
    decimal_comma = _decimal_comma(pages)
    rule = "pdf-ocr" if first.ocr else "pdf-table"
    order.rows = page_rows(pages, starts, ends, part, rule)
    for row in rows:
        cells = {
            role: (row.text(role), provenance(part, words, rule))
            for role, words in row.cells.items()
            if words
        }
        if row.counted and "quantity" in cells:
            cells["heading_unit"] = (row.counted, cells["quantity"][1])
        line = build_line(len(order.lines) + 1, cells, decimal_comma=decimal_comma, confidence=confidence)
        if line is not None:
            # The whole row's box (on the page of its quantity), for the review UI to frame.
            page_words = [
                w for ws in row.cells.values() for w in ws if w.page == line.quantity.provenance.page
            ]
            line.provenance = provenance(part, page_words, rule)
            order.lines.append(line)
    order.lines = _with_size_grids(order.lines, pages, part, rule, confidence)
    head = first.lines[: header_at if header_at is not None else len(first.lines)]
    _header_fields(order, head, first.width, part, vocab, rule, top=True)
    order.address_boxes = address_boxes(head, vocab, rule=rule, part=part)
    last = pages[-1]
    if header_at is not None:  # labels printed under the table fill what the top left empty
        under = notes_start(last, rows, ends.get(last.number, len(last.lines)))
        _header_fields(order, last.lines[under:], last.width, part, vocab, rule)
    _total(order, pages, ends, part, vocab, decimal_comma, rule)
    _line_count(order, pages, ends, part, vocab, rule)
    if order.document_kind == DocumentKind.UNKNOWN and order.lines:
        order.document_kind = DocumentKind.PURCHASE_ORDER
        order.confidence -= 0.1
        order.notes.append("the document does not say it is a purchase order; read as one")
    return check_order(order)


def _with_size_grids(
    lines: list[ExtractedLine], pages: list[Page], part: str, rule: str, confidence: float
) -> list[ExtractedLine]:
    """The lines of the size grids printed beside the line table, each in its place on the page."""
    grid = size_grid_lines(pages, part, rule, confidence)
    if not grid:
        return lines
    rows = {(page, round(top)) for page, top, _ in grid}
    placed = [(page, top, line) for page, top, line in grid]
    for line in lines:
        where = line.provenance
        page, top = (where.page or 0, where.bbox[1]) if where and where.bbox else (0, 0.0)
        if (page, round(top)) not in rows:  # a grid row the table reader took for a line: the grid's reading
            placed.append((page, top, line))
    ordered = [line for _, _, line in sorted(placed, key=lambda item: (item[0], item[1]))]
    for number, line in enumerate(ordered, start=1):
        line.line_no = number
    return ordered


def page_rows(
    pages: list[Page], starts: dict[int, int], ends: dict[int, int], part: str, rule: str
) -> list[SourceRow]:
    """Every printed line, placed above, inside or below its page's line table, for the checks."""
    found = []
    for page in pages:
        start = starts.get(page.number, len(page.lines))
        end = ends.get(page.number, len(page.lines))
        for index, line in enumerate(page.lines):
            region = "header" if index < start else "lines" if index < end else "footer"
            found.append(
                SourceRow(
                    text=" | ".join(cell.text for cell in line.cells()),
                    region=region,
                    provenance=provenance(part, line.words, rule),
                )
            )
    return found


def _rows(
    pages: list[Page], vocab: LayoutVocabulary
) -> tuple[list[Row], int | None, dict[int, int], dict[int, int]]:
    rows: list[Row] = []
    columns: list[Column] | None = None
    first_header: int | None = None
    ends: dict[int, int] = {}
    starts: dict[int, int] = {}
    for page in pages:
        header = find_header(page, vocab)
        if header:
            columns = header.columns
            if first_header is None and page is pages[0]:
                first_header = header.line_index
        if columns is None:
            continue
        table = read_table(page, header, columns, vocab)
        counted = next((heading_unit(c.heading) or c.counts for c in columns if c.role == "quantity"), None)
        for row in table.rows:
            row.counted = counted or ""
        rows += table.rows
        ends[page.number] = table.end_index
        starts[page.number] = header.line_index + 1 if header else 0
    return rows, first_header, ends, starts


def _decimal_comma(pages: list[Page]) -> bool:
    # A document writes its amounts one way: count '12,50' against '12.50'.
    comma = dot = 0
    for word in (w for p in pages for ln in p.lines for w in ln.words):
        text = word.text
        if len(text) > 3 and text[-3] in ",." and text[-2:].isdigit() and text[-4].isdigit():
            comma += text[-3] == ","
            dot += text[-3] == "."
    return comma >= dot


def _header_fields(
    order: ExtractedOrder, lines: list[Line], width: float, part: str, vocab, rule: str, *, top: bool = False
) -> None:
    headed = top and order.document_kind == DocumentKind.PURCHASE_ORDER
    labels = F.find_labels(lines, vocab, width, ordered=order.document_kind == DocumentKind.PURCHASE_ORDER)
    for label in sorted(labels, key=lambda lb: lb.field == "request_number"):
        attr = _ATTRS.get(label.field)
        if attr is None or getattr(order, attr) is not None:
            continue
        found = _label_value(label, lines, labels, vocab.kinds.get("purchase_order", ()))
        if found is not None:
            value, words, confidence = found
            if headed and _sole_bare_po(label, lines, labels):
                confidence = HEADED_BARE_PO
            if label.field == "request_number":
                _titled_po(order, lines[:TITLE_LINES], vocab, part, rule)
                if order.po_number is not None:
                    continue
                rule_read, confidence = REQUEST_RULE, min(confidence, REQUEST_PO)
            else:
                rule_read = rule
            setattr(
                order,
                attr,
                Extracted(value=value, confidence=confidence, provenance=provenance(part, words, rule_read)),
            )
    if order.po_number is None:
        _titled_po(order, lines[:TITLE_LINES], vocab, part, rule)
    if order.po_number is None and top:  # 'TW-ACH-26-1190 | 07.12.2026 | Atelier de Granges, ...'
        order.po_number = row_po(lines, part, rule)
    if order.buyer_name is None:
        _unlabelled_date(order, lines, part, rule)
        _buyer_name(order, lines, part, vocab, rule)
    if order.ship_to is not None:
        buyer = order.buyer_name.value if order.buyer_name else None
        order.ship_to.value = F.without_recipient(order.ship_to.value, buyer)


_ATTRS = {
    "po_number": "po_number",
    "request_number": "po_number",
    "order_date": "order_date",
    "delivery_date": "requested_delivery_date",
    "ship_to": "ship_to",
    "buyer_vat": "buyer_vat",
}


def _label_value(
    label: F.Label, lines: list[Line], labels: list[F.Label], titles: tuple[str, ...] = ()
) -> tuple[object, list[Word], float] | None:
    """The value a label names (to its right, else below it), its words and the confidence."""
    if label.field == "ship_to":
        parts = F.without_country_line(F.block(label, lines, labels))
        joined = F.join_block(parts)
        named_only = names_a_place_only(joined)  # 'Deliver to: Genas depot': the customer's file says where
        return (joined, [w for p in parts for w in p], 0.8) if parts and not named_only else None
    right, below = F.value_right(label), F.value_below(label, lines)
    if label.field in ("order_date", "delivery_date"):
        found = F.date_value(right) or F.date_value(below)
        return (found[0], found[1], 0.9) if found else None
    read = F.po_value if label.field in ("po_number", "request_number") else F.vat_value
    # A title used as a label ('Purchase Order #PO02264') has its number beside it, never under it.
    # 'PO #' over its number in a box is a label: a number sign after the title says so.
    signed = bool(label.rest) and all(w.text in _NUMBER_SIGNS for w in label.rest)
    titled = label.field == "po_number" and F.label_text(label) in titles and not signed
    value = read(right) or (None if titled else read(below))
    if value is None:
        return None
    bare = label.field == "po_number" and F.is_bare(label)
    return F.as_printed(label, value), value.words, BARE_PO if bare else value.confidence


_NUMBER_SIGNS = {"#", "n°", "N°", "No", "No.", "no", "no.", "nº", "Nº", ":"}


def _sole_bare_po(label: F.Label, lines: list[Line], labels: list[F.Label]) -> bool:
    """Is this the one bare number sign of the document's head whose very next word is a number?

    'N° client : C0042' names another number; two signs followed by numbers leave it open.
    """
    if label.field != "po_number" or not F.is_bare(label) or label.line >= TITLE_LINES:
        return False
    numbered = [lb for lb in labels if lb.field == "po_number" and F.is_bare(lb) and _next_is_po(lb, lines)]
    return numbered == [label]


def _next_is_po(label: F.Label, lines: list[Line]) -> bool:
    """Is the value the label's next word, beside it or, when nothing beside is a number, below it?"""
    right = F.value_right(label)
    words = right if F.po_value(right) else F.value_below(label, lines)
    return F.po_value(words[:1]) is not None


def _titled_po(order: ExtractedOrder, lines: list[Line], vocab, part: str, rule: str) -> None:
    # "BON DE COMMANDE DP-2026-03402": the title carries the number, with no label, or has it alone
    # on the line under it ('PURCHASE ORDER' over 'PO-55120').
    for index, line in enumerate(lines):
        cells = line.cells()
        for c, cell in enumerate(cells):
            at = titled_number([w.text for w in cell.words], vocab)
            found = F.po_value(cell.words[at:]) if at is not None else None
            if at is not None and at == len(cell.words):
                # 'BON DE COMMANDE | SLM-26-0577 | 18/11/2026': a boxed strip gives the number the next cell.
                beside = F.lone_number(cells[c + 1].words) if c + 1 < len(cells) else None
                found, at = beside or F.number_below(lines, index, cell.words), at - 1
            if found is not None and ends_title([w.text for w in cell.words], at):
                prov = provenance(part, found.words, rule)
                order.po_number = Extracted[str](value=found.text, confidence=0.85, provenance=prov)
                return


def _unlabelled_date(order: ExtractedOrder, lines: list[Line], part: str, rule: str) -> None:
    # "Cadillac, le 14 octobre 2026": a letter-style date line is the order date.
    if order.order_date is not None:
        return
    delivery = order.requested_delivery_date.value if order.requested_delivery_date else None
    for line in lines:
        found = find_date(line.text)
        if found and found[0] != delivery:
            order.order_date = Extracted(
                value=found[0], confidence=0.6, provenance=provenance(part, line.words, rule)
            )
            return


# 'Page 1 of 1', 'Seite 1 von 2' printed at the top: no buyer's name.
_PAGE_LINE = re.compile(r"^(?:page|seite|p\.)\s*\d+\s*(?:of|von|sur|/)\s*\d+$", re.I)


def _buyer_name(order: ExtractedOrder, lines: list[Line], part: str, vocab, rule: str) -> None:
    from parsers.vocabulary.phrases import match_phrases, normalize

    for line in lines[:3]:
        cell = line.cells()[0]
        norm = normalize(cell.text).split()
        if (
            match_phrases(norm, vocab.kinds)
            or match_phrases(norm, vocab.fields)
            or _PAGE_LINE.match(cell.text)
        ):
            continue
        if any(c.isalpha() for c in cell.text):
            order.buyer_name = Extracted[str](
                value=cell.text, confidence=0.6, provenance=provenance(part, cell.words, rule)
            )
            return


def _total(
    order: ExtractedOrder,
    pages: list[Page],
    ends: dict[int, int],
    part: str,
    vocab,
    decimal_comma: bool,
    rule: str,
) -> None:
    for page in reversed(pages):
        start = ends.get(page.number, 0)
        for line in page.lines[start:]:
            labels = [lb for lb in F.find_labels([line], vocab, page.width) if lb.field == "total_excl_vat"]
            for label in labels:
                words = F.value_right(label) or _rest_of_line(line, label.words[-1])
                value = _amount(words, decimal_comma)
                if value is not None:
                    order.total_excl_vat = Extracted[Decimal](
                        value=value, confidence=0.9, provenance=provenance(part, words, rule)
                    )
                    return


def _line_count(
    order: ExtractedOrder, pages: list[Page], ends: dict[int, int], part: str, vocab, rule: str
) -> None:
    """'Nombre de lignes : 12' printed under the table."""
    labels = vocab.rows.get("line_count", ())
    for page in pages:
        for line in page.lines[ends.get(page.number, len(page.lines)) :]:
            cells = line.cells()
            if not labels or not starts_with(cells[0].text, labels):
                continue
            # The count follows its label, in the same cell or the next one (an amount may follow further).
            words = [w for cell in cells[:2] for w in cell.words]
            number = next((w for w in words if w.text.isdigit()), None)
            if number is not None:
                order.printed_line_count = Extracted[int](
                    value=int(number.text), confidence=0.9, provenance=provenance(part, words, rule)
                )
                return


def _rest_of_line(line: Line, after: Word) -> list[Word]:
    return [w for w in line.words if w.x0 > after.x1]


def _amount(words: list[Word], decimal_comma: bool) -> Decimal | None:
    # Currency signs and ISO codes ('GBP 193.18', '775,29 EUR') around the amount.
    text = " ".join(
        w.text for w in words if w.text not in {":", "€", "£", "$"} and not _CURRENCY.match(w.text)
    )
    numbers = [t for t in text.replace("EUR", "").replace("€", "").split(":")[-1:]]
    return parse_number(numbers[0].strip(), decimal_comma=decimal_comma) if numbers else None


__all__ = ["ExtractedLine", "read_pages"]


def split_documents(pages: list[Page], vocab: LayoutVocabulary) -> list[list[Page]]:
    """Pages grouped by purchase order: a page whose header names another PO number starts a new one.

    ERPs export a batch of orders as one PDF; each order's first page repeats the header block.
    """
    groups: list[list[Page]] = []
    current: str | None = None
    for page in pages:
        header = find_header(page, vocab)
        head = page.lines[: header.line_index if header else TITLE_LINES]
        number = _po_number(head, page.width, vocab)
        if groups and (number is None or number == current):
            groups[-1].append(page)
        else:
            groups.append([page])
            current = number or current
    return groups


def _po_number(lines: list[Line], width: float, vocab: LayoutVocabulary) -> str | None:
    labels = F.find_labels(lines, vocab, width)
    for label in labels:
        if label.field == "po_number" and not F.is_bare(label):
            found = F.po_value(F.value_right(label)) or F.po_value(F.value_below(label, lines))
            if found:
                return found.text
    return None
