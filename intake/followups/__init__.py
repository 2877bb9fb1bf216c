"""Messages about an earlier order: linked to it, their change read as a diff against it."""

from intake.followups.answers import ANSWER_RULE, offers_a_choice
from intake.followups.diff import OrderLines, compute_change
from intake.followups.each import EACH_RULE
from intake.followups.link import LinkInputs, link_followup
from intake.followups.resolve import (
    FollowupLookups,
    FollowupReading,
    read_followup,
    resolve_followup,
    revised_po,
    thread_ids,
)
from intake.followups.thread import read_against_thread, read_thread

__all__ = [
    "ANSWER_RULE",
    "EACH_RULE",
    "FollowupLookups",
    "FollowupReading",
    "LinkInputs",
    "OrderLines",
    "compute_change",
    "link_followup",
    "offers_a_choice",
    "read_against_thread",
    "read_followup",
    "read_thread",
    "resolve_followup",
    "revised_po",
    "thread_ids",
]
