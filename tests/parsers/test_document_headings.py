"""What a document's headings and cells say beyond its table: the unit a quantity heading counts,
a packaging column, a short order-number label, a delivery written on a notes sheet."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models import ExtractedOrder, SourceRow
from parsers.documents.pdf import read_pdf
from parsers.documents.pdf.headings import header_columns, headings_by_contents, unit_heading_is_quantity
from parsers.documents.pdf.layout import Line, Word
from parsers.documents.rows import build_line
from parsers.documents.sheets import load_grids, read_sheet, read_workbook
from parsers.documents.unit_columns import heading_unit
from parsers.orders import worded_delivery
from parsers.vocabulary.layout import default_vocabulary
from tests.factories.documents import Item, Layout, make_po_pdf, make_workbook


@pytest.mark.parametrize(
    ("heading", "unit"),
    [
        ("Qté colis", "colis"),
        ("Nb cartons", "cartons"),
        ("Quantité (colis)", "colis"),
        ("Qty in cases", "cases"),
        ("Nombre de sacs", "sacs"),
        ("Qté", None),
        ("Qté / Unité", None),
        ("Qty ordered", None),
        ("Cartons", None),
    ],
    ids=lambda value: str(value),
)
def test_a_quantity_heading_names_the_unit_it_counts(heading: str, unit: str | None) -> None:
    assert heading_unit(heading) == unit


def _sheet(text: str) -> ExtractedOrder:
    return read_sheet(text.encode(), "order.csv", "p1")


def test_a_sheets_quantity_heading_gives_each_line_its_unit_unless_the_cell_says_one() -> None:
    order = _sheet("Réf;Désignation;Nb cartons\nA1;Mastic blanc;2\nA2;Mastic gris;3 pièces\n")
    assert [(line.quantity.value, line.unit.value) for line in order.lines] == [
        (Decimal(2), "cartons"),
        (Decimal(3), "pièces"),
    ]


def test_bc_beside_its_number_above_the_table_is_the_po() -> None:
    order = _sheet("BC;LPR-2026-093\n\nArticle;Qté\nFarine T55 sac 25 kg;2\n")
    assert order.po_number is not None and order.po_number.value == "LPR-2026-093"


def test_a_packaging_column_with_a_size_joins_the_designation() -> None:
    cells = {"description": ("Haricots verts", None), "pack": ("sac 2,5 kg", None), "quantity": ("8", None)}
    line = build_line(1, cells, decimal_comma=True, confidence=0.9)
    assert line is not None and line.description.value == "Haricots verts sac 2,5 kg"
    plain = {
        "description": ("Haricots verts sac 2,5 kg", None),
        "pack": ("sac 2,5 kg", None),
        "quantity": ("8", None),
    }
    again = build_line(1, plain, decimal_comma=True, confidence=0.9)
    assert again is not None and again.description.value == "Haricots verts sac 2,5 kg"


def test_a_pdf_quantity_printed_against_its_packaging_is_split_from_it() -> None:
    items = [
        Item("A1", "Haricots verts", "3", unit="sac 2,5 kg"),
        Item("A2", "Beurre doux", "2", unit="carton de 6"),
    ]
    layout = Layout(
        headers=("Réf.", "Désignation", "Nb colis", "Cond.", "PU HT", "Montant HT"),
        xs=(40, 100, 300, 360, 440, 490, 560),
    )
    order = read_pdf(make_po_pdf(items, layout), "p1", max_pages=5)
    assert [(line.quantity.value, line.unit.value, line.description.value) for line in order.lines] == [
        (Decimal(3), "sac", "Haricots verts sac 2,5 kg"),
        (Decimal(2), "carton", "Beurre doux carton de 6"),
    ]


@pytest.mark.parametrize(
    ("source", "rows", "sent", "wanted"),
    [
        (
            "spreadsheet",
            [
                ("Article | Qté", "header"),
                ("Notes", "other"),
                ("Livraison lundi 07/12 entre 7h et 9h", "other"),
            ],
            dt.date(2026, 11, 30),
            dt.date(2026, 12, 7),
        ),
        (
            "pdf",
            [
                ("Désignation | Qté", "header"),
                ("Peinture satin blanc 2,5 L | 4", "lines"),
                ("Delivery week 52 please.", "lines"),
            ],
            dt.date(2026, 12, 18),
            dt.date(2026, 12, 21),
        ),
    ],
    ids=["on-a-notes-sheet", "a-sentence-closing-a-pdfs-rows"],
)
def test_a_delivery_written_in_a_note_is_read_against_the_sending_date(
    source: str, rows: list[tuple[str, str]], sent: dt.date, wanted: dt.date
) -> None:
    order = ExtractedOrder(source=source, rows=[SourceRow(text=text, region=region) for text, region in rows])
    found = worded_delivery(order, sent)
    assert found is not None and found.value == wanted


@pytest.mark.parametrize(
    ("cells", "unit", "pack", "inner"),
    [
        ({"quantity": ("2 boîtes de 10", None)}, "boîtes", Decimal(10), None),
        ({"quantity": ("4", None), "pack": ("bte 10", None)}, "bte", Decimal(10), None),
        ({"quantity": ("3", None), "pack": ("carton 4 bidons", None)}, "carton", Decimal(4), "bidon"),
        ({"quantity": ("6", None), "pack": ("1", None), "heading_unit": ("colis", None)}, None, None, None),
        ({"quantity": ("6", None), "pack": ("Flacon pompe", None)}, "Flacon", None, None),
    ],
    ids=[
        "in-the-quantity-cell",
        "abbreviated",
        "what-the-pack-holds",
        "a-pack-of-one-is-the-piece",
        "no-count",
    ],
)
def test_a_pack_and_what_it_holds_are_read_from_the_cell_that_writes_them(
    cells: dict, unit: str | None, pack: Decimal | None, inner: str | None
) -> None:
    line = build_line(1, {"description": ("Article", None), **cells}, decimal_comma=True, confidence=0.9)
    assert line is not None
    assert (line.unit.value if line.unit else None) == unit
    assert (line.pack_size.value if line.pack_size else None) == pack
    assert (line.pack_unit.value if line.pack_unit else None) == inner


@pytest.mark.parametrize(
    "header",
    ["Réf;Désignation;Qté colis;Nb colis;Qté totale", "Item;Description;Qty per case;No. of cases;Total qty"],
    ids=["fr", "en"],
)
def test_the_column_that_numbers_the_packs_is_the_quantity_and_the_per_pack_one_what_each_holds(
    header: str,
) -> None:
    order = _sheet(f"{header}\nA1;Gants nitrile boîte de 100;100;12;1200\nA2;Blouse L;5;2;10\n")
    assert [(line.quantity.value, line.pack_size.value) for line in order.lines] == [
        (Decimal(12), Decimal(100)),
        (Decimal(2), Decimal(5)),
    ]


def _tab(site: str, po: str | None, item: str) -> list[list]:
    return [[f"Groupe - {site}"], ["N° commande", po] if po else [], [], ["Désignation", "Qté"], [item, 3]]


@pytest.mark.parametrize(
    ("numbers", "orders"),
    [(("OC-N-31", "OC-SN-19"), 2), (("OC-31", "OC-31"), 1), (("OC-31", None), 1)],
    ids=["each-tab-its-number", "one-number", "one-tab-unnumbered"],
)
def test_tabs_that_each_carry_their_own_order_number_are_orders_of_their_own(numbers, orders) -> None:
    data = make_workbook(
        {"Nantes": _tab("Nantes", numbers[0], "Gants T9"), "Brest": _tab("Brest", numbers[1], "Casque")}
    )
    found = read_workbook(data, "commandes.xlsx", "p1", grids=load_grids(data, "commandes.xlsx", "p1"))
    assert len(found) == orders
    assert sum(len(order.lines) for order in found) == 2


def test_the_number_closing_a_title_cell_after_the_buyers_name_is_the_po() -> None:
    order = _sheet("Syndicat des Eaux - Bon de commande n° SET-BC-311\n\nArticle;Qté\nBotte PVC 43;2\n")
    assert order.po_number is not None and order.po_number.value == "SET-BC-311"


@pytest.mark.parametrize(
    ("remark", "quantity"),
    [("corriger : 2 au lieu de 1", 2), ("2 au lieu de 3", 1), ("urgent", 1)],
    ids=["corrects-the-count", "names-another-count", "no-correction"],
)
def test_a_remark_that_replaces_the_rows_count_stands(remark: str, quantity: int) -> None:
    order = _sheet(f"Article;Qté;Remarque\nPantalon HV 50;1;{remark}\n")
    assert order.lines[0].quantity.value == Decimal(quantity)


def test_an_unnamed_column_of_family_codes_is_the_code_joined_to_the_size_column() -> None:
    order = _sheet(
        "PO;Line;Item;Description;Size;Qty\n"
        "HB-77;10;GAN-CUI;Rigger gloves;T9;12\n"
        "HB-77;20;EPI-LUN-01;Specs;;10\n"
        "HB-77;30;CAS-12;Helmet;;2\n"
    )
    assert [(line.code.value, [alt.value for alt in line.alt_codes]) for line in order.lines] == [
        ("GAN-CUI-T9", ["GAN-CUI"]),
        ("EPI-LUN-01", []),
        ("CAS-12", []),
    ]


def test_a_column_of_one_repeated_number_or_of_words_is_no_code() -> None:
    order = _sheet("PO;Item;Description;Qty\nHB-77;Gloves;Rigger gloves T9;12\nHB-77;Specs;Specs clear;10\n")
    assert [line.code for line in order.lines] == [None, None]
    assert [line.description.value for line in order.lines] == ["Rigger gloves T9", "Specs clear"]


def test_a_sheet_header_over_two_rows_is_read_on_the_row_naming_more_columns() -> None:
    book = make_workbook(
        {
            "Cde": [
                ["Commande atelier"],
                [],
                ["Article", None, "Quantité", None],
                ["Code", "Libellé", "Nombre", "Unité"],
                ["BRD-0412", "Pain de mie nature 500 g", 12, "sachet"],
                ["BRD-0977", "Brioche tressée 400 g", 6, "pièce"],
            ]
        }
    )
    order = read_sheet(book, "cde.xlsx", "p1")
    assert [
        (line.code.value, line.description.value, line.quantity.value, line.unit.value)
        for line in order.lines
    ] == [
        ("BRD-0412", "Pain de mie nature 500 g", Decimal(12), "sachet"),
        ("BRD-0977", "Brioche tressée 400 g", Decimal(6), "pièce"),
    ]


def test_a_data_row_under_the_header_is_never_a_second_header_row() -> None:
    order = _sheet("Réf;Désignation;Qté\nRéf. atelier;Désignation longue;3\n")
    assert [line.quantity.value for line in order.lines] == [Decimal(3)]


@pytest.mark.parametrize(
    ("cover", "po"),
    [("Infos", "LAB-26-0771"), ("Historique", None)],
    ids=["cover-sheet", "history-sheet"],
)
def test_a_short_sheet_beside_the_table_gives_the_fields_the_table_leaves_blank(
    cover: str, po: str | None
) -> None:
    book = make_workbook(
        {
            cover: [
                ["Laboratoire", "Analyses du Val"],
                ["Commande", "LAB-26-0771"],
                ["Livraison", "03/12/2026"],
            ],
            "Lignes": [["Réf.", "Désignation", "Qté"], ["VR-2501", "Bécher 250 ml", 12]],
        }
    )
    order = read_sheet(book, "cde.xlsx", "p1")
    assert [line.code.value for line in order.lines] == ["VR-2501"]
    assert (order.po_number.value if order.po_number else None) == po
    assert (order.requested_delivery_date is not None) is (po is not None)


@pytest.mark.parametrize("heading", ["N° catalogue", "No. catalogue"], ids=lambda value: str(value))
def test_a_number_sign_before_a_word_heads_the_articles_number_in_a_pdf_and_a_sheet(heading: str) -> None:
    pdf = read_pdf(
        make_po_pdf(
            [Item("77310", "Robinet flotteur laiton 1/2", "4"), Item("77325", "Flexible inox 50 cm", "12")],
            Layout(headers=(heading, "Désignation", "Qté", "Unité", "PU HT", "Montant HT")),
        ),
        "p1",
        max_pages=5,
        ocr=False,
    )
    sheet = _sheet(
        f"{heading};Désignation;Qté\n77310;Robinet flotteur laiton 1/2;4\n77325;Flexible inox 50 cm;12\n"
    )
    for order in (pdf, sheet):
        assert [(ln.code.value, ln.quantity.value) for ln in order.lines] == [
            ("77310", Decimal(4)),
            ("77325", Decimal(12)),
        ]


def _pdf_line(top: float, *cells: tuple[str, float]) -> Line:
    words = [Word(text, x, x + 6 * len(text), top, top + 10, 1) for text, x in cells]
    return Line(words)


def test_a_pdf_unit_word_heading_counts_in_it_and_an_unnamed_column_of_years_is_the_articles_year() -> None:
    header = _pdf_line(100, ("Item", 40), ("Description", 100), ("Release", 300), ("Cartons", 380))
    rows = [
        _pdf_line(115, ("AT-FR", 40), ("Atlas", 100), ("2025", 300), ("15", 380)),
        _pdf_line(130, ("GU-IT", 40), ("Guide", 100), ("2024", 300), ("8", 380)),
    ]
    columns = header_columns(header, default_vocabulary())
    unit_heading_is_quantity(columns)
    headings_by_contents(columns, rows)
    assert [(c.heading, c.role) for c in columns][2:] == [("Release", "year"), ("Cartons", "quantity")]
    assert columns[3].counts == "Cartons"
