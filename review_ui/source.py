"""The source document beside the fields: what Intake read, and from where.

Every provenance in the order's detail becomes a *mark* (`f-po_number`,
`l-3`) that the page draws on the source: a highlighted span of the email
text, a box on a PDF page, a marked spreadsheet cell. The matching form
field carries the same mark id, so focusing one shows the other.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from models import Attachment, DocumentReadError, IntakeError, ParsedMessage
from parsers import DocumentLimits, DocumentPreview, body_text, parse_message, preview_document
from parsers.text.thread import QUOTED_PART

HEADER_FIELDS = ("po_number", "order_date", "requested_delivery_date", "ship_to", "buyer_name")
# How ingest words a document it could not read (parsers/documents.py).
UNREADABLE = "could not be read: "


@dataclass(frozen=True)
class Mark:
    """A place in the source tied to a field of the form."""

    id: str
    part: str
    span: tuple[int, int] | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    sheet: str | None = None
    cell: str | None = None


@dataclass
class PdfPage:
    number: int
    width: float
    height: float
    boxes: list[Mark]


@dataclass
class SourcePart:
    """One readable part of the message: text, PDF pages, or spreadsheet sheets."""

    kind: str  # text, pdf, sheet
    name: str
    title: str
    segments: list[tuple[str, str | None]] = field(default_factory=list)
    pages: list[PdfPage] = field(default_factory=list)
    attachment: int | None = None
    sheets: list[tuple[str, list[list[tuple[str, str, str | None]]]]] = field(default_factory=list)
    failure: str | None = None  # why the document could not be read or drawn


@dataclass
class SourceView:
    parts: list[SourcePart]
    attachments: list[tuple[int, str, str, int]]  # index, filename, content type, size
    has_html: bool
    subject: str = ""
    sender: str = ""
    error: str | None = None
    marked: set[str] = field(default_factory=set)


def collect_marks(detail: dict[str, Any], reasons: Sequence[dict[str, Any]] = ()) -> list[Mark]:
    """The provenance of every header field and line in a MatchedOrder dump, and of the reasons.

    A reason's mark (`r-N`, N its place among the order's reasons) frames what
    Intake saw but did not read: a line-looking span, a PO mention.
    """
    order = detail.get("order") or {}
    marks = [_mark(f"f-{name}", (order.get(name) or {}).get("provenance")) for name in HEADER_FIELDS]
    for number, line in enumerate(detail.get("lines") or [], start=1):
        read = line.get("line") or {}
        prov = read.get("provenance") or (read.get("description") or {}).get("provenance")
        marks.append(_mark(f"l-{number}", prov))
    marks += [_mark(reason_mark(i), reason.get("provenance")) for i, reason in enumerate(reasons)]
    return [m for m in marks if m is not None]


def reason_mark(index: int) -> str:
    """The mark id of the order's `index`-th reason."""
    return f"r-{index}"


def _mark(mark_id: str, prov: dict | None) -> Mark | None:
    if not prov or not prov.get("part"):
        return None
    return Mark(
        id=mark_id,
        part=prov["part"],
        span=tuple(prov["span"]) if prov.get("span") else None,  # type: ignore[arg-type]
        page=prov.get("page"),
        bbox=tuple(prov["bbox"]) if prov.get("bbox") else None,  # type: ignore[arg-type]
        sheet=prov.get("sheet"),
        cell=(prov.get("cell") or "").upper() or None,
    )


def build_source(
    raw: bytes | None,
    detail: dict[str, Any],
    *,
    limits: DocumentLimits,
    reasons: Sequence[dict[str, Any]] = (),
) -> SourceView:
    """The parts of the message to show, with the marks placed on them."""
    if raw is None:
        return SourceView(parts=[], attachments=[], has_html=False)
    try:
        parsed = parse_message(raw)
    except IntakeError as exc:
        text = raw.decode("utf-8", "replace")
        return SourceView([SourcePart("text", "raw", "raw", [(text, None)])], [], False, error=str(exc))
    marks = collect_marks(detail, reasons)
    text, part = body_text(parsed)
    parts = [_text_part(part, text, marks)]
    if parsed.quoted.strip() and any(m.part == QUOTED_PART for m in marks):
        # the lines of an accepted quote or a repeated order were read there
        parts.append(_text_part(QUOTED_PART, parsed.quoted, marks))
    failed = failed_documents(detail)
    for number, attachment in enumerate(parsed.attachments):
        part = _attachment_part(number, attachment, marks, limits, failed)
        if part is not None:
            parts.append(part)
    view = SourceView(
        parts=parts,
        attachments=[(i, a.filename, a.content_type, len(a.data)) for i, a in enumerate(parsed.attachments)],
        has_html=bool(parsed.html),
        subject=parsed.subject,
        sender=_sender(parsed),
    )
    view.marked = {m for part in parts for m in _placed(part)}
    return view


def _sender(parsed: ParsedMessage) -> str:
    sender = parsed.sender
    return f"{sender.name} <{sender.email}>" if sender.name else sender.email


def _placed(part: SourcePart) -> set[str]:
    found = {mark for _, mark in part.segments if mark}
    found |= {box.id for page in part.pages for box in page.boxes}
    found |= {cell[2] for _, rows in part.sheets for row in rows for cell in row if cell[2]}
    return found


def highlight(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str | None]]:
    """Split `text` into plain and marked segments; overlapping spans keep the first."""
    segments: list[tuple[str, str | None]] = []
    position = 0
    for start, end, mark in sorted(spans):
        start, end = max(start, position), min(end, len(text))
        if start >= end:
            continue
        if start > position:
            segments.append((text[position:start], None))
        segments.append((text[start:end], mark))
        position = end
    if position < len(text):
        segments.append((text[position:], None))
    return segments


def _text_part(name: str, text: str, marks: list[Mark]) -> SourcePart:
    spans = [(m.span[0], m.span[1], m.id) for m in marks if m.part == name and m.span]
    return SourcePart("text", name, name, highlight(text, spans))


def _attachment_part(
    number: int, attachment: Attachment, marks: list[Mark], limits: DocumentLimits, failed: dict[str, str]
) -> SourcePart | None:
    name = attachment.part_name
    mine = [m for m in marks if m.part == name]
    kind = "pdf" if attachment.filename.lower().endswith(".pdf") else "sheet"
    if name in failed:  # ingest could not read it: never tried again in the web process
        return SourcePart(kind, name, attachment.filename, attachment=number, failure=failed[name])
    if attachment.content_type.startswith("text/plain") and not attachment.filename.lower().endswith(".csv"):
        return _text_part(name, attachment.data.decode("utf-8", "replace"), mine)
    try:
        preview = _preview(attachment, limits)
    except DocumentReadError as exc:
        if "no preview" in exc.reason:
            return None
        return SourcePart(kind, name, attachment.filename, attachment=number, failure=exc.reason)
    if preview.pages:
        pages = [
            PdfPage(n, width, height, [m for m in mine if m.page == n and m.bbox])
            for n, (width, height) in enumerate(preview.pages, start=1)
        ]
        return SourcePart("pdf", name, attachment.filename, pages=pages, attachment=number)
    sheets = [(title, _cells(rows, title, mine)) for title, rows in preview.sheets]
    return SourcePart("sheet", name, attachment.filename, sheets=sheets, attachment=number)


# Previews by attachment content, failures included: a hostile file costs its
# limits once per web process, not on every opening of its order.
_PREVIEWS: OrderedDict[str, DocumentPreview | str] = OrderedDict()
_PREVIEW_CACHE_SIZE = 32


def _preview(attachment: Attachment, limits: DocumentLimits) -> DocumentPreview:
    key = hashlib.sha256(attachment.data).hexdigest() + attachment.filename
    if key not in _PREVIEWS:
        try:
            _PREVIEWS[key] = preview_document(attachment, limits=limits)
        except DocumentReadError as exc:
            _PREVIEWS[key] = exc.reason
        while len(_PREVIEWS) > _PREVIEW_CACHE_SIZE:
            _PREVIEWS.popitem(last=False)
    found = _PREVIEWS[key]
    if isinstance(found, str):
        raise DocumentReadError(attachment.part_name, found)
    return found


def failed_documents(detail: dict[str, Any]) -> dict[str, str]:
    """Attachments ingest could not read, by part name, with the reason it stored."""
    order = detail.get("order") or {}
    failed = {}
    for note in order.get("notes") or []:
        if note.startswith(UNREADABLE):
            failed[order.get("part") or ""] = note.removeprefix(UNREADABLE)
        elif f" {UNREADABLE}" in note:
            part, reason = note.split(f" {UNREADABLE}", 1)
            failed[part] = reason
    return failed


def _cells(rows: list[list[str]], sheet: str, marks: list[Mark]) -> list[list[tuple[str, str, str | None]]]:
    marked = {m.cell: m.id for m in marks if m.cell and (m.sheet in (None, sheet))}
    table = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row, start=1):
            coord = f"{get_column_letter(c)}{r}"
            cells.append((value, coord, marked.get(coord)))
        table.append(cells)
    return table


def attachment_bytes(raw: bytes, number: int) -> Attachment:
    """The attachment at `number` in the message; IndexError when there is none."""
    parsed = parse_message(raw)
    return parsed.attachments[number]


def sanitised_html(raw: bytes) -> str:
    """The HTML body with scripts, handlers, forms and remote content stripped."""
    import nh3

    parsed = parse_message(raw)
    allowed = nh3.ALLOWED_TAGS - {"img", "a"}
    return nh3.clean(parsed.html or "", tags=allowed, url_schemes=set(), link_rel=None)
