"""What a customer usually buys ranks the near twins its wording cannot tell apart, and no more."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from matchers import CatalogIndex, decided_by_habit, match_article
from matchers.habits import WEIGHT, Habit, build_habits, by_habit
from models import Candidate, Extracted, ExtractedLine, HabitRow, ProductRow
from tests.paths import ROOT

GARDEN = ROOT / "fixtures" / "history" / "ref"


@pytest.fixture(scope="module")
def garden(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(GARDEN)


def _line(text: str, quantity: str = "10", unit: str | None = None) -> ExtractedLine:
    return ExtractedLine(
        line_no=1,
        description=Extracted(value=text),
        quantity=Extracted(value=Decimal(quantity)),
        unit=Extracted(value=unit) if unit else None,
    )


def _match(index: CatalogIndex, customer: str, text: str, quantity: str = "10", unit: str | None = None):
    line = _line(text, quantity, unit)
    return match_article(line, index, customer_id=customer, habits=index.habits.get(customer))


@pytest.mark.parametrize(
    ("customer", "text", "unit", "sku"),
    [
        pytest.param("J001", "terreau universel", "sacs", "TER-UNI-70", id="nursery-takes-the-70-litre-bag"),
        pytest.param("J002", "terreau universel", "sacs", "TER-UNI-40", id="shop-takes-the-40-litre-bag"),
        pytest.param("J001", "pots ronds terre cuite", None, "POT-TC-30", id="size-left-out"),
        pytest.param("J002", "jardinière 80 cm", None, "JAR-80-ANT", id="colour-left-out"),
        pytest.param("J001", "gants de jardinage nitrile", "paires", "GAN-NJ-9", id="glove-size-left-out"),
    ],
)
def test_the_usual_article_wins_a_tie_and_waits_for_a_clerk(
    garden: CatalogIndex, customer: str, text: str, unit: str | None, sku: str
) -> None:
    match = _match(garden, customer, text, unit=unit)
    assert match.sku == sku
    assert decided_by_habit(match.candidates[0]) and match.margin == 0.0
    assert match.score < 0.75  # the wording alone does not choose: never accepted on this


def test_a_size_written_is_never_overridden_by_the_habit(garden: CatalogIndex) -> None:
    match = _match(garden, "J001", "gants de jardinage nitrile taille 8", unit="paires")
    assert match.sku == "GAN-NJ-8" and match.margin >= 0.1
    assert not any(e.kind.startswith("habit") for c in match.candidates for e in c.evidence)


def test_a_unit_the_customer_never_used_for_its_usual_article_leaves_the_wording_alone(garden: CatalogIndex):
    bag = _match(garden, "J002", "engrais gazon granulés", "2", unit="sacs")
    bucket = _match(garden, "J002", "engrais gazon granulés", "2")
    assert bag.sku == "ENG-GAZ-K25" and not decided_by_habit(bag.candidates[0])
    assert bucket.sku == "ENG-GAZ-S10" and decided_by_habit(bucket.candidates[0])


def test_a_quantity_far_from_the_habit_is_not_the_habit(garden: CatalogIndex) -> None:
    far = _match(garden, "J001", "terreau universel", "400", unit="sacs")
    assert not any(e.kind.startswith("habit") for c in far.candidates for e in c.evidence)


def test_a_customer_without_history_or_one_order_is_no_habit(garden: CatalogIndex) -> None:
    assert _match(garden, "J003", "terreau universel", unit="sacs").candidates[0].evidence[-1].kind != "habit"
    hose = _match(garden, "J001", "tuyau arrosage 15 mm", "2", unit="rouleaux")  # one order of the 50 m
    assert not decided_by_habit(hose.candidates[0]) and hose.margin < 0.1


def _ranked(*pairs: tuple[str, float]) -> list[tuple[float, Candidate]]:
    return [(raw, Candidate(key=key, score=raw)) for key, raw in pairs]


HABITS = {"A": Habit(6, 2, 6, frozenset({"sac"})), "B": Habit(1, 2, 2, frozenset({"sac"}))}


@pytest.mark.parametrize(
    ("pairs", "first", "kind"),
    [
        pytest.param((("B", 0.90), ("A", 0.85)), "A", "habit_decides", id="rival-ahead-inside-the-window"),
        pytest.param((("A", 0.90), ("B", 0.90)), "A", "habit_decides", id="a-tie"),
        pytest.param((("A", 0.90), ("B", 0.87)), "A", "habit_decides", id="a-lead-below-the-wording-tie"),
        pytest.param((("A", 0.90), ("B", 0.84)), "A", "habit", id="the-wording-agrees"),
        pytest.param((("B", 0.96), ("A", 0.85)), "B", None, id="a-clear-textual-match"),
    ],
)
def test_the_habit_weighs_only_inside_the_window(
    pairs: tuple[tuple[str, float], ...], first: str, kind: str | None
) -> None:
    ranked = by_habit(_ranked(*pairs), _line("x", "4"), HABITS, None)
    assert ranked[0][1].key == first
    kinds = [e.kind for _, c in ranked for e in c.evidence]
    assert kinds == ([kind] if kind else [])
    if kind:
        assert ranked[0][0] == pytest.approx(dict(pairs)["A"] + WEIGHT)


def test_two_usual_articles_ordered_alike_decide_nothing() -> None:
    habits = {"A": Habit(4, 2, 6, frozenset()), "B": Habit(3, 2, 6, frozenset())}
    ranked = _ranked(("B", 0.9), ("A", 0.9))
    assert by_habit(ranked, _line("x"), habits, None) == ranked


def test_history_rows_merge_per_article_in_catalogue_units() -> None:
    products = {"S": ProductRow(sku="S", name="Terreau", unit="sac")}
    rows = [
        HabitRow(customer_id="C", sku="S", unit=None, orders=2, low=3, high=5),
        HabitRow(customer_id="C", sku="S", unit="Sacs", orders=1, low=1, high=9),
        HabitRow(customer_id="C", sku="GONE", unit=None, orders=4, low=1, high=1),
    ]
    habits = build_habits(rows, products, lambda written: written.lower().rstrip("s"))
    assert habits == {"C": {"S": Habit(3, 1, 9, frozenset({"sac"}))}}


def test_habits_are_read_once_with_the_catalogue(garden: CatalogIndex) -> None:
    assert garden.habits["J001"]["TER-UNI-70"].orders == 5
    assert garden.habits["J002"]["ENG-GAZ-S10"].units == frozenset({"seau"})
