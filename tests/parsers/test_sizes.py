"""Counts said once for several sizes or articles (parsers/text/sizes.py), and size grids
(parsers/text/size_grid.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from matchers.normalize import read_wording
from parsers.text.each_count import read_each
from parsers.text.reader import read_lines
from parsers.text.size_grid import read_size_header
from parsers.text.sizes import read_size_split


def _read(text: str) -> list[tuple[str, Decimal, str | None]]:
    return [
        (line.description.value, line.quantity.value, line.unit.value if line.unit else None)
        for line in read_lines(text, part="body")
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("gants soudeur T9 x 6, T10 x 4", [("gants soudeur T9", 6), ("gants soudeur T10", 4)]),
        ("blouses : 2 en 38, 3 en 40 et 1 en 42", [("blouses 38", 2), ("blouses 40", 3), ("blouses 42", 1)]),
        (
            "- polo marine tailles : 2 M, 3 L, 1 XL",
            [("polo marine M", 2), ("polo marine L", 3), ("polo marine XL", 1)],
        ),
        ("Tablier : S x 3, M x 5 et XL x 2", [("Tablier S", 3), ("Tablier M", 5), ("Tablier XL", 2)]),
        (
            "Veste de travail grise : T2 x 4, T3 x 6 et T4 x 2.",
            [
                ("Veste de travail grise T2", 4),
                ("Veste de travail grise T3", 6),
                ("Veste de travail grise T4", 2),
            ],
        ),
        ("Safety boots size 42 x 3, size 44 x 1", [("Safety boots size 42", 3), ("Safety boots size 44", 1)]),
        (
            "Canon 045 cyan x2, magenta x2, yellow x1",
            [("Canon 045 cyan", 2), ("Canon 045 magenta", 2), ("Canon 045 yellow", 1)],
        ),
        ("Câble souple noir x3, gris x1", [("Câble souple noir", 3), ("Câble souple gris", 1)]),
        (
            "Chargeurs de batterie : 6V x 2, 12V x 3, 24V x 1",
            [
                ("Chargeurs de batterie 6V", 2),
                ("Chargeurs de batterie 12V", 3),
                ("Chargeurs de batterie 24V", 1),
            ],
        ),
        (
            "Tabliers de cuisine : M x 5 paquets, L x 3",
            [("Tabliers de cuisine M", 5), ("Tabliers de cuisine L", 3)],
        ),
        (
            "Vestes de cuisine : 3 en M (réf. 114), 2 en L.",
            [("Vestes de cuisine M", 3), ("Vestes de cuisine L", 2)],
        ),
    ],
    ids=[
        "size-x-count",
        "count-en-size",
        "labelled-letters",
        "letters-x-count",
        "sentence-fr",
        "labelled-en",
        "colours-after-a-maker-and-model-en",
        "colours-after-a-name-fr",
        "ratings-x-count",
        "letters-before-their-counts",
        "a-remark-in-brackets-between-sizes",
    ],
)
def test_a_line_of_sizes_gives_a_line_per_size(line, expected):
    found = read_size_split(line, part="body", start=0)
    assert [(x.description.value, x.quantity.value) for x in found] == [(d, Decimal(q)) for d, q in expected]


@pytest.mark.parametrize(
    "line",
    [
        "câble souple 2 m, 3 m",
        "vis 4x40, 5x60",
        "gants T9 x 6",
        "gobelets 20 cl x 50, 25 cl x 20",
        "Gants : T9 x 20, et aussi des lunettes T10 x 10",
        "Ampoules : 21W x 10, 12V x 4",
        "corde : 2 m, 3 l",
    ],
    ids=[
        "metres",
        "dimensions",
        "one-size",
        "volumes",
        "sizes-of-two-articles",
        "mixed-ratings",
        "units-after-counts",
    ],
)
def test_lengths_dimensions_and_a_single_size_are_no_split(line):
    assert read_size_split(line, part="body", start=0) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "balais Valeo Silencio : 2 x 450, 2 x 475, 1 x 650",
            [
                ("balais Valeo Silencio 450", 2),
                ("balais Valeo Silencio 475", 2),
                ("balais Valeo Silencio 650", 1),
            ],
        ),
        (
            "- Tube cuivre recuit : 2 x 2500, 1 x 5000",
            [("Tube cuivre recuit 2500", 2), ("Tube cuivre recuit 5000", 1)],
        ),
        ("Oak skirting: 4 x 2400 and 2 x 1200", [("Oak skirting 2400", 4), ("Oak skirting 1200", 2)]),
    ],
    ids=["wipers", "copper-tube", "skirting"],
)
def test_counts_of_lengths_after_a_name_and_its_colon_give_a_line_per_length(line, expected):
    found = read_size_split(line, part="body", start=0)
    assert found is not None
    assert [(ln.description.value, ln.quantity.value) for ln in found] == [
        (d, Decimal(q)) for d, q in expected
    ]


@pytest.mark.parametrize(
    "line", ["4 x 250, 2 x 500", "Joint : 2 x 400 x 600, 1 x 300 x 600"], ids=["no-name", "sizes"]
)
def test_counts_of_lengths_with_no_name_or_of_two_figures_are_no_split(line):
    assert read_size_split(line, part="body", start=0) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "emmental râpé : 2 sachets d'1 kg + 1 sac de 2,5 kg",
            [("emmental râpé 1 kg", 2, "sachet"), ("emmental râpé 2,5 kg", 1, "sac")],
        ),
        (
            "- Ciment gris : 2 sacs de 25 kg + 3 sacs de 35 kg",
            [("Ciment gris 25 kg", 2, "sac"), ("Ciment gris 35 kg", 3, "sac")],
        ),
        (
            "garden hose 15 mm: 1 coil of 25 m and 2 coils of 50 m",
            [("garden hose 15 mm 25 m", 1, "couronne"), ("garden hose 15 mm 50 m", 2, "couronne")],
        ),
    ],
    ids=["sachets-and-sack-fr", "sacks-fr", "coils-en"],
)
def test_one_article_in_several_packaging_sizes_gives_a_line_per_packaging(line, expected):
    found = read_size_split(line, part="body", start=0)
    assert [(x.description.value, x.quantity.value, x.unit.value) for x in found] == [
        (d, Decimal(q), u) for d, q, u in expected
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Ciment : 2 sacs de 25 kg, et aussi de la colle 3 sacs de 25 kg",
        "Ciment : 2 sacs de 25 kg + 3 kg de 35 kg",
        "Ciment gris : 2 sacs de 25 kg",
    ],
    ids=["two-articles", "a-weight-counts-no-packaging", "one-packaging"],
)
def test_packagings_of_two_articles_or_one_alone_are_no_split(line):
    assert read_size_split(line, part="body", start=0) is None


def test_sizes_alone_under_a_designation_take_its_name():
    text = "Bonjour,\n\nChemise oxford bleue\ntailles : 2 M, 1 XL\n"
    assert _read(text) == [("Chemise oxford bleue M", 2, None), ("Chemise oxford bleue XL", 1, None)]


def test_units_written_with_the_pairs_are_kept():
    assert _read("bottes PVC : 2 paires en 41, 1 paire en 43\n") == [
        ("bottes PVC 41", 2, "paire"),
        ("bottes PVC 43", 1, "paire"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Article\tS\tM\tL\tXL\nPolo marine\t\t2\t4\t\nGilet gris\t1\t\t3\t2\n",
        "Article | S | M | L | XL\nPolo marine | | 2 | 4 |\nGilet gris | 1 | - | 3 | 2\n",
        "               S    M    L    XL\nPolo marine    -    2    4    -\nGilet gris     1    -    3    2\n",
    ],
    ids=["tabs", "pipes", "spaces"],
)
def test_a_size_grid_gives_a_line_per_filled_cell(text):
    assert _read(text) == [
        ("Polo marine M", 2, None),
        ("Polo marine L", 4, None),
        ("Gilet gris S", 1, None),
        ("Gilet gris L", 3, None),
        ("Gilet gris XL", 2, None),
    ]


def test_a_grid_row_after_a_blank_line_still_belongs_to_it():
    text = "Modèle\t40\t41\t42\nBotte S5\t1\t2\t\n\nSabot blanc\t\t1\t1\n\nMerci\n"
    assert [(d, q) for d, q, _ in _read(text)] == [
        ("Botte S5 40", 1),
        ("Botte S5 41", 2),
        ("Sabot blanc 41", 1),
        ("Sabot blanc 42", 1),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Article\tS\tM\tL\tXL\tTotal\nPolo marine\t\t2\t4\t\t6\nGilet gris\t1\t\t3\t\t4\nTotal articles\t\t\t\t\t10\n",
        "Article | S | M | L | XL | Qté totale\nPolo marine | | 2 | 4 | | 6\nGilet gris | 1 | | 3 | | 4\n",
    ],
    ids=["tabs", "pipes"],
)
def test_a_size_grid_may_end_with_the_rows_total(text):
    assert [(d, q) for d, q, _ in _read(text)] == [
        ("Polo marine M", 2),
        ("Polo marine L", 4),
        ("Gilet gris S", 1),
        ("Gilet gris L", 3),
    ]


def test_a_row_whose_total_disagrees_with_its_cells_is_not_read_and_the_text_after_it_is():
    text = (
        "Article\tS\tM\tXL\tTotal\nPolo marine\t2\t4\t\t9\n\nmerci de livrer 3 casques blancs avant jeudi\n"
    )
    assert ("Polo marine S", 2) not in [(d, q) for d, q, _ in _read(text)]


@pytest.mark.parametrize(
    "line",
    ["Réf | Désignation | Qté", "Total 12 15", "Code\t10\t200", "Prix\tM\tL"],
    ids=["line-table", "numbers", "not-rising", "units-only"],
)
def test_a_header_of_other_columns_opens_no_grid(line):
    assert read_size_header(line) is None


def test_xxl_and_2xl_are_one_size():
    assert (
        read_wording("polaire noire XXL").features == read_wording("veste polaire noir taille 2XL").features
    )


class _Codes:
    """A catalogue's book of codes that knows three office-supplies skus."""

    known = frozenset({"PAP-A4-80", "PAP-A3-80", "ENV-C5-500", "TN-52C", "TN-52M", "TN-52Y"})

    def knows_code(self, token: str) -> bool:
        return token.upper() in self.known


def _read_each(text: str) -> list[tuple[str, int, str | None]]:
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
            "- Toner TN-52C, TN-52M et TN-52Y : 1 de chaque\n- Agrafes 26/6 : 2 boîtes\n",
            [("TN-52C", 1, None), ("TN-52M", 1, None), ("TN-52Y", 1, None)],
        ),
        (
            "- Gaine ICTA 20 (pas la 16) rouge, bleu et vert : 2 couronnes de chaque\n",
            [
                ("Gaine ICTA 20 rouge", 2, "couronne"),
                ("Gaine ICTA 20 bleu", 2, "couronne"),
                ("Gaine ICTA 20 vert", 2, "couronne"),
            ],
        ),
        (
            "Hi-vis vests XL yellow, orange: 5 of each\n",
            [("Hi-vis vests XL yellow", 5, None), ("Hi-vis vests XL orange", 5, None)],
        ),
    ],
    ids=[
        "cartons-of-each-fr",
        "codes-of-each-en",
        "numbered-list-fr",
        "codes-on-the-line-then-of-each-fr",
        "colours-on-the-line-then-of-each-fr",
        "colours-on-the-line-then-of-each-en",
    ],
)
def test_a_count_said_once_is_each_articles(text: str, lines: list[tuple[str, int, str | None]]) -> None:
    assert _read_each(text) == lines


@pytest.mark.parametrize(
    "text",
    [
        "3 cartons de chaque :\n- Gobelet carton 20 cl\n",
        "2 of each:\n- Copy paper A4 : 5\n- Copy paper A3 : 2\n",
        "Un carton de chaque sera livré mardi.\n- Gobelet\n- Couvercle\n",
    ],
    ids=[
        "one-article-alone",
        "lines-count-their-own",
        "each-not-ending-the-sentence",
    ],
)
def test_nothing_is_shared_where_the_count_is_not_said_for_a_list(text: str) -> None:
    assert read_each(text, part="body", codes=_Codes()) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Merci de nous livrer des bottes PVC S5 vertes, 6 paires de chaque\npointure du 40 au 43, soit 24 paires.",
            [(f"bottes PVC S5 vertes pointure {n}", 6, "paire") for n in (40, 41, 42, 43)],
        ),
        (
            "Please send us the navy work jackets, 2 of each size from S to XL.",
            [(f"navy work jackets size {s}", 2, None) for s in ("S", "M", "L", "XL")],
        ),
        (
            "Gants latex : 3 boîtes de chaque taille, de 7 à 10.",
            [(f"Gants latex taille {n}", 3, "boite") for n in (7, 8, 9, 10)],
        ),
    ],
    ids=["wrapped-shoe-sizes-fr", "letters-en", "designation-before-a-colon"],
)
def test_a_count_for_each_size_of_a_range_gives_a_line_per_size(text, expected) -> None:
    assert _read_each(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pantalons gris, 2 de chaque taille du 38 au 46.",
        "2 de chaque taille du 7 au 45 pour les gants",
        "6 paires de chaque pointure du 40 au 45",
    ],
    ids=["garment-sizes-may-step-by-two", "no-range-of-sizes", "no-article-before"],
)
def test_a_range_whose_sizes_are_not_sure_gives_nothing(text) -> None:
    assert read_each(text, part="body", codes=None) == []


@pytest.mark.parametrize(
    "text",
    [
        "Réf.\tDésignation\tS\tM\tL\nBLS-310\tBlouse labo coton\t2\t\t3\nSAB-22\tSabot autoclavable blanc\t\t4\t\n",
        "Réf. | Désignation | S | M | L\nBLS-310 | Blouse labo coton | 2 | | 3\nSAB-22 | Sabot autoclavable blanc | | 4 |\n",
    ],
    ids=["tabs", "pipes"],
)
def test_a_code_in_a_cell_of_its_own_before_the_designation_is_each_grid_lines_code(text):
    lines = read_lines(text, part="body")
    assert [
        (ln.code.value if ln.code else None, ln.description.value, ln.quantity.value) for ln in lines
    ] == [
        ("BLS-310", "Blouse labo coton S", 2),
        ("BLS-310", "Blouse labo coton L", 3),
        ("SAB-22", "Sabot autoclavable blanc M", 4),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Tabliers de cuisine blancs : 4 x S, 6 x M et 2 x XL",
            [
                ("Tabliers de cuisine blancs S", 4),
                ("Tabliers de cuisine blancs M", 6),
                ("Tabliers de cuisine blancs XL", 2),
            ],
        ),
        ("Chef jackets: 3 x M, 1 x L", [("Chef jackets M", 3), ("Chef jackets L", 1)]),
    ],
    ids=["fr", "en"],
)
def test_a_letter_after_a_count_and_its_x_is_a_size(line, expected):
    assert [(d, q) for d, q, _ in _read(line)] == [(d, Decimal(q)) for d, q in expected]


def test_a_letter_right_after_its_count_with_no_x_stays_a_unit():
    assert read_size_split("Corde : 2 m, 3 l", part="body", start=0) is None


def test_sizes_closing_a_sentence_are_split_and_the_next_sentence_on_the_row_is_read_too():
    text = (
        "Pour le service d'étage il nous faut des gants vinyle poudrés : 5 en M, 3 en L. "
        "Ajoutez 4 rouleaux d'essuie-tout.\n"
    )
    assert _read(text) == [
        ("gants vinyle poudrés M", Decimal(5), None),
        ("gants vinyle poudrés L", Decimal(3), None),
        ("essuie-tout", Decimal(4), "rouleau"),
    ]


def test_pairs_parted_by_a_dash_between_spaces_are_one_split() -> None:
    found = read_size_split("Gants vinyle poudrés : taille 7 x 4 - taille 8 x 6", part="body", start=0)
    assert found is not None
    assert [(x.description.value, x.quantity.value) for x in found] == [
        ("Gants vinyle poudrés taille 7", Decimal(4)),
        ("Gants vinyle poudrés taille 8", Decimal(6)),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Équipe cuisine : tabliers blancs 3 en M, 2 en L ; toques blanches 4 en 56 et 1 en 58.\n",
            [
                ("tabliers blancs M", 3),
                ("tabliers blancs L", 2),
                ("toques blanches 56", 4),
                ("toques blanches 58", 1),
            ],
        ),
        (
            "Labo : blouses coton 2 en 40, 3 en 42; sabots blancs 1 en 38, 2 en 41\n",
            [
                ("blouses coton 40", 2),
                ("blouses coton 42", 3),
                ("sabots blancs 38", 1),
                ("sabots blancs 41", 2),
            ],
        ),
        (
            "Please send nitrile gloves 4 in M, 6 in L; vinyl aprons 2 in S and 3 in XL.\n",
            [("nitrile gloves M", 4), ("nitrile gloves L", 6), ("vinyl aprons S", 2), ("vinyl aprons XL", 3)],
        ),
    ],
    ids=["kitchen-fr", "lab-fr-no-space", "gloves-en"],
)
def test_each_clause_after_a_semicolon_names_its_own_article_for_its_sizes(text, expected):
    assert [(d, q) for d, q, _ in _read(text)] == [(d, Decimal(q)) for d, q in expected]


def test_pairs_parted_by_semicolons_stay_one_article():
    found = read_size_split("gants soudeur T9 x 6; T10 x 4", part="body", start=0)
    assert found is not None
    assert [x.description.value for x in found] == ["gants soudeur T9", "gants soudeur T10"]
