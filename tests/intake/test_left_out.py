"""Threads whose later words leave an article out, or point back at the order quoted below.

A forward approved with an exception ('OK, sauf les lunettes'), a refusal under a quoted line,
a reply ordering 'the same as below again': the whole pipeline runs in automatic mode with no
first-orders hold, so only the checks hold them. Beside them, orders of the same shapes the
checks must let through: the exception names nothing read, the quoted lines are read.
"""

from __future__ import annotations

from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pytest

from intake.pipeline import PipelineDeps
from intake.reading import process
from intake.routing.checks.left_out import exceptions_in, refused
from matchers import CatalogIndex
from models import ProcessResult, RawMessage, RoutingMode, Settings
from tests.paths import FIXTURES


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(FIXTURES.parent / "ref")


def mail(subject: str, body: str, sender: str = "Paul Martin <achats@martin-btp.fr>") -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "commandes@garonne-pro.fr"
    message["Subject"] = subject
    message["Date"] = "Tue, 17 Nov 2026 09:12:00 +0100"
    message["Message-ID"] = "<left-out@martin-btp.fr>"
    message.set_content(body)
    return message.as_bytes()


def run(data: bytes, index: CatalogIndex) -> ProcessResult:
    settings = Settings(new_customer_orders=0, routing_mode=RoutingMode.AUTOMATIC)
    return process(RawMessage(data=data), PipelineDeps(index=index, settings=settings))


def codes(result: ProcessResult) -> set[str]:
    return {r.code for order in result.orders for r in order.decision.reasons}


SITE_LIST = (
    "Bonjour,\n\nPour le chantier Lormont il nous faut :\n10 x VIS-440-200\n4 x EPI-LUN-01\n2 x EPI-CAS-01\n\n"
    "Merci\nKevin\n"
)


def forward_chain(approval: str, po: str = "BC-5521") -> str:
    return (
        f"Bonjour,\n\nMerci de saisir la commande validée ci-dessous, bon de commande {po}.\n\n"
        "Cordialement,\nPaul Martin\nMartin BTP\n\n"
        "De : Conduite de travaux <travaux@martin-btp.fr>\nEnvoyé : lundi 16 novembre 2026 17:02\n"
        "À : Paul Martin <achats@martin-btp.fr>\nObjet : TR: Besoins chantier Lormont\n\n"
        f"{approval}\nS. Garcia\n\n"
        "De : Kevin Roux <k.roux@martin-btp.fr>\nEnvoyé : lundi 16 novembre 2026 08:40\n"
        "À : Conduite de travaux <travaux@martin-btp.fr>\nObjet : Besoins chantier Lormont\n\n" + SITE_LIST
    )


@pytest.mark.parametrize(
    "approval",
    [
        "OK, sauf les lunettes : ils en ont reçu la semaine dernière.",
        "Validé, mais pas les lunettes cette fois.",
        "Approved, apart from the safety glasses, they got some in October.",
        "Fine by me. No safety glasses though, we have a box left.",
    ],
)
def test_a_middle_approver_leaving_an_article_out_holds(approval: str, index: CatalogIndex) -> None:
    result = run(mail("TR: TR: Besoins chantier Lormont", forward_chain(approval)), index)
    assert result.orders and result.orders[0].record.status == "review"
    assert "line_left_out" in codes(result)


def test_an_exception_naming_nothing_read_lets_the_order_through(index: CatalogIndex) -> None:
    approval = "OK pour tout, livraison tous les jours sauf le lundi."
    result = run(mail("TR: TR: Besoins chantier Lormont", forward_chain(approval)), index)
    assert "line_left_out" not in codes(result)


def test_a_designation_with_sans_is_no_exception() -> None:
    found = list(exceptions_in("2 x bottes sans les renforts\n", "body"))
    assert found and not found[0].named_first  # the line's own words: the check skips it where it is read


def test_a_bare_refusal_under_a_quoted_line_leaves_that_line_out() -> None:
    answers = [("> 6 casques de chantier blancs ?", "non, on laisse tomber"), ("> 10 boîtes de vis", "ok")]
    assert [r.what for r in refused(answers)] == ["> 6 casques de chantier blancs ?"]


QUOTED_ORDER = (
    "\n\nLe lun. 2 nov. 2026 à 10:05, Paul Martin <achats@martin-btp.fr> a écrit :\n"
    "> Bonjour,\n>\n> Commande BC-5400 :\n> 10 x VIS-440-200\n> 5 x CHV-M860\n> 4 x EPI-LUN-01\n>\n> Paul\n"
)


@pytest.mark.parametrize(
    "own",
    [
        "Bonjour,\n\nLes mêmes vis et chevilles que ci-dessous, plus 2 x EPI-CAS-01. Notre bon BC-5521.\n\nPaul",
        "Hello,\n\nCould we have the same screws and plugs as below again, plus 2 x EPI-CAS-01? PO BC-5521.\n\nPaul",
    ],
)
def test_a_reply_pointing_at_the_quoted_order_holds_when_its_lines_are_not_read(
    own: str, index: CatalogIndex
) -> None:
    result = run(mail("Re: Commande BC-5400", own + QUOTED_ORDER), index)
    assert result.orders and result.orders[0].record.status == "review"
    assert "quoted_order_left" in codes(result)


def test_a_new_order_in_a_reply_that_points_at_nothing_is_not_held_for_it(index: CatalogIndex) -> None:
    own = "Bonjour,\n\nNouvelle commande BC-5521 : 2 x EPI-CAS-01 et 3 x SAC-GRAV-50.\n\nMerci encore,\nPaul"
    result = run(mail("Re: Commande BC-5400", own + QUOTED_ORDER), index)
    assert "quoted_order_left" not in codes(result)


def test_a_refused_quoted_line_names_its_own_code_only(index: CatalogIndex) -> None:
    own = (
        "Bonjour, réponses ci-dessous.\n\n"
        "Le lun. 16 nov. 2026 à 09:14, Garonne Pro <commandes@garonne-pro.fr> a écrit :\n"
        "> Avant d'expédier votre demande, pouvez-vous confirmer les quantités ?\n>\n"
        "> 10 x VIS-440-200\n\nok\n\n> 5 x CHV-M860\n\non laisse tomber, on a du stock\n\n"
        "Et ajoutez 2 x EPI-CAS-01. Bon de commande BC-5530.\n\nPaul\n"
    )
    result = run(mail("Re: votre demande", own), index)
    held = {r.line_no for order in result.orders for r in order.decision.reasons if r.code == "line_left_out"}
    lines = {line.sku: line.line_no for order in result.orders for line in order.record.lines}
    assert held == {lines["CHV-M860"]}
