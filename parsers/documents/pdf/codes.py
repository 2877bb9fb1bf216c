"""Article codes a table row prints outside a code column.

ERP prints put a code where the header does not say so: in the line-number
column (Dynamics' 'No.' holds the buyer's item number), or on a row of its own
under the designation, after a label ('Item Code: 204518',
'Vendor Item No. RLT-6204-2RS', 'Kred.-Artikelnr. ELE-RUT-32').
"""

from __future__ import annotations

import re

from parsers.documents.pdf.headings import Column
from parsers.documents.pdf.layout import Cell, Word
from parsers.vocabulary.layout import LayoutVocabulary
from parsers.vocabulary.phrases import match_phrases, tokens_of

CODE_ROLES = ("code", "supplier_code", "ean")
# Line numbers as printed: 1, 001, 10, 20 (a number of up to 4 digits, maybe '1.').
_LINE_NUMBER = re.compile(r"^\d{1,4}\.?$")
# Words between a code's label and the code itself.
_FILLERS = {":", "#", "no", "no.", "nr", "nr.", "n°", "number", "-"}


def line_number_or_code(found: dict[str, list[Word]]) -> dict[str, list[Word]]:
    """A 'No.' column that holds no line number holds the article's code."""
    numbers = found.get("line_no")
    if not numbers or "code" in found:
        return found
    text = " ".join(w.text for w in numbers)
    if _LINE_NUMBER.match(text) or not any(c.isdigit() for c in text):
        return found
    found = dict(found)
    found["code"] = found.pop("line_no")
    return found


def is_unheaded_line_number(cell: Cell, columns: list[Column]) -> bool:
    """A line number printed left of the first heading, under no heading of its own ('1', '10.'):
    never a part of the code the column beside it prints."""
    return bool(columns) and cell.x1 <= columns[0].x0 and bool(_LINE_NUMBER.match(cell.text.strip()))


# '[RLT-6204-2RS] Deep groove ball bearing': Odoo prints the vendor's code before the name.
_BRACKETED = re.compile(r"^\[([A-Za-z0-9][\w./-]{2,39})\]$")


def bracketed_code(found: dict[str, list[Word]]) -> dict[str, list[Word]]:
    """A designation that starts with '[CODE]' also gives that code (the vendor's, as printed)."""
    words = found.get("description")
    if not words or found.keys() & set(CODE_ROLES):
        return found
    match = _BRACKETED.match(words[0].text)
    if not match:
        return found
    first = words[0]
    code = Word(match.group(1), first.x0, first.x1, first.top, first.bottom, first.page)
    return {**found, "supplier_code": [code]}


def labelled_codes(found: dict[str, list[Word]], vocab: LayoutVocabulary) -> dict[str, list[Word]]:
    """A designation cell that is only a code label and its code gives the code to that role."""
    words = found.get("description")
    if not words or len(words) > 6:
        return found
    role, code = _label_and_code(words, vocab)
    if role is None or role in found:
        return found
    found = dict(found)
    found[role] = code
    del found["description"]
    return found


def _label_and_code(words: list[Word], vocab: LayoutVocabulary) -> tuple[str | None, list[Word]]:
    words = [part for word in words for part in _split_colon(word)]
    tokens, owners = tokens_of([word.text for word in words])
    spans = match_phrases(tokens, vocab.columns, owners)
    # One short word before the label is a misread one ('ltem Code' read for 'Item Code').
    if not spans or spans[0][1] > 1 or spans[0][0] not in CODE_ROLES:
        return None, []
    if spans[0][1] == 1 and len(words[0].text) > 5:
        return None, []
    rest = words[owners[spans[0][2] - 1] + 1 :]
    while rest and rest[0].text.lower().strip(":") in _FILLERS | {""}:
        rest = rest[1:]
    if len(rest) != 1 or not any(c.isdigit() for c in rest[0].text):
        return None, []
    return spans[0][0], rest


def _split_colon(word: Word) -> list[Word]:
    # 'Code:217852': a scan often loses the space after a label's colon.
    label, colon, value = word.text.partition(":")
    if not colon or not label or not value:
        return [word]
    cut = word.x0 + (word.x1 - word.x0) * (len(label) + 1) / len(word.text)
    return [
        Word(label + ":", word.x0, cut, word.top, word.bottom, word.page),
        Word(value, cut, word.x1, word.top, word.bottom, word.page),
    ]
