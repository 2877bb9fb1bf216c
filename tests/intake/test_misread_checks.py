"""A value the reader misread holds the order: the message says otherwise, and the checks read it.

Each message is written the way a customer writes; it is read and decided with the
fixtures' reference data and no first-orders hold. Read right, it is accepted; each
reader fault of bench/fault_kinds.py (an article read as its catalogue twin, a
quantity misread, a PO one character off) is then decided again and must be held by
an error naming what the text says.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pytest

from bench.fault_kinds import one_char_off, plus_one, requantified, swapped, times_ten, without_line
from intake.pipeline import PipelineDeps, decide_matched
from intake.reading import process
from intake.routing.checks import CheckContext
from intake.routing.checks.named import check_article_named
from intake.routing.checks.po import writes_reference
from matchers import CatalogIndex
from models import (
    Extracted,
    OrderStatus,
    ProcessedOrder,
    ProductRow,
    RawMessage,
    ReferenceData,
    RoutingMode,
    Settings,
    Severity,
)
from tests.factories.documents import Item, Layout, make_po_pdf
from tests.factories.pipeline import make_line, make_matched_order, make_parsed
from tests.paths import FIXTURES

CODED = """Bonjour,

Merci de nous livrer pour le chantier Forges, notre commande BC-2026-0412 :
- 10 x VIS-440-200
- 4 x GAN-NIT-T9

Cordialement,
Paul Martin
Martin BTP
"""

WORDED = """Bonjour,

Pourriez-vous nous envoyer :
- 6 boîtes de gants nitrile taille 8
- 3 boîtes de vis agglo inox 4x40 boîte de 200

Merci, bonne journée
Paul Martin
"""


def message(body: str, *, subject: str = "Commande", sheet: bytes | None = None) -> bytes:
    mail = EmailMessage()
    mail["From"] = "Paul Martin <achats@martin-btp.fr>"
    mail["To"] = "commandes@garonne-pro.fr"
    mail["Subject"] = subject
    mail["Date"] = "Tue, 03 Nov 2026 09:12:00 +0100"
    mail["Message-ID"] = f"<{abs(hash((body, subject)))}@martin-btp.fr>"
    mail.set_content(body)
    if sheet is not None:
        xlsx = "vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        mail.add_attachment(sheet, maintype="application", subtype=xlsx, filename="commande.xlsx")
    return mail.as_bytes()


def order_sheet() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Commande"
    sheet.append(["Bon de commande", "AC-2026-0077"])
    sheet.append([])
    sheet.append(["Référence", "Désignation", "Quantité"])
    sheet.append(["VIS-440-200", "Vis agglo inox 4x40 boîte de 200", 12])
    sheet.append(["GAN-NIT-T8", "Gants nitrile taille 8 boîte de 100", 5])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(FIXTURES.parent / "ref")


@pytest.fixture(scope="module")
def deps(index: CatalogIndex) -> PipelineDeps:
    settings = Settings(new_customer_orders=0, routing_mode=RoutingMode.AUTOMATIC)
    return PipelineDeps(index=index, settings=settings)


def read_right(data: bytes, deps: PipelineDeps) -> ProcessedOrder:
    [order] = process(RawMessage(data=data), deps).orders
    assert order.decision.status == OrderStatus.ACCEPTED, order.decision.reasons
    return order


def errors(order: ProcessedOrder, data: bytes, deps: PipelineDeps, matched) -> set[str]:
    parsed = process(RawMessage(data=data), deps).parsed
    decided = decide_matched(parsed, matched, deps)
    return {r.code for r in decided.decision.reasons if r.severity == Severity.ERROR}


@pytest.mark.parametrize(
    ("place", "twin"),
    [(0, "VIS-440-500"), (0, "VIS-450-200"), (1, "GAN-NIT-T8"), (1, "GAN-LTX-T9")],
    ids=["another pack", "another size", "another glove size", "another material"],
)
def test_a_code_read_as_its_catalogue_twin_holds_the_order(place, twin, deps, index):
    data = message(CODED)
    order = read_right(data, deps)
    faulted = swapped(order.matched, place, twin, index)
    assert "article_not_named" in errors(order, data, deps, faulted)


@pytest.mark.parametrize(
    ("place", "twin", "code"),
    [
        (0, "GAN-NIT-T9", "article_size_differs"),
        (1, "VIS-450-200", "article_size_differs"),
        (0, "GAN-LTX-T8", "article_twin_fits_better"),
    ],
    ids=["taille 8 read as 9", "4x40 read as 4x50", "nitrile read as latex"],
)
def test_a_wording_matched_to_a_twin_holds_the_order(place, twin, code, deps, index):
    data = message(WORDED)
    order = read_right(data, deps)
    faulted = swapped(order.matched, place, twin, index)
    assert code in errors(order, data, deps, faulted)


@pytest.mark.parametrize("change", [times_ten, plus_one], ids=["x10", "+1"])
@pytest.mark.parametrize("body", [CODED, WORDED], ids=["codes", "wording"])
def test_a_quantity_the_line_does_not_write_holds_the_order(body, change, deps):
    data = message(body)
    order = read_right(data, deps)
    for place in range(len(order.matched.lines)):
        faulted = requantified(order.matched, place, change)
        assert "quantity_not_written" in errors(order, data, deps, faulted)


@pytest.mark.parametrize("change", [times_ten, plus_one], ids=["x10", "+1"])
def test_a_quantity_other_than_the_sheet_s_quantity_cell_holds_the_order(change, deps):
    data = message("Bonjour,\nci-joint notre commande.\n", sheet=order_sheet())
    order = read_right(data, deps)
    for place in range(len(order.matched.lines)):
        faulted = requantified(order.matched, place, change)
        assert "quantity_not_written" in errors(order, data, deps, faulted)


@pytest.mark.parametrize(
    ("body", "subject", "sheet"),
    [(CODED, "Commande", None), ("Bonjour,\nci-joint notre commande.\n", "Commande", order_sheet())],
    ids=["PO in a sentence", "PO in a sheet's header cell"],
)
def test_a_po_read_one_character_off_holds_the_order(body, subject, sheet, deps):
    data = message(body, subject=subject, sheet=sheet)
    order = read_right(data, deps)
    faulted = order.matched.model_copy(deep=True)
    assert faulted.order.po_number is not None
    faulted.order.po_number.value = one_char_off(faulted.order.po_number.value)
    assert "po_not_written" in errors(order, data, deps, faulted)


@pytest.mark.parametrize(
    ("text", "reference", "written"),
    [
        ("notre commande PO 7731 à rappeler", "PO-7731", True),
        ("Order PO7731", "7731", True),
        ("n° BC/2026/0412.", "BC-2026-0412", True),
        ("Commande BC-2026-0412", "BC-2026-0413", False),
        ("Commande 47731", "7731", False),
        ("Commande 7731-2", "7731", False),
    ],
    ids=["spaced", "label glued", "other separators", "one character off", "a longer number", "a suffix"],
)
def test_a_po_is_written_as_a_whole_whatever_its_separators(text, reference, written):
    assert writes_reference(text, reference) is written


STATED = """Bonjour,

Merci de nous livrer 10 x VIS-440-200.
Livraison souhaitée le mardi 17 novembre.
Adresse de livraison : Chantier Les Forges, 27 avenue Thiers, 33100 Bordeaux

Cordialement,
Paul Martin
"""


@pytest.mark.parametrize(
    ("field", "code"),
    [("requested_delivery_date", "delivery_unread"), ("ship_to", "ship_to_unread")],
    ids=["delivery date", "delivery address"],
)
def test_a_delivery_date_or_address_stated_and_dropped_holds_the_order(field, code, deps):
    data = message(STATED)
    order = read_right(data, deps)
    assert getattr(order.matched.order, field) is not None
    faulted = order.matched.model_copy(deep=True)
    setattr(faulted.order, field, None)
    assert code in errors(order, data, deps, faulted)


def held_by(data: bytes, deps: PipelineDeps) -> set[str]:
    [order] = process(RawMessage(data=data), deps).orders
    return {r.code for r in order.decision.reasons if r.severity == Severity.ERROR}


def order_pdf() -> bytes:
    items = [
        Item("VIS-440-200", "Vis agglo inox 4x40 boîte de 200", "10", "bte", "5,91", "59,10"),
        Item("GAN-NIT-T8", "Gants nitrile taille 8 boîte de 100", "4", "bte", "6,90", "27,60"),
    ]
    return make_po_pdf(items, Layout(fields=(("Commande n° :", "BC-2026-0415"), ("Date :", "03/11/2026"))))


def with_pdf(body: str) -> bytes:
    mail = EmailMessage()
    mail["From"] = "Paul Martin <achats@martin-btp.fr>"
    mail["To"] = "commandes@garonne-pro.fr"
    mail["Subject"] = "Commande BC-2026-0415"
    mail["Date"] = "Tue, 03 Nov 2026 09:12:00 +0100"
    mail["Message-ID"] = f"<{abs(hash(body))}@martin-btp.fr>"
    mail.set_content(body)
    mail.add_attachment(order_pdf(), maintype="application", subtype="pdf", filename="BC-2026-0415.pdf")
    return mail.as_bytes()


def test_the_body_beside_an_attached_order_that_adds_a_line_holds_it(deps):
    assert held_by(with_pdf("Bonjour,\nci-joint notre bon BC-2026-0415 (1 page).\n"), deps) == set()
    added = "Bonjour,\nvoici notre bon, et en plus 3 boîtes de gants nitrile taille 9.\n"
    [order] = process(RawMessage(data=with_pdf(added)), deps).orders
    read = {line.sku for line in order.matched.lines}
    assert "GAN-NIT-T9" in read or "line_unread" in held_by(with_pdf(added), deps)


def sheet(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


HEAD = [["Bon de commande", "AC-2026-0078"], ["Référence", "Désignation", "Quantité", "Commentaire"]]


def test_a_grid_of_counts_above_the_line_table_holds_the_order(deps):
    grid = [["Gants nitrile boîte de 100", "T7", "T8", "T9"], ["Gants nitrile", 2, 3, 5]]
    rows = [*grid, *HEAD, ["VIS-440-200", "Vis agglo inox 4x40 boîte de 200", 12]]
    assert "line_unread" in held_by(message("Bonjour,\nci-joint notre commande.\n", sheet=sheet(rows)), deps)


def test_a_sheet_row_marked_cancelled_holds_the_order(deps):
    rows = [
        *HEAD,
        ["VIS-440-200", "Vis agglo inox 4x40 boîte de 200", 12, ""],
        ["GAN-NIT-T8", "Gants nitrile taille 8 boîte de 100", 5, "annulé"],
    ]
    data = message("Bonjour,\nci-joint notre commande.\n", sheet=sheet(rows))
    [order] = process(RawMessage(data=data), deps).orders
    read = {line.sku for line in order.matched.lines}
    assert "GAN-NIT-T8" not in read or "order_corrected" in held_by(data, deps)
    kept = message("Bonjour,\nci-joint notre commande.\n", sheet=sheet(rows[:-1]))
    assert "order_corrected" not in held_by(kept, deps)


@pytest.mark.parametrize(
    "after",
    [
        "Finalement mettez 8 boîtes de vis au lieu de 10, et enlevez les gants.",
        "Actually, please remove the gloves.",
    ],
    ids=["fr", "en"],
)
def test_a_sentence_after_the_lines_that_changes_the_order_holds_it(after, deps):
    body = CODED.replace("\nCordialement", f"\n{after}\n\nCordialement")
    assert "order_corrected" in held_by(message(body), deps)


def test_a_po_the_customer_corrects_in_the_text_holds_the_order(deps):
    body = "Bonjour,\nCommande BC-3312 :\n- 10 x VIS-440-200\nPardon, notre n° est BC-3321 et non BC-3312.\n"
    [order] = process(RawMessage(data=message(body, subject="Commande BC-3312")), deps).orders
    po = order.matched.order.po_number
    held = {r.code for r in order.decision.reasons if r.severity == Severity.ERROR}
    assert (po is not None and po.value == "BC-3321") or "po_contradicted" in held


BRANCHES = """Bonjour,

Voici les commandes de nos deux agences, chacune a son adresse habituelle.

Agence de Lyon - BC-2026-0501
- 10 x VIS-440-200

Agence de Vienne - BC-2026-0502
- 4 x GAN-NIT-T9

Cordialement,
Paul Martin
"""


def test_two_orders_written_in_one_body_with_their_pos_are_never_one_accepted_order(deps):
    """One record cannot carry two branches' orders: read as one, it is held with the other PO."""
    orders = process(RawMessage(data=message(BRANCHES, subject="Commandes agences")), deps).orders
    if len(orders) == 1:
        [order] = orders
        held = {r.code: r for r in order.decision.reasons if r.severity == Severity.ERROR}
        assert "po_several" in held
        assert held["po_several"].quoted in {"BC-2026-0501", "BC-2026-0502"} - {
            order.matched.order.po_number.value
        }
    else:
        assert {o.matched.order.po_number.value for o in orders} == {"BC-2026-0501", "BC-2026-0502"}


@pytest.mark.parametrize(
    ("body", "subject"),
    [
        (
            "Bonjour,\nMerci d'ouvrir une nouvelle commande, BC-2026-0610 :\n- 10 x VIS-440-200\n"
            "Meme adresse de livraison que la BC-2026-0600.\n",
            "RE: Commande BC-2026-0600",
        ),
        ("Bonjour,\nCommande BC-2026-0610 :\n- 10 x VIS-440-200\n", "Commande BC-2026-0610"),
        (
            "Bonjour,\nNouveau n° : BC-2026-0611.\n\nDe : Paul Martin\nObjet : Commande BC-2026-0610\n\n"
            "Commande BC-2026-0610 :\n- 10 x VIS-440-200\n",
            "TR: Commande BC-2026-0610",
        ),
        (
            "Bonjour,\nCommande BC-2026-0610 :\n- 10 x VIS-440-200\nPardon, notre n° est BC-2026-0601 et non "
            "BC-2026-0610.\n",
            "Commande",
        ),
    ],
    ids=["the earlier order a reply answers", "one PO written twice", "a forward renumbered", "a PO denied"],
)
def test_the_earlier_order_of_a_thread_is_no_second_po(body, subject, deps):
    assert "po_several" not in held_by(message(body, subject=subject), deps)


def test_a_delivery_address_printed_on_the_attached_order_and_dropped_holds_it(deps):
    [order] = process(RawMessage(data=with_pdf("Bonjour,\nci-joint notre commande.\n")), deps).orders
    assert order.matched.order.ship_to is not None
    faulted = order.matched.model_copy(deep=True)
    faulted.order.ship_to = None
    assert "ship_to_unread" in errors(order, with_pdf("Bonjour,\nci-joint notre commande.\n"), deps, faulted)


def test_a_code_beside_the_ratings_of_its_twin_holds_the_order():
    """'104724 disjoncteur 1P+N 16A' where 104724 is the 2P one: the code and the words name two articles."""
    rows = [
        ProductRow(sku="104724", name="Disjoncteur DX6 2P 16A courbe C 6kA", unit="pce"),
        ProductRow(sku="104704", name="Disjoncteur DX6 1P+N 16A courbe C 6kA", unit="pce"),
        ProductRow(sku="104748", name="Disjoncteur DX6 1P+N 20A courbe C 6kA", unit="pce"),
    ]
    catalogue = CatalogIndex.build(ReferenceData(products=rows))
    products = {row.sku: row for row in rows}

    def reasons(words: str) -> set[str]:
        text = f"- 8 x 104724 {words}"
        line = make_line("104724", "8", description=words, span=(0, len(text)))
        line.line.code = Extracted[str](value="104724", confidence=0.9)
        ctx = CheckContext(
            parsed=make_parsed(text=text),
            matched=make_matched_order([line]),
            products=products,
            catalogue=catalogue,
        )
        return {r.code for r in check_article_named(ctx)}

    assert "article_twin_fits_better" in reasons("disjoncteur 1P+N 16A courbe C")
    assert reasons("disjoncteur 2P 16A courbe C") == set()
    assert reasons("disjoncteur 16A") == set()


QUOTE_ACCEPTED = """Bonjour,

Bon pour accord sur votre devis DV-2026-0311 ci-dessous, notre commande BC-2026-0590.

Paul Martin

De : Service commercial <commandes@garonne-pro.fr>
Envoyé : lundi 2 novembre 2026 16:02
À : Paul Martin <achats@martin-btp.fr>
Objet : Devis DV-2026-0311

Bonjour,

Voici notre proposition :

Réf.            Désignation                                    Qté
VIS-440-200     Vis agglo tête fraisée inox A2 4x40 - boîte de 200   12
RUB-MAS-25      Ruban de masquage 25 mm x 50 m                  30
COLLE-CARR-25   Colle carrelage C2 sac de 25 kg                  8

Prix valables jusqu'au 30/11/2026.

Service commercial
"""


def test_a_line_of_an_accepted_quote_dropped_or_misread_holds_the_order(deps):
    """The quoted quote is the order part: each of its lines is read, with the quantity it writes."""
    data = message(QUOTE_ACCEPTED, subject="RE: Devis DV-2026-0311")
    order = read_right(data, deps)
    assert len(order.matched.lines) == 3
    for place in range(3):
        assert "line_unread" in errors(order, data, deps, without_line(order.matched, place))
        faulted = requantified(order.matched, place, times_ten)
        assert "quantity_not_written" in errors(order, data, deps, faulted)


def two_sheet_order() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for title, rows in (
        ("Quincaillerie", [("VIS-440-200", "Vis agglo inox 4x40 boîte de 200", 12)]),
        (
            "Peinture",
            [("RUB-MAS-25", "Ruban de masquage 25 mm x 50 m", 30), ("RUB-MAS-38", "Ruban 38 mm", 10)],
        ),
    ):
        sheet = book.active if title == "Quincaillerie" else book.create_sheet()
        sheet.title = title
        sheet.append(["Bon de commande", "AC-2026-0078"])
        sheet.append(["Référence", "Désignation", "Quantité"])
        for row in rows:
            sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_order_over_two_sheets_is_never_accepted_with_a_sheet_unread(deps):
    """Every sheet of the workbook is seen by the checks, whichever the reader read."""
    xlsx = two_sheet_order()
    data = message("Bonjour,\nci-joint notre commande.\n", sheet=xlsx)
    [order] = process(RawMessage(data=data), deps).orders
    read = sorted((line.sku, int(line.line.quantity.value)) for line in order.matched.lines)
    if order.decision.status == OrderStatus.ACCEPTED:
        assert read == [("RUB-MAS-25", 30), ("RUB-MAS-38", 10), ("VIS-440-200", 12)]
    else:
        codes = {r.code for r in order.decision.reasons if r.severity == Severity.ERROR}
        assert "line_unread" in codes or len(read) == 3, (read, codes)


def test_an_unread_line_in_english_words_of_a_french_catalogue_holds_the_order(deps):
    # 'leather gloves' are the catalogue's 'gants cuir': the line names it, though no word is French.
    body = "Hello,\n\nPlease send on our order BC-2026-0412:\n- 10 x VIS-440-200\n"
    assert "line_unread" not in held_by(message(body, subject="Order"), deps)
    unread = body + "- Leather gloves in 9: we need 4 more for the new starters.\n"
    # Left unread, or read without the words that name it: either way no article is placed for it.
    assert held_by(message(unread, subject="Order"), deps) & {"line_unread", "line_unmatched"}
