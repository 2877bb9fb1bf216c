"""Where a forward's own words end and the message it forwards begins, in a body and its subject."""

from __future__ import annotations

from parsers.mail.forwards import kept_subject
from parsers.mail.markers import load_markers
from parsers.mail.quotes import Opening, openings


def split_forward(text: str, subject: str = "") -> tuple[str, str, int]:
    """(the forwarder's own text, the forwarded text, where it starts); no forward -> (text, "", len)."""
    found = next((o for o in openings(text, subject) if o.kind == "forward"), None)
    if found is None and is_forward_subject(subject):
        kept = kept_subject(text, load_markers())
        found = next(openings(text, subject), None) or (Opening("forward", *kept) if kept else None)
    if found is None:
        return text, "", len(text)
    return text[: found.start], text[found.end :], found.end


def original_start(text: str, subject: str = "") -> int:
    """Where the message forwarded deepest starts: under a forward of a forward, past every forwarder's
    words (a middle approver's 'Fine, but not the sprinklers'); len(text) when nothing is forwarded."""
    _own, forwarded, at = split_forward(text, subject)
    if not forwarded:
        return len(text)
    at = max([at, *(o.end for o in openings(text, subject) if o.kind == "forward")])
    markers = load_markers()
    while (
        kept := kept_subject(text[at:], markers)
    ) is not None:  # Outlook's blocks, each down to its subject
        at += kept[1]
    return at


def is_forward_subject(subject: str) -> bool:
    """'TR :', 'Fwd:', 'FW:', 'WG:': the message forwards another one."""
    return load_markers().is_forward_subject(subject)


def is_reply_subject(subject: str) -> bool:
    """'Re:', 'RE :', 'AW:': the subject names an earlier message, not this order."""
    return load_markers().is_reply_subject(subject)
