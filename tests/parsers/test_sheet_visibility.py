"""What a clerk sees of a sheet is what is read: hidden rows, columns and sheets are left out (and the order
says so); a flat OpenDocument sheet (.fods, one XML file) reads as an .ods does."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest

from models import Attachment
from parsers.documents.attachments import SHEET, document_type
from parsers.documents.sheets import read_sheet
from tests.factories.documents import make_workbook

PART = "attachment:order"
ROWS = [
    ["Code", "Désignation", "Qté"],
    ["ARR-19", "Arroseur oscillant 19 buses", 4],
    ["TUY-25", "Tuyau d'arrosage 25 m", 2],
    ["PRG-06", "Programmateur 6 voies", 1],
]


def _read(order) -> list[tuple[str | None, Decimal]]:
    return [(ln.code.value if ln.code else None, ln.quantity.value) for ln in order.lines]


def _xlsx(
    *, hide_row: int | None = None, hide_column: str | None = None, hidden_sheet: bool = False
) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Commande"
    for row in ROWS:
        sheet.append(row)
    if hide_row:
        sheet.row_dimensions[hide_row].hidden = True
    if hide_column:
        sheet.column_dimensions[hide_column].hidden = True
    if hidden_sheet:
        listing = book.create_sheet("Tarif")
        listing.append(["Code", "Désignation", "Qté"])
        listing.append(["VAN-01", "Vanne 1 pouce", 50])
        listing.sheet_state = "hidden"
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def _fods(*, hide_row: int | None = None, hide_column: int | None = None) -> bytes:
    def cell(value) -> str:
        if isinstance(value, int):
            return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'

    hidden = ' table:visibility="collapse"'
    columns = "".join(f"<table:table-column{hidden if i == hide_column else ''}/>" for i in range(3))
    rows = "".join(
        f"<table:table-row{hidden if i == hide_row else ''}>{''.join(cell(v) for v in row)}</table:table-row>"
        for i, row in enumerate(ROWS)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        ' office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body><office:spreadsheet>'
        f'<table:table table:name="Commande">{columns}{rows}</table:table>'
        "</office:spreadsheet></office:body></office:document>"
    ).encode()


def test_a_flat_opendocument_sheet_is_read_whatever_its_name() -> None:
    expected = [("ARR-19", Decimal(4)), ("TUY-25", Decimal(2)), ("PRG-06", Decimal(1))]
    assert _read(read_sheet(_fods(), "commande.fods", PART)) == expected
    assert _read(read_sheet(_fods(), "commande.xml", PART)) == expected
    attached = Attachment(filename="commande.xml", content_type="text/xml", data=_fods())
    assert document_type(attached) == SHEET


@pytest.mark.parametrize("kind", ["xlsx", "fods"])
def test_a_hidden_row_orders_nothing_and_the_order_says_so(kind: str) -> None:
    data = _xlsx(hide_row=3) if kind == "xlsx" else _fods(hide_row=2)
    order = read_sheet(data, f"commande.{kind}", PART)
    assert _read(order) == [("ARR-19", Decimal(4)), ("PRG-06", Decimal(1))]
    assert any("1 hidden row" in note for note in order.notes)


@pytest.mark.parametrize("kind", ["xlsx", "fods"])
def test_a_hidden_column_is_not_read(kind: str) -> None:
    data = _xlsx(hide_column="A") if kind == "xlsx" else _fods(hide_column=0)
    order = read_sheet(data, f"commande.{kind}", PART)
    assert _read(order) == [(None, Decimal(4)), (None, Decimal(2)), (None, Decimal(1))]
    assert any("1 hidden column" in note for note in order.notes)


def test_a_hidden_sheet_adds_no_lines() -> None:
    order = read_sheet(_xlsx(hidden_sheet=True), "commande.xlsx", PART)
    assert _read(order) == [("ARR-19", Decimal(4)), ("TUY-25", Decimal(2)), ("PRG-06", Decimal(1))]
    assert any("hidden sheet 'Tarif'" in note for note in order.notes)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            [["Article", None, "Quantité"], ["N°", "Libellé", None]],
            [("ARR-19", "Arroseur oscillant 19 buses", Decimal(4), None)],
        ),
        (
            [["Item", None, "Qty"], ["No.", "Description", None]],
            [("ARR-19", "Arroseur oscillant 19 buses", Decimal(4), None)],
        ),
        (
            [["Code", "Désignation", "Quantité", None], [None, None, "Cdée", "Unité"]],
            [("ARR-19", "Arroseur oscillant 19 buses", Decimal(4), "pce")],
        ),
    ],
    ids=["fr-article-over-number-and-name", "en-item-over-no", "fr-quantity-over-ordered-and-unit"],
)
def test_a_header_over_two_rows_reads_each_heading_with_the_group_above_it(head, expected) -> None:
    rows = [*head, ["ARR-19", "Arroseur oscillant 19 buses", 4, "pce"]]
    order = read_sheet(make_workbook({"BC": rows}), "bc.xlsx", PART)
    assert [
        (
            ln.code.value if ln.code else None,
            ln.description.value,
            ln.quantity.value,
            ln.unit.value if ln.unit else None,
        )
        for ln in order.lines
    ] == expected
