"""Items named then counted with an x, joined in one sentence: 'On prend les spots 4000K blanc x 20 et les
hublots gris x 6', "we'll take the blue ones x 6 and the red ones x 4"."""

from __future__ import annotations

import re

from models import ExtractedLine
from parsers.text.lines import read_line
from parsers.text.spotting_words import asks

# An x and a count closing an item: the sentence goes on with a mark or a join. Never a dimension's
# second figure ('16 x 20', '4x40') nor a decimal ('2,5 kg').
_COUNT = re.compile(
    r"(?<![\d\s])\s+[x×]\s?\d{1,4}(?![.,]\d)(?=\s*(?:[,;.!]|\b(?:et|and|plus|puis)\b|$))", re.I
)
_JOIN = re.compile(r"[\s,;]*(?:(?:et|and|plus|puis)\s+)?", re.I)
_DETERMINER = re.compile(r"\b(?:les|le|la|l['’]|the|des|some)(?:\s+|(?<=['’]))", re.I)
# 'Ducato III 2.3 JTD -> pl. AV TRW x1, pl. AR TRW x1': what the list is for, an arrow pointing at its items.
ARROW = re.compile(r"\s(?:-+>|=+>|→)\s")


def read_x_counted(line: str, *, part: str, start: int) -> list[ExtractedLine]:
    """Each item of such a sentence, its name from the join or the determiner after the words asking for
    it ('On prend les', 'and the'); nothing unless two or more are counted so and each reads."""
    counts = list(_COUNT.finditer(line))
    if len(counts) < 2:
        return []
    found: list[ExtractedLine] = []
    begin = 0
    for count in counts:
        lead = _JOIN.match(line, begin).end()
        arrow = None if found else ARROW.search(line, lead, count.start())
        lead = arrow.end() if arrow is not None else lead
        determiner = _DETERMINER.search(line, lead, count.start())
        if determiner is not None and (determiner.start() == lead or asks(line[lead : determiner.start()])):
            lead = determiner.end()
        one = read_line(" " * lead + line[lead : count.end()], part=part, start=start)
        if one is None or one.description is None or one.quantity is None:
            return []
        if one.provenance is not None:
            one.provenance = one.provenance.model_copy(update={"span": (start + lead, start + count.end())})
        found.append(one)
        begin = count.end()
    return found
