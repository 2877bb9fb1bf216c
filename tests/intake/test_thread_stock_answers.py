"""Answers written under the rows of our stock note ('- 6 in stock', '10 disponibles'), and a reply under
our price list that names no offer (building-supplies catalogue)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from intake.followups import read_thread
from matchers import CatalogIndex
from models import ExtractedOrder, ParsedMessage
from parsers import extract_orders
from parsers.mail.quotes import split_reply
from parsers.text.thread import quotes_an_offer
from tests.factories.pipeline import make_parsed
from tests.factories.threads import skus_of

REF = Path(__file__).parents[2] / "fixtures" / "ref"
ATTRIBUTION = "On 15 Dec 2026, at 10:31, Order desk <commandes@garonne-pro.fr> wrote:"


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(REF)


def _answered(rows: list[str], answers: list[str]) -> ParsedMessage:
    body = ["Hi, answers below, PO KT-PO-2231.", "", ATTRIBUTION, "> Hello,", "> What we can ship this week:"]
    for row, answer in zip(rows, answers, strict=True):
        body += [">", f"> {row}", answer]
    body += [">", "> Regards", "> Order desk", "", "Karen"]
    split = split_reply("\n".join(body))
    return make_parsed(text=split.text).model_copy(
        update={"quoted": split.quoted, "inline_answers": split.inline_answers, "subject": "RE: stock"}
    )


def _read(parsed: ParsedMessage, index: CatalogIndex) -> ExtractedOrder:
    (order,) = read_thread(parsed, extract_orders(parsed, codes=index), index)
    return order


@pytest.mark.parametrize(
    "rows",
    [
        [
            "Ruban de masquage 19 mm x 50 m - 40 in stock",
            "Casque de chantier blanc - 12 available",
            "Gants latex taille 7 - boîte de 100 - 8 available",
        ],
        [
            "Ruban de masquage 19 mm x 50 m : 40 en stock",
            "Casque de chantier blanc : 12 disponibles",
            "Gants latex taille 7 - boîte de 100 : 8 dispo",
        ],
    ],
    ids=["english", "french"],
)
def test_counts_under_our_stock_rows_order_those_articles(rows: list[str], index: CatalogIndex) -> None:
    order = _read(_answered(rows, ["take 10", "4 please", "not this time"]), index)
    assert skus_of(order, index) == [("RUB-MAS-19", 10), ("EPI-CAS-01", 4)]
    assert order.doubts == []


def test_a_refusal_that_names_more_is_left_to_a_clerk(index: CatalogIndex) -> None:
    rows = ["Ruban de masquage 19 mm x 50 m - 40 in stock", "Casque de chantier blanc - 12 available"]
    order = _read(_answered(rows, ["take 10", "no, the yellow ones"]), index)
    assert order.doubts


@pytest.mark.parametrize(
    ("quoted", "offer"),
    [
        (
            "> Our net prices:\n> Mastic silicone sanitaire transparent 310 ml - 5,90 EUR\n"
            "> Casque de chantier blanc - 9,90 EUR\n",
            True,
        ),
        (
            "> As asked:\n> - Ruban de masquage 19 mm : 1,96 € HT\n> - Gants latex T7 : 6,90 € HT la boîte\n",
            True,
        ),
        ("> Please find your invoice:\n> Casque blanc - 9,90 EUR\n> Ruban 19 mm - 1,96 EUR\n", False),
        ("> Your order total comes to 214,00 EUR.\n", False),
    ],
    ids=["rows-in-euros", "bulleted-rows", "an-invoice", "a-total"],
)
def test_rows_at_their_prices_are_an_offer(quoted: str, offer: bool) -> None:
    assert quotes_an_offer(quoted) is offer
