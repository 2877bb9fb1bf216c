"""Order line shapes in free text, and what is never a line."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from models import ParsedMessage
from parsers.text.line_noise import _openers
from parsers.text.lines import read_line
from parsers.text.prose import read_prose
from parsers.text.reader import extract_from_text, read_lines
from parsers.vocabulary.words import line_words
from tests.factories.body_lines import read_triples


def _shape(text: str):
    line = read_line(text, part="body", start=0)
    if line is None:
        return None
    return (
        line.code.value if line.code else None,
        line.quantity.value,
        line.unit.value if line.unit else None,
        line.pack_size.value if line.pack_size else None,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- VIS-440-200  Vis inox 4x40 boîte de 200 : 3", ("VIS-440-200", Decimal(3), None, None)),
        ("12 x VIS-440-200", ("VIS-440-200", Decimal(12), None, None)),
        ("VIS-440-200 - 12", ("VIS-440-200", Decimal(12), None, None)),
        ("MC-0017 - 4", ("MC-0017", Decimal(4), None, None)),
        ("00418 - 5", ("00418", Decimal(5), None, None)),
        ("6 x HB-GLV-L nitrile gloves", ("HB-GLV-L", Decimal(6), None, None)),
        ("2 ctn gobelets 12cl", (None, Decimal(2), "carton", None)),
        ("3 bte gants nitrile T8", (None, Decimal(3), "boite", None)),
        ("12 cartons de gants nitrile T9", (None, Decimal(12), "carton", None)),
        ("3 cartons de 12 cartouches silicone", (None, Decimal(3), "carton", Decimal(12))),
        ("4 x 250 dosettes", (None, Decimal(4), None, Decimal(250))),
        ("Disque abrasif grain 80 .......... 4 x 10", (None, Decimal(4), None, Decimal(10))),
        ("Gants nitrile taille 9 : 3 btes", (None, Decimal(3), "boite", None)),
        ("Vis inox 4x40 ........ 1.500 pces", (None, Decimal(1500), "pce", None)),
        ("Mastic gris ...... 1\u00a0200 pces", (None, Decimal(1200), "pce", None)),
        ("Café vrac : 2,5 kg", (None, Decimal("2.5"), "kg", None)),
        ("Réf : CHV-M840   Qté : 5", ("CHV-M840", Decimal(5), None, None)),
        ("deux boîtes de vis 4x40", (None, Decimal(2), "boite", None)),
        ("une douzaine de gants nitrile", (None, Decimal(12), None, None)),
        ("2 sirop grenadine", (None, Decimal(2), None, None)),
        ("Chemin de table intissé : 6 rlx", (None, Decimal(6), "rouleau", None)),
        ("Masking tape 50 mm\t8\trolls", (None, Decimal(8), "rouleau", None)),
        ("Gants nitrile T9 x 3", (None, Decimal(3), None, None)),
        ("Plaque BA13 x 12", (None, Decimal(12), None, None)),
        ("2 sacs poubelle 110 L", (None, Decimal(2), None, None)),
        ("3 sacs de ciment gris 25 kg", (None, Decimal(3), "sac", None)),
        ("2 barquettes de carottes râpées", (None, Decimal(2), "barquette", None)),
        ("Jus de pomme : 6 bouteilles", (None, Decimal(6), "flacon", None)),
        ("- RUB-MAS-19 x 12", ("RUB-MAS-19", Decimal(12), None, None)),
        ("- 15 kg gigot d'agneau", (None, Decimal(15), "kg", None)),
        ("12,5 m chaîne zinguée 5 mm", (None, Decimal("12.5"), "m", None)),
        ("chaussures de sécurité 42 x 2 paires", (None, Decimal(2), "paire", None)),
        ("cartouches 302 x 4 boîtes", (None, Decimal(4), "boite", None)),
    ],
    ids=[
        "code-desc-colon",
        "qty-x-code",
        "code-dash-qty",
        "customer-code",
        "numeric-code",
        "code-no-digit",
        "qty-abbrev-unit",
        "qty-bte",
        "qty-unit-de",
        "pack-de",
        "qty-x-pack",
        "trailing-pack",
        "desc-colon-qty-unit",
        "dot-thousands",
        "nbsp-thousands",
        "decimal-comma",
        "labelled",
        "word-qty",
        "douzaine",
        "no-unit",
        "street-word-in-designation",
        "tab-separated",
        "trailing-x-after-size-letter",
        "trailing-x-after-code",
        "noun-unit-names-the-article",
        "noun-unit-before-de",
        "foodservice-tray",
        "bottles-are-flacons",
        "code-ending-in-digits-x-qty",
        "measure-ordered-by-opens-the-line",
        "length-opens-the-line",
        "a-size-then-x-then-pairs",
        "a-model-number-then-x-then-boxes",
    ],
)
def test_line_shapes(text: str, expected) -> None:
    assert _shape(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "05 56 47 21 90",
        "Tél : 06 71 22 45 18",
        "9 route des Châteaux – 33460 Margaux",
        "12 allée des Artisans, 33170 Gradignan",
        "Total HT : 1 234,50 €",
        "Budget max 1.250,00 € HT",
        "Sacs poubelle 50 L",
        "Ruban de masquage 25 mm x 50",
        "4x40 vis inox",
        "20 cl gobelets carton",
        "pour 120 couverts le 12",
        "Date: jeu. 15 oct. 2026 à 22:13",
        "Livraison le 12",
        "Bonjour,",
        "Commandez sur https://shop.example/order?id=4471",
        "X-Spam-Score: ham, score=3.30",
        "Four more ways to manage your account",
        "82023 Peters Road, Suite 1000 Plantation, FL 33324",
        "41 500, from third party to send this report. Please do not reply",
        "7 items, total quantity 29.",
    ],
    ids=[
        "phone",
        "phone-labelled",
        "address",
        "address-comma",
        "total",
        "budget",
        "size-only",
        "size-x",
        "size-first",
        "size-measure-first",
        "headcount",
        "forward-header",
        "date",
        "greeting",
        "url",
        "header-like",
        "word-without-unit",
        "us-address",
        "sentence",
        "a-count-of-the-order-s-lines",
    ],
)
def test_not_a_line(text: str) -> None:
    assert read_line(text, part="body", start=0) is None


def test_prose_lines_keep_spans_and_stop_at_conjunctions() -> None:
    text = (
        "Il me faudrait deux cartons de papier 40x60, une boîte de sachets 25x35 et trois boîtes de gants M ?"
    )
    lines = read_prose(text, part="body", start=100)
    assert [(ln.description.value, ln.quantity.value, ln.unit.value) for ln in lines] == [
        ("papier 40x60", Decimal(2), "carton"),
        ("sachets 25x35", Decimal(1), "boite"),
        ("gants M", Decimal(3), "boite"),
    ]
    start, end = lines[0].quantity.provenance.span
    assert text[start - 100 : end - 100] == "deux"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Livrez deux sacs de ciment, une boîte de gants et six casques de chantier blancs.",
            [("ciment", 2, "sac"), ("gants", 1, "boite"), ("casques de chantier blancs", 6, None)],
        ),
        (
            "Il faut 3 cartons de gobelets ainsi que 4 lunettes de protection.",
            [("gobelets", 3, "carton"), ("lunettes de protection", 4, None)],
        ),
        ("Il faut 3 cartons de gobelets et 2 jours plus tard un rappel.", [("gobelets", 3, "carton")]),
        (
            "Il faut 3 cartons de gobelets et une douzaine de sacs.",
            [("gobelets", 3, "carton"), ("sacs", 12, None)],
        ),
        ("Merci de nous rappeler et 2 techniciens passeront.", []),
    ],
    ids=["bare-count-after-et", "ainsi-que", "days-are-no-item", "dozen-read-once", "no-list-no-item"],
)
def test_a_count_joined_to_listed_items_names_the_next_item(text: str, expected: list) -> None:
    lines = read_prose(text, part="body", start=0)
    got = [(ln.description.value, ln.quantity.value, ln.unit.value if ln.unit else None) for ln in lines]
    assert got == [(d, Decimal(q), u) for d, q, u in expected]


@pytest.mark.parametrize(
    ("text", "last"),
    [
        (
            "il nous faudrait 3 sacs de terreau et 2 rouleaux de grillage à livrer au dépôt de la rue Haute lundi",
            "rouleaux de grillage",
        ),
        (
            "Could you send us 6 trays of seedlings and 2 bags of bark to be delivered to the north gate on Monday",
            "bags of bark",
        ),
    ],
    ids=["fr", "en"],
)
def test_where_the_goods_go_ends_the_name_of_the_last_item(text: str, last: str) -> None:
    lines = read_prose(text, part="body", start=0)
    assert len(lines) == 2
    assert last.endswith(lines[-1].description.value)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "il me faut 3 sacs de plâtre fin enfin non, les sacs d'enduit de lissage, et 2 rouleaux de bande",
            ["enduit de lissage", "bande"],
        ),
        (
            "We need 4 boxes of A4 copier paper, sorry, I mean the A3 paper, and 2 staplers.",
            ["A3 paper", "staplers"],
        ),
    ],
    ids=["fr", "en"],
)
def test_a_name_taken_back_in_the_sentence_is_the_name_said_after_it(text: str, names: list[str]) -> None:
    lines = read_prose(text, part="body", start=0)
    assert len(lines) == len(names)
    assert all(ln.description.value.endswith(name) for ln, name in zip(lines, names, strict=True))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "il me faudrait six sacs de plâtre 25 kg enfin non, les 40 kg, et 2 rouleaux de bande",
            ["plâtre 40 kg", "bande"],
        ),
        (
            "We need 4 rolls of copper tube 15 mm 25 m, or rather the 50 m ones, and 2 benders.",
            ["copper tube 15 mm 50 m", "benders"],
        ),
    ],
    ids=["fr", "en"],
)
def test_a_measure_taken_back_in_the_sentence_sizes_the_name_said_first(text: str, names: list[str]) -> None:
    assert [ln.description.value for ln in read_prose(text, part="body", start=0)] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "For the new office we need 6 wireless mice (the grey Logitech ones), 10 wired keyboards and 2 docks.",
            ["wireless mice (the grey Logitech ones)", "wired keyboards", "docks"],
        ),
        (
            "Pourriez-vous nous livrer deux bâtons de colle (les gros) et trois paquets de gobelets 20 cl ?",
            ["bâtons de colle (les gros)", "gobelets 20 cl"],
        ),
        (
            "Please send 4 boxes of gloves (not the latex ones) and 2 mops (for the kitchen).",
            ["gloves", "mops"],
        ),
        (
            "We need two 5L cans of wall paint (magnolia) and three rolls of masking tape (urgent).",
            ["wall paint (magnolia) 5L", "masking tape"],
        ),
        (
            "Il me faudrait 2 boîtes de vis à bois (400) et 1 carton de chevilles (pas les grises).",
            ["vis à bois (400)", "chevilles"],
        ),
        (
            "Please add 3 boxes of wall plugs (the 100s) and 2 tubes of sealant.",
            ["wall plugs (the 100s)", "sealant"],
        ),
    ],
    ids=["en", "fr", "not-or-for", "value-en", "pack-fr", "number-plural"],
)
def test_a_remark_pointing_at_the_article_stays_in_its_name(text: str, names: list[str]) -> None:
    assert [ln.description.value for ln in read_prose(text, part="body", start=0)] == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "we need ten boxes of the blue ones in 0.7 and six wallets of assorted whiteboard markers.",
            [("the blue ones in 0.7", 10), ("wallets of assorted whiteboard markers", 6)],
        ),
        (
            "il nous faut 4 tubes de colle en 20 g et deux sachets de punaises dorées.",
            [("colle en 20 g", 4), ("punaises dorées", 2)],
        ),
        (
            "Please send 3 rolls of copper tape in 2.5 and four trays of solder wick.",
            [("copper tape in 2.5", 3), ("solder wick", 4)],
        ),
    ],
    ids=["office", "fr", "electronics"],
)
def test_a_join_after_a_figure_joins_the_next_item(text: str, expected: list) -> None:
    lines = read_lines(text, part="body")
    assert [(ln.description.value, ln.quantity.value) for ln in lines] == [
        (name, Decimal(count)) for name, count in expected
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "we need twenty boxes of Pilot G2 black, fine point (0.5), and two staplers.",
            ["Pilot G2 black, fine point (0.5)", "staplers"],
        ),
        (
            "il nous faut 10 boîtes de feutres noirs, pointe fine, et 2 boîtes de crayons HB.",
            ["feutres noirs, pointe fine", "crayons HB"],
        ),
        (
            "Please send 5 boxes of drafting pens, medium tip (0.7 mm), and 2 rulers.",
            ["drafting pens, medium tip (0.7 mm)", "rulers"],
        ),
    ],
    ids=["en", "fr", "mm"],
)
def test_a_pens_tip_after_a_comma_stays_in_its_name(text: str, names: list[str]) -> None:
    assert [ln.description.value for ln in read_lines(text, part="body")] == names


class _Codes:
    def __init__(self, *known: str) -> None:
        self.known = {code.lower() for code in known}

    def knows_code(self, token: str) -> bool:
        return token.lower() in self.known


def test_a_code_the_writer_takes_back_is_not_the_items_code() -> None:
    text = (
        "Bonjour, il me faudrait 4 bouteilles de gaz PRO-13 enfin non, les petites de 5 kg, et 2 détendeurs."
    )
    lines = read_lines(text, part="body", codes=_Codes("PRO-13", "DET-37"))
    assert [(ln.code.value if ln.code else None, ln.quantity.value) for ln in lines] == [
        (None, Decimal(4)),
        (None, Decimal(2)),
    ]
    assert lines[0].description.value == "petites de 5 kg"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Please send 12 hand towel dispensers for the new changing rooms and 4 cases of soap.",
            ["hand towel dispensers", "soap"],
        ),
        (
            "We need 6 brake pad sets for the Sprinters and 2 cans of screenwash.",
            ["brake pad sets for the Sprinters", "screenwash"],
        ),
    ],
    ids=["a-purpose-ends-the-name", "a-name-after-for-is-what-it-fits"],
)
def test_what_the_goods_are_for_ends_the_name_unless_it_names_what_they_fit(
    text: str, names: list[str]
) -> None:
    lines = read_prose(text, part="body", start=0)
    assert [ln.description.value for ln in lines] == names


def test_approximate_quantity_is_low_confidence() -> None:
    (line,) = read_prose("il me faudrait une vingtaine de gilets HV.", part="body", start=0)
    assert line.quantity.value == 20
    assert line.confidence < 0.6
    assert line.notes


@pytest.mark.parametrize("text", ["5 novembre", "12 févr.", "3 jan", "5 apr.", "9 sep", "4 Oktober"])
def test_a_number_before_a_month_of_dates_toml_is_no_order_line(text: str) -> None:
    assert read_line(text, part="body", start=0) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jambon blanc tranché 2 barquettes", ("jambon blanc tranché", Decimal(2), "barquette")),
        ("colle carrelage C2 4 sacs", ("colle carrelage C2", Decimal(4), "sac")),
        ("mozzarella râpée 4 sacs de 2,5 kg", ("mozzarella râpée 2,5 kg", Decimal(4), "sac")),
        ("masking tape 25 mm 6 rolls", ("masking tape 25 mm", Decimal(6), "rouleau")),
        ("bavette 6 kg", ("bavette", Decimal(6), "kg")),
        ("fil à ligaturer recuit 5 kg (non pas 4)", ("fil à ligaturer recuit", Decimal(5), "kg")),
        ("riz basmati 2 sacs de 5 kg - sinon du riz long", ("riz basmati 5 kg", Decimal(2), "sac")),
    ],
    ids=["tray", "bags-after-a-code-word", "bags-of-a-size", "rolls-en", "weight", "remark", "dash-remark"],
)
def test_a_name_then_its_count_ending_the_line(text: str, expected) -> None:
    line = read_line(text, part="body", start=0)
    assert (line.description.value, line.quantity.value, line.unit.value) == expected


@pytest.mark.parametrize(
    "text",
    [
        "farine T55 25 kg",
        "Ciment gris CEM II 32,5 sac 25 kg",
        "nous avons reçu 2 cartons",
        "merci de prévoir 3 cartons",
        "emmental râpé : 2 sachets d'1 kg + 1 sac",
        "huile de colza 5 L - 3 (votre code)",
    ],
    ids=[
        "weight-after-a-figure-is-a-size",
        "size-of-the-sack",
        "sentence",
        "cut-before-its-noun",
        "two-counts",
        "a-count-after-the-dash",
    ],
)
def test_a_count_ending_the_line_that_is_no_article_s(text: str) -> None:
    line = read_line(text, part="body", start=0)
    assert line is None or line.provenance.rule != "text-designation-count"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Huile de tournesol : 3 x 5 L", ("Huile de tournesol 5 L", Decimal(3))),
        ("- Floor cleaner - 2 x 10 L please", ("Floor cleaner 10 L", Decimal(2))),
        ("Engrais gazon : 4 x 25 kg", ("Engrais gazon 25 kg", Decimal(4))),
    ],
    ids=["colon-litres", "dash-litres-polite", "colon-kilos"],
)
def test_a_count_times_a_measure_after_the_name_counts_articles_of_that_measure(text: str, expected) -> None:
    line = read_line(text, part="body", start=0)
    assert (line.description.value, line.quantity.value) == expected


@pytest.mark.parametrize("text", ["Gants nitrile : 4 x 100", "Plaque de plâtre : 2 x 3"])
def test_a_count_times_a_figure_that_is_no_measure_is_not_read_as_a_measure(text: str) -> None:
    line = read_line(text, part="body", start=0)
    assert line is None or not line.description.value.endswith(text.rsplit("x", 1)[1].strip())


def test_the_packagings_content_after_a_trailing_count_is_its_pack() -> None:
    assert _shape("Jus d'orange 25 cl : 2 cartons de 24") == (None, Decimal(2), "carton", Decimal(24))
    assert _shape("nitrile gloves size 9 : 2 boxes of 100") == (None, Decimal(2), "boite", Decimal(100))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("lessive poudre pro, 2 sacs de 20 kg", "lessive poudre pro 20 kg"),
        ("plâtre fin : 3 sacs de 25 kg", "plâtre fin 25 kg"),
        ("engine oil 5W30 - 4 cans of 5 L", "engine oil 5W30 5 L"),
    ],
    ids=["fr-comma", "fr-colon", "en-dash"],
)
def test_what_each_pack_weighs_after_a_trailing_count_is_the_articles_size(text: str, name: str) -> None:
    line = read_line(text, part="body", start=0)
    assert (line.description.value, line.pack_size) == (name, None)


@pytest.mark.parametrize(
    "text",
    ["mozzarella râpée 4 sacs de 2,5 kg", "1 colis de yaourts (sinon 2 colis de 24)"],
    ids=["size", "count"],
)
def test_a_size_or_a_count_alone_after_de_names_no_article_in_a_sentence(text: str) -> None:
    assert all(not ln.description.value[0].isdigit() for ln in read_prose(text, part="body", start=0))


def test_how_a_count_is_packed_said_after_it_is_no_part_of_the_line() -> None:
    line = read_line("Crevettes décortiquées 60/80 : 3 kg (sachets de 1 kg)", part="body", start=0)
    assert (line.description.value, line.quantity.value, line.unit.value) == (
        "Crevettes décortiquées 60/80",
        Decimal(3),
        "kg",
    )
    # A count with no unit of its own may count the packaging named after it: not read so.
    assert read_line("Gobelets : 4 (cartons de 50)", part="body", start=0) is None
    assert read_line("Gants nitrile : 3 (taille de 9)", part="body", start=0) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Please send 3 boxes of nitrile gloves, 4 DN 20 ball valves and 2 of the brass ones. "
            "Also 6 Bosch drill bits.",
            [("nitrile gloves", 3, "boite"), ("DN 20 ball valves", 4, None), ("Bosch drill bits", 6, None)],
        ),
        (
            "Il faut 3 cartons de gobelets, 2 LG écrans 24 pouces. Aussi 4 rallonges.",
            [("gobelets", 3, "carton"), ("LG écrans 24 pouces", 2, None), ("rallonges", 4, None)],
        ),
    ],
    ids=["initials-and-also-en", "initials-and-aussi-fr"],
)
def test_a_count_after_also_or_before_a_makers_initials_names_the_next_item(
    text: str, expected: list
) -> None:
    lines = read_prose(text, part="body", start=0)
    got = [(ln.description.value, ln.quantity.value, ln.unit.value if ln.unit else None) for ln in lines]
    assert got == [(d, Decimal(q), u) for d, q, u in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 cour. fil 1,5 VJ", (None, Decimal(2), "couronne", None)),
        ("3 barq. fraises gariguette", (None, Decimal(3), "barquette", None)),
        ("- 4 bid. dégraissant sols 5 L", (None, Decimal(4), "bidon", None)),
        ("6 rou. papier kraft 70 cm", (None, Decimal(6), "rouleau", None)),
    ],
    ids=["coil", "tray", "can", "roll"],
)
def test_a_unit_word_cut_short_before_the_name_is_the_unit(text: str, expected) -> None:
    assert _shape(text) == expected


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("- 30 cah. A4 96 p. séyès", "cah. A4 96 p. séyès"),
        ("- 6 pip. Eppendorf 1000 ul", "pip. Eppendorf 1000 ul"),
        ("- 12 tub. PVC 32 mm 2 m", "tub. PVC 32 mm 2 m"),
    ],
    ids=["exercise-books", "pipettes", "pipes"],
)
def test_a_word_cut_short_before_a_capital_is_no_sentence_end(text: str, description: str) -> None:
    found = read_line(text, part="body", start=0)
    assert found is not None and found.description is not None
    assert found.description.value == description
    assert found.quantity is not None and found.quantity.value == int(text.split()[1])


@pytest.mark.parametrize("text", ["3 svp. Merci", "2 jours. Merci beaucoup"], ids=["polite", "sentence"])
def test_a_count_then_a_sentence_end_is_no_line(text: str) -> None:
    assert read_line(text, part="body", start=0) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("   - a box of black ballpoint pens", (None, Decimal(1), "boite", None)),
        ("- an A4 pad of squared paper", None),
        ("- one Makita angle grinder, the 125 mm model", (None, Decimal(1), None, None)),
        ("* deux casques de chantier blancs", (None, Decimal(2), None, None)),
        ("One more thing about the delivery", None),
        ("a few more things to add", None),
    ],
    ids=["a-box-of", "article-without-unit", "bulleted-one", "bulleted-deux", "one-unbulleted", "a-few"],
)
def test_an_article_with_a_unit_or_a_worded_count_in_a_list_is_a_count(text: str, expected) -> None:
    assert _shape(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "il nous faut 6 casques blancs, 4 gilets orange XL, 2 boîtes de gants et 3 cônes 75.",
            [
                ("casques blancs", 6, None),
                ("gilets orange XL", 4, None),
                ("gants", 2, "boite"),
                ("cônes 75", 3, None),
            ],
        ),
        (
            "please send 6 vented hard hats, 2 full harnesses and 3 boxes of ear plugs",
            [("vented hard hats", 6, None), ("full harnesses", 2, None), ("ear plugs", 3, "boite")],
        ),
    ],
    ids=["fr", "en"],
)
def test_bare_counts_listed_before_a_counted_item_name_items(text: str, expected: list) -> None:
    lines = read_prose(text, part="body", start=0)
    got = [(ln.description.value, ln.quantity.value, ln.unit.value if ln.unit else None) for ln in lines]
    assert got == [(d, Decimal(q), u) for d, q, u in expected]


@pytest.mark.parametrize(
    "text",
    [
        "commande du 12 novembre, 3 cartons de gobelets",
        "livraison au 12 rue des Lilas, 3 cartons de gobelets",
        "on 4 sites we need, they said, 3 boxes of gloves",
    ],
    ids=["date", "street", "no-list-between"],
)
def test_a_bare_count_not_listed_up_to_a_counted_item_is_no_item(text: str) -> None:
    lines = read_prose(text, part="body", start=0)
    assert [ln.quantity.value for ln in lines] == [Decimal(3)]


def test_a_dozen_listed_after_items_counts_twelve() -> None:
    lines = read_prose("3 boxes of gloves and a dozen ear defenders", part="body", start=0)
    assert [(ln.description.value, ln.quantity.value) for ln in lines] == [
        ("gloves", Decimal(3)),
        ("ear defenders", Decimal(12)),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "il me faut un kilo et demi de comté et 2 cartons de crème",
            [("comté", "1.5", "kg"), ("crème", "2", "carton")],
        ),
        ("2 kg et demi de sable à maçonner", [("sable à maçonner", "2.5", "kg")]),
        ("et un demi-colis de petits suisses nature", [("petits suisses nature", "0.5", "colis")]),
        ("please send one and a half kilos of parmesan", [("parmesan", "1.5", "kg")]),
        (
            "half a case of tomatoes and 2 boxes of gloves",
            [("tomatoes", "0.5", "carton"), ("gloves", "2", "boite")],
        ),
        ("un demi de bière et 2 cartons de gobelets", [("gobelets", "2", "carton")]),
        ("please send 2 half masks with A2P3 filters", [("half masks with A2P3 filters", "2", None)]),
        (
            "il nous faut 3 demi-baguettes et 2 cartons de gobelets",
            [("demi-baguettes", "3", None), ("gobelets", "2", "carton")],
        ),
    ],
    ids=[
        "kilo-et-demi",
        "digits-et-demi",
        "demi-colis",
        "and-a-half",
        "half-a",
        "demi-no-unit",
        "counted-half-masks",
        "counted-demi-baguettes",
    ],
)
def test_a_count_with_a_half_in_words_is_read_with_its_half(text: str, expected: list) -> None:
    lines = read_prose(text, part="body", start=0)
    got = [(ln.description.value, ln.quantity.value, ln.unit.value if ln.unit else None) for ln in lines]
    assert got == [(d, Decimal(q), u) for d, q, u in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 drum 500 m Cat6A S/FTP cable", (Decimal(1), "fut", None, "500 m Cat6A S/FTP cable")),
        ("2 couronnes 100 m R2V 3G2,5", (Decimal(2), "couronne", None, "100 m R2V 3G2,5")),
        ("3 cartons 12 bouteilles eau", (Decimal(3), "carton", Decimal(12), "bouteilles eau")),
    ],
    ids=["drum-of-a-length", "coils-of-a-length", "cartons-of-a-count"],
)
def test_a_measure_after_the_packaging_word_is_its_size_not_a_pack_count(text: str, expected) -> None:
    line = read_line(text, part="body", start=0)
    assert line is not None
    assert (
        line.quantity.value,
        line.unit.value if line.unit else None,
        line.pack_size.value if line.pack_size else None,
        line.description.value if line.description else None,
    ) == expected


def _phrased(text: str):
    line = read_line(text, part="body", start=0)
    if line is None:
        return None
    return (
        line.description.value if line.description else None,
        line.quantity.value,
        line.unit.value if line.unit else None,
        line.pack_size.value if line.pack_size else None,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- disques avant Brembo : la paire", ("disques avant Brembo", Decimal(1), "paire", None)),
        ("- Gants nitrile T9 : une boîte", ("Gants nitrile T9", Decimal(1), "boite", None)),
        ("- Huile 5W30 : un fût de 60 litres", ("Huile 5W30 60 litres", Decimal(1), "fut", None)),
        ("- Sacs gravats : deux lots de 10", ("Sacs gravats", Decimal(2), "lot", Decimal(10))),
        ("- Huile 5W40 : 20 litres, en bidons de 5 L", ("Huile 5W40 5 L", Decimal(4), "bidon", None)),
        ("- 15W40 en vrac : 50 L (on a la cuve)", ("15W40 en vrac", Decimal(50), "l", None)),
    ],
    ids=["the-pair", "a-box", "a-drum-of-a-size", "two-packs-of-ten", "litres-in-cans", "a-remark-after"],
)
def test_a_count_said_in_words_after_a_name_and_its_colon(text: str, expected) -> None:
    assert _phrased(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "- Huile 5W40 : 20 litres, en bidons de 3 L",  # no whole count of cans: a clerk works it out
        "Livraison : le jeudi",
        "Remarque : la palette est cassée",
        "Contact : un technicien",
    ],
    ids=["cans-that-do-not-divide", "a-day", "a-sentence", "no-unit"],
)
def test_words_after_a_colon_that_count_no_article(text: str) -> None:
    assert _phrased(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3. Hand soap refill 5 L, 3", ("Hand soap refill 5 L", Decimal(3), None, None)),
        ("1. Tork H1 hand towel rolls, 4 cases", ("Tork H1 hand towel rolls", Decimal(4), "carton", None)),
        ("- Sacs gravats 50 L, 10 rouleaux", ("Sacs gravats 50 L", Decimal(10), "rouleau", None)),
    ],
    ids=["bare-count", "count-and-unit", "fr"],
)
def test_a_count_after_a_comma_ending_the_line(text: str, expected) -> None:
    assert _phrased(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Tube PER Ø16, 50 m", "Merci, 2", "Vis inox 4x40, 2,5"],
    ids=["a-measure", "one-word", "a-decimal"],
)
def test_what_follows_a_comma_and_counts_nothing(text: str) -> None:
    assert _phrased(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chin straps for all of the hats (15).",
            ("Chin straps for all of the hats", Decimal(15), None, None),
        ),
        ("- Casques blancs (10)", ("Casques blancs", Decimal(10), None, None)),
        ("Toilet rolls 3-ply (72)", None),  # figures in the name: the brackets may hold the pack
        ("Bâtiment (3)", None),
    ],
    ids=["a-sentence", "a-list-line", "figures-in-the-name", "one-word"],
)
def test_a_count_in_brackets_after_a_name_with_no_figure(text: str, expected) -> None:
    assert _phrased(text) == expected


def test_a_count_in_brackets_holds_the_order_for_a_clerk() -> None:
    order = extract_from_text(
        ParsedMessage(message_id="<t@x>", text="Please send:\nChin straps for the hats (15).\n")
    )
    assert [line.quantity.value for line in order.lines] == [Decimal(15)]
    assert order.doubts


@pytest.mark.parametrize(
    "line",
    [
        "Your ref: Q26-1177           Our ref: 4500232388",
        "Deliver to: The Merrion Gate Hotel, 21 Merrion Row, Dublin 2, D02 KX50",
        "N° de commande : 2026/118    Date : 25/11/2026",
    ],
    ids=["refs-en", "deliver-to-en", "order-number-fr"],
)
def test_a_header_field_line_counts_nothing(line: str) -> None:
    assert read_lines(f"Bonjour,\n{line}\n", part="body") == []


def test_a_list_headed_by_the_word_order_is_still_read() -> None:
    (line,) = read_lines("Order: 10 boxes of nitrile gloves size 9\n", part="body")
    assert line.quantity.value == 10


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- 12 x Plaque de plâtre BA13 standard : 8,90 € net", Decimal(12)),
        ("30 x Rail métallique R48 longueur 3 m - 3,95 € HT", Decimal(30)),
        ("- 6 x silicone sanitaire blanc à 5,90 €", Decimal(6)),
    ],
    ids=["colon-price-net", "dash-price-ht", "at-price"],
)
def test_a_quotes_line_ending_with_its_unit_price_is_read_without_it(text: str, expected: Decimal) -> None:
    (line,) = read_lines(text, part="body")
    assert line.quantity is not None and line.quantity.value == expected
    assert line.description is not None and "€" not in line.description.value


@pytest.mark.parametrize(
    "text",
    ["Total HT : 627,10 €", "Frais de port : 15,00 € HT", "Remise 5 % : 12,00 €"],
    ids=["total", "carriage", "discount"],
)
def test_an_amount_alone_is_no_line(text: str) -> None:
    assert read_lines(text, part="body") == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("sécateur lame courbe 20 cm : deux", ("sécateur lame courbe 20 cm", 2, None)),
        ("- gants de jardin cuir, six paires", ("gants de jardin cuir", 6, "paire")),
        ("tondeuse thermique 46 cm une pièce", ("tondeuse thermique 46 cm", 1, "pce")),
        ("Hedge trimmer blades 60 cm, hardened: twelve", ("Hedge trimmer blades 60 cm, hardened", 12, None)),
        ("Raccords rapides laiton : 2 sachets également", ("Raccords rapides laiton", 2, "sachet")),
        ("quatre buses RX 3000", ("buses RX 3000", 4, None)),
        ("six T8 rain nozzles", ("T8 rain nozzles", 6, None)),
        ("Hose clips 20 mm, 30 of them (the stainless ones)", ("Hose clips 20 mm", 30, None)),
    ],
    ids=[
        "colon-deux",
        "comma-six-paires",
        "une-piece",
        "colon-twelve",
        "count-then-also",
        "worded-count-before-a-mark",
        "worded-count-before-a-mark-en",
        "n-of-them",
    ],
)
def test_a_count_in_words_or_said_after_the_name(line, expected):
    found = read_line(line, part="body", start=0)
    assert found is not None
    got = (found.description.value, found.quantity.value, found.unit.value if found.unit else None)
    assert got == (expected[0], Decimal(expected[1]), expected[2])


@pytest.mark.parametrize(
    "line",
    [
        "Merci de me rappeler, une",
        "fil de fer galvanisé, deux mètres",
        "Bonne journée à tous, deux",
        "Un grand merci pour le devis D25-1180",
        "Four more ways to save on hoses",
        "Vos tuyaux : aussi",
    ],
    ids=["comma-no-unit", "a-measure", "greeting", "one-opens-a-sentence", "no-mark", "no-count"],
)
def test_a_word_count_needs_a_counting_unit_after_a_comma_and_a_marked_name_outside_a_list(line):
    assert read_line(line, part="body", start=0) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("12 x 12V garden lights", ("12V garden lights", 12)),
        ("- 4 x 5L liquid lawn feed", ("5L liquid lawn feed", 4)),
        ("2 x 63 A 2-pole RCD type AC", ("63 A 2-pole RCD type AC", 2)),
        ("- 3 x 400 W projecteurs halogènes", ("400 W projecteurs halogènes", 3)),
        ("2 x 31 dB ear defenders", ("31 dB ear defenders", 2)),
        ("5 x 12 V pompes de cale", ("12 V pompes de cale", 5)),
    ],
    ids=["a-rating", "a-volume", "amperes-apart", "watts-apart", "decibels-apart", "volts-apart"],
)
def test_a_count_times_an_article_of_a_size_is_no_dimension(line, expected):
    found = read_line(line, part="body", start=0)
    assert found is not None
    assert (found.description.value, found.quantity.value) == (expected[0], Decimal(expected[1]))


def test_a_dimension_is_still_no_count():
    assert read_line("4x40 vis", part="body", start=0) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("4 plaques plâtre 2500A x 1250", ("plaques plâtre 2500A x 1250", 4)),
        ("Plaque 2500A x 12", ("Plaque 2500A", 12)),
    ],
    ids=["counted-first", "no-count-first"],
)
def test_a_figure_closed_by_a_letter_then_x_is_a_sizes_first_side(line, expected):
    found = read_line(line, part="body", start=0)
    assert found is not None
    assert (found.description.value, found.quantity.value) == (expected[0], Decimal(expected[1]))


def test_a_count_of_packs_before_a_name_is_still_a_pack():
    found = read_line("3 x 12 ampoules E27", part="body", start=0)
    assert found is not None and found.pack_size is not None and found.pack_size.value == 12


def test_a_number_of_seven_figures_after_a_label_is_no_count():
    assert read_line("Notre n° d'engagement comptable : 2600417733", part="body", start=0) is None
    assert read_line("Terreau universel : 250000", part="body", start=0) is not None


def test_a_pack_and_what_it_holds_before_an_x_then_the_count_of_packs():
    found = read_line("Graines gazon sachet de 20 x 6", part="body", start=0)
    assert found is not None and found.quantity.value == Decimal(6)
    assert read_line("Ruban 25 mm x 50", part="body", start=0) is None


def test_the_words_that_open_a_line_of_no_item_are_read_whole_as_each_alone() -> None:
    openers = line_words().line_openers_not_items
    lines = [f"{o}{tail}" for o in openers for tail in ("", ": 04 12", "x", "_2", " de la serre", "é")]
    lines += ["terreau universel 40 l", "tuyau d'arrosage 25 m", ""]
    for line in lines:
        alone = any(re.match(rf"{re.escape(o)}(?!\w)", line) for o in openers)
        assert bool(_openers().match(line)) == alone, line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- 3 boîtes trombones x100", ("3", "boite", "trombones x100")),
        ("- 2 packs copy paper A4 x 5", ("2", "paquet", "copy paper A4 x 5")),
    ],
    ids=["glued-fr", "spaced-en"],
)
def test_packs_counted_first_keep_the_x_after_the_name_as_what_each_holds(line, expected):
    found = read_line(line, part="body", start=0)
    assert (str(found.quantity.value), found.unit.value, found.description.value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- 1 tondeuse autoportée 92 cm pour le parc du château (pas le modèle à bac, on ramasse à la main)",
            [("tondeuse autoportée 92 cm pour le parc du château", Decimal(1), None)],
        ),
        (
            "- Garden twine natural jute 5 mm x 110 m x6 (single balls, not the trade box)",
            [("Garden twine natural jute 5 mm x 110 m", Decimal(6), None)],
        ),
        (
            "3. GRN-2231 terreau horticole 70 L - 12 (votre code, pas le nôtre)",
            [("terreau horticole 70 L", Decimal(12), None)],
        ),
        (
            "- Brouette de chantier x 2 (la grande renforcée)",
            [("Brouette de chantier (la grande renforcée)", Decimal(2), None)],
        ),
        (
            "Chariot de ménage hôtelier : 1 (pour le 5e étage)",
            [("Chariot de ménage hôtelier (pour le 5e étage)", Decimal(1), None)],
        ),
        (
            "Pipette graduée 10 ml x 50 (les stériles)",
            [("Pipette graduée 10 ml (les stériles)", Decimal(50), None)],
        ),
        (
            "Housekeeping trolley x 1 (the big hotel one)",
            [("Housekeeping trolley (the big hotel one)", Decimal(1), None)],
        ),
        ("- Agrafeuse de bureau x 1 (2nd floor)", [("Agrafeuse de bureau (2nd floor)", Decimal(1), None)]),
        ("- Raccord laiton x 4 (20 L)", []),
    ],
    ids=[
        "leading-count",
        "glued-x",
        "dash-count",
        "what-it-is-names-it",
        "where-it-goes-an-ordinal",
        "lab-which-one",
        "which-one-en",
        "stationery-floor",
        "a-figure-may-size-it",
    ],
)
def test_a_remark_in_words_closing_a_list_line_is_read_apart(text: str, expected) -> None:
    lines = read_lines(f"Bonjour,\n\n{text}\n", part="body")
    assert [
        (ln.description.value, ln.quantity.value, ln.unit.value if ln.unit else None) for ln in lines
    ] == expected


def test_a_closing_bracket_holding_a_figure_still_counts_no_packs() -> None:
    assert read_lines("Bonjour,\n\n- Graines de gazon : 4 (sacs de 10)\n", part="body") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- 2041733 sabots de cuisine 41 x 2 pr", [("2041733", Decimal(2), "paire")]),
        ("- 2041790 tabliers bavette 90 x 4 pièces", [("2041790", Decimal(4), "pce")]),
        ("- 2041712 sacs kraft 32 x 45 lot de 50", []),
    ],
    ids=["pairs-after-a-size", "pieces-after-a-size", "a-lot-of-after-a-size"],
)
def test_a_count_of_pieces_after_a_size_and_its_x_is_the_lines_count(text: str, expected) -> None:
    lines = read_lines(f"Bonjour,\n\n{text}\n", part="body")
    read = [
        (ln.code.value if ln.code else None, ln.quantity.value, ln.unit.value if ln.unit else None)
        for ln in lines
    ]
    assert read == expected


def test_a_length_then_a_count_after_an_x_in_a_list_counted_so() -> None:
    text = (
        "Please send:\n1. Hose reel with wall bracket x 3\n2. Soaker hose 10 m x 4\n"
        "3. Hose connectors, pack of 4 x 6\n"
    )
    lines = read_lines(text, part="body")
    assert [(ln.description.value, ln.quantity.value) for ln in lines] == [
        ("Hose reel with wall bracket", Decimal(3)),
        ("Soaker hose 10 m", Decimal(4)),
        ("Hose connectors, pack of 4", Decimal(6)),
    ]


def test_a_length_then_an_x_among_lines_counted_otherwise_stays_a_size() -> None:
    lines = read_lines("Please send:\n1. Soaker hose 10 m x 4\n2. 3 hose reels\n", part="body")
    assert [ln.description.value for ln in lines] == ["hose reels"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- Top shelf brackets, grey, x 6\n- bottom same x 4\n",
            [("Top shelf brackets, grey", Decimal(6)), ("Bottom shelf brackets, grey", Decimal(4))],
        ),
        (
            "- charnières gauche pour porte de placard x 10\n- droite idem x 8\n",
            [
                ("charnières gauche pour porte de placard", Decimal(10)),
                ("charnières droite pour porte de placard", Decimal(8)),
            ],
        ),
    ],
    ids=["bottom-same-en", "droite-idem-fr"],
)
def test_a_line_saying_same_and_the_other_side_orders_that_side_of_the_article_above(text, expected) -> None:
    lines = read_lines(f"Bonjour,\n\n{text}", part="body")
    assert [(ln.description.value, ln.quantity.value) for ln in lines] == expected


def test_same_and_a_side_under_a_line_naming_no_side_stays_as_read() -> None:
    lines = read_lines("Bonjour,\n\n- poignées inox x 4\n- gauche idem x 2\n", part="body")
    assert [ln.description.value for ln in lines] == ["poignées inox", "gauche idem"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- 12 rouleaux de film étirable\n- et 6 mandrins carton 50 mm", ("mandrins carton 50 mm", 6)),
        ("2 cases of paper cups\nand 3 x dispensers for the cups", ("dispensers for the cups", 3)),
        ("Vestiaire : 4 bancs en bois", ("bancs en bois", 4)),
        ("For the staff room - 2 kettles, stainless", ("kettles, stainless", 2)),
    ],
    ids=["join-word-fr", "join-word-x-en", "place-and-colon-fr", "place-and-dash-en"],
)
def test_a_list_line_whose_count_follows_a_join_or_a_place_is_read(text, expected):
    desc, qty = expected
    assert (desc, Decimal(qty)) in [(d, q) for d, q, _ in read_triples(text)]


@pytest.mark.parametrize(
    "text",
    ["Délai : 3 semaines", "Chantier : 12 rue des Tanneurs", "Commande : 3 rouges", "Total : 12 articles"],
    ids=["a-delay", "a-street", "a-label-and-a-colour", "a-total"],
)
def test_a_count_after_a_label_that_names_no_article_reads_no_line(text):
    assert read_triples(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- poêle inox 28 cm qté 3", ("poêle inox 28 cm", 3)),
        ("- chef knife 20 cm qty: 6", ("chef knife 20 cm", 6)),
        ("planche à découper PEHD vert quantité : 2", ("planche à découper PEHD vert", 2)),
        ("Cutting board HDPE red (qty 4)", ("Cutting board HDPE red", 4)),
        ("- bac gastro GN 1/2 (x12)", ("bac gastro GN 1/2", 12)),
        ("- louche inox 12 cl [qté : 5]", ("louche inox 12 cl", 5)),
    ],
    ids=[
        "qte-fr",
        "qty-colon-en",
        "quantite-colon",
        "qty-in-brackets",
        "x-in-brackets",
        "qte-in-square-brackets",
    ],
)
def test_a_count_after_a_quantity_label_or_in_brackets_closing_the_line_counts_the_name(text, expected):
    desc, qty = expected
    assert [(d, q) for d, q, _ in read_triples(text)] == [(desc, Decimal(qty))]


def test_a_count_label_alone_reads_no_line():
    assert read_triples("Qté 4") == []


def test_a_total_quantity_closing_a_line_counts_no_article():
    assert read_triples("7 items, total quantity 29.") == []


def test_a_bracketed_x_after_a_line_opened_by_its_count_says_what_each_holds():
    assert [(d, q) for d, q, _ in read_triples("- 2 piles AA (x4)")] == [("piles AA (x4)", Decimal(2))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- 10kg lessive en poudre", ("lessive en poudre", 10, "kg")),
        ("- 2,5kg cristaux de soude", ("cristaux de soude", Decimal("2.5"), "kg")),
        ("- 50m gaine annelée 25", ("gaine annelée 25", 50, "m")),
    ],
    ids=["kg", "decimal-kg", "metres"],
)
def test_a_measure_glued_to_the_count_opening_a_list_line_is_read_as_a_spaced_one(text, expected):
    desc, qty, unit = expected
    assert read_triples(text) == [(desc, Decimal(qty), unit)]
    spaced = text.replace("kg ", " kg ").replace("m ", " m ", 1)
    assert read_triples(spaced) == read_triples(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- 3 dozen tea lights", ("tea lights", 36)),
        ("- 2 douzaines de bougies chauffe-plat", ("bougies chauffe-plat", 24)),
    ],
    ids=["dozen-en", "douzaines-fr"],
)
def test_a_count_in_dozens_opening_a_list_line_counts_the_pieces(text, expected):
    desc, qty = expected
    assert [(d, q) for d, q, _ in read_triples(text)] == [(desc, Decimal(qty))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- 3 more packs of paper napkins", ("paper napkins", 3, "paquet")),
        ("- 2 extra cases of still water", ("still water", 2, "carton")),
        ("- 4 cartons supplémentaires de gobelets 20 cl", ("gobelets 20 cl", 4, "carton")),
        ("Please send 2 additional boxes of nitrile gloves", ("nitrile gloves", 2, "boite")),
    ],
    ids=["more-en", "extra-en", "supplementaires-fr", "additional-in-a-sentence"],
)
def test_a_count_said_to_add_to_the_order_counts_the_unit_after_it(text, expected):
    desc, qty, unit = expected
    assert read_triples(text) == [(desc, Decimal(qty), unit)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- 2 x 25 kg sacks of bird seed", ("bird seed 25 kg", Decimal(2), "sac")),
        ("4 x 5L bidons de liquide de rinçage", ("liquide de rinçage 5L", Decimal(4), "bidon")),
        ("3 x 50m rolls of garden hose", ("garden hose 50m", Decimal(3), "rouleau")),
    ],
    ids=["kg-sacks-of", "glued-litres-de", "metres-rolls-of"],
)
def test_a_count_of_packs_each_holding_a_measure_counts_the_packs(text: str, expected: tuple) -> None:
    line = read_line(text, part="body", start=0)
    assert line is not None
    assert (line.description.value, line.quantity.value, line.unit.value if line.unit else None) == expected


def test_a_unit_said_once_serves_the_next_item_whose_name_opens_with_a_figure() -> None:
    lines = read_prose(
        "il me faut quatre rouleaux de 50 mm havane, deux de 38 mm transparent et un de 75 mm",
        part="body",
        start=0,
    )
    assert [(ln.description.value, ln.quantity.value, ln.unit.value) for ln in lines] == [
        ("50 mm havane", Decimal(4), "rouleau"),
        ("38 mm transparent", Decimal(2), "rouleau"),
        ("75 mm", Decimal(1), "rouleau"),
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("- 12 tea towels, white, single (not the pack of 10)", "tea towels, white, single"),
        ("- 12 torchons blancs (à l'unité, pas le lot de 10)", "torchons blancs"),
        ("- 4 boîtes de gants nitrile M (sans poudre)", "gants nitrile M (sans poudre)"),
    ],
    ids=["not-the-pack", "after-a-word-pas-le-lot", "a-remark-of-its-own-stays"],
)
def test_a_remark_setting_another_article_aside_is_no_part_of_the_name(text: str, name: str) -> None:
    (line,) = read_lines(text, part="body")
    assert line.description.value == name


def test_a_count_and_an_x_before_a_measure_in_a_sentence_counts_articles_holding_it() -> None:
    lines = read_prose(
        "Merci de livrer 2 cartons de gobelets, 4 x 5 L liquide de rinçage et 3 x 20 kg sel adoucisseur.",
        part="body",
        start=0,
    )
    assert [
        (ln.description.value, ln.quantity.value, ln.unit.value if ln.unit else None) for ln in lines
    ] == [
        ("gobelets", Decimal(2), "carton"),
        ("liquide de rinçage 5 L", Decimal(4), None),
        ("sel adoucisseur 20 kg", Decimal(3), None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Serviettes papier 2 plis * 10", ("Serviettes papier 2 plis", Decimal(10), None)),
        ("Paper cups 8oz -- 50", ("Paper cups 8oz", Decimal(50), None)),
        ("Gobelets carton 20 cl -> 3 cartons", ("Gobelets carton 20 cl", Decimal(3), "carton")),
        ("Ramettes A4 80 g x 5 svp", ("Ramettes A4 80 g", Decimal(5), None)),
        ("Stylos bille bleus 4 boîtes merci", ("Stylos bille bleus", Decimal(4), "boite")),
        ("Sticky notes yellow, 6 packs please", ("Sticky notes yellow", Decimal(6), "paquet")),
    ],
    ids=["asterisk", "double-dash", "arrow", "x-then-svp", "unit-then-merci", "comma-then-please"],
)
def test_a_count_after_a_mark_or_before_a_word_of_politeness_closes_the_line(
    text: str, expected: tuple
) -> None:
    (line,) = read_lines(text, part="body")
    assert (line.description.value, line.quantity.value, line.unit.value if line.unit else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Bar towels, white, six", ("Bar towels, white", Decimal(6))),
        ("- 1 doz. wine glasses", ("wine glasses", Decimal(12))),
    ],
    ids=["count-in-words-after-a-comma-in-a-list", "one-dozen-cut-short"],
)
def test_counts_in_words_in_a_list_line(text: str, expected: tuple) -> None:
    (line,) = read_lines(text, part="body")
    assert (line.description.value, line.quantity.value) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("- Sabots cuisine pointure 41 / 2 paires", "Sabots cuisine pointure 41"),
        ("- Tabliers bavette noirs -> x3", "Tabliers bavette noirs"),
        ("- Pailles papier 20 cm -- 5 sachets", "Pailles papier 20 cm"),
    ],
    ids=["slash", "arrow-then-x", "double-dash-then-unit"],
)
def test_the_mark_set_before_the_count_is_none_of_the_name(text: str, name: str) -> None:
    (line,) = read_lines(text, part="body")
    assert line.description.value == name


@pytest.mark.parametrize("mark", ["–", "—", "▪", "➢", "→", "☐", "[ ]", "✓"])
def test_a_list_mark_a_mail_program_types_opens_a_counted_item(mark: str) -> None:
    (line,) = read_lines(f"{mark} 3 raclettes sol\n", part="body")
    assert (line.description.value, line.quantity.value) == ("raclettes sol", Decimal(3))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("* aérosol désodorisant lavande : 6 à l'unité", ("aérosol désodorisant lavande", 6)),
        ("- raccord laiton coudé : 12 à la pièce", ("raccord laiton coudé", 12)),
        ("- whiteboard markers black: 10 loose", ("whiteboard markers black", 10)),
    ],
    ids=["a-l-unite", "a-la-piece", "loose"],
)
def test_a_count_said_in_pieces_after_the_name_counts_that_name(text: str, expected: tuple[str, int]) -> None:
    (line,) = read_lines(text, part="body")
    assert (line.description.value, line.quantity.value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "For the logs we need twelve 2 kg sheets of dry butter, 2 bags of cocoa.",
            ("sheets of dry butter 2 kg", 12),
        ),
        ("Could you send four 500 g tubs of silicone grease please.", ("tubs of silicone grease 500 g", 4)),
    ],
    ids=["sheets-of", "tubs-of"],
)
def test_a_count_a_size_and_what_holds_it_before_of_read_the_name_after(
    text: str, expected: tuple[str, int]
) -> None:
    line = read_lines(text, part="body")[0]
    assert (line.description.value, line.quantity.value, line.unit) == (*expected, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we need eighteen pairs of latex gloves size 9.", [("latex gloves size 9", 18, "paire")]),
        ("il nous faut dix-huit ramettes de papier A4 80 g.", [("papier A4 80 g", 18, "ramette")]),
    ],
    ids=["en-eighteen", "fr-dix-huit"],
)
def test_a_count_in_words_past_twelve_opens_an_item(text: str, expected) -> None:
    lines = read_lines(text, part="body")
    assert [
        (ln.description.value, ln.quantity.value, ln.unit.value if ln.unit else None) for ln in lines
    ] == [(name, Decimal(count), unit) for name, count, unit in expected]


@pytest.mark.parametrize(
    ("line", "count"),
    [
        ("- phone cable 298 2 pairs 100 m: 2", Decimal(2)),
        ("Fax paper rolls 216 mm x 30 m: 6", Decimal(6)),
        ("Portable HP 15 : 2", Decimal(2)),
        ("Tel 04 78 12 34 56", None),
        ("Mobile : 06 12 34 56 78", None),
        ("Fax. 04 72 00 11 22", None),
    ],
    ids=["phone-cable", "fax-paper", "portable", "tel-number", "mobile-label", "fax-number"],
)
def test_a_contact_word_opens_a_line_of_goods_when_a_name_follows(line: str, count: Decimal | None) -> None:
    found = read_line(line, part="body", start=0)
    assert (found.quantity.value if found else None) == count


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("2 x 63 A 2-pole RCD type AC", "63 A 2-pole RCD type AC"),
        ("4 x 60 W bulbs E27", "60 W bulbs E27"),
        ("2 x 12 V batteries", "12 V batteries"),
        ("12 x 2-gang flush boxes", "2-gang flush boxes"),
        ("6 x 3-way adaptors", "3-way adaptors"),
        ("10 x 2-ply toilet rolls", "2-ply toilet rolls"),
        ("4 x 2P 32A C breakers", "2P 32A C breakers"),
        ("2 x 2D barcode scanners", "2D barcode scanners"),
        ("3 x 5G2,5 R2V 100 m", "5G2,5 R2V 100 m"),
    ],
    ids=["amperes", "watts", "volts", "gangs", "ways", "plies", "poles", "scanner-mark", "cable-cores"],
)
def test_a_rating_or_parts_counted_after_the_times_sign_are_part_of_the_name(line: str, name: str) -> None:
    found = read_line(line, part="body", start=0)
    assert found is not None and found.pack_size is None
    assert found.description is not None and found.description.value == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("agrafes, 4 boîtes de 1000", ("agrafes", 4, "boite", 1000)),
        ("rivets, 3 boxes of 250", ("rivets", 3, "boite", 250)),
        ("ciment prompt, 2 sacs de 25 kg", ("ciment prompt 25 kg", 2, "sac", None)),
        ("engine oil 5W30, 2 cans of 5 L", ("engine oil 5W30 5 L", 2, "bidon", None)),
    ],
    ids=["one-word-fr", "one-word-en", "measure-fr", "measure-en"],
)
def test_a_name_then_its_count_of_packs_after_a_comma(text, expected):
    (line,) = read_lines(f"{text}\n", part="body")
    pack = line.pack_size.value if line.pack_size else None
    assert (line.description.value, line.quantity.value, line.unit.value, pack) == expected


@pytest.mark.parametrize("text", ["Bonjour, 2 cartons de 12", "Also, 3 boxes of 50"])
def test_a_greeting_before_a_count_of_packs_names_nothing(text):
    assert read_lines(f"{text}\n", part="body") == []


@pytest.mark.parametrize(
    ("text", "count", "name"),
    [
        ("2 bags of rocket\na dozen goat's cheese logs\n3 kg apples\n", 12, "goat's cheese logs"),
        ("4 ramettes A4\nhalf a dozen lever-arch files\n", 6, "lever-arch files"),
        ("2 boîtes de gants\nune douzaine de tubes à essai\n", 12, "tubes à essai"),
    ],
    ids=["a-dozen-food", "half-a-dozen-stationery", "une-douzaine-lab"],
)
def test_a_count_in_dozens_opens_a_list_line_with_no_mark(text: str, count: int, name: str) -> None:
    found = [ln for ln in read_lines(text, part="body") if ln.quantity and ln.quantity.value == count]
    assert [ln.description.value for ln in found] == [name]


def test_people_counted_in_dozens_are_no_line() -> None:
    assert read_lines("A dozen of us will come on Friday.\n", part="body") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- 12 x 506756 (dalle LED 600x600 4000K)\n", (12, "506756", "(dalle LED 600x600 4000K)")),
        ("- 3 x 40217 (ramettes papier A4 80 g)\n", (3, "40217", "(ramettes papier A4 80 g)")),
        ("- 6 x 7731290 gants nitrile bleus M\n", (6, "7731290", "gants nitrile bleus M")),
    ],
    ids=["code-then-name-in-brackets", "stationery", "code-then-name-no-pack"],
)
def test_a_count_x_a_code_of_five_figures_or_more_is_no_dimension_nor_a_pack(text: str, expected) -> None:
    (line,) = read_lines(text, part="body")
    assert (line.quantity.value, line.code.value, line.description.value) == (
        Decimal(expected[0]),
        *expected[1:],
    )
    assert line.pack_size is None


@pytest.mark.parametrize(
    "text",
    ["3 bundles of copper pipes 22 mm", "3 bundles of wooden stakes 1.5 m", "3 bundles of coat hangers"],
    ids=["plumbing", "garden", "workwear"],
)
def test_bundles_count_packs_in_any_trade(text: str) -> None:
    assert _shape(text) == (None, Decimal(3), "paquet", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- fil nylon 2 mm : 6 bobines\n", [("fil nylon 2 mm", Decimal(6), None)]),
        ("- tuiles rives x 12 chapeaux\n", [("tuiles rives", Decimal(12), None)]),
        ("- copper wire 1.5 mm x4 spools\n", [("copper wire 1.5 mm", Decimal(4), None)]),
    ],
    ids=["colon-fr", "x-spaced-fr", "x-glued-en"],
)
def test_a_count_marked_as_such_is_read_in_a_unit_the_vocabulary_does_not_know(text, expected):
    assert read_triples(text) == expected


@pytest.mark.parametrize("text", ["- prise murale 2 pôles\n", "- hex bolts 6 sides\n"], ids=["fr", "en"])
def test_a_figure_and_a_word_with_no_count_mark_stay_in_the_name(text):
    assert all(quantity != 2 or "pôles" in name for name, quantity, _ in read_triples(text))
    assert all(quantity != 6 or "sides" in name for name, quantity, _ in read_triples(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("If you have them, 2 ceiling presence detectors 360° as well.\n", ("ceiling presence detectors", 2)),
        ("Si vous en avez, 3 agrafeuses à pince.\n", ("agrafeuses à pince", 3)),
        ("If in stock, 5 brass ball valves 22 mm.\n", ("brass ball valves 22 mm", 5)),
    ],
    ids=["if-you-have-them-en", "si-vous-en-avez-fr", "if-in-stock-en"],
)
def test_a_line_opened_by_a_condition_reads_the_item_after_it(text, expected):
    (name, quantity, _unit), *others = read_triples(text)
    assert not others and name.startswith(expected[0]) and quantity == expected[1]
