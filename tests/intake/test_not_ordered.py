"""Articles a message names without ordering them hold the order; the order alone goes through.

A forwarder's words beside the forwarded order, a clause that recalls an earlier order or
counts goods received or held, a need not yet sure, a message announcing its order for later.
The whole pipeline runs on the hardware catalogue (fixtures/ref), in automatic mode with no
first-orders hold, so only the checks can hold them.
"""

from __future__ import annotations

from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pytest

from intake.pipeline import PipelineDeps
from intake.reading import process
from intake.routing.checks import CheckContext
from intake.routing.checks.forwarded import check_forwarder_names_articles
from intake.routing.checks.not_ordered import check_lines_spoken_of, check_order_to_come
from matchers import CatalogIndex
from models import OrderStatus, ProcessResult, RawMessage, RoutingMode, Settings
from tests.factories.pipeline import PRODUCTS, make_line, make_matched_order, make_parsed
from tests.paths import FIXTURES

ORIGINAL = (
    "Bonjour,\n\nCommande BC-7702 :\n- 10 x VIS-440-200\n- 4 x CHV-M860\n- 2 x GAN-NIT-T9\n\n"
    "Cordialement,\nPaul Martin\nMartin BTP\n"
)


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(FIXTURES.parent / "ref")


def mail(
    body: str, *, sender: str = "Paul Martin <p.martin@martin-btp.fr>", subject: str = "Commande"
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "Commandes <commandes@garonne-pro.fr>"
    message["Subject"] = subject
    message["Date"] = "Tue, 17 Nov 2026 09:12:00 +0100"
    message["Message-ID"] = "<not-ordered@example.fr>"
    message.set_content(body)
    return message.as_bytes()


def forward(note: str) -> bytes:
    body = (
        f"{note}\n\nLuc\n\n-------- Message transféré --------\nDe : Paul Martin <p.martin@martin-btp.fr>\n"
        f"Date : lun. 16 nov. 2026 17:02\nObjet : Commande BC-7702\nÀ : Luc <l.roy@garonne-pro.fr>\n\n{ORIGINAL}"
    )
    return mail(body, sender="Luc Roy <l.roy@garonne-pro.fr>", subject="TR: Commande BC-7702")


def run(data: bytes, index: CatalogIndex) -> ProcessResult:
    settings = Settings(new_customer_orders=0, routing_mode=RoutingMode.AUTOMATIC)
    return process(RawMessage(data=data), PipelineDeps(index=index, settings=settings))


def codes(result: ProcessResult) -> set[str]:
    return {r.code for order in result.orders for r in order.decision.reasons}


def test_a_line_read_from_the_forwarders_words_beside_the_forwarded_order_is_held(index):
    result = run(forward("Pour saisie svp. Il m'a rappelé : ajoutez 3 boîtes de VIS-540-200."), index)
    [order] = result.orders
    assert order.decision.status == OrderStatus.REVIEW
    assert "line_from_forwarder" in codes(result)


def test_a_forward_whose_lines_all_come_from_the_original_is_not_held_for_it(index):
    result = run(forward("Pour saisie svp, livraison jeudi au dépôt."), index)
    assert not {"line_from_forwarder", "forwarder_names_articles"} & codes(result)


def test_a_forwarders_change_in_words_no_check_reads_holds_the_order(index):
    result = run(forward("Pour saisie. Il m'a rappelé : il veut 6 boîtes de gants nitrile taille 9."), index)
    [order] = result.orders
    assert order.decision.status == OrderStatus.REVIEW
    assert {"line_from_forwarder", "forwarder_names_articles"} & codes(result)


# (the body, the article it names without ordering it)
SPOKEN_OF = {
    "an earlier order recalled": (
        "Commande BC-7703 :\n- 10 x VIS-440-200\n\n"
        "La semaine dernière nous avions pris 5 x CHV-M860, elles sont très bien.",
        "CHV-M860",
    ),
    "goods returned beside the order": (
        "PO BC-7703:\n10 x VIS-440-200\n\nWe are also returning 2 x GAN-NIT-T8.",
        "GAN-NIT-T8",
    ),
    "a sample asked beside the order": (
        "Commande BC-7703 :\n- 10 x VIS-440-200\n\nPourriez-vous aussi nous envoyer 1 boîte de CHV-M880 en échantillon ?",
        "CHV-M880",
    ),
    "a need not yet sure": (
        "PO BC-7703:\n10 x VIS-440-200\n\nNext month we will probably need 20 x CHV-M880.",
        "CHV-M880",
    ),
}


@pytest.mark.parametrize(("body", "named"), SPOKEN_OF.values(), ids=SPOKEN_OF.keys())
def test_an_article_named_without_being_ordered_never_reaches_the_clean_table(body, named, index):
    result = run(mail(f"Bonjour,\n\n{body}\n\nPaul Martin\n"), index)
    for order in result.orders:
        if order.decision.status == OrderStatus.ACCEPTED:
            assert named not in {line.sku for line in order.record.lines}


@pytest.mark.parametrize(("body", "named"), SPOKEN_OF.values(), ids=SPOKEN_OF.keys())
def test_a_line_read_from_words_that_do_not_order_is_held(body, named):
    text = f"Bonjour,\n\n{body}\n\nPaul Martin\n"
    at = text.index(named)
    ordered = text.index("VIS-440-200")
    matched = make_matched_order(
        [
            make_line("VIS-440-200", "10", span=(ordered, ordered + 11)),
            make_line(named, "5", number=2, description=named, span=(at, at + len(named))),
        ]
    )
    reasons = check_lines_spoken_of(CheckContext(parsed=make_parsed(text=text), matched=matched))
    assert [(r.code, r.line_no) for r in reasons] == [("line_spoken_of", 2)]


def test_an_order_written_plainly_is_not_held_as_spoken_of(index):
    result = run(
        mail("Bonjour,\n\nCommande BC-7704 :\n- 10 x VIS-440-200\n- 4 x CHV-M860\n\nPaul Martin\n"), index
    )
    assert "line_spoken_of" not in codes(result)
    assert "order_to_come" not in codes(result)


ANNOUNCED = [
    "Nous vous enverrons la commande en janvier, voici nos besoins pour information :",
    "We will place our order in January; for information, our needs for the first quarter:",
    "Pour info seulement : commande déjà saisie hier par téléphone, ne pas ressaisir.",
]


@pytest.mark.parametrize("said", ANNOUNCED)
def test_a_message_announcing_its_order_for_later_is_never_accepted(said, index):
    result = run(mail(f"Bonjour,\n\n{said}\n- 10 x VIS-440-200\n- 4 x CHV-M860\n\nPaul Martin\n"), index)
    assert all(order.decision.status == OrderStatus.REVIEW for order in result.orders)


@pytest.mark.parametrize("said", ANNOUNCED)
def test_the_order_announced_for_later_is_read_from_the_sentence(said):
    parsed = make_parsed(text=f"Bonjour,\n\n{said}\n- 10 x VIS-440-200\n- 4 x CIM-25\n")
    [reason] = check_order_to_come(CheckContext(parsed=parsed, matched=make_matched_order()))
    assert reason.code == "order_to_come" and reason.provenance is not None


@pytest.mark.parametrize(
    ("heading", "held"),
    [
        ("Votre chauffeur nous a livré ce matin :", True),
        ("Your driver delivered today:", True),
        ("Nous avons bien reçu votre devis, voici notre commande :", False),
        ("Please deliver on Friday:", False),
    ],
)
def test_a_list_is_read_under_its_heading(heading, held):
    text = f"Bonjour,\n{heading}\n- 10 x VIS-440-200\n- 4 x CIM-25\nMerci\n"
    first, second = text.index("VIS-440-200"), text.index("CIM-25")
    matched = make_matched_order(
        [
            make_line("VIS-440-200", "10", span=(first, first + 11)),
            make_line("CIM-25", "4", number=2, description="ciment 25 kg", span=(second, second + 6)),
        ]
    )
    reasons = check_lines_spoken_of(CheckContext(parsed=make_parsed(text=text), matched=matched))
    assert [r.line_no for r in reasons] == ([1, 2] if held else [])


@pytest.mark.parametrize(
    ("note", "held"),
    [
        ("Il m'a rappelé : il veut aussi du ciment gris, à voir avec lui.", True),
        ("He called: the cement is for the other site, keep it.", False),
        ("Il m'a rappelé : 12 vis au lieu de 10.", False),
        ("Pour saisie, livraison jeudi au dépôt.", False),
    ],
)
def test_a_forwarders_words_naming_an_article_hold_the_order_read_from_the_original(note, held):
    text = f"{note}\n\nLuc\n\n-------- Message transféré --------\nObjet : Commande\n\n10 x VIS-440-200\n4 x CIM-25\n"
    first, second = text.index("VIS-440-200"), text.index("CIM-25")
    matched = make_matched_order(
        [
            make_line("VIS-440-200", "10", span=(first, first + 11)),
            make_line("CIM-25", "4", number=2, description="ciment 25 kg", span=(second, second + 6)),
        ]
    )
    ctx = CheckContext(parsed=make_parsed(text=text), matched=matched, products=PRODUCTS)
    assert [r.code for r in check_forwarder_names_articles(ctx)] == (
        ["forwarder_names_articles"] if held else []
    )
