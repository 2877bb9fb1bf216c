"""Order lines and header fields written in an email body (plain text or HTML).

Rules first (parsers/text/lines.py, prose.py, tables.py), the project's NER model
for prose the rules leave empty (parsers/text/ner.py), header fields from
parsers/text/fields.py. Quoted history is never read; in a forward, the
forwarder's own text overrides the forwarded one for dates and quantities.
"""

from __future__ import annotations

import re
from collections import OrderedDict

from models import ExtractedLine, ExtractedOrder, ParsedMessage, Provenance
from parsers.mail import forwarded_part
from parsers.mail.html import html_to_text
from parsers.mail.markers import load_markers
from parsers.mail.quotes import openings
from parsers.text import fields, ner
from parsers.text.apart import without_apart
from parsers.text.blocks import KeyValueBlocks
from parsers.text.codes import CodeBook
from parsers.text.corrections import correct_order_lines, postscript_at
from parsers.text.ditto import read_ditto, same_as_row_above
from parsers.text.each_count import read_each
from parsers.text.extracted import written_at
from parsers.text.fixed_decimals import with_fixed_decimals
from parsers.text.forward_counts import recount_forwarded
from parsers.text.free_line import ADDED_RULE, plain_line, read_free
from parsers.text.length_counts import with_lengths_counted
from parsers.text.line_noise import counts_a_postcode, outside_address
from parsers.text.lines import BRACKETED_RULE
from parsers.text.named_lines import WordBook
from parsers.text.quoted_fields import own_quoted_delivery
from parsers.text.restated import restate_lines
from parsers.text.run_on import split_run_ons
from parsers.text.sides import with_sides_swapped
from parsers.text.size_grid import read_size_header, read_size_row
from parsers.text.sizes import read_sized_sentences
from parsers.text.sizes_apart import sizes_said_apart
from parsers.text.spotting import DOUBTS, with_spotted
from parsers.text.table_dates import column_delivery
from parsers.text.table_guess import prefer_tables
from parsers.text.tables import is_uncounted_row, is_unread_row, read_header, read_row, stacked
from parsers.text.thread import (
    QUOTED_PART,
    agrees_loosely,
    as_quoted_rows,
    latest_quoted,
    option_block,
    quoted_text,
    takes_the_thread_as_is,
)
from parsers.text.wrapped import read_wrapped
from parsers.values.numbers import (
    quantity_word_regex,
)

_RULE = re.compile(r"^[\s|:+=\-_]*[-=_]{3,}[\s|:+=\-_]*$")
_DOCUMENT_TYPES = ("pdf", "sheet", "excel", "csv", "spreadsheet", "opendocument")
# An order body is a few kilobytes; beyond these sizes the text is a log, a listing or a newsletter.
MAX_BODY_CHARS = 60_000
MAX_MODEL_CHARS = 8_000
LOOSE_AGREEMENT = "the reply takes the quote answered in words of its own: a clerk confirms it is an order"
# The bodies read last, by (message, codes, by_model): a few messages are read at a time.
READ_KEPT = 4
_READ: OrderedDict[tuple[int, int, bool], tuple[ParsedMessage, CodeBook | None, tuple[object, ...], str]] = (
    OrderedDict()
)


def extract_from_text(
    parsed: ParsedMessage, *, codes: CodeBook | None = None, by_model: bool = True
) -> ExtractedOrder:
    """Read the order a body carries: its lines, PO number, delivery date, ship-to and contact.
    Without `by_model`, no line is asked of the model when the rules read none.

    Each call gives an order of its own to change. A message's readers (its orders, its thread, its
    header fields) ask for its body several times: asked again of the same message (the same
    object: a message is not changed once parsed), the order is read back from its JSON, which costs
    a fraction of reading the body again."""
    key, read = (id(parsed), id(codes), by_model), _what_is_read(parsed)
    kept = _READ.get(key)
    if kept is not None and kept[0] is parsed and kept[1] is codes and _same(kept[2], read):
        return ExtractedOrder.model_validate_json(kept[3])
    order = _extract_from_text(parsed, codes=codes, by_model=by_model)
    # The message and the codes are kept with the order: their ids cannot be another's meanwhile.
    _READ[key] = (parsed, codes, read, order.model_dump_json())
    while len(_READ) > READ_KEPT:
        _READ.popitem(last=False)
    return order


def _what_is_read(parsed: ParsedMessage) -> tuple[object, ...]:
    """What of the message the body's reader reads: a message given another of these is another."""
    return (
        parsed.text,
        parsed.html,
        parsed.text_part,
        parsed.subject,
        parsed.quoted,
        parsed.signature,
        parsed.local_date,
        parsed.tables,
        parsed.attachments,
    )


def _same(kept: tuple[object, ...], read: tuple[object, ...]) -> bool:
    return all(a is b or a == b for a, b in zip(kept, read, strict=True))


def _extract_from_text(parsed: ParsedMessage, *, codes: CodeBook | None, by_model: bool) -> ExtractedOrder:
    # The MIME splitter (parsers/mail/quotes.py) already left the quoted history out.
    body, part = body_text(parsed)
    truncated = len(body) > MAX_BODY_CHARS
    body = body[:MAX_BODY_CHARS]
    own, _forwarded, forward_at = forwarded_part.split_forward(body, parsed.subject)
    order = ExtractedOrder(source="email", part=part)
    if truncated:
        order.notes.append(f"body longer than {MAX_BODY_CHARS} characters: only its beginning was read")
    order.lines = prefer_tables(read_lines(body, part=part, codes=codes, subject=parsed.subject), parsed)
    order.lines = _with_each(order.lines, read_each(body, part=part, codes=codes))
    if not order.lines and takes_the_thread_as_is(own, parsed.quoted):
        # "Bon pour accord sur votre devis D26-1180 ci-dessous", "same as last time": the quoted lines.
        order.lines = quoted_lines(parsed, codes=codes)
        order.notes.append("the quote or order answered is taken as it is: its lines are the order")
        if agrees_loosely(own, parsed.quoted):
            order.doubts.append(LOOSE_AGREEMENT)
    if by_model and not order.lines and len(own) <= MAX_MODEL_CHARS:
        order.lines = _model_lines(own, part=part, order=order)
    if order.lines and _only_points_to_attachments(parsed, own):
        # Only what the body adds to the attached order ("ci-joint, et en plus 2 jugulaires") stays.
        order.lines = [ln for ln in order.lines if ln.provenance and ln.provenance.rule == ADDED_RULE]
        order.notes.append("the body points to its attachments: its lines are not read")
    if any(ln.provenance and ln.provenance.rule == BRACKETED_RULE for ln in order.lines):
        order.doubts.append("a count in brackets after a name may be what a pack holds: confirm the quantity")
    order.doubts += [doubt for doubt in DOUBTS if any(doubt in ln.notes for ln in order.lines)]
    forwarded = forward_at < len(body) or forwarded_part.is_forward_subject(parsed.subject)
    # The catalogue names a forwarded line the forwarder words otherwise ('drop the lamb' over 'Sauté d'agneau').
    book = codes if forwarded and isinstance(codes, WordBook) else None
    if forward_at < len(body):  # the original's own corrections ('PS: make that 3'), then the forwarder's
        original = _NOT_NEWLINE.sub(" ", body[:forward_at]) + body[forward_at:]
        order.lines, corrected = _corrected(order.lines, original, part=part, rule="correction", book=book)
        order.read_spans = [*order.read_spans, *corrected]
    order.lines, corrected = _corrected(
        order.lines, own, part=part, rule="forward-override" if forwarded else "correction", book=book
    )
    if forward_at < len(body):
        # Every forwarder's words over the original, a middle approver's too ('Fine, but not the sprinklers').
        above = body[: forwarded_part.original_start(body, parsed.subject)]
        order.lines, recounted, doubts = recount_forwarded(
            order.lines, above, forward_at, part=part, rule="forward-override", book=book
        )
        order.doubts += doubts
        corrected = [*corrected, *recounted]
    order.read_spans = [*order.read_spans, *corrected]
    _fill_fields(order, parsed, body, own, forward_at, part, codes)
    order.lines = outside_address(order.lines, order.ship_to)
    for number, line in enumerate(order.lines, start=1):
        line.line_no = number
    return order


def _corrected(
    lines: list[ExtractedLine], text: str, *, part: str, rule: str, book: WordBook | None
) -> tuple[list[ExtractedLine], list[Provenance]]:
    """The lines with the text's corrections applied: counts it replaces, lines it takes out, then
    counts and sizes it says anew; and the places read in applying them."""
    lines, corrected = correct_order_lines(lines, text, part=part, rule=rule, book=book)
    lines, restated = restate_lines(lines, text, part=part, rule=rule)
    return lines, [*corrected, *restated]


def quoted_lines(parsed: ParsedMessage, *, codes: CodeBook | None = None) -> list[ExtractedLine]:
    """The lines of the quote or earlier order quoted under a reply (spans into `quoted`): those of
    the latest message quoted, else of the whole history ('même commande' over a short note)."""
    latest = latest_quoted(parsed.quoted)
    # The rows the reply takes are an order's: the catalogue's names find those no reader read.
    lines = read_lines(as_quoted_rows(latest), part=QUOTED_PART, codes=codes, spot=True)
    block = option_block(parsed.text, latest)
    if block is not None:  # "OK for option B": the lines set out under that option's heading
        lines = [
            ln
            for ln in lines
            if ln.provenance and ln.provenance.span and block[0] <= ln.provenance.span[0] < block[1]
        ]
    if lines or len(latest) == len(parsed.quoted):
        return lines
    # Each message of the history read on its own: a signature closes one message, not the next.
    text = quoted_text(parsed.quoted)
    cuts = sorted({0, *(o.start for o in openings(text, "", load_markers()))})
    found: list[ExtractedLine] = []
    for begin, end in zip(cuts, [*cuts[1:], len(text)], strict=True):
        alone = _NOT_NEWLINE.sub(" ", text[:begin]) + text[begin:end]
        found.extend(read_lines(alone, part=QUOTED_PART, codes=codes, spot=True))
    return found


_NOT_NEWLINE = re.compile(r"[^\n]")


def body_text(parsed: ParsedMessage) -> tuple[str, str]:
    """The text the body readers read, and the part their spans point into.

    The chosen body; when reply splitting left it empty, the whole HTML body rendered
    (the review page draws the spans on this same text).
    """
    if parsed.text.strip() or not parsed.html:
        return parsed.text, parsed.text_part or "body"
    try:
        return html_to_text(parsed.html).text, "html"
    except Exception:  # MIME reading already noted the broken part in `defects`
        return parsed.text, parsed.text_part or "body"


def _fill_fields(
    order: ExtractedOrder,
    parsed: ParsedMessage,
    body: str,
    own: str,
    forward_at: int,
    part: str,
    codes: CodeBook | None = None,
) -> None:
    order.po_number = fields.po_number(
        parsed.subject, body, part=part, codes=codes, history=parsed.quoted
    ) or fields.signed_po(parsed.signature)
    order.requested_delivery_date = fields.requested_date(own, parsed.local_date, part=part)
    if order.requested_delivery_date is None and forward_at < len(body):
        order.requested_delivery_date = fields.requested_date(
            body[forward_at:], parsed.local_date, part=part, offset=forward_at
        )
    if order.requested_delivery_date is None:  # 'Item | ... | Deliv.': the first date a table's rows ask
        order.requested_delivery_date = column_delivery(body, parsed.local_date, part=part)
    if order.requested_delivery_date is None and not forwarded_part.is_reply_subject(parsed.subject):
        order.requested_delivery_date = fields.requested_date(
            parsed.subject, parsed.local_date, part="subject"
        )
    order.requested_delivery_date = order.requested_delivery_date or own_quoted_delivery(parsed)
    order.ship_to = fields.ship_to(body, part=part) or fields.signed_ship_to(own, parsed.signature)
    name, phone = fields.contact(parsed.signature, part="signature") if parsed.signature else (None, None)
    if name is None or phone is None:
        own_name, own_phone = fields.contact(own, part=part)
        name, phone = name or own_name, phone or own_phone
    order.contact_name, order.contact_phone = name, phone


def read_lines(
    text: str, *, part: str, codes: CodeBook | None = None, subject: str = "", spot: bool | None = None
) -> list[ExtractedLine]:
    """Every order line of a body, in reading order: tables, blocks, list lines, sentences.

    `codes` is the catalogue's book of article codes: a line naming one of them
    is read around it first. The subject tells whether a header block opens a forward. `spot`: whether
    the catalogue's names find lines in the rows no reader read (by default, outside the quoted history).
    """
    found: list[ExtractedLine] = []
    header = grid = None
    header_at = -2  # the row the header was read from
    in_signature = False
    offset = 0
    blocks = KeyValueBlocks(part=part)
    markers = load_markers()
    forwards = {o.start for o in openings(text, subject, markers) if o.kind == "forward"}
    above: tuple[str, int] | None = None  # the line above, when it named an article and no count
    rows = text.splitlines(keepends=True)
    joined_through = -1  # the last row a wrapped sentence read with the ones above took
    # The rows read as free text: what of them no reader took is for the catalogue's names to spot.
    free_rows: list[tuple[str, int]] = []
    for index, raw in enumerate(rows):
        line, start = raw.rstrip("\r\n"), offset
        offset += len(raw)
        if index <= joined_through:
            continue
        if start in forwards:  # a forwarded original: read afresh, past the forwarder's signature
            in_signature, header, grid = False, None, None
            continue
        postscript = postscript_at(line)
        if postscript is not None:  # 'P.S. ajoutez aussi 2 trousses': the order goes on under the signature
            in_signature, header, grid = False, None, None
            line = " " * postscript + line[postscript:]
        elif in_signature or markers.opens_signature(line):
            in_signature = True
            continue
        base, above = above, None
        is_field, block_line = blocks.feed(line, start)
        if block_line is not None:
            found.append(block_line)
        if is_field:
            continue
        # A row of the table under way is never a grid's header ('Gilet | XL | 5': two sizes, as it reads).
        in_table = header is not None and read_row(line, header, part=part, start=start) is not None
        next_grid = None if in_table else read_size_header(line)
        if next_grid is not None:
            grid, header = next_grid, None
            continue
        if grid is not None and line.strip():
            sized = read_size_row(line, grid, part=part, start=start)
            if sized is not None:
                found.extend(sized)
                continue
            grid = None
        if grid is not None:
            continue
        ditto = read_ditto(line, _just_above(found, rows, index, start), part=part, start=start)
        if ditto is not None:  # '12 pr same, 10/XL' under '24 pr cut resistant gloves, size 9/L'
            found.append(ditto)
            continue
        by_size, rest = read_sized_sentences(plain_line(line), part=part, start=start, base=base)
        if by_size:
            found.extend(by_size)
            if not rest.strip():
                continue
            line = rest
        count = len(found)
        next_header = read_header(line, rows[index - 1].rstrip("\r\n") if index else "")
        if next_header is not None:
            header = stacked(header, next_header) if header_at == index - 1 else next_header
            header_at = index
            continue
        if header is not None and _RULE.match(line):
            continue  # "|------|-----|" under a header row
        if header is not None:
            row = read_row(line, header, part=part, start=start) if line.strip() else None
            if row is not None:
                found.append(same_as_row_above(row, _just_above(found, rows, index, start)))
                continue
            if is_uncounted_row(line, header):
                continue
            if line.strip() and not is_unread_row(line, header):
                header = None
        free, joined_through = read_wrapped(
            line, rows, index, start, lambda text, at: read_free(text, part=part, start=at, codes=codes)
        )
        found.extend(free)
        above = (line, start) if len(found) == count and re.search(r"[^\W\d_]{3,}", line) else None
        if line.strip():
            free_rows.append((line, start))
    last = blocks.flush()
    found = [*found, last] if last is not None else found
    found = with_lengths_counted(
        found, text, lambda row, at: read_free(row, part=part, start=at, codes=codes)
    )
    if part != QUOTED_PART if spot is None else spot:  # the quoted history's lines are the thread reader's
        found = with_spotted(split_run_ons(found, codes, part=part), free_rows, codes, part=part)
    found = with_fixed_decimals([line for line in found if not counts_a_postcode(line, text)], text)
    return with_sides_swapped(sizes_said_apart(without_apart(found, text)))


def _just_above(found: list[ExtractedLine], rows: list[str], index: int, start: int) -> ExtractedLine | None:
    """The line read last, when it was read from the row right above this one."""
    if not found or index == 0 or not found[-1].provenance or not found[-1].provenance.span:
        return None
    above = start - len(rows[index - 1])
    return found[-1] if above <= found[-1].provenance.span[0] < start else None


def _with_each(lines: list[ExtractedLine], each: list[ExtractedLine]) -> list[ExtractedLine]:
    """The lines a count said once for a list gives ('6 de chaque :') instead of what the line
    readers made of the same text, in reading order."""
    if not each:
        return lines
    taken = [
        p.span
        for line in each
        for p in (line.provenance, line.quantity.provenance if line.quantity else None)
        if p and p.span
    ]
    kept = [line for line in lines if not _overlaps_any(line, taken)]
    return sorted([*kept, *each], key=written_at)


def _overlaps_any(line: ExtractedLine, spans: list[tuple[int, int]]) -> bool:
    where = line.provenance
    if where is None or where.span is None:
        return False
    return any(where.span[0] < end and start < where.span[1] for start, end in spans)


def _model_lines(text: str, *, part: str, order: ExtractedOrder) -> list[ExtractedLine]:
    """Lines the NER finds in sentences the rules could not read (low confidence)."""
    sentences: list[tuple[str, int]] = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        if re.search(r"\d", line) or quantity_word_regex().search(line):
            sentences.append((line, offset))
        offset += len(raw)
    try:
        return ner.lines_from_sentences(sentences, part=part)
    except ner.ModelError as exc:
        order.notes.append(str(exc))
        return []


def _only_points_to_attachments(parsed: ParsedMessage, own: str) -> bool:
    documents = [a for a in parsed.attachments if any(t in a.content_type.lower() for t in _DOCUMENT_TYPES)]
    return bool(documents and load_markers().see_attached.search(own))
