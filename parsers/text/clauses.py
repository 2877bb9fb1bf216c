"""A sentence counting several articles cut into its clauses, where one count ends and the next begins
(parsers/text/spotting.py spots an article in each)."""

from __future__ import annotations

import re
from functools import lru_cache

from parsers.values.numbers import word_numbers
from parsers.vocabulary.phrases import any_of


# Where one count ends and the next begins: a semicolon, a comma before words, or before a figure right
# after a count and its x ('butter blocks x 5, 4 kg clementines'; never 'flour T65, 3 bags'), a join
# before a count, a sentence's end.
@lru_cache(maxsize=1)
def _clause_cut() -> re.Pattern[str]:
    counts = any_of(word_numbers().words)
    return re.compile(
        r";\s*|,\s+(?=\D)|(?:(?<=[x×]\d)|(?<=[x×]\s\d)|(?<=[x×]\d\d)|(?<=[x×]\s\d\d)),\s+(?=\d)|(?<=[.!])\s+(?=[A-ZÀ-ÖØ-Þ])"
        # or opening on a count after a word (no abbreviation: 'réf. 0986', 'No. 5'): '... rear discs. 6 pollen filters'
        r"|(?<=[^\W\d_]{4}[.!])\s+(?=\d+\s+[^\W\d_])"
        rf"|\s+(?i:et|and|puis|then|plus)\s+(?=\d|(?i:a|an|{counts})\b)"
    )


# A comma before a figure: most such figures count the name before them ('flour T65, 3 bags').
FIGURE_CUT = re.compile(r",\s+(?=\d)")


def cut_clauses(row: str, cuts: re.Pattern[str] | None = None) -> list[tuple[str, int]]:
    """A sentence counting several articles, cut where one count ends and the next begins."""
    found, at = [], 0
    for cut in [*(cuts or _clause_cut()).finditer(row), None]:
        end = cut.start() if cut else len(row)
        if row[at:end].strip():
            found.append((row[at:end], at))
        at = cut.end() if cut else end
    return found
