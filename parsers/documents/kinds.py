"""Which kind of document is this: purchase order, quote, invoice, delivery note, credit note?"""

from __future__ import annotations

from models import DocumentKind
from parsers.values.dates import find_date
from parsers.vocabulary.layout import LayoutVocabulary
from parsers.vocabulary.phrases import match_phrases, normalize

_NUMBER_WORDS = {"n", "no", "nr", "number", "numero", "num"}
# 'Commande CF-2231 du 19/11/2026', 'Order AB-7712 of 19 Nov 2026': the title's date after its number.
_DATE_JOINERS = {"du", "le", "en", "of", "dated", "from", "vom"}


def kind_of_title(cells: list[tuple[str, float]], vocab: LayoutVocabulary) -> DocumentKind:
    """The kind named by a title among the first cells of a document, the biggest type first.

    `cells` are (text, font height) in reading order. A title starts its cell and is
    most of it ('BON DE COMMANDE'), or is followed by its number ('Facture n° 12'):
    a word in a sentence ('... sur la facture') names no kind.
    """
    best: tuple[float, int, str] | None = None
    for order, (text, size) in enumerate(cells):
        tokens = normalize(text).split()
        spans = match_phrases(tokens, vocab.kinds)
        if not spans or spans[0][1] != 0:
            continue
        kind, _, end = spans[0]
        # 'Bestellung BE-08169': the rest of the cell is the document's number.
        rest = tokens[end:]
        numbered = bool(rest) and (
            rest[0] in _NUMBER_WORDS
            or any(c.isdigit() for c in rest[0])
            or (len(rest) <= 3 and any(c.isdigit() for c in "".join(rest)))
        )
        if end * 2 < len(tokens) and not numbered:
            continue
        key = (size, -order, kind)
        if best is None or key[:2] > best[:2]:
            best = key
    return DocumentKind(best[2]) if best else DocumentKind.UNKNOWN


def titled_number(words: list[str], vocab: LayoutVocabulary) -> int | None:
    """Where the number follows a purchase-order title: 'BON DE COMMANDE DP-2026-03402' -> 3.

    The title starts the words; 'n°', 'no', '#' or ':' may sit between it and the
    number. The index is of the word after the title (it may be past the end:
    the number is then in the next cell). None when the words start with no title.
    """
    titles = vocab.kinds.get("purchase_order", ())
    for size in range(min(4, len(words)), 0, -1):
        if normalize(" ".join(words[:size])) not in titles:
            continue
        index = size
        while index < len(words) and (
            normalize(words[index]) in _NUMBER_WORDS or not normalize(words[index])
        ):
            index += 1
        return index
    return None


def ends_title(words: list[str], at: int) -> bool:
    """Is the number at `at` the title's last word, or followed by nothing but the order's date?"""
    rest = words[at + 1 :]
    if not rest:
        return True
    found = find_date(" ".join(rest[1:])) if normalize(rest[0]) in _DATE_JOINERS and len(rest) <= 6 else None
    return found is not None and found[1] <= len("date du ")
