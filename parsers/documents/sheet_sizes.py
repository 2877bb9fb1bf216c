"""Size grids in a sheet: a header row whose cells after the article's are sizes ('Article | S | M |
L | XL', 'Modèle | 40 | 41 | 42'), no quantity column, one row per article with a count in each
size's cell (vocabulary: parsers/data/sizes.toml).

Each count gives its own line, the article's words followed by the size, for the matcher to name
the article of that size; an empty or 0 cell orders nothing. A column after the sizes ('Total')
is no size. A row whose size cells are not all counts gives no line: it stays unread for a clerk.
"""

from __future__ import annotations

from decimal import Decimal

from models import Extracted, ExtractedLine, ExtractedOrder, Provenance
from parsers.documents.grid import Cell, Grid
from parsers.text.count_grid import count_grid_lines
from parsers.text.size_grid import sizes_in_a_row
from parsers.values.numbers import parse_number
from parsers.vocabulary.layout import LayoutVocabulary
from parsers.vocabulary.phrases import starts_with
from parsers.vocabulary.sizes import is_size

RULE = "sheet-size-grid"
_ARTICLE_ROLES = ("code", "description", "supplier_code", "ean")
_EMPTY = {"", "-", "–", "—", "/", "x"}


def count_grid_at(grid: Grid, part: str, rows: int) -> tuple[int, list[ExtractedLine]] | None:
    """A grid of counts under a header over two rows starting in the first `rows` rows (a site's row under
    'Steel shelf H 1800' merged over 'W 800 | W 1000', as in an HTML table: `count_grid_lines`): the
    header's second row and a line per filled cell."""
    texts = [[cell.text for cell in row] for row in grid.rows]
    # A sheet's rows run as wide as its widest: the columns right of every written cell are none of the grid's.
    width = 1 + max((c for row in texts for c, text in enumerate(row) if text.strip()), default=0)
    texts = [row[:width] for row in texts]
    for start in range(min(rows, len(texts) - 2)):
        lines = count_grid_lines(texts[start:], part=part)
        if lines:
            return start + 1, lines
    return None


class SizeHeader:
    """The header row of a size grid: the article's columns and each size's column."""

    def __init__(self, row: int, articles: dict[str, int], sizes: list[tuple[int, str]]) -> None:
        self.row, self.articles, self.sizes = row, articles, sizes


def find_size_header(grid: Grid, vocab: LayoutVocabulary, rows: int, role_of) -> SizeHeader | None:
    """The first of the first `rows` rows that heads an article column and then two sizes or more in
    a row; `role_of(text, vocab)` names a heading's column."""
    for index, row in enumerate(grid.rows[:rows]):
        filled = [(c, cell.text) for c, cell in enumerate(row) if cell.text]
        run = _size_run(filled)
        if len(run) < 2 or not sizes_in_a_row([text for _, text in run]):
            continue
        before = [(column, text) for column, text in filled if column < run[0][0]]
        articles: dict[str, int] = {}
        for column, text in before:
            role = role_of(text, vocab)
            if role in _ARTICLE_ROLES:
                articles.setdefault(role, column)
        if not articles and len(before) == 1 and before[0][1].replace(" ", "").isalpha():
            articles["description"] = before[0][0]  # 'Item | 40 | 41 | 42': the lone heading is the article
        if articles:
            return SizeHeader(index, articles, run)
    return None


def _size_run(filled: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The longest run of neighbouring cells that are sizes."""
    best: list[tuple[int, str]] = []
    run: list[tuple[int, str]] = []
    for column, text in filled:
        if is_size(text, bare=True) and (not run or run[-1][0] == column - 1):
            run.append((column, text))
        else:
            run = [(column, text)] if is_size(text, bare=True) else []
        best = run if len(run) > len(best) else best
    return best


def read_size_grid(
    order: ExtractedOrder, grid: Grid, header: SizeHeader, part: str, totals: tuple[str, ...]
) -> None:
    """A line per filled size cell of each article row below the header."""
    for row in grid.rows[header.row + 1 :]:
        named = _article(row, header)
        if named is None or starts_with(named[0], totals):
            continue
        counts = [(size, row[c]) for c, size in header.sizes if c < len(row)]
        for line in _row_lines(named, counts, grid.name, part) or []:
            order.lines.append(line.model_copy(update={"line_no": len(order.lines) + 1}))


def _article(row: list[Cell], header: SizeHeader) -> tuple[str, Cell] | None:
    """The article's designation (else its code) and its cell; a code of the model stays in the
    wording, since the size makes another article of it."""
    cells = {role: row[c] for role, c in header.articles.items() if c < len(row) and row[c].text}
    written = [cells[r] for r in ("code", "supplier_code", "ean", "description") if r in cells]
    if not written:
        return None
    return " ".join(c.text for c in written), written[-1]


def _row_lines(
    named: tuple[str, Cell], counts: list[tuple[str, Cell]], sheet: str, part: str
) -> list[ExtractedLine] | None:
    text, cell = named
    found = []
    for size, count in counts:
        if count.text.lower() in _EMPTY:
            continue
        quantity = count.value if isinstance(count.value, (int, float)) else parse_number(count.text)
        quantity = Decimal(str(quantity)) if quantity is not None else None
        if quantity is None or quantity != quantity.to_integral_value() or quantity < 0:
            return None  # a cell that is no count: the row is left for a clerk
        if quantity == 0:
            continue
        at = Provenance(part=part, sheet=sheet, cell=count.ref, rule=RULE)
        named_at = Provenance(part=part, sheet=sheet, cell=cell.ref, rule=RULE)
        found.append(
            ExtractedLine(
                line_no=0,
                description=Extracted[str](value=f"{text} {size}", confidence=0.9, provenance=named_at),
                quantity=Extracted[Decimal](
                    value=quantity.to_integral_value(), confidence=0.9, provenance=at
                ),
                provenance=at,
                confidence=0.9,
            )
        )
    return found
