"""What a sentence says around its items: a bracket telling the packing, an item counted after its
name, a question about goods already known, the vehicle or appliance an article fits, an article in
two colours (parsers/text/asides.py, prose.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.factories.body_lines import read_triples

_read = read_triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Merci de livrer 5 sacs de terreau universel (les sacs de 40 L) et 2 rouleaux de grillage vert.",
            [("terreau universel (les sacs de 40 L)", 5, "sac"), ("grillage vert", 2, "rouleau")],
        ),
        (
            "Could you send 3 boxes of nitrile O-rings (the 100-packs, not the small ones) and 2 tubes of grease.",
            [("nitrile O-rings (the 100-packs, not the small ones)", 3, "boite"), ("grease", 2, "tube")],
        ),
    ],
)
def test_a_bracket_telling_the_packing_stays_with_the_article(text, expected):
    assert _read(text) == [(d, Decimal(q), u) for d, q, u in expected]


def test_a_bracket_restating_the_count_is_no_part_of_the_article():
    lines = _read("Il nous faut 40 sacs de granulés bois (soit 2 palettes) et 3 seaux de sel.")
    assert lines[0] == ("granulés bois", Decimal(40), "sac")


def test_an_item_named_first_is_counted_after_the_comma():
    text = "Il me faudrait 2 boîtes de colliers 20 mm, et du mastic silicone sanitaire blanc, six cartouches."
    assert _read(text) == [
        ("colliers 20 mm", Decimal(2), "boite"),
        ("mastic silicone sanitaire blanc", Decimal(6), "tube"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Il faudrait 4 jeux de plaquettes avant, et pour les ampoules H7 : deux boîtes.",
            [("plaquettes avant", 4, "jeu"), ("ampoules H7", 2, "boite")],
        ),
        (
            "Please send 6 boxes of teabags, and for the salted butter portions, three cases.",
            [("teabags", 6, "boite"), ("salted butter portions", 3, "carton")],
        ),
    ],
    ids=["pour-les-colon", "for-the-comma"],
)
def test_an_item_named_for_is_counted_after_it(text, expected):
    assert _read(text) == [(d, Decimal(q), u) for d, q, u in expected]


def test_a_question_about_goods_already_known_orders_nothing():
    text = "Au fait, avez-vous bien reçu les 3 palettes de carrelage que nous avons renvoyées lundi ?"
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nous gérons une dizaine de cabinets dentaires et il nous faudrait 4 boîtes de gants nitrile M.",
            [("gants nitrile M", 4, "boite")],
        ),
        (
            "We run 3 print shops in town and need 6 boxes of staples 24/6.",
            [("staples 24/6", 6, "boite")],
        ),
        (
            "Nous avons 2 laboratoires, merci de livrer 5 paquets de cônes 200 µl.",
            [("cônes 200 µl", 5, "paquet")],
        ),
    ],
)
def test_a_count_of_what_the_sender_runs_orders_nothing(text, expected):
    assert _read(text) == [(d, Decimal(q), u) for d, q, u in expected]


def test_a_question_asking_for_goods_still_orders_them():
    text = "Pourriez-vous nous livrer les 3 palettes de carrelage grès 60x60 ?"
    assert _read(text) == [("carrelage grès 60x60", Decimal(3), "palette")]


def test_the_appliance_an_article_fits_stays_in_its_name():
    text = "Merci d'envoyer 2 kits de joints pour la Vaillant 24 kW et 3 boîtes de raccords laiton."
    assert _read(text) == [
        ("joints pour la Vaillant 24 kW", Decimal(2), "kit"),
        ("raccords laiton", Decimal(3), "boite"),
    ]


def test_a_year_after_for_the_names_no_fitting():
    text = "Il me faut 3 cartons de flyers pour le Forum 2027 et 2 boîtes de badges."
    assert [d for d, _, _ in _read(text)] == ["flyers", "badges"]


def test_an_article_in_two_colours_is_one_item():
    text = "Please send 4 rolls of barrier tape black and yellow and 2 boxes of cable ties."
    assert _read(text) == [
        ("barrier tape black and yellow", Decimal(4), "rouleau"),
        ("cable ties", Decimal(2), "boite"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Merci de livrer 12 sacs de terreau et autant de sacs de paillis.",
            [("terreau", 12, "sac"), ("paillis", 12, "sac")],
        ),
        (
            "Please send 6 cans of wood stain and the same number of brushes.",
            [("wood stain", 6, "bidon"), ("brushes", 6, None)],
        ),
    ],
)
def test_the_same_count_said_again_counts_the_next_item(text, expected):
    assert _read(text) == [(d, Decimal(q), u) for d, q, u in expected]


def test_the_same_count_is_never_taken_from_an_earlier_sentence():
    text = "Please send 40 m of garden hose. We also need 3 XL8 nozzles and the same number of clips."
    assert all(q != Decimal(40) for d, q, _ in _read(text) if "clips" in d)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We also need 18 GN 1/1 steam trays and the same number of lids.",
            [("GN 1/1 steam trays", 18, None), ("lids", 18, None)],
        ),
        (
            "Il nous faudrait 8 bacs gastro inox et autant de couvercles.",
            [("bacs gastro inox", 8, None), ("couvercles", 8, None)],
        ),
        (
            "Please send 2 cases of napkins. We also need 6 chafing dishes and the same number of lids.",
            [("napkins", 2, "carton"), ("chafing dishes", 6, None), ("lids", 6, None)],
        ),
    ],
    ids=["same-number-en", "autant-fr", "after-a-sentence-of-counted-items"],
)
def test_the_same_count_after_an_item_named_by_its_count_alone_makes_a_list(text, expected):
    assert _read(text) == [(d, Decimal(q), u) for d, q, u in expected]


@pytest.mark.parametrize(
    "text",
    [
        "Nous sommes 12 cuisiniers et autant de serveurs ce soir.",
        "We need 2 boards of 40 x 60 cm and the same number of lids.",
    ],
    ids=["not-asked", "two-counts-before"],
)
def test_the_same_count_with_no_one_count_asked_before_it_reads_nothing(text):
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pourriez-vous livrer deux bâtons de colle Pritt (les gros) et trois paquets de gobelets ?",
            [("bâtons de colle Pritt (les gros)", 2, None), ("gobelets", 3, "paquet")],
        ),
        (
            "We need 6 wireless mice (the grey Logitech ones) and 4 HDMI cables 2 m.",
            [("wireless mice (the grey Logitech ones)", 6, None), ("HDMI cables 2 m", 4, None)],
        ),
        (
            "Merci d'ajouter 3 robinets d'arrêt (les petits) et 2 rouleaux de téflon.",
            [("robinets d'arrêt (les petits)", 3, None), ("téflon", 2, "rouleau")],
        ),
    ],
)
def test_a_bracket_pointing_at_one_article_stays_with_its_name(text, expected):
    assert _read(text) == [(d, Decimal(q), u) for d, q, u in expected]


def test_a_bracket_saying_what_the_article_is_not_is_no_part_of_its_name():
    lines = _read("Merci de livrer 3 robinets d'arrêt (les petits, pas les gros) et 2 rouleaux de téflon.")
    assert lines[0][0] == "robinets d'arrêt"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We need twenty boxes of Pilot G2 black, fine point (0.5), ten boxes of the blue ones in 0.7.",
            [("Pilot G2 black, fine point (0.5)", 20, "boite"), ("the blue ones in 0.7", 10, "boite")],
        ),
        (
            "Merci de livrer 4 boîtes de feutres Stabilo noirs, pointe fine, et 2 boîtes de surligneurs jaunes.",
            [("feutres Stabilo noirs, pointe fine", 4, "boite"), ("surligneurs jaunes", 2, "boite")],
        ),
        (
            "Please add 6 tubes of pencil leads HB (0.7) and 2 erasers.",
            [("pencil leads HB (0.7)", 6, "tube"), ("erasers", 2, None)],
        ),
    ],
    ids=["tip-and-width", "pointe-fine", "decimal-bracket"],
)
def test_a_tip_and_a_decimal_in_brackets_go_on_the_name(text, expected):
    assert _read(text) == [(d, Decimal(q), u) for d, q, u in expected]


def test_a_question_asking_to_have_goods_orders_them():
    text = "Could we have ten boxes of blue pipette tips and two packs of test tubes?"
    assert _read(text) == [("blue pipette tips", Decimal(10), "boite"), ("test tubes", Decimal(2), "paquet")]
