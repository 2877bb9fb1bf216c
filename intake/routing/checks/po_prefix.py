"""A PO whose first word may be its label or a part of the number.

ERPs print order numbers that open with the letters of a label ('BC 26-1187', 'PO 55120'),
and customers put those letters before a number as a label of their own ('BC 2026-0415' for
"bon de commande 2026-0415"). Written after another label ('Notre bon de commande : BC 26-1187',
a document titled 'BON DE COMMANDE' over 'BC 26-0918'), the short word may be either: the one
the reader keeps or drops is a guess, and a PO one word off is an invoice the customer's
accounts payable rejects. The message settles it when it writes the number elsewhere without
the word; otherwise a clerk reads both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from intake.routing.checks.context import CheckContext
from intake.routing.checks.po import file_words, po_visible
from intake.routing.checks.reading import default_reading_rules
from models import ReviewReason
from parsers.vocabulary.phrases import any_of

# Order words that label a number on their own ('Commande BC 26-1187', 'Order: PO 55120').
_ORDER_WORDS = ("commande", "order", "bestellung", "pedido", "auftrag")
_NUMBER_SIGN = r"(?:n°|no\.?|nr\.?|#|num[ée]ro|number)"


def check_po_prefix(ctx: CheckContext) -> list[ReviewReason]:
    """The PO read is written only after a short label word that an order number may also open
    with, that word itself after another label: which of the two readings is the PO, a clerk says."""
    po = ctx.matched.order.po_number
    if po is None or not po_visible(ctx):
        return []
    kept = _patterns()[0].fullmatch(po.value)
    if kept is not None:  # the word read as part of the number: dropped, it is the number after it
        return [_ambiguous(po.value, po.value, kept["rest"])]
    written = list(_writings(_texts(ctx), po.value))
    if not written or any(word is None for word in written):
        return []
    word = next(w for w in written if w)
    return [_ambiguous(f"{word} {po.value}", po.value, f"{word} {po.value}")]


def _ambiguous(written: str, read: str, other: str) -> ReviewReason:
    return ReviewReason(
        code="po_prefix_ambiguous",
        message=f'the PO is written "{written}": read "{read}", it may be "{other}" '
        "(its first word a label, or part of the number)",
        field="po_number",
        quoted=written,
    )


def _texts(ctx: CheckContext) -> Iterator[tuple[str, bool]]:
    """Everything the customer wrote, each as lines (a document's rows one under the other), and
    whether it is a document titled as an order ('BON DE COMMANDE' in a row or a cell of its own): the
    title labels a number standing alone in a cell of its head, wherever the layout puts it."""
    parsed, rows = ctx.parsed, [row.text for row in ctx.matched.order.rows]
    yield from (
        (text, False) for text in (parsed.subject, parsed.text, parsed.signature or "", parsed.quoted)
    )
    title = _patterns()[3]
    yield "\n".join(rows), any(title.fullmatch(cell.strip()) for row in rows for cell in row.split("|"))
    yield from ((file_words(a.filename), False) for a in parsed.attachments)


def _writings(texts: Iterator[tuple[str, bool]], value: str) -> Iterator[str | None]:
    """How each writing of `value` is opened: by a short label word itself after another label
    (the word), or by nothing of the kind (None). A writing whose word opens the text or its line
    with no label before ('BC 2026-0415' as a subject) reads that word as the label: not yielded."""
    word_before, labelled, title = _patterns()[1:]
    number = re.compile(rf"(?<![\w\-/.]){re.escape(value)}(?![\w\-/])", re.I)
    for text, titled in texts:
        above = ""
        for line in text.splitlines():
            for found in number.finditer(line):
                prefix = line[: found.start()]
                word = word_before.search(prefix)
                if word is None:
                    yield None
                    continue
                before = prefix[: word.start()]
                if _in_label(labelled, prefix, word.start()):
                    yield None  # the word ends a label of several words ('Order ref', 'n° BC')
                elif labelled.search(before) or (
                    _opens(before) and (titled or title.fullmatch(above.strip()) is not None)
                ):
                    yield word["word"]
            above = line if line.strip() else above


def _opens(before: str) -> bool:
    """The word opens its line or its cell ('... | BC 26-0918')."""
    return not before.strip() or before.rstrip().endswith("|")


def _in_label(labelled: re.Pattern[str], prefix: str, start: int) -> bool:
    found = labelled.search(prefix)
    return found is not None and found.start() < start


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The value read opening with a short label word; such a word right before a number; a label
    ending a text ('Notre bon de commande :'); a label standing as a title ('BON DE COMMANDE')."""
    rules = default_reading_rules()
    words = any_of(rules.po_abbreviations) or "$^"
    labels = sorted((*rules.po_labels, *_ORDER_WORDS), key=len, reverse=True)
    label = "(?:" + "|".join(re.escape(w) for w in labels) + ")"
    return (
        re.compile(rf"(?P<word>{words})\s+(?P<rest>\S*\d\S*)", re.I),
        re.compile(rf"(?<![\w.])(?P<word>{words})[ \t]+$", re.I),
        re.compile(rf"(?<![\w]){label}\.?\s*{_NUMBER_SIGN}?\s*[:#°=]?\s*$", re.I),
        re.compile(rf"{label}\.?\s*{_NUMBER_SIGN}?\s*[:#°=]?", re.I),
    )
