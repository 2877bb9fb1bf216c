"""A change asked in words, as a diff against the linked order's lines.

Each clause (a sentence or line of the sender's own text) that asks something
is read for its operation (remove, add, set a quantity, move the delivery), the
article it names (the catalogue matcher, the order's own articles first, or
"line 3") and its quantity. The diff is `certain` only when every clause was
read with a sure article and quantity: anything less goes to a clerk.
"""

from __future__ import annotations

import datetime as dt
import re

from intake.followups.clause import (
    CODE,
    CODE_SHAPED,
    NUMBER,
    Operations,
    is_size,
    load_operations,
    no_references,
    quantity_of,
)
from intake.followups.order_article import (
    OrderLines,
    as_float,
    by_old_count,
    clause_article,
    holding_replaced,
    numbers_in,
)
from matchers import CatalogIndex
from models.followups import OrderChange, SkuQuantity
from parsers.text.correction_patterns import correction_patterns
from parsers.text.wrapped import runs_on
from parsers.values.dates import find_dates

# Where a sentence's next request starts: ' : ', ', et', ' and ', ', then'.
_JOIN = re.compile(
    r"\s*:\s+|\s*,\s*(?:et|and|puis|then)?\s+|\s+(?:et|and|puis|then|ainsi que|as well as)\s+", re.I
)
# A request about the order as a whole ("modifier sa commande", "amend our PO"), not an article.
_PREAMBLE = re.compile(r"\b(commande|cde|bc|order|po|purchase order)\b", re.I)
_INSTEAD_FIRST = re.compile(r"^(au lieu d(e|es|u)|plut[ôo]t que|instead of|rather than)\b", re.I)
# What stands between a count and the count it replaces: ', not', ' et non', ' pas'.
_NOT_BEFORE_OLD = re.compile(r",?\s+(?:not|pas|et non|and not|non pas)\s+$", re.I)
_SPLIT = re.compile(r"(?<=[.;!?])\s+|\n+")
# Words that say again which article was just counted ('add 2 packs of AA batteries, the 12-packs',
# '10 boxes of masks, our material 10004767'): no request of their own.
_APPOSITION = re.compile(
    r"^(?:the|our|your|le|la|les|l['’]|notre|nos|votre|vos|r[ée]f\.?|code|material|article|soit)(?!\w)", re.I
)
# Figures that count nothing: a pack size glued to its word ('12-packs'), a stock or material number.
_NO_COUNT = re.compile(r"\d+-[^\W\d_]|\d{6,}")


def clauses(text: str) -> list[str]:
    """The sentences and lines of `text`; a sentence the mail program wrapped over lines is one
    ('plus 5 boxes of the black nitrile\ngloves size L': the size is the article's)."""
    rows = text.split("\n")
    joined = rows[:1]
    for row in rows[1:]:
        # The words blanked out ('go ahead with everything below') leave no column behind.
        if runs_on(" ".join(joined[-1].split()), row):
            joined[-1] += " " + row
        else:
            joined.append(row)
    return [c.strip() for c in _SPLIT.split("\n".join(joined)) if c.strip()]


def as_instead(text: str) -> str:
    """'semolina: 10 bags, not 8', '12 et non 10' written as the one request they are ('10 bags instead of 8'):
    the comma or 'et' before the count replaced opens no request of its own."""

    def instead(found: re.Match[str]) -> str:
        said = found.group(0)
        new_end, old_start = found.end("new") - found.start(), found.start("old") - found.start()
        between = _NOT_BEFORE_OLD.sub("", said[new_end:old_start])
        return f"{said[:new_end]}{between} instead of {said[old_start:]}"

    return correction_patterns()["not_old"].sub(instead, text)


def parts(clause: str) -> list[str]:
    """A sentence's requests: 'ajouter 3 joints et passer les robinets à 5' is two; 'au lieu
    de 10 coudes, mettre 50' is one (what it replaces, then the request)."""
    found: list[str] = []
    for piece in (p.strip() for p in _JOIN.split(clause) if p and p.strip()):
        joins = found and (
            (_INSTEAD_FIRST.match(found[-1]) and not _INSTEAD_FIRST.match(piece))
            or _says_again(found[-1], piece)
        )
        if joins:
            found[-1] = f"{found[-1]}, {piece}"
        else:
            found.append(piece)
    return found


def _says_again(counted: str, piece: str) -> bool:
    """The piece names again the article the request before it counts (never one it takes out: 'remove
    2 gloves, the tape' takes out the tape too)."""
    return bool(
        _APPOSITION.match(piece)
        and numbers_in(counted)
        and not numbers_in(_NO_COUNT.sub(" ", piece))
        and not load_operations().remove.search(counted)
    )


def compute_change(
    text: str, order: OrderLines, index: CatalogIndex, *, customer_id: str | None, today: dt.date | None
) -> OrderChange:
    """The change the text asks of `order`; clauses asking something unread are kept as `unread`."""
    ops = load_operations()
    change = OrderChange(certain=True)
    for clause in clauses(as_instead(text)):
        before: str | None = None
        pieces = parts(clause)
        for number, part in enumerate(pieces):
            # "About the FILM-45-300 rolls: please reduce them to 4": the article is named before.
            named_before = (
                pieces[number - 1] if number and _operation(pieces[number - 1], ops) is None else ""
            )
            leads_in = number + 1 < len(pieces) and _operation(pieces[number + 1], ops) is not None
            before = _read_clause(
                part,
                order,
                index,
                ops,
                change,
                customer_id=customer_id,
                today=today,
                before=before,
                context=named_before,
                leads_in=leads_in,
            )
    change.certain = change.certain and not change.unread and not change.empty
    return change


def _read_clause(
    clause: str,
    order: OrderLines,
    index: CatalogIndex,
    ops: Operations,
    change: OrderChange,
    *,
    customer_id: str | None,
    today: dt.date | None,
    before: str | None = None,
    context: str = "",
    leads_in: bool = False,
) -> str | None:
    """Read one request into `change`; its operation (the next part of the sentence inherits it)."""
    moves = ops.delivery.search(clause) and ops.moved.search(clause)
    if moves and today is not None and _move_delivery(clause, change, today):
        return None
    own = _operation(clause, ops)
    op = own or before
    if op is None:
        if not leads_in and _names_goods(clause, index):
            # An article or a counted quantity that no request covers: something was asked
            # that was not understood, so the change waits for a clerk.
            change.certain = False
        return None
    article = clause_article(clause, order, index, ops, customer_id=customer_id, op=op)
    named = clause
    if article is None and context and own is not None:
        named = f"{context} {clause}"
        article = clause_article(named, order, index, ops, customer_id=customer_id, op=op)
    if article is None and op == "set" and (held := holding_replaced(named, order, ops)) is not None:
        article = (held, False, None)  # 'les 41 : mettez-en 8 au lieu de 5': the one line holding 5
    if article is None:
        counted = quantity_of(clause, index) is not None
        if own is not None and not counted and (_PREAMBLE.search(clause) or _bare(clause, own, ops)):
            # "merci de modifier notre commande :", "- ajouter :" announce the requests that follow
            return op
        if own is not None or counted:  # "we have plenty" after "drop the tape" asks nothing more
            change.unread.append(clause)
        return op
    sku, sure, quantity = article
    if op == "set" and (held := by_old_count(named, sku, order, ops, customer_id=customer_id)) != sku:
        sku, sure = held, False  # the count replaced named it, not the words
    change.certain = change.certain and sure
    _apply(op, sku, quantity, clause, order, ops, change)
    if len(ops.line_number.findall(clause)) > 1:
        change.certain = False  # "line 3 and line 4 to 8": read one, not sure of the other
    return op


def _bare(clause: str, op: str, ops: Operations) -> bool:
    """The operation's word alone ('- ajouter', 'modifier :'): a label for what follows it."""
    return not re.sub(r"[\W_]+", "", getattr(ops, op).sub(" ", clause))


def _names_goods(clause: str, index: CatalogIndex) -> bool:
    """Does the clause write an article code or a quantity in a sale unit ('6 boîtes')?"""
    if any(index.knows_code(t.strip(".")) for t in CODE.findall(clause)):
        return True
    found = quantity_of(clause, index)
    return found is not None and bool(found[1])


def _operation(clause: str, ops: Operations) -> str | None:
    return next((name for name in ("remove", "add", "set") if getattr(ops, name).search(clause)), None)


def _apply(
    op: str,
    sku: str,
    quantity: float | None,
    clause: str,
    order: OrderLines,
    ops: Operations,
    change: OrderChange,
) -> None:
    held = order.quantity(sku)
    if op == "remove":
        if quantity is not None and held is not None and quantity < held and numbers_in(clause):
            change.set_quantity.append(SkuQuantity(sku=sku, quantity=held - quantity))
        else:
            change.remove.append(sku)
        return
    if op == "add":
        if quantity is None:
            change.unread.append(clause)
        elif held is not None:
            change.set_quantity.append(SkuQuantity(sku=sku, quantity=held + quantity))
        else:
            change.add.append(SkuQuantity(sku=sku, quantity=quantity))
        return
    target = _set_quantity(clause, ops)
    by = None if ops.set_to.search(clause) else _relative(clause, ops)
    if by is not None and held is not None and held + by > 0:
        target = held + by  # "reduce the valves by 4", "augmenter de 2"
    if target is None:
        change.unread.append(clause)
    else:
        change.set_quantity.append(SkuQuantity(sku=sku, quantity=target))


def _set_quantity(clause: str, ops: Operations) -> float | None:
    """The new quantity: before 'au lieu de', after 'à'/'to', else the one number written."""
    clause = no_references(clause)  # the digits of 'GOB-20-1000' and 'the 125g patties' are no quantity
    before = ops.set_before.search(clause)
    if before and is_size(clause, before.start(1), before.end(1)):
        # '6 tuyaux 19 mm 25 m au lieu de 4': the figure before 'au lieu de' is the article's size, the
        # one count written before it the new count.
        counts = [m for m in NUMBER.finditer(clause, 0, before.start(1)) if not is_size(clause, *m.span(1))]
        if len(counts) == 1:
            return as_float(counts[0].group(1))
    if before:
        return as_float(before.group(1))
    after = [m.group(1) for m in ops.set_to.finditer(ops.line_number.sub(" ", clause))]
    if after:
        return as_float(after[-1])
    # "au lieu de 10 coudes, mettre 50": the count after 'au lieu de' is the one replaced.
    numbers = numbers_in(ops.instead_of.sub(" ", ops.line_number.sub(" ", clause)))
    return numbers[0] if len(numbers) == 1 else None


def _relative(clause: str, ops: Operations) -> float | None:
    """The quantity a set moves by ('reduce by 4' is -4, 'increase by 2' +2), else None."""
    for pattern, sign in ((ops.less_by, -1.0), (ops.more_by, 1.0)):
        found = pattern.search(CODE_SHAPED.sub(" ", clause))
        if found and (value := as_float(found.group(1))) is not None:
            return sign * value
    return None


def _move_delivery(clause: str, change: OrderChange, today: dt.date) -> bool:
    """The new delivery date: the one before 'au lieu du'/'instead of', else the last written."""
    hits = [h for h in find_dates(clause, today) if h.value is not None]
    if not hits:
        return False
    instead = re.search(r"\b(au lieu d[ue]s?|plut[ôo]t que|instead of|rather than)\b", clause, re.I)
    before = [h for h in hits if instead and h.span[0] < instead.start()]
    chosen = before[-1] if before else hits[-1]
    change.delivery_date = chosen.value
    return True
