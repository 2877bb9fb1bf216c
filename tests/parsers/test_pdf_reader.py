"""The PDF reader on generated layouts: ruled or not, wrapped, over pages, fields anywhere."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models import DocumentKind
from parsers.documents.pdf import read_pdf
from tests.factories.documents import Item, Layout, make_po_pdf

PART = "attachment:po.pdf"
LONG = "Vis agglo tête fraisée inox A2 4x40 - boîte de 200 pour la fixation des lambourdes de terrasse"


def items(count: int = 3, text: str = "Cheville nylon M8x60") -> list[Item]:
    return [
        Item(
            f"ART-{i:03d}", f"{text} {i}", str(i + 1), "pce", "2,50", f"{2.5 * (i + 1):.2f}".replace(".", ",")
        )
        for i in range(count)
    ]


def read(data: bytes):
    return read_pdf(data, PART, max_pages=60, ocr=False)


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
@pytest.mark.parametrize("centre", [True, False], ids=["centred-rows", "top-rows"])
def test_wrapped_designations_are_joined(ruled: bool, centre: bool) -> None:
    rows = [
        Item("VIS-440", LONG, "6", "boite", "5,91", "35,46"),
        Item("CHV-860", "Chevilles M8x60", "10"),
        Item("GAN-T9", LONG.replace("Vis", "Gants"), "2", "boite", "6,90", "13,80"),
    ]
    order = read(make_po_pdf(rows, Layout(ruled=ruled, wrap_width=180, centre_rows=centre)))
    assert [line.description.value for line in order.lines] == [r.text for r in rows]
    assert [line.quantity.value for line in order.lines] == [Decimal(6), Decimal(10), Decimal(2)]
    assert [line.code.value for line in order.lines] == ["VIS-440", "CHV-860", "GAN-T9"]


@pytest.mark.parametrize("repeat", [True, False], ids=["header-repeated", "header-once"])
def test_table_over_pages_with_carried_totals(repeat: bool) -> None:
    rows = items(55)
    layout = Layout(rows_per_page=30, repeat_header=repeat, carried=True, ruled=True, total="3 850,00")
    order = read(make_po_pdf(rows, layout))
    assert [line.code.value for line in order.lines] == [r.code for r in rows]
    assert {line.provenance.page for line in order.lines} == {1, 2}
    assert order.total_excl_vat.value == Decimal("3850.00")


def test_page_header_of_a_continued_page_is_not_a_designation() -> None:
    rows = items(45)
    layout = Layout(rows_per_page=30, repeat_header=False, continued_title="SOCIÉTÉ TEST - commande (suite)")
    order = read(make_po_pdf(rows, layout))
    assert [line.description.value for line in order.lines] == [r.text for r in rows]


@pytest.mark.parametrize(
    ("headers", "decimal"),
    [
        (("Réf.", "Désignation", "Qté", "Unité", "PU HT", "Montant HT"), ","),
        (("Item No", "Description", "Qty", "UoM", "Unit Price", "Amount"), "."),
        (("Art.-Nr.", "Bezeichnung", "Menge", "Einheit", "Einzelpreis", "Gesamtpreis"), ","),
        (("Code article", "Libellé", "Quantité", "UV", "Prix unitaire", "Total HT"), ","),
        (("Réf.", "Désignation", "Qté\ncdée", "Unité", "Prix\nunitaire HT", "Montant\nHT"), ","),
    ],
    ids=["fr", "en", "de", "fr-long", "two-line-header"],
)
def test_header_row_in_three_languages(headers: tuple[str, ...], decimal: str) -> None:
    rows = [
        Item("A-1", "Gloves", "12", "box", f"1{decimal}50", f"18{decimal}00"),
        Item("A-2", "Tape", "1", "roll", f"2{decimal}00", f"2{decimal}00"),
    ]
    order = read(make_po_pdf(rows, Layout(headers=headers)))
    assert [(line.code.value, line.quantity.value) for line in order.lines] == [("A-1", 12), ("A-2", 1)]
    assert order.lines[0].unit_price.value == Decimal("1.50")
    assert order.lines[0].unit.value == "box"


@pytest.mark.parametrize("where", ["right", "left", "below"])
def test_header_fields_wherever_they_are(where: str) -> None:
    order = read(make_po_pdf(items(), Layout(fields_at=where)))
    assert order.po_number.value == "PO-TEST-001"
    assert order.order_date.value == dt.date(2026, 11, 5)
    assert order.ship_to.value == "Chantier Test, 3 rue du Port, 33000 Bordeaux"


@pytest.mark.parametrize(
    ("fields", "attr", "expected"),
    [
        ((("PO number:", "HB-77"),), "po_number", "HB-77"),
        ((("Bestellnummer:", "4500012345"),), "po_number", "4500012345"),
        ((("Bon de commande n°", "BC/26/118"),), "po_number", "BC/26/118"),
        (
            (("Date de livraison souhaitée :", "12/11/2026"),),
            "requested_delivery_date",
            dt.date(2026, 11, 12),
        ),
        ((("Delivery date:", "2026-11-20"),), "requested_delivery_date", dt.date(2026, 11, 20)),
        ((("Order date:", "3 November 2026"),), "order_date", dt.date(2026, 11, 3)),
        ((("N° TVA :", "FR 40 303265045"),), "buyer_vat", "FR40303265045"),
        ((("Your ref:", "D26-1395"), ("Our ref:", "KCS/PO/26/0455")), "po_number", "KCS/PO/26/0455"),
        ((("Votre réf. :", "devis D26-88"), ("Notre réf. :", "ATL-2611-04")), "po_number", "ATL-2611-04"),
        ((("Notre commande :", "PEP-26-0091"),), "po_number", "PEP-26-0091"),
        ((("Our order:", "4500087311"),), "po_number", "4500087311"),
    ],
    ids=[
        "po-en",
        "po-de",
        "po-fr",
        "delivery-fr",
        "delivery-iso",
        "date-words-en",
        "vat",
        "our-ref-beside-your-ref",
        "notre-ref-beside-votre-ref",
        "notre-commande",
        "our-order",
    ],
)
def test_labels_in_french_english_german(fields, attr: str, expected) -> None:
    order = read(make_po_pdf(items(), Layout(fields=fields)))
    assert getattr(order, attr).value == expected


def test_values_keep_page_and_box() -> None:
    order = read(make_po_pdf(items(2)))
    line = order.lines[0]
    assert line.quantity.provenance.page == 1
    x0, top, x1, bottom = line.quantity.provenance.bbox
    assert 330 < x0 < x1 <= 370 and top < bottom
    assert order.po_number.provenance.part == PART
    row_x0, _, row_x1, _ = line.provenance.bbox
    assert row_x0 < 60 and row_x1 > 500


@pytest.mark.parametrize(
    ("total", "confidence_up"), [("7,50", True), ("99,00", False)], ids=["sum-matches", "sum-differs"]
)
def test_sum_of_lines_against_the_total(total: str, confidence_up: bool) -> None:
    rows = [Item("A", "a", "1", "pce", "2,50", "2,50"), Item("B", "b", "2", "pce", "2,50", "5,00")]
    order = read(make_po_pdf(rows, Layout(total=total)))
    assert (order.confidence > 0.9) is confidence_up
    assert any("total" in note for note in order.notes)


def test_quantity_times_price_against_the_amount() -> None:
    rows = [Item("A", "a", "3", "pce", "2,50", "7,50"), Item("B", "b", "2", "pce", "2,50", "9,00")]
    order = read(make_po_pdf(rows))
    assert order.lines[0].notes == []
    assert order.lines[1].confidence < order.lines[0].confidence
    assert "amount" in order.lines[1].notes[0]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("BON DE COMMANDE", DocumentKind.PURCHASE_ORDER),
        ("PURCHASE ORDER", DocumentKind.PURCHASE_ORDER),
        ("FACTURE", DocumentKind.INVOICE),
        ("DEVIS N° D-2026-44", DocumentKind.QUOTE),
        ("BON DE LIVRAISON", DocumentKind.DELIVERY_NOTE),
        ("AVOIR", DocumentKind.CREDIT_NOTE),
        ("Lieferschein", DocumentKind.DELIVERY_NOTE),
    ],
)
def test_document_kind_from_the_title(title: str, kind: DocumentKind) -> None:
    assert read(make_po_pdf(items(), Layout(title=title))).document_kind == kind


def test_notes_and_footers_are_not_lines() -> None:
    layout = Layout(
        total="7,50", extra_notes=("Livraison 7 h - 11 h, quai 2.", "Merci de rappeler 12 références.")
    )
    order = read(make_po_pdf(items(2), layout))
    assert len(order.lines) == 2


def test_a_labelled_note_printed_from_the_margin_under_the_rows_wraps_no_designation() -> None:
    layout = Layout(
        xs=(90, 170, 380, 410, 450, 500, 560),
        margin_note="Authorised by: D. Price, Fleet Engineer. VAT GB 731 2058 84.",
    )
    order = read(make_po_pdf(items(2), layout))
    assert [(ln.code.value, ln.description.value) for ln in order.lines] == [
        (item.code, item.text) for item in items(2)
    ]


def test_quantity_printed_against_its_unit() -> None:
    # Right-aligned quantity 6 pt from a left-aligned unit: one cell '6 boite' in an unruled table.
    layout = Layout(xs=(40, 120, 330, 360, 420, 490, 560))
    order = read(make_po_pdf([Item("A", "a", "6", "boite", "1,00", "6,00")], layout))
    assert order.lines[0].quantity.value == 6


@pytest.mark.parametrize("into", [0.3, 2.0], ids=["touching", "covering"])
def test_a_quantity_printed_over_the_end_of_a_designation_is_a_word_of_its_own(into: float) -> None:
    # The right-aligned quantity starts `into` points before the run-on '100' ends.
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = "Gants nitrile taille 9 - boîte de 100"
    end = 123 + stringWidth(text, "Helvetica", 9)
    right = end - into + stringWidth("4", "Helvetica", 9) + 3
    rule = end - stringWidth("100", "Helvetica", 9) - 1
    xs = (40, 120, rule, right, right + 50, right + 110, right + 170)
    rows = [Item("GAN-T9", text, "4", "boite"), Item("CAS-01", "Casque blanc", "5")]
    order = read(make_po_pdf(rows, Layout(xs=xs, ruled=True)))
    assert [(ln.description.value, ln.quantity.value) for ln in order.lines] == [
        (text, Decimal(4)),
        ("Casque blanc", Decimal(5)),
    ]


@pytest.mark.parametrize(
    "before",
    [-2.0, 3.0, 12.0],
    ids=["in-the-quantity-column", "across-the-rule", "mostly-before-the-rule"],
)
def test_a_designation_run_on_into_the_quantity_column_stays_the_designation(before: float) -> None:
    # The designation's end ('100', starting `before` points left of the rule) runs on into the
    # quantity's column, where the quantity is printed right-aligned.
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = "Gants nitrile taille 9 - boîte de 100"
    end = 123 + stringWidth(text, "Helvetica", 9)
    rule = end - stringWidth("100", "Helvetica", 9) + before
    xs = (40, 120, rule, rule + 40, rule + 90, rule + 150, rule + 210)
    rows = [Item("GAN-T9", text, "4", "boite"), Item("CAS-01", "Casque blanc", "5")]
    order = read(make_po_pdf(rows, Layout(xs=xs, ruled=True)))
    assert [(ln.description.value, ln.quantity.value) for ln in order.lines] == [
        (text, Decimal(4)),
        ("Casque blanc", Decimal(5)),
    ]


@pytest.mark.parametrize(
    ("headings", "fits"),
    [
        (("Désignation", "Véhicule", "Qté"), "Clio 4 1.5 dCi"),
        (("Description", "Machine", "Qty"), "Grinder Ø230"),
    ],
    ids=["vehicle-fr", "machine-en"],
)
def test_what_the_article_fits_in_a_column_of_its_own_is_read_into_the_designation(headings, fits) -> None:
    order = read(_drawn(headings, [("Plaquettes AV", fits, "2"), ("Disque", fits, "3")], right=(2,)))
    assert [(ln.description.value, ln.quantity.value) for ln in order.lines] == [
        (f"Plaquettes AV {fits}", Decimal(2)),
        (f"Disque {fits}", Decimal(3)),
    ]


@pytest.mark.parametrize(
    ("headings", "rows", "expected"),
    [
        (
            ("Désignation", "Cond.", "Qté colis", "Qté totale"),
            [("Vis 4x40", "boîte de 200", "3", "600"), ("Gants T9", "boîte de 100", "2", "200")],
            [(Decimal(3), Decimal(200)), (Decimal(2), Decimal(100))],
        ),
        (
            ("Designation", "Nb colis", "Qté colis", "Qté totale"),
            [("Vis 4x40", "3", "200", "600"), ("Gants T9", "2", "100", "200")],
            [(Decimal(3), Decimal(200)), (Decimal(2), Decimal(100))],
        ),
    ],
    ids=["packs-counted-first", "packs-numbered-beside-per-pack"],
)
def test_of_several_quantity_headings_the_packs_counted_are_the_quantity(headings, rows, expected) -> None:
    order = read(_drawn(headings, rows, right=(2, 3)))
    assert [
        (ln.quantity.value, ln.pack_size.value if ln.pack_size else None) for ln in order.lines
    ] == expected


def _drawn(headings: tuple[str, ...], rows: list[tuple[str, ...]], right: tuple[int, ...]) -> bytes:
    """A plain unruled table: headings at fixed places, the `right` columns' cells right-aligned."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    xs = (50, 250, 380, 470)
    buffer = io.BytesIO()
    pdf = Canvas(buffer, invariant=1)
    for x, text in zip(xs, headings, strict=False):
        pdf.drawString(x, 700, text)
    for number, row in enumerate(rows):
        for column, (x, text) in enumerate(zip(xs, row, strict=False)):
            if column in right:
                pdf.drawRightString(x + 40, 680 - 16 * number, text)
            else:
                pdf.drawString(x, 680 - 16 * number, text)
    pdf.save()
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("title", "po"),
    [
        ("BON DE COMMANDE DP-2026-03402", "DP-2026-03402"),
        ("COMMANDE D'ACHAT 4500012877", "4500012877"),
        ("PURCHASE ORDER PO-10455", "PO-10455"),
        ("Bon de commande n° CDE26-3402", "CDE26-3402"),
        ("BON DE COMMANDE DU 12/11/2026", None),
    ],
    ids=["fr-title", "fr-erp-title", "en-title", "title-number-sign", "title-with-a-date"],
)
def test_a_title_carrying_the_number_gives_the_po(title: str, po: str | None) -> None:
    order = read(make_po_pdf(items(), Layout(title=title, fields=(("Date :", "05/11/2026"),))))
    assert (order.po_number.value if order.po_number else None) == po
    assert order.document_kind == DocumentKind.PURCHASE_ORDER


def test_a_lone_word_heading_beside_the_quantity_is_the_article() -> None:
    layout = Layout(headers=("#", "Item", "Qty", "Unit", "Price", "Total"), fields=())
    rows = [Item("1", "Pentel EnerGel 0.7 black (box)", "3"), Item("2", "Sharpie fine black", "2")]
    order = read(make_po_pdf(rows, layout))
    assert [(ln.description.value, ln.quantity.value) for ln in order.lines] == [
        ("Pentel EnerGel 0.7 black (box)", Decimal(3)),
        ("Sharpie fine black", Decimal(2)),
    ]


@pytest.mark.parametrize(
    "headers",
    [
        ("EAN", "Item", "Qty", "Unit", "Price", "Amount"),
        ("Code", "Produit", "Qté", "Unité", "PU HT", "Montant HT"),
    ],
    ids=["ean-item-en", "code-produit-fr"],
)
def test_beside_a_code_column_the_heading_over_words_is_the_designation(headers) -> None:
    rows = [
        Item("3760500221691", "Autocut towel 1 ply case of 6", "3"),
        Item("", "Autocut towel dispenser white", "2"),
        Item("3760500217144", "Cream soap cotton flower 5L", "4"),
    ]
    order = read(make_po_pdf(rows, Layout(headers=headers)))
    assert [
        (ln.code.value if ln.code else None, ln.description.value, ln.quantity.value) for ln in order.lines
    ] == [
        ("3760500221691", "Autocut towel 1 ply case of 6", Decimal(3)),
        (None, "Autocut towel dispenser white", Decimal(2)),
        ("3760500217144", "Cream soap cotton flower 5L", Decimal(4)),
    ]


def test_of_two_article_headings_the_one_printing_codes_is_the_code() -> None:
    layout = Layout(headers=("Article", "Désignation", "Quantité", "UQ", "PU HT", "Montant HT"))
    order = read(
        make_po_pdf(
            [Item("RML-E030", "Coquillettes sac 5 kg", "23"), Item("RML-E070", "Mayonnaise", "10")], layout
        )
    )
    assert [(ln.code.value, ln.description.value) for ln in order.lines] == [
        ("RML-E030", "Coquillettes sac 5 kg"),
        ("RML-E070", "Mayonnaise"),
    ]


def test_a_labelled_line_under_the_address_ends_it() -> None:
    lines = ("Chantier Test", "3 rue du Port", "33000 Bordeaux", "Marché : 2025-RS-07 lot 2")
    order = read(make_po_pdf(items(), Layout(ship_lines=lines)))
    assert order.ship_to.value == "Chantier Test, 3 rue du Port, 33000 Bordeaux"


@pytest.mark.parametrize(
    ("title", "fields", "confidence"),
    [
        ("BON DE COMMANDE", (("N°", "CMD0040"), ("Date :", "05/11/2026")), 0.85),
        ("BON DE COMMANDE", (("Numéro", "BC02270"), ("Date :", "05/11/2026")), 0.85),
        ("BON DE COMMANDE", (("N°", "CMD0040"), ("N°", "C0042"), ("Date :", "05/11/2026")), 0.7),
        ("", (("N°", "CMD0040"), ("Date :", "05/11/2026")), 0.7),
    ],
    ids=["number-sign", "numero", "two-number-signs", "no-title"],
)
def test_a_bare_number_sign_is_sure_only_alone_in_a_purchase_order_s_head(title, fields, confidence) -> None:
    order = read(make_po_pdf(items(), Layout(title=title, fields=fields)))
    assert order.po_number.value == fields[0][1]
    assert order.po_number.confidence == confidence


@pytest.mark.parametrize(
    "headings",
    [
        ("Réf. client", "Notre réf.", "Désignation", "Qté"),
        ("Code article", "Code interne", "Description", "Qty"),
    ],
    ids=["buyer-and-ours-fr", "two-code-headings-en"],
)
def test_two_code_columns_give_two_codes_never_one_glued(headings: tuple[str, ...]) -> None:
    rows = [("HX-7731", "550124", "Mop 25 L", "3"), ("HX-7740", "550310", "Squeegee", "2")]
    order = read(_drawn(headings, rows, right=(3,)))
    assert [(ln.code.value, [c.value for c in ln.alt_codes], ln.quantity.value) for ln in order.lines] == [
        ("HX-7731", ["550124"], Decimal(3)),
        ("HX-7740", ["550310"], Decimal(2)),
    ]


def test_a_line_number_left_of_the_first_heading_is_no_part_of_the_code() -> None:
    import io

    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    pdf = Canvas(buffer, invariant=1)
    for x, text in ((70, "Article"), (150, "Libellé"), (420, "Qté")):
        pdf.drawString(x, 700, text)
    for number, (code, name, qty) in enumerate(
        [("7012", "Cahier A4 96 p", "5"), ("7040", "Gomme blanche", "12")]
    ):
        y = 680 - 16 * number
        pdf.drawString(40, y, str(number + 1))
        pdf.drawString(70, y, code)
        pdf.drawString(150, y, name)
        pdf.drawRightString(440, y, qty)
    pdf.save()
    order = read(buffer.getvalue())
    assert [(ln.code.value, ln.quantity.value) for ln in order.lines] == [
        ("7012", Decimal(5)),
        ("7040", Decimal(12)),
    ]
