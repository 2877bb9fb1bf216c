"""A price written after a line's count: a quote's or order's row in columns.

'Chaussure S3 noire pointure 40   qté 3    58,00 €', 'GDB1372  front pads   x4 sets  @ 43.50',
'Gants nitrile T9    10 btes    4,50 € HT', 'HAR-300-ML  Harnais 3 points   2 x 82,00 €', columns set
apart by long dashes ('Masque FFP3 boîte de 10 — 10 boîtes — 16,50 € HT la boîte'); or after the
name when the count opens the line, as our quotes set their rows out ('- 12 x Disjoncteur 16A C : 7,90 €
net', 'Proposition 1 : 4 x Batterie 180Ah à 232,00 € HT pièce'). The price is no part of the line's reading (a
figure in it would be read as the count, a currency mark makes the line look like a total):
it is blanked, offsets kept, when the count stands in its own place before it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from parsers.values.numbers import NUMBER, parse_number

_CURRENCY = r"(?:€|eur\b|euros?\b|£|gbp\b|chf\b|\$)"
# What a price may say after its amount: 'HT', 'net', '/ boîte', 'la boîte', 'each'.
_PER = (
    r"(?:\s*(?:ht|ttc|net|nets?|each|ea\.?|l['’]unit[ée]|pi[èe]ce|piece|unit|/\s*[^\W\d_]+\.?"
    r"|(?:la|le|the|per|par)\s+[^\W\d_]+))*"
)
_AMOUNT = rf"{_CURRENCY}?\s*{NUMBER}\s*{_CURRENCY}?"
_TAIL = re.compile(
    # '@ 43.50', 'à 10,50 €', 'at EUR 8.90': marked as a price by its word;
    rf"(?:\s+(?:@|[àa]|at|pu\s*:?)\s*{_AMOUNT}"
    # ' x 82,00 €', ' : 7,90 € net': after the count or the name, with its currency.
    rf"|(?:\s+[x×]|\s*:)\s*(?:{_CURRENCY}\s*{NUMBER}|{NUMBER}\s*{_CURRENCY})"
    # '   58,00 €', '  - 62.00 EUR': an amount in a column of its own, with its currency or to the cent.
    rf"|(?:\s{{2,}}|\t|\s+[-–—|]\s+)(?:{_CURRENCY}\s*{NUMBER}|{NUMBER}\s*{_CURRENCY}|\d{{1,6}}[.,]\d{{2}}(?![\d.,])))"
    rf"{_PER}\s*[.;]?\s*$",
    re.I,
)
# The count the price follows, in a place of its own: 'qté 3', 'x4 sets', '30 pcs', '- 6', '- 20 m3'.
_COUNT_BEFORE = re.compile(r"(?:^|\s)(?:[x×]\s*)?\d+(?:[.,]\d+)?(?:\s*[^\W\d_]{1,12}[23²³]?\.?)?\s*$", re.I)
# The count that opens a quote's row, after a bullet or an option's label: '- 12 x ', 'Proposition 1 : 4 x ',
# '8 demi-masques'.
_MONEY = re.compile(rf"{_CURRENCY}|\d[.,]\d{{2}}(?![\d.,])", re.I)
_COUNT_FIRST = re.compile(
    r"^\s*(?:[-*•·]\s*|[^\W\d_]+(?:\s+n°)?\s*\w{1,2}\s*[:.)\-]\s*)?\d+(?:[.,]\d+)?\s*(?:[x×]\s|\s(?=[^\W\d_]{2}))",
    re.I,
)


def split_price(line: str) -> tuple[str, tuple[Decimal, tuple[int, int]] | None]:
    """`line` with the price after its count blanked (offsets kept), and that price with its span;
    `line` as it is and None when it writes none."""
    tail = _TAIL.search(line)
    counted = tail is not None and (
        _COUNT_BEFORE.search(line, 0, tail.start())
        # the count far from the price: an amount only ('format A3' is a size)
        or (_COUNT_FIRST.match(line) and _MONEY.search(line, tail.start()))
    )
    if tail is None or tail.start() == 0 or not counted:
        return line, None
    amount = re.search(NUMBER, line[tail.start() :])
    value = parse_number(amount.group(0)) if amount else None
    blanked = line[: tail.start()] + " " * (len(line) - tail.start())
    if amount is None or value is None:
        return blanked, None
    return blanked, (value, (tail.start() + amount.start(), tail.start() + amount.end()))


# A row that names something and closes on an amount with its currency ('Chauffe-eau ... 200 L - 279,00 EUR',
# 'ECL-AV-600  Front light  4 pcs  24.50 EUR', '- Gants T9 : 4,50 € HT la boîte').
_PRICED_ROW = re.compile(
    rf"^[ \t]*(?:[-*•·][ \t]*)?[^\W\d_][^\n]*?[ \t](?:{_CURRENCY}[ \t]*{NUMBER}|{NUMBER}[ \t]*{_CURRENCY}){_PER}[ \t]*[.;]?[ \t]*$",
    re.I | re.M,
)


def priced_rows(text: str) -> int:
    """How many rows of `text` name something and close on its price with a currency."""
    return len(_PRICED_ROW.findall(text))
