"""Order lines to catalogue articles: codes, customer refs, aliases, designations with sizes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from matchers import CatalogIndex, match_article, twin_left_untold
from matchers.context import message_words
from models import Extracted, ProductRow, Provenance, ReferenceData
from tests.factories.pipeline import make_extracted_line, make_parsed


@pytest.mark.parametrize(
    ("line_kwargs", "customer", "sku", "evidence"),
    [
        ({"code": "VIS-440-200"}, None, "VIS-440-200", "sku"),
        ({"code": "vis 440.500"}, None, "VIS-440-500", "code"),
        ({"code": "3700123000327"}, None, "GAN-NIT-T9", "ean"),
        ({"code": "BS-100245"}, "G004", "VIS-440-200", "customer_ref"),
        ({"code": "bs 100246"}, "G004", "VIS-440-500", "customer_ref"),
        ({"code": "00418"}, "G008", "00417", "customer_ref"),
        ({"code": "00418"}, "G001", "00418", "sku"),
    ],
    ids=[
        "exact-sku",
        "normalised-sku",
        "ean",
        "customer-ref",
        "customer-ref-normalised",
        "customer-ref-wins-over-our-sku",
        "same-code-other-customer-is-our-sku",
    ],
)
def test_codes_in_order_of_trust(
    fixtures_index: CatalogIndex, line_kwargs: dict[str, str], customer: str | None, sku: str, evidence: str
) -> None:
    match = match_article(make_extracted_line(**line_kwargs), fixtures_index, customer_id=customer)
    assert (match.sku, match.candidates[0].evidence[0].kind) == (sku, evidence)


def test_customer_ref_is_kept_on_the_match(fixtures_index: CatalogIndex) -> None:
    match = match_article(make_extracted_line(code="00418"), fixtures_index, customer_id="G008")
    assert match.customer_ref == "00418"


def test_sample_hotel_code_equal_to_our_coffee_sku_means_bin_bags(samples_index: CatalogIndex) -> None:
    line = make_extracted_line("Sacs poubelle 110 L", code="480117")
    assert match_article(line, samples_index, customer_id="C0142").sku == "HYG-2601-04"
    assert match_article(line, samples_index, customer_id="C0104").sku == "480117"


def test_alt_codes_from_a_document_reader_are_tried(fixtures_index: CatalogIndex) -> None:
    line = make_extracted_line("Vis 4x40", code="XX-UNKNOWN")
    line.alt_codes = [Extracted[str](value="VIS-440-500")]
    assert match_article(line, fixtures_index, customer_id=None).sku == "VIS-440-500"


@pytest.mark.parametrize(
    ("wording", "unit", "sku"),
    [
        ("vis agglo TF inox 4x40 bte de 200", None, "VIS-440-200"),
        ("vis agglo 4 x 40 boite 500", None, "VIS-440-500"),
        ("gants nitrile T9", None, "GAN-NIT-T9"),
        ("gants nitrille taille 8", None, "GAN-NIT-T8"),
        ("Lames cutter 18mm", None, "00418"),
    ],
    ids=["screw-box-200", "screw-box-500", "glove-t9", "glove-t8-typo", "cutter-blades"],
)
def test_designation_numbers_pick_the_right_twin(
    fixtures_index: CatalogIndex, wording: str, unit: str | None, sku: str
) -> None:
    match = match_article(make_extracted_line(wording, unit=unit), fixtures_index, customer_id=None)
    assert match.sku == sku


@pytest.mark.parametrize(
    ("wording", "unit", "sku"),
    [
        ("tuyau d'arrosage Ø15 de 25 mètres", "couronnes", "TUY-ARR-15-25"),
        ("tuyau d'arrosage Ø15 à la coupe", "m", "TUY-ARR-15-M"),
        ("hose Ø15, cut length", "m", "TUY-ARR-15-M"),
    ],
    ids=["coil-length-in-words-fr", "cut-fr", "cut-length-en"],
)
def test_a_length_written_out_is_a_size_not_the_word_of_an_article_sold_by_the_metre(
    fixtures_index: CatalogIndex, wording: str, unit: str, sku: str
) -> None:
    match = match_article(make_extracted_line(wording, unit=unit), fixtures_index, customer_id=None)
    assert match.sku == sku


@pytest.mark.parametrize(
    ("wording", "sku", "twin"),
    [
        ("inter diff 40A 30mA type A", "DIF-40-A", "DIF-40-AC"),
        ("interrupteur différentiel 40A type AC", "DIF-40-AC", "DIF-40-A"),
    ],
    ids=["type-a", "type-ac"],
)
def test_the_letter_after_type_tells_twins_apart(
    fixtures_index: CatalogIndex, wording: str, sku: str, twin: str
) -> None:
    match = match_article(make_extracted_line(wording), fixtures_index, customer_id=None)
    loser = next(c for c in match.candidates if c.key == twin)
    assert match.sku == sku and match.candidates[0].score - loser.score > 0.2


def test_twin_whose_numbers_disagree_loses_with_the_reason(fixtures_index: CatalogIndex) -> None:
    match = match_article(make_extracted_line("gants nitrile taille 9"), fixtures_index, customer_id=None)
    loser = next(c for c in match.candidates if c.key == "GAN-NIT-T8")
    assert match.candidates[0].score - loser.score > 0.2
    assert any(e.kind == "sizes_disagree" for e in loser.evidence)


def test_two_close_candidates_mean_low_confidence(samples_index: CatalogIndex) -> None:
    # Sold by the bag and by the carton; the wording says neither.
    match = match_article(make_extracted_line("gobelet carton blanc 20 cl"), samples_index, customer_id=None)
    assert match.score < 0.9
    assert len(match.candidates) >= 2


def test_stated_unit_decides_between_pack_twins(samples_index: CatalogIndex) -> None:
    by_carton = match_article(
        make_extracted_line("gobelet carton blanc 20 cl", unit="ctn"), samples_index, customer_id=None
    )
    by_bag = match_article(
        make_extracted_line("gobelet carton blanc 20 cl", unit="sachets"), samples_index, customer_id=None
    )
    assert samples_index.products[by_carton.sku or ""].unit == "carton"
    assert samples_index.products[by_bag.sku or ""].unit == "sachet"
    assert (by_carton.unit, by_bag.unit) == ("carton", "sachet")


def test_nothing_clears_the_cut_gives_no_sku_but_candidates(samples_index: CatalogIndex) -> None:
    match = match_article(make_extracted_line("pailles en bambou"), samples_index, customer_id=None)
    assert match.sku is None
    assert match.unit_price is None


@pytest.mark.parametrize(
    ("price", "expected"),
    [("30.00", Decimal("30.00")), (None, None)],
    ids=["printed-price-kept", "catalogue-price-when-none"],
)
def test_unit_price_is_the_printed_one_else_the_catalogue(
    fixtures_index: CatalogIndex, price: str | None, expected: Decimal | None
) -> None:
    match = match_article(
        make_extracted_line(code="VIS-440-500", unit_price=price), fixtures_index, customer_id=None
    )
    catalogue = Decimal(str(fixtures_index.products["VIS-440-500"].unit_price))
    assert match.unit_price == (expected if expected is not None else catalogue)


def test_quantity_stays_in_the_customers_unit_and_unit_defaults_to_catalogue(
    fixtures_index: CatalogIndex,
) -> None:
    match = match_article(
        make_extracted_line(code="GAN-NIT-T9", quantity="3"), fixtures_index, customer_id=None
    )
    assert (match.quantity, match.unit) == (Decimal("3"), "boite")


def test_pack_size_agreeing_is_evidence(fixtures_index: CatalogIndex) -> None:
    line = make_extracted_line("vis agglo 4x40", unit="boites", pack_size="500")
    match = match_article(line, fixtures_index, customer_id=None)
    assert match.sku == "VIS-440-500"
    assert any(e.kind == "pack_agrees" for e in match.candidates[0].evidence)


def test_code_whose_article_contradicts_the_wording_is_doubtful(fixtures_index: CatalogIndex) -> None:
    match = match_article(
        make_extracted_line("gants nitrile taille 8", code="GAN-NIT-T9"), fixtures_index, customer_id=None
    )
    assert match.sku == "GAN-NIT-T9"
    assert match.score < 0.9


def test_a_word_the_customer_does_not_want_counts_against(samples_index: CatalogIndex) -> None:
    match = match_article(
        make_extracted_line("sucre en bûchettes (blanc, pas le roux)"), samples_index, customer_id=None
    )
    assert "roux" not in (samples_index.products[match.sku or ""].name.lower())


@pytest.mark.parametrize(
    ("written", "unit"),
    [
        ("ctn", "carton"),
        ("Btes", "boite"),
        ("rlx", "rouleau"),
        ("pces", "pce"),
        ("Kg", "kg"),
        ("seau", "seau"),
    ],
    ids=["ctn", "btes", "rlx", "pces", "kg", "unit-outside-catalogue-kept"],
)
def test_stated_unit_in_catalogue_vocabulary(fixtures_index: CatalogIndex, written: str, unit: str) -> None:
    match = match_article(
        make_extracted_line(code="GAN-NIT-T9", unit=written), fixtures_index, customer_id=None
    )
    assert match.unit == unit


def test_cartons_of_an_article_sold_by_the_piece_show_the_conversion(fixtures_index: CatalogIndex) -> None:
    line = make_extracted_line(code="SIL-BLA-310", quantity="3", unit="cartons", pack_size="12")
    match = match_article(line, fixtures_index, customer_id=None)
    assert (match.quantity, match.unit) == (Decimal("3"), "carton")
    conversion = next(e for e in match.candidates[0].evidence if e.kind == "unit_conversion")
    assert conversion.detail == "3 carton x 12 = 36 pce"


def test_a_remark_in_brackets_does_not_hide_the_article(fixtures_index: CatalogIndex) -> None:
    line = make_extracted_line(
        "vis inox 4x40 boîte de 200 (on s'en sert pour la terrasse et les escaliers du chalet)"
    )
    assert match_article(line, fixtures_index, customer_id=None).sku == "VIS-440-200"


def test_a_makers_ref_among_the_customers_words_names_its_article(fixtures_index: CatalogIndex) -> None:
    line = make_extracted_line("Makita B-12712 diamond wheel for the small grinder")
    match = match_article(line, fixtures_index, customer_id=None)
    assert (match.sku, match.candidates[0].evidence[0].kind) == ("DIS-DIA-125", "code")
    assert match.score >= 0.75


def test_a_makers_ref_against_the_written_size_stays_doubtful(fixtures_index: CatalogIndex) -> None:
    match = match_article(make_extracted_line("B-12712 wheel 230 mm"), fixtures_index, customer_id=None)
    assert match.score < 0.75


def test_twins_told_apart_by_a_count_in_words(fixtures_index: CatalogIndex) -> None:
    four = match_article(make_extracted_line("four-hole angles 60x60"), fixtures_index, customer_id=None)
    six = match_article(make_extracted_line("six-hole angles 60x60"), fixtures_index, customer_id=None)
    assert (four.sku, six.sku) == ("EQU-4T-60", "EQU-6T-60")


def test_a_one_word_remark_in_brackets_is_no_part_of_the_name() -> None:
    index = CatalogIndex.build(
        ReferenceData(
            products=[
                ProductRow(sku="C054-Y", name="Cartouche Orion 054 jaune (3021C002)", unit="pce"),
                ProductRow(
                    sku="C054H-Y", name="Cartouche Orion 054H jaune haute capacité (3025C002)", unit="pce"
                ),
                ProductRow(sku="C054-C", name="Cartouche Orion 054 cyan (3023C002)", unit="pce"),
            ]
        )
    )
    match = match_article(make_extracted_line("Orion 054 yellow (standard)"), index, customer_id=None)
    assert match.sku == "C054-Y"


@pytest.mark.parametrize(
    ("pack_unit", "expected"),
    [("pièces", (Decimal("24"), "pce")), ("kg", (Decimal("2"), "carton"))],
    ids=["packs-of-the-sales-unit", "packs-of-another-unit"],
)
def test_packs_of_the_unit_the_article_is_sold_by_are_counted_in_it(
    fixtures_index: CatalogIndex, pack_unit: str, expected: tuple
) -> None:
    line = make_extracted_line(code="SIL-GRI-310", quantity="2", unit="carton", pack_size="12")
    line.pack_unit = Extracted(value=pack_unit)
    match = match_article(line, fixtures_index, customer_id=None)
    assert (match.quantity, match.unit) == expected


@pytest.mark.parametrize(
    ("wording", "sku", "candidates"),
    [
        ("mastic Sikaflex 11FC rapide", None, ["SIK-11-300", "SIK-11FC-300"]),
        ("mastic Sikaflex 11 cartouche", "SIK-11-300", ["SIK-11-300"]),
        ("mastic colle", "SIK-11-300", ["SIK-11-300"]),
    ],
    ids=["ratings-of-a-twin", "ratings-of-the-coded-article", "plain-words-only"],
)
def test_a_code_beside_the_ratings_of_its_twin_names_neither(
    fixtures_index: CatalogIndex, wording: str, sku: str | None, candidates: list[str]
) -> None:
    match = match_article(make_extracted_line(wording, code="SIK-11-300"), fixtures_index, customer_id=None)
    assert (match.sku, [c.key for c in match.candidates]) == (sku, candidates)


def test_the_letter_after_a_level_tells_twins_apart() -> None:
    index = CatalogIndex.build(
        ReferenceData(
            products=[
                ProductRow(sku="GT-C-9", name="Gant anti-coupure niveau C enduit PU T9", unit="paire"),
                ProductRow(sku="GT-D-9", name="Gant anti-coupure niveau D enduit nitrile T9", unit="paire"),
            ]
        )
    )
    english = match_article(
        make_extracted_line("cut-resistant gloves level D size 9"), index, customer_id=None
    )
    french = match_article(make_extracted_line("gants anti-coupure niveau C T9"), index, customer_id=None)
    assert (english.sku, french.sku) == ("GT-D-9", "GT-C-9")
    assert english.margin >= 0.1 and french.margin >= 0.1


@pytest.mark.parametrize(
    ("code", "wording", "sku"),
    [
        ("BOT-S5-200", "42", "BOT-S5-200-42"),
        ("GT-8800", "gants chimiques T9", "GT-8800-09"),
        ("GT-8800", "taille 9", "GT-8800-09"),
        ("CHT-LOT3", "43/46", "CHT-LOT3-4346"),
        ("GJU-NIT", "L", "GJU-NIT-L"),
        ("BOT-S5-200", "", None),
        ("BOT-S5-200", "48", None),
        ("GT-8800", "T9 ou T10", None),
    ],
    ids=[
        "size",
        "size-in-words",
        "size-word",
        "range",
        "letter",
        "none-written",
        "none-of-the-family",
        "two",
    ],
)
def test_a_familys_code_and_the_size_written_apart_name_one_article(
    code: str, wording: str, sku: str | None
) -> None:
    skus = [
        *(f"BOT-S5-200-{size}" for size in (40, 42, 44)),
        *(f"GT-8800-{size:02d}" for size in (8, 9, 10)),
        "CHT-LOT3-3942",
        "CHT-LOT3-4346",
        "GJU-NIT-L",
        "GJU-NIT-L-CT",
        "GJU-NIT-XL",
    ]
    index = CatalogIndex.build(ReferenceData(products=[ProductRow(sku=s, name=f"Article {s}") for s in skus]))
    match = match_article(make_extracted_line(wording, code=code), index, customer_id=None)
    assert match.sku == sku


@pytest.mark.parametrize(
    ("wording", "sku"),
    [("cut resistant gloves level D size 9/L", "GT-D-9"), ("gants anti-coupure niveau D 10/XL", "GT-D-10")],
    ids=["number-then-letter", "french"],
)
def test_a_size_in_two_notations_agrees_with_the_one_the_catalogue_prints(wording: str, sku: str) -> None:
    index = CatalogIndex.build(
        ReferenceData(
            products=[
                ProductRow(
                    sku=f"GT-D-{size}",
                    name=f"Gant anti-coupure niveau D enduit nitrile T{size}",
                    unit="paire",
                )
                for size in (8, 9, 10)
            ]
        )
    )
    match = match_article(make_extracted_line(wording), index, customer_id=None)
    assert (match.sku, match.score >= 0.75) == (sku, True)


def test_a_code_that_is_a_word_of_the_names_reads_as_one() -> None:
    index = CatalogIndex.build(
        ReferenceData(
            products=[
                ProductRow(sku="MAS-2V", name="Masque FFP2 avec valve boîte de 10", unit="boite"),
                ProductRow(sku="MAS-3V", name="Masque FFP3 avec valve boîte de 10", unit="boite"),
            ]
        )
    )
    match = match_article(make_extracted_line("masks with valve", code="FFP3"), index, customer_id=None)
    assert match.sku == "MAS-3V"
    assert match.margin >= 0.1


def test_a_code_written_among_the_words_names_the_candidate_it_is_the_code_of() -> None:
    index = CatalogIndex.build(
        ReferenceData(
            products=[
                ProductRow(sku="OC 90", name="Filtre à huile Knecht OC 90 - Renault / Volvo", unit="pce"),
                ProductRow(
                    sku="OC 90 OF", name="Filtre à huile Knecht OC 90 OF (version Offroad)", unit="pce"
                ),
                ProductRow(sku="4711", name="Graisse lithium cartouche 400 g", unit="pce"),
            ]
        )
    )
    offroad = match_article(make_extracted_line("Filtre huile OC 90 OF (tracteurs)"), index, customer_id=None)
    road = match_article(make_extracted_line("filtre huile OC 90 pour Master"), index, customer_id=None)
    assert (offroad.sku, road.sku) == ("OC 90 OF", "OC 90")
    # A code of an article the words do not put forward names nothing.
    assert match_article(make_extracted_line("Filtre huile 4711"), index, customer_id=None).sku != "4711"


def test_the_words_a_message_writes_once_name_the_twin_its_line_does_not() -> None:
    index = CatalogIndex.build(
        ReferenceData(
            products=[
                ProductRow(
                    sku=f"PAD-{car}", name=f"Plaquettes de frein AV Bosch - {name} (jeu avant)", unit="jeu"
                )
                for car, name in (
                    ("CLIO", "Renault Clio IV"),
                    ("208", "Peugeot 208"),
                    ("TRANSIT", "Ford Transit Custom"),
                )
            ]
        )
    )
    line = make_extracted_line("front brake pads, Bosch")
    alone = match_article(line, index, customer_id=None)
    fleet = match_article(line, index, customer_id=None, context=frozenset({"transit", "custom", "fleet"}))
    assert fleet.sku == "PAD-TRANSIT"
    assert fleet.margin == 0.0  # proposed, still for a clerk to confirm
    assert alone.sku != "PAD-TRANSIT" or alone.margin == 0.0


def test_the_words_of_the_message_leave_out_the_rows_lines_were_read_from() -> None:
    text = (
        "Order for the Transit Custom fleet:\nfiltre habitacle charbon actif x3\nfiltre habitacle simple x2\n"
    )
    line = make_extracted_line("filtre habitacle charbon actif")
    start = text.index("filtre")
    line.provenance = Provenance(part="body", span=(start, start + 33))
    words = message_words(make_parsed(text=text), [line])
    assert {"transit", "custom", "simple"} <= words
    assert "charbon" not in words


def test_pairs_ordered_of_an_article_sold_in_lots_of_pairs_count_the_lots() -> None:
    index = CatalogIndex.build(
        ReferenceData(
            products=[ProductRow(sku="MAN-L5", name="Manchettes de protection lot de 5 paires", unit="lot")]
        )
    )
    whole = match_article(
        make_extracted_line("manchettes de protection", quantity="15", unit="paires"), index, customer_id=None
    )
    part = match_article(
        make_extracted_line("manchettes de protection", quantity="7", unit="paires"), index, customer_id=None
    )
    assert (whole.quantity, whole.unit) == (Decimal(3), "lot")
    assert (part.quantity, part.unit) == (Decimal(7), "paire")


@pytest.mark.parametrize(
    ("said", "twin"),
    [
        ("ampoules LED E27 9W", "LED-E27-FR"),
        ("ampoules LED E27 9W blanc froid", None),
        ("LED bulbs E27 9 W dimmable", None),
        ("ampoules LED E27 9W", None),
    ],
    ids=[
        "the-telling-words-left-out",
        "the-telling-words-written",
        "in-english",
        "a-plain-name-beside-a-qualified-one",
    ],
)
def test_a_twin_is_left_untold_when_each_has_a_word_of_its_own_and_none_is_written(
    said: str, twin: str | None, request: pytest.FixtureRequest
) -> None:
    plain = request.node.callspec.id == "a-plain-name-beside-a-qualified-one"
    rows = [
        ProductRow(
            sku="LED-E27-CH", name="Ampoule LED E27 9 W" + ("" if plain else " blanc chaud"), unit="pce"
        ),
        ProductRow(sku="LED-E27-FR", name="Ampoule LED E27 9 W blanc froid dimmable", unit="pce"),
    ]
    index = CatalogIndex.build(ReferenceData(products=rows))
    assert twin_left_untold(said, "LED-E27-CH", ["LED-E27-FR"], index) == twin


def test_a_family_code_with_its_variant_in_words_names_the_one_its_words_lead() -> None:
    rows = [
        ProductRow(sku=f"CHF{n}{letter}", name=f"Chiffon coton {n} g {colour}", unit="paquet")
        for n in (200, 300)
        for letter, colour in (("B", "bleu"), ("R", "rouge"), ("V", "vert"))
    ]
    index = CatalogIndex.build(ReferenceData(products=rows))
    rouge = match_article(
        make_extracted_line("Chiffon coton 300 g rouge", code="CHF300"), index, customer_id=None
    )
    plain = match_article(make_extracted_line("Chiffon coton 300 g", code="CHF300"), index, customer_id=None)
    assert rouge.sku == "CHF300R"
    assert plain.sku is None or plain.margin < 0.1


@pytest.mark.parametrize(
    ("unit", "pack", "sku", "quantity", "sold_in"),
    [
        ("colis", "10", "BAN-R-L10", Decimal(3), "lot"),
        ("carton", "6", "BAN-R-CT6", Decimal(3), "carton"),
        ("colis", "5", "BAN-R", Decimal(15), "rouleau"),
        (None, "10", "BAN-R", Decimal(3), "rouleau"),
    ],
    ids=["lot-of-the-pack-counted", "carton-of-the-pack-counted", "no-such-pack-sold", "no-pack-counted"],
)
def test_a_name_word_for_word_counted_in_packs_it_is_not_sold_in_is_its_twin_sold_in_that_pack(
    unit: str | None, pack: str, sku: str, quantity: Decimal, sold_in: str
) -> None:
    rows = [
        ProductRow(sku="BAN-R", name="Bande de renfort 50 mm", unit="rouleau"),
        ProductRow(sku="BAN-R-L10", name="Bande de renfort 50 mm - lot de 10", unit="lot"),
        ProductRow(sku="BAN-R-CT6", name="Bande de renfort 50 mm - carton de 6 rouleaux", unit="carton"),
    ]
    index = CatalogIndex.build(ReferenceData(products=rows))
    line = make_extracted_line("Bande de renfort 50 mm", quantity="3", unit=unit, pack_size=pack)
    found = match_article(line, index, customer_id=None)
    assert (found.sku, found.quantity, found.unit) == (sku, quantity, sold_in)


@pytest.mark.parametrize(
    ("wording", "sku"),
    [("Toner 054 cyan standard, not the H", "TN-054-C"), ("Toner 054 cyan standard, pas le H", "TN-054-C")],
    ids=["not-the-h", "pas-le-h"],
)
def test_a_letter_refused_after_a_negation_rules_out_the_model_number_it_ends(wording: str, sku: str) -> None:
    rows = [
        ProductRow(sku="TN-054-C", name="Toner 054 cyan", unit="pce"),
        ProductRow(sku="TN-054H-C", name="Toner 054H cyan haute capacité", unit="pce"),
    ]
    index = CatalogIndex.build(ReferenceData(products=rows))
    found = match_article(make_extracted_line(wording), index, customer_id=None)
    assert found.sku == sku
    assert all(c.score < found.candidates[0].score - 0.2 for c in found.candidates[1:])


@pytest.mark.parametrize(
    ("written", "sold_by"),
    [("packs", "pack"), ("bags", "sac"), ("boxes", "bte")],
    ids=["a-spelling-of-the-same-unit", "another-word-for-its-package", "an-abbreviated-catalogue-unit"],
)
def test_the_unit_the_customer_writes_for_the_article_s_own_is_the_catalogue_s_word(
    written: str, sold_by: str
) -> None:
    """A garden centre's catalogue prints its own unit words; the order row carries them, not ours."""
    index = CatalogIndex.build(
        ReferenceData(products=[ProductRow(sku="TER-40", name="Terreau universel 40 L", unit=sold_by)])
    )
    line = make_extracted_line("terreau universel 40 L", quantity="6", unit=written)
    assert match_article(line, index, customer_id=None).unit == sold_by


def test_a_unit_of_its_own_package_ranks_the_article_sold_in_it_before_its_pallet() -> None:
    """'bags of potting soil' is the bag, not the pallet of bags, though 'bag' reads 'sachet' and
    the catalogue sells it by the 'sac'."""
    index = CatalogIndex.build(
        ReferenceData(
            products=[
                ProductRow(sku="TER-40", name="Terreau universel - sac 40 L", unit="sac"),
                ProductRow(sku="TER-40P", name="Terreau universel - palette de 60 sacs 40 L", unit="palette"),
            ]
        )
    )
    line = make_extracted_line("terreau universel 40 L", quantity="6", unit="bags")
    match = match_article(line, index, customer_id=None)
    assert (match.sku, match.margin >= 0.1) == ("TER-40", True)


def _paint_index() -> CatalogIndex:
    return CatalogIndex.build(
        ReferenceData(
            products=[
                ProductRow(sku="PEI-25", name="Pot de peinture acrylique blanc mat 2,5 L", unit="pce"),
                ProductRow(sku="PEI-10", name="Pot de peinture acrylique blanc mat 10 L", unit="pce"),
            ]
        )
    )


@pytest.mark.parametrize(
    ("wording", "sku"),
    [("peinture acrylique blanc mat grand modèle", "PEI-10"), ("acrylic paint white matt, the small one", "PEI-25"),
     ("peinture acrylique blanc mat (les grands)", "PEI-10"), ("white matt acrylic paint (the small ones)", "PEI-25"),
     ("peinture acrylique blanc mat, la petite", "PEI-25"), ("peinture acrylique blanc mat", None),
     ("peinture acrylique blanc mat (les grands pinceaux)", None)],
    ids=["grand-modele-is-the-bigger", "small-one-is-the-smaller", "les-grands-alone", "the-small-ones-alone",
         "la-petite-alone", "no-size-word-is-a-tie", "a-size-word-before-a-noun-of-its-own"],
)  # fmt: skip
def test_a_word_for_the_bigger_or_smaller_size_names_one_of_two_twins(wording: str, sku: str | None) -> None:
    """A decorator's shop: two pots told apart by their volume alone."""
    match = match_article(make_extracted_line(wording), _paint_index(), customer_id=None)
    assert (match.sku if match.margin >= 0.1 else None) == sku


@pytest.mark.parametrize(
    "remark",
    ["(2 par personne)", "(one each)", "(2 per technician)"],
    ids=["par-personne", "each", "per-tech"],
)
def test_a_count_shared_out_among_people_in_brackets_is_no_part_of_the_name(remark: str) -> None:
    index = CatalogIndex.build(
        ReferenceData(
            products=[
                ProductRow(sku="BL-44", name="Blouse de laboratoire coton taille 44", unit="pce"),
                ProductRow(sku="BL-42", name="Blouse de laboratoire coton taille 42", unit="pce"),
            ]
        )
    )
    match = match_article(make_extracted_line(f"blouses coton 44 {remark}"), index, customer_id=None)
    assert match.sku == "BL-44"
