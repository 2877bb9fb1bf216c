"""Sheets beyond one table with a quantity column: a size grid (parsers/documents/sheet_sizes.py),
size and colour columns (parsers/documents/rows.py), an order over several sheets and its number
beside the headings (parsers/documents/sheets.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parsers.documents.sheets import read_sheet
from tests.factories.documents import make_workbook

PART = "attachment:order"


def _read(order) -> list[tuple[str, Decimal]]:
    return [((ln.code or ln.description).value, ln.quantity.value) for ln in order.lines]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [
                ["Commande vêtements"],
                [],
                ["Article", "S", "M", "L", "XL", "Total"],
                ["Tee-shirt blanc", 3, 5, None, 2, 10],
                ["Polaire grise", 0, "2", 2, "-", 4],
                ["Total", 3, 7, 2, 2, 14],
            ],
            [
                ("Tee-shirt blanc S", 3),
                ("Tee-shirt blanc M", 5),
                ("Tee-shirt blanc XL", 2),
                ("Polaire grise M", 2),
                ("Polaire grise L", 2),
            ],
        ),
        (
            [["Item", 40, 41, 42, 43], ["Rubber boots", 1, None, 2, 1]],
            [("Rubber boots 40", 1), ("Rubber boots 42", 2), ("Rubber boots 43", 1)],
        ),
    ],
    ids=["letters-fr-total-column-and-row", "shoe-sizes-en"],
)
def test_a_size_grid_gives_a_line_per_filled_cell(rows, expected) -> None:
    order = read_sheet(make_workbook({"Feuil1": rows}), "tailles.xlsx", PART)
    assert _read(order) == [(d, Decimal(q)) for d, q in expected]
    assert order.lines[0].quantity.provenance.cell is not None


def test_a_grid_of_counts_under_a_header_over_two_rows_gives_a_line_per_filled_cell() -> None:
    rows = [
        ["Commande mobilier CM-26-044"],
        ["Bureau", "Étagère acier H 1800", None, "Accessoires", None],
        [None, "L 800", "L 1000", "Porte-étiquette", "Séparateur 40 cm"],
        ["Étage 2 - bureau 14", 1, None, 6, 2],
        ["Étage 3 - bureau 7", None, 2, None, "-"],
    ]
    order = read_sheet(make_workbook({"Feuil1": rows}), "mobilier.xlsx", PART)
    assert _read(order) == [
        ("Étagère acier H 1800 L 800", Decimal(1)),
        ("Porte-étiquette", Decimal(6)),
        ("Séparateur 40 cm", Decimal(2)),
        ("Étagère acier H 1800 L 1000", Decimal(2)),
    ]


def test_a_grid_row_with_a_cell_that_is_no_count_gives_no_line() -> None:
    rows = [["Article", "S", "M", "L"], ["Polo", 2, "2 ou 3", 1], ["Gilet", 1, None, 1]]
    order = read_sheet(make_workbook({"Feuil1": rows}), "tailles.xlsx", PART)
    assert _read(order) == [("Gilet S", Decimal(1)), ("Gilet L", Decimal(1))]


@pytest.mark.parametrize(
    "heading",
    [["Prix", "M", "L"], ["Article", 10, 200, 5000], ["Code", "Désignation", "Quantité"]],
    ids=["units-only", "numbers-not-sizes", "a-line-table"],
)
def test_headings_that_are_no_sizes_open_no_grid(heading) -> None:
    order = read_sheet(make_workbook({"Feuil1": [heading, ["Polo", 2, 3, 4]]}), "x.xlsx", PART)
    assert all(ln.provenance.rule != "sheet-size-grid" for ln in order.lines)


@pytest.mark.parametrize(
    ("header", "row", "wording"),
    [
        (
            ["Article", "Taille", "Couleur", "Quantité"],
            ["Pantalon multipoches", 42, "noir", 2],
            "Pantalon multipoches 42 noir",
        ),
        (["Description", "Size", "Colour", "Qty"], ["Work jacket", "XL", "navy", 3], "Work jacket XL navy"),
        (["Désignation", "Coloris", "Qté"], ["Mastic silicone gris", "gris", 6], "Mastic silicone gris"),
        (
            ["Description", "Vehicle", "Qty"],
            ["Front brake pads TRW", "Toyota Yaris III 1.33", 2],
            "Front brake pads TRW Toyota Yaris III 1.33",
        ),
        (
            ["Désignation", "Machine", "Qté"],
            ["Disque diamant", "Meuleuse Ø230", 2],
            "Disque diamant Meuleuse Ø230",
        ),
        (
            ["Désignation", "Véhicule", "Qté"],
            ["Filtre à air Clio 4", "Clio 4", 1],
            "Filtre à air Clio 4",
        ),
        (["Désignation", "Année", "Qté"], ["Agenda semainier A5", 2027, 10], "Agenda semainier A5 2027"),
    ],
    ids=[
        "fr",
        "en",
        "colour-already-written",
        "vehicle-en",
        "machine-fr",
        "vehicle-already-written",
        "year-fr",
    ],
)
def test_size_colour_and_what_it_fits_are_read_into_the_designation(header, row, wording) -> None:
    order = read_sheet(make_workbook({"Feuil1": [header, row]}), "commande.xlsx", PART)
    assert [ln.description.value for ln in order.lines] == [wording]


@pytest.mark.parametrize(
    ("heading", "other"),
    [("Item", "Marque"), ("Intitulé", "Fournisseur")],
    ids=["item-en", "intitule-fr"],
)
def test_beside_a_code_column_the_heading_over_words_is_the_designation(heading, other) -> None:
    rows = [
        ["EAN", heading, other, "Qty"],
        ["3760500221691", "Autocut towel 1 ply case of 6", "Tork", 3],
        [None, "Autocut towel dispenser white", "Tork", 2],
        ["3760500217144", "Cream soap cotton flower 5L", None, 4],
    ]
    order = read_sheet(make_workbook({"Sheet1": rows}), "order.xlsx", PART)
    assert [(ln.code.value if ln.code else None, ln.description.value) for ln in order.lines] == [
        ("3760500221691", "Autocut towel 1 ply case of 6"),
        (None, "Autocut towel dispenser white"),
        ("3760500217144", "Cream soap cotton flower 5L"),
    ]


def test_beside_a_pack_size_the_packs_numbered_are_the_quantity_and_their_total_no_amount() -> None:
    rows = [
        ["Item", "Pack size", "No. of packs", "Total units"],
        ["BIC Cristal blue", 10, 5, 50],
        ["Duracell AA", 4, 3, 12],
    ]
    order = read_sheet(make_workbook({"Order": rows}), "order.xlsx", PART)
    assert [(ln.description.value, ln.quantity.value, ln.pack_size.value) for ln in order.lines] == [
        ("BIC Cristal blue", Decimal(5), Decimal(10)),
        ("Duracell AA", Decimal(3), Decimal(4)),
    ]
    assert all(ln.amount is None for ln in order.lines)


def test_an_order_over_two_sheets_reads_both_and_its_number_beside_the_headings() -> None:
    book = make_workbook(
        {
            "EPI": [
                ["Code", "Article", "Qté", None, "N° commande", "ACH-26-144"],
                ["GT-10", "Gant docker", 20],
            ],
            "Signalisation": [["Code", "Article", "Qté"], ["CON-75", "Cône 75 cm", 10]],
        }
    )
    order = read_sheet(book, "commande.xlsx", PART)
    assert _read(order) == [("GT-10", Decimal(20)), ("CON-75", Decimal(10))]
    assert [ln.line_no for ln in order.lines] == [1, 2]
    assert order.po_number.value == "ACH-26-144"
    assert {row.provenance.sheet for row in order.rows} == {"EPI", "Signalisation"}


def test_a_later_sheet_naming_articles_already_read_adds_none() -> None:
    table = [["Code", "Description", "Qty"], ["VIS-440", "Screws 4x40", 4], ["CHV-860", "Plugs", 2]]
    order = read_sheet(make_workbook({"Order": table, "Copy": table}), "order.xlsx", PART)
    assert _read(order) == [("VIS-440", Decimal(4)), ("CHV-860", Decimal(2))]


def test_a_later_sheet_of_dated_rows_is_past_orders_and_adds_none() -> None:
    order_rows = [["Réf", "Désignation", "Qté"], ["GDB-51", "Plaquettes", 6]]
    history = [["Date", "Réf", "Qté"], ["2026-10-02", "EG-18", 2], ["2026-10-19", "ADB-20", 10]]
    order = read_sheet(make_workbook({"Commande": order_rows, "Historique": history}), "cde.xlsx", PART)
    assert _read(order) == [("GDB-51", Decimal(6))]


def _read_units(order) -> list[tuple[str, Decimal, str]]:
    return [((ln.code or ln.description).value, ln.quantity.value, ln.unit.value) for ln in order.lines]


@pytest.mark.parametrize(
    ("header", "rows", "expected"),
    [
        (
            ["Code", "Produit", "Colis", "Pièces"],
            [
                ["EAU-50", "Eau plate 50 cl", 6, None],
                ["SIR-1L", "Sirop 1 L", None, 3],
                ["JUS-25", "Jus", 2, 4],
            ],
            [
                ("EAU-50", 6, "Colis"),
                ("SIR-1L", 3, "Pièces"),
                ("JUS-25", 2, "Colis"),
                ("JUS-25", 4, "Pièces"),
            ],
        ),
        (
            ["SKU", "Description", "Boxes", "Units"],
            [["SCR-440", "Screws 4x40", "4", ""], ["SIL-310", "Silicone 310 ml", "", "12"]],
            [("SCR-440", 4, "Boxes"), ("SIL-310", 12, "Units")],
        ),
        (
            ["Désignation", "Kg"],
            [["Filet de poulet", 18]],
            [("Filet de poulet", 18, "Kg")],
        ),
    ],
    ids=["colis-pieces-fr", "boxes-units-en", "kg-fr"],
)
def test_columns_headed_by_a_unit_give_a_line_per_filled_cell_in_that_unit(header, rows, expected) -> None:
    order = read_sheet(make_workbook({"Commande": [header, *rows]}), "order.xlsx", PART)
    assert _read_units(order) == expected


def test_a_unit_heading_over_words_is_no_quantity_column() -> None:
    # 'Cartons' heading a column of packing notes: the row orders nothing it can say.
    rows = [["Code", "Désignation", "Cartons"], ["EAU-50", "Eau plate 50 cl", "à part"]]
    assert read_sheet(make_workbook({"Commande": rows}), "order.xlsx", PART).lines == []


@pytest.mark.parametrize(
    ("head", "po"),
    [
        ([["Demande d'achat n°", "DA-26-0441"], ["Service", "Blanchisserie"]], "DA-26-0441"),
        ([["Purchase requisition", "PR-11872"], ["PO number", "4500031877"]], "4500031877"),
        ([["N° de commande", "CMD-8812"], ["N° demande d'achat", "DA-26-0441"]], "CMD-8812"),
    ],
    ids=["request-alone", "order-number-below-it", "order-number-above-it"],
)
def test_a_purchase_request_number_above_the_table_is_the_po_only_without_one(head, po: str) -> None:
    rows = [*head, [], ["Code", "Désignation", "Qté"], ["DRP-90", "Drap housse 90x190", 12]]
    order = read_sheet(make_workbook({"Feuil1": rows}), "demande.xlsx", PART)
    assert order.po_number is not None and order.po_number.value == po
    assert _read(order) == [("DRP-90", 12)]


@pytest.mark.parametrize(
    "heads",
    [
        [["Article", None, "Quantité"], ["Code", "Désignation", None]],
        [["Item", None, "Qty"], ["Part no.", "Description", None]],
    ],
    ids=["fr", "en"],
)
def test_a_header_over_two_rows_names_the_articles_code_and_designation_on_its_second(
    heads: list[list[object]],
) -> None:
    rows = [*heads, ["GR-0412", "Gazon rustique sac 10 kg", "6"], ["TE-2210", "Terreau 70 L", "12"]]
    order = read_sheet(make_workbook({"BC": rows}), "bc.xlsx", PART)
    assert [
        (ln.code.value if ln.code else None, ln.description.value, ln.quantity.value) for ln in order.lines
    ] == [
        ("GR-0412", "Gazon rustique sac 10 kg", Decimal(6)),
        ("TE-2210", "Terreau 70 L", Decimal(12)),
    ]


@pytest.mark.parametrize("heading", ["Besoin", "Count", "Souhait", "Cantidad"])
def test_the_one_unnamed_heading_over_counts_is_the_quantity_and_the_order_is_held(heading: str) -> None:
    rows = [
        ["Pépinière des Coteaux"],
        [],
        ["Réf.", "Désignation", heading],
        ["PEP-101", "Godet lavande 9 cm", 24],
        ["PEP-205", "Rosier buisson en conteneur", "6"],
        ["PEP-310", "Terreau plantation 70 L", None],
    ]
    order = read_sheet(make_workbook({"Commande": rows}), "pepiniere.xlsx", PART)
    assert _read(order) == [("PEP-101", 24), ("PEP-205", 6)]
    assert order.confidence < 0.75 and any("contents" in note for note in order.notes)


@pytest.mark.parametrize(
    ("rows", "po"),
    [
        (
            [
                ["ATELIER DU PARC - RESTOCK"],
                ["Ref", "AP-3310"],
                ["Week", "52"],
                [],
                ["Item", "Size", "Par", "On hand", "Order"],
                ["Acrylic paint white", "1L", 8, 2, 6],
                ["Masking tape 25mm", "roll", 3, 3, 0],
                ["Roller sleeve 180mm", "pce", 4, 1, 3],
                [None, None, None, "Total", 9],
            ],
            "AP-3310",
        ),
        (
            [
                ["EAN", "Libelle", "Stock", "Mini", "A commander"],
                ["3760000000017", "PEINTURE ACRYLIQUE BLANC 1L", 2, 8, 6],
                [None, "ROULEAU LAQUEUR 180MM", 1, 4, 3],
                [None, "TOTAL ARTICLES", None, None, 9],
            ],
            None,
        ),
    ],
    ids=["en-par-on-hand-order", "fr-stock-mini-a-commander"],
)
def test_a_restocking_sheet_orders_the_column_headed_to_order_beside_the_stock(rows, po) -> None:
    order = read_sheet(make_workbook({"Restock": rows}), "restock.xlsx", PART)
    assert [ln.quantity.value for ln in order.lines] == [6, 3]
    assert (order.po_number.value if order.po_number else None) == po


@pytest.mark.parametrize(
    "rows",
    [
        # The rows' own numbers are no counts.
        [
            ["Rang", "Désignation", "Remarque"],
            [1, "Godet lavande", "urgent"],
            [2, "Rosier", "si possible"],
            [3, "Terreau", "-"],
        ],
        # Two unnamed columns of numbers: which one counts is unclear.
        [
            ["Réf.", "Désignation", "Stock", "Besoin"],
            ["PEP-101", "Godet", 40, 24],
            ["PEP-205", "Rosier", 12, 6],
        ],
    ],
    ids=["line-numbers", "two-count-columns"],
)
def test_no_count_column_is_guessed_when_unclear(rows: list[list[object]]) -> None:
    assert read_sheet(make_workbook({"Commande": rows}), "pepiniere.xlsx", PART).lines == []


def test_unnamed_article_headings_over_codes_and_names_beside_a_named_count() -> None:
    rows = [
        ["Catalogue", "Matériel", "Qté"],
        ["PEP-101", "Godet lavande 9 cm", 24],
        ["PEP-205", "Rosier buisson en conteneur", 6],
        ["PEP-310", "Terreau plantation 70 L", None],
    ]
    order = read_sheet(make_workbook({"Commande": rows}), "pepiniere.xlsx", PART)
    assert [(ln.code.value, ln.description.value, ln.quantity.value) for ln in order.lines] == [
        ("PEP-101", "Godet lavande 9 cm", 24),
        ("PEP-205", "Rosier buisson en conteneur", 6),
    ]
    assert order.confidence < 0.75


def test_a_price_list_with_a_second_price_column_orders_nothing() -> None:
    rows = [
        ["Référence", "Désignation", "Cond.", "Prix 2026", "Prix 2027", "Var."],
        ["PEP-101", "Godet lavande 9 cm", "pce", 3, 3.12, "4 %"],
        ["PEP-205", "Rosier buisson en conteneur", "pce", 14, 14.56, "4 %"],
    ]
    assert read_sheet(make_workbook({"Tarif": rows}), "tarif.xlsx", PART).lines == []


@pytest.mark.parametrize(
    "head",
    [
        "Bon de commande n° EL-26-0419 du 02/12/2026;;\n;;\n",
        "Commande :;EL-26-0419;\n;;\n",
        "Purchase order:;;EL-26-0419\n;;\n",
    ],
)
def test_a_title_block_gives_its_po_beside_the_title_or_before_the_orders_date(head: str) -> None:
    body = "Code;Désignation;Qté\n303402;Gaine ICTA grise Ø20 couronne 100 m;6\n"
    order = read_sheet((head + body).encode(), "cde.csv", "p1")
    assert order.po_number is not None and order.po_number.value == "EL-26-0419"
    assert [line.quantity.value for line in order.lines] == [6]


@pytest.mark.parametrize(
    ("rows", "codes"),
    [
        (
            [
                ["item", "description", "qty", "unit"],
                ["SG-1999", "Potatoes 2.5kg", 6, "bag"],
                ["266902", "Ground beef 15%", 8, "kg"],
                ["66430B", "Mayo sachets", 2, "box"],
            ],
            ["SG-1999", "266902", "66430B"],
        ),
        (
            [
                ["Article", "Désignation", "Qté"],
                ["PIP-200", "Pipettes 200 µl", 4],
                ["3760123456789", "Gants nitrile M", 10],
                ["TUB-15", "Tubes 15 ml", 2],
            ],
            ["PIP-200", "3760123456789", "TUB-15"],
        ),
    ],
    ids=["food-numeric-meat-code", "lab-ean-among-codes"],
)
def test_an_unnamed_column_of_codes_takes_a_long_number_among_them(
    rows: list[list], codes: list[str]
) -> None:
    order = read_sheet(make_workbook({"Commande": rows}), "commande.xlsx", PART)
    assert [ln.code.value if ln.code else None for ln in order.lines] == codes


def test_an_unnamed_column_of_short_numbers_is_no_code() -> None:
    rows = [["Poste", "Désignation", "Qté"], ["10", "Pipettes 200 µl", 4], ["20", "Gants nitrile M", 10]]
    order = read_sheet(make_workbook({"Commande": rows}), "commande.xlsx", PART)
    assert [ln.code for ln in order.lines] == [None, None]
