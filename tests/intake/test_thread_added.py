"""What a reply adds to the earlier order it orders again, in words no quoted line names (plumbing
catalogue): kept as a line of its own, its count in words or figures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from intake.followups import read_thread
from intake.followups.added import added_lines
from matchers import CatalogIndex
from parsers import extract_orders
from tests.factories.threads import reply_quoting, skus_of

REF = Path(__file__).parents[2] / "fixtures" / "followups" / "ref"
EARLIER = "Commande CH-4410 :\n- 6 manchons à sertir cuivre Ø14\n- 10 coudes 90° à sertir cuivre Ø16\nMerci"


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(REF)


@pytest.mark.parametrize(
    "said",
    [
        "Même commande que la dernière fois, mais 12 coudes au lieu de 10, et ajoutez trois bouchons à sertir cuivre Ø22.",
        "Same as last time, but 12 elbows instead of 10, and add three bouchons à sertir cuivre Ø22.",
    ],
    ids=["french", "english"],
)
def test_an_article_the_reply_adds_in_words_of_its_own_is_kept(said: str, index: CatalogIndex) -> None:
    parsed = reply_quoting(said, EARLIER, subject="RE: Commande CH-4410")
    (order,) = read_thread(parsed, extract_orders(parsed, codes=index), index)
    assert ("PLB-20959", 3) in skus_of(order, index)
    assert order.doubts


def test_pareil_que_la_derniere_fois_orders_the_quoted_order_with_its_changes(index: CatalogIndex) -> None:
    said = "Pareil que la dernière fois mais 12 coudes au lieu de 10, et pas de manchons cette fois."
    parsed = reply_quoting(said, EARLIER, subject="RE: Commande CH-4410")
    (order,) = read_thread(parsed, extract_orders(parsed, codes=index), index)
    assert [qty for _, qty in skus_of(order, index)] == [12]


def test_a_count_added_to_a_quoted_line_is_no_line_of_its_own() -> None:
    quoted = ["manchons à sertir cuivre Ø14", "coudes 90° à sertir cuivre Ø16"]
    unread = ["et ajoutez 4 coudes 90° à sertir", "add 2 more of the sleeves"]
    assert added_lines(unread, " ".join(unread), quoted, part="body") == []


def test_a_count_in_words_after_the_verb_is_the_added_line_s_count() -> None:
    (line,) = added_lines(["and add two brass caps"], "and add two brass caps", [], part="body")
    assert line.quantity is not None and int(line.quantity.value) == 2
