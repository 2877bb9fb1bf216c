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

from bench.fault_kinds import one_char_off, plus_one, requantified, swapped, times_ten
from intake.pipeline import PipelineDeps, decide_matched, process
from intake.routing.checks.po import writes_reference
from matchers import CatalogIndex
from models import OrderStatus, ProcessedOrder, RawMessage, RoutingMode, Settings, Severity
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
