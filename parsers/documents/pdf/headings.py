"""A PDF table's columns, and what their contents say their headings do not.

Two headings name the article and one prints codes: that one is the code. Codes are named and no
designation: the one other heading over words is the designation. A lone word heading beside the
quantity is the article. Several headings name a quantity ('Cond. | Qté colis | Qté totale'): one
is the quantity, as a sheet's headings decide (`parsers/documents/sheet_header.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.documents.pdf.layout import Cell, Line
from parsers.documents.sheet_header import numbers_packs
from parsers.documents.unit_columns import counts_in, heading_unit
from parsers.vocabulary.layout import LayoutVocabulary, numbered_heading
from parsers.vocabulary.phrases import match_phrases, tokens_of

ARTICLE_ROLES = {"code", "description", "supplier_code", "ean"}
# Signs that head a column on their own ('#' the line number, '%' the discount).
HEADING_SIGNS = "#%€£$"


@dataclass(slots=True)
class Column:
    role: str
    x0: float
    x1: float
    ruled: bool = False
    # The header words' own extent: numbers print aligned on one of its edges.
    text_x1: float = 0.0
    heading: str = ""  # what the header prints over the column
    # The unit a quantity column headed by a unit word alone counts in ('Cases').
    counts: str = ""


def overlap(x0: float, x1: float, column: Column) -> float:
    return max(0.0, min(x1, column.x1) - max(x0, column.x0))


def header_columns(line: Line, vocab: LayoutVocabulary) -> list[Column]:
    """The columns a line names, or an empty list."""
    columns: list[Column] = []
    for cell in line.cells():
        if not any(ch.isalnum() or ch in HEADING_SIGNS for ch in cell.text):
            continue  # a stray mark (':', ';' left of an erased rule on a scan) heads no column
        tokens, owners = _tokens(cell)
        spans = match_phrases(tokens, vocab.columns, owners)
        numbered = numbered_heading(cell.text, vocab)  # 'Part #', 'Item No.': the article's number
        if not spans or numbered:
            columns.append(Column("code" if numbered else "other", cell.x0, cell.x1, heading=cell.text))
            continue
        # Words no phrase claims ('HT', '€', 'cdée') belong to the phrase before them.
        starts = [0] + [s[1] for s in spans[1:]]
        ends = [s[1] for s in spans[1:]] + [len(tokens)]
        for (role, _, claimed), start, end in zip(spans, starts, ends, strict=True):
            # A line number's heading is one word ('Line Item' set close): the words after it head a column.
            cut = claimed if role == "line_no" and _heads_apart(cell, owners, claimed, end) else end
            for part_role, first, last in ((role, start, cut), ("other", cut, end)):
                if first < last:
                    words = cell.words[owners[first] : owners[last - 1] + 1]
                    heading = " ".join(w.text for w in words)
                    columns.append(Column(part_role, words[0].x0, words[-1].x1, heading=heading))
    return columns


def _heads_apart(cell: Cell, owners: list[int], claimed: int, end: int) -> bool:
    if claimed >= end or owners[claimed] == owners[claimed - 1]:
        return False
    first = cell.words[owners[claimed]].text
    return len(first) > 2 and first.isalpha()


def _tokens(cell: Cell) -> tuple[list[str], list[int]]:
    return tokens_of([word.text for word in cell.words])


def headings_by_contents(columns: list[Column], below: list[Line]) -> None:
    """The roles the first rows under the header give the columns their headings leave unsure."""
    _second_code_column(columns)
    _codes_by_contents(columns, below)
    _coded_word_heading(columns, below)
    _worded_column_is_designation(columns, below)
    _year_column(columns, below)
    _one_quantity(columns)


def lone_heading_is_designation(columns: list[Column]) -> None:
    # '# | Item | Qty': a quantity and one other word heading, no article column: that is the article.
    roles = {c.role for c in columns}
    if "quantity" not in roles or roles & ARTICLE_ROLES:
        return
    others = [c for c in columns if c.role == "other" and c.heading.isalpha()]
    if len(others) == 1:
        others[0].role = "description"


def unit_heading_is_quantity(columns: list[Column]) -> None:
    # 'Description | Release | Cases | Case price': no quantity named, one heading a unit word alone; its
    # column counts the article in that unit, as a sheet's column headed 'Cartons' does.
    if any(c.role == "quantity" for c in columns):
        return
    units = [c for c in columns if c.role == "other" and len(c.heading.split()) == 1 and counts_in(c.heading)]
    if len(units) == 1:
        units[0].role, units[0].counts = "quantity", units[0].heading


def _second_code_column(columns: list[Column]) -> None:
    # 'Réf. client | Notre réf.': two headings name a code. Each holds a code of the article (the
    # buyer's, ours): the second is another code to try, as a sheet reads it, never glued to the first.
    codes = [c for c in columns if c.role == "code"]
    if len(codes) > 1 and not any(c.role == "supplier_code" for c in columns):
        codes[1].role = "supplier_code"


def _codes_by_contents(columns: list[Column], below: list[Line]) -> None:
    # 'Article | Désignation': two headings name the article; the one printing one coded word per row is the code.
    named = [c for c in columns if c.role == "description"]
    quantity = next((c for c in columns if c.role == "quantity"), None)
    if len(named) < 2 or any(c.role == "code" for c in columns) or quantity is None:
        return
    rows = [
        ln
        for ln in below
        if any(overlap(w.x0, w.x1, quantity) > 0 and w.text[:1].isdigit() for w in ln.words)
    ]
    for column in named:
        cells = [[w for w in line.words if overlap(w.x0, w.x1, column) > 0] for line in rows]
        if rows and all(len(ws) == 1 and any(ch.isdigit() for ch in ws[0].text) for ws in cells):
            column.role = "code"
            return


def _coded_word_heading(columns: list[Column], below: list[Line]) -> None:
    # 'Line | Item | Description | Qty': a designation named and no code; the word heading left of it
    # over one coded word on every counted row ('TER-4410', '204417', never a price) is the code.
    described = next((c for c in columns if c.role == "description"), None)
    if described is None or any(c.role in ("code", "supplier_code", "ean") for c in columns):
        return
    rows = _counted_rows(columns, below)
    for column in columns:
        if column.role != "other" or not column.heading.isalpha() or column.x1 > described.x0:
            continue
        cells = [[w for w in line.words if overlap(w.x0, w.x1, column) > 0] for line in rows]
        if rows and all(len(ws) == 1 and _coded(ws[0].text) for ws in cells):
            column.role = "code"
            return


def _counted_rows(columns: list[Column], below: list[Line]) -> list[Line]:
    quantity = next((c for c in columns if c.role == "quantity"), None)
    if quantity is None:
        return []
    return [
        ln
        for ln in below
        if any(overlap(w.x0, w.x1, quantity) > 0 and w.text[:1].isdigit() for w in ln.words)
    ]


def _coded(text: str) -> bool:
    digits = sum(ch.isdigit() for ch in text)
    return digits > 0 and len(text) >= 4 and not _AMOUNT.match(text) and not _DATE.match(text)


_AMOUNT = re.compile(r"^\d{1,3}(?:[ .,]\d{3})*[.,]\d{1,2}$")
_DATE = re.compile(r"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}$")


def _worded_column_is_designation(columns: list[Column], below: list[Line]) -> None:
    # 'EAN | Item | Qty': codes named, no designation; the one other heading over words on most rows
    # is the article's name.
    if any(c.role == "description" for c in columns) or not below:
        return
    found = []
    for column in (c for c in columns if c.role == "other" and c.heading.isalpha()):
        cells = [[w for w in line.words if overlap(w.x0, w.x1, column) > 0] for line in below]
        worded = [ws for ws in cells if sum(w.text.isalpha() and len(w.text) > 2 for w in ws) >= 2]
        if len(worded) * 2 > len(below):
            found.append(column)
    if len(found) == 1:
        found[0].role = "description"


def _year_column(columns: list[Column], below: list[Line]) -> None:
    # 'Description | Release | Format | Cases': a word heading no role names over one year on most counted
    # rows ('2022', a model year, an edition) is the article's year, read into its designation.
    if any(c.role == "year" for c in columns):
        return
    rows = _counted_rows(columns, below)
    for column in (c for c in columns if c.role == "other" and c.heading.isalpha()):
        cells = [[w.text for w in line.words if overlap(w.x0, w.x1, column) > 0] for line in rows]
        if rows and all(len(ws) == 1 for ws in cells) and 2 * sum(map(_is_year, cells)) > len(rows):
            column.role = "year"
            return


def _is_year(words: list[str]) -> bool:
    return bool(_YEAR.match(words[0]))


_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _one_quantity(columns: list[Column]) -> None:
    # 'Nb colis | Qté colis | Qté totale': the column numbering the packs is the quantity, one giving
    # a quantity per pack what each holds; else the first quantity heading ('Qté colis | Qté totale').
    # The others are left to the checks, as a sheet leaves them.
    quantities = [c for c in columns if c.role == "quantity"]
    if len(quantities) < 2:
        return
    counts = [c for c in quantities if numbers_packs(c.heading)]
    kept = counts[0] if len(counts) == 1 else quantities[0]
    per_pack = [c for c in quantities if c is not kept and heading_unit(c.heading)]
    for column in quantities:
        if column is not kept:
            column.role = "other"
    if len(counts) == 1 and len(per_pack) == 1 and not any(c.role == "pack" for c in columns):
        per_pack[0].role = "pack"
