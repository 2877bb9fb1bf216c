"""Line tables in text bodies and HTML tables."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models import Provenance, Table, TableCell
from parsers.documents.sheets import read_sheet
from parsers.mail.html import html_to_text
from parsers.text.reader import read_lines
from parsers.text.tables import read_header, read_table
from parsers.values.units import count_of_measures


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        ("Réf.\tArticle\tQté\tUnité", {"code": 0, "description": 1, "quantity": 2, "unit": 3}),
        ("Code          Article                Qté", {"code": 0, "description": 1, "quantity": 2}),
        ("Réf | Désignation | Qté", {"code": 0, "description": 1, "quantity": 2}),
        ("Item\tDescription\tQty\tUnit", {"code": 0, "description": 1, "quantity": 2, "unit": 3}),
        ("Art.-Nr.\tBezeichnung\tMenge", {"code": 0, "description": 1, "quantity": 2}),
        (
            "Article    Désignation    Quantité    Unité",
            {"code": 0, "description": 1, "quantity": 2, "unit": 3},
        ),
        ("N° catalogue | Désignation | Qté", {"code": 0, "description": 1, "quantity": 2}),
        ("No. catalogue\tDescription\tQty", {"code": 0, "description": 1, "quantity": 2}),
    ],
    ids=[
        "tab-fr",
        "spaces-fr",
        "pipes-fr",
        "tab-en",
        "tab-de",
        "article-then-designation",
        "number-sign-first-fr",
        "number-sign-first-en",
    ],
)
def test_read_header(header: str, roles: dict[str, int]) -> None:
    found = read_header(header)
    assert found is not None and found.roles == roles


@pytest.mark.parametrize(
    "line",
    ["Bonjour, voici la commande", "Livraison : jeudi", "Total HT\t\t377,50 €", "Réf : SEAU-12   Qté : 5"],
    ids=["prose", "label", "total", "labelled-values"],
)
def test_not_a_header(line: str) -> None:
    assert read_header(line) is None


def test_space_aligned_rows_and_sap_quantities() -> None:
    text = (
        "Article        Désignation                          Quantité    Unité\n"
        "VIS-330-200    Vis agglo inox 3x30 boîte 200           10,000    BTE\n"
        "RAC-PER-32     Raccord sertir PER 32                1 500,000    PCE\n"
    )
    lines = read_lines(text, part="body")
    assert [(ln.code.value, ln.quantity.value, ln.unit.value) for ln in lines] == [
        ("VIS-330-200", Decimal(10), "boite"),
        ("RAC-PER-32", Decimal(1500), "pce"),
    ]


@pytest.mark.parametrize(
    ("heading", "unit_heading"),
    [("Short text", "Un"), ("Description", "UoM")],
)
def test_an_erp_order_pasted_as_text_numbers_its_items_and_prints_counts_to_three_decimals(
    heading: str, unit_heading: str
) -> None:
    text = (
        f"Item   Material      {heading:<30}Quantity   {unit_heading}\n"
        "00010  GANT-NIT-M    NITRILE GLOVES BLUE SIZE M        12.000     EA\n"
        "00020  ESS-MAIN-500  PAPER HAND TOWEL 500 SHEETS        2.500     EA\n"
        "00030  SAV-5L        LIQUID SOAP 5 L                1,000.000     EA\n"
    )
    lines = read_lines(text, part="body")
    assert [(ln.code.value, ln.description.value, ln.quantity.value) for ln in lines] == [
        ("GANT-NIT-M", "NITRILE GLOVES BLUE SIZE M", Decimal(12)),
        ("ESS-MAIN-500", "PAPER HAND TOWEL 500 SHEETS", Decimal("2.5")),
        ("SAV-5L", "LIQUID SOAP 5 L", Decimal(1000)),
    ]


def test_thousands_stay_thousands_in_a_table_whose_rows_are_not_numbered_as_an_erp_numbers_them() -> None:
    text = (
        "Pos   Réf.        Désignation                 Qté\n"
        "1     VIS-4X40    Vis inox 4x40              1.000\n"
        "2     CHEV-6      Chevilles nylon 6 mm       2.000\n"
    )
    assert [ln.quantity.value for ln in read_lines(text, part="body")] == [Decimal(1000), Decimal(2000)]


@pytest.mark.parametrize(
    "text",
    [
        "Réf.     Désignation                                     Qté   PU HT net\n"
        "PER-16-R50   Tube PER nu Ø16 couronne 50 m   4   52,00 €\n"
        "RAC-PER-16   Raccord à sertir PER Ø16 droit   30   2,10 €\n",
        "Item     Description                                     Qty   Net price\n"
        "PER-16-R50   PEX pipe 16 mm coil 50 m   4   52.00\n"
        "RAC-PER-16   PEX crimp fitting 16 straight   30   2.10\n",
    ],
    ids=["fr", "en"],
)
def test_rows_with_a_cell_per_column_are_read_in_order_under_a_wider_header(text: str) -> None:
    lines = read_lines(text, part="body")
    assert [(ln.code.value, ln.quantity.value) for ln in lines] == [
        ("PER-16-R50", Decimal(4)),
        ("RAC-PER-16", Decimal(30)),
    ]


def test_tab_rows_with_empty_code_and_blank_quantity() -> None:
    text = "Réf.\tArticle\tQté\n\tFourchette bois\t1\nEM1\tBol\t0\nEM2\tPot\t\n"
    lines = read_lines(text, part="body")
    assert [(ln.code, ln.description.value, ln.quantity.value) for ln in lines] == [
        (None, "Fourchette bois", 1)
    ]


def test_html_table_rows() -> None:
    def row(*cells: str) -> list[TableCell]:
        return [TableCell(text=c) for c in cells]

    table = Table(
        rows=[
            row("Article", "Quantité", "Prix unitaire HT"),
            row("Bol bagasse 500 ml", "1 ctn", "33,50 €"),
            row("Lavettes", "4 pqts", "7,80 €"),
            row("Total HT", "", ""),
        ]
    )
    lines = read_table(table, part="html")
    assert [
        (ln.description.value, ln.quantity.value, ln.unit.value, ln.unit_price.value) for ln in lines
    ] == [
        ("Bol bagasse 500 ml", Decimal(1), "carton", Decimal("33.5")),
        ("Lavettes", Decimal(4), "paquet", Decimal("7.8")),
    ]


def test_a_rendered_html_table_is_read_as_a_text_table() -> None:
    html = "<style>td{x:y}</style><p>Bonjour</p><table><tr><th>Article</th><th>Qté</th></tr><tr><td>Vis</td><td>3</td></tr></table>"
    text = html_to_text(html).text
    assert text == "Bonjour\nArticle | Qté\nVis | 3"
    [line] = read_lines(text, part="html")
    assert (line.description.value, line.quantity.value, line.provenance.rule) == (
        "Vis",
        Decimal(3),
        "text-table",
    )


def test_html_table_values_point_at_their_cells() -> None:
    def cell(text: str, name: str) -> TableCell:
        return TableCell(text=text, provenance=Provenance(part="html", cell=name))

    table = Table(
        rows=[[cell("Désignation", "A1"), cell("Qté", "B1")], [cell("Vis", "A2"), cell("3 btes", "B2")]]
    )
    (line,) = read_table(table, part="html")
    assert line.description.provenance.cell == "A2"
    assert line.quantity.provenance.cell == "B2"
    assert line.unit.provenance.cell == "B2"


def test_pipe_rows_keep_empty_cells_and_skip_totals() -> None:
    text = (
        "| Réf. | Désignation | Qté | PU HT | Montant HT |\n"
        "| PER-25-R50 | Tube PER Ø25 | 3 | 50,00 € | 150,00 € |\n"
        "| | Raccord PER Ø25 | 40 | 5,60 € | 224,00 € |\n"
        "| | Total HT | | | 374,00 € |\n"
    )
    lines = read_lines(text, part="body")
    assert [(ln.code.value if ln.code else None, ln.quantity.value, ln.unit_price.value) for ln in lines] == [
        ("PER-25-R50", Decimal(3), Decimal(50)),
        (None, Decimal(40), Decimal("5.6")),
    ]


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        ("| Cost center | Qty | Description | Supplier code |", {"quantity": 1, "description": 2, "code": 3}),
        ("Item\tQty", {"description": 0, "quantity": 1}),
        ("# | Réf. | Qté | Cond.", {"line": 0, "code": 1, "quantity": 2, "pack": 3}),
        ("Code | Produit | Nbre", {"code": 0, "description": 1, "quantity": 2}),
        ("Réf. | Article | Pcs", {"code": 0, "description": 1, "quantity": 2}),
        ("Item | Size | Pairs", {"description": 0, "size": 1, "quantity": 2}),
        ("Réf. | Désignation | Qté (cartons)", {"code": 0, "description": 1, "quantity": 2}),
        ("Ref | Product name | Quantity required", {"code": 0, "description": 1, "quantity": 2}),
        ("Code | Libellé article | Qté demandée", {"code": 0, "description": 1, "quantity": 2}),
    ],
    ids=[
        "supplier-code",
        "item-in-a-body",
        "hash-and-pack",
        "nbre",
        "pieces",
        "pairs",
        "unit-in-brackets",
        "qualified-en",
        "qualified-fr",
    ],
)
def test_a_body_table_reads_the_column_names_of_layout_toml(header: str, roles: dict[str, int]) -> None:
    found = read_header(header)
    assert found is not None and found.roles == roles


def test_size_and_colour_columns_of_a_body_table_join_the_designation() -> None:
    text = "Réf          Taille   Qté\nBOT-S5-200   42       10\nVeste        L        3\n"
    lines = read_lines(text, part="body")
    assert [
        (ln.code.value if ln.code else None, ln.description.value, ln.quantity.value) for ln in lines
    ] == [
        ("BOT-S5-200", "42", Decimal(10)),
        ("Veste", "L", Decimal(3)),
    ]


def test_a_vehicle_column_of_a_body_table_joins_the_designation() -> None:
    text = "Désignation\tVéhicule\tQté\nBalai essuie-glace AV\tVitara 3\t2\nBatterie 70Ah\t\t1\n"
    lines = read_lines(text, part="body")
    assert [(ln.description.value, ln.quantity.value) for ln in lines] == [
        ("Balai essuie-glace AV Vitara 3", Decimal(2)),
        ("Batterie 70Ah", Decimal(1)),
    ]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "Désignation | Conditionnement | Qté\n"
            "Lavette microfibre jaune | paquet de 10 | 2\n"
            "Sac gravats | lot de 10 | 3\n",
            [
                ("Lavette microfibre jaune paquet de 10", Decimal(2), "paquet", Decimal(10)),
                ("Sac gravats lot de 10", Decimal(3), "lot", Decimal(10)),
            ],
        ),
        (
            "Product | Pack | Qty\n"
            "Surface spray 750 ml | case of 6 | 4\n"
            "Glass cleaner 750 ml | single bottles | 12\n"
            "Virucide EN 14476 | 5 L can | 3\n",
            [
                ("Surface spray 750 ml case of 6", Decimal(4), "carton", Decimal(6)),
                ("Glass cleaner 750 ml", Decimal(12), "flacon", None),
                ("Virucide EN 14476 5 L can", Decimal(3), "bidon", None),
            ],
        ),
    ],
    ids=["fr-pack-of", "en-case-single-can"],
)
def test_a_pack_column_gives_the_unit_and_what_a_pack_holds(
    text: str, read: list[tuple[str, Decimal, str, Decimal | None]]
) -> None:
    lines = read_lines(text, part="body")
    assert [
        (ln.description.value, ln.quantity.value, ln.unit.value, ln.pack_size.value if ln.pack_size else None)
        for ln in lines
    ] == read


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (
            "Product | Pack | Qty\nDetergent mint (concentrate) | case 4 x 5 L | 2\nSame, 20 L drum |  | 1\n",
            "Detergent mint (concentrate) 20 L drum",
        ),
        (
            "Désignation\tCond.\tQté\nLavette bleue\tpaquet de 10\t3\nIdem en rouge\t\t4\n",
            "Lavette rouge",
        ),
    ],
    ids=["en-same-other-pack", "fr-idem-other-colour"],
)
def test_a_same_row_names_the_row_above_in_what_it_writes(text: str, second: str) -> None:
    lines = read_lines(text, part="body")
    assert len(lines) == 2 and lines[1].description.value == second
    assert lines[1].confidence < lines[0].confidence  # read from the row above


def test_a_ship_to_line_under_a_table_is_no_line() -> None:
    text = (
        "Product | Qty\nGlass cleaner spray 750 ml | 12\n"
        "Deliver to: The Merrion Gate Hotel, Goods Inwards, 21 Merrion Row, Dublin 2, D02 KX50\n"
    )
    assert [ln.description.value for ln in read_lines(text, part="body")] == ["Glass cleaner spray 750 ml"]


@pytest.mark.parametrize(
    "text",
    [
        "Code\tItem\tPack\tQty\tNotes\n"
        "WP-220\tWall plug 8 mm\tbox 100\t3\t\n"
        "\tMasking tape 48 mm\troll\t\tstill in stock\n"
        "\tCable ties 200 mm\tbag 100\t5\tworkshop B\n",
        "Code | Item | Pack | Qty\n"
        "WP-220 | Wall plug 8 mm | box 100 | 3\n"
        "MT-48 | Masking tape 48 mm | roll |\n"
        " | Cable ties 200 mm | bag 100 | 5\n"
        "The tape is only a reminder.\n",
    ],
    ids=["tabs-with-a-remark", "pipes-then-a-sentence"],
)
def test_a_row_with_no_count_is_no_line_and_the_table_goes_on_under_it(text: str) -> None:
    lines = read_lines(text, part="body")
    assert [(ln.description.value, ln.quantity.value, ln.provenance.rule) for ln in lines] == [
        ("Wall plug 8 mm box 100", Decimal(3), "text-table"),
        ("Cable ties 200 mm bag 100", Decimal(5), "text-table"),
    ]


def test_a_total_row_with_no_count_still_ends_the_table() -> None:
    text = "Réf | Désignation | Qté\nAB-1 | Cheville 6 | 4\n | Total HT | \n | Frais de port 1 | 1\n"
    lines = read_lines(text, part="body")
    assert [ln.provenance.rule for ln in lines][:1] == ["text-table"]
    assert all(ln.provenance.rule != "text-table" for ln in lines[1:])


def test_a_row_under_a_table_header_is_never_read_as_a_size_grid_header() -> None:
    text = (
        "Désignation | Taille | Quantité\nGants vinyle poudrés | XL | 5\nGants vinyle non poudrés | L | 3\n"
    )
    lines = read_lines(text, part="html")
    assert [(ln.description.value, ln.quantity.value, ln.provenance.rule) for ln in lines] == [
        ("Gants vinyle poudrés XL", Decimal(5), "text-table"),
        ("Gants vinyle non poudrés L", Decimal(3), "text-table"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Réf. | Article | Taille | Qté\nGN-100 | Gants nitrile bleus | M | 10\n | | L | 6\n | | XL | 2\n"
        "CH-20 | Charlotte clip | | 4\n",
        "Réf.\tArticle\tTaille\tQté\nGN-100\tGants nitrile bleus\tM\t10\n\t\tL\t6\n\t\tXL\t2\nCH-20\tCharlotte clip\t\t4\n",
    ],
    ids=["pipes", "tabs"],
)
def test_a_row_writing_only_a_size_orders_the_article_of_the_row_above_in_that_size(text: str) -> None:
    lines = read_lines(text, part="body")
    assert [(ln.code.value, ln.description.value, ln.quantity.value) for ln in lines] == [
        ("GN-100", "Gants nitrile bleus M", Decimal(10)),
        ("GN-100", "Gants nitrile bleus L", Decimal(6)),
        ("GN-100", "Gants nitrile bleus XL", Decimal(2)),
        ("CH-20", "Charlotte clip", Decimal(4)),
    ]
    assert [ln.confidence for ln in lines] == [0.95, 0.8, 0.8, 0.95]


def test_an_html_table_row_writing_only_a_colour_orders_the_article_above_in_that_colour() -> None:
    def row(*cells: str) -> list[TableCell]:
        return [TableCell(text=c) for c in cells]

    table = Table(
        rows=[row("Article", "Couleur", "Qté"), row("Seau 12 L", "bleu", "3"), row("", "rouge", "2")]
    )
    assert [(ln.description.value, ln.quantity.value) for ln in read_table(table, part="html")] == [
        ("Seau 12 L bleu", Decimal(3)),
        ("Seau 12 L rouge", Decimal(2)),
    ]


@pytest.mark.parametrize("cell", ["x 4", "x4", "4x", "4 x"], ids=["x-space", "x-glued", "glued-x", "space-x"])
def test_a_quantity_cell_may_write_its_count_with_an_x(cell: str) -> None:
    [line] = read_lines(f"Article | Qté\nRaclette sol 45 cm | {cell}\n", part="html")
    assert (line.description.value, line.quantity.value, line.provenance.rule) == (
        "Raclette sol 45 cm",
        Decimal(4),
        "text-table",
    )


def test_a_number_sign_heading_is_the_code_column_of_an_html_table() -> None:
    html = (
        "<table><tr><td><b>Qty</b></td><td><b>Part #</b></td><td><b>Description</b></td></tr>"
        "<tr><td>4</td><td>VLV-3320</td><td>Ball valve 3/4 in brass</td></tr>"
        "<tr><td>12</td><td>FIT-0915</td><td>Elbow 90 deg 22 mm</td></tr></table>"
    )
    (table,) = html_to_text(html).tables
    lines = read_table(table, part="html")
    assert [(line.code.value, line.quantity.value) for line in lines] == [
        ("VLV-3320", Decimal(4)),
        ("FIT-0915", Decimal(12)),
    ]


@pytest.mark.parametrize("code_heading", ["Our code", "P/N", "PN"])
def test_a_header_over_two_rows_names_the_code_column_on_its_second(code_heading: str) -> None:
    html = (
        "<table><tr><th rowspan='2'>#</th><th colspan='2'>Item</th><th colspan='2'>Order</th></tr>"
        f"<tr><th>{code_heading}</th><th>Description</th><th>Qty</th><th>UoM</th></tr>"
        "<tr><td>1</td><td>GRD-4410</td><td>Hedge trimmer blade 60 cm</td><td>3</td><td>EA</td></tr>"
        "<tr><td>2</td><td>GRD-0712</td><td>Mobile garden trolley</td><td>1</td><td>EA</td></tr></table>"
    )
    (table,) = html_to_text(html).tables
    lines = read_table(table, part="html")
    assert [(line.code.value, line.quantity.value) for line in lines] == [
        ("GRD-4410", Decimal(3)),
        ("GRD-0712", Decimal(1)),
    ]


def test_a_group_heading_over_a_size_and_a_colour_column_keeps_them_with_the_designation() -> None:
    html = (
        "<table><tr><th rowspan='2'>Article</th><th colspan='2'>Variante</th><th rowspan='2'>Qté</th></tr>"
        "<tr><th>Taille</th><th>Couleur</th></tr>"
        "<tr><td>Gant nitrile non poudré</td><td>L</td><td>bleu</td><td>6</td></tr>"
        "<tr><td>Charlotte clip</td><td></td><td>blanc</td><td>2</td></tr>"
        "<tr><td>Sur-chaussure PE</td><td>M</td><td></td><td></td></tr></table>"
    )
    (table,) = html_to_text(html).tables
    found = [(line.description.value, line.quantity.value) for line in read_table(table, part="html")]
    assert found == [("Gant nitrile non poudré L bleu", Decimal(6)), ("Charlotte clip blanc", Decimal(2))]


@pytest.mark.parametrize(
    ("designation", "read"),
    [
        ("Portable generator 3 kW", True),
        ("Port USB-C 4 ports", True),
        ("Mobile scaffold tower", True),
        ("Bicarbonate de soude 1 kg", True),
        ("Frais de port", False),
        ("Port", False),
        ("Tél. 04 78 00 11 22", False),
        ("Total HT", False),
    ],
)
def test_a_word_of_a_contact_or_a_total_rules_a_row_out_only_as_its_label(
    designation: str, read: bool
) -> None:
    table = Table(
        rows=[
            [TableCell(text=c) for c in ("Désignation", "Qté")],
            [TableCell(text=designation), TableCell(text="2")],
        ]
    )
    assert bool(read_table(table, part="html")) is read


def test_a_count_spelled_again_in_words_reads_as_the_count_in_a_body_table_and_a_sheet() -> None:
    html = (
        "<table><tr><th>Réf.</th><th>Désignation</th><th>Qté</th></tr>"
        "<tr><td>SB-25</td><td>Sable de Loire 0/4 big bag</td><td>3 (trois)</td></tr>"
        "<tr><td>GR-620</td><td>Gravier roulé 6/20 big bag</td><td>2 (deux)</td></tr></table>"
    )
    body = read_lines(html_to_text(html).text, part="html")
    sheet = read_sheet(
        "Réf.;Désignation;Qté\nSB-25;Sable de Loire 0/4 big bag;3 (trois)\n".encode(), "bc.csv", "p1"
    )
    assert [(ln.code.value, ln.quantity.value, ln.unit) for ln in body] == [
        ("SB-25", Decimal(3), None),
        ("GR-620", Decimal(2), None),
    ]
    assert [(ln.code.value, ln.quantity.value, ln.unit) for ln in sheet.lines] == [
        ("SB-25", Decimal(3), None)
    ]


def test_a_tab_table_padded_with_runs_of_tabs_reads_each_row_by_its_cells() -> None:
    text = (
        "Pos.\tArticle\t\tDésignation\t\t\tQuantité\tUQ\tPrix net\n"
        "10\tRM-A4-80\tRAMETTE A4 80G\t\t\t25,000\t\tPAQ\t3,90\n"
        "20\tAGR-24\tAGRAFEUSE 24/6 NOIRE\t\t3,000\t\tPCE\t12,50\n"
    )
    found = [
        (ln.code.value, ln.description.value, ln.quantity.value, ln.unit_price.value)
        for ln in read_lines(text, part="body")
        if ln.code and ln.description and ln.quantity and ln.unit_price
    ]
    assert found == [
        ("RM-A4-80", "RAMETTE A4 80G", Decimal(25), Decimal("3.90")),
        ("AGR-24", "AGRAFEUSE 24/6 NOIRE", Decimal(3), Decimal("12.50")),
    ]


def test_the_supplier_a_printed_order_names_is_no_line() -> None:
    text = "Fournisseur : 700125 PAPETERIE DU CENTRE\n- 4 boîtes de trombones\n"
    assert [ln.quantity.value for ln in read_lines(text, part="body") if ln.quantity] == [Decimal(4)]


def test_a_heading_merged_across_over_a_group_of_rows_keeps_the_table_going() -> None:
    html = (
        "<p>Bonjour,</p><table>"
        "<tr><td><b>Zone</b></td><td><b>Réf</b></td><td><b>Désignation</b></td><td><b>Qté</b></td></tr>"
        "<tr><td colspan=4>Sanitaires RDC</td></tr>"
        "<tr><td></td><td>SAV-5</td><td>Savon mousse 5 L</td><td>2</td></tr>"
        "<tr><td colspan=4>Cuisine</td></tr>"
        "<tr><td></td><td>DEG-1</td><td>Dégraissant 1 L</td><td>6</td></tr>"
        "</table>"
    )
    found = [(ln.code.value, ln.quantity.value) for ln in read_lines(html_to_text(html).text, part="html")]
    assert found == [("SAV-5", Decimal(2)), ("DEG-1", Decimal(6))]


def test_a_heading_row_under_another_is_named_with_the_heading_above() -> None:
    html = (
        "<p>Hello, please deliver:</p><table>"
        "<tr><th colspan=2>Article</th><th colspan=2>Quantity</th><th rowspan=2>Site</th></tr>"
        "<tr><th>No.</th><th>Text</th><th>Qty</th><th>UoM</th></tr>"
        "<tr><td>4410022</td><td>Paper towel rolls 2-ply</td><td>12</td><td>EA</td><td rowspan=2>Dock B</td></tr>"
        "<tr><td>4410090</td><td>Hand soap 5 L</td><td>3</td><td>EA</td></tr>"
        "</table>"
    )
    found = [
        (ln.code.value if ln.code else None, ln.description.value, ln.quantity.value)
        for ln in read_lines(html_to_text(html).text, part="html")
    ]
    assert found == [
        ("4410022", "Paper towel rolls 2-ply", Decimal(12)),
        ("4410090", "Hand soap 5 L", Decimal(3)),
    ]


@pytest.mark.parametrize("heading", ["No. off", "Quant.", "Nbr"])
def test_a_count_heading_written_short_or_as_pieces_off_names_the_quantity(heading: str) -> None:
    found = read_header(f"Ref\tItem\t{heading}")
    assert found is not None and found.roles == {"code": 0, "description": 1, "quantity": 2}


def test_a_row_whose_count_cannot_be_read_leaves_the_table_going_under_it() -> None:
    text = (
        "Code | Article | Qté\n"
        "FR-210 | Frites surgelées 9 mm | 6\n"
        "SC-118 | Sauce béarnaise | selon stock\n"
        "PN-040 | Pain burger brioché | 4\n"
        "Total | | 10\n"
    )
    found = [(ln.code.value, ln.quantity.value) for ln in read_lines(text, part="body") if ln.code]
    assert found == [("FR-210", Decimal(6)), ("PN-040", Decimal(4))]


@pytest.mark.parametrize(("written", "count", "measure"), [("3 x 10 L", 3, "10 L"), ("2×25 kg", 2, "25 kg")])
def test_a_count_of_cans_or_bags_with_what_each_holds_names_the_size_in_a_body_table_and_a_sheet(
    written: str, count: int, measure: str
) -> None:
    body = read_lines(f"Code | Article | Qté\nHF-01 | Huile de friture | {written}\n", part="body")
    sheet = read_sheet(f"Code;Article;Qté\nHF-01;Huile de friture;{written}\n".encode(), "bc.csv", "p1")
    for line in (*body, *sheet.lines):
        assert (line.quantity.value, line.description.value) == (
            Decimal(count),
            f"Huile de friture {measure}",
        )
        assert line.quantity.confidence < 0.75 and line.unit is None


@pytest.mark.parametrize("written", ["2 x 10 pcs", "4 x 5 m", "2 x 5"])
def test_a_count_times_packs_or_lengths_is_not_read_as_cans(written: str) -> None:
    assert count_of_measures(written) is None


@pytest.mark.parametrize(
    ("code_heading", "description_heading"),
    [
        ("Manufacturer part number", "Material description"),
        ("MPN", "Desc."),
        ("Mfr. P/N", "Descr."),
        ("Material number", "Materialbezeichnung"),
        ("Your item no.", "Description"),
    ],
)
def test_a_makers_part_number_and_an_erps_material_headings_name_their_columns(
    code_heading: str, description_heading: str
) -> None:
    found = read_header(f"{code_heading}\t{description_heading}\tQty")
    assert found is not None and found.roles == {"code": 0, "description": 1, "quantity": 2}
    sheet = read_sheet(
        f"{code_heading};{description_heading};Qty\nHYD-2210;Hydraulic hose 1/2 in 2 m;3\n".encode(),
        "po.csv",
        "p1",
    )
    assert [(ln.code.value, ln.description.value) for ln in sheet.lines] == [
        ("HYD-2210", "Hydraulic hose 1/2 in 2 m")
    ]


def test_a_model_finish_or_format_column_is_read_into_the_designation_of_a_body_table_and_a_sheet() -> None:
    body = read_lines("Article | Format | Qté\nRamette 80 g | A3 | 5\nRamette 80 g | A4 | 10\n", part="body")
    sheet = read_sheet(
        "Réf;Désignation;Finition;Qté\nBUR-140;Bureau droit 140 cm;chêne clair;2\nCAI-3;Caisson 3 tiroirs;;1\n".encode(),
        "bc.csv",
        "p1",
    )
    assert [(ln.description.value, ln.quantity.value) for ln in body] == [
        ("Ramette 80 g A3", Decimal(5)),
        ("Ramette 80 g A4", Decimal(10)),
    ]
    assert [ln.description.value for ln in sheet.lines] == [
        "Bureau droit 140 cm chêne clair",
        "Caisson 3 tiroirs",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Item  Vendor mat.  Description                    Qty      UoM\n"
            "10    LAB-TIP-200  PIPETTE TIPS 200UL RACK 96      4.000   BX\n"
            "20    LAB-GLV-M    NITRILE GLOVES M                12.000   BX\n",
            [4, 12],
        ),
        (
            "Poste  Désignation                         Quantité  Unité\n"
            "10     Ramette papier A4 80 g                 5,000  RAM\n"
            "20     Classeur levier dos 80 mm             20,000  PCE\n",
            [5, 20],
        ),
    ],
    ids=["en", "fr"],
)
def test_an_erp_numbering_its_items_by_tens_prints_counts_to_three_decimals(
    text: str, expected: list[int]
) -> None:
    assert [ln.quantity.value for ln in read_lines(text, part="body")] == [Decimal(n) for n in expected]


def test_the_vendor_material_column_is_the_code_and_the_item_numbers_the_lines() -> None:
    text = (
        "Item  Vendor mat.  Description                    Qty      UoM\n"
        "10    LAB-TIP-200  PIPETTE TIPS 200UL RACK 96      4.000   BX\n"
        "20    LAB-GLV-M    NITRILE GLOVES M                12.000   BX\n"
    )
    lines = read_lines(text, part="body")
    assert [(ln.code.value, ln.description.value) for ln in lines] == [
        ("LAB-TIP-200", "PIPETTE TIPS 200UL RACK 96"),
        ("LAB-GLV-M", "NITRILE GLOVES M"),
    ]
