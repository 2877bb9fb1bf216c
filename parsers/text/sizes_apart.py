"""A count said for an article, then split among its sizes in clauses of their own.

"We'll take 4 cases of the gloves, 2 medium and 2 large", "6 blouses, 3 en M et 3 en L": the sentence
reader reads the article counted and a line per size naming nothing but the size. When those counts
add up to the article's, they are the article in each size: one line each, the article's words and
the size's letter, for the matcher to name the article of that size.
"""

from __future__ import annotations

import re

from models import Extracted, ExtractedLine
from parsers.vocabulary.sizes import size_words

# A size alone, as a clause may write it: 'medium', 'en M', 'in large', 'taille XL', 'the small ones'.
_LEAD = re.compile(r"^\W*(?:(?:en|in|the|les?|la|des|taille|size)\s+)*", re.I)
_TAIL = re.compile(r"\s+(?:ones?|size|taille)\W*$|\W+$", re.I)


def size_alone(text: str) -> str | None:
    """The letter of the size a description is made of alone ('medium': 'M', 'en XL': 'XL'), else None."""
    said = _TAIL.sub("", _LEAD.sub("", text)).strip().lower()
    words = size_words()
    if said in words.spelled:
        return words.spelled[said].upper()
    letters = {letter.lower() for letter in words.letters}
    return said.upper() if said in letters and re.fullmatch(r"[0-9]?x{0,3}[sml]", said) else None


def sizes_said_apart(lines: list[ExtractedLine]) -> list[ExtractedLine]:
    """`lines` with each counted article followed by lines of a size alone, whose counts add up to its
    count, read as that article in each size."""
    read: list[ExtractedLine] = []
    at = 0
    while at < len(lines):
        line, sized = lines[at], _sizes_after(lines, at)
        if not sized:
            read.append(line)
            at += 1
            continue
        read += [_in_size(line, size, letter) for size, letter in sized]
        at += 1 + len(sized)
    return read


def _sizes_after(lines: list[ExtractedLine], at: int) -> list[tuple[ExtractedLine, str]]:
    """The lines after `at` naming a size alone, when there are two or more and their counts make its count."""
    head = lines[at]
    if head.description is None or head.quantity is None or size_alone(head.description.value):
        return []
    sized: list[tuple[ExtractedLine, str]] = []
    for line in lines[at + 1 :]:
        letter = size_alone(line.description.value) if line.description and line.quantity else None
        if letter is None or line.code is not None:
            break
        sized.append((line, letter))
    counted = sum(line.quantity.value for line, _ in sized if line.quantity)
    return sized if len(sized) > 1 and counted == head.quantity.value else []


def _in_size(article: ExtractedLine, size: ExtractedLine, letter: str) -> ExtractedLine:
    words = article.description
    named = Extracted[str](
        value=f"{words.value if words else ''} {letter}".strip(),
        confidence=words.confidence if words else 0.8,
        provenance=words.provenance if words else None,
    )
    return size.model_copy(update={"description": named, "unit": size.unit or article.unit})
