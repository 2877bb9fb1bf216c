"""Messages about an earlier order: linked to it, their change read as a diff against it.

Names are read from their module on first use: deciding a follow-up against the store
(`resolve_followup`) does not load what reading one in a worker needs (the readers).
"""

from __future__ import annotations

from models.lazy import lazy_face

_WHERE = {
    "ANSWER_RULE": "intake.followups.answers",
    "offers_a_choice": "intake.followups.answers",
    "OrderLines": "intake.followups.order_article",
    "compute_change": "intake.followups.diff",
    "EACH_RULE": "intake.followups.each",
    "LinkInputs": "intake.followups.link",
    "link_followup": "intake.followups.link",
    "FollowupLookups": "intake.followups.resolve",
    "FollowupReading": "intake.followups.resolve",
    "read_followup": "intake.followups.resolve",
    "resolve_followup": "intake.followups.resolve",
    "revised_po": "intake.followups.resolve",
    "thread_ids": "intake.followups.resolve",
    "read_against_thread": "intake.followups.thread",
    "read_thread": "intake.followups.thread",
}
__all__ = sorted(_WHERE)

__getattr__, __dir__ = lazy_face(__name__, _WHERE)
