"""A PO written after a label and a short word that may be either a label or the number's first part."""

from __future__ import annotations

import pytest

from intake.routing.checks import CheckContext
from intake.routing.checks.po_prefix import check_po_prefix
from models import Extracted, Provenance, SourceRow
from tests.factories.pipeline import make_matched_order, make_parsed


def context(
    po: str,
    *,
    text: str = "",
    subject: str = "Commande",
    rows: list[str] | None = None,
    source: str = "email",
) -> CheckContext:
    matched = make_matched_order()
    where = Provenance(part="body", span=(0, len(po)), rule="po-labelled")
    order = matched.order.model_copy(
        update={
            "po_number": Extracted[str](value=po, provenance=where),
            "source": source,
            "rows": [SourceRow(text=row, region="header") for row in rows or []],
        }
    )
    parsed = make_parsed(text=text).model_copy(update={"subject": subject})
    return CheckContext(parsed=parsed, matched=matched.model_copy(update={"order": order}))


@pytest.mark.parametrize(
    ("text", "po"),
    [
        ("Bonjour,\nNotre bon de commande : BC 26-0733.\n10 x VIS-440-200\n", "26-0733"),
        ("Hello,\nPurchase order no. PO 88412 for the plumbing site.\n4 x CIM-25\n", "88412"),
        ("Bonjour,\nCommande CDE 4471-B, livraison lundi.\n", "4471-B"),
        ("Bonjour,\nNotre bon de commande : BC 26-0733.\n", "BC 26-0733"),
    ],
    ids=["dropped after a French label", "dropped after an English label", "after an order word", "kept"],
)
def test_a_short_word_between_a_label_and_the_number_holds_the_order(text, po):
    [reason] = check_po_prefix(context(po, text=text))
    assert reason.code == "po_prefix_ambiguous"
    assert "26-0733" in reason.message or "88412" in reason.message or "4471-B" in reason.message


@pytest.mark.parametrize(
    "rows",
    [
        ["SARL BATI-SUD", "BON DE COMMANDE", "BC 26-0918", "12/11/2026"],
        ["SARL BATI-SUD | BC 26-0918", "12/11/2026", "BON DE COMMANDE", "Réf. | Désignation | Qté"],
        ["SARL BATI-SUD | BON DE COMMANDE", "12 rue des Forges", "BC 26-0918", "Réf. | Désignation | Qté"],
    ],
    ids=["under the title", "in a cell of the head", "the title in a cell"],
)
def test_a_document_titled_as_an_order_with_a_prefixed_number_holds_the_order(rows):
    [reason] = check_po_prefix(context("26-0918", rows=rows, source="pdf"))
    assert reason.quoted == "BC 26-0918"


def test_a_prefixed_number_in_a_document_with_no_order_title_is_not_held():
    rows = ["SARL BATI-SUD | BC 26-0918", "12/11/2026", "Réf. | Désignation | Qté"]
    assert check_po_prefix(context("26-0918", rows=rows, source="pdf")) == []


@pytest.mark.parametrize(
    ("text", "subject", "po"),
    [
        ("Bonjour,\nveuillez trouver le bon de commande 2026-0415.\n", "BC 2026-0415", "2026-0415"),
        ("Bonjour,\nNotre bon de commande : BC-26-0733.\n", "Commande", "BC-26-0733"),
        ("Bonjour,\nNotre bon de commande : BC26-0733.\n", "Commande", "BC26-0733"),
        ("Bonjour,\nci-joint la commande.\n", "BC 2026-0415", "2026-0415"),
        ("Bonjour,\nNotre réf 4471 pour le chantier.\n", "Commande", "4471"),
        ("Bonjour,\nNotre bon de commande : BC 26-0733.\n", "Commande n° 26-0733", "26-0733"),
        ("Hello,\nOrder attached, order ref HB-2611-07 for the boiler room.\n", "Order", "HB-2611-07"),
    ],
    ids=[
        "written elsewhere without the word",
        "joined by a hyphen",
        "glued",
        "the word alone as the subject's label",
        "no label before the word",
        "the subject writes the bare number",
        "the word ends a label of several words",
    ],
)
def test_a_number_the_message_writes_one_way_is_not_held(text, subject, po):
    assert check_po_prefix(context(po, text=text, subject=subject)) == []
