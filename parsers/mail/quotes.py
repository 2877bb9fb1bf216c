"""Split a body into what the sender writes now, the quoted history and the signature.

A reply's history ("Le ... a écrit :", Outlook's "De : / Envoyé : / Objet :"
block, "-----Original Message-----", "> " lines) goes to `quoted`. A forwarded
original stays in the text, since forwarding it is the point; its sender and
date are read from its header block. Signatures and legal notices go to
`signature`, but never a line that carries a quantity.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from models import Address
from parsers.mail.forwards import header_fields
from parsers.mail.markers import Markers, load_markers

_RULE = re.compile(r"^\s*(_{8,}|-{8,}|={8,})\s*$")
_CONTACT = re.compile(
    r"\b\d{5}\s+[A-ZÉ][\w' -]+|@[\w-]+\.\w+|\bwww\.|https?://"
    r"|\b(?:siret|siren|tva|vat|sarl|sas|sasu|eurl|ltd|gmbh|t[ée]l|tel|fax|mob|portable)\b",
    re.I,
)
_ORDER_WORDS = re.compile(r"\b(livr|command|deliver|ship|order|merci de|pour le|avant le)", re.I)


@dataclass
class Split:
    """A body split in parts; `cut` is where the quoted history starts in the input."""

    text: str
    quoted: str = ""
    signature: str = ""
    forwarded_sender: Address | None = None
    forwarded_date: dt.datetime | None = None
    cut: int | None = None
    signatures: list[str] = field(default_factory=list)
    inline_answers: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Marker:
    index: int  # first line of the marker (a rule above a header block included)
    kind: str  # "reply" or "forward"
    body: int  # first line after the marker itself


def split_reply(text: str, subject: str = "", markers: Markers | None = None) -> Split:
    """Separate new text, quoted history, forwarded original and signature."""
    markers = markers or load_markers()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    forwarding = markers.is_forward_subject(subject)
    marker = _first_marker(lines, markers, forwarding=forwarding)
    if marker is None:
        own, sig = split_signature(lines, markers)
        return Split(text=_join(own), signature=_join(sig))
    if marker.kind == "forward":
        return _forward(lines, marker, markers)
    own_lines, quoted_lines = lines[: marker.index], lines[marker.index :]
    answers, quoted_lines = _interleaved(quoted_lines, marker.body - marker.index, markers)
    if answers:
        own_lines = [*own_lines, "", *answers]
    own, sig = split_signature(own_lines, markers)
    cut = sum(len(line) + 1 for line in lines[: marker.index])
    pairs = _answered_lines(lines[marker.index :], markers) if answers else []
    return Split(
        text=_join(own), quoted=_join(quoted_lines), signature=_join(sig), cut=cut, inline_answers=pairs
    )


def _forward(lines: list[str], marker: _Marker, markers: Markers) -> Split:
    own, sig = split_signature(lines[: marker.index], markers)
    used, sender, date = header_fields(lines[marker.body :], markers)
    block = lines[marker.body : marker.body + used]
    body = _unquote(lines[marker.body + used :])
    # A forward of a forward: the original's own subject ("FW: ...") says its rule opens one more.
    inner = split_reply("\n".join(body), _subject(block, markers), markers)
    kept = [lines[marker.index].lstrip("> \t")] if marker.index < marker.body else []
    kept += [line.lstrip("> ") for line in block if markers.subject_field.match(line.lstrip("> *"))]
    forwarded = _join([*kept, "", *inner.text.split("\n")])
    signature = "\n\n".join(s for s in (_join(sig), inner.signature) if s)
    head = _join(own)
    cut = None
    if inner.cut is not None:
        cut = sum(len(line) + 1 for line in lines[: marker.body + used]) + inner.cut
    return Split(
        text=f"{head}\n\n{forwarded}".strip("\n") if head else forwarded,
        quoted=inner.quoted,
        signature=signature,
        forwarded_sender=inner.forwarded_sender or sender,
        forwarded_date=inner.forwarded_date if inner.forwarded_sender else date,
        cut=cut,
    )


def _subject(block: list[str], markers: Markers) -> str:
    fields = (line.lstrip("> ").strip().strip("*") for line in block)
    found = next((line for line in fields if markers.subject_field.match(line)), "")
    return found.split(":", 1)[1].lstrip("* ").strip() if found else ""


@dataclass(frozen=True)
class Opening:
    """Where a reply's history ("reply") or a forwarded original ("forward") opens in a text."""

    kind: str
    start: int  # the first character of its marker (a rule above a header block included)
    end: int  # the first character after the marker line(s)


def openings(text: str, subject: str = "", markers: Markers | None = None) -> Iterator[Opening]:
    """Every place in `text` where quoted history or a forwarded original opens, top down.

    Under a forward subject ("TR:", "Fwd:") a rule or header block that could open
    either one opens the forwarded original.
    """
    markers = markers or load_markers()
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for marker in _markers(lines, markers, forwarding=markers.is_forward_subject(subject)):
        yield Opening(marker.kind, starts[marker.index], min(starts[marker.body], len(text)))


def _first_marker(lines: list[str], markers: Markers, *, forwarding: bool) -> _Marker | None:
    return next(_markers(lines, markers, forwarding=forwarding), None)


def _markers(lines: list[str], markers: Markers, *, forwarding: bool) -> Iterator[_Marker]:
    ambiguous = "forward" if forwarding else "reply"
    for index, raw in enumerate(lines):
        line = raw.strip().strip("*").strip()
        if not line:
            continue
        if raw.lstrip().startswith(">"):
            # Apple Mail puts "Begin forwarded message:" inside the quote.
            kind = "forward" if markers.forward_rule.match(raw.lstrip("> \t").strip()) else "reply"
            yield _Marker(index, kind, index + 1 if kind == "forward" else index)
        elif markers.forward_rule.match(line):
            yield _Marker(index, "forward", index + 1)
        elif markers.reply_rule.match(line):
            yield _Marker(index, ambiguous, index + 1)
        elif end := attribution_end(lines, index, markers):
            yield _Marker(index, "reply", end)
        elif (markers.from_field.match(line) or markers.date_field.match(line)) and _header_block(
            lines, index, markers
        ):
            yield _Marker(_rule_above(lines, index), ambiguous, index)
        elif _RULE.match(raw) and _subject_below(lines, index, markers):
            # What a forward keeps of Outlook's block: the rule and the original's subject.
            yield _Marker(index, ambiguous, index + 1)


def attribution_end(lines: list[str], index: int, markers: Markers) -> int:
    """The line after an attribution starting at `index` (0 when there is none); Gmail wraps a long
    one ("Le ... X <" / "x@y> a écrit :")."""
    joined = ""
    for end in range(index, min(index + 3, len(lines))):
        part = lines[end].strip()
        if not part or part.startswith(">"):
            break
        joined = f"{joined} {part}".strip()
        # Only the `attribution` shapes may wrap; `attribution_line` ones fit on one line.
        patterns = markers.attribution + markers.attribution_line if end == index else markers.attribution
        if any(p.match(joined) for p in patterns):
            return end + 1
    return 0


def _header_block(lines: list[str], index: int, markers: Markers) -> bool:
    window = [line.strip().strip("*").strip() for line in lines[index : index + 7]]
    one_line = window[0]
    if markers.subject_field.search(one_line.split(":", 1)[-1]) and re.search(
        r"\b(sent|envoy[ée])\s*:", one_line, re.I
    ):
        return True
    window = window[: next((i for i, w in enumerate(window) if not w), len(window))]
    has_from = any(markers.from_field.match(w) for w in window)
    has_date = any(markers.date_field.match(w) for w in window)
    has_subject = any(markers.subject_field.match(w) for w in window)
    has_to = any(markers.to_field.match(w) for w in window)
    return has_from and has_date and (has_subject or has_to)


def _subject_below(lines: list[str], index: int, markers: Markers) -> bool:
    below = next((line.strip().strip("*").strip() for line in lines[index + 1 :] if line.strip()), "")
    return bool(markers.subject_field.match(below))


def _rule_above(lines: list[str], index: int) -> int:
    above = index - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    return above if above >= 0 and _RULE.match(lines[above]) else index


def _interleaved(quoted: list[str], skip: int, markers: Markers) -> tuple[list[str], list[str]]:
    """Answers written between or below "> " quotes are new text; the "> " lines stay quoted.

    Returns (answers, quoted). A further attribution or header block ends the
    answers: what follows it is older history.
    """
    if not any(line.lstrip().startswith(">") for line in quoted[skip:]):
        return [], quoted
    answers: list[str] = []
    history = list(quoted[:skip])
    for index in range(skip, len(quoted)):
        line = quoted[index]
        if line.lstrip().startswith(">"):
            history.append(line)
            continue
        stripped = line.strip().strip("*").strip()
        if stripped and _opens_history(quoted, index, stripped, markers):
            history.extend(quoted[index:])
            break
        answers.append(line)
    if not any(line.strip() for line in answers):
        return [], quoted
    return answers, history


def _answered_lines(lines: list[str], markers: Markers) -> list[tuple[str, str]]:
    """(the quoted line, the answer written right under it) for each answer between "> " quotes,
    up to what opens older history; an answer runs to the next quoted or blank line."""
    pairs: list[tuple[str, str]] = []
    above, answer = "", []
    for index, line in enumerate([*lines, ""]):
        quoted = line.lstrip().startswith(">")
        if answer and (quoted or not line.strip()):
            pairs.append((above, " ".join(answer)))
            above, answer = "", []
        if quoted:
            above = line if line.lstrip("> \t").strip() else above
        elif (
            line.strip()
            and index > 0
            and _opens_history(lines, index, line.strip().strip("*").strip(), markers)
        ):
            break
        elif line.strip() and above:
            answer.append(line.strip())
    return pairs


def _opens_history(lines: list[str], index: int, line: str, markers: Markers) -> bool:
    return bool(
        markers.forward_rule.match(line)
        or markers.reply_rule.match(line)
        or attribution_end(lines, index, markers)
        or (markers.from_field.match(line) and _header_block(lines, index, markers))
    )


def _unquote(lines: list[str]) -> list[str]:
    """A forwarded body quoted with "> " (Apple Mail) loses one level of quoting."""
    filled = [line for line in lines if line.strip()]
    if filled and all(line.lstrip().startswith(">") for line in filled):
        return [re.sub(r"^\s*> ?", "", line) for line in lines]
    return lines


def split_signature(lines: list[str], markers: Markers | None = None) -> tuple[list[str], list[str]]:
    """(text lines, signature lines): the signature starts at a sign-off, a "--" or a
    legal notice with no quantity line after it, or is a closing contact block; a postscript
    under it ends it, and is text."""
    markers = markers or load_markers()
    seen_content = False
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        opener = (
            markers.sign_off.match(line)
            or markers.signature_rule.match(line)
            or markers.disclaimer.search(line)
        )
        if opener and seen_content and not _has_quantities(lines[index + 1 :], markers):
            after = next(
                (i for i in range(index + 1, len(lines)) if markers.postscript.match(lines[i])), None
            )
            if after is not None:  # 'P.S. Scratch item 3' under the sign-off: the order's text again
                return [*_trim(lines[:index]), "", *lines[after:]], lines[index:after]
            return _trim(lines[:index]), lines[index:]
        seen_content = True
    return _contact_block(lines, markers)


def _has_quantities(lines: list[str], markers: Markers) -> bool:
    return any(markers.quantity.search(line) and not markers.phone.search(line) for line in lines)


def _contact_block(lines: list[str], markers: Markers) -> tuple[list[str], list[str]]:
    """A last paragraph of a few short lines with contact details is a signature."""
    trimmed = _trim(lines)
    blank = max((i for i, line in enumerate(trimmed) if not line.strip()), default=-1)
    block = trimmed[blank + 1 :]
    if blank < 0 or not block or len(block) > 8 or any(len(line) > 90 for line in block):
        return lines, []
    first = block[0].strip()
    looks_like_name = (
        not re.search(r"\d", first) and len(first.split()) <= 5 and not first.endswith((".", ":", "?"))
    )
    if not looks_like_name or _ORDER_WORDS.search(" ".join(block)) or _has_quantities(block, markers):
        return lines, []
    if not any(markers.phone.search(line) or _CONTACT.search(line) for line in block):
        return lines, []
    return _trim(trimmed[:blank]), block


def _trim(lines: list[str]) -> list[str]:
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    return lines[:end]


def _join(lines: list[str]) -> str:
    return "\n".join(_trim(lines)).strip("\n")
