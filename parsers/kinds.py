"""Which kind of document is this: purchase order, quote, invoice, delivery note, credit note?"""

from __future__ import annotations

from models import DocumentKind
from parsers.vocabulary import LayoutVocabulary, match_phrases, normalize


def kind_of_title(lines: list[tuple[str, float]], vocab: LayoutVocabulary) -> DocumentKind:
    """The kind named in the biggest type among the first lines; ties go to the earliest.

    `lines` are (text, font height) in reading order, from the top of the document.
    """
    best: tuple[float, int, str] | None = None
    for order, (text, size) in enumerate(lines):
        spans = match_phrases(normalize(text).split(), vocab.kinds)
        if not spans:
            continue
        key = (size, -order, spans[0][0])
        if best is None or key[:2] > best[:2]:
            best = key
    return DocumentKind(best[2]) if best else DocumentKind.UNKNOWN
