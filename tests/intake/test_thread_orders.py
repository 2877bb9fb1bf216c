"""Replies that order the quoted quote or earlier order, changed by the reply's words
(plumbing catalogue: French designations, the customer writing French or English)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from intake.followups import read_against_thread, read_thread
from intake.followups.thread import CHANGED_BY_REPLY
from matchers import CatalogIndex
from models import ExtractedOrder, ParsedMessage
from parsers import extract_orders
from parsers.text.reader import extract_from_text
from parsers.text.thread import points_to_thread, takes_the_thread_as_is
from tests.factories.pipeline import make_parsed

REF = Path(__file__).parents[2] / "fixtures" / "followups" / "ref"
FIXTURES_REF = Path(__file__).parents[2] / "fixtures" / "ref"

EARLIER_FR = (
    "Le ven. 13 nov. 2026 à 10:02, Service commandes <commandes@garonne-pro.fr> a écrit :\n"
    "> Bonjour,\n> Nous confirmons votre commande :\n"
    "> - PLB-37699 Vanne à sphère laiton FF 3/4 : 4\n"
    "> - PLB-23554 Coude 90° laiton FF 3/4 : 10\n"
    "> - PLB-37498 Ruban PTFE 19 mm x 15 m : 6\n"
    "> Cordialement,\n> Le service commandes\n"
)
QUOTE_EN = (
    "-----Original Message-----\nFrom: Sales <commandes@garonne-pro.fr>\nSent: Monday, November 30, 2026 4:12 PM\n"
    "To: buying@coastline-reno.com\nSubject: Quotation Q26-0417\n\n"
    "Please find our quotation below:\n"
    "1. PLB-34771 Circulator 25-40 - 2\n2. PLB-37699 Ball valve 3/4 - 10\n3. PLB-37498 PTFE tape - 12\n"
    "Best regards,\nSales team\n"
)


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(REF)


def _reply(text: str, quoted: str) -> ParsedMessage:
    parsed = make_parsed(text=text)
    return parsed.model_copy(update={"quoted": quoted, "subject": "RE: commande"})


def _read(parsed: ParsedMessage, index: CatalogIndex) -> ExtractedOrder:
    return read_against_thread(parsed, extract_from_text(parsed, codes=index), index)


def _lines(order: ExtractedOrder, index: CatalogIndex) -> list[tuple[str, int]]:
    out = []
    for line in order.lines:
        code = line.code.value if line.code else ""
        sku = index.refs_by_code.get((None, code), (None, code))[1] if code not in index.products else code
        out.append((sku, int(line.quantity.value) if line.quantity else 0))
    return out


@pytest.mark.parametrize(
    ("said", "quoted", "lines"),
    [
        (
            "Comme la dernière fois, sauf le ruban.",
            EARLIER_FR,
            [("PLB-37699", 4), ("PLB-23554", 10)],
        ),
        (
            "Même commande que le mois dernier mais 8 au lieu de 4 pour les vannes.",
            EARLIER_FR,
            [("PLB-37699", 8), ("PLB-23554", 10), ("PLB-37498", 6)],
        ),
        (
            "Same as last time please, except item 2, make it 30.",
            EARLIER_FR,
            [("PLB-37699", 4), ("PLB-23554", 30), ("PLB-37498", 6)],
        ),
        (
            "We accept your quotation but 4 of the circulators instead of 2.",
            QUOTE_EN,
            [("PLB-34771", 4), ("PLB-37699", 10), ("PLB-37498", 12)],
        ),
        (
            "Bon pour accord sur votre devis sauf la ligne 3.",
            QUOTE_EN,
            [("PLB-34771", 2), ("PLB-37699", 10)],
        ),
        (
            "Please proceed with these changes:\n1) no circulators, we have one in stock\n"
            "2) ball valves: 12 instead of 10",
            QUOTE_EN,
            [("PLB-37699", 12), ("PLB-37498", 12)],
        ),
        (
            "We accept your quotation, and add 3 PLB-23554 elbows, our stock number 77120345.",
            QUOTE_EN,
            [("PLB-34771", 2), ("PLB-37699", 10), ("PLB-37498", 12), ("PLB-23554", 3)],
        ),
    ],
    ids=[
        "same-except-fr",
        "same-instead-fr",
        "same-item-en",
        "quote-instead-en",
        "quote-except-line-fr",
        "quote-numbered-changes-en",
        "added-article-named-again-en",
    ],
)
def test_the_quoted_lines_changed_by_the_reply_are_the_order(
    said: str, quoted: str, lines: list[tuple[str, int]], index: CatalogIndex
) -> None:
    order = _read(_reply(f"Bonjour,\n\n{said}\n", quoted), index)
    assert _lines(order, index) == lines
    # Read for sure, and still confirmed by a clerk: the reply might change an order already placed.
    assert order.doubts == [CHANGED_BY_REPLY]
    assert order.read_spans, "the sentence asking the change is read as a request"


@pytest.mark.parametrize(
    "said",
    [
        "Pourriez-vous nous renvoyer les mêmes vannes et coudes que ci-dessous (pas le ruban cette fois) ?",
        "Could we get the same valves and elbows as below again (not the PTFE tape this time)?",
    ],
    ids=["memes-que-ci-dessous-fr", "same-as-below-en"],
)
def test_articles_of_the_quoted_order_named_again_order_them_again(said: str, index: CatalogIndex) -> None:
    parsed = _reply(f"Bonjour,\n\n{said}\n", EARLIER_FR)
    assert points_to_thread(parsed.text, parsed.quoted) is not None
    assert _lines(_read(parsed, index), index) == [("PLB-37699", 4), ("PLB-23554", 10)]


def test_a_line_left_out_by_its_number_in_brackets_is_taken_out(index: CatalogIndex) -> None:
    said = "Please proceed, but without the 3/4 valves (line 2), and make the tape 20 instead of 12."
    order = _read(_reply(f"Hello,\n\n{said}\n", QUOTE_EN), index)
    assert _lines(order, index) == [("PLB-34771", 2), ("PLB-37498", 20)]
    assert CHANGED_BY_REPLY in order.doubts


@pytest.mark.parametrize(
    "said",
    [
        "Comme la dernière fois, sauf les chaudières.",
        "Same as last time, but change the delivery address.",
        "Même commande que la dernière fois, ajoutez aussi des trucs.",
    ],
    ids=["removes-an-article-not-quoted", "changes-what-is-not-read", "adds-without-a-count"],
)
def test_a_change_not_read_for_sure_holds_the_order(said: str, index: CatalogIndex) -> None:
    order = _read(_reply(f"Bonjour,\n\n{said}\n", EARLIER_FR), index)
    assert set(order.doubts) - {CHANGED_BY_REPLY}, "a change not understood must go to a clerk"


def test_a_reply_listing_its_own_lines_is_read_as_written(index: CatalogIndex) -> None:
    said = "Même chose que la dernière fois mais avec moins de coudes :\n- PLB-37699 : 4\n- PLB-23554 : 5\n"
    order = _read(_reply(f"Bonjour,\n\n{said}", EARLIER_FR), index)
    assert [int(line.quantity.value) for line in order.lines if line.quantity] == [4, 5]
    assert order.doubts == []


def test_the_quoted_lines_are_never_read_without_a_pointer(index: CatalogIndex) -> None:
    order = _read(_reply("Bonjour,\n\nMerci, sauf erreur de notre part tout est livré.\n", EARLIER_FR), index)
    assert order.lines == []


@pytest.mark.parametrize(
    ("own", "as_is"),
    [
        ("Même commande que la dernière fois svp.", True),
        ("Same as last time please.", True),
        ("Repeat our last order, thanks.", True),
        ("OK for the quote, thanks.", True),
        ("Fine with your prices, please go ahead with everything below.", True),
        ("Reprenez ma commande du 4 novembre ci-dessous.", True),
        ("Same as our order of 14 October please.", True),
        ("Même commande que celle du 3 novembre, merci.", True),
        ("Same as our order of 14 October, but 6 pallets instead of 4.", False),
        ("OK for the quote except item 2, make it 30.", False),
        ("Comme la dernière fois, sauf les casques.", False),
        ("Merci pour votre réponse.", False),
    ],
    ids=[
        "same-fr",
        "same-en",
        "repeat-en",
        "ok-for-the-quote-en",
        "everything-below-en",
        "reprenez-ma-commande-fr",
        "same-as-the-order-of-a-day-en",
        "same-as-the-order-of-a-day-fr",
        "same-as-the-order-of-a-day-changed-en",
        "quote-but-changed-en",
        "same-but-changed",
        "no-pointer",
    ],
)
def test_the_thread_is_taken_as_it_stands_only_when_nothing_changes_it(own: str, as_is: bool) -> None:
    assert takes_the_thread_as_is(own, EARLIER_FR) is as_is
    assert (points_to_thread(own) is not None) is (own != "Merci pour votre réponse.")


def _answered(said: str, question: str, index: CatalogIndex) -> list[ExtractedOrder]:
    quoted = (
        "Le mar. 1 déc. 2026 à 16:20, Service commandes <commandes@garonne-pro.fr> a écrit :\n"
        + "\n".join(f"> {line}" for line in question.split("\n"))
    )
    parsed = _reply(f"{said}\n", quoted)
    return read_thread(parsed, extract_orders(parsed, codes=index), index)


COPPER = "Bonjour,\nLe tube cuivre Ø16x1 existe en barre de 4 m écroui ou en couronne de 25 m recuit.\nLequel voulez-vous ?"
VALVES = "Hello,\nThe PN25 ball valve with butterfly handle comes in 1/2 and 3/4.\nWhich one do you need?"


@pytest.mark.parametrize(
    ("said", "question", "line"),
    [
        ("Ok pour la couronne alors, mettez-en 3.", COPPER, ("PLB-10274", 3)),
        ("La barre, 12 pièces svp", COPPER, ("PLB-10537", 12)),
        ("Go for the 3/4 then, 6 please.", VALVES, ("PLB-37699", 6)),
    ],
    ids=["the-coil-fr", "the-bar-fr", "the-three-quarter-en"],
)
def test_a_short_answer_orders_the_option_it_names(
    said: str, question: str, line: tuple[str, int], index: CatalogIndex
) -> None:
    (order,) = _answered(said, question, index)
    assert [(ln.code.value if ln.code else None, int(ln.quantity.value)) for ln in order.lines] == [line]
    assert order.doubts == []


@pytest.mark.parametrize(
    ("said", "question", "line"),
    [
        (
            "Ok pour la couronne alors, mettez-en 3.",
            COPPER.replace("Lequel voulez-vous ?", "Dites-moi."),
            ("PLB-10274", 3),
        ),
        (
            "Go for the 3/4 then, 6 please.",
            VALVES.replace("Which one do you need?", "Let me know."),
            ("PLB-37699", 6),
        ),
    ],
    ids=["dites-moi-fr", "let-me-know-en"],
)
def test_an_offer_that_asks_to_choose_without_a_question_mark_is_answered(
    said: str, question: str, line: tuple[str, int], index: CatalogIndex
) -> None:
    (order,) = _answered(said, question, index)
    assert [(ln.code.value if ln.code else None, int(ln.quantity.value)) for ln in order.lines] == [line]
    assert order.doubts == []


@pytest.mark.parametrize(
    ("said", "question"),
    [
        (
            "ok pour la boîte de 200 alors, mettez-en 5",
            "Bonjour, les vis inox 4x40 en boîte de 500 sont épuisées ;\n"
            "nous avons la boîte de 200 (VIS-440-200). Voulez-vous la boîte de 200 ?",
        ),
        (
            "OK for the box of 200 then, 5 please.",
            "Hello, the 4x40 stainless screws in boxes of 500 are out of stock;\n"
            "we have the box of 200 (VIS-440-200). Would the box of 200 do?",
        ),
    ],
    ids=["fr", "en"],
)
def test_the_option_the_question_names_by_its_code_is_the_one_ordered(
    said: str, question: str, reference_index: Callable[[Path], CatalogIndex]
) -> None:
    # Every screw of the catalogue sold by 200 carries the option's '200': the code written decides.
    (order,) = _answered(said, question, reference_index(FIXTURES_REF))
    assert [(ln.code.value if ln.code else None, int(ln.quantity.value)) for ln in order.lines] == [
        ("VIS-440-200", 5)
    ]
    assert order.doubts == []


def test_an_option_that_fits_several_articles_is_a_doubt(index: CatalogIndex) -> None:
    question = "Bonjour,\nLe tube cuivre existe en barre de 4 m et en couronne de 25 m, plusieurs diamètres.\nLequel ?"
    (order,) = _answered("La couronne, 2 svp", question, index)
    assert order.doubts and all(ln.code is None for ln in order.lines)


@pytest.mark.parametrize(
    "said",
    ["Merci, je vous rappelle demain.", "Ok pour 6.", "Non merci, pas besoin pour le moment."],
    ids=["no-count", "no-option", "declined"],
)
def test_an_answer_naming_no_option_with_a_count_orders_nothing(said: str, index: CatalogIndex) -> None:
    assert _answered(said, COPPER, index) == []


@pytest.mark.parametrize(
    "said",
    ["Même commande que la dernière fois svp.", "Same as last time please, deliver Friday."],
    ids=["fr", "en"],
)
def test_the_earlier_order_again_without_its_quote_waits_for_a_clerk(said: str, index: CatalogIndex) -> None:
    (order,) = read_thread(make_parsed(text=f"Bonjour,\n\n{said}\n"), [], index)
    assert order.lines == [] and order.doubts


@pytest.mark.parametrize(
    ("said", "initials"),
    [
        ("Comme la dernière fois, mais pas de réducteur de pression (on en a encore).", "RP"),
        ("Same as last time, but no thermostatic radiator valves, we still have some.", "TRV"),
    ],
    ids=["french", "english"],
)
def test_a_removal_names_the_quoted_line_written_by_its_initials(
    said: str, initials: str, index: CatalogIndex
) -> None:
    earlier = EARLIER_FR.replace("> Cordialement", f"> - {initials} 15 mm : 2\n> Cordialement")
    order = _read(_reply(f"Bonjour,\n\n{said}\n", earlier), index)
    assert _lines(order, index) == [("PLB-37699", 4), ("PLB-23554", 10), ("PLB-37498", 6)]


@pytest.mark.parametrize(
    "said",
    [
        "Même commande que la dernière fois, mais pas de ruban 19 mm cette fois.",
        "Same as last time but no 19 mm tape this time.",
        "Comme la dernière fois, sans le ruban PTFE 19mm.",
    ],
    ids=["pas-de-with-a-measure-fr", "no-with-a-measure-en", "sans-measure-joined-fr"],
)
def test_a_removal_naming_a_measure_of_the_quoted_line_takes_it_out(said: str, index: CatalogIndex) -> None:
    order = _read(_reply(f"Bonjour,\n\n{said}\n", EARLIER_FR), index)
    assert _lines(order, index) == [("PLB-37699", 4), ("PLB-23554", 10)]


def test_a_removal_counting_what_no_quoted_line_measures_takes_nothing_out(index: CatalogIndex) -> None:
    order = _read(
        _reply("Bonjour,\n\nMême commande que la dernière fois, mais pas de ruban 25 mm.\n", EARLIER_FR),
        index,
    )
    assert ("PLB-37498", 6) in _lines(order, index)
