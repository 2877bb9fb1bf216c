"""Which kind of document is this: purchase order, quote, invoice, delivery note, credit note?"""

from __future__ import annotations

from models import DocumentKind
from parsers.vocabulary.layout import LayoutVocabulary
from parsers.vocabulary.phrases import match_phrases, normalize

_NUMBER_WORDS = {"n", "no", "nr", "number", "numero", "num"}


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
        numbered = end < len(tokens) and (
            tokens[end] in _NUMBER_WORDS or any(c.isdigit() for c in tokens[end])
        )
        if end * 2 < len(tokens) and not numbered:
            continue
        key = (size, -order, kind)
        if best is None or key[:2] > best[:2]:
            best = key
    return DocumentKind(best[2]) if best else DocumentKind.UNKNOWN
