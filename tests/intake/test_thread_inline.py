"""Replies that answer our quoted lines one by one, under each of them (plumbing catalogue)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from intake.followups import read_thread
from intake.followups.inline import INLINE_RULE
from matchers import CatalogIndex
from models import ExtractedOrder, ParsedMessage
from parsers import extract_orders
from parsers.mail.quotes import split_reply
from tests.factories.pipeline import make_parsed
from tests.factories.threads import skus_of

REF = Path(__file__).parents[2] / "fixtures" / "followups" / "ref"
ATTRIBUTION = "Le lun. 7 déc. 2026 à 09:20, Service commandes <commandes@garonne-pro.fr> a écrit :"
OFFER = [
    "> Bonjour,",
    "> Voici notre offre pour le chantier :",
    ">",
    "> 4 x PLB-37699 Vanne à sphère laiton 3/4 - 12,40 EUR",
    "> 10 x PLB-23554 Coude 90° laiton FF 3/4 - 5,10 EUR",
    "> 6 x PLB-37498 Ruban PTFE 19 mm x 15 m - 1,45 EUR",
    ">",
    "> Cordialement",
]


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(REF)


def _answered(
    answers: list[str], closing: str, opening: str = "Bonjour, réponses ci-dessous."
) -> ParsedMessage:
    """Our offer quoted, with the customer's answers each written under one of its counted lines."""
    body = [opening, "", ATTRIBUTION, *OFFER[:4], "", answers[0], "", OFFER[4], "", answers[1], ""]
    body += [OFFER[5], "", answers[2], "", *OFFER[6:], "", closing]
    split = split_reply("\n".join(body))
    return make_parsed(text=split.text).model_copy(
        update={"quoted": split.quoted, "inline_answers": split.inline_answers, "subject": "RE: offre"}
    )


def _read(parsed: ParsedMessage, index: CatalogIndex) -> ExtractedOrder:
    (order,) = read_thread(parsed, extract_orders(parsed, codes=index), index)
    return order


def test_each_answer_is_paired_with_the_quoted_line_above_it() -> None:
    parsed = _answered(["ok", "mettez-en 12", "pas besoin"], "Merci.")
    assert parsed.inline_answers[:3] == [
        (OFFER[3], "ok"),
        (OFFER[4], "mettez-en 12"),
        (OFFER[5], "pas besoin"),
    ]


@pytest.mark.parametrize(
    ("answers", "closing"),
    [
        (
            ["ok", "mettez-en 12", "pas besoin, on en a"],
            "Et ajoutez 2 x PLB-20873 svp. Notre bon : CP-2612-14.",
        ),
        (["Fine", "make it 12", "drop it"], "Please also add 2 x PLB-20873. Our PO: CP-2612-14."),
    ],
    ids=["french", "english"],
)
def test_each_quoted_line_is_ordered_as_its_answer_says(
    answers: list[str], closing: str, index: CatalogIndex
) -> None:
    order = _read(_answered(answers, closing), index)
    assert skus_of(order, index) == [("PLB-37699", 4), ("PLB-23554", 12), ("PLB-20873", 2)]
    assert order.doubts == []
    assert [ln.provenance.rule for ln in order.lines[:2] if ln.provenance] == [INLINE_RULE, INLINE_RULE]


def test_an_answer_not_read_keeps_its_line_for_a_clerk(index: CatalogIndex) -> None:
    order = _read(_answered(["ok", "on verra avec le chef", "ok"], "Merci."), index)
    assert skus_of(order, index) == [("PLB-37699", 4), ("PLB-23554", 10), ("PLB-37498", 6)]
    assert any("was not read" in doubt for doubt in order.doubts)


@pytest.mark.parametrize(
    ("answer", "count"),
    [
        ("2 more please", 12),
        ("make it 16, there are more floors than we said", 16),
        ("mettez-en 16, il y a plus d'étages que prévu", 16),
    ],
    ids=["more", "more-in-another-clause", "plus-in-another-clause"],
)
def test_a_count_with_more_adds_to_the_quoted_one(answer: str, count: int, index: CatalogIndex) -> None:
    order = _read(_answered(["ok", answer, "ok"], "Thanks."), index)
    assert skus_of(order, index) == [("PLB-37699", 4), ("PLB-23554", count), ("PLB-37498", 6)]


def test_a_single_answer_is_no_line_by_line_reply(index: CatalogIndex) -> None:
    body = "\n".join(["Bonjour,", "", ATTRIBUTION, *OFFER[:4], "", "ok", "", *OFFER[4:]])
    split = split_reply(body)
    parsed = make_parsed(text=split.text).model_copy(
        update={"quoted": split.quoted, "inline_answers": split.inline_answers}
    )
    orders = read_thread(parsed, extract_orders(parsed, codes=index), index)
    assert all(ln.provenance is None or ln.provenance.rule != INLINE_RULE for o in orders for ln in o.lines)


def test_counts_written_under_our_priced_lines_order_those_articles(index: CatalogIndex) -> None:
    prices = [
        "> - Vanne à sphère laiton FF PN25 poignée papillon 3/4 : 12,40 € la pièce",
        "> - Ruban PTFE 19 mm x 15 m : 1,45 € le rouleau",
        "> - Coude 90° laiton femelle-femelle 3/4 : 5,10 € pièce",
    ]
    body = ["Bonjour,", "", ATTRIBUTION, "> Bonjour, nos prix du mois :", prices[0], "", "ok 6", ""]
    body += [prices[1], "", "non merci", "", prices[2], "", "mettez 20 pièces", "", "> Cordialement", ""]
    split = split_reply("\n".join([*body, "Notre réf : CP-2612-20"]))
    parsed = make_parsed(text=split.text).model_copy(
        update={"quoted": split.quoted, "inline_answers": split.inline_answers}
    )
    order = _read(parsed, index)
    assert skus_of(order, index) == [("PLB-37699", 6), ("PLB-23554", 20)]
    assert order.lines[1].unit is not None and order.lines[1].unit.value == "pce"


@pytest.mark.parametrize(
    ("dash", "answers"),
    [
        ("—", ["6 pièces", "pas cette fois", "20"]),
        ("–", ["6 pieces", "not this time", "20"]),
    ],
    ids=["long-dash-french", "dash-english"],
)
def test_counts_written_under_priced_lines_set_out_with_dashes(
    dash: str, answers: list[str], index: CatalogIndex
) -> None:
    prices = [
        f"> Vanne à sphère laiton FF PN25 poignée papillon 3/4 {dash} 12,40 € HT",
        f"> Ruban PTFE 19 mm x 15 m {dash} 1,45 € HT le rouleau",
        f"> Coude 90° laiton femelle-femelle 3/4 {dash} 5,10 € HT",
    ]
    body = [
        "Bonjour, réponses dans le texte.",
        "",
        ATTRIBUTION,
        "> Bonjour, nos prix :",
        prices[0],
        answers[0],
    ]
    body += [prices[1], answers[1], prices[2], answers[2], "> Cordialement", "", "Notre réf : CP-2612-21"]
    split = split_reply("\n".join(body))
    parsed = make_parsed(text=split.text).model_copy(
        update={"quoted": split.quoted, "inline_answers": split.inline_answers}
    )
    order = _read(parsed, index)
    assert skus_of(order, index) == [("PLB-37699", 6), ("PLB-23554", 20)]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("plutôt le rouge, le bleu est pour le sanitaire", "PLB-12487"),
        ("le rouge à la place", "PLB-12487"),
        ("plutôt le vert", None),
        ("le rouge svp, c'est pour le chauffage", "PLB-12487"),
        ("le vert svp", None),
        ("le rouge ?", None),
        ("the red one please, the blue is for the bathroom", "PLB-12487"),
        ("the green one please", None),
    ],
    ids=[
        "rather-the-other-colour",
        "the-other-colour-instead",
        "no-such-variant",
        "the-other-colour-named-alone",
        "no-such-variant-named-alone",
        "a-question-names-no-variant",
        "the-other-colour-in-english",
        "no-such-variant-in-english",
    ],
)
def test_an_answer_naming_another_variant_orders_it_at_the_quoted_count(
    answer: str, expected: str | None, index: CatalogIndex
) -> None:
    offer = [
        "> Bonjour,",
        "> 4 x PLB-12400 Tube PER gainé bleu Ø12x1,1 couronne 50 m - 49,00 EUR",
        "> 10 x PLB-23554 Coude 90° laiton FF 3/4 - 5,10 EUR",
        "> Cordialement",
    ]
    body = ["Bonjour, réponses ci-dessous.", "", ATTRIBUTION, *offer[:2], "", answer, ""]
    body += [offer[2], "", "ok", "", offer[3], "", "Merci. Bon CP-2612-15."]
    split = split_reply("\n".join(body))
    parsed = make_parsed(text=split.text).model_copy(
        update={"quoted": split.quoted, "inline_answers": split.inline_answers, "subject": "RE: offre"}
    )
    order = _read(parsed, index)
    if expected is None:
        assert any("was not read" in doubt for doubt in order.doubts)
    else:
        assert skus_of(order, index) == [(expected, 4), ("PLB-23554", 10)]
        assert order.doubts == []


def test_a_line_given_up_keeps_its_quoted_row_unread(index: CatalogIndex) -> None:
    # The give-up may also name what replaces the line ('non, ...'): the row stays unread so that the
    # order waits for a clerk in every routing mode.
    parsed = _answered(["ok", "mettez-en 12", "pas besoin, on en a"], "Merci.")
    order = _read(parsed, index)
    assert [sku for sku, _ in skus_of(order, index)] == ["PLB-37699", "PLB-23554"]
    given_up = OFFER[5].removeprefix("> ")
    for span in order.read_spans:
        if span.span is not None and span.part == "quoted":
            assert given_up not in parsed.quoted[span.span[0] : span.span[1]]


@pytest.mark.parametrize(
    "refusal",
    [
        "pas besoin, il nous en reste 3",
        "not needed, still two on the shelf",
        "no need, we have 4 left",
    ],
    ids=["fr-reste", "en-still-on-the-shelf", "en-left"],
)
def test_a_refusal_counting_what_is_still_held_leaves_its_line_out(refusal: str, index: CatalogIndex) -> None:
    order = _read(_answered(["ok", "ok", refusal], "Merci."), index)
    assert skus_of(order, index) == [("PLB-37699", 4), ("PLB-23554", 10)]


@pytest.mark.parametrize(
    "answer", ["pas besoin, mais envoyez-en 2 du large", "no need, send 2 of the wide ones instead"]
)
def test_a_refusal_then_a_count_asked_is_left_to_a_clerk(answer: str, index: CatalogIndex) -> None:
    order = _read(_answered(["ok", "ok", answer], "Merci."), index)
    assert ("PLB-37498", 6) in skus_of(order, index)
    assert order.doubts


PRICED_IN_CENTS = [
    "On Mon, 7 Dec 2026 at 09:20, Order desk <commandes@garonne-pro.fr> wrote:",
    "> Hello,",
    "> Our net prices for the site:",
    ">",
    "> - Vanne à sphère laiton 3/4 PLB-37699: 12.40 per piece",
    "10",
    "> - Coude 90° laiton FF 3/4 PLB-23554: 5.10",
    "one",
    "> - PTFE tape PLB-37498: 1.45",
    "not this time",
    ">",
    "> Just tell us how many.",
]


@pytest.mark.parametrize(
    "opening", ["PO CP-2612-14, answers inline.", "Bon n° CP-2612-14, réponses dessous."]
)
def test_answers_count_the_rows_priced_in_cents_without_a_currency(opening: str, index: CatalogIndex) -> None:
    split = split_reply("\n".join([opening, "", *PRICED_IN_CENTS, ""]))
    parsed = make_parsed(text=split.text).model_copy(
        update={"quoted": split.quoted, "inline_answers": split.inline_answers, "subject": "RE: prices"}
    )
    order = _read(parsed, index)
    assert skus_of(order, index) == [("PLB-37699", 10), ("PLB-23554", 1)]


@pytest.mark.parametrize(
    ("rows", "answers"),
    [
        (
            [
                "> 1. Vanne à sphère laiton FF PN25 poignée papillon 3/4 - 12.40 per piece",
                "> 2. Ruban PTFE 19 mm x 15 m - 1.45 per roll",
                "> 3. Coude 90° laiton femelle-femelle 3/4 - 5.10 per piece",
            ],
            ["6 pieces", "not this time", "20 pieces"],
        ),
        (
            [
                "> 1) Vanne à sphère laiton FF PN25 poignée papillon 3/4 (carton de 10) - 12,40 €",
                "> 2) Ruban PTFE 19 mm x 15 m - 1,45 €",
                "> 3) Coude 90° laiton femelle-femelle 3/4 (sachet de 10) - 5,10 €",
            ],
            ["6 pièces", "pas cette fois", "vingt pièces"],
        ),
    ],
    ids=["numbered-dot-en", "numbered-bracket-fr"],
)
def test_counts_written_under_our_numbered_priced_rows_order_those_articles(
    rows: list[str], answers: list[str], index: CatalogIndex
) -> None:
    body = ["Answers in line.", "", ATTRIBUTION, "> Hello, our offer:", ">"]
    for row, answer in zip(rows, answers, strict=True):
        body += [row, answer]
    split = split_reply("\n".join([*body, "> Regards", "", "PO CP-2612-30"]))
    parsed = make_parsed(text=split.text).model_copy(
        update={"quoted": split.quoted, "inline_answers": split.inline_answers, "subject": "RE: offer"}
    )
    order = _read(parsed, index)
    assert skus_of(order, index) == [("PLB-37699", 6), ("PLB-23554", 20)]
