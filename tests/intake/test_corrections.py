"""An order that corrects itself, or prints a count of its articles, is held unless the lines agree.

The messages are written the way customers write them; the whole pipeline runs
with no first-orders hold, in automatic mode, so only the checks can hold them.
Beside it, the checks alone on hand-made readings: a correction the lines show
applied lets the order through, one they do not show holds it.
"""

from __future__ import annotations

import email
import email.policy
import io
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from intake.pipeline import PipelineDeps
from intake.reading import process
from intake.routing.checks import CheckContext
from intake.routing.checks.corrections import check_corrections
from intake.routing.checks.coverage import check_lines_read
from intake.routing.checks.quantity_total import check_quantity_total
from matchers import CatalogIndex
from models import OrderStatus, ProcessResult, Provenance, RawMessage, RoutingMode, Settings
from tests.factories.pipeline import PRODUCTS, make_line, make_matched_order, make_parsed
from tests.paths import FIXTURES


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(FIXTURES.parent / "ref")


def mail(body: str, *, attachment: tuple[bytes, str, str] | None = None) -> bytes:
    message = EmailMessage()
    message["From"] = "Paul Martin <achats@martin-btp.fr>"
    message["To"] = "commandes@garonne-pro.fr"
    message["Subject"] = "Commande BC-5521"
    message["Date"] = "Tue, 17 Nov 2026 09:12:00 +0100"
    message["Message-ID"] = "<bc5521@martin-btp.fr>"
    message.set_content(body)
    if attachment:
        data, name, subtype = attachment
        maintype, _, sub = subtype.partition("/")
        message.add_attachment(data, maintype=maintype, subtype=sub, filename=name)
    return message.as_bytes()


def run(data: bytes, index: CatalogIndex) -> ProcessResult:
    settings = Settings(new_customer_orders=0, routing_mode=RoutingMode.AUTOMATIC)
    return process(RawMessage(data=data), PipelineDeps(index=index, settings=settings))


def codes(result: ProcessResult) -> set[str]:
    return {r.code for order in result.orders for r in order.decision.reasons}


CORRECTED = {
    "a new count and a removal in a P.S.-like sentence": (
        "Bonjour,\n\nCommande BC-5521 :\n- 10 x VIS-440-200\n- 5 boîtes GAN-NIT-T9\n- 2 x VIS-540-200\n\n"
        "Finalement mettez 8 boîtes de gants au lieu de 5, et enlevez les vis 5x40.\n\nPaul Martin\n"
    ),
    "'et non'": (
        "Hello,\n\nCommande BC-5521\n12 x VIS-440-200\n4 x GAN-NIT-T8\n\nPardon, 14 et non 12 pour les vis.\n\nPaul\n"
    ),
    "an English change of mind": (
        "Hi,\n\nPO BC-5521\n10 x VIS-440-200\n6 x GAN-NIT-T9\n\nSorry, I meant 20 of the screws instead of 10.\n\nPaul\n"
    ),
    "an article on a condition, another in its place": (
        "Bonjour,\n\nCommande BC-5521 :\n- 10 x VIS-440-200\n- 5 boîtes GAN-NIT-T9 (sinon 5 boîtes GAN-NIT-T8)\n\nPaul\n"
    ),
    "a buyer dropping a line of the list below": (
        "Hi,\n\nPlease supply the list below under PO BC-5521. Drop the gloves, we have some in the store.\n\n"
        "10 x VIS-440-200\n6 x GAN-NIT-T9\n\nPaul\n"
    ),
    "an English alternative": (
        "Hi,\n\nPO BC-5521\n10 x VIS-440-200\n6 x GAN-NIT-T9, otherwise 6 of the size 8\n\nPaul\n"
    ),
}


@pytest.mark.parametrize("body", CORRECTED.values(), ids=CORRECTED.keys())
def test_an_order_that_corrects_itself_is_held_unless_read_as_corrected(body, index):
    result = run(mail(body), index)
    [order] = result.orders
    assert order.decision.status == OrderStatus.REVIEW
    assert "order_corrected" in codes(result)


def test_a_correction_the_lines_show_applied_lets_the_order_through():
    text = "4 x VIS-440-200\n10 x CIM-25\nmettez 6 vis 4x40 au lieu de 4"
    parsed = make_parsed(text=text)
    applied = make_matched_order(
        [make_line("VIS-440-200", "6"), make_line("CIM-25", "10", number=2, description="ciment 25 kg")]
    )
    kept = make_matched_order()  # the vis line still at 4
    assert check_corrections(CheckContext(parsed=parsed, matched=applied)) == []
    [reason] = check_corrections(CheckContext(parsed=parsed, matched=kept))
    assert reason.code == "order_corrected" and "au lieu de 4" in reason.quoted


def test_a_removal_is_applied_only_when_no_line_names_what_was_taken_out():
    text = "4 x VIS-440-200\n10 x CIM-25\nenlevez le ciment, merci"
    parsed = make_parsed(text=text)
    without = make_matched_order([make_line("VIS-440-200", "4")])
    assert check_corrections(CheckContext(parsed=parsed, matched=without)) == []
    assert [r.code for r in check_corrections(CheckContext(parsed=parsed, matched=make_matched_order()))] == [
        "order_corrected"
    ]


def test_a_removal_beside_a_new_count_is_applied_only_when_its_line_is_gone():
    text = "4 x VIS-440-200\n10 x CIM-25\nmettez 6 vis 4x40 au lieu de 4, et enlevez le ciment"
    parsed = make_parsed(text=text)
    both = make_matched_order([make_line("VIS-440-200", "6")])
    count_only = make_matched_order(
        [make_line("VIS-440-200", "6"), make_line("CIM-25", "10", number=2, description="ciment 25 kg")]
    )
    assert check_corrections(CheckContext(parsed=parsed, matched=both)) == []
    assert [r.code for r in check_corrections(CheckContext(parsed=parsed, matched=count_only))] == [
        "order_corrected"
    ]


@pytest.mark.parametrize(
    ("description", "said", "measure"),
    [
        ("cleaning fluid 500 ml bottles", "6 of the 500 ml bottles, not 4", "500"),
        ("rouleaux câble HO7 50 m", "mettez 6 des rouleaux de 50 m et non 4", "50"),
    ],
    ids=["ml-en", "m-fr"],
)
def test_a_count_before_a_measure_is_the_one_that_must_be_applied(description, said, measure):
    """The measure written between the new count and the old one is neither of them."""
    parsed = make_parsed(text=f"4 x {description}\n10 x CIM-25\n{said}")
    other = make_line("CIM-25", "10", number=2, description="ciment 25 kg")

    def reasons(count: str) -> list[str]:
        matched = make_matched_order([make_line("VIS-440-200", count, description=description), other])
        return [r.code for r in check_corrections(CheckContext(parsed=parsed, matched=matched))]

    assert reasons("6") == []
    assert reasons(measure) == reasons("4") == ["order_corrected"]


def test_a_price_after_au_lieu_de_is_no_correction_of_the_lines():
    parsed = make_parsed(text="4 x VIS-440-200 à 5,91 € au lieu de 6,20 € comme convenu\n10 x CIM-25")
    assert check_corrections(CheckContext(parsed=parsed, matched=make_matched_order())) == []


def test_a_row_commented_cancelled_in_a_sheet_holds_the_order(index):
    sheet = "Réf.;Désignation;Qté;Commentaire\nVIS-440-200;Vis inox 4x40;10;\nGAN-NIT-T9;Gants nitrile T9;5;annulé\n"
    result = run(
        mail(
            "Bonjour,\nCommande BC-5521 ci-jointe.\nPaul", attachment=(sheet.encode(), "bc.csv", "text/csv")
        ),
        index,
    )
    [order] = result.orders
    ordered = {line.sku for line in order.matched.lines}
    # Read without the cancelled row, or held: the cancelled article never reaches the clean table.
    assert "GAN-NIT-T9" not in ordered or order.decision.status == OrderStatus.REVIEW
    assert "GAN-NIT-T9" not in ordered or "order_corrected" in codes(result)


def test_a_line_in_the_body_beside_an_attached_order_must_be_read(index):
    sheet = "Réf.;Désignation;Qté\nVIS-440-200;Vis inox 4x40;10\nVIS-540-200;Vis inox 5x40;4\n"
    body = "Bonjour,\nVoici notre bon BC-5521, et en plus 3 boîtes de gants nitrile taille 9, pas sur le bon.\nPaul"
    result = run(mail(body, attachment=(sheet.encode(), "bc.csv", "text/csv")), index)
    [order] = result.orders
    lines = {line.sku for line in order.matched.lines}
    assert "GAN-NIT-T9" in lines or "line_unread" in codes(result)
    assert order.decision.status == OrderStatus.REVIEW or "GAN-NIT-T9" in lines


def test_the_body_that_only_announces_an_attached_order_holds_nothing(index):
    sheet = "Réf.;Désignation;Qté\nVIS-440-200;Vis inox 4x40;10\nVIS-540-200;Vis inox 5x40;4\n"
    body = "Bonjour,\nCi-joint nos deux bons de commande BC-5521 (2 pages).\nPaul"
    result = run(mail(body, attachment=(sheet.encode(), "bc.csv", "text/csv")), index)
    [order] = result.orders
    parsed, matched = result.parsed, order.matched
    assert check_lines_read(CheckContext(parsed=parsed, matched=matched, products=dict(index.products))) == []


def grid_pdf(total: int) -> bytes:
    """A customer's PDF: a size grid above the line table, and a printed count of the boxes."""
    out = io.BytesIO()
    pdf = Canvas(out, pagesize=A4)
    pdf.setFont("Helvetica", 10)
    rows = [
        (780, "Martin BTP - 12 rue des Forges, 33700 Mérignac"),
        (760, "Bon de commande BC-5521 - 17/11/2026"),
        (730, "Gants nitrile (boîtes par taille) :   T7  T8  T9  T10"),
        (715, "Gants nitrile boîte de 100              2   3   4   1"),
        (690, "Réf.            Désignation                         Qté"),
        (675, "VIS-440-200     Vis inox A2 4x40 boîte de 200        10"),
        (660, "VIS-540-200     Vis inox A2 5x40 boîte de 200        4"),
        (630, f"Total : {total} boîtes"),
    ]
    for y, text in rows:
        pdf.drawString(60, y, text)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def test_a_printed_count_the_lines_do_not_reach_holds_the_order(index):
    result = run(
        mail("Bonjour,\nCommande en PJ.\nPaul", attachment=(grid_pdf(24), "BC-5521.pdf", "application/pdf")),
        index,
    )
    [order] = result.orders
    read = sum(line.quantity or 0 for line in order.matched.lines)
    if read != 24:
        assert order.decision.status == OrderStatus.REVIEW
        assert {"quantity_total_mismatch", "line_unread"} & codes(result)


def test_the_quantity_total_compares_the_lines_in_the_unit_it_counts():
    parsed = make_parsed(text="4 x VIS-440-200\n10 x CIM-25\nTotal : 4 boîtes")
    lines = [make_line("VIS-440-200", "4", unit="boite"), make_line("CIM-25", "10", number=2, unit="sac")]
    ctx = CheckContext(parsed=parsed, matched=make_matched_order(lines))
    assert check_quantity_total(ctx) == []
    wrong = CheckContext(
        parsed=make_parsed(text="4 x VIS-440-200\n10 x CIM-25\nTotal : 16 articles"),
        matched=make_matched_order(lines),
    )
    [reason] = check_quantity_total(wrong)
    assert reason.code == "quantity_total_mismatch" and "16" in reason.message and "14" in reason.message


@pytest.mark.parametrize(
    ("said", "held"),
    [("soit 14 articles en tout", False), ("soit 16 articles en tout", True), ("so 16 items in all", True)],
    ids=["adds-up-fr", "short-fr", "short-en"],
)
def test_a_count_said_in_words_at_the_end_is_a_quantity_total(said: str, held: bool):
    lines = [make_line("VIS-440-200", "4", unit="boite"), make_line("CIM-25", "10", number=2, unit="sac")]
    ctx = CheckContext(
        parsed=make_parsed(text=f"4 x VIS-440-200, 10 x CIM-25, {said}."), matched=make_matched_order(lines)
    )
    assert bool(check_quantity_total(ctx)) == held


def test_a_count_of_the_attached_files_is_no_order_line(index):
    body = "Bonjour,\nCommande BC-5521 en 2 fichiers (vis et chevilles), c'est une seule commande.\nPaul"
    first = "Réf.;Désignation;Qté\nVIS-440-200;Vis inox 4x40;10\n"
    message = email.message_from_bytes(
        mail(body, attachment=(first.encode(), "BC-5521_vis.csv", "text/csv")), policy=email.policy.default
    )
    second = "Réf.;Désignation;Qté\nCHV-M860;Chevilles M8x60;3\n"
    message.add_attachment(second.encode(), maintype="text", subtype="csv", filename="BC-5521_chevilles.csv")
    result = run(message.as_bytes(), index)
    [order] = result.orders
    assert [(line.sku, line.quantity) for line in order.matched.lines] == [
        ("VIS-440-200", 10),
        ("CHV-M860", 3),
    ]
    ctx = CheckContext(parsed=result.parsed, matched=order.matched, products=dict(index.products))
    assert check_lines_read(ctx) == []


def test_a_count_added_to_an_article_read_as_a_second_line_holds_the_order():
    text = "4 x VIS-440-200\n10 x CIM-25\nLe chef a appelé : 2 sacs de ciment de plus, merci"
    parsed = make_parsed(text=text)
    summed = make_matched_order(
        [make_line("VIS-440-200", "4"), make_line("CIM-25", "12", number=2, description="ciment 25 kg")]
    )
    twice = make_matched_order(
        [
            make_line("VIS-440-200", "4"),
            make_line("CIM-25", "10", number=2, description="ciment 25 kg"),
            make_line("CIM-25", "2", number=3, description="sacs de ciment de plus"),
        ]
    )
    assert check_corrections(CheckContext(parsed=parsed, matched=summed)) == []
    [reason] = check_corrections(CheckContext(parsed=parsed, matched=twice))
    assert reason.code == "order_corrected" and "de plus" in reason.quoted


@pytest.mark.parametrize(
    "said",
    ["please add 2 more bags of the cement", "and another 2 bags of cement", "encore 2 sacs de ciment"],
    ids=["more", "another", "encore"],
)
def test_an_added_count_read_on_its_own_line_beside_the_same_article_is_held(said: str):
    parsed = make_parsed(text=f"4 x VIS-440-200\n10 x CIM-25\n{said}")
    twice = make_matched_order(
        [
            make_line("CIM-25", "10", description="ciment 25 kg"),
            make_line("CIM-25", "2", number=2, description="cement"),
        ]
    )
    assert [r.code for r in check_corrections(CheckContext(parsed=parsed, matched=twice))] == [
        "order_corrected"
    ]


def test_an_article_added_in_the_sentence_of_a_correction_is_looked_at_as_any_line():
    said = "Le chef a appelé : les vis c'est 6 boîtes et pas 4, et il ajoute 3 sacs de ciment gris 25 kg."
    text = f"{said}\n\n4 x VIS-440-200\n"
    count = said.index("6 boîtes")
    matched = make_matched_order([make_line("VIS-440-200", "6", span=(count, count + 1))])
    matched.order.read_spans = [Provenance(part="body", span=(0, len(said)), rule="forward-override")]
    ctx = CheckContext(parsed=make_parsed(text=text), matched=matched, products=PRODUCTS)
    assert [r.code for r in check_lines_read(ctx) if "ciment" in (r.quoted or "")] == ["line_unread"]
    matched.order.read_spans = [Provenance(part="body", span=(0, len(said)), rule="request")]
    assert [r.code for r in check_lines_read(ctx) if "ciment" in (r.quoted or "")] == []
