"""ODS orders as the programs that write them lay them out: LibreOffice's repeated rows and cells and
merged cells, Excel's and Google Sheets' exports (other prefixes, no manifest, no styles), cells whose
stored value and shown text differ, rows in header and group wrappers, the order on a later sheet."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal

import pytest

from parsers.documents.sheets import read_sheet

PART = "attachment:commande"
_URIS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xlink": "http://www.w3.org/1999/xlink",
    "calcext": "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
}
_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


def ods(
    body: str, *, manifest: bool = True, styles: bool = True, prefixes: dict[str, str] | None = None
) -> bytes:
    """An ODS archive around the spreadsheet body, written with the given namespace prefixes."""
    names = {key: key for key in _URIS} | (prefixes or {})
    for key, name in names.items():
        body = body.replace(f"<{key}:", f"<{name}:").replace(f"</{key}:", f"</{name}:")
        body = body.replace(f" {key}:", f" {name}:")
    declared = " ".join(f'xmlns:{names[key]}="{uri}"' for key, uri in _URIS.items())
    o = names["office"]
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><{o}:document-content {declared} {o}:version="1.3">'
        f"<{o}:body><{o}:spreadsheet>{body}</{o}:spreadsheet></{o}:body></{o}:document-content>"
    )
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        if styles:
            archive.writestr("styles.xml", f'<office:document-styles xmlns:office="{_URIS["office"]}"/>')
        if manifest:
            archive.writestr("META-INF/manifest.xml", _MANIFEST)
    return data.getvalue()


def _attribute(name: str) -> str:
    # Keyword names for attributes: table_number__rows__repeated is table:number-rows-repeated.
    return name.replace("_", ":", 1).replace("__", "-")


def text(value: str, **attributes: str) -> str:
    extra = "".join(f' {_attribute(k)}="{v}"' for k, v in attributes.items())
    return f'<table:table-cell office:value-type="string"{extra}><text:p>{value}</text:p></table:table-cell>'


def number(value: float, shown: str | None = None, kind: str = "float") -> str:
    return (
        f'<table:table-cell office:value-type="{kind}" office:value="{value}">'
        f"<text:p>{shown if shown is not None else value}</text:p></table:table-cell>"
    )


def row(*cells: str, **attributes: str) -> str:
    extra = "".join(f' {_attribute(k)}="{v}"' for k, v in attributes.items())
    return f"<table:table-row{extra}>{''.join(cells)}</table:table-row>"


def sheet(name: str, *rows: str) -> str:
    return f'<table:table table:name="{name}">{"".join(rows)}</table:table>'


HEADINGS = row(text("Référence"), text("Désignation"), text("Quantité"))
FIRST = row(text("PL-204"), text("Raccord laiton 15x21"), number(12))
SECOND = row(text("PL-310"), text("Coude cuivre D16"), number(30))
READ = [("PL-204", "Raccord laiton 15x21", Decimal(12)), ("PL-310", "Coude cuivre D16", Decimal(30))]
BLANK_REST = row(
    '<table:table-cell table:number-columns-repeated="1024"/>', table_number__rows__repeated="1048570"
)


def _lines(data: bytes) -> list[tuple[str | None, str | None, Decimal]]:
    order = read_sheet(data, "commande.ods", PART)
    return [
        (
            ln.code.value if ln.code else None,
            ln.description.value if ln.description else None,
            ln.quantity.value,
        )
        for ln in order.lines
    ]


@pytest.mark.parametrize(
    "data",
    [
        ods(sheet("Feuille1", HEADINGS, FIRST, SECOND)),
        ods(sheet("Sheet1", HEADINGS, FIRST, SECOND), manifest=False, styles=False),
        ods(sheet("Sheet1", HEADINGS, FIRST, SECOND), prefixes={"office": "o", "table": "t", "text": "x"}),
        ods(sheet("Feuille1", HEADINGS, FIRST, SECOND, BLANK_REST)),
        ods(sheet("F", f"<table:table-header-rows>{HEADINGS}</table:table-header-rows>", FIRST, SECOND)),
        ods(
            sheet(
                "F",
                HEADINGS,
                f"<table:table-row-group>{FIRST}<table:soft-page-break/>{SECOND}</table:table-row-group>",
            )
        ),
        ods(
            '<table:table table:name="F"><table:table-column table:number-columns-repeated="2"/>'
            f"<table:table-header-columns><table:table-column/></table:table-header-columns>{HEADINGS}{FIRST}{SECOND}"
            "</table:table>"
        ),
    ],
    ids=[
        "libreoffice",
        "no-manifest-no-styles",
        "other-prefixes",
        "huge-blank-repeat",
        "header-rows",
        "row-group",
        "columns",
    ],
)
def test_every_producer_shape_reads_the_same_lines(data: bytes) -> None:
    assert _lines(data) == READ


def test_the_order_on_a_later_sheet_after_instructions_or_an_empty_sheet() -> None:
    instructions = sheet("Mode d'emploi", row(text("Remplir la colonne jaune")), row(text("Merci")))
    empty = sheet("Vide", BLANK_REST)
    assert _lines(ods(instructions + sheet("Commande", HEADINGS, FIRST, SECOND))) == READ
    assert _lines(ods(empty + sheet("Commande", HEADINGS, FIRST, SECOND))) == READ


def test_a_number_cell_reads_its_stored_value_and_falls_back_to_its_text() -> None:
    rows = [
        row(text("Réf."), text("Article"), text("Qté"), text("PU HT"), text("Remise")),
        row(
            text("PL-204"),
            text("Raccord"),
            number(12, "12,00"),
            number(3.5, "3,50 €", "currency"),
            number(0.1, "10%", "percentage"),
        ),
        # Exported without office:value: the shown figure is the number.
        row(
            text("PL-310"),
            text("Coude"),
            '<table:table-cell office:value-type="float"><text:p>7</text:p></table:table-cell>',
        ),
        # A count typed as text.
        row(text("PL-415"), text("Manchon"), text(" 4 ")),
        row(text("204417"), text("Té égal"), number(2)),
    ]
    assert _lines(ods(sheet("Cde", *rows))) == [
        ("PL-204", "Raccord", Decimal(12)),
        ("PL-310", "Coude", Decimal(7)),
        ("PL-415", "Manchon", Decimal(4)),
        ("204417", "Té égal", Decimal(2)),
    ]
    assert read_sheet(ods(sheet("Cde", *rows)), "c.ods", PART).lines[0].unit_price.value == Decimal("3.5")


def test_the_text_of_a_cell_in_every_way_it_is_written() -> None:
    span = text('<text:span text:style-name="T1">PL</text:span>-204')
    link = text('Raccord <text:a xlink:href="https://example.org/pl204">laiton</text:a><text:s/>15x21')
    two = '<table:table-cell office:value-type="string"><text:p>Coude cuivre</text:p><text:p>D16</text:p></table:table-cell>'
    noted = (
        '<table:table-cell office:value-type="string"><office:annotation><dc:creator>Achats</dc:creator>'
        "<text:p>voir stock</text:p></office:annotation><text:p>Manchon<text:tab/>PER</text:p></table:table-cell>"
    )
    stored = '<table:table-cell office:value-type="string" office:string-value="Bouchon laiton"/>'
    rows = [
        HEADINGS,
        row(span, link, number(12)),
        row(text("PL-310"), two, number(30)),
        row(text("PL-415"), noted, number(4)),
        row(text("PL-520"), stored, number(6)),
    ]
    assert _lines(ods(sheet("F", *rows))) == [
        ("PL-204", "Raccord laiton 15x21", Decimal(12)),
        ("PL-310", "Coude cuivre\nD16", Decimal(30)),
        ("PL-415", "Manchon PER", Decimal(4)),
        ("PL-520", "Bouchon laiton", Decimal(6)),
    ]


def test_merged_title_dates_and_repeated_cells() -> None:
    title = row(
        '<table:table-cell table:number-columns-spanned="3" office:value-type="string"><text:p>Commande plomberie</text:p>'
        '</table:table-cell><table:covered-table-cell table:number-columns-repeated="2"/>'
    )
    dated = row(
        text("Date"),
        '<table:table-cell office:value-type="date" office:date-value="2026-11-19T00:00:00"><text:p>19/11/26</text:p></table:table-cell>',
    )
    odd_date = row(
        text("Livraison souhaitée"),
        '<table:table-cell office:value-type="date" office:date-value="le 24"><text:p>24/11/2026</text:p></table:table-cell>',
    )
    same = row(
        text("PL-600"),
        '<table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="5"><text:p>5</text:p></table:table-cell>',
    )
    twice = row(text("PL-700"), text("Vanne 1/4 tour"), number(1), table_number__rows__repeated="2")
    order = read_sheet(
        ods(sheet("F", title, dated, odd_date, row(), HEADINGS, FIRST, same, twice)), "c.ods", PART
    )
    assert order.order_date.value == dt.date(2026, 11, 19)
    assert order.requested_delivery_date.value == dt.date(2026, 11, 24)
    assert [(ln.code.value, ln.quantity.value) for ln in order.lines] == [
        ("PL-204", Decimal(12)),
        ("PL-600", Decimal(5)),
        ("PL-700", Decimal(1)),
        ("PL-700", Decimal(1)),
    ]
