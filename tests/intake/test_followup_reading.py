"""Follow-ups read against the linked order: English wording against French designations,
quantities set, added and removed, and the lines of a return."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from intake.followups import (
    FollowupLookups,
    LinkInputs,
    OrderLines,
    compute_change,
    link_followup,
    resolve_followup,
)
from intake.followups.clause import catalogue_words, english_to_catalogue, line_of
from intake.followups.order_article import order_index
from intake.followups.returns import returned_lines, surplus_of
from matchers import CatalogIndex
from models import PastOrder
from models.followups import FollowupKind, FollowupSign, LinkBy, ReturnReason
from tests.factories.pipeline import make_parsed

REF = Path(__file__).parents[2] / "fixtures" / "followups" / "ref"
TODAY = dt.date(2026, 11, 20)
# A valve, an elbow, a PTFE tape and a circulator (plumbing catalogue, French designations).
LINES = [("PLB-34771", 3.0), ("PLB-37699", 10.0), ("PLB-23554", 10.0), ("PLB-37498", 10.0)]


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(REF)


@pytest.fixture(scope="module")
def order(index: CatalogIndex) -> OrderLines:
    return OrderLines(lines=LINES, index=order_index(index, [sku for sku, _ in LINES]))


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ('the 3/4" ball valves', 'the 3/4" vanne sphere'),
        ("brass elbows", "laiton coude"),
        ("PTFE tape", "PTFE ruban"),
        ("robinet d'arrêt", "robinet d'arrêt"),
        ("white gloves", "blanc gant"),
        ("pumps", "pompe circulateur"),
    ],
    ids=["two-words-plural", "plural", "singular", "french-untouched", "the-matcher-s-words", "both-words"],
)
def test_english_trade_words_read_as_the_catalogues(english: str, french: str) -> None:
    assert english_to_catalogue(english) == french


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "please increase the ball valves to 16 pcs and drop the PTFE tape",
            {"set_quantity": [{"sku": "PLB-37699", "quantity": 16.0}], "remove": ["PLB-37498"]},
        ),
        ("Please add 2 more brass elbows.", {"set_quantity": [{"sku": "PLB-23554", "quantity": 12.0}]}),
        ("Au lieu de 10 coudes, mettre 50.", {"set_quantity": [{"sku": "PLB-23554", "quantity": 50.0}]}),
        (
            "Instead of 10 ball valves, make it 12.",
            {"set_quantity": [{"sku": "PLB-37699", "quantity": 12.0}]},
        ),
        ("Please reduce the ball valves by 4.", {"set_quantity": [{"sku": "PLB-37699", "quantity": 6.0}]}),
        ("Merci de réduire les coudes de 4.", {"set_quantity": [{"sku": "PLB-23554", "quantity": 6.0}]}),
        ("Merci de réduire les coudes de 10 à 6.", {"set_quantity": [{"sku": "PLB-23554", "quantity": 6.0}]}),
        ("Please increase the elbows by 5.", {"set_quantity": [{"sku": "PLB-23554", "quantity": 15.0}]}),
        (
            "Merci de passer les vannes à sphère à 50.",
            {"set_quantity": [{"sku": "PLB-37699", "quantity": 50.0}]},
        ),
        ("Supprimez le ruban PTFE.", {"remove": ["PLB-37498"]}),
        ("Pouvez-vous retirer 4 coudes ?", {"set_quantity": [{"sku": "PLB-23554", "quantity": 6.0}]}),
        ("Merci de passer la ligne 2 à 6 pièces.", {"set_quantity": [{"sku": "PLB-37699", "quantity": 6.0}]}),
        ("Livraison le 30/11/2026 au lieu du 24/11/2026 svp.", {"delivery_date": "2026-11-30"}),
    ],
    ids=[
        "increase-and-drop",
        "more",
        "instead-first-then-set",
        "instead-of-make-it",
        "reduce-by",
        "reduire-de",
        "reduire-de-a",
        "increase-by",
        "passer-a",
        "supprimez",
        "retirer-some",
        "line-number",
        "delivery-moved",
    ],
)
def test_an_english_change_names_the_orders_french_articles(
    index: CatalogIndex, order: OrderLines, text: str, expected: dict
) -> None:
    change = compute_change(text, order, index, customer_id=None, today=TODAY)
    assert change.labelled() == expected


@pytest.mark.parametrize(
    ("text", "reason", "expected"),
    [
        (
            "We ordered too many thermostatic heads: we only need 2 of the 4. Can we return the 2 surplus heads?",
            ReturnReason.SURPLUS,
            [("PLB-37645", 2.0)],
        ),
        (
            "Nous avons reçu trois têtes thermostatiques au lieu de deux. Nous vous retournons celle en trop.",
            ReturnReason.SURPLUS,
            [("PLB-37645", 1.0)],
        ),
        (
            "3 of the 3/4\" butterfly ball valves have broken handles. We're sending the 3 valves back.",
            ReturnReason.DAMAGED,
            [("PLB-37699", 3.0)],
        ),
        ("Les robinets thermostatisables équerre sont abîmés.", ReturnReason.DAMAGED, [("PLB-38460", 6.0)]),
    ],
    ids=["count-sent-back", "three-instead-of-two", "english-damaged", "nothing-counted-all-ordered"],
)  # fmt: skip
def test_the_lines_of_a_return(
    index: CatalogIndex, text: str, reason: ReturnReason, expected: list[tuple[str, float]]
) -> None:
    lines = [("PLB-37699", 10.0), ("PLB-37645", 4.0), ("PLB-38460", 6.0)]
    order = OrderLines(lines=lines, index=order_index(index, [sku for sku, _ in lines]))
    returned = returned_lines(text, reason, index, None, order)
    assert [(line.sku, line.quantity) for line in returned.lines] == expected


def test_a_return_with_no_order_names_its_article_in_the_whole_catalogue(index: CatalogIndex) -> None:
    text = 'Nous avons 5 flexibles inox 1/2" 30 cm en trop. Pouvons-nous vous les retourner ?'
    returned = returned_lines(text, ReturnReason.SURPLUS, index, None, OrderLines(lines=[]))
    assert [(line.sku, line.quantity) for line in returned.lines] == [("PLB-38868", 5.0)]


@pytest.mark.parametrize(
    ("clause", "surplus"),
    [
        ("reçu trois soupapes de sécurité 3/4 au lieu de deux", 1.0),
        ("Sur la commande CCM-4471 nous avons reçu 12 coudes au lieu de 10", 2.0),
        ("we got 4x40 screws instead of 4x30", None),
        ("reçu deux au lieu de trois", None),
    ],
    ids=["words-beside-a-size", "digits-beside-a-po", "sizes-are-no-counts", "fewer-is-no-surplus"],
)
def test_how_many_came_too_many(clause: str, surplus: float | None) -> None:
    assert surplus_of(clause) == surplus


def test_a_twin_named_by_its_dimensions_is_the_one_removed(index: CatalogIndex) -> None:
    lines = [("PLB-35455", 2.0), ("PLB-34299", 2.0), ("PLB-37645", 4.0)]  # type 22 L1200, L600
    order = OrderLines(lines=lines, index=order_index(index, [sku for sku, _ in lines]))
    text = "Please remove the 2 radiators type 22 600 x 600."
    change = compute_change(text, order, index, customer_id=None, today=TODAY)
    assert change.labelled() == {"remove": ["PLB-34299"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Supprimez le 25-40.", {"remove": ["PLB-34771"]}),
        ("Please change the 19 mm ones to 5 rolls.", {"set_quantity": [{"sku": "PLB-37498", "quantity": 5.0}]}),
        ("Merci de passer les 3/4 à 12.", {}),  # the valve and the elbow are both 3/4"
    ],
    ids=["model-number", "width", "two-articles-fit"],
)  # fmt: skip
def test_an_article_named_by_its_size_alone(
    index: CatalogIndex, order: OrderLines, text: str, expected: dict
) -> None:
    change = compute_change(text, order, index, customer_id=None, today=TODAY)
    assert change.labelled() == expected
    assert not change.certain, "a size alone names an article for a clerk to confirm"


def test_only_the_words_the_catalogue_uses_are_kept_to_name_an_article(index: CatalogIndex) -> None:
    kept = catalogue_words("peux-tu faire annuler toute ma commande des mitigeurs évier 3/8 FF", index)
    assert {"mitigeurs", "évier", "3/8", "FF"} <= set(kept.split())
    assert not {"peux-tu", "annuler", "toute", "commande"} & set(kept.split())
    assert "non" in catalogue_words("mitigeurs simples, non thermostatiques", index).split()


HEATING = PastOrder(
    message_id="<heating>",
    order_date=dt.date(2026, 11, 2),
    lines=[("PLB-35357", 4.0), ("PLB-38460", 6.0), ("PLB-37645", 6.0)],
)
VALVES = PastOrder(message_id="<valves>", order_date=dt.date(2026, 11, 9), lines=LINES)


def _lookups(*orders: PastOrder) -> FollowupLookups:
    return FollowupLookups(
        customer_orders=lambda customer: list(orders),
        thread_orders=lambda ids: [],
        reference_orders=lambda refs: [],
    )


@pytest.mark.parametrize(
    ("text", "refers_to", "candidates"),
    [
        (
            "On our order for the 3/4\" ball valves (butterfly handle) and the brass elbows, please drop the PTFE tape.",
            "<valves>",
            ["<valves>"],
        ),
        ("Merci d'annuler ma commande des têtes thermostatiques et des radiateurs.", "<heating>", ["<heating>"]),
        ("Please cancel the order with the ball valves and the thermostatic heads.", None, ["<valves>", "<heating>"]),
    ],
    ids=["english-lines", "french-lines", "two-orders-fit"],
)  # fmt: skip
def test_a_followup_naming_the_lines_of_one_order_links_to_it(
    index: CatalogIndex, text: str, refers_to: str | None, candidates: list[str]
) -> None:
    parsed = make_parsed(sender="dave.collins@harbourph.co.uk", text=text)
    sign = FollowupSign(kind=FollowupKind.CANCELLATION)
    link = resolve_followup(parsed, sign, index, _lookups(VALVES, HEATING)).link
    assert (link.refers_to, sorted(link.candidates)) == (refers_to, sorted(candidates))
    assert not link.certain, "lines name an order for a clerk to confirm, never for certain"
    if refers_to:
        assert link.link_by == LinkBy.LINES


def test_lines_named_in_one_order_and_a_day_naming_another_go_to_a_clerk() -> None:
    orders = [VALVES, HEATING]
    inputs = LinkInputs(
        dt.date(2026, 11, 10), "ma commande d'hier : ajoutez 2 têtes", orders, naming=["<heating>"]
    )
    link = link_followup(FollowupSign(kind=FollowupKind.CHANGE), inputs)
    assert (link.refers_to, sorted(link.candidates)) == (None, ["<heating>", "<valves>"])


@pytest.mark.parametrize(
    "text",
    [
        "Merci, c'est bon pour nous, et pouvez-vous ajouter 6 flexibles inox tressés FF 1/2\nlongueur 40 cm.",
        "Thanks, that is fine with us, and could you please add 6 flexibles inox tressés FF 1/2\nlongueur 40 cm.",
    ],
    ids=["fr", "en"],
)
def test_an_added_article_wrapped_over_two_lines_keeps_its_size(
    text: str, index: CatalogIndex, order: OrderLines
) -> None:
    change = compute_change(text, order, index, customer_id=None, today=TODAY)
    assert change.labelled() == {"add": [{"sku": "PLB-38218", "quantity": 6.0}]}


@pytest.mark.parametrize(
    ("clause", "words"),
    [
        ("ajoutez 2 casques anti-bruit 31 dB", "casques anti-bruit 31 dB"),
        ("please add 3 more RCDs 63 A", "63 A"),
        ("rajoutez 4 pompes de relevage 230 V", "pompes de relevage 230 V"),
        ("ajoutez-en 3 à la commande", "-en"),
    ],
    ids=["decibels", "amperes", "volts", "a-is-no-ampere"],
)
def test_a_rating_written_apart_stays_in_the_added_articles_name(
    index: CatalogIndex, clause: str, words: str
) -> None:
    line = line_of(clause, index)
    assert words in line.description.value
    assert line.quantity is not None and line.quantity.value in (2, 3, 4)
