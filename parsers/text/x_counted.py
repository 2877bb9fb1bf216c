"""Items named then counted with an x, joined in one sentence: 'On prend les spots 4000K blanc x 20 et les
hublots gris x 6', "we'll take the blue ones x 6 and the red ones x 4"."""

from __future__ import annotations

import re
from decimal import Decimal

from models import ExtractedLine
from parsers.text.extracted import line_from_parts
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


# A count and its x opening an item of a sentence's list, after the sentence's start, a colon, a comma, a
# join or words asking for goods ('please send: 4 x RCBO 16A type A, 4 x RCBO 20A type A and 1 x surge
# protector', "merci d'envoyer 4 x pipettes 10 mL et 2 x portoirs").
_OPENS = re.compile(r"(?<![\w.,])(?P<n>\d{1,4})\s?[x×]\s+(?=[^\W_])", re.I)
_AFTER = re.compile(r"(?:^|[:,;]|\b(?:et|and|plus|puis))\s*$", re.I)
_ITEM_END = re.compile(r"[.!?](?:\s.*)?$|\s*[,;]?\s*(?:\b(?:et|and|plus|puis)\b)?\s*$", re.I | re.S)


def read_x_first(line: str, *, part: str, start: int) -> list[ExtractedLine]:
    """Each item of a sentence listing two or more counted first with an x, read up to the next one or the
    sentence's end; nothing unless each reads with its own count."""
    opens = [
        item
        for item in _OPENS.finditer(line)
        if _AFTER.search(line, 0, item.start()) or asks(line[: item.start()].rstrip(" :"))
    ]
    if len(opens) < 2:
        return []
    found: list[ExtractedLine] = []
    for at, item in enumerate(opens):
        end = opens[at + 1].start() if at + 1 < len(opens) else len(line)
        text = line[item.start() : end]
        text = text[: _ITEM_END.search(text).start()]
        name = text[item.end() - item.start() :]
        if not re.search(r"[^\W\d_]{2}", name):
            return []
        span = (start + item.start(), start + item.start() + len(text))
        one = read_line(" " * item.start() + text, part=part, start=start)
        if one is not None and one.quantity is not None and one.quantity.value == Decimal(item["n"]):
            if one.provenance is not None:  # '4 x boîtes de gants M': the unit read as a list line's
                one.provenance = one.provenance.model_copy(update={"span": span})
            found.append(one)
            continue
        found.append(
            line_from_parts(
                part,
                span,
                qty=(Decimal(item["n"]), (start + item.start("n"), start + item.end("n"))),
                desc=(name, (start + item.end(), span[1])),
                rule="text-quantity-designation",
                confidence=0.85,
            )
        )
    return found
