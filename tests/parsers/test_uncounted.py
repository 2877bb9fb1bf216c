"""Articles listed without a count, one a row or several a row, are one each, held for a clerk; a lone
name, a line of a paragraph, a heading or a row naming no article surely is none (invented catalogues: a
plumber's merchant's, a lab supplier's, a stationer's)."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex
from models import ProductRow, ReferenceData
from parsers.text.reader import read_lines
from parsers.text.uncounted import RULE, UNCOUNTED

PLUMBING = CatalogIndex.build(
    ReferenceData(
        products=[
            ProductRow(sku="PL-101", name="Robinet d'arrêt laiton 1/2", unit="pce", unit_price=6.5),
            ProductRow(sku="PL-102", name="Flexible inox sanitaire 50 cm", unit="pce", unit_price=4.2),
            ProductRow(sku="PL-201", name="Siphon de lavabo PVC", unit="pce", unit_price=5.9),
            ProductRow(sku="PL-301", name="Mitigeur évier chromé Grohe", unit="pce", unit_price=89.0),
            ProductRow(sku="PL-401", name="Joint fibre 20x27 sachet de 10", unit="sachet", unit_price=2.1),
            ProductRow(sku="PL-501", name="Ballon eau chaude 200 L Atlantic", unit="pce", unit_price=420.0),
        ]
    )
)
LAB = CatalogIndex.build(
    ReferenceData(
        products=[
            ProductRow(sku="LB-10", name="Nitrile gloves size M box of 100", unit="boite", unit_price=7.9),
            ProductRow(
                sku="LB-20", name="Serological pipettes 10 ml sterile", unit="carton", unit_price=39.0
            ),
            ProductRow(sku="LB-30", name="Petri dishes 90 mm", unit="carton", unit_price=24.0),
            ProductRow(sku="LB-40", name="Magnetic stirrer bar PTFE 25 mm", unit="pce", unit_price=3.1),
            ProductRow(sku="LB-50", name="Wash bottle LDPE 500 ml", unit="pce", unit_price=2.6),
        ]
    )
)
STATIONERY = CatalogIndex.build(
    ReferenceData(
        products=[
            ProductRow(sku="ST-1", name="Agrafeuse de bureau Rapid", unit="pce", unit_price=12.0),
            ProductRow(sku="ST-2", name="Perforatrice 2 trous Leitz", unit="pce", unit_price=9.5),
            ProductRow(sku="ST-3", name="Classeur à levier dos 80 mm bleu", unit="pce", unit_price=2.9),
            ProductRow(sku="ST-4", name="Dévidoir de ruban adhésif", unit="pce", unit_price=6.0),
        ]
    )
)


def _uncounted(text: str, book: CatalogIndex) -> list[tuple[str, int]]:
    return [
        (line.description.value, int(line.quantity.value))
        for line in read_lines(text, part="body", codes=book)
        if line.provenance and line.provenance.rule == RULE
    ]


@pytest.mark.parametrize(
    ("text", "book", "expected"),
    [
        (
            "Bonjour,\n\nPour le chantier de la rue Haute :\n\nmitigeur évier chromé Grohe\n"
            "siphon de lavabo PVC (l'ancien fuit)\nflexible inox sanitaire 50 cm\n\nMerci\n",
            PLUMBING,
            [
                ("mitigeur évier chromé Grohe", 1),
                ("siphon de lavabo PVC", 1),
                ("flexible inox sanitaire 50 cm", 1),
            ],
        ),
        (
            "Hello,\n\nBench 4 (cell culture)\n   serological pipettes 10 ml, petri dishes 90 mm\n"
            "Bench 7\n   wash bottle LDPE 500 ml only\n\nThanks\n",
            LAB,
            [
                ("serological pipettes 10 ml", 1),
                ("petri dishes 90 mm", 1),
                ("wash bottle LDPE 500 ml only", 1),
            ],
        ),
        (
            "Bonjour,\n\nBureau 12 : agrafeuse de bureau Rapid + perforatrice 2 trous Leitz\nBureau 14 : dévidoir de ruban adhésif\n\nCordialement\n",
            STATIONERY,
            [
                ("agrafeuse de bureau Rapid", 1),
                ("perforatrice 2 trous Leitz", 1),
                ("dévidoir de ruban adhésif", 1),
            ],
        ),
    ],
    ids=["one-a-row-fr-plumbing", "several-a-row-per-bench-en-lab", "joined-by-plus-fr-stationery"],
)
def test_articles_listed_without_a_count_are_one_each(
    text: str, book: CatalogIndex, expected: list[tuple[str, int]]
) -> None:
    assert _uncounted(text, book) == expected


def test_each_uncounted_line_waits_for_a_clerk() -> None:
    lines = read_lines("mitigeur évier chromé Grohe\nsiphon de lavabo PVC\n", part="body", codes=PLUMBING)
    assert lines and all(UNCOUNTED in line.notes for line in lines)


@pytest.mark.parametrize(
    ("text", "book"),
    [
        ("Bonjour,\n\nmitigeur évier chromé Grohe\n\nMerci\n", PLUMBING),
        ("Bonjour,\n\nmitigeur évier chromé Grohe\n\nsiphon de lavabo PVC\n\nMerci\n", PLUMBING),
        (
            "Hello, we had a look at the wash bottle LDPE 500 ml you sent last week and it\n"
            "petri dishes 90 mm\nwere fine but the rest was not.\n",
            LAB,
        ),
        ("Do you still sell the petri dishes 90 mm?\nserological pipettes 10 ml?\n", LAB),
        ("Bonjour,\nagrafeuse de bureau Rapid\nle reste du bureau 12\n", STATIONERY),
        ("Bonjour,\n- agrafeuse de bureau Rapid\n- perforatrice 2 trous Leitz : 3\n", STATIONERY),
        ("Siphon de lavabo PVC, mitigeur évier chromé Grohe. Merci\n", PLUMBING),
        ("Siphon de lavabo PVC, mitigeur évier chromé Grohe\n\nMerci\n", PLUMBING),
        ("Bonjour,\n\n- Salle 3 : siphon de lavabo PVC, mitigeur évier chromé Grohe\n\nMerci\n", PLUMBING),
    ],
    ids=[
        "a-lone-name",
        "names-apart-in-two-blocks",
        "a-line-of-a-paragraph",
        "questions",
        "a-row-naming-no-article",
        "one-uncounted-beside-a-counted-one",
        "an-answer-in-a-sentence",
        "an-answer-in-one-row",
        "one-bulleted-room-alone",
    ],
)
def test_no_uncounted_line_outside_a_list_of_sure_names(text: str, book: CatalogIndex) -> None:
    assert _uncounted(text, book) == []
