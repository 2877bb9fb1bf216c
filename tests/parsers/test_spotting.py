"""Lines found from the catalogue's names where no layout rule read a line: a sure name and a count
beside it, both or nothing (invented catalogues: a garden centre's, a bakery supplier's)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from matchers import CatalogIndex
from models import AliasRow, ProductRow, ReferenceData
from parsers.text.reader import extract_from_text, read_lines
from parsers.text.spotting import RULE, WEAK, spot_lines
from tests.factories.pipeline import make_parsed

GARDEN = CatalogIndex.build(
    ReferenceData(
        products=[
            ProductRow(sku="JAR-101", name="Terreau universel sac 40 L", unit="sac", unit_price=7.5),
            ProductRow(sku="JAR-102", name="Terreau rempotage orchidées sac 5 L", unit="sac", unit_price=4.2),
            ProductRow(sku="JAR-201", name="Tuyau d'arrosage 25 m diamètre 15", unit="pce", unit_price=19.0),
            ProductRow(sku="JAR-301", name="Sécateur à lame franche 20 cm", unit="pce", unit_price=14.9),
            ProductRow(sku="JAR-302", name="Sécateur à enclume 21 cm", unit="pce", unit_price=12.9),
            ProductRow(sku="JAR-401", name="Engrais gazon granulés seau 10 kg", unit="seau", unit_price=24.0),
            ProductRow(
                sku="JAR-501", name="Bulbes de tulipes rouges filet de 50", unit="filet", unit_price=9.9
            ),
            ProductRow(sku="JAR-601", name="Bâche de protection 4 x 5 m", unit="pce", unit_price=11.0),
            ProductRow(
                sku="JAR-701", name="Tondeuse thermique Viking 448 coupe 46 cm", unit="pce", unit_price=399.0
            ),
        ]
    )
)
BAKERY = CatalogIndex.build(
    ReferenceData(
        products=[
            ProductRow(sku="BK-01", name="Bread flour T65 bag 25 kg", unit="sac", unit_price=21.0),
            ProductRow(sku="BK-02", name="Dried yeast tin 500 g", unit="pce", unit_price=6.4),
            ProductRow(sku="BK-03", name="Unsalted butter block 1 kg", unit="pce", unit_price=8.9),
            ProductRow(sku="BK-04", name="Caster sugar bag 1 kg", unit="pce", unit_price=1.6),
        ]
    )
)


def _spot(row: str, book: CatalogIndex) -> tuple[str, Decimal, str | None] | None:
    found = spot_lines([(row, 0)], book, part="body")
    if not found:
        return None
    (line,) = found
    return line.description.value, line.quantity.value, line.unit.value if line.unit else None


@pytest.mark.parametrize(
    ("row", "book", "expected"),
    [
        ("- terreau universel : 6 sacs", GARDEN, ("terreau universel", 6, "sac")),
        ("tuyau d'arrosage 25 m -> 3", GARDEN, ("tuyau d'arrosage 25 m", 3, None)),
        ("deux sécateurs à lame franche", GARDEN, ("sécateurs à lame franche", 2, None)),
        ("12 x engrais gazon granulés", GARDEN, ("engrais gazon granulés", 12, None)),
        ("qté 4 bulbes de tulipes rouges", GARDEN, ("bulbes de tulipes rouges", 4, None)),
        (
            "Engrais gazon granulés seau 10 kg : 24,00 € -> 2 seaux",
            GARDEN,
            ("Engrais gazon granulés seau 10 kg", 2, "seau"),
        ),
        ("three bags of bread flour T65", BAKERY, ("bread flour T65", 3, "sachet")),
        ("unsalted butter blocks, 10", BAKERY, ("unsalted butter blocks", 10, None)),
        ("dried yeast tins x6", BAKERY, ("dried yeast tins", 6, None)),
        ("For a first order: 2 x unsalted butter blocks", BAKERY, ("unsalted butter blocks", 2, None)),
        ("Pour le jardin du haut : 3 sacs de terreau universel", GARDEN, ("terreau universel", 3, "sac")),
        ("5 kg caster sugar and dried fruit", BAKERY, ("caster sugar", 5, "kg")),
        ("deux sécateurs à enclume de Bretagne du grand-père", GARDEN, None),
    ],
    ids=[
        "name-colon-count-unit",
        "arrow-count",
        "count-in-words-first",
        "count-x-first",
        "labelled-count",
        "quoted-price-then-count",
        "english-count-unit-of",
        "english-comma-count",
        "glued-x-count",
        "after-a-colon-lead-in-en",
        "after-a-colon-lead-in-fr",
        "a-join-left-open-ends-the-name",
        "a-name-going-on-past-of-is-not-cut-there",
    ],
)
def test_a_sure_name_with_a_count_beside_it_is_a_line(row: str, book: CatalogIndex, expected: tuple) -> None:
    assert _spot(row, book) == expected


@pytest.mark.parametrize(
    ("row", "book"),
    [
        ("terreau universel sac 40 L", GARDEN),
        ("12 rue des Jardins, 44000 Nantes", GARDEN),
        ("sécateurs : 4", GARDEN),
        ("terreau universel : 6 au lieu de 4", GARDEN),
        ("avez-vous du terreau universel, 6 sacs ?", GARDEN),
        ("Sécateur à lame franche 20 cm : 14,90 EUR", GARDEN),
        ("Sécateur à lame franche 20 cm : 14,90", GARDEN),
        ("bâche de protection 4 x 5", GARDEN),
        ("pour 14 personnes, livraison : 3", BAKERY),
        ("une douzaine de dried yeast tins", BAKERY),
    ],
    ids=[
        "name-and-size-no-count",
        "address",
        "one-word-names-a-kind",
        "a-correction",
        "a-question",
        "a-price-is-no-count",
        "a-price-without-its-currency",
        "a-size-the-catalogue-prints",
        "count-next-to-no-name",
        "approximate-count",
    ],
)
def test_no_line_without_both_a_sure_name_and_a_count(row: str, book: CatalogIndex) -> None:
    assert _spot(row, book) is None


def test_the_body_reader_spots_only_rows_no_other_reader_read() -> None:
    text = "Bonjour,\n- 3 sacs de terreau universel\n- bulbes de tulipes rouges : 4 filets\nMerci\n"
    lines = read_lines(text, part="body", codes=GARDEN)
    read = [(ln.description.value, ln.quantity.value, ln.provenance.rule == RULE) for ln in lines]
    assert len(read) == 2
    assert read[0][:2] == ("terreau universel", 3)
    assert read[1][1] == 4


def test_a_book_without_names_spots_nothing() -> None:
    class Codes:
        def knows_code(self, token: str) -> bool:
            return False

    assert spot_lines([("- terreau universel : 6 sacs", 0)], Codes(), part="body") == []


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("please also add 2 x bulbes de tulipes rouges", ("bulbes de tulipes rouges", 2, None)),
        ("- 4 sécateurs à lame franche, pour les jardiniers du parc", ("sécateurs à lame franche", 4, None)),
        ("2 tuyaux d'arrosage 25 m que le jardinier a laissés sur le parking hier soir", None),
        ("il nous faudrait aussi trois sécateurs à lame franche", ("sécateurs à lame franche", 3, None)),
        ("we'd also need two unsalted butter blocks", None),
    ],
    ids=[
        "a-few-words-before",
        "an-aside-after",
        "a-sentence-of-its-own",
        "a-count-in-words-after-a-request",
        "another-book",
    ],
)
def test_the_name_leaves_only_an_aside_of_the_row(row: str, expected: tuple | None) -> None:
    assert _spot(row, GARDEN) == expected


@pytest.mark.parametrize(
    "row",
    [
        "livraison le 12 décembre terreau universel",
        "pour la semaine 48 terreau universel",
        "Bâtiment 3 terreau universel",
    ],
    ids=["a-day", "a-week", "a-building"],
)
def test_a_day_a_week_or_a_number_is_no_count(row: str) -> None:
    assert _spot(row, GARDEN) is None


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            "Tondeuse thermique Viking 448 coupe 46 cm : 399,00 € -> 1",
            ("Tondeuse thermique Viking 448 coupe 46 cm", 1, None),
        ),
        ("Tondeuse thermique Viking 448 coupe 46 cm", None),
        ("universel - sac : 4", None),
    ],
    ids=[
        "the-marked-count-not-the-model-number",
        "a-model-number-is-no-count",
        "a-colour-and-a-pack-name-no-article",
    ],
)
def test_figures_of_the_name_are_no_count(row: str, expected: tuple | None) -> None:
    assert _spot(row, GARDEN) == expected


@pytest.mark.parametrize(
    ("row", "book", "expected"),
    [
        (
            "Pourriez-vous nous livrer 25 sécateurs à lame franche, puis 6 sacs de terreau universel, et 12 x bulbes de tulipes rouges",
            GARDEN,
            [("sécateurs à lame franche", 25), ("terreau universel", 6), ("bulbes de tulipes rouges", 12)],
        ),
        (
            "Could you send 10 unsalted butter blocks and 3 bags of caster sugar",
            BAKERY,
            [("unsalted butter blocks", 10), ("caster sugar", 3)],
        ),
    ],
    ids=["french-three-clauses", "english-two-clauses"],
)
def test_a_sentence_counting_several_articles_gives_a_line_each(
    row: str, book: CatalogIndex, expected: list[tuple[str, int]]
) -> None:
    found = spot_lines([(row, 0)], book, part="body")
    assert [(ln.description.value, ln.quantity.value) for ln in found] == expected


@pytest.mark.parametrize(
    ("row", "book", "expected"),
    [
        (
            "we also need two 500 g dried yeast tins and three 1 kg bags of caster sugar",
            BAKERY,
            [("500 g dried yeast tins", 2), ("1 kg bags of caster sugar", 3)],
        ),
        (
            "il me faudrait deux 20 cm sécateurs à lame franche et quatre 25 m tuyaux d'arrosage",
            GARDEN,
            [("20 cm sécateurs à lame franche", 2), ("25 m tuyaux d'arrosage", 4)],
        ),
    ],
    ids=["en-worded-counts", "fr-worded-counts"],
)
def test_a_count_in_words_before_a_name_opening_on_figures_counts_it(
    row: str, book: CatalogIndex, expected: list[tuple[str, int]]
) -> None:
    found = spot_lines([(row, 0)], book, part="body")
    assert [(ln.description.value, ln.quantity.value) for ln in found] == expected


@pytest.mark.parametrize(
    ("row", "book", "expected"),
    [
        (
            "Pour la nouvelle serre il me faudrait 2 machins pour la serre, 4 sécateurs à enclume et "
            "3 sacs de terreau universel, avec un sécateur à lame franche 20 cm.",
            GARDEN,
            [("sécateurs à enclume", 4), ("terreau universel", 3), ("sécateur à lame franche 20 cm", 1)],
        ),
        (
            "For the new oven line we would need 3 things for the oven, 4 bags of caster sugar, and one "
            "dried yeast tin 500 g.",
            BAKERY,
            [("caster sugar", 4), ("dried yeast tin 500 g", 1)],
        ),
        (
            "J'ai deux tondeuses Viking 448 coupe 46 cm à l'atelier, il faudrait trois sacs de terreau universel.",
            GARDEN,
            [("terreau universel", 3)],
        ),
    ],
    ids=["fr-figure-after-comma", "en-figure-after-comma", "goods-had-are-no-line"],
)
def test_a_clause_naming_nothing_surely_is_cut_before_a_figure_after_its_comma(
    row: str, book: CatalogIndex, expected: list[tuple[str, int]]
) -> None:
    found = spot_lines([(row, 0)], book, part="body")
    assert [(ln.description.value, ln.quantity.value) for ln in found] == expected


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("Terreau universel sac 40 L - 10 sacs svp", ("Terreau universel sac 40 L", 10, "sac")),
        ("Terreau universel sac 40 L : 10 merci", ("Terreau universel sac 40 L", 10, None)),
        ("Terreau universel sac 40 L (x10)", ("Terreau universel sac 40 L", 10, None)),
        ("Terreau universel sac 40 L -- 10", ("Terreau universel sac 40 L", 10, None)),
        ("terreau universel 40 L x 10", ("terreau universel 40 L", 10, None)),
        ("engrais 10 kg : 3", ("engrais 10 kg", 3, None)),
        ("Terreau universel sac 40 L (10 sacs)", ("Terreau universel sac 40 L", 10, "sac")),
        ("Engrais gazon granulés (10 kg)", None),
    ],
    ids=[
        "count-unit-thanks",
        "count-thanks",
        "x-count-in-brackets",
        "double-dash",
        "a-size-names-too",
        "one-word-and-its-size",
        "count-in-brackets",
        "measure-in-brackets",
    ],
)
def test_more_ways_of_writing_the_count_after_the_name(row: str, expected: tuple | None) -> None:
    assert _spot(row, GARDEN) == expected


def test_a_labelled_count_opening_a_row_with_the_name_after_it_is_a_line_not_a_block() -> None:
    text = "Bonjour,\nQté : 4 - Bulbes de tulipes rouges filet de 50\nQté : 2 - Sécateur à enclume 21 cm\nMerci\n"
    lines = read_lines(text, part="body", codes=GARDEN)
    assert [(ln.description.value, ln.quantity.value) for ln in lines] == [
        ("Bulbes de tulipes rouges filet de 50", 4),
        ("Sécateur à enclume 21 cm", 2),
    ]


def test_a_wording_a_clerk_taught_names_its_article() -> None:
    taught = CatalogIndex.build(
        ReferenceData(
            products=[
                ProductRow(sku="JAR-801", name="Granulés anti-limaces bio 1 kg", unit="pce", unit_price=8.0)
            ],
            aliases=[AliasRow(customer_id="C1", wording="appat limace", sku="JAR-801")],
        )
    )
    assert spot_lines([("- appât limace : 5", 0)], taught, part="body")[0].quantity.value == 5
    assert spot_lines([("- appât escargot : 5", 0)], taught, part="body") == []


class _Names:
    """A catalogue that names 'gants de jardin' with the given strength, and nothing else."""

    def __init__(self, strength: float) -> None:
        self.strength = strength

    def knows_code(self, token: str) -> bool:
        return False

    def names_article(self, words: str) -> float:
        return self.strength if words.lower() == "gants de jardin" else 0.0


@pytest.mark.parametrize(("strength", "doubted"), [(0.95, False), (0.75, True)], ids=["strongly", "weakly"])
def test_a_line_the_names_name_only_weakly_waits_for_a_clerk(strength: float, doubted: bool) -> None:
    order = extract_from_text(
        make_parsed(text="Bonjour,\n\nGants de jardin ; 6\n\nMerci\n"), codes=_Names(strength)
    )
    assert [ln.quantity.value for ln in order.lines] == [6]
    assert (WEAK in order.doubts) is doubted


@pytest.mark.parametrize(
    ("text", "book", "expected"),
    [
        (
            "Il nous faudrait : terreau universel, 6 sacs ; engrais gazon granulés, 2 seaux ; sécateurs à "
            "lame franche, 4.",
            GARDEN,
            [
                ("terreau universel", 6, "sac"),
                ("engrais gazon granulés", 2, "seau"),
                ("sécateurs à lame franche", 4, None),
            ],
        ),
        (
            "For Friday: bread flour T65, 3 bags; caster sugar, 10 bags; dried yeast tins, 4.",
            BAKERY,
            [("bread flour T65", 3, "sachet"), ("caster sugar", 10, "sachet"), ("dried yeast tins", 4, None)],
        ),
    ],
    ids=["french-semicolons", "english-semicolons"],
)
def test_items_written_name_then_count_between_semicolons_are_a_line_each(
    text: str, book: CatalogIndex, expected: list[tuple]
) -> None:
    lines = read_lines(text, part="body", codes=book)
    assert [
        (ln.description.value, ln.quantity.value, ln.unit.value if ln.unit else None) for ln in lines
    ] == expected


@pytest.mark.parametrize(
    ("text", "book", "expected"),
    [
        (
            "Pourriez-vous livrer 3 sacs de terreau universel, sécateurs à lame franche x 2. Notez bien "
            "notre référence, svp.",
            GARDEN,
            [("terreau universel", 3), ("sécateurs à lame franche", 2)],
        ),
        (
            "Could you send 2 bags of bread flour T65, unsalted butter blocks x 10. Please quote our ref on "
            "the delivery note.",
            BAKERY,
            [("bread flour T65", 2), ("unsalted butter blocks", 10)],
        ),
    ],
    ids=["french-rest-of-a-sentence", "english-rest-beside-a-remark"],
)
def test_what_a_reader_left_of_a_sentence_is_spotted_clause_by_clause(
    text: str, book: CatalogIndex, expected: list[tuple]
) -> None:
    lines = read_lines(text, part="body", codes=book)
    assert [(ln.description.value, ln.quantity.value) for ln in lines] == expected


def test_a_clause_telling_of_goods_missing_is_no_line_beside_one_that_orders() -> None:
    found = spot_lines(
        [("Il manquait 2 sacs de terreau universel hier. Merci d'ajouter 4 sécateurs à lame franche", 0)],
        GARDEN,
        part="body",
    )
    assert [(ln.description.value, ln.quantity.value) for ln in found] == [("sécateurs à lame franche", 4)]


GREENGROCER = CatalogIndex.build(
    ReferenceData(
        products=[
            ProductRow(sku="FL-01", name="Banane Cavendish", unit="kg", unit_price=1.9),
            ProductRow(sku="FL-02", name="Compote pomme-banane coupelles carton de 120", unit="carton"),
            ProductRow(sku="FL-03", name="Yaourt nature bio colis de 24", unit="colis", unit_price=9.0),
            ProductRow(sku="FL-04", name="Tomate grappe", unit="kg", unit_price=3.1),
            ProductRow(sku="FL-05", name="Carotte vrac", unit="kg", unit_price=1.2),
            ProductRow(sku="FL-06", name="Carotte bio botte", unit="botte", unit_price=2.4),
        ]
    )
)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("Il nous faudrait : yaourts nature bio, 3 colis ; bananes, 6 kg.", [("yaourts", 3), ("bananes", 6)]),
        ("Pour lundi : yaourts nature bio, 2 colis ; tomates, 4 kg.", [("yaourts", 2), ("tomates", 4)]),
    ],
    ids=["bananas", "tomatoes"],
)
def test_one_word_heading_one_article_sold_in_the_unit_counted_names_it_for_a_clerk(
    row: str, expected
) -> None:
    found = spot_lines([(row, 0)], GREENGROCER, part="body")
    assert [(ln.description.value.split()[0].lower(), ln.quantity.value) for ln in found] == [
        (name, Decimal(count)) for name, count in expected
    ]
    assert WEAK in found[-1].notes


@pytest.mark.parametrize(
    "row",
    [
        "Il nous faudrait : yaourts nature bio, 3 colis ; carottes, 6 kg.",  # two articles head 'carotte'
        "Il nous faudrait : yaourts nature bio, 3 colis ; bananes, 6 cartons.",  # not sold by the carton
    ],
    ids=["two-heads", "other-unit"],
)
def test_one_word_naming_a_kind_or_another_unit_names_no_article(row: str) -> None:
    found = spot_lines([(row, 0)], GREENGROCER, part="body")
    assert [ln.description.value.split()[0].lower()[:6] for ln in found] == ["yaourt"]


@pytest.mark.parametrize(
    ("text", "book", "expected"),
    [
        (
            "Il nous faut 3 sacs de terreau universel. 2 sécateurs à enclume, les rouges, pour le parc.",
            GARDEN,
            ("sécateurs à enclume", 2),
        ),
        (
            "Could you send 2 bags of bread flour T65 and a tin of yeast. 6 unsalted butter blocks, for the shop.",
            BAKERY,
            ("unsalted butter blocks", 6),
        ),
    ],
    ids=["fr-garden", "en-bakery"],
)
def test_a_sentence_opening_on_a_count_after_one_read_is_spotted(
    text: str, book: CatalogIndex, expected: tuple[str, int]
) -> None:
    lines = read_lines(text, part="body", codes=book)
    spotted = [(ln.description.value, ln.quantity.value) for ln in lines if ln.provenance.rule == RULE]
    assert spotted == [expected]
