"""Reading a message: the work that needs no store, done where a message is read (a reading
worker, or in process); `intake.pipeline` decides what it read."""

from __future__ import annotations

from intake.followups import read_followup
from intake.orders_by_reading import (
    answer_completing,
    answer_taking_substitute,
    answer_to_offer,
    as_answer,
    confirm_by_catalogue,
    read_orders,
)
from intake.pipeline import PipelineDeps, ReadMessage, as_followup, decide_message
from intake.routing.decision import assess_order
from intake.stages import stage
from matchers import CatalogIndex, match_order
from models import (
    Classification,
    DocumentKind,
    MessageKind,
    MessageReadError,
    ParsedMessage,
    ProcessResult,
    RawMessage,
    Settings,
)
from models.followups import ABOUT_AN_ORDER
from parsers import (
    followup_sign,
    header_only,
    parse_message,
    read_documents,
    sent_document,
)
from parsers.classify import classify
from parsers.documents.limits import DocumentLimits


def process(raw: RawMessage, deps: PipelineDeps) -> ProcessResult:
    """Run every stage on one message. Raises IntakeError when it cannot be read."""
    return decide_message(read_message(raw, index=deps.index, limits=deps.limits), deps)


def read_message(
    raw: RawMessage, *, index: CatalogIndex, limits: DocumentLimits, parsed: ParsedMessage | None = None
) -> ReadMessage:
    """Parse, classify, read the documents, extract and match: the work that needs no store.
    `parsed` is `parse(raw)` when it was parsed beforehand."""
    parsed = parsed or parse(raw)
    if not (parsed.text.strip() or parsed.html or parsed.attachments):
        raise MessageReadError(raw.origin.describe(), "the message has no body and no attachment")
    with stage("classify"):
        parsed.classification = classify(parsed)
        read = confirm_by_catalogue(parsed, index, limits=limits)
        sign = followup_sign(parsed, is_order=parsed.classification.is_order)
        read, sign = answer_to_offer(parsed, read, sign, index, limits=limits)
        read, sign = answer_completing(parsed, read, sign, index)
        read, sign = answer_taking_substitute(parsed, read, sign, index, limits=limits)
        parsed.classification = as_followup(parsed.classification, sign)
    if not parsed.classification.is_order:
        return ReadMessage(parsed=parsed, sign=sign)
    with stage("documents"):
        read_documents(parsed, limits=limits)  # read once here; extraction finds them read
    with stage("extract"):
        if read is None:
            read = read_orders(parsed, index, limits=limits)
            parsed.classification = as_answer(parsed.classification, read)
        sent = sent_document(parsed, limits=limits) if not read else None
        if sent is not None:
            parsed.classification = _sending(sent)
            return ReadMessage(parsed=parsed, sign=sign)
        # An order whose lines could not be read still goes to a clerk (no_lines), never lost.
        extracted_orders = read or [header_only(parsed, codes=index)]
    with stage("match"):
        matched = [match_order(parsed, extracted, index) for extracted in extracted_orders]
    return ReadMessage(parsed=parsed, matched=matched, sign=sign)


def _sending(kind: DocumentKind) -> Classification:
    # An attached invoice, credit or delivery note and no order read: the message sends that document.
    sent = (
        MessageKind.INVOICE if kind in (DocumentKind.INVOICE, DocumentKind.CREDIT_NOTE) else MessageKind.OTHER
    )
    return Classification(kind=sent, confidence=0.8, reasons=[f"an attached {kind.value} and no order read"])


def parse(raw: RawMessage) -> ParsedMessage:
    """The message parsed. Raises IntakeError when it cannot be."""
    with stage("parse"):
        return parse_message(raw.data, where=raw.origin.describe())


def assess_message(read: ReadMessage, *, index: CatalogIndex, settings: Settings) -> ReadMessage:
    """`read` with what deciding it needs of the message and the catalogue alone done: its orders'
    checks that need no past, and a follow-up's reading; `decide_message` does the rest."""
    with stage("decide"):
        if read.parsed.classification is not None and read.parsed.classification.is_order:
            read.found = [
                assess_order(read.parsed, matched, settings=settings, catalogue=index)
                for matched in read.matched
            ]
    if read.sign is not None and read.sign.kind in ABOUT_AN_ORDER:
        with stage("followup"):
            read.followup = read_followup(read.parsed, read.sign, index)
    return read
