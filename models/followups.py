"""What follows an order in the same mailboxes: changes, cancellations, replacements, returns, questions.

A follow-up is read (its kind, the order it names), linked to a stored order,
and its change computed as a diff against that order's lines. Nothing here
touches the store; models/followup_store.py keeps and applies them.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, Field


class FollowupKind(StrEnum):
    NEW_ORDER = "new_order"
    CHANGE = "change"
    CANCELLATION = "cancellation"
    REPLACEMENT = "replacement"
    RETURN = "return"
    DELIVERY_QUESTION = "delivery_question"
    OTHER = "other"


# Kinds about an earlier order: they are linked, never read as a new order (a replacement is both).
ABOUT_AN_ORDER = {
    FollowupKind.CHANGE,
    FollowupKind.CANCELLATION,
    FollowupKind.REPLACEMENT,
    FollowupKind.RETURN,
    FollowupKind.DELIVERY_QUESTION,
}


class LinkBy(StrEnum):
    PO = "po"
    OUR_NUMBER = "our_number"  # our order number, from our acknowledgement
    DELIVERY_NOTE = "delivery_note"  # our delivery note's number, from a status event
    THREAD = "thread"
    LINES = "lines"
    RECENT = "recent"
    NONE = "none"


class ReturnReason(StrEnum):
    WRONG_ARTICLE = "wrong_article"
    DAMAGED = "damaged"
    SURPLUS = "surplus"
    QUALITY = "quality"


class FollowupSign(BaseModel):
    """The kind a message's words say, with the references it writes (PO numbers, days)."""

    kind: FollowupKind
    confidence: float = 0.5
    reasons: list[str] = Field(default_factory=list)
    references: list[str] = Field(default_factory=list)  # order numbers written in the message
    return_reason: ReturnReason | None = None
    # An order's text that asks a change and writes a number: a follow-up only if that number
    # is the PO of an order already taken (known when it is linked), else a new order.
    tentative: bool = False
    # The trained model, not the rules, chose the kind: nothing is done by itself on its word.
    by_model: bool = False


class SkuQuantity(BaseModel):
    sku: str
    quantity: float


class OrderChange(BaseModel):
    """A change as the corpus format writes it; `certain` when every part was read surely."""

    add: list[SkuQuantity] = Field(default_factory=list)
    remove: list[str] = Field(default_factory=list)
    set_quantity: list[SkuQuantity] = Field(default_factory=list)
    delivery_date: dt.date | None = None
    certain: bool = False
    unread: list[str] = Field(default_factory=list)  # clauses that asked something not understood

    @property
    def empty(self) -> bool:
        return not (self.add or self.remove or self.set_quantity or self.delivery_date)

    def labelled(self) -> dict[str, object]:
        """The change in the corpus format: sorted, keys that do not apply left out."""
        out: dict[str, object] = {}
        if self.add:
            out["add"] = sorted(({"sku": a.sku, "quantity": a.quantity} for a in self.add), key=str)
        if self.remove:
            out["remove"] = sorted(self.remove)
        if self.set_quantity:
            out["set_quantity"] = sorted(
                ({"sku": s.sku, "quantity": s.quantity} for s in self.set_quantity), key=str
            )
        if self.delivery_date:
            out["delivery_date"] = self.delivery_date.isoformat()
        return out


class ReturnRequest(BaseModel):
    lines: list[SkuQuantity] = Field(default_factory=list)
    reason: ReturnReason | None = None


class FollowupLink(BaseModel):
    """The order a follow-up refers to, how it was found, and the others it could be."""

    refers_to: str | None = None  # the order's Message-ID
    po_number: str | None = None  # to tell apart orders of one message
    link_by: LinkBy = LinkBy.NONE
    candidates: list[str] = Field(default_factory=list)  # Message-IDs a clerk chooses from
    certain: bool = False  # by a PO or the thread, naming one order only


class FollowupResult(BaseModel):
    """A follow-up read, linked and diffed: what the store keeps and the review UI shows."""

    sign: FollowupSign
    link: FollowupLink = Field(default_factory=FollowupLink)
    change: OrderChange | None = None
    returned: ReturnRequest | None = None

    @property
    def kind(self) -> FollowupKind:
        return self.sign.kind
