"""Items run on in one name with no mark between them: 'six paires de gants cuir docker en 10 trois
casques blancs ventilés deux harnais 3 points taille m/l', 'two boxes of nitrile gloves M three sharps
bins 5L'. A reader takes the first count and every word after it as one name. Catalogue first: the
name is cut before each count written in words only when the whole names no article surely and each
piece, the first and every counted one after it, names one surely (`spotting.spot_lines`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from models import Extracted, ExtractedLine, Provenance
from parsers.text.codes import CodeBook
from parsers.text.spotting import SURE, spot_lines
from parsers.values.numbers import word_numbers
from parsers.vocabulary.phrases import any_of

# Readers whose name runs from the count to where the sentence stops.
_RUNNING = frozenset({"text-prose", "text-quantity-designation"})


@lru_cache(maxsize=1)
def _count_word() -> re.Pattern[str]:
    """A count of two or more in words opening words, inside a name ('... en 10 trois casques ...');
    'un'/'one' open too many names ('veste un rang') to cut at."""
    words = any_of(w for w, n in word_numbers().words.items() if n >= 2 and " " not in w)
    return re.compile(rf"\s(?=(?:{words})\s+[^\W\d_])", re.I)


def split_run_ons(found: list[ExtractedLine], book: CodeBook | None, *, part: str) -> list[ExtractedLine]:
    """The lines read, each name running over several counted items cut into a line per item."""
    names = getattr(book, "names_article", None)
    if names is None:
        return found
    return [piece for line in found for piece in _split(line, book, names, part=part)]


def _split(
    line: ExtractedLine, book: CodeBook, names: Callable[[str], float], *, part: str
) -> list[ExtractedLine]:
    where = line.description.provenance if line.description else None
    rule = line.provenance.rule if line.provenance else None
    if where is None or where.span is None or rule not in _RUNNING or line.code is not None:
        return [line]
    desc, begin = line.description.value, where.span[0]
    cuts = [cut.start() for cut in _count_word().finditer(desc)]
    if not cuts or names(desc) >= SURE or names(desc[: cuts[0]].strip()) < SURE:
        return [line]
    pieces = [
        (desc[cut + 1 : end].rstrip(), begin + cut + 1)
        for cut, end in zip(cuts, [*cuts[1:], len(desc)], strict=True)
    ]
    spotted = [spot_lines([piece], book, part=part) for piece in pieces]
    if any(
        len(lines) != 1 or not _counted_first(lines[0], at)
        for lines, (_, at) in zip(spotted, pieces, strict=True)
    ):
        return [line]
    head = desc[: cuts[0]].rstrip()
    line.description = Extracted[str](
        value=head,
        confidence=line.description.confidence,
        provenance=Provenance(part=where.part, span=(begin, begin + len(head)), rule=where.rule),
    )
    if line.provenance is not None and line.provenance.span is not None:
        line.provenance = line.provenance.model_copy(
            update={"span": (line.provenance.span[0], begin + len(head))}
        )
    return [line, *(lines[0] for lines in spotted)]


def _counted_first(line: ExtractedLine, at: int) -> bool:
    """The piece's own count opens it: the line spotted counts the item the cut opened."""
    where = line.quantity.provenance if line.quantity else None
    return where is not None and where.span is not None and where.span[0] == at
