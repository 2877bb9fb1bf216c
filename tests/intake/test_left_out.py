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
from intake.routing.checks import CheckContext
from intake.routing.checks.left_out import _patterns, check_left_out, exceptions_in, refused
from intake.routing.checks.pointed import check_quoted_order_left
from matchers import CatalogIndex
from models import MatchedOrder, ParsedMessage, ProcessResult, RawMessage, RoutingMode, Settings
from parsers.mail.mime import parse_message
from tests.factories.pipeline import PRODUCTS, make_line, make_matched_order, make_parsed, make_product
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
def test_a_middle_approver_leaving_an_article_out_is_never_accepted_with_it(
    approval: str, index: CatalogIndex
) -> None:
    result = run(mail("TR: TR: Besoins chantier Lormont", forward_chain(approval)), index)
    [order] = result.orders
    glasses = [line.line_no for line in order.record.lines if line.sku == "EPI-LUN-01"]
    held = {r.line_no for r in order.decision.reasons if r.code == "line_left_out"}
    # The reader may take the line out itself; if it keeps it, the check holds that very line.
    assert held == set(glasses)
    assert not glasses or order.record.status == "review"


def test_an_exception_naming_nothing_read_lets_the_order_through(index: CatalogIndex) -> None:
    approval = "OK pour tout, livraison tous les jours sauf le lundi."
    result = run(mail("TR: TR: Besoins chantier Lormont", forward_chain(approval)), index)
    assert "line_left_out" not in codes(result)


def test_a_designation_with_sans_is_no_exception() -> None:
    found = list(exceptions_in("2 x bottes sans les renforts\n", "body"))
    assert found and not found[0].named_first  # the line's own words: the check skips it where it is read


@pytest.mark.parametrize(
    "row",
    [
        "Les robinets d'arrêt, on laisse tomber pour cette fois.",
        "the toner cartridges: not needed, thanks",
        "Ramettes A4 x 10, pas besoin des enveloppes kraft",
        "OK for all lines except the pipettes, and no more gloves",
        "Merci de livrer sans les étiquettes, mais pas de feutres.",
        "Thanks, same as last week.",
    ],
    ids=["fr-after", "en-after", "fr-stationery", "en-lab", "fr-sans", "no-exception"],
)
def test_the_sieved_phrases_find_what_every_phrase_finds(row: str) -> None:
    before, after, _ = _patterns()
    found = [
        (m.group("what"), m.group(0)) for group in (before, after) for p in group for m in p.finditer(row)
    ]
    assert [(e.what, e.said) for e in exceptions_in(row, "body")] == found


def test_a_bare_refusal_under_a_quoted_line_leaves_that_line_out() -> None:
    answers = [("> 6 casques de chantier blancs ?", "non, on laisse tomber"), ("> 10 boîtes de vis", "ok")]
    assert [r.what for r in refused(answers)] == ["> 6 casques de chantier blancs ?"]


QUOTED_ORDER = (
    "Le lun. 2 nov. 2026 à 10:05, Paul Martin <achats@martin-btp.fr> a écrit :\n"
    "> Bonjour,\n>\n> Commande BC-5400 :\n> 10 x VIS-440-200\n> 5 x GAN-NIT-T10\n> 4 x CIM-25\n>\n> Paul\n"
)


def reply(own: str) -> ParsedMessage:
    parsed = make_parsed(text=own)
    return parsed.model_copy(update={"quoted": QUOTED_ORDER, "subject": "Re: Commande BC-5400"})


def only_the_new_line() -> MatchedOrder:
    return make_matched_order([make_line("VIS-440-500", "2", description="vis 4x40 boîte de 500")])


@pytest.mark.parametrize(
    "own",
    [
        "Bonjour,\n\nLes mêmes vis et gants que ci-dessous, plus 2 boîtes de vis 4x40 de 500. Bon BC-5521.\n\nPaul",
        "Hello,\n\nCould we have the screws and gloves as below again, plus 2 boxes of 500? PO BC-5521.\n\nPaul",
        "Bonjour,\n\nReprenez la commande ci-dessous, et ajoutez 2 boîtes de vis 4x40 de 500.\n\nPaul",
    ],
)
def test_a_reply_pointing_back_holds_when_none_of_the_quoted_lines_was_read(own: str) -> None:
    ctx = CheckContext(parsed=reply(own), matched=only_the_new_line(), products=PRODUCTS)
    [reason] = check_quoted_order_left(ctx)
    assert reason.code == "quoted_order_left" and "GAN-NIT-T10" in reason.message


def test_a_reply_pointing_at_nothing_is_not_held_for_it() -> None:
    own = "Bonjour,\n\nNouvelle commande BC-5521 : 2 boîtes de vis 4x40 de 500.\n\nMerci encore,\nPaul"
    ctx = CheckContext(parsed=reply(own), matched=only_the_new_line(), products=PRODUCTS)
    assert check_quoted_order_left(ctx) == []


def test_a_reply_that_writes_most_quoted_lines_again_restates_the_order() -> None:
    own = "Même chose que la dernière fois, sans le ciment :\n10 x VIS-440-200\n5 x GAN-NIT-T10\n"
    lines = [
        make_line("VIS-440-200", "10", description="VIS-440-200"),
        make_line("GAN-NIT-T10", "5", number=2, description="GAN-NIT-T10"),
    ]
    ctx = CheckContext(parsed=reply(own), matched=make_matched_order(lines), products=PRODUCTS)
    assert check_quoted_order_left(ctx) == []


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
    # The reader may take the refused line out itself; if it keeps it, only that line is held for it.
    assert held == ({lines["CHV-M860"]} if "CHV-M860" in lines else set())
    assert {"VIS-440-200", "EPI-CAS-01"} <= set(lines)


def approved(approval: str) -> ParsedMessage:
    text = forward_chain(approval).replace("4 x EPI-LUN-01\n", "5 x GAN-NIT-T10\n")
    return parse_message(mail("TR: TR: Besoins chantier Lormont", text))


LATEX = make_product("GAN-LTX-T10", "Gants latex taille 10 - boîte de 100")


@pytest.mark.parametrize(
    ("approval", "held"),
    [
        ("Validé, mais pas les gants cette fois.", True),
        ("OK except the gloves, we have plenty.", True),
        ("Fine. No latex gloves though, the nitrile ones only.", False),  # another article of the catalogue
        ("OK pour tout, livraison sauf le lundi.", False),
    ],
)
def test_the_line_of_the_article_left_out_is_held(approval: str, held: bool) -> None:
    lines = [
        make_line("VIS-440-200", "10", description="VIS-440-200"),
        make_line("GAN-NIT-T10", "5", number=2, description="GAN-NIT-T10"),
    ]
    products = {**PRODUCTS, LATEX.sku: LATEX}
    ctx = CheckContext(parsed=approved(approval), matched=make_matched_order(lines), products=products)
    assert [r.line_no for r in check_left_out(ctx)] == ([2] if held else [])


def test_a_short_answer_above_a_quoted_list_holds_without_words_pointing_back() -> None:
    own = "Bonjour,\n\nOK pour nous, et 2 boîtes de vis 4x40 de 500 en plus.\n\nPaul"
    ctx = CheckContext(parsed=reply(own), matched=only_the_new_line(), products=PRODUCTS)
    [reason] = check_quoted_order_left(ctx)
    assert reason.code == "quoted_order_left" and "short answer" in reason.message


def test_an_order_of_its_own_written_in_a_reply_is_not_held_for_the_quoted_list() -> None:
    own = (
        "Bonjour,\n\nNouvelle commande BC-5530 pour le chantier de Cenon :\n- 2 boîtes de vis 4x40 de 500\n\n"
        "Livraison jeudi matin au quai 2, appelez le chef de chantier en arrivant.\n\nPaul"
    )
    ctx = CheckContext(parsed=reply(own), matched=only_the_new_line(), products=PRODUCTS)
    assert check_quoted_order_left(ctx) == []


# Our questions about the customer's order, quoted above it: the short answer picks what the
# questions offered ('boîte de 200 ou de 500 ?'), and the order's lines are two levels down.
QUESTIONS_OVER_ORDER = (
    "Le lun. 2 nov. 2026 à 14:20, Garonne Pro <commandes@garonne-pro.fr> a écrit :\n"
    "> Bonjour Paul,\n>\n> Avant de saisir la commande BC-5400, deux questions :\n"
    "> - les vis 4x40 : boîte de 200 ou de 500 ?\n> - les gants nitrile : taille 9 ou 10 ?\n>\n"
    "> Le lun. 2 nov. 2026 à 10:05, Paul Martin <achats@martin-btp.fr> a écrit :\n"
    "> > Commande BC-5400 :\n> > 10 x vis agglo 4x40\n> > 5 x gants nitrile\n> > 4 x CIM-25\n"
)


@pytest.mark.parametrize(
    "own", ["Boîte de 500. Taille 10.\n\nPaul", "500, and size 10 please.\n\nPaul", "Les 500, T10.\n\nPaul"]
)
def test_a_short_answer_to_our_questions_holds_for_the_order_quoted_under_them(own: str) -> None:
    parsed = make_parsed(text=own).model_copy(
        update={"quoted": QUESTIONS_OVER_ORDER, "subject": "Re: BC-5400"}
    )
    ctx = CheckContext(parsed=parsed, matched=only_the_new_line(), products=PRODUCTS)
    [reason] = check_quoted_order_left(ctx)
    assert reason.code == "quoted_order_left" and "short answer" in reason.message


def test_a_short_answer_read_with_every_line_of_the_order_under_our_questions_is_not_held() -> None:
    lines = [
        make_line("VIS-440-500", "10", description="vis agglo 4x40"),
        make_line("GAN-NIT-T10", "5", number=2, description="gants nitrile"),
        make_line("CIM-25", "4", number=3, description="CIM-25"),
    ]
    parsed = make_parsed(text="Boîte de 500. Taille 10.\n\nPaul").model_copy(
        update={"quoted": QUESTIONS_OVER_ORDER, "subject": "Re: BC-5400"}
    )
    ctx = CheckContext(parsed=parsed, matched=make_matched_order(lines), products=PRODUCTS)
    assert check_quoted_order_left(ctx) == []


def test_a_short_answer_to_questions_over_no_order_is_not_held() -> None:
    questions = QUESTIONS_OVER_ORDER.split("> Le lun.")[0]
    parsed = make_parsed(text="Boîte de 500, 2 boîtes.\n\nPaul").model_copy(
        update={"quoted": questions, "subject": "Re: vis"}
    )
    ctx = CheckContext(parsed=parsed, matched=only_the_new_line(), products=PRODUCTS)
    assert check_quoted_order_left(ctx) == []
