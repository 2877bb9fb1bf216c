"""The article a line was matched to is the one its text names.

A misread digit of a code, or a matcher's slip to the next size, gives a catalogue twin
(the same family, another size, colour or pack) with all the confidence of the right
article. The text the line was read from says which: a code of the catalogue it writes
(our sku, an EAN, this customer's own ref) that names other articles and not this one,
or a size of the customer's wording that the article's name contradicts (4x40 against
4x50, 20 cl against 25 cl), holds the order. The text is the message's, found where the
line was read (a span of the body, a row of a document), not the reader's copy of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import TypeVar

from intake.routing.checks.context import CheckContext, line_reason, numbered, span_text
from intake.routing.checks.places import Rows
from intake.routing.checks.written_codes import tokens
from matchers import CatalogIndex
from matchers.designation import compare_sizes
from matchers.normalize import Wording, fold, normalize_code, read_wording, stem, unit_of
from matchers.twins import coded_twin as twin_by_code
from matchers.twins import siblings
from models import LineMatch, ParsedMessage, ProductRow, ReviewReason

Book = dict[str, frozenset[str]]
T = TypeVar("T")
# The code books of the last few catalogues seen, by the identity of their mapping (kept with it,
# so that identity is not reused): a catalogue is built once and not changed after.
_PRODUCT_BOOKS: dict[int, tuple[object, Book]] = {}
_REF_BOOKS: dict[int, tuple[object, dict[str, Book]]] = {}
_KEPT = 4


def check_article_named(ctx: CheckContext) -> list[ReviewReason]:
    """A line whose text names another article's code, or a size its article's name contradicts."""
    reasons = []
    book = _products_book(ctx.products)
    refs = _refs_book(ctx.catalogue.refs if ctx.catalogue else {}, ctx.matched.customer.customer_id)
    rows = Rows(ctx.matched.order.rows, "lines")
    for number, line in numbered(ctx.matched):
        product = ctx.products.get(line.sku or "")
        text = source_text(ctx.parsed, rows, line)
        if product is None or text is None:
            continue
        named = codes_named(text, book, refs)
        if named and line.sku not in set().union(*named.values()):
            written = ", ".join(sorted(named))
            reasons.append(
                line_reason(
                    "article_not_named",
                    number,
                    f"the line writes {written}, not the article {line.sku} ({product.name})",
                    field="sku",
                )
            )
        elif twin := (coded_twin(line, ctx.catalogue) if named else better_twin(line, ctx.catalogue)):
            reasons.append(
                line_reason(
                    "article_twin_fits_better",
                    number,
                    f'"{_said(line)}" fits {twin} ({ctx.products[twin].name}) better than the article '
                    f"{line.sku} ({product.name})",
                    field="sku",
                )
            )
        elif not named and (contradicted := sizes_contradicted(line, product)):
            reasons.append(
                line_reason(
                    "article_size_differs",
                    number,
                    f'"{line.line.description.value if line.line.description else ""}" says '
                    f"{', '.join(contradicted)}, which the article {line.sku} ({product.name}) contradicts",
                    field="sku",
                )
            )
    return reasons


def source_text(parsed: ParsedMessage, rows: Rows, line: LineMatch) -> str | None:
    """The text the line was read from: its span of the message's text, else the rows of the
    document's line table it sits on."""
    read = line.line
    places = [
        p
        for p in (read.provenance, *(v.provenance for v in (read.code, read.description, read.quantity) if v))
        if p is not None
    ]
    spans = [p for p in places if span_text(parsed, p) is not None]
    spans = [p for p in spans if p.part == spans[0].part]
    if spans and not rows:
        start, end = min(p.span[0] for p in spans), max(p.span[1] for p in spans)
        return span_text(parsed, spans[0].model_copy(update={"span": (start, end)}))
    return "\n".join(row.text for row in rows.at(places)) or None


def codes_named(text: str, book: Book, refs: Book) -> dict[str, frozenset[str]]:
    """Each catalogue code the text writes (ours, an EAN, the customer's), with the articles it names."""
    named = {}
    for token in tokens(text):
        if (
            len(token) < 4
            or token.isalpha()
            or not (any(c.isdigit() for c in token) or any(c in "-/." for c in token))
        ):
            continue
        key = normalize_code(token)
        skus = book.get(key, frozenset()) | refs.get(key, frozenset())
        if skus:
            named[token] = skus
    return named


def sizes_contradicted(line: LineMatch, product: ProductRow) -> list[str]:
    """The sizes of the customer's wording that the article's name gives otherwise (bare numbers aside)."""
    said = line.line.description.value if line.line.description else ""
    if not said.strip():
        return []
    _, disagree, _ = compare_sizes(read_wording(said), read_wording(product.name))
    return [feature.partition(":")[2].lstrip("~") for feature in disagree if not feature.startswith("num:")]


def _said(line: LineMatch) -> str:
    return line.line.description.value.strip() if line.line.description else ""


def coded_twin(line: LineMatch, catalogue: CatalogIndex | None) -> str | None:
    """With the article's code written, a twin the coded words beside it name (`matchers.coded_twin`)."""
    if catalogue is None or line.sku is None:
        return None
    return twin_by_code(line.sku, _said(line), catalogue)


def better_twin(line: LineMatch, catalogue: CatalogIndex | None) -> str | None:
    """A twin of the line's article that the customer's words fit better: every word that tells
    the twin apart is written, and none of those that tell the article apart ('papier blanc' read
    as the kraft one, 'sucre en bûchettes' as the 'sucre roux' one), and no size of theirs
    contradicts the twin. Packaging words and codes tell no twin apart here: the unit and the
    codes have their own checks."""
    if catalogue is None or not _said(line) or line.sku not in catalogue.positions:
        return None
    names, plain = catalogue.designations, _packaging()
    wording = read_wording(_said(line))
    said = set(wording.words)
    chosen_name = names.wordings[catalogue.positions[line.sku]]
    chosen = set(chosen_name.words)
    telling = _telling(chosen, plain)
    for other in siblings(chosen, catalogue, catalogue.positions[line.sku]):
        theirs = set(names.wordings[other].words)
        ours, twins = telling - theirs, _telling(theirs - chosen, plain)
        if ours and not ours & said and twins <= said and _keeps(wording, chosen_name, names.wordings[other]):
            return catalogue.name_skus[other]
    return None


def _telling(words: set[str], plain: frozenset[str]) -> set[str]:
    return {w for w in words if w not in plain and (w.isalpha() or not any(c.isdigit() for c in w))}


def _keeps(said: Wording, chosen: Wording, twin: Wording) -> bool:
    """The twin contradicts no size the customer wrote and carries every number and code of
    theirs that the article carries ('2P+T', 'TN-421')."""
    if any(not f.startswith("num:") for f in compare_sizes(said, twin)[1]):
        return False
    coded = {w for w in said.words if any(c.isdigit() for c in w)}
    return (said.numbers & chosen.numbers) <= twin.numbers and (coded & set(chosen.words)) <= set(twin.words)


@lru_cache(maxsize=1)
def _packaging() -> frozenset[str]:
    """The unit words of units.toml as designations are read ('carton', 'bidon', 'flacon')."""
    return frozenset(stem(fold(spelling)) for spelling in unit_of())


def _products_book(products: Mapping[str, ProductRow]) -> Book:
    """Our skus and EANs, each as keys compare (case, separators, leading zeros), to the articles."""
    kept = _PRODUCT_BOOKS.get(id(products))
    if kept is not None and kept[0] is products:
        return kept[1]
    book: dict[str, set[str]] = {}
    for sku, product in products.items():
        for code in (sku, product.ean):
            if code:
                book.setdefault(normalize_code(code), set()).add(sku)
    _remember(_PRODUCT_BOOKS, products, _frozen(book))
    return _PRODUCT_BOOKS[id(products)][1]


def _refs_book(refs: Mapping[tuple[str, str], str], customer_id: str | None) -> Book:
    """The customer's own codes, read like ours."""
    if customer_id is None or not refs:
        return {}
    return _refs_books(refs).get(customer_id, {})


def _refs_books(refs: Mapping[tuple[str, str], str]) -> dict[str, Book]:
    kept = _REF_BOOKS.get(id(refs))
    if kept is None or kept[0] is not refs:
        by_customer: dict[str, dict[str, set[str]]] = {}
        for (owner, ref), sku in refs.items():
            by_customer.setdefault(owner, {}).setdefault(normalize_code(ref), set()).add(sku)
        kept = _remember(_REF_BOOKS, refs, {owner: _frozen(book) for owner, book in by_customer.items()})
    return kept[1]


def prepare_books(catalogue: CatalogIndex) -> None:
    """The code books of `catalogue` built now (they are kept for it): a process forked
    afterwards finds them built."""
    _products_book(catalogue.products)
    _refs_books(catalogue.refs)


def _frozen(book: dict[str, set[str]]) -> Book:
    return {key: frozenset(skus) for key, skus in book.items()}


def _remember(books: dict[int, tuple[object, T]], owner: object, book: T) -> tuple[object, T]:
    if len(books) >= _KEPT:
        del books[next(iter(books))]
    books[id(owner)] = (owner, book)
    return books[id(owner)]
