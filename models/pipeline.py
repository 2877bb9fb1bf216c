"""The handoff objects between pipeline stages.

RawMessage -> ParsedMessage -> ExtractedOrder -> MatchedOrder -> Decision.
Every value read from a message is wrapped in `Extracted`, which carries how
sure the reader is and where the value came from, so the review UI can show
the clerk *why* Intake believes it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from enum import StrEnum
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from models.followups import FollowupResult

T = TypeVar("T")


class Provenance(BaseModel):
    """Where a value was read: a part of the message and a place inside it.

    `part` names the MIME part ("body", "html", "attachment:PO-12.pdf").
    Text values carry a character `span` into that part's text; PDF values a
    `page` (1-based) and a `bbox` (x0, top, x1, bottom in PDF points);
    spreadsheet values a `sheet` and a `cell` ("B12").
    """

    model_config = ConfigDict(frozen=True)

    part: str
    span: tuple[int, int] | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    sheet: str | None = None
    cell: str | None = None
    rule: str | None = None  # the name of the rule or model that produced it


class Extracted(BaseModel, Generic[T]):
    """A value with its confidence (0..1) and its provenance."""

    value: T
    confidence: float = 1.0
    provenance: Provenance | None = None


class Origin(BaseModel):
    """Where a raw message came from: a file, or an IMAP mailbox position."""

    kind: str = "file"  # "file", "imap", "manual", "api"
    path: str | None = None
    account: str | None = None
    folder: str | None = None
    uidvalidity: int | None = None
    uid: int | None = None

    def describe(self) -> str:
        if self.kind == "imap":
            return f"{self.account}/{self.folder}/{self.uidvalidity}/{self.uid}"
        return self.path or self.kind


class RawMessage(BaseModel):
    """The bytes of one message as received, before any parsing."""

    data: bytes
    origin: Origin = Field(default_factory=Origin)
    received_at: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC))

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


class Address(BaseModel):
    name: str = ""
    email: str = ""

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2].lower()


class Attachment(BaseModel):
    filename: str
    content_type: str
    data: bytes

    @property
    def part_name(self) -> str:
        return f"attachment:{self.filename}"


class MessageKind(StrEnum):
    ORDER = "order"
    ORDER_QUESTION = "order_question"
    QUOTE_REQUEST = "quote_request"
    INVOICE = "invoice"
    CHANGE = "change"  # cancellation or modification of an earlier order
    AUTO_REPLY = "auto_reply"
    NEWSLETTER = "newsletter"
    SPAM = "spam"
    OTHER = "other"


class Classification(BaseModel):
    kind: MessageKind
    confidence: float
    reasons: list[str] = Field(default_factory=list)

    @property
    def is_order(self) -> bool:
        return self.kind == MessageKind.ORDER


class TableCell(BaseModel):
    text: str
    provenance: Provenance | None = None


class Table(BaseModel):
    """A table read from HTML, a spreadsheet or a PDF: rows of cells."""

    rows: list[list[TableCell]]
    provenance: Provenance | None = None

    def texts(self) -> list[list[str]]:
        return [[c.text for c in row] for row in self.rows]


class ParsedMessage(BaseModel):
    """A message read from its MIME structure, bodies split from history.

    `text` is what the sender writes now (quoted replies removed; a forwarded
    original kept, since forwarding it is the point). `quoted` and `signature`
    are kept apart: not order text, but evidence for the customer.
    """

    message_id: str
    subject: str = ""
    sender: Address = Field(default_factory=Address)
    reply_to: Address | None = None
    to: list[Address] = Field(default_factory=list)
    date: dt.datetime | None = None
    headers: dict[str, str] = Field(default_factory=dict)
    text: str = ""
    text_part: str = "body"
    html: str | None = None
    tables: list[Table] = Field(default_factory=list)
    quoted: str = ""
    # Answers written under a quoted line ('> 30 x Tube T8' then 'make it 40'): (that line, the answer).
    inline_answers: list[tuple[str, str]] = Field(default_factory=list)
    signature: str = ""
    forwarded_sender: Address | None = None
    forwarded_date: dt.datetime | None = None
    attachments: list[Attachment] = Field(default_factory=list)
    language: str = "fr"
    classification: Classification | None = None
    defects: list[str] = Field(default_factory=list)

    @property
    def local_date(self) -> dt.date | None:
        """The calendar date at the sender's clock, for relative dates."""
        return self.date.date() if self.date else None


class DocumentKind(StrEnum):
    PURCHASE_ORDER = "purchase_order"
    QUOTE = "quote"
    INVOICE = "invoice"
    DELIVERY_NOTE = "delivery_note"
    CREDIT_NOTE = "credit_note"
    UNKNOWN = "unknown"


class ExtractedLine(BaseModel):
    """One order line as written by the customer, before catalogue matching."""

    line_no: int
    code: Extracted[str] | None = None  # an article code: ours, theirs or an EAN
    description: Extracted[str] | None = None
    quantity: Extracted[Decimal] | None = None
    unit: Extracted[str] | None = None
    pack_size: Extracted[Decimal] | None = None  # "carton de 12" -> 12
    pack_unit: Extracted[str] | None = None  # "carton de 6 bouteilles" -> bouteille: what the pack counts
    unit_price: Extracted[Decimal] | None = None
    amount: Extracted[Decimal] | None = None
    provenance: Provenance | None = None
    confidence: float = 1.0
    notes: list[str] = Field(default_factory=list)
    # Other codes printed on the row: the supplier's code beside the customer's, an EAN.
    alt_codes: list[Extracted[str]] = Field(default_factory=list)


class SourceRow(BaseModel):
    """A row of a document as its reader saw it, read as a line or not.

    The routing checks compare what a document holds with what was read from
    it: a row of the line table no line was read from, a PO label in the
    header. `region` says where the row sits: "header" (above the line
    table), "lines" (inside it), "footer" (below it) or "other" (on a sheet
    of the workbook the table was not read from).
    """

    model_config = ConfigDict(frozen=True)

    text: str
    region: str = "lines"
    provenance: Provenance | None = None
    # What the row holds under the table's quantity column, when the reader knows that column:
    # an empty or zero quantity is a row of the form the customer left unordered.
    quantity: str | None = None


class ExtractedOrder(BaseModel):
    """The order as read from one part of a message (body, PDF, sheet)."""

    source: str = "email"  # email, pdf, spreadsheet, manual, api
    part: str = "body"
    document_kind: DocumentKind = DocumentKind.PURCHASE_ORDER
    po_number: Extracted[str] | None = None
    order_date: Extracted[dt.date] | None = None
    requested_delivery_date: Extracted[dt.date] | None = None
    ship_to: Extracted[str] | None = None
    buyer_name: Extracted[str] | None = None
    buyer_vat: Extracted[str] | None = None
    contact_name: Extracted[str] | None = None
    contact_phone: Extracted[str] | None = None
    currency: str = "EUR"
    total_excl_vat: Extracted[Decimal] | None = None
    # "Nombre de lignes : 12" printed under the table.
    printed_line_count: Extracted[int] | None = None
    lines: list[ExtractedLine] = Field(default_factory=list)
    confidence: float = 1.0
    notes: list[str] = Field(default_factory=list)
    # What the reading could not settle for sure ("the change asked of the quoted order was not
    # all read"): each one holds the order for a clerk.
    doubts: list[str] = Field(default_factory=list)
    # Spans of the text read as requests rather than lines ("sauf la ligne 3" said of the quoted order).
    read_spans: list[Provenance] = Field(default_factory=list)
    # The document's rows the reader looked at (empty for a body: the checks read its text).
    rows: list[SourceRow] = Field(default_factory=list)
    # Address blocks a document prints in its head with no label: one may be the delivery point, the
    # message's recipients tell the supplier's own (parsers.orders).
    address_boxes: list[Extracted[str]] = Field(default_factory=list)


class Evidence(BaseModel):
    """One reason a candidate was proposed, with its weight in the score."""

    kind: str  # "sku", "code", "ean", "customer_ref", "alias", "designation", "email", ...
    detail: str = ""
    weight: float = 0.0


class Candidate(BaseModel):
    key: str  # a sku or a customer_id
    label: str = ""
    score: float
    evidence: list[Evidence] = Field(default_factory=list)


class CustomerMatch(BaseModel):
    customer_id: str | None
    score: float = 0.0
    margin: float = 0.0
    candidates: list[Candidate] = Field(default_factory=list)
    # False when the sender (or forwarded sender) is not on file and the customer
    # was recognised from the signature or the document only: worth a clerk's look.
    sender_known: bool = False


class LineMatch(BaseModel):
    line: ExtractedLine
    sku: str | None
    customer_ref: str | None = None
    score: float = 0.0
    margin: float = 0.0
    candidates: list[Candidate] = Field(default_factory=list)
    unit: str | None = None  # the unit in the catalogue vocabulary
    quantity: Decimal | None = None
    unit_price: Decimal | None = None


class MatchedOrder(BaseModel):
    order: ExtractedOrder
    customer: CustomerMatch
    lines: list[LineMatch] = Field(default_factory=list)
    ship_to: str | None = None


class Severity(StrEnum):
    ERROR = "error"  # must be fixed before the order can be accepted
    WARNING = "warning"  # worth a look; does not by itself block
    INFO = "info"


class ReviewReason(BaseModel):
    code: str  # stable key: "customer_unknown", "line_unmatched", ...
    message: str  # plain words for the clerk
    severity: Severity = Severity.ERROR
    line_no: int | None = None
    field: str | None = None
    # Where the text the reason is about sits, for the review UI to highlight it.
    provenance: Provenance | None = None
    # What the reason quotes (the unread span, the PO seen, the amounts), for the translated sentence.
    quoted: str | None = None


class OrderStatus(StrEnum):
    ACCEPTED = "accepted"
    REVIEW = "review"
    REJECTED = "rejected"
    CANCELLED = "cancelled"  # by the customer, after it was taken (a cancellation or a replacement)


class Decision(BaseModel):
    status: OrderStatus
    confidence: float
    reasons: list[ReviewReason] = Field(default_factory=list)
    backorder_lines: list[int] = Field(default_factory=list)  # line_no beyond the stock


class OrderLineRecord(BaseModel):
    line_no: int
    sku: str | None
    customer_ref: str | None = None
    description: str | None = None
    quantity: float | None = None
    unit: str | None = None
    unit_price: float | None = None


class OrderRecord(BaseModel):
    """The contract's order record (CONTRACT.md), keys in the contract's order."""

    message_id: str
    source: str
    status: OrderStatus
    customer_id: str | None
    po_number: str | None
    order_date: dt.date | None
    requested_delivery_date: dt.date | None
    ship_to: str | None
    currency: str = "EUR"
    lines: list[OrderLineRecord]
    confidence: float


class ProcessedOrder(BaseModel):
    """One order out of the pipeline: what was read, matched and decided."""

    matched: MatchedOrder
    decision: Decision
    record: OrderRecord


class ProcessResult(BaseModel):
    """The pipeline's answer for one message."""

    parsed: ParsedMessage
    orders: list[ProcessedOrder] = Field(default_factory=list)
    followup: FollowupResult | None = None  # what the message says of an earlier order
