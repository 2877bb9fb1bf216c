"""A PO number the message mentions must have been read.

An order accepted without the PO number its customer wrote is an invoice
their accounts payable rejects. The subject, the order part of the body and
a document's header are searched for a PO label followed by a reference
(reading.toml), and for a reference shaped like the customer's past PO
numbers; when one is there and the order has no PO, a clerk reads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from intake.routing.checks.context import CheckContext
from intake.routing.checks.coverage import body_spans
from intake.routing.checks.po_recalled import recalled_reference
from intake.routing.checks.reading import ReadingRules, default_reading_rules
from models import Provenance, ReviewReason
from parsers.mail.markers import load_markers
from parsers.text.rule_names import PO_HEADING as SECTION_RULE

_DATE_OR_PHONE = re.compile(r"\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?|0\d{9}|\d{1,2}")
_SHAPE_TOKEN = re.compile(r"[\w\-/.]+")
# A reference: letters and digits together (BC-2025-0412, PO7731), or a long number (4500012345).
_REFERENCE = re.compile(
    r"(?<![\w\-/])(?:(?=[\w\-/.]*\d)(?=[\w\-/.]*[^\W\d_])[^\W_][\w\-/.]{3,}|\d{5,12})(?![\w\-/])"
)
SENTENCE_REACH = 80
# A past PO teaches a shape only when it is distinctive: a few digits at least.
MIN_SHAPE_DIGITS = 4


def check_po_read(ctx: CheckContext) -> list[ReviewReason]:
    """A PO label with a reference, or a reference shaped like a past PO, and no PO read."""
    return read_po_mentions(ctx).finish(ctx)


class PoMentions(BaseModel):
    """What `check_po_read` reads of the message alone, where it is read; `finish` adds the
    customer's past (the shapes of its PO numbers), where the store is.

    The places are looked at in turn, a labelled reference winning over a shaped one at its
    place: `before` holds those before the first labelled one (`labelled`), all of them when none is."""

    before: list[tuple[str, Provenance]] = []
    labelled: tuple[str, Provenance] | None = None
    repeated: tuple[str, Provenance] | None = None
    recalled: tuple[str, Provenance] | None = None
    signed: tuple[str, Provenance] | None = None

    def finish(self, ctx: CheckContext) -> list[ReviewReason]:
        shapes = past_po_shapes(ctx)
        for text, where in self.before if shapes else ():
            found = _shaped_like(text, shapes)
            if found is not None:
                return [_unread_po(found[0], _narrowed(where, *found[1]))]
        found = self.labelled or self.recalled or self.repeated or self.signed
        return [_unread_po(*found)] if found is not None else []


def read_po_mentions(ctx: CheckContext) -> PoMentions:
    if ctx.matched.order.po_number is not None:
        return PoMentions()
    rules = default_reading_rules()
    known = article_codes(ctx)
    places = list(_places(ctx))
    for n, (text, where) in enumerate(places):
        found = mentioned_po(text, rules, known)
        if found is not None:
            return PoMentions(before=places[:n], labelled=(found[0], _narrowed(where, *found[1])))
    # 'Bon de commande HPR-DA-26-0933' under the sender's address: a labelled number in the sign-off.
    signed = mentioned_po(ctx.parsed.signature, rules, known) if ctx.parsed.signature else None
    recalled = recalled_reference(places, rules, known)
    return PoMentions(
        before=places,
        recalled=(recalled[0], _narrowed(recalled[2], *recalled[1])) if recalled else None,
        repeated=repeated_reference(places, known),
        signed=(signed[0], Provenance(part="signature", span=signed[1], rule="signature"))
        if signed
        else None,
    )


def _unread_po(value: str, where: Provenance) -> ReviewReason:
    return ReviewReason(
        code="po_unread",
        message=f'a PO number is mentioned ("{value}") but none was read',
        field="po_number",
        provenance=where,
        quoted=value,
    )


def repeated_reference(
    places: list[tuple[str, Provenance]], known: frozenset[str]
) -> tuple[str, Provenance] | None:
    """A reference written in two places of the order without a label: the subject, the body,
    a document's header, the document's file name ('RIE-4812' above the table, in the body
    and as the PDF's name). An order's own number is what a customer repeats so; a quote's or an
    invoice's, named so ('RE: Devis D26-1180', 'votre devis D26-1180'), is not."""
    not_po = default_reading_rules().not_po_pattern
    seen: dict[str, set[str]] = {}
    first: dict[str, tuple[str, Provenance]] = {}
    for text, where in places:
        for token in _REFERENCE.finditer(text):
            value = token.group().rstrip(".-/")
            if not _repeatable(value) or not _is_po(value, known) or not_po.search(text[: token.start()]):
                continue
            key = _alnum(value)
            seen.setdefault(key, set()).add(f"{where.part}:{where.rule}")
            first.setdefault(key, (value, _narrowed(where, token.start(), token.start() + len(value))))
            if len(seen[key]) >= 2:
                return first[key]
    return None


# Letters and digits together, or a long number that is no phone (a postcode has five digits).
_REPEATABLE = re.compile(r"(?=.*\d)(?=.*[^\W\d_]).{5,}|[1-9]\d{5,11}")


def _repeatable(value: str) -> bool:
    return bool(_REPEATABLE.fullmatch(value))


def check_po_written(ctx: CheckContext) -> list[ReviewReason]:
    """A PO read that the message writes nowhere: a character misread, or a reference made up.

    The PO is looked for, letters and digits alone, in everything the customer wrote that
    the check can see: the subject, the body and its history, every row of a document,
    an attachment's name or text. A document that shows no row is not second-guessed.
    """
    po = ctx.matched.order.po_number
    wanted = _alnum(po.value) if po is not None else ""
    if not wanted or not po_visible(ctx) or any(writes_reference(text, wanted) for text in _all_texts(ctx)):
        return []
    assert po is not None
    return [
        ReviewReason(
            code="po_not_written",
            message=f'the PO read ("{po.value}") is written nowhere in the message',
            field="po_number",
            provenance=po.provenance,
            quoted=po.value,
        )
    ]


# "notre n° est BC-3321 et non BC-3312", "PO-7731 not PO-7713", "au lieu de BC-..."
_DENIED = re.compile(
    r"(?:\bet\s+non|\bpas|\bnot|\bau\s+lieu\s+d[e'’]|\binstead\s+of|\brather\s+than)\W*$", re.I
)
# A word each of `_DENIED`'s phrases holds: a text without one denies no reference.
_DENIAL_WORD = re.compile(r"non|pas|not|lieu|instead|rather", re.I)


def check_po_contradicted(ctx: CheckContext) -> list[ReviewReason]:
    """A PO read that the message itself corrects: written just after 'et non' / 'not' / 'au lieu
    de', or the attached document it was read from named after another reference of its shape."""
    po = ctx.matched.order.po_number
    if po is None or not po_visible(ctx):
        return []
    wanted, shape = _alnum(po.value), po_shape(po.value)
    for text in _all_texts(ctx):
        if not _DENIAL_WORD.search(text):
            continue
        for match in _SHAPE_TOKEN.finditer(text):
            if _alnum(match.group()) == wanted and _DENIED.search(
                text[max(0, match.start() - 30) : match.start()]
            ):
                return [_contradicted(po.value, f"the message says it is not {po.value}")]
    for attachment in ctx.parsed.attachments:
        if attachment.part_name != ctx.matched.order.part:
            continue
        for match in _SHAPE_TOKEN.finditer(file_words(attachment.filename)):
            token = match.group().rstrip(".-/")
            if po_shape(token) == shape and _alnum(token) != wanted:
                return [
                    _contradicted(po.value, f"the document it was read from is named {attachment.filename}")
                ]
    return []


def check_po_single(ctx: CheckContext) -> list[ReviewReason]:
    """A PO read beside another PO the order part names: two orders written in one message (one per
    branch, per site, per day), or the reader took the wrong one. One record cannot carry both."""
    po = ctx.matched.order.po_number
    if po is None or not po_visible(ctx) or po.provenance.rule == SECTION_RULE:
        return []  # the body was cut into one order under each PO's heading: the others are siblings
    rules, known, wanted = default_reading_rules(), article_codes(ctx), _alnum(po.value)
    for text, where in _places(ctx):
        if where.rule == "file-name":
            continue  # a file named after another reference is the contradicted check's
        found = mentioned_po(text, rules, known)
        if found is None or _alnum(found[0]) == wanted or _elsewhere(ctx, found[0]):
            continue
        if _letters_off(wanted, _alnum(found[0])):
            continue  # 'n° BC 26-0412' read whole or after its letters: the prefix check's question
        return [
            ReviewReason(
                code="po_several",
                message=f'the message names two PO numbers, "{po.value}" read and "{found[0]}": one order each?',
                field="po_number",
                provenance=_narrowed(where, *found[1]),
                quoted=found[0],
            )
        ]
    return _recalled_besides(ctx, wanted, rules, known)


def _letters_off(wanted: str, other: str) -> bool:
    """The other reference is the PO read without the letters opening it ('bc260412' and '260412')."""
    return len(other) < len(wanted) and wanted.endswith(other) and wanted[: -len(other)].isalpha()


def _recalled_besides(
    ctx: CheckContext, wanted: str, rules: ReadingRules, known: frozenset[str]
) -> list[ReviewReason]:
    """A PO read and another coded reference the customer's own words (not a document's rows) ask back on our
    delivery note or invoice ('OT 26-0977 à rappeler sur le BL'): their accounts match our documents with it."""
    own = [(text, where) for text, where in _places(ctx) if where.part in ("subject", ctx.parsed.text_part)]
    found = recalled_reference(own, rules, known)
    other = _alnum(found[0]) if found and _CODED.search(found[0]) else wanted
    if found is None or other in wanted or wanted in other or _elsewhere(ctx, found[0]):
        return []  # none, no code, or the PO itself with or without its label letters
    message = f'the customer asks for "{found[0]}" on our documents besides the PO read: which one?'
    reason = ReviewReason(code="po_asked_back", message=message, field="po_number", quoted=found[0])
    return [reason.model_copy(update={"provenance": _narrowed(found[2], *found[1])})]


def _elsewhere(ctx: CheckContext, reference: str) -> bool:
    """The other reference is another order's of the same message or thread: an attached document
    named after it (each document its own order), the earlier order a reply or a forward answers (its
    subject or the quoted history writes it), or one the message denies."""
    parsed = ctx.parsed
    named = (file_words(a.filename) for a in parsed.attachments)
    if any(writes_reference(name, reference) for name in named):
        return True
    markers = load_markers()
    threaded = markers.is_reply_subject(parsed.subject) or markers.is_forward_subject(parsed.subject)
    if (threaded and writes_reference(parsed.subject, reference)) or writes_reference(
        parsed.quoted, reference
    ):
        return True
    return _denied(ctx, reference)


def _denied(ctx: CheckContext, reference: str) -> bool:
    """The message says the reference is not the order's ('notre n° est BC-3321 et non BC-3312')."""
    wanted = _alnum(reference)
    return any(
        _alnum(match.group()) == wanted and _DENIED.search(text[max(0, match.start() - 30) : match.start()])
        for text in _all_texts(ctx)
        for match in _SHAPE_TOKEN.finditer(text)
    )


def _contradicted(value: str, why: str) -> ReviewReason:
    return ReviewReason(
        code="po_contradicted",
        message=f'the PO read ("{value}") is contradicted: {why}',
        field="po_number",
        quoted=value,
    )


def _alnum(text: str) -> str:
    upper = text.upper()
    return upper if upper.isalnum() else _NOT_ALNUM.sub("", upper)


_CODED = re.compile(r"\d[-/]\d|[A-Z][-/]?\d")
# What str.isalnum refuses: `\w` is isalnum and the underscore.
_NOT_ALNUM = re.compile(r"[\W_]+")


def po_visible(ctx: CheckContext) -> bool:
    """The PO was read from the message (it says where) and the check sees what it was read
    from: the message's text, or the document's rows. A PO a clerk or a system typed in has
    no place in a message."""
    order, po = ctx.matched.order, ctx.matched.order.po_number
    if po is None or po.provenance is None or order.source in ("manual", "api"):
        return False
    return order.source == "email" or bool(order.rows)


def _all_texts(ctx: CheckContext) -> Iterator[str]:
    parsed = ctx.parsed
    yield from (parsed.subject, parsed.text, parsed.signature or "", parsed.quoted, parsed.html or "")
    yield from (row.text for row in ctx.matched.order.rows)
    for attachment in parsed.attachments:
        yield attachment.filename
        if attachment.content_type.startswith("text/") or attachment.content_type.endswith("xml"):
            yield attachment.data.decode("utf-8", errors="replace")


def writes_reference(text: str, reference: str) -> bool:
    """The reference is written in `text` as a whole: in one word or a few beside each other
    ('PO 7731', 'BC-2025-0412'), a label glued before it ('PO7731') allowed, never a longer number."""
    wanted = _alnum(reference)
    words = [_alnum(w) for w in _SHAPE_TOKEN.findall(text)]
    words = [w for w in words if w]
    for start in range(len(words)):
        joined = ""
        for word in words[start : start + 4]:
            joined += word
            if joined == wanted or (joined.endswith(wanted) and joined[: -len(wanted)].isalpha()):
                return True
            if len(joined) >= len(wanted) + 8:
                break
    return False


def _places(ctx: CheckContext) -> Iterator[tuple[str, Provenance]]:
    parsed, order = ctx.parsed, ctx.matched.order
    if parsed.subject:
        yield parsed.subject, Provenance(part="subject", span=(0, len(parsed.subject)), rule="subject")
    yield from body_spans(parsed.text, parsed.text_part, parsed.subject)
    for row in order.rows:
        if row.region != "lines" and row.provenance is not None:
            yield row.text, row.provenance
    for attachment in parsed.attachments:
        # "commande_EPI-26-553.csv": an ERP names the file after the order.
        name = file_words(attachment.filename)
        yield name, Provenance(part=attachment.part_name, rule="file-name")


def mentioned_po(
    text: str, rules: ReadingRules, known: frozenset[str] = frozenset()
) -> tuple[str, tuple[int, int]] | None:
    """The first PO reference `text` mentions (not a quote's or an invoice's), with its span.

    A reference right after its label first ("n° de commande BC-2025-0412");
    else a reference in the label's sentence ("notre n° de commande,
    BC-2025-0412, sur le BL"), an article code of the order (`known`) excepted.
    """
    for pattern in (rules.po_pattern, rules.po_word_pattern):
        for match in pattern.finditer(text):
            value = match["po"].rstrip(".-/")
            if _is_po(value, known) and not rules.not_po_pattern.search(text[: match.start()]):
                return value, match.span("po")
    for label in rules.po_label_pattern.finditer(text):
        if rules.not_po_pattern.search(text[: label.start()]):
            continue
        start, end = _sentence(text, label.start(), label.end())
        for token in _REFERENCE.finditer(text, start, end):
            value = token.group().rstrip(".-/")
            if _is_po(value, known):
                return value, (token.start(), token.start() + len(value))
    return None


def article_codes(ctx: CheckContext) -> frozenset[str]:
    """The codes the order's lines were read with and the catalogue's skus: no PO, when near a label."""
    read = {c.value.upper() for m in ctx.matched.lines for c in [m.line.code, *m.line.alt_codes] if c}
    return frozenset(read | {sku.upper() for sku in ctx.products})


def _is_po(value: str, known: frozenset[str]) -> bool:
    return not _DATE_OR_PHONE.fullmatch(value) and value.upper() not in known


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence around [start, end), at most `SENTENCE_REACH` characters each side."""
    before = max(text.rfind(stop, 0, start) for stop in ("\n", ". ", "! ", "? "))
    after = [i for i in (text.find(stop, end) for stop in ("\n", ". ", "! ", "? ")) if i >= 0]
    return max(before + 1, start - SENTENCE_REACH), min(min(after, default=len(text)), end + SENTENCE_REACH)


def past_po_shapes(ctx: CheckContext) -> set[str]:
    """The shapes of the customer's past PO numbers ('BC-2025-0412' -> 'BC-9999-9999')."""
    if ctx.history is None:
        return set()
    shapes = {po_shape(o.po_number) for o in ctx.history.orders if o.po_number}
    return {s for s in shapes if s.count("9") >= MIN_SHAPE_DIGITS}


def po_shape(value: str) -> str:
    """Digits become 9, letters are kept (upper case): references of one series share a shape."""
    return "".join("9" if ch.isdigit() else ch.upper() for ch in value.strip())


def _shaped_like(text: str, shapes: set[str]) -> tuple[str, tuple[int, int]] | None:
    if not shapes:
        return None
    for match in _SHAPE_TOKEN.finditer(text):
        token = match.group().rstrip(".-/")
        if po_shape(token) in shapes:
            return token, (match.start(), match.start() + len(token))
    return None


def _narrowed(where: Provenance, start: int, end: int) -> Provenance:
    """The reference's own span inside a text line; a document row stays whole."""
    if where.span is None:
        return where
    return where.model_copy(update={"span": (where.span[0] + start, where.span[0] + end)})


def file_words(filename: str) -> str:
    """A file's name as words: "commande_EPI-26-553.csv" -> "commande EPI-26-553"."""
    return filename.rsplit(".", 1)[0].replace("_", " ")
