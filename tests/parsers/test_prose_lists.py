"""Sentences that list articles by their counts alone, clauses that tell the article before them, and
the same article in another colour, size, type or measure (parsers/text/prose.py, variants.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parsers.text.reader import read_lines
from parsers.text.variants import variant_spans
from tests.factories.body_lines import read_triples

_read = read_triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Il nous faudrait 2 harnais antichute 3 points avec ceinture et 4 casques ventilés rouges.",
            [("harnais antichute 3 points avec ceinture", 2, None), ("casques ventilés rouges", 4, None)],
        ),
        (
            "Merci de préparer cinq gilets orange taille M, trois vestes polaires noires et deux harnais.",
            [("gilets orange taille M", 5, None), ("vestes polaires noires", 3, None), ("harnais", 2, None)],
        ),
        (
            "Please send 10 MCB 1P+N 16A and 2 RCD 2P 40A as well as 3 distribution boards.",
            [("MCB 1P+N 16A", 10, None), ("RCD 2P 40A", 2, None), ("distribution boards", 3, None)],
        ),
        (
            "Bonjour, 2 longes doubles avec absorbeur et 1 antichute à rappel automatique 10 m",
            [("longes doubles avec absorbeur", 2, None), ("antichute à rappel automatique 10 m", 1, None)],
        ),
    ],
    ids=["asked-fr", "worded-counts", "asked-en", "greeting-then-list"],
)
def test_a_sentence_listing_articles_by_their_counts_alone_reads_each(text, expected):
    assert _read(text) == [(d, Decimal(q), u) for d, q, u in expected]


@pytest.mark.parametrize(
    "text",
    [
        "Nous venons d'ouvrir un gîte de groupe à Doué et un ami m'a donné votre adresse.",
        "We have 2 sites and 3 warehouses, so please deliver to the main one.",
        "Nous sommes 3 techniciens et 2 apprentis sur le chantier.",
        "Livraison entre 8 heures et 10 heures, au 12 rue des Lilas et 3 avenue Foch.",
        "Les deux agences passent commande cette semaine, un bon chacune.",
        "The 40 tee-shirts and 2 caps arrived this morning.",
    ],
    ids=[
        "articles-a-and-an",
        "counts-of-something-else",
        "no-asking-words",
        "times-and-streets",
        "things-pointed-at-fr",
        "things-pointed-at-en",
    ],
)
def test_counts_of_what_no_one_orders_make_no_list(text):
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Also 2 full body harnesses, 3 points with belt, size M/L, and a dozen ear defenders.",
            [("full body harnesses, 3 points with belt, size M/L", 2), ("ear defenders", 12)],
        ),
        (
            "Pouvez-vous livrer 2 harnais, 3 points, avec ceinture, ainsi que 6 casques ventilés blancs.",
            [("harnais, 3 points, avec ceinture", 2), ("casques ventilés blancs", 6)],
        ),
        (
            "Il me faut 2 caisses à outils, 600 x 300 x 250 mm, et 4 équerres 4 trous.",
            [("caisses à outils, 600 x 300 x 250 mm", 2), ("équerres 4 trous", 4)],
        ),
        (
            "Merci de livrer 3 cartons de gobelets 20 cl, 50 par carton, et 2 sacs de touillettes.",
            [("gobelets 20 cl, 50 par carton", 3), ("touillettes", 2)],
        ),
        (
            "Could you send four boxes of cable glands M20, the packs of 10.",
            [("cable glands M20, the packs of 10", 4)],
        ),
        (
            "Please send 2 packs of tealight candles, the 24-packs, and 6 lighters.",
            [("tealight candles, the 24-packs", 2), ("lighters", 6)],
        ),
    ],
    ids=[
        "points-with-belt",
        "avec-ceinture",
        "dimensions",
        "per-carton",
        "packs-of-at-the-end",
        "count-packs",
    ],
)
def test_a_clause_telling_the_article_before_it_stays_in_its_name(text, expected):
    assert [(d, q) for d, q, _ in _read(text)] == [(d, Decimal(q)) for d, q in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tu peux me mettre 3 couronnes de fil 2,5 bleu, 2 en rouge et 1 en vert/jaune.",
            [
                ("fil 2,5 bleu", 3, "couronne"),
                ("fil 2,5 rouge", 2, "couronne"),
                ("fil 2,5 vert/jaune", 1, "couronne"),
            ],
        ),
        (
            "Could you deliver 6 HP 305A black toners and 2 of the yellow ones.",
            [("HP 305A black toners", 6, None), ("HP 305A toners yellow", 2, None)],
        ),
        (
            "Bonjour, 6 casques ventilés blancs et 2 rouges svp.",
            [("casques ventilés blancs", 6, None), ("casques ventilés rouges", 2, None)],
        ),
        (
            "Merci de nous envoyer 10 gilets jaunes taille L et les mêmes en orange.",
            [("gilets jaunes taille L", 10, None), ("gilets taille L orange", 10, None)],
        ),
        (
            "10 gilets HV jaunes en L, 5 en XL et 3 en 2XL",
            [
                ("gilets HV jaunes en L", 10, None),
                ("gilets HV jaunes en XL", 5, None),
                ("gilets HV jaunes en 2XL", 3, None),
            ],
        ),
        (
            "je voudrais 2 paires de bottes PVC pointure 42, 1 en 43 et 1 en 45",
            [
                ("bottes PVC pointure 42", 2, "paire"),
                ("bottes PVC pointure 43", 1, "paire"),
                ("bottes PVC pointure 45", 1, "paire"),
            ],
        ),
        (
            "Could you send 12 RCD 2P 40A 30mA type A, 6 type AC and 10 MCB 1P+N 16A.",
            [
                ("RCD 2P 40A 30mA type A", 12, None),
                ("RCD 2P 40A 30mA type AC", 6, None),
                ("MCB 1P+N 16A", 10, None),
            ],
        ),
        (
            "Il me faut 3 rouleaux à peinture 180 mm et les mêmes en 230 mm.",
            [("rouleaux à peinture 180 mm", 3, None), ("rouleaux à peinture 230 mm", 3, None)],
        ),
    ],
    ids=[
        "colour-after-en",
        "the-yellow-ones",
        "colour-alone",
        "the-same-in",
        "sizes",
        "shoe-sizes",
        "type",
        "measure",
    ],
)
def test_the_same_article_in_another_colour_size_or_type_is_a_line_of_its_own(text, expected):
    assert _read(text) == [(d, Decimal(q), u) for d, q, u in expected]


@pytest.mark.parametrize(
    "text",
    [
        "Please send 12 black fleece jackets.",
        "10 pantalons gris, 2 en 42 svp",
        "Il me faut 4 câbles de 100 m, 2 en 5 l.",
    ],
    ids=["colour-opening-a-name", "no-size-to-swap", "no-measure-of-that-kind"],
)
def test_no_variant_without_an_item_naming_what_differs(text):
    assert all(line.provenance.rule != "text-variant" for line in read_lines(text, part="body"))


def test_sizes_after_a_lead_in_take_the_article_name_alone():
    assert _read("Pour le chantier : chaussures basses S3 noires, 2 en 41, 3 en 42.") == [
        ("chaussures basses S3 noires 41", Decimal(2), None),
        ("chaussures basses S3 noires 42", Decimal(3), None),
    ]


def test_letter_sizes_glued_to_their_counts_are_each_a_line():
    assert _read("Veste softshell noire S:2 M:4 XL:2") == [
        ("Veste softshell noire S", Decimal(2), None),
        ("Veste softshell noire M", Decimal(4), None),
        ("Veste softshell noire XL", Decimal(2), None),
    ]


def test_a_name_written_with_figures_is_no_size():
    assert _read("Merci de livrer deux couronnes de câble R2V 3G2,5 et une couronne de 5G6.") == [
        ("câble R2V 3G2,5", Decimal(2), "couronne"),
        ("5G6", Decimal(1), "couronne"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gants docker cuir T10x6", ("gants docker cuir T10", 6)),
        ("tee shirt gris XLx5", ("tee shirt gris XL", 5)),
        ("12xgants latex ménage T9", ("gants latex ménage T9", 12)),
        ("Longe double avec absorbeur 2 m x2", ("Longe double avec absorbeur 2 m", 2)),
        ("3 XL tee shirts", ("XL tee shirts", 3)),
        ("liquide vaisselle citron 5Lx2", ("liquide vaisselle citron 5L", 2)),
    ],
    ids=[
        "size-x-count",
        "letter-size-x-count",
        "count-x-name",
        "measure-then-x-count",
        "x-of-a-size-is-no-mark",
        "measure-x-count",
    ],
)
def test_a_count_glued_to_its_x_is_read(text, expected):
    assert [(d, q) for d, q, _ in _read(text)] == [(expected[0], Decimal(expected[1]))]


@pytest.mark.parametrize("text", ["chevilles M12x80", "Vis 4x40", "Ruban 25 mm x 50"])
def test_an_x_between_figures_stays_a_dimension(text):
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Vented hard hats: 10 white and 5 of the yellow ones.",
            [("Vented hard hats white", 10), ("Vented hard hats yellow", 5)],
        ),
        (
            "Hi-vis parkas 4-in-1: 3 orange in L, 2 orange in XL and 2 of the yellow ones in XL as well.",
            [
                ("Hi-vis parkas 4-in-1 orange L", 3),
                ("Hi-vis parkas 4-in-1 orange XL", 2),
                ("Hi-vis parkas 4-in-1 yellow XL", 2),
            ],
        ),
        (
            "Casques de chantier ventilés : 10 blancs, 5 jaunes et 2 rouges",
            [
                ("Casques de chantier ventilés blancs", 10),
                ("Casques de chantier ventilés jaunes", 5),
                ("Casques de chantier ventilés rouges", 2),
            ],
        ),
        (
            "Rectangular mop buckets 15 L with wringer - 3 blue, and 2 of the yellow ones.",
            [
                ("Rectangular mop buckets 15 L with wringer blue", 3),
                ("Rectangular mop buckets 15 L with wringer yellow", 2),
            ],
        ),
        ("Seaux ronds 10 L – 4 rouges.", [("Seaux ronds 10 L rouges", 4)]),
    ],
    ids=["colours", "colours-and-sizes", "colours-fr", "after-a-dash", "after-a-dash-fr"],
)
def test_an_article_named_once_then_its_colours_gives_a_line_per_colour(text, expected):
    assert [(d, q) for d, q, _ in _read(text)] == [(d, Decimal(q)) for d, q in expected]


def test_a_label_before_a_colon_names_no_article():
    assert _read("Commande : 3 rouges") == []


def test_two_items_joined_by_a_plus_are_two_lines():
    assert [(d, q) for d, q, _ in _read("- 6 casques ventilés blancs + 6 jugulaires")] == [
        ("casques ventilés blancs", Decimal(6)),
        ("jugulaires", Decimal(6)),
    ]


def test_sizes_after_in_size_are_each_a_line():
    assert [(d, q) for d, q, _ in _read("Nitrile gloves: 3 in size 8 and 5 in size 9.")] == [
        ("Nitrile gloves 8", Decimal(3)),
        ("Nitrile gloves 9", Decimal(5)),
    ]


class _Book:
    def knows_code(self, token: str) -> bool:
        return token.upper() == "VJ10126"


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        ("10 bx FFP3 masks with valve", "FFP3", "FFP3 masks with valve"),
        ("VJ10126 Gobelet 20 cl : 3", "VJ10126", "Gobelet 20 cl"),
    ],
    ids=["unknown-word-shaped-like-a-code", "known-code"],
)
def test_a_code_the_catalogue_does_not_know_stays_a_word_of_the_name(text, code, name):
    (line,) = read_lines(text, part="body", codes=_Book())
    assert line.code is not None and line.code.value == code
    assert line.description is not None and line.description.value == name


def test_a_number_grouped_in_thousands_after_a_count_is_no_variant():
    text = "Les 2 jeux de plaquettes reçus hier (0 986 494 046) ne correspondent pas, je vous les retourne."
    assert all(line.provenance.rule != "text-variant" for line in read_lines(text, part="body"))


def test_a_code_written_in_groups_of_figures_is_no_measure_of_a_variant():
    """'(0 986 494 046)': figures grouped by three read as a count then a number, with no unit."""
    assert variant_spans("les plaquettes reçues hier (0 986 494 046) ne correspondent pas") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("J'ai oublié sur le bon : 2 paires de genouillères gel.", "genouillères gel"),
        ("I forgot to add 3 boxes of corded earplugs, sorry.", "corded earplugs"),
    ],
    ids=["oublie-sur-le-bon", "forgot-to-add"],
)
def test_an_article_the_customer_forgot_is_added_to_the_order(text, name):
    (line,) = read_lines(text, part="body")
    assert (line.description.value, line.provenance.rule) == (name, "text-added")


def test_what_the_customer_forgot_to_say_is_no_line():
    assert read_lines("J'ai oublié de vous dire que le camion arrive à 8 h.", part="body") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "il me faudrait deux kits distri Gates pour Sandero 1.0 sce et trois bidons de lave-glace.",
            [("distri Gates pour Sandero 1.0 sce", 2), ("lave-glace", 3)],
        ),
        ("Il me faut 2 jeux de plaquettes pour Lundi 12.", [("plaquettes", 2)]),
    ],
    ids=["vehicle-it-fits", "a-day-is-no-fitting"],
)
def test_what_an_article_fits_stays_in_its_name(text, expected):
    assert [(d, q) for d, q, _ in _read(text)] == [(d, Decimal(q)) for d, q in expected]


def test_a_year_before_the_next_item_does_not_hide_it():
    text = "Il me faut 3 cartons de gobelets pour le Salon 2026 et 2 colis de serviettes."
    assert [(d, q) for d, q, _ in _read(text)] == [("gobelets", Decimal(3)), ("serviettes", Decimal(2))]


def test_a_name_the_mail_program_wrapped_goes_on_to_its_sentence_end():
    text = (
        "Il me faudrait 2 boîtes de gants nitrile taille 10 et 1 boîte de gants\n"
        "nitrile taille 9. Si les 10 ne sont pas dispo, envoyez les 9.\n"
    )
    assert [(d, q) for d, q, _ in _read(text)] == [
        ("gants nitrile taille 10", Decimal(2)),
        ("gants nitrile taille 9", Decimal(1)),
    ]


def test_a_wrapped_line_with_no_sentence_end_is_no_part_of_the_name():
    text = (
        "Merci de livrer 2 casques blancs et 3 gilets orange haute visibilité\nlivraison demain matin svp\n"
    )
    assert [d for d, _, _ in _read(text)] == ["casques blancs", "gilets orange haute visibilité"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Please send 4 packs of hairnets in medium and 2 packs in large.",
            [("hairnets in medium", 4, "paquet"), ("hairnets in large", 2, "paquet")],
        ),
        (
            "Merci de livrer 6 vestes de cuisine taille M et 3 en grand.",
            [("vestes de cuisine taille M", 6, None), ("vestes de cuisine taille L", 3, None)],
        ),
        ("We need 3 large bins and 2 small brushes.", [("large bins", 3, None), ("small brushes", 2, None)]),
    ],
    ids=["in-words-for-words", "in-words-for-a-letter", "a-size-word-naming-an-article"],
)
def test_a_variant_in_a_size_said_in_words(text, expected):
    assert _read(text) == [(d, Decimal(q), u) for d, q, u in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- 24 pr cut resistant gloves, level D, size 9/L\n- 12 pr same, 10/XL\n",
            [
                ("cut resistant gloves, level D, size 9/L", 24, "paire"),
                ("cut resistant gloves, level D, size 10/XL", 12, "paire"),
            ],
        ),
        (
            "- 3 gilets jaunes XL\n- 2 idem en L\n",
            [("gilets jaunes XL", 3, None), ("gilets jaunes L", 2, None)],
        ),
        (
            "- 6 casques blancs\n- 4 pareil en rouge\n",
            [("casques blancs", 6, None), ("casques rouge", 4, None)],
        ),
        (
            "- 4 x 12V 70Ah truck batteries, sealed\n- 2 x 100Ah\n",
            [("12V 70Ah truck batteries, sealed", 4, None), ("12V 100Ah truck batteries, sealed", 2, None)],
        ),
        (
            "Électrovannes 24V x 3\n230V x 2\n",
            [("Électrovannes 24V", 3, None), ("Électrovannes 230V", 2, None)],
        ),
    ],
    ids=["same-in-two-notations", "idem-size", "pareil-colour", "rating-alone", "rating-then-count"],
)
def test_a_line_saying_same_orders_the_article_above_in_what_differs(text, expected):
    assert _read(text) == [(d, Decimal(q), u) for d, q, u in expected]


def test_same_with_nothing_to_swap_in_the_line_above_is_no_copy_of_it():
    assert [d for d, _, _ in _read("- 6 casques blancs\n- 2 same, 10/XL\n")] == [
        "casques blancs",
        "same, 10/XL",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- 4 paires de gants cuir taille 8\n- 2 paires en 9\n",
            [("gants cuir taille 8", 4, "paire"), ("gants cuir taille 9", 2, "paire")],
        ),
        (
            "- 10 hard hats white XL\n- 5 in 2XL\n",
            [("hard hats white XL", 10, None), ("hard hats white 2XL", 5, None)],
        ),
        (
            "- 4 paires de gants cuir taille 8\n- 2 en stock\n",
            [("gants cuir taille 8", 4, "paire"), ("en stock", 2, None)],
        ),
        (
            "- 10 boîtes de blouses de labo taille M\n- 10 boîtes taille L\n",
            [("blouses de labo taille M", 10, "boite"), ("blouses de labo taille L", 10, "boite")],
        ),
        (
            "- 6 packs of chef jackets size S\n- 4 packs size XL\n",
            [("chef jackets size S", 6, "paquet"), ("chef jackets size XL", 4, "paquet")],
        ),
        (
            "- 2 paires de chaussures de sécurité pointure 42\n- 3 paires pointure 44\n",
            [
                ("chaussures de sécurité pointure 42", 2, "paire"),
                ("chaussures de sécurité pointure 44", 3, "paire"),
            ],
        ),
    ],
    ids=["paires-en-9", "in-2xl", "no-size-no-sibling", "taille-letter", "size-letters", "pointure"],
)
def test_a_line_of_a_count_and_a_size_alone_orders_the_article_above_in_it(text, expected):
    assert _read(text) == [(d, Decimal(q), u) for d, q, u in expected]


def test_a_bare_size_after_en_is_swapped_for_the_variants_one():
    text = "il me faudrait 12 paires de bottes PVC en 42 et six paires en 44, merci.\n"
    assert _read(text) == [
        ("bottes PVC en 42", Decimal(12), "paire"),
        ("bottes PVC en 44", Decimal(6), "paire"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Il nous faudrait une douzaine de kilos de terreau et 2 sacs d'écorces de pin.",
            [("terreau", 12, "kg"), ("écorces de pin", 2, "sac")],
        ),
        (
            "Il nous faudrait une douzaine de tuteurs de tomates et 2 sacs d'écorces.",
            [("tuteurs de tomates", 12, None), ("écorces", 2, "sac")],
        ),
        (
            "We need half a dozen packs of seed trays and 3 kg of lawn seed.",
            [("seed trays", 6, "paquet"), ("lawn seed", 3, "kg")],
        ),
        (
            "Please send a couple of rakes, 4 bags of compost and a box of plant labels.",
            [("rakes", 2, None), ("compost", 4, "sachet"), ("plant labels", 1, "boite")],
        ),
        (
            "We'd like 2 of the green watering cans, one hose reel and a couple of pruning saws.",
            [("green watering cans", 2, None), ("hose reel", 1, None), ("pruning saws", 2, None)],
        ),
        ("There was a lot of rain, and a number of pots broke.", []),
        (
            "For the canteen we need a dozen soup ladles, long handle, half a dozen chopping boards, "
            "two dozen aprons, the white ones, and 3 cases of napkins.",
            [
                ("soup ladles", 12, None),
                ("chopping boards", 6, None),
                ("aprons, the white ones", 24, None),
                ("napkins", 3, "carton"),
            ],
        ),
        (
            "Please add 3 dozen boxes of paper cups and 2 mops.",
            [("paper cups", 36, "boite"), ("mops", 2, None)],
        ),
    ],
    ids=[
        "douzaine-de-kilos-de",
        "douzaine-of-no-unit",
        "half-a-dozen",
        "a-couple-of-and-a-box-of",
        "n-of-the-and-one",
        "a-lot-of-counts-nothing",
        "dozens-listed-with-a-remark-after-a-comma",
        "figure-dozen",
    ],
)
def test_counts_said_in_words_in_a_sentence(text, expected):
    assert _read(text) == [(d, Decimal(q), u) for d, q, u in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Il nous faudrait de 4 sacs de terreau, de trois sécateurs à lame courbe et de cinq arrosoirs verts.",
            [("terreau", 4, "sac"), ("sécateurs à lame courbe", 3, None), ("arrosoirs verts", 5, None)],
        ),
        (
            "Merci de nous livrer 20 tuteurs bambou (notre code 88120), 5 sacs d'écorces ainsi que 2 bâches.",
            [("tuteurs bambou", 20, None), ("écorces", 5, "sac"), ("bâches", 2, None)],
        ),
    ],
    ids=["de-repeated-after-the-join", "a-remark-in-brackets-before-the-join"],
)
def test_items_named_by_their_count_alone_in_a_list_with_counted_ones(text, expected):
    assert _read(text) == [(d, Decimal(q), u) for d, q, u in expected]


def test_a_four_figure_postcode_in_an_address_in_brackets_is_no_count():
    text = (
        "Merci de livrer à la serre (Jardins du Lac, Chemin des Prés 4, 1260 Nyon) "
        "trois sacs de terreau et deux arrosoirs."
    )
    assert _read(text) == [("terreau", Decimal(3), "sac"), ("arrosoirs", Decimal(2), None)]


def test_the_name_in_brackets_after_a_code_alone_is_the_items_name():
    text = "Please send 3 boxes of GT-8812 (the green plant ties) and 2 rolls of garden twine."
    assert _read(text) == [
        ("GT-8812 (the green plant ties)", Decimal(3), "boite"),
        ("garden twine", Decimal(2), "rouleau"),
    ]


def test_a_hyphenated_name_after_a_count_names_an_item():
    text = "Please send 2 boxes of plant labels, 10 hi-vis watering cans and 4 in red."
    assert [q for _, q, _ in _read(text)] == [Decimal(2), Decimal(10), Decimal(4)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Could we have two 20 L drums of hydraulic oil and three 5 kg tubs of grease?",
            [("hydraulic oil 20 L", 2, "fut"), ("tubs of grease 5 kg", 3, None)],
        ),
        (
            "Il nous faudrait deux 25 kg sacs de mortier colle et trois 1 kg pots d'enduit.",
            [("mortier colle 25 kg", 2, "sac"), ("pots d'enduit 1 kg", 3, None)],
        ),
        (
            "Please send a dozen 500 ml bottles of hand cream and 4 boxes of wipes.",
            [("hand cream 500 ml", 12, "flacon"), ("wipes", 4, "boite")],
        ),
    ],
    ids=["measure-before-a-name-en", "measure-before-the-unit-fr", "measure-after-a-worded-count"],
)
def test_what_each_article_holds_between_its_count_and_its_name_stays_in_the_name(text, expected):
    assert _read(text) == [(d, Decimal(q), u) for d, q, u in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We need 6 fence panels, the 1.8 m ones, and 2 bags of post mix.",
            [("fence panels, the 1.8 m ones", 6, None), ("post mix", 2, "sachet")],
        ),
        (
            "Il me faut 3 cartons de gobelets, ceux de 20 cl, et 2 paquets de serviettes.",
            [("gobelets, ceux de 20 cl", 3, "carton"), ("serviettes", 2, "paquet")],
        ),
        (
            "Please send one case of paper towels, the 24 roll one.",
            [("paper towels, the 24 roll one", 1, "carton")],
        ),
    ],
    ids=["the-ones-en", "ceux-de-fr", "a-count-inside-the-pointing-clause"],
)
def test_a_clause_pointing_at_one_of_its_kind_tells_the_article_before_it(text, expected):
    assert _read(text) == [(d, Decimal(q), u) for d, q, u in expected]


def test_a_count_before_a_name_opening_with_a_code_like_word_counts_the_article():
    assert _read("Could we have 12 H4 bulbs, 55 watt, and 2 boxes of fuses?") == [
        ("H4 bulbs, 55 watt", Decimal(12), None),
        ("fuses", Decimal(2), "boite"),
    ]


def test_each_sentence_of_a_line_opens_its_own_list():
    assert _read("Please send 3 boxes of staples. We also need four desk lamps and two packs of pens.") == [
        ("staples", Decimal(3), "boite"),
        ("desk lamps", Decimal(4), None),
        ("pens", Decimal(2), "paquet"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pourriez-vous nous livrer 12 tabliers de cuisine blancs ?",
            [("tabliers de cuisine blancs", 12, None)],
        ),
        ("Il me faut aussi 25 bacs gastro GN 1/1.", [("bacs gastro GN 1/1", 25, None)]),
        ("J'ai besoin de 8 raclettes sol 45 cm.", [("raclettes sol 45 cm", 8, None)]),
        ("Could you send us 40 brake pad wear sensors please?", [("brake pad wear sensors", 40, None)]),
        (
            "Could you also ship 3 torque wrenches? And 2 boxes of cable ties.",
            [("torque wrenches", 3, None), ("cable ties", 2, "boite")],
        ),
    ],
    ids=["livrer-fr", "il-me-faut-aussi", "besoin-de", "send-us-en", "asked-then-counted"],
)
def test_one_article_asked_for_by_its_count_alone_is_read(text, expected):
    assert _read(text) == [(d, Decimal(q), u) for d, q, u in expected]


@pytest.mark.parametrize(
    "text",
    [
        "Je voudrais un devis pour 3 portails coulissants.",
        "Could you send 2 copies of the invoice?",
        "We need 3 weeks to fit the kitchen.",
        "Please tell us if 2 fitters can come on Monday.",
        "Please find our order 4512 below.",
    ],
    ids=[
        "article-before-a-quote",
        "documents",
        "a-delay",
        "asking-word-not-before-the-count",
        "order-as-a-noun",
    ],
)
def test_a_count_not_asked_for_right_after_the_asking_words_reads_no_line(text):
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Il nous faut 3 couronnes de tuyau PER 16, 2 de 20 et 1 de 25.",
            [
                ("tuyau PER 16", 3, "couronne"),
                ("tuyau PER 20", 2, "couronne"),
                ("tuyau PER 25", 1, "couronne"),
            ],
        ),
        (
            "Please send 2 rolls of masking tape 25, 3 of 38 and 1 of 50.",
            [
                ("masking tape 25", 2, "rouleau"),
                ("masking tape 38", 3, "rouleau"),
                ("masking tape 50", 1, "rouleau"),
            ],
        ),
    ],
    ids=["sizes-fr", "sizes-en"],
)
def test_a_count_of_a_figure_after_a_counted_item_is_that_item_in_another_size(text, expected):
    assert _read(text) == [(d, Decimal(q), u) for d, q, u in expected]


def test_a_unit_word_naming_articles_with_no_de_after_it_heads_the_name() -> None:
    text = "Merci de préparer 3 cartons de serviettes, deux sacs poubelle 100 L et 4 éponges grattantes."
    assert _read(text) == [
        ("serviettes", 3, "carton"),
        ("sacs poubelle 100 L", 2, None),
        ("éponges grattantes", 4, None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Could you send 3 boxes of gel pens, a desk lamp and two packs of sticky notes.",
            [("gel pens", 3, "boite"), ("desk lamp", 1, None), ("sticky notes", 2, "paquet")],
        ),
        ("Please send 4 boxes of pens, a few pencils and a quote for the rest.", [("pens", 4, "boite")]),
    ],
    ids=["a-joined-to-counted-items", "a-few-and-a-quote-are-none"],
)
def test_a_joined_to_counted_items_counts_one(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "il nous faut 3 rouleaux de papier kraft et 2 boîtes de trombones, le tout livré au bureau, "
        "5 impasse des Forges, 42000 Saint-Étienne avant jeudi",
        "we need 3 boxes of pipette tips and 2 racks, all delivered to the lab, 12 Mill Road, 38400 Eybens before "
        "Friday please",
    ],
    ids=["fr", "en"],
)
def test_a_street_and_postcode_closing_a_sentence_count_nothing(text: str) -> None:
    counts = [int(ln.quantity.value) for ln in read_lines(f"Bonjour,\n\n{text}\n", part="body")]
    assert counts == [3, 2]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Pour refaire un tableau il me faudrait 2 interdifférentiels 63A type A, 4 disjoncteurs 16A et 1 coffret.",
            ["interdifférentiels 63A type A", "disjoncteurs 16A"],
        ),
        ("For a new lab we need 2 fume cupboards and 4 lab stools.", ["fume cupboards", "lab stools"]),
        (
            "Pour équiper une cuisine il nous faudrait 2 friteuses et 3 bacs gastro.",
            ["friteuses", "bacs gastro"],
        ),
    ],
    ids=["fr-switchboard", "en-lab", "fr-kitchen"],
)
def test_what_the_goods_are_for_before_the_request_is_no_item(text: str, names: list[str]) -> None:
    assert [ln.description.value for ln in read_lines(text, part="body")][: len(names)] == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We need two RCDs, six 20 A breakers and three surge arresters.",
            [("RCDs", 2), ("breakers 20 A", 6), ("surge arresters", 3)],
        ),
        (
            "Il nous faut deux 100 W projecteurs LED et 3 rallonges.",
            [("projecteurs LED 100 W", 2), ("rallonges", 3)],
        ),
    ],
    ids=["amps-en", "watts-fr"],
)
def test_a_rating_between_the_count_and_the_name_stays_with_the_name(text, expected):
    assert [(d, q) for d, q, _ in read_triples(text)] == [(d, Decimal(q)) for d, q in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Il nous faut 2 cartons de gants, 10 receveurs de douche avec 10 bondes assorties.",
            [("gants", 2, "carton"), ("receveurs de douche", 10, None), ("bondes assorties", 10, None)],
        ),
        (
            "Please send 4 reams of paper and 20 lever arch files with 20 spine labels to match.",
            [("paper", 4, "ramette"), ("lever arch files", 20, None), ("spine labels to match", 20, None)],
        ),
    ],
    ids=["avec-assorties-fr", "with-to-match-en"],
)
def test_a_second_article_said_to_match_after_with_is_an_item_of_its_own(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We need 3 boxes of gloves and 5 helmets with 2 spare chin straps.",
            [("gloves", 3, "boite"), ("helmets with 2 spare chin straps", 5, None)],
        ),
        (
            "Please send 4 reams of paper and 2 first aid kits for the van with 2 spare bulbs.",
            [("paper", 4, "ramette"), ("first aid kits", 2, None)],
        ),
    ],
    ids=["part-of-the-name", "after-what-it-is-for"],
)
def test_what_an_article_comes_with_is_no_item_of_its_own(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Please send 10 boxes of screws and 12 2-gang back boxes.",
            [("screws", 10, "boite"), ("2-gang back boxes", 12, None)],
        ),
        (
            "Could we order 6 lab stools and 6 5-litre wash bottles for the bench.",
            [("lab stools", 6, None), ("5-litre wash bottles", 6, None)],
        ),
    ],
    ids=["gang-boxes-en", "litre-bottles-en"],
)
def test_a_name_opening_on_a_figure_joined_to_its_word_is_read_after_its_count(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Il nous faut :\nsavon liquide 5 L : 2 cartons,\ngants nitrile M : 3 boîtes,\net 4 seaux.\n",
            [("savon liquide 5 L", 2, "carton"), ("gants nitrile M", 3, "boite"), ("seaux", 4, None)],
        ),
        (
            "For the workshop we need:\nwood glue 1 L : 2 bottles,\nsanding discs 125 mm : 5 boxes,\nand 3 dust masks.\n",
            [("wood glue 1 L", 2, "flacon"), ("sanding discs 125 mm", 5, "boite"), ("dust masks", 3, None)],
        ),
        (
            "Pour la rentrée :\nune ramette de papier A4,\nstylos bleus : 2 boîtes,\ncahiers 24x32 x 3 paquets,\n"
            "et 5 classeurs.\n",
            [
                ("papier A4", 1, "ramette"),
                ("stylos bleus", 2, "boite"),
                ("cahiers 24x32", 3, "paquet"),
                ("classeurs", 5, None),
            ],
        ),
    ],
    ids=["hygiene-fr", "workshop-en", "office-fr"],
)
def test_a_list_written_as_one_sentence_over_rows_reads_each_row(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Merci de livrer 10 boîtes de gants nitrile 100 pièces, 6 boîtes de 50 pièces et 2 sacs de plâtre.",
            [
                ("gants nitrile 100 pièces", 10, "boite"),
                ("gants nitrile 50 pièces", 6, "boite"),
                ("plâtre", 2, "sac"),
            ],
        ),
        (
            "Please send 4 packs of batteries 12 units, 2 packs of 24 units and 3 torches.",
            [("batteries 12 units", 4, "paquet"), ("batteries 24 units", 2, "paquet"), ("torches", 3, None)],
        ),
        (
            "Il nous faut 5 paquets d'enveloppes 50 feuilles, et 3 de 100 feuilles.",
            [("enveloppes 50 feuilles", 5, "paquet"), ("enveloppes 100 feuilles", 3, "paquet")],
        ),
    ],
    ids=["hygiene-fr", "electrical-en", "office-elided-unit-fr"],
)
def test_an_item_naming_only_another_figure_of_the_item_before_is_that_item_so_sized(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "4 boxes nitrile gloves M and 4 boxes L\n",
            [("nitrile gloves M", 4, "boite"), ("nitrile gloves L", 4, "boite")],
        ),
        (
            "Il faudrait 3 paquets de blouses jetables taille M et 2 paquets XL.\n",
            [("blouses jetables taille M", 3, "paquet"), ("blouses jetables taille XL", 2, "paquet")],
        ),
    ],
    ids=["gloves-en", "coats-fr"],
)
def test_an_item_named_by_a_size_alone_is_the_item_before_in_that_size(text, expected):
    assert _read(text) == expected
