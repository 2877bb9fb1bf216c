"""One count said once for a list of articles, and one article split in sizes (parsers/text/each.py)."""

from __future__ import annotations

import pytest

from parsers.text.each import read_each


class _Codes:
    """A catalogue's book of codes that knows three office-supplies skus."""

    known = frozenset({"PAP-A4-80", "PAP-A3-80", "ENV-C5-500"})

    def knows_code(self, token: str) -> bool:
        return token.upper() in self.known


def _read(text: str) -> list[tuple[str, int, str | None]]:
    return [
        (
            (line.code or line.description).value,
            int(line.quantity.value),
            line.unit.value if line.unit else None,
        )
        for line in read_each(text, part="body", codes=_Codes())
    ]


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        (
            "Bonjour,\n\nMerci de livrer 3 cartons de chaque :\n- Gobelet carton 20 cl\n- Couvercle gobelet 20 cl\n\nMerci",
            [("Gobelet carton 20 cl", 3, "carton"), ("Couvercle gobelet 20 cl", 3, "carton")],
        ),
        (
            "Hello,\n\n2 of each, please:\nPAP-A4-80\nPAP-A3-80\nENV-C5-500\n\nThanks",
            [("PAP-A4-80", 2, None), ("PAP-A3-80", 2, None), ("ENV-C5-500", 2, None)],
        ),
        (
            "Bonjour,\n6 pièces de chaque modèle :\n1. Coude cuivre 90° Ø14\n2. Coude cuivre 90° Ø16\n",
            [("Coude cuivre 90° Ø14", 6, "pce"), ("Coude cuivre 90° Ø16", 6, "pce")],
        ),
        (
            "Veste de travail grise : T2 x 4, T3 x 6 et T4 x 2.",
            [
                ("Veste de travail grise T2", 4, None),
                ("Veste de travail grise T3", 6, None),
                ("Veste de travail grise T4", 2, None),
            ],
        ),
        (
            "Safety boots size 42 x 3, size 44 x 1",
            [("Safety boots size 42", 3, None), ("Safety boots size 44", 1, None)],
        ),
        (
            "Ciment gris : 2 sacs de 25 kg + 3 sacs de 35 kg",
            [("Ciment gris 25 kg", 2, "sac"), ("Ciment gris 35 kg", 3, "sac")],
        ),
        (
            "garden hose 15 mm: 1 coil of 25 m and 2 coils of 50 m",
            [("garden hose 15 mm 25 m", 1, "couronne"), ("garden hose 15 mm 50 m", 2, "couronne")],
        ),
    ],
    ids=[
        "cartons-of-each-fr",
        "codes-of-each-en",
        "numbered-list-fr",
        "sizes-fr",
        "sizes-en",
        "packaging-sizes-fr",
        "packaging-sizes-en",
    ],
)
def test_a_count_said_once_is_each_articles(text: str, lines: list[tuple[str, int, str | None]]) -> None:
    assert _read(text) == lines


@pytest.mark.parametrize(
    "text",
    [
        "3 cartons de chaque :\n- Gobelet carton 20 cl\n",
        "2 of each:\n- Copy paper A4 : 5\n- Copy paper A3 : 2\n",
        "Un carton de chaque sera livré mardi.\n- Gobelet\n- Couvercle\n",
        "Gants : T9 x 20, et aussi des lunettes T10 x 10",
        "Ciment : 2 sacs de 25 kg, et aussi de la colle 3 sacs de 25 kg",
        "Ciment : 2 sacs de 25 kg + 3 kg de 35 kg",
    ],
    ids=[
        "one-article-alone",
        "lines-count-their-own",
        "each-not-ending-the-sentence",
        "sizes-of-two-articles",
        "packaging-sizes-of-two-articles",
        "a-weight-counts-no-packaging",
    ],
)
def test_nothing_is_shared_where_the_count_is_not_said_for_a_list(text: str) -> None:
    assert read_each(text, part="body", codes=_Codes()) == []
