"""Catalogue-first reading and the shapes new customers write: known codes, blocks, elided units, PO alone."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from matchers import CatalogIndex
from parsers.text import fields
from parsers.text.codes import read_code_line
from parsers.text.lines import read_line
from parsers.text.prose import read_prose
from parsers.text.reader import read_lines
from parsers.text.tables import column_role

FIXTURES_REF = Path(__file__).resolve().parents[2] / "fixtures" / "ref"


class Book:
    """A set of codes standing in for the catalogue (the real index is tested below)."""

    def __init__(self, *codes: str) -> None:
        self.codes = {c.upper() for c in codes}

    def knows_code(self, token: str) -> bool:
        return token.upper() in self.codes


BOOK = Book("607511", "3606481208316", "OS-17242", "OS-34084", "OS-47416", "OS-33242", "CF226X", "7748-64")


def _read(text: str):
    found = read_code_line(text, BOOK, part="body", start=0)
    if found is None:
        return None
    return (
        found.code.value,
        str(found.quantity.value),
        found.unit.value if found.unit else None,
        found.description.value if found.description else None,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "607511 x 2\tcosses rondes 10mm² M8 bte 100",
            ("607511", "2", None, "cosses rondes 10mm² M8 bte 100"),
        ),
        (
            "40  3606481208316  boite encastrement simple",
            ("3606481208316", "40", None, "boite encastrement simple"),
        ),
        ("qté 25 réf OS-17242 (ramettes A4 80 g)", ("OS-17242", "25", None, "ramettes A4 80 g")),
        ("OS-34084 x 12  classeurs levier dos 80", ("OS-34084", "12", None, "classeurs levier dos 80")),
        ("4 OS-47416 agrafes 24/6", ("OS-47416", "4", None, "agrafes 24/6")),
        ("OS-33242 enveloppes DL à fenêtre 2 btes", ("OS-33242", "2", "boite", "enveloppes DL à fenêtre")),
        ("CF226X 3x", ("CF226X", "3", None, None)),
        (
            "P/N 7748-64   Copy paper A4 (carton of 5 reams)   qty 12",
            ("7748-64", "12", None, "Copy paper A4 (carton of 5 reams)"),
        ),
        ("OS-34084 pens 20 rolls @ 2.20", ("OS-34084", "20", "rouleau", "pens")),
        (
            "OS-17242   Ramettes A4 80 g     12 rolls   2.72",
            ("OS-17242", "12", "rouleau", "Ramettes A4 80 g"),
        ),
        ("CF226X   Toner noir   3 pcs   62,00 (prix spécial)", ("CF226X", "3", "pce", "Toner noir")),
        (
            "1 x 607511   Cosses rondes M8 607511   19,90 €",
            ("607511", "1", None, "Cosses rondes M8 607511"),
        ),
        ("2 x CF226X  Toner HP 26X cf226x", ("CF226X", "2", None, "Toner HP 26X cf226x")),
        (
            "Réf. 607511 Cosses rondes M8 - 2 boîtes de 100 - 3,50 €",
            ("607511", "2", "boite", "Cosses rondes M8"),
        ),
        ("OS-47416 agrafes 24/6 : 3 packs of 1000", ("OS-47416", "3", "paquet", "agrafes 24/6")),
    ],
    ids=[
        "code-x-qty",
        "qty-ean",
        "qte-ref",
        "code-x-qty-desc",
        "qty-code",
        "trailing-unit",
        "qty-x-after",
        "labelled-qty",
        "price-after",
        "count-unit-then-cents-column",
        "cents-column-and-a-remark",
        "code-printed-again-in-the-name",
        "code-again-in-another-case",
        "packs-counted-then-their-size",
        "packs-of-in-english",
    ],
)
def test_quantity_beside_a_known_code(text: str, expected) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text", ["OS-34084 vis 4 x 40 boîte de 200 x 5", "607511 tube 2 x 16 couronne de 50 x 3"]
)
def test_a_size_before_a_pack_is_no_count_of_packs(text: str) -> None:
    read = _read(text)
    assert read is None or read[1] not in ("40", "16")


@pytest.mark.parametrize(
    "text",
    ["607511 cosses rondes", "Pilot pens OS-34084 box/12", "Commande 607511 du 3 mars", "12 x UNKNOWN-1 vis"],
    ids=["no-quantity", "pack-size", "date-words", "unknown-code"],
)
def test_no_line_around_a_code(text: str) -> None:
    assert _read(text) is None


def test_key_value_blocks_make_one_line_each() -> None:
    text = (
        "Réf : 303402\nDésignation : Gaine ICTA grise Ø20\nQuantité : 6\n\n"
        "Réf : 303431\nDésignation : Gaine ICTA grise Ø25\nQuantité : 4 couronnes\n"
        "Désignation : Manchons IRL\nQuantité : 5\n"
    )
    lines = read_lines(text, part="body")
    assert [
        (ln.code.value if ln.code else None, ln.description.value, str(ln.quantity.value)) for ln in lines
    ] == [
        ("303402", "Gaine ICTA grise Ø20", "6"),
        ("303431", "Gaine ICTA grise Ø25", "4"),
        (None, "Manchons IRL", "5"),
    ]


def test_header_fields_are_not_lines() -> None:
    text = "PO: 4500012877\nRequired by: 13.11.2026\nQuantité : 12\nDelivery date: 16.11.2026\n"
    assert read_lines(text, part="body") == []


def test_the_catalogue_knows_its_codes_in_any_shape(reference_index: Callable[[Path], CatalogIndex]) -> None:
    index = reference_index(FIXTURES_REF)
    assert index.knows_code("VIS-440-200") and index.knows_code("vis 440 200".replace(" ", "-"))
    assert index.knows_code("3700123000075")  # an EAN
    assert index.knows_code("HB-GLV-L")  # a customer's own code, without a digit
    assert not index.knows_code("2026") and not index.knows_code("Gants")
    lines = read_lines("8  3700123000150  vis 5x60\nGAN-NIT-T9 x 3\n", part="body", codes=index)
    assert [(ln.code.value, str(ln.quantity.value)) for ln in lines] == [
        ("3700123000150", "8"),
        ("GAN-NIT-T9", "3"),
    ]


def test_a_unit_said_once_serves_the_next_item() -> None:
    text = (
        "Je voudrais une couronne de fil rouge 1,5 et une de fil bleu 1,5, et deux boîtes de chevilles de 6."
    )
    lines = read_prose(text, part="body", start=0)
    assert [(str(ln.quantity.value), ln.unit.value, ln.description.value) for ln in lines] == [
        ("1", "couronne", "fil rouge 1,5"),
        ("1", "couronne", "fil bleu 1,5"),
        ("2", "boite", "chevilles de 6"),
    ]


def test_a_word_that_starts_like_a_phone_label_is_an_article() -> None:
    found = read_line("Telerupteur 16A 1F ............ 3", part="body", start=0)
    assert found is not None and found.description.value == "Telerupteur 16A 1F"
    assert read_line("Tel : 04 78 12 34 56", part="body", start=0) is None


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("DA-2026-1187", "DA-2026-1187"),
        ("4500231876", "4500231876"),
        ("commande", None),
        ("12/11/2026", None),
    ],
    ids=["code", "long-number", "a-word", "a-date"],
)
def test_a_subject_that_is_only_a_number_is_the_po(subject: str, expected: str | None) -> None:
    found = fields.po_number(subject, "Bonjour, voici la liste.", part="body")
    assert (found.value if found else None) == expected


def test_a_code_column_says_whose_code_it_is() -> None:
    assert column_role("Code CH") == "code"
    assert column_role("Qté") == "quantity"


@pytest.mark.parametrize(
    "text",
    [
        "| Réf | Désignation | Qté |\n|-----|------|----|\n| A-1 | Vis | 6 |\n|  | Gants T8 | 2 |\n",
        "Réf | Désignation | Qté\n----|------|----\nA-1 |  | 6\n | Gants T8 | 2\n",
    ],
    ids=["outer-pipes", "no-outer-pipes"],
)
def test_pipe_tables_keep_their_rule_and_empty_cells(text: str) -> None:
    lines = read_lines(text, part="body")
    assert [
        (ln.code.value if ln.code else None, ln.description.value if ln.description else None) for ln in lines
    ][-1] == (None, "Gants T8")
    assert [str(ln.quantity.value) for ln in lines] == ["6", "2"]


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("RE: Disponibilité vis 5x50 - commande BC-2026-0091", "BC-2026-0091"),
        ("Re: Confirmation de votre commande CMD-77120", None),
        ("RE: votre devis D25-1180", None),
    ],
    ids=["customer-po-in-reply", "our-confirmation", "our-quote"],
)
def test_a_reply_subject_gives_only_a_prefixed_order_number(subject: str, expected: str | None) -> None:
    found = fields.po_number(subject, "Merci, nous vous passons commande de :", part="body")
    assert (found.value if found else None) == expected


class SpacedBook:
    """Codes compared as the catalogue compares them: without case, spaces or separators."""

    def __init__(self, *codes: str) -> None:
        self.codes = {self.key(c) for c in codes}

    @staticmethod
    def key(code: str) -> str:
        return "".join(ch for ch in code.upper() if ch.isalnum())

    def knows_code(self, token: str) -> bool:
        return len(token) >= 4 and self.key(token) in self.codes


SPACED = SpacedBook(
    "0 986 494 030", "HU 7008 z", "HD 13/4", "SPB 2000", "W 712/73", "7511", "EG1803", "FLH-52001"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- 2 x 0 986 494 030 Plaquettes AV Clio", ("0 986 494 030", "2", None, "Plaquettes AV Clio")),
        ("- 4 x HU 7008 z filtre huile", ("HU 7008 z", "4", None, "filtre huile")),
        ("qté 2 réf HD 13/4", ("HD 13/4", "2", None, None)),
        ("qté 3 courroies SPB 2000", ("SPB 2000", "3", None, "courroies")),
        ("1 filtre a huile W712/73", ("W712/73", "1", None, "filtre a huile")),
        ("2 btes P21W 24V 7511", ("7511", "2", "boite", None)),
        ("3. x2 EG1803", ("EG1803", "2", None, None)),
        ("4 pcs of FLH-52001", ("FLH-52001", "4", "pce", None)),
    ],
    ids=[
        "spaced-digits",
        "spaced-letters",
        "spaced-slash",
        "words-between",
        "code-last",
        "unit-code-last",
        "x-qty",
        "of",
    ],
)
def test_codes_written_with_spaces_and_counts_that_open_the_line(text: str, expected) -> None:
    found = read_code_line(text, SPACED, part="body", start=0)
    assert found is not None
    assert (
        found.code.value,
        str(found.quantity.value),
        found.unit.value if found.unit else None,
        found.description.value if found.description else None,
    ) == expected


def test_a_sentence_naming_several_codes_is_read_clause_by_clause() -> None:
    text = "Could you please deliver 4 pcs of FLH-52001, 6 x EG1803 and 10 x 7511. Also 2 x HD 13/4."
    lines = read_lines(text, part="body", codes=SPACED)
    assert [(ln.code.value, str(ln.quantity.value)) for ln in lines] == [
        ("FLH-52001", "4"),
        ("EG1803", "6"),
        ("7511", "10"),
        ("HD 13/4", "2"),
    ]
    assert [text[slice(*ln.code.provenance.span)] for ln in lines] == [
        "FLH-52001",
        "EG1803",
        "7511",
        "HD 13/4",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("*10* × Bobines écru 2 plis", ("10", None, "Bobines écru 2 plis")),
        ("- **4** x gants nitrile M", ("4", None, "gants nitrile M")),
        ("filtre habitacle simple 208 x2", ("2", None, "filtre habitacle simple 208")),
        ("qté 1 bidon 20L UTTO", ("1", "bidon", "20L UTTO")),
        ("- *4* bidons *Castrol Edge 5W30* 5 litres", ("4", "bidon", "Castrol Edge 5W30 5 litres")),
        ("2 drums of AdBlue 210L", ("2", "fut", "AdBlue 210L")),
        ("2 kits distri Gates", ("2", "kit", "distri Gates")),
        ("3 jeux plaquettes AR", ("3", "jeu", "plaquettes AR")),
    ],
    ids=[
        "bold-quantity",
        "double-bold",
        "x-glued-to-the-count",
        "qte-leading",
        "bold-name",
        "drums",
        "kits",
        "jeux",
    ],
)
def test_quantities_marked_in_the_ways_customers_type_them(text: str, expected) -> None:
    [line] = read_lines(text, part="body")
    assert (
        str(line.quantity.value),
        line.unit.value if line.unit else None,
        line.description.value,
    ) == expected
    assert text[slice(*line.quantity.provenance.span)] == expected[0]


def test_a_table_with_delivery_and_comment_columns_is_a_table() -> None:
    text = (
        "Qté\tDésignation\tRéf\tLivraison\tCommentaire\n"
        "2\tLessive liquide 20 L\tLAV2501B\t27/11/2026\t\n"
        "10\tTabliers PE rouleau de 200\t\t27/11/2026\turgent\n"
    )
    lines = read_lines(text, part="body")
    assert [
        (ln.code.value if ln.code else None, str(ln.quantity.value), ln.description.value) for ln in lines
    ] == [("LAV2501B", "2", "Lessive liquide 20 L"), (None, "10", "Tabliers PE rouleau de 200")]


@pytest.mark.parametrize(
    ("subject", "text", "po"),
    [
        ("Cde 4500012877", "Bonjour,\n0986494048 x2\n", "4500012877"),
        ("Commande", "Merci, réf PO-GIR-8841\n", "PO-GIR-8841"),
        ("Commande", "BC n° 2026-0412 à rappeler sur la facture.\n", "2026-0412"),
        ("GIR-PO-8841 gants nitrile", "Bonjour,\n10 boîtes de gants nitrile M\n", "GIR-PO-8841"),
        ("Order", "Hi, our ref is TRX/BC/26-0310, thanks\n", "TRX/BC/26-0310"),
    ],
    ids=["long-number-after-cde", "customer-letters-in-po", "bc-n", "customer-letters-before-po", "slashed"],
)
def test_po_numbers_in_more_shapes(subject: str, text: str, po: str) -> None:
    found = fields.po_number(subject, text, part="body")
    assert found is not None and found.value == po


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "OS-17242   Ramette A4 80 g blanche          3   4.20 EUR   12.60 EUR",
            ("OS-17242", "3", None, "Ramette A4 80 g blanche"),
        ),
        ("607511\tcosses rondes M8\t12\t0,35 €\t4,20 €", ("607511", "12", None, "cosses rondes M8")),
        ("CF226X | Toner noir | 2 | 89.00 EUR", ("CF226X", "2", None, "Toner noir")),
    ],
    ids=["spaced-columns-eur", "tab-columns-euro-sign", "pipe-columns"],
)
def test_a_count_column_before_a_priced_column_is_the_quantity(text: str, expected) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    ["OS-17242 Ramette A4 80 g de 500 4.20 EUR", "OS-34084 classeurs 80 mm   12,50 €"],
    ids=["pack-size-before-price", "size-before-price"],
)
def test_a_price_list_row_without_a_count_column_is_no_line(text: str) -> None:
    assert _read(text) is None


@pytest.mark.parametrize(
    ("quantity", "read"),
    [
        ("2 cartons de 6 bouteilles", ("2", "carton", "6", "flacon")),
        ("3 boxes of 12 pieces", ("3", "boite", "12", "pce")),
        ("2 sacs de 5 kg", ("2", "sac", "5", "kg")),
    ],
    ids=["cartons-of-bottles-fr", "boxes-of-pieces-en", "sacks-of-kilos-fr"],
)
def test_a_key_value_quantity_in_packs_keeps_what_one_pack_holds(quantity: str, read: tuple) -> None:
    (line,) = read_lines(
        f"Réf : 23281A\nDésignation : Huile d'olive 1 L\nQuantité : {quantity}\n", part="body"
    )
    assert (
        str(line.quantity.value),
        line.unit.value,
        str(line.pack_size.value),
        line.pack_unit.value,
    ) == read


def test_a_key_value_quantity_in_packs_of_an_unsaid_unit_is_no_line() -> None:
    # '2 cartons de 6': six bottles or six packs is unsaid; the block stays for a clerk.
    assert read_lines("Réf : 23281A\nQuantité : 2 cartons de 6\n", part="body") == []


class FamilyBook(Book):
    """Codes, some of which name a family of articles whose size is written apart."""

    def __init__(self, *codes: str, families: tuple[str, ...]) -> None:
        super().__init__(*codes, *families)
        self.families = {f.upper() for f in families}

    def names_family(self, token: str) -> bool:
        return token.upper() in self.families


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- 3 paires de chaussures S3 (CHS-S3-740) 40", ("CHS-S3-740", "3", "chaussures S3 40")),
        ("chaussures S3 CHS-S3-740 pointure 42 x 2", ("CHS-S3-740", "2", "chaussures S3 pointure 42")),
        ("5 x GT-8800 T9", ("GT-8800", "5", "T9")),
        ("GT-8800 12", ("GT-8800", "12", None)),
        ("CF226X 3x", ("CF226X", "3", None)),
    ],
    ids=[
        "size-in-brackets-after",
        "size-word-then-count",
        "size-letter",
        "a-lone-number-is-the-count",
        "no-family",
    ],
)
def test_the_size_after_a_familys_code_is_a_part_of_its_name(text: str, expected: tuple) -> None:
    book = FamilyBook("CF226X", families=("CHS-S3-740", "GT-8800"))
    found = read_code_line(text, book, part="body", start=0)
    assert found is not None
    assert (
        found.code.value,
        str(found.quantity.value),
        found.description.value if found.description else None,
    ) == expected


def test_a_known_code_inside_an_item_of_a_sentence_is_its_code():
    book = Book("GX-4410")
    text = "Il nous faudrait deux sacs de terreau et 4 arrosoirs GX-4410 pour la serre."
    lines = read_lines(text, part="body", codes=book)
    assert [(ln.quantity.value, ln.code.value if ln.code else None) for ln in lines] == [
        (Decimal(2), None),
        (Decimal(4), "GX-4410"),
    ]


def test_a_sentence_of_several_items_with_one_coded_reads_every_item():
    book = Book("5412345678901")
    text = (
        "Could we order 4 three-way hose splitters (EAN 5412345678901), 6 garden hoses 25 m "
        "and 2 wall reels for the greenhouse."
    )
    lines = read_lines(text, part="body", codes=book)
    assert [(ln.quantity.value, ln.code.value if ln.code else None) for ln in lines] == [
        (Decimal(4), "5412345678901"),
        (Decimal(6), None),
        (Decimal(2), None),
    ]


def test_a_list_line_with_a_known_code_is_one_article_whatever_its_commas():
    book = Book("GS-1219")
    lines = read_lines("1 CS potting soil 40 L, case of 5 bags GS-1219 30/11/2026\n", part="body", codes=book)
    assert [ln.code.value for ln in lines] == ["GS-1219"]


def test_counts_in_words_in_a_sentence_naming_two_codes_are_each_items_count():
    book = Book("AGR-20", "PRF-40")
    text = "Il nous faudrait une rame de papier kraft, deux agrafeuses AGR-20 et trois perforatrices PRF-40."
    lines = read_lines(text, part="body", codes=book)
    assert [(ln.quantity.value, ln.code.value if ln.code else None) for ln in lines] == [
        (Decimal(1), None),
        (Decimal(2), "AGR-20"),
        (Decimal(3), "PRF-40"),
    ]


def test_a_clause_opening_with_a_count_in_words_counts_the_code_after_it():
    book = Book("GX-4410", "GX-5520")
    lines = read_lines("Please send 3 x GX-4410 and two GX-5520 to the depot.", part="body", codes=book)
    assert [(ln.quantity.value, ln.code.value if ln.code else None) for ln in lines] == [
        (Decimal(3), "GX-4410"),
        (Decimal(2), "GX-5520"),
    ]


def test_a_line_added_in_a_sentence_is_read_from_the_item_alone():
    text = "Could you send 2 staplers and 4 desk lamps, plus 3 boxes of GX-4410."
    [*_, added] = read_lines(text, part="body", codes=Book("GX-4410"))
    assert added.code.value == "GX-4410"
    assert added.provenance.span[0] >= text.index("3 boxes")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("trois sacs de terreau universel TR-4040", ("TR-4040", "3", "sac")),
        ("deux sécateurs à lame franche SEC 2010", ("SEC 2010", "2", None)),
        ("Undersized hose reel TR-4040", None),
    ],
    ids=["count-in-words-unit", "count-in-words-spaced-code", "no-count-word-inside-a-word"],
)
def test_a_count_in_words_may_open_the_line_with_the_code_at_its_end(
    text: str, expected: tuple | None
) -> None:
    found = read_code_line(text, Book("TR-4040", "SEC 2010"), part="body", start=0)
    read = (
        (found.code.value, str(found.quantity.value), found.unit.value if found.unit else None)
        if found
        else None
    )
    assert read == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Commande BC-2026-118 ci-dessous, à livrer au dépôt. Ajoutez 2 OS-17242 svp.", "OS-17242"),
        ("Liste ci-dessous. Ajoutez 6 toners CF226X svp.", "CF226X"),
        ("Bon pour la liste du labo. Rajoutez 4 OS-34084 merci.", "OS-34084"),
    ],
    ids=["stationery", "workshop", "lab-thanks"],
)
def test_an_item_named_by_its_code_after_another_sentence_keeps_the_code(text: str, code: str) -> None:
    lines = read_lines(text, part="body", codes=BOOK)
    assert [ln.code.value for ln in lines if ln.code] == [code]


class DimensionBook(Book):
    """Codes, and the sizes 'A x B' the catalogue's designations print."""

    def __init__(self, *codes: str, dimensions: tuple[tuple[str, str], ...] = ()) -> None:
        super().__init__(*codes)
        self.dimensions = set(dimensions)

    def prints_dimension(self, first: str, second: str) -> bool:
        return (first, second) in self.dimensions


@pytest.mark.parametrize(
    ("text", "count", "dimensions"),
    [
        ("417396 boîtes de dérivation étanches 105x105 x 20", 20, (("105", "105"),)),
        ("VIS-440-200 vis agglo 4x40 x 500", 500, (("4", "40"),)),
        ("OS-47416 enveloppes 162x229 x 10", 10, (("162", "229"),)),
        ("OS-47416 enveloppes 162x229 x 10", None, ()),
    ],
    ids=["electrical-box", "screws", "envelopes", "a-dimension-the-catalogue-does-not-print"],
)
def test_a_count_after_a_printed_dimension_and_its_x_is_the_count(text: str, count, dimensions) -> None:
    book = DimensionBook("417396", "VIS-440-200", "OS-47416", dimensions=dimensions)
    found = read_code_line(text, book, part="body", start=0)
    assert (found.quantity.value if found else None) == count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 x 800 mm truck blades (OS-17242)", ("OS-17242", 4, "800 mm truck blades")),
        ("2 x 50 m tuyau d'arrosage 7748-64", ("7748-64", 2, "50 m tuyau d'arrosage")),
        ("3 x 500 ml flacons laveurs CF226X", ("CF226X", 3, "500 ml flacons laveurs")),
    ],
    ids=["wiper-blades-en", "garden-hose-fr", "lab-bottles"],
)
def test_a_leading_count_before_a_size_opening_the_name_counts_the_code_at_the_end(
    text: str, expected
) -> None:
    found = read_code_line(text, BOOK, part="body", start=0)
    assert (found.code.value, int(found.quantity.value), found.description.value) == expected


def test_a_figure_after_the_leading_count_that_counts_is_no_size() -> None:
    found = read_code_line("4 x 10 boîtes OS-17242", BOOK, part="body", start=0)
    assert found is None or found.quantity.value != 4
