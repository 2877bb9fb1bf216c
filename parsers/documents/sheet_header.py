"""The header row of a sheet's line table: which column holds what.

The header row is the first of the top rows naming a quantity column and an article column
(data/layout.toml). Beyond the words of its headings: a lone word beside the quantity is the
article, of two article headings the one holding codes is the code, an unnamed column of codes
is the code, and of a column numbering the packs and one giving a quantity per pack the first is
the quantity and the second what each pack holds.
"""

from __future__ import annotations

import re
from decimal import Decimal

from parsers.documents.grid import Cell, Grid
from parsers.documents.sheet_fields import HEADER_SEARCH_ROWS
from parsers.documents.unit_columns import NUMBER_WORDS, heading_unit, unit_quantity_columns
from parsers.values.numbers import parse_number
from parsers.values.units import normalise_unit
from parsers.vocabulary.grouped import joined_headings
from parsers.vocabulary.layout import LayoutVocabulary, numbered_heading
from parsers.vocabulary.phrases import match_phrases, normalize

CODE = re.compile(r"^[A-Z0-9][A-Z0-9\-./]{2,}$", re.I)
# Digits enough to number an article, never to count one ('266902', an EAN).
LONG_NUMBER = 5


def find_header_row(grid: Grid, vocab: LayoutVocabulary) -> tuple[int, dict[str, int]] | None:
    """The first row naming a quantity column and an article column, with the column of each role.

    A header over two rows ('Article' merged over 'Code' | 'Désignation') is read on its second row
    when that one names more columns, the first row naming what the second leaves unnamed."""
    for index in range(min(len(grid.rows), HEADER_SEARCH_ROWS)):
        roles = _row_roles(grid, index, vocab)
        if roles is None:
            continue
        full = _row_roles(grid, index + 1, vocab) if _worded_row(grid, index + 1) else None
        lower = full or (_named_only(grid, index + 1, vocab) if _worded_row(grid, index + 1) else None)
        found = index, roles
        if lower is not None:
            taken = set(lower.values())
            both = lower | {
                role: column for role, column in roles.items() if role not in lower and column not in taken
            }
            if len(full or both) > len(roles) and "quantity" in both:
                found = index + 1, both
        # 'Article' merged over 'N°' | 'Libellé', 'Quantité' over 'Cdée': each heading with the one above it
        for upper in (index - 1, index) if _worded_row(grid, index + 1) or index else ():
            grouped = (
                _grouped_roles(grid, upper, vocab) if upper >= 0 and _worded_row(grid, upper + 1) else None
            )
            if grouped is not None and len(grouped) > len(found[1]):
                found = upper + 1, grouped
        return found
    return None


def _grouped_roles(grid: Grid, upper: int, vocab: LayoutVocabulary) -> dict[str, int] | None:
    width = max(len(grid.rows[upper]), len(grid.rows[upper + 1]))
    texts = [
        [cell.text if isinstance(cell.value, str) else "" for cell in grid.rows[r]]
        for r in (upper, upper + 1)
    ]
    above, below = ([*t, *[""] * (width - len(t))] for t in texts)
    joined = joined_headings(above, below, lambda text: column_role(text, vocab))
    row = [Cell(text or None, f"{upper + 1}:{c}") for c, text in enumerate(joined)]
    roles = _row_roles(
        Grid(grid.name, [*grid.rows[: upper + 1], row, *grid.rows[upper + 2 :]]), upper + 1, vocab
    )
    return roles if roles is not None and "quantity" in roles else None


def _named_only(grid: Grid, index: int, vocab: LayoutVocabulary) -> dict[str, int] | None:
    """The columns a second header row names when it names the article's two parts ('Code' |
    'Désignation' under 'Article', the quantity named on the first row only)."""
    named: dict[str, int] = {}
    for column, cell in enumerate(grid.rows[index]):
        role = column_role(cell.text, vocab) if isinstance(cell.value, str) and cell.text else None
        if role is not None:
            named.setdefault("supplier_code" if role == "code" and "code" in named else role, column)
    articles = named.keys() & {"code", "description", "supplier_code", "ean"}
    return named if len(articles) >= 2 else None


def _worded_row(grid: Grid, index: int) -> bool:
    cells = [cell for cell in grid.rows[index] if cell.text] if index < len(grid.rows) else []
    return bool(cells) and all(isinstance(cell.value, str) and not cell.text[:1].isdigit() for cell in cells)


def _row_roles(grid: Grid, index: int, vocab: LayoutVocabulary) -> dict[str, int] | None:
    if index >= len(grid.rows):
        return None
    row = grid.rows[index]
    texts = [(c, cell.text) for c, cell in enumerate(row) if isinstance(cell.value, str) and cell.text]
    roles: dict[str, int] = {}
    named_articles = []
    for column, text in texts:
        role = column_role(text, vocab)
        if role is None:
            continue
        role = "supplier_code" if role == "code" and "code" in roles else role
        named_articles += [column] if role == "description" else []
        roles.setdefault(role, column)
    _packs_counted(texts, roles, vocab)
    if "quantity" in roles and not roles.keys() & {"code", "description", "supplier_code", "ean"}:
        _lone_heading_is_designation(texts, roles)
    article = roles.keys() & {"code", "description", "supplier_code", "ean"}
    if article:
        unit_quantity_columns(grid, index, texts, roles)
    if "quantity" in roles and article and len(roles) >= 2 and len(roles) >= len(texts) / 2:
        if "description" not in roles:
            _worded_heading_is_designation(grid, index, texts, roles)
        if "code" not in roles and len(named_articles) > 1:
            _codes_by_contents(grid, index, roles, named_articles)
        if not roles.keys() & {"code", "supplier_code", "ean"}:
            _unnamed_codes(grid, index, texts, roles)
        return roles
    return None


def _packs_counted(texts: list[tuple[int, str]], roles: dict[str, int], vocab: LayoutVocabulary) -> None:
    """'Qté colis' | 'Nb colis' | 'Qté totale', 'Pack size' | 'No. of packs' | 'Total units': the column
    that numbers the packs is the quantity, the one that gives a quantity per pack what each holds;
    a total is left to the checks, and a total of units is no amount of money."""
    counts = [column for column, text in texts if numbers_packs(text)]
    quantities = [
        (c, text) for c, text in texts if column_role(text, vocab) == "quantity" and c not in counts
    ]
    if len(counts) != 1 or not (quantities or "pack" in roles):
        return
    for role in [role for role, column in roles.items() if column == counts[0]]:
        del roles[role]  # 'No. of cases' is no line number
    roles["quantity"] = counts[0]
    if "amount" in roles and _total_of_counts(dict(texts).get(roles["amount"], ""), vocab):
        del roles["amount"]
    per_pack = [c for c, text in quantities if heading_unit(text)]
    if len(per_pack) == 1 and "pack" not in roles:
        roles["pack"] = per_pack[0]


def _total_of_counts(text: str, vocab: LayoutVocabulary) -> bool:
    # 'Total units', 'Total qty', 'Qté totale pièces': a total of what is counted, no price.
    words = normalize(text).split()
    return any(normalise_unit(w) or column_role(w, vocab) == "quantity" for w in words if w != "total")


def numbers_packs(text: str) -> bool:
    # 'Nb colis', 'Nombre de cartons', 'Number of cases'
    first = normalize(text).split()[:1]
    return bool(first) and first[0] in NUMBER_WORDS and heading_unit(text) is not None


def _lone_heading_is_designation(texts: list[tuple[int, str]], roles: dict[str, int]) -> None:
    # 'Item | Qty': a quantity and one other word heading, no article column: that is the article.
    others = [c for c, text in texts if c not in roles.values() and text.isalpha()]
    if len(others) == 1:
        roles["description"] = others[0]


def _worded_heading_is_designation(
    grid: Grid, header: int, texts: list[tuple[int, str]], roles: dict[str, int]
) -> None:
    # 'EAN | Item | Qty': codes named, no designation; the one other heading over words on most rows
    # (never codes nor numbers) is the article's name.
    below = [row for row in grid.rows[header + 1 : header + 201] if any(c.text for c in row)]
    found = []
    for column, text in texts:
        if column in roles.values() or not text.isalpha():
            continue
        values = [row[column].text for row in below if column < len(row) and row[column].text]
        worded = [v for v in values if len(re.findall(r"[^\W\d_]{3,}", v)) >= 2]
        if worded and len(worded) * 2 > len(below):
            found.append(column)
    if len(found) == 1:
        roles["description"] = found[0]


# A restocking sheet's 'Par | On hand | Order': the verb alone heads the count ordered (with other words it
# names the order's number, date or unit: 'Order No', 'Order Unit').
_ORDER_ALONE = ["order"]


def column_role(text: str, vocab: LayoutVocabulary) -> str | None:
    """The role a column heading names: its first words, or the last word of a short heading."""
    if numbered_heading(text, vocab):
        return "code"  # 'Part #', 'Item No.': the article's number
    tokens = normalize(text).split()
    if tokens == _ORDER_ALONE:
        return "quantity"
    spans = match_phrases(tokens, vocab.columns)
    fields = match_phrases(tokens, vocab.fields)
    if spans and fields and fields[0][1] == 0 and fields[0][2] == len(tokens) > spans[0][2]:
        return None  # 'N° commande' beside the headings labels the order's number, no column
    if spans and spans[0][1] == 0:
        return spans[0][0]
    # ERP exports qualify the naming word: 'PO Quantity', 'Short Text', 'Net Price'.
    if spans and len(tokens) <= 3 and spans[-1][2] == len(tokens):
        return spans[-1][0]
    return None


def _codes_by_contents(grid: Grid, header: int, roles: dict[str, int], columns: list[int]) -> None:
    # 'Article' | 'Libellé': two headings name the article; the one holding codes is the code.
    below = [row for row in grid.rows[header + 1 : header + 201] if any(c.text for c in row)]
    for column in columns:
        values = [row[column].text for row in below if column < len(row) and row[column].text]
        if values and all(CODE.match(v) and any(ch.isdigit() for ch in v) for v in values):
            roles["code"] = column
            roles["description"] = next(c for c in columns if c != column)
            return


def _unnamed_codes(grid: Grid, header: int, texts: list[tuple[int, str]], roles: dict[str, int]) -> None:
    # 'PO | Line | Item | Description | Qty': a heading no phrase names over a code on every row (not one
    # number repeated, the order's own).
    below = [row for row in grid.rows[header + 1 : header + 201] if any(c.text for c in row)]
    counted = [row for row in below if _counted_row(row, roles.get("quantity"))]
    for column, heading in texts:
        if column in roles.values():
            continue
        values = [row[column].text for row in below if column < len(row) and row[column].text]
        # Codes of letters and digits on most rows; a long number among them is an article's too ('266902'
        # beside 'SG-1999'), a short one a count. Long numbers alone, a different one on each row, under a
        # word ('Item' over '304296', '906392') are the articles' numbers too: a count or a line number is short.
        lettered = sum(_lettered(v) for v in values)
        coded = all(CODE.match(v) and _code_shaped(v) and (_lettered(v) or _long_number(v)) for v in values)
        numbered = heading.isalpha() and _one_each(counted, column)
        if (
            len(set(values)) > 1
            and len(values) * 2 > len(below)
            and coded
            and (lettered * 2 > len(values) or numbered)
        ):
            roles["code"] = column
            return


def _counted_row(row: list, quantity: int | None) -> bool:
    return quantity is not None and quantity < len(row) and isinstance(row[quantity].value, int | float)


def _one_each(rows: list[list], column: int) -> bool:
    """A different value in `column` on every one of `rows` (two at least)."""
    values = [row[column].text for row in rows if column < len(row) and row[column].text]
    return len(values) == len(rows) >= 2 and len(set(values)) == len(values)


def _lettered(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _long_number(text: str) -> bool:
    return text.isdigit() and len(text) >= LONG_NUMBER


def _code_shaped(text: str) -> bool:
    # 'CHS-S1P-310', 'GAN-CUI': a digit, or capitals joined by a separator; never a word.
    return any(ch.isdigit() for ch in text) or (text.isupper() and any(ch in "-./" for ch in text))


def header_by_contents(grid: Grid, vocab: LayoutVocabulary) -> tuple[int, dict[str, int]] | None:
    """A header row naming one side of a line in words no phrase knows: the article named but its count
    ('Réf | Désignation | Besoin', 'Item | Description | Count'), the one unnamed heading over counts on
    every filled row; or the count named but not the article ('Catalogue | Matériel | Qté'), the columns
    of codes and of worded names below unnamed headings."""
    for index in range(min(len(grid.rows), HEADER_SEARCH_ROWS)):
        texts = [
            (c, cell.text)
            for c, cell in enumerate(grid.rows[index])
            if isinstance(cell.value, str) and cell.text
        ]
        roles: dict[str, int] = {}
        for column, text in texts:
            role = column_role(text, vocab)
            if role is not None:
                roles.setdefault("supplier_code" if role == "code" and "code" in roles else role, column)
        if "quantity" in roles and not roles.keys() & _ARTICLE:
            _worded_heading_is_designation(grid, index, texts, roles)
            _unnamed_codes(grid, index, texts, roles)
            if roles.keys() & _ARTICLE:
                return index, roles
            continue
        if "quantity" in roles or not roles.keys() & _ARTICLE:
            continue
        below = [row for row in grid.rows[index + 1 : index + 201] if any(c.text for c in row)]
        unnamed = [c for c, text in texts if column_role(text, vocab) is None]
        counted = [c for c in unnamed if _counts(below, c)]
        if len(counted) == 1 and len(roles) + 1 >= len(texts) / 2:
            return index, roles | {"quantity": counted[0]}
    return None


_ARTICLE = {"code", "description", "supplier_code", "ean"}


def _counts(rows: list[list], column: int) -> bool:
    # Whole counts on at least two rows, nothing else but blanks; never prices (62.40) nor the rows' own
    # numbers (1, 2, 3...).
    values = [row[column].text for row in rows if column < len(row) and row[column].text]
    numbers = [parse_number(v) for v in values]
    if len(values) < 2 or any(
        n is None or n < 0 or n >= 10_000 or n != n.to_integral_value() for n in numbers
    ):
        return False
    return any(n > 0 for n in numbers) and numbers != [Decimal(k) for k in range(1, len(numbers) + 1)]
