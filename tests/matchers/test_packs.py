"""A measure ordered of an article sold in packs of that measure (matchers/packs.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from matchers.packs import counted_in_count_packs, counted_in_packs, pack_content, pieces_in_pack


@pytest.mark.parametrize(
    ("quantity", "unit", "name", "sales_unit", "packs"),
    [
        ("105", "kg", "Sable à maçonner 0/4 sac de 35 kg", "sac", "3"),
        ("10", "kg", "Cordon bleu de dinde 100 g carton 5 kg", "carton", "2"),
        ("3", "kg", "Crevettes décortiquées sac 1 kg", "sac", "3"),
        ("20", "l", "Huile de friture bidon 10 L", "bidon", "2"),
        ("1500", "g", "Mâche lavée sachet 500 g", "sachet", "3"),
    ],
    ids=["sacks", "the-piece-weight-is-not-the-pack", "one-kilo-sacks", "litres", "grams"],
)
def test_a_measure_ordered_is_a_whole_number_of_the_packs_the_name_weighs(
    quantity, unit, name, sales_unit, packs
):
    assert counted_in_packs(Decimal(quantity), unit, name, sales_unit) == Decimal(packs)


@pytest.mark.parametrize(
    ("quantity", "unit", "name", "sales_unit"),
    [
        ("7", "kg", "Cordon bleu de dinde 100 g carton 5 kg", "carton"),
        ("2", "kg", "Steak haché 15 % 100 g (colis de 20)", "colis"),
        ("15", "kg", "Colin d'Alaska 120/140", "carton"),
        ("10", "kg", "Pointes tête plate vrac", "kg"),
        ("10", "l", "Ciment gris sac de 25 kg", "sac"),
        ("3", "carton", "Cordon bleu de dinde 100 g carton 5 kg", "carton"),
        ("50", "kg", "Ciment gris sac de 25 kg", "pce"),
    ],
    ids=[
        "not-a-whole-number",
        "no-pack-weight",
        "no-measure-in-the-name",
        "sold-by-the-kilo",
        "another-kind",
        "counted-in-its-own-unit",
        "sold-by-another-unit-than-the-pack-word",
    ],
)
def test_no_conversion_without_a_stated_pack_of_that_measure(quantity, unit, name, sales_unit):
    assert counted_in_packs(Decimal(quantity), unit, name, sales_unit) is None


def test_the_pack_holds_the_measure_after_its_own_word():
    assert pack_content("Cordon bleu 100 g carton 5 kg", "carton") == ("mass", Decimal(5000))
    assert pack_content("Cordon bleu 100 g carton 5 kg", "sac") is None


@pytest.mark.parametrize(
    ("name", "sales_unit", "stated", "counted"),
    [
        ("Tube LED T8 60 cm 10W", "pce", "boîtes", "pce"),
        ("Gant chimique nitrile vert T8", "paire", "colis", "paire"),
        ("Ampoule H7 24V", "pce", "carton", "pce"),
        ("Gants nitrile boîte de 100", "pce", "carton", None),
        ("Vis agglo 4x40 boîte de 200", "boite", "colis", None),
        ("Tube LED T8 60 cm 10W", "pce", "pce", None),
        ("Farine T55", "kg", "sac", None),
    ],
    ids=[
        "box-of-pieces",
        "case-of-pairs",
        "carton",
        "name-calls-a-pack-its-own",
        "sold-by-the-box",
        "same-unit",
        "measure",
    ],
)
def test_a_packs_bare_count_counts_the_piece_only_when_nothing_else_can_be_meant(
    name: str, sales_unit: str, stated: str, counted: str | None
) -> None:
    assert pieces_in_pack(name, sales_unit, stated) == counted


@pytest.mark.parametrize(
    ("quantity", "unit", "name", "sales_unit", "packs"),
    [
        ("12", "paire", "Chaussettes lot de 3 paires 39/42", "lot", Decimal(4)),
        ("48", "rouleau", "Essuie-tout box of 12 rolls", "boite", Decimal(4)),
        ("10", "paire", "Chaussettes lot de 3 paires 39/42", "lot", None),
        ("12", "pce", "Chaussettes lot de 3 paires 39/42", "lot", None),
        ("12", "paire", "Gants latex 3 paires", "paire", None),
    ],
    ids=["pairs-in-lots", "rolls-in-boxes", "not-whole-lots", "another-count", "sold-by-the-pair"],
)
def test_a_count_ordered_fills_the_packs_the_name_counts(quantity, unit, name, sales_unit, packs):
    assert counted_in_count_packs(Decimal(quantity), unit, name, sales_unit) == packs
