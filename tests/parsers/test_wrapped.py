"""A sentence wrapped over several lines, read whole when it lists more items so."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parsers.text.reader import read_lines


def _read(text: str) -> list[tuple[str, Decimal, str | None]]:
    return [
        (ln.description.value, ln.quantity.value, ln.unit.value if ln.unit else None)
        for ln in read_lines(text, part="body")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pour le chantier il me faudrait : 6 casques blancs ventilés, 6 gilets orange XL,\n"
            "12 paires de gants anti-coupure et 2 cônes 75. Merci !\n",
            [
                ("casques blancs ventilés", 6, None),
                ("gilets orange XL", 6, None),
                ("gants anti-coupure", 12, "paire"),
                ("cônes 75", 2, None),
            ],
        ),
        (
            "Could you please deliver 40 pairs of cut-resistant gloves in size 9, 15 boxes of the\n"
            "blue nitrile gloves size L, and 6 vented hard hats in yellow. Also 2 full\n"
            "body harnesses and a dozen ear defenders.\n",
            [
                ("cut-resistant gloves in size 9", 40, "paire"),
                ("the blue nitrile gloves size L", 15, "boite"),
                ("vented hard hats in yellow", 6, None),
                ("full body harnesses", 2, None),
                ("ear defenders", 12, None),
            ],
        ),
    ],
    ids=["fr-two-lines", "en-three-lines"],
)
def test_a_wrapped_sentence_listing_items_is_read_whole(text: str, expected: list) -> None:
    assert _read(text) == [(d, Decimal(q), u) for d, q, u in expected]


def test_the_spans_of_a_wrapped_sentence_are_the_bodys() -> None:
    text = (
        "Bonjour,\n\nil me faudrait : 6 casques blancs ventilés, 6 gilets orange XL et\n3 paires de gants.\n"
    )
    lines = read_lines(text, part="body")
    assert [text[slice(*ln.description.provenance.span)] for ln in lines] == [
        "casques blancs ventilés",
        "gilets orange XL",
        "gants",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "- 12 x Gants anti-coupure niveau C taille 9, conditionnés par paire de deux\n- 6 x Gilets orange XL\n",
        "Livraison à l'atelier de la rue des Lilas avant jeudi, merci de prévenir\n3 cartons de gobelets\n",
    ],
    ids=["list-lines", "one-item-each-line"],
)
def test_lines_that_read_as_much_alone_are_not_joined(text: str) -> None:
    spans = [ln.provenance.span for ln in read_lines(text, part="body")]
    assert all("\n" not in text[b:e] for b, e in spans)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pour la cantine il nous faut 6 cartons de serviettes 33x33, 4 paquets de gobelets et 3 bidons\n"
            "d'huile de friture 20 L, plus 2 rouleaux de film 300 m pour la cuisine.\n",
            [
                ("serviettes 33x33", 6, "carton"),
                ("gobelets", 4, "paquet"),
                ("huile de friture 20 L", 3, "bidon"),
                ("film 300 m pour la cuisine", 2, "rouleau"),
            ],
        ),
        (
            "6 câbles HDMI 2 m, 4 adaptateurs USB-C, 3 claviers sans fil, 5 souris optiques\n"
            "silencieuses noires, 2 écrans 27 pouces et 1 station d'accueil.\n",
            [
                ("câbles HDMI 2 m", 6, None),
                ("adaptateurs USB-C", 4, None),
                ("claviers sans fil", 3, None),
                ("souris optiques silencieuses noires", 5, None),
                ("écrans 27 pouces", 2, None),
                ("station d'accueil", 1, None),
            ],
        ),
    ],
    ids=["count-left-at-line-end", "name-goes-on-after-a-count-first-line"],
)
def test_a_name_running_over_the_line_break_is_read_whole(text: str, expected: list) -> None:
    assert _read(text) == [(d, Decimal(q), u) for d, q, u in expected]
