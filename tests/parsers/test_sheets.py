"""Spreadsheet orders: XLSX, ODS and CSV, the header row anywhere, quantities 0 or blank skipped."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest

from parsers.documents.sheet_files import decode_text
from parsers.documents.sheets import read_sheet

PART = "attachment:order"


def make_xlsx(rows: list[list[object]], *, start_row: int = 1, start_col: int = 1) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for r, row in enumerate(rows, start_row):
        for c, value in enumerate(row, start_col):
            if value is not None:
                sheet.cell(r, c, value)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


TABLE = [
    ["N° de commande", "SB-43-2026"],
    ["Date", dt.datetime(2026, 10, 16)],
    ["Livraison souhaitée", dt.datetime(2026, 10, 20)],
    [],
    ["Code article", "Désignation", "Quantité", "Unité", "Prix unitaire HT"],
    ["VIS-440-200", "Vis inox 4x40", 4, "boîte", 5.91],
    ["CHV-M860", "Chevilles M8x60", 0, "sachet", 6.9],
    ["GAN-NIT-T9", "Gants nitrile T9", None, "boîte", 6.9],
    ["CAF-1", "Café vrac", 2.5, "kg", 16.8],
    [None, "Total", None, None, 40.64],
]


@pytest.mark.parametrize(("start_row", "start_col"), [(1, 1), (6, 3)], ids=["at-A1", "at-C6"])
def test_xlsx_header_found_anywhere_and_empty_quantities_skipped(start_row: int, start_col: int) -> None:
    order = read_sheet(make_xlsx(TABLE, start_row=start_row, start_col=start_col), "bc.xlsx", PART)
    assert [(line.code.value, line.quantity.value) for line in order.lines] == [
        ("VIS-440-200", Decimal(4)),
        ("CAF-1", Decimal("2.5")),
    ]
    assert order.po_number.value == "SB-43-2026"
    assert order.order_date.value == dt.date(2026, 10, 16)
    assert order.requested_delivery_date.value == dt.date(2026, 10, 20)
    assert order.lines[0].unit_price.value == Decimal("5.91")


def test_xlsx_values_keep_sheet_and_cell() -> None:
    order = read_sheet(make_xlsx(TABLE), "bc.xlsx", PART)
    assert order.lines[0].quantity.provenance.cell == "C6"
    assert order.lines[0].quantity.provenance.sheet == "Sheet"
    assert order.po_number.provenance.cell == "B1"


@pytest.mark.parametrize(
    ("encoding", "delimiter", "ending"),
    [
        ("cp1252", ";", "\r\n"),
        ("utf-8-sig", ",", "\r\n"),
        ("utf-8", "\t", "\r\n"),
        ("latin-1", "|", "\r\n"),
        ("utf-16", ";", "\r\n"),
        ("utf-16-le", "\t", "\r\n"),
        ("cp1252", ";", "\r"),
    ],
    ids=[
        "cp1252-semicolon",
        "utf8bom-comma",
        "utf8-tab",
        "latin1-pipe",
        "utf16",
        "utf16-unmarked",
        "cr-only",
    ],
)
def test_csv_any_delimiter_and_encoding(encoding: str, delimiter: str, ending: str) -> None:
    decimal = "," if delimiter != "," else "."
    rows = [
        ["Commande n°", "RH-0912"],
        ["Réf.", "Désignation", "Qté", "Unité"],
        ["CIM-35", "Ciment gris sac 35 kg", "12", "sac"],
        ["ABR-80", "Disques abrasifs grain 80", f"2{decimal}5", "lot"],
        ["RUB-19", "Ruban de masquage", "0", "rlx"],
    ]
    text = ending.join(delimiter.join(row) for row in rows) + ending
    order = read_sheet(text.encode(encoding), "commande.csv", PART)
    assert [(line.code.value, line.quantity.value) for line in order.lines] == [
        ("CIM-35", Decimal(12)),
        ("ABR-80", Decimal("2.5")),
    ]
    assert order.lines[0].description.value == "Ciment gris sac 35 kg"
    assert order.po_number.value == "RH-0912"


def test_english_and_german_headers() -> None:
    rows = [["Artikelnummer", "Bezeichnung", "Menge", "Einheit"], ["A-1", "Handschuhe", 3, "Stk"]]
    order = read_sheet(make_xlsx(rows), "bestellung.xlsx", PART)
    assert order.lines[0].quantity.value == 3
    rows = [["Item code", "Description", "Qty", "UoM", "Our ref"], ["A-1", "Gloves", 3, "box", "X9"]]
    order = read_sheet(make_xlsx(rows), "po.xlsx", PART)
    assert order.lines[0].code.value == "A-1"


def test_two_code_columns_keep_both() -> None:
    rows = [["Code client", "Désignation", "Réf. fournisseur", "Qté"], ["LT-1", "Gobelet", "VJ10126", 2]]
    line = read_sheet(make_xlsx(rows), "po.xlsx", PART).lines[0]
    assert line.code.value == "LT-1"
    assert [alt.value for alt in line.alt_codes] == ["VJ10126"]


def make_ods(name: str, rows: list[list[object]]) -> bytes:
    """An ODS sheet: floats as number cells, a (text, text) pair as two words two spaces apart written
    with a space element, anything else as text."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P, S

    doc = OpenDocumentSpreadsheet()
    table = Table(name=name)
    for values in rows:
        row = TableRow()
        for value in values:
            cell = TableCell(valuetype="float", value=value) if isinstance(value, float) else TableCell()
            paragraph = P(text=value[0] if isinstance(value, tuple) else str(value))
            if isinstance(value, tuple):
                paragraph.addElement(S(c=2))
                paragraph.addText(value[1])
            cell.addElement(paragraph)
            row.addElement(cell)
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    data = io.BytesIO()
    doc.write(data)
    return data.getvalue()


def test_ods_is_read() -> None:
    rows = [["Code", "Désignation", "Quantité"], ["EPI-1", "Casque", 4.0], ["EPI-2", "Lunettes", 0.0]]
    order = read_sheet(make_ods("BC", rows), "bc.ods", PART)
    assert [(line.code.value, line.quantity.value) for line in order.lines] == [("EPI-1", Decimal(4))]
    assert order.lines[0].quantity.provenance.cell == "C2"


def test_ods_numeric_codes_stay_whole_and_spaces_written_as_elements_are_kept() -> None:
    rows = [
        ["Code", "Libellé", "Qté"],
        [731055.0, ("Câble", "souple 3G1,5"), 25.0],
        [731056.0, "Gaine ICTA 20", 4.0],
    ]
    order = read_sheet(make_ods("Cde", rows), "cde.ods", PART)
    assert [(line.code.value, line.description.value, line.quantity.value) for line in order.lines] == [
        ("731055", "Câble  souple 3G1,5", Decimal(25)),
        ("731056", "Gaine ICTA 20", Decimal(4)),
    ]


def test_a_sheet_without_a_line_table_orders_nothing() -> None:
    order = read_sheet(make_xlsx([["Planning"], ["lundi", "mardi"]]), "planning.xlsx", PART)
    assert order.lines == [] and order.notes


@pytest.mark.parametrize(
    ("data", "text"),
    [("é;à".encode("cp1252"), "é;à"), ("é;à".encode(), "é;à"), (b"\xef\xbb\xbfa;b", "a;b")],
    ids=["cp1252", "utf8", "bom"],
)
def test_decode_text(data: bytes, text: str) -> None:
    assert decode_text(data) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("VIS-440-200;12\r\nCHV-M860;4\r\n", [("VIS-440-200", 12), ("CHV-M860", 4)]),
        (
            "480101;Café grains 1 kg;3\n520119;Sacs congélation;2,5\n",
            [("480101", 3), ("520119", Decimal("2.5"))],
        ),
        ("Vis inox 4x40,6\nChevilles M8,10\n", [(None, 6), (None, 10)]),
    ],
    ids=["code-qty", "numeric-codes", "designation-qty"],
)
def test_csv_without_a_header_row(text: str, expected: list) -> None:
    order = read_sheet(text.encode(), "export.csv", PART)
    assert [(line.code.value if line.code else None, line.quantity.value) for line in order.lines] == expected
    assert order.confidence < 0.8


@pytest.mark.parametrize(
    "text", ["a;b\nc;d\n", "12;13\n14;15\n", "VIS-1;2\nVIS-2\n"], ids=["no-numbers", "two-numbers", "ragged"]
)
def test_a_headerless_table_that_is_unclear_orders_nothing(text: str) -> None:
    assert read_sheet(text.encode(), "export.csv", PART).lines == []


def test_a_zip_bomb_spreadsheet_is_refused_before_it_is_unpacked():
    from models import Attachment, DocumentReadError
    from parsers.documents.attachments import DocumentLimits, read_document
    from tests.factories.messages import make_zip_bomb_xlsx

    bomb = Attachment(
        filename="bomb.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        data=make_zip_bomb_xlsx(300),
        part_name="attachment:bomb.xlsx",
    )
    with pytest.raises(DocumentReadError, match="unpacks to 300 MiB"):
        read_document(bomb, limits=DocumentLimits(isolate=False))


LINES = [["Réf", "Désignation", "Qté"], ["VIS-440-200", "Vis inox 4x40", 4]]


@pytest.mark.parametrize(
    ("above", "po"),
    [
        ([["N° : ACH-26-2911"]], "ACH-26-2911"),
        ([["Commande", "EPI-26-553"]], "EPI-26-553"),
        ([["Bon de commande", "AEF/26/329"]], "AEF/26/329"),
        ([["Commande 0458/2026"]], "0458/2026"),
        ([["Purchase order no. PO-10455"]], "PO-10455"),
        ([["N° de commande : SB-43"]], "SB-43"),
        ([["Purchase order: CR-2026-051"]], "CR-2026-051"),
        ([["Commande du 12/11/2026"]], None),
        ([["Commande", "12/11/2026"]], None),
        ([["Bon de commande"], ["Chantier Les Vignes"]], None),
        ([["N° commande", "BC-5130"]], "BC-5130"),
        ([["Order number", "PO-20931"], ["Date", "Buyer"]], "PO-20931"),
        ([["BON DE COMMANDE", None, "N° BC-0412"]], "BC-0412"),
        ([["PURCHASE ORDER", None, "No. PO-88123"]], "PO-88123"),
        ([["N° client", "C-1180"]], None),
        ([["Commande BT-2231 du 19/11/2026"]], "BT-2231"),
        ([["Order BT-2231 of 19 Nov 2026"]], "BT-2231"),
    ],
    ids=[
        "bare-label-and-value-in-one-cell",
        "title-then-number-beside",
        "long-title-then-number-beside",
        "title-and-number-in-one-cell",
        "english-title-and-number",
        "label-colon-value",
        "title-colon-value",
        "title-with-a-date-is-no-number",
        "title-beside-a-date-is-no-number",
        "title-above-a-phrase-is-no-number",
        "number-opening-with-a-label-word",
        "english-number-opening-with-a-label-word",
        "title-row-with-the-number-sign-cell",
        "english-title-row-with-the-number-sign-cell",
        "customer-number-is-no-order-number",
        "title-number-and-date",
        "english-title-number-and-date",
    ],
)
def test_the_order_number_above_the_table_in_every_shape(above: list[list[object]], po: str | None) -> None:
    order = read_sheet(make_xlsx([*above, [], *LINES]), "bc.xlsx", PART)
    assert len(order.lines) == 1
    assert (order.po_number.value if order.po_number else None) == po


def test_a_delivery_column_with_one_date_is_the_order_delivery_date() -> None:
    rows = [["Qté", "Désignation", "Réf", "Commentaire", "Livraison"]]
    rows += [[2, "Vis inox", "VIS-1", "urgent", "02/12/2026"], [1, "Chevilles", "CHV-2", None, "02/12/2026"]]
    order = read_sheet(make_xlsx(rows), "bc.xlsx", PART)
    assert order.requested_delivery_date.value == dt.date(2026, 12, 2)
    rows[2][4] = "04/12/2026"
    assert read_sheet(make_xlsx(rows), "bc.xlsx", PART).requested_delivery_date is None


def test_erp_export_headings_qualify_their_naming_word() -> None:
    rows = [
        ["Purchasing Document", "Item", "Material", "Short Text", "PO Quantity", "Order Unit", "Net Price"]
    ]
    rows += [["4500013488", 10, "MAT-0005357", "Copy paper A3 80 g", 10, "REA", 10.8]]
    (line,) = read_sheet(make_xlsx(rows), "export.xlsx", PART).lines
    assert (line.code.value, line.description.value, line.quantity.value) == (
        "MAT-0005357",
        "Copy paper A3 80 g",
        Decimal(10),
    )
    assert line.unit.value == "REA" and line.unit_price.value == Decimal("10.8")


def test_of_two_article_headings_the_one_holding_codes_is_the_code() -> None:
    text = "Quantité;Unité;Article;Libellé\n6;sac;18462A;Semoule moyenne sac 5kg\n12,5;kg;275025;Merguez\n"
    order = read_sheet(text.encode(), "cde.csv", PART)
    assert [(ln.code.value, ln.description.value) for ln in order.lines] == [
        ("18462A", "Semoule moyenne sac 5kg"),
        ("275025", "Merguez"),
    ]


def test_a_lone_word_heading_beside_the_quantity_is_the_article() -> None:
    rows = [["#", "Item", "Qty"], [1, "Pentel EnerGel 0.7 black (box)", 3], [2, "Sharpie fine black", 2]]
    order = read_sheet(make_xlsx(rows), "list.xlsx", PART)
    assert [(ln.description.value, ln.quantity.value) for ln in order.lines] == [
        ("Pentel EnerGel 0.7 black (box)", Decimal(3)),
        ("Sharpie fine black", Decimal(2)),
    ]


def test_the_rows_of_the_other_sheets_are_kept_for_the_checks() -> None:
    book = openpyxl.Workbook()
    book.active.title = "Commande"
    for row in TABLE:
        book.active.append(row)
    notes = book.create_sheet("Frais")  # no header row: no table the reader knows
    notes.append(["à ajouter :"])
    notes.append(["BEU-250", "Beurre doux 250 g", 12])
    data = io.BytesIO()
    book.save(data)
    order = read_sheet(data.getvalue(), "order.xlsx", PART)
    other = [row for row in order.rows if row.region == "other"]
    assert [row.text for row in other] == [
        "à ajouter :",
        "BEU-250 | Beurre doux 250 g | 12",
    ]
    assert {row.provenance.sheet for row in other} == {"Frais"}
    assert all(row.region != "other" for row in order.rows if row.provenance.sheet == "Commande")


def test_a_sheet_named_as_no_order_is_not_shown_to_the_checks() -> None:
    book = openpyxl.Workbook()
    book.active.title = "Commande"
    for row in TABLE:
        book.active.append(row)
    history = book.create_sheet("Historique commandes")
    history.append(["Date", "Réf", "Qté"])
    history.append([dt.datetime(2026, 10, 2), "BEU-250", 4])
    data = io.BytesIO()
    book.save(data)
    order = read_sheet(data.getvalue(), "order.xlsx", PART)
    assert [row for row in order.rows if row.region == "other"] == []


def test_a_row_writing_only_a_colour_or_size_orders_the_article_of_the_row_above() -> None:
    rows = [
        ["Code", "Article", "Couleur", "Qté"],
        ["CLS-A4", "Classeur levier A4 dos 80", "rouge", 10],
        [None, None, "bleu", 6],
        [None, None, None, 3],
        ["STB-12", "Stabilo Boss", None, 2],
    ]
    order = read_sheet(make_xlsx(rows), "commande.xlsx", PART)
    assert [(ln.code.value, ln.description.value, ln.quantity.value) for ln in order.lines] == [
        ("CLS-A4", "Classeur levier A4 dos 80 rouge", 10),
        ("CLS-A4", "Classeur levier A4 dos 80 bleu", 6),
        ("STB-12", "Stabilo Boss", 2),
    ]
    assert order.lines[1].description.provenance.cell == "C3"


def test_a_count_typed_with_a_times_sign_or_in_words_is_the_quantity() -> None:
    rows = [
        ["Réf.", "Désignation", "Qté"],
        ["JAR-110", "Terreau horticole 50 L", "x12"],
        ["JAR-220", "Bâche de paillage 2x10 m", "3x"],
        ["JAR-330", "Tuteur bambou 120 cm", "douze"],
        ["JAR-440", "Arrosoir 10 L", "two"],
        ["JAR-550", "Sécateur", "à voir"],
    ]
    order = read_sheet(make_xlsx(rows), "jardin.xlsx", PART)
    assert [(line.code.value, line.quantity.value) for line in order.lines] == [
        ("JAR-110", Decimal(12)),
        ("JAR-220", Decimal(3)),
        ("JAR-330", Decimal(12)),
        ("JAR-440", Decimal(2)),
    ]
