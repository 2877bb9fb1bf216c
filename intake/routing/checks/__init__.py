"""The routing checks: one small pure function each, from a CheckContext to ReviewReasons."""

from collections.abc import Callable

from intake.routing.checks.amounts import (
    check_line_count,
    check_prices,
    check_quantity_against_amount,
    check_stock,
    check_totals,
)
from intake.routing.checks.carried import check_carried_totals
from intake.routing.checks.catalogue_keys import prepare_keys
from intake.routing.checks.context import CheckContext
from intake.routing.checks.corrections import check_corrections
from intake.routing.checks.coverage import check_lines_read
from intake.routing.checks.forwarded import (
    check_forwarder_limits,
    check_forwarder_lines,
    check_forwarder_names_articles,
)
from intake.routing.checks.glued import check_quantity_glued
from intake.routing.checks.grouped import check_quantity_grouped
from intake.routing.checks.history import check_duplicate_lines, check_duplicate_po, check_new_customer
from intake.routing.checks.left_out import check_left_out
from intake.routing.checks.lines import (
    check_lines_matched,
    check_quantities,
    check_units,
    check_usual_quantities,
)
from intake.routing.checks.lookalike import check_lookalike_sender
from intake.routing.checks.named import check_article_named, prepare_books
from intake.routing.checks.not_ordered import check_lines_spoken_of, check_order_to_come
from intake.routing.checks.order import (
    check_classification,
    check_customer,
    check_has_lines,
    check_reading_doubts,
    check_sender_known,
)
from intake.routing.checks.pack_columns import check_pack_columns
from intake.routing.checks.po import (
    PoMentions,
    check_po_contradicted,
    check_po_read,
    check_po_single,
    check_po_written,
    read_po_mentions,
)
from intake.routing.checks.po_prefix import check_po_prefix
from intake.routing.checks.pointed import check_quoted_order_left
from intake.routing.checks.quantity_total import check_quantity_total
from intake.routing.checks.sender import check_authentication, parse_authentication_results
from intake.routing.checks.ship_to import check_ship_to_stated
from intake.routing.checks.sizes import check_sizes
from intake.routing.checks.stated import check_delivery_read
from intake.routing.checks.written import check_quantity_written
from matchers import CatalogIndex
from models import ReviewReason

Check = Callable[[CheckContext], list[ReviewReason]]

# In the order a clerk reads them: who sent it, is it an order, whose, then each line.
ALL_CHECKS: tuple[Check, ...] = (
    check_authentication,
    check_lookalike_sender,
    check_classification,
    check_order_to_come,
    check_customer,
    check_sender_known,
    check_new_customer,
    check_po_read,
    check_po_written,
    check_po_contradicted,
    check_po_single,
    check_po_prefix,
    check_delivery_read,
    check_ship_to_stated,
    check_duplicate_po,
    check_duplicate_lines,
    check_has_lines,
    check_reading_doubts,
    check_forwarder_lines,
    check_forwarder_names_articles,
    check_forwarder_limits,
    check_left_out,
    check_quoted_order_left,
    check_lines_spoken_of,
    check_lines_matched,
    check_quantities,
    check_quantity_written,
    check_quantity_glued,
    check_quantity_grouped,
    check_pack_columns,
    check_units,
    check_sizes,
    check_article_named,
    check_usual_quantities,
    check_prices,
    check_totals,
    check_carried_totals,
    check_quantity_against_amount,
    check_line_count,
    check_quantity_total,
    check_lines_read,
    check_corrections,
    check_stock,
)


# The checks that read the customer's past (`CheckContext.history`, `new_customer_orders`): run
# where the store is, after the orders before this one were recorded. The others read the message
# and the catalogue alone, and may run beforehand, where the message is read.
PAST_CHECKS: frozenset[Check] = frozenset(
    {
        check_new_customer,
        check_po_read,
        check_duplicate_po,
        check_duplicate_lines,
        check_usual_quantities,
    }
)

# Checks of the past whose reading of the message is done beforehand: what it read, finished
# (`finish(ctx)`) with the past where the store is. The same function is the check run whole.
READ_AHEAD: dict[Check, Callable[[CheckContext], PoMentions]] = {check_po_read: read_po_mentions}

# What each of `ALL_CHECKS` found, in its order; None where a check of the past is still to run,
# what it read ahead where it is still to be finished.
Found = list[list[ReviewReason] | PoMentions | None]


def assess(ctx: CheckContext) -> Found:
    """The checks that need no past, run; those of `PAST_CHECKS` left for `complete`, read ahead
    where they can be."""
    return [_assessed(check, ctx) for check in ALL_CHECKS]


def _assessed(check: Check, ctx: CheckContext) -> list[ReviewReason] | PoMentions | None:
    if check in READ_AHEAD:
        return READ_AHEAD[check](ctx)
    return None if check in PAST_CHECKS else check(ctx)


def complete(ctx: CheckContext, found: Found) -> list[ReviewReason]:
    """Every check's reasons in the checks' order: those `assess` found, the others run now."""
    return [
        reason for check, done in zip(ALL_CHECKS, found, strict=True) for reason in _done(check, done, ctx)
    ]


def _done(
    check: Check, done: list[ReviewReason] | PoMentions | None, ctx: CheckContext
) -> list[ReviewReason]:
    if done is None:
        return check(ctx)
    return done.finish(ctx) if isinstance(done, PoMentions) else done


def run_checks(ctx: CheckContext, checks: tuple[Check, ...] = ALL_CHECKS) -> list[ReviewReason]:
    """Every check's reasons, in the checks' order."""
    return [reason for check in checks for reason in check(ctx)]


__all__ = [
    "ALL_CHECKS",
    "PAST_CHECKS",
    "Check",
    "CheckContext",
    "Found",
    "assess",
    "complete",
    "parse_authentication_results",
    "run_checks",
]


def prepare(catalogue: CatalogIndex) -> None:
    """Build now what the checks derive from a catalogue and keep for it (its codes and words,
    the code books of its articles and of the customers' own codes): worker processes forked
    afterwards share them, instead of each building its own at its first message (~1.4 s of
    CPU for 100,000 articles, again after each recycling)."""
    prepare_keys(catalogue.products)
    prepare_books(catalogue)
