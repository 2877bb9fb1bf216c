"""Quotes and offers quoted under a reply, written in columns with their prices: the rows read with
their counts and prices, a change naming the row by the count it replaces, two options counted in
one answer (building-supplies catalogue of fixtures/ref)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from intake.followups import ANSWER_RULE, EACH_RULE, read_thread
from intake.followups.by_words import lines_of_size
from intake.followups.diff import compute_change
from intake.followups.each import EACH_DOUBT
from intake.followups.offered import denied, offered_in_words
from intake.followups.option_article import most_described
from intake.followups.order_article import OrderLines, order_index
from matchers import CatalogIndex, match_article
from models import Candidate, Extracted, ExtractedLine, ParsedMessage
from parsers import extract_orders
from parsers.text.codes import read_code_line
from parsers.text.prices import split_price
from parsers.text.reader import read_lines
from tests.factories.pipeline import make_parsed

FIXTURES_REF = Path(__file__).parents[2] / "fixtures" / "ref"


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(FIXTURES_REF)


@pytest.mark.parametrize(
    ("line", "price"),
    [
        ("Cheville nylon M8x40 sachet de 50   qté 4    6,20 €", "6.20"),
        ("  ROU-PEI-230   paint roller 230 mm   x6 pcs  @ 7.40", "7.40"),
        ("Hi-vis vest orange XL      30 pcs    2.90", "2.90"),
        ("Gants nitrile T9 x 10 à 4,50 € la boîte", "4.50"),
        ("CAI-OUT-45   Caisse à outils   2   24,90 € HT", "24.90"),
        # columns set apart by long dashes, as a quote typed in a mail program
        ("Ramette papier A4 80 g — 20 ramettes — 4,35 € HT la ramette", "4.35"),
        ("Pipettes graduées 10 ml sachet de 50 — 6 sachets — 12,80 € HT", "12.80"),
        ("Copper elbow 22 mm — 40 pieces — 0.85 EUR each", "0.85"),
        # counted in square or cubic metres
        ("Sable de rivière 0/4 en vrac - 12 m3 - 38,00 EUR", "38.00"),
        ("Carrelage grès 60x60 - 25 m² - 21,90 € HT", "21.90"),
    ],
)
def test_a_price_after_the_count_is_blanked_and_kept(line: str, price: str) -> None:
    blanked, found = split_price(line)
    assert found is not None and found[0] == Decimal(price)
    assert len(blanked) == len(line) and "@" not in blanked and "€" not in blanked
    assert line[found[1][0] : found[1][1]].replace(",", ".") == price


@pytest.mark.parametrize(
    "line",
    [
        "Total HT     450,00 €",  # no count before the amount
        "SIL-BLA-310   Sanitary silicone, white, 310 ml cartridge   - 5.90",  # a size, no count
        "la boîte de 100 à 10,50 € au lieu de 8,90 €.",  # a sentence: the price has no column of its own
        "4 sacs de 2,50 kg",
    ],
)
def test_no_price_column_leaves_the_line_as_it_is(line: str) -> None:
    assert split_price(line) == (line, None)


def test_a_quotes_rows_with_no_code_are_read_with_their_counts_and_prices(index: CatalogIndex) -> None:
    text = (
        "Cheville nylon M8x40 sachet de 50          qté 4    6,20 €\n"
        "Ruban de masquage 38 mm x 50 m             qté 12   2,45 €\n"
        "  ROU-PEI-230    paint roller 230 mm      x6 pcs   @ 7.40\n"
    )
    read = [
        (line.quantity.value if line.quantity else None, line.unit_price.value if line.unit_price else None)
        for line in read_lines(text, part="quoted", codes=index)
    ]
    assert read == [(4, Decimal("6.20")), (12, Decimal("2.45")), (6, Decimal("7.40"))]


def test_a_quotes_rows_set_apart_by_long_dashes_keep_the_name_before_the_count(index: CatalogIndex) -> None:
    text = (
        "Cheville nylon M8x40 sachet de 50 — 4 sachets — 6,20 € HT le sachet\n"
        "Ruban de masquage 38 mm x 50 m — 12 rouleaux — 2,45 € HT\n"
    )
    read = [
        (line.description.value.split(" — ")[0], line.quantity.value if line.quantity else None)
        for line in read_lines(text, part="quoted", codes=index)
    ]
    assert read == [("Cheville nylon M8x40 sachet de 50", 4), ("Ruban de masquage 38 mm x 50 m", 12)]


@pytest.mark.parametrize(
    ("line", "count"),
    [
        ("ROU-PEI-230 rouleau peinture 230 x 6", 6),  # '230x6' is no size of the catalogue: 6 are ordered
        ("VIS-560-200 vis 5 x 60", None),  # the catalogue prints '5x60': a dimension, no count
        ("GAN-CUI-T9 gants cuir x 10", 10),
    ],
)
def test_a_size_then_its_count_after_a_known_code(line: str, count: int | None, index: CatalogIndex) -> None:
    found = read_code_line(line, index, part="body", start=0)
    assert (found.quantity.value if found and found.quantity else None) == count


@pytest.mark.parametrize(
    ("said", "held", "expected"),
    [
        ("les M10 : mettez-en 5 au lieu de 3.", [4, 6, 3], {"CHV-M1060": 5.0}),
        ("les M10 : mettez-en 5 au lieu de 3.", [3, 6, 3], {}),  # two rows hold 3: which one is unread
    ],
    ids=["one-row-holds-it", "two-rows-hold-it"],
)
def test_the_count_replaced_names_the_one_row_holding_it(
    said: str, held: list[int], expected: dict[str, float], index: CatalogIndex
) -> None:
    skus = ["CHV-M840", "CHV-M860", "CHV-M1060"]
    lines = OrderLines(list(zip(skus, map(float, held), strict=True)), order_index(index, skus))
    change = compute_change(said, lines, index, customer_id=None, today=None)
    assert {s.sku: s.quantity for s in change.set_quantity} == expected
    assert not change.certain, "the words did not name the row: a clerk confirms it"


IN_STOCK_EN = (
    "Hello,\nIn sealant we stock:\n"
    "SIL-BLA-310   Sanitary silicone, white, 310 ml cartridge   - 5.90\n"
    "SIL-GRI-310   Sanitary silicone, grey, 310 ml cartridge    - 5.90\n"
    "Regards"
)
IN_STOCK_FR = (
    "Bonjour,\nEn mastic sanitaire nous avons en stock :\n"
    "SIL-BLA-310   Mastic sanitaire blanc 310 ml   - 5,90\n"
    "SIL-GRI-310   Mastic sanitaire gris 310 ml    - 5,90\n"
    "Cordialement"
)


def _reply(said: str, offer: str) -> ParsedMessage:
    quoted = "On Thu, 3 Dec 2026 at 09:12, Order desk <commandes@garonne-pro.fr> wrote:\n" + "\n".join(
        f"> {line}" for line in offer.split("\n")
    )
    return make_parsed(text=f"{said}\n\nSam\n").model_copy(
        update={"quoted": quoted, "subject": "Re: silicone"}
    )


@pytest.mark.parametrize(
    ("said", "offer", "lines"),
    [
        (
            "Thanks - 4 of the white and 2 of the grey ones please.",
            IN_STOCK_EN,
            [("SIL-BLA-310", 4), ("SIL-GRI-310", 2)],
        ),
        ("Merci, 3 blancs et 5 gris svp.", IN_STOCK_FR, [("SIL-BLA-310", 3), ("SIL-GRI-310", 5)]),
        ("Thanks - 6 of the grey please.", IN_STOCK_EN, [("SIL-GRI-310", 6)]),
    ],
    ids=["two-counts-en", "two-counts-fr", "one-count"],
)
def test_an_answer_counting_each_option_of_a_list_of_what_we_stock(
    said: str, offer: str, lines: list[tuple[str, int]], index: CatalogIndex
) -> None:
    parsed = _reply(said, offer)
    (order,) = read_thread(parsed, extract_orders(parsed, codes=index), index)
    read = [(match_article(ln, index, customer_id=None).sku, int(ln.quantity.value)) for ln in order.lines]
    assert read == lines
    assert not order.doubts


def test_a_quoted_message_setting_out_nothing_to_choose_orders_nothing(index: CatalogIndex) -> None:
    parsed = _reply(
        "Thanks - 4 of the white and 2 of the grey ones please.", IN_STOCK_EN.replace("we stock:", ".")
    )
    read = read_thread(parsed, extract_orders(parsed, codes=index), index)
    assert not [
        ln for order in read for ln in order.lines if ln.provenance and ln.provenance.rule == ANSWER_RULE
    ]


COLOURS_FR = (
    "Bonjour,\nLe mastic silicone sanitaire en cartouche 310 ml existe en blanc, gris et transparent,\n"
    "à 5,90 € pièce. Le blanc et le gris existent aussi en carton de 12.\nDites-moi les quantités."
)
CODES_EN = (
    "Hello,\nThe sealant we discussed, all from stock:\n"
    "- SIL-BLA-310 sanitary silicone white, 310 ml cartridge: 5.90\n"
    "- SIL-GRI-310 sanitary silicone grey, 310 ml cartridge: 5.90\n"
    "- SIL-TRA-310 sanitary silicone clear, 310 ml cartridge: 5.90\nRegards"
)


def test_an_offer_listing_an_articles_colours_in_words_sets_out_its_variants(index: CatalogIndex) -> None:
    assert offered_in_words(COLOURS_FR, index) == [
        ["SIL-BLA-310", "SIL-GRI-310", "SIL-TRA-310"],
        ["SIL-BLA-CT12", "SIL-GRI-CT12"],
    ]
    assert offered_in_words("Le mastic sanitaire existe en blanc.", index) == []  # one colour lists nothing


def test_a_word_a_designation_denies_is_never_the_one_said() -> None:
    assert denied("Casque de chantier non ventilé isolant 1000 V blanc") == {"venti"}
    assert denied("Casque de chantier ventilé blanc") == set()


@pytest.mark.parametrize(
    ("said", "offer", "lines"),
    [
        (
            "Merci, 6 de chaque couleur, sauf le transparent.",
            COLOURS_FR,
            [("SIL-BLA-310", 6), ("SIL-GRI-310", 6)],
        ),
        (
            "We'll take 6 of each, none of the grey. Also 4 white cartridges of the other brand.",
            CODES_EN,
            [("SIL-BLA-310", 6), ("SIL-TRA-310", 6)],
        ),
    ],
    ids=["colours-in-words", "none-of-and-a-sentence-after"],
)
def test_a_count_of_each_offered_variant_less_those_turned_down(
    said: str, offer: str, lines: list[tuple[str, int]], index: CatalogIndex
) -> None:
    parsed = _reply(said, offer)
    (order,) = read_thread(parsed, extract_orders(parsed, codes=index), index)
    each = [ln for ln in order.lines if ln.provenance and ln.provenance.rule == EACH_RULE]
    assert [(match_article(ln, index, customer_id=None).sku, int(ln.quantity.value)) for ln in each] == lines
    assert EACH_DOUBT in order.doubts


PACKS_EN = (
    "Hello,\nThe sanitary silicone comes in 310 ml cartridges (5.90 each) or in cartons of 12 (64.00),\n"
    "in white and in grey. Which would you like?"
)


def test_the_option_said_before_the_counts_is_each_counts(index: CatalogIndex) -> None:
    parsed = _reply("The carton of 12 then - 2 cartons of the white, and 1 of the grey too.", PACKS_EN)
    (order,) = read_thread(parsed, extract_orders(parsed, codes=index), index)
    read = [(match_article(ln, index, customer_id=None).sku, int(ln.quantity.value)) for ln in order.lines]
    assert read == [("SIL-BLA-CT12", 2), ("SIL-GRI-CT12", 1)]


@pytest.mark.parametrize(
    ("clause", "hit"),
    [("2 more of the large", [2]), ("2 more of the extra large", [3]), ("2 more of the big ones", [])],
)
def test_a_letter_size_said_in_words_names_the_quoted_line(clause: str, hit: list[int]) -> None:
    base = [
        ExtractedLine(line_no=n, description=Extracted[str](value=f"Carton {size}", confidence=1.0))
        for n, size in enumerate(["S", "M", "L", "XL"], start=1)
    ]
    assert lines_of_size(clause, base) == hit


STOCK_OUT_OVER_REQUEST = (
    "De : Service commandes <commandes@garonne-pro.fr>\nEnvoyé : jeudi 3 décembre 2026 16:20\n"
    "Objet : RE: Commande\n\nBonjour,\nLe Sikaflex 11 est en rupture. Nous pouvons vous proposer le Sikaflex "
    "11FC rapide. Souhaitez-vous que nous le livrions à la place ?\nCordialement, le service commandes\n\n"
    "De : Pierre Martin <p.martin@martin-btp.fr>\nEnvoyé : mercredi 2 décembre 2026 08:40\nObjet : Commande\n\n"
    "Bonjour, pouvez-vous nous livrer :\n- 6 cartouches Sikaflex 11 300 ml\n- 10 sacs de ciment 35 kg\nMerci."
)


@pytest.mark.parametrize(
    ("said", "skus"),
    [
        ("Oui, OK pour le Sikaflex 11FC à la place, le reste comme demandé.", ["SIK-11FC-300", "CIM-35"]),
        ("Fine with the Sikaflex 11FC instead, the rest as ordered.", ["SIK-11FC-300", "CIM-35"]),
    ],
)
def test_a_substitute_named_alone_replaces_the_request_line_it_resembles(
    said: str, skus: list[str], index: CatalogIndex
) -> None:
    parsed = make_parsed(text=f"Bonjour,\n\n{said}\n").model_copy(
        update={"quoted": STOCK_OUT_OVER_REQUEST, "subject": "RE: Commande"}
    )
    (order,) = read_thread(parsed, extract_orders(parsed, codes=index), index)
    read = [(match_article(ln, index, customer_id=None).sku, int(ln.quantity.value)) for ln in order.lines]
    assert read == [(skus[0], 6), (skus[1], 10)], "the request under our signature is read, the swap applied"


def test_of_several_carrying_the_option_the_one_the_question_describes(index: CatalogIndex) -> None:
    carrying = [Candidate(key="GAN-LTX-T9", score=0.9), Candidate(key="GAN-NIT-T9", score=0.9)]
    question = "For the nitrile gloves we have size 8 and size 9, in boxes of 100. Which one?"
    assert most_described(carrying, question, index) == "GAN-NIT-T9"
    assert most_described(carrying, "We have size 8 and size 9. Which one?", index) is None
