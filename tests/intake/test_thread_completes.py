"""A short answer to our question that completes the customer's order quoted under it (hardware
catalogue: sizes and variants the question asked about)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from intake.followups.completes import COMPLETED_DOUBT, complete_quoted_order, same_choice
from intake.followups.sized_answers import sizes_counted
from intake.orders_by_reading import answer_completing
from matchers import CatalogIndex, match_article
from models import (
    Classification,
    Extracted,
    ExtractedLine,
    ExtractedOrder,
    MessageKind,
    ParsedMessage,
    Provenance,
)
from models.followups import FollowupKind, FollowupSign
from parsers import extract_orders
from tests.factories.pipeline import make_parsed
from tests.factories.threads import skus_of

REF = Path(__file__).parents[2] / "fixtures" / "ref"

ASKED_OVER_ORDER = (
    "Le mar. 1 déc. 2026 à 09:14, Service commandes <commandes@garonne-pro.fr> a écrit :\n"
    "> Bonjour,\n> Deux questions avant de préparer :\n"
    "> - les gants cuir : quelle taille, 9 ou 10 ?\n"
    "> - le différentiel : type A ou type AC ?\n> Le service commandes\n>\n"
    "> Le lun. 30 nov. 2026 à 08:10, Rénov'Habitat <commande@renovhabitat24.fr> a écrit :\n"
    ">> Bonjour,\n>> Commande RH-7001 :\n>> - 6 paires de gants cuir\n"
    ">> - 2 interrupteurs différentiels 40A\n>> - 4 rouleaux à peinture 230 mm\n>> Merci\n"
)


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(REF)


def _reply(text: str, quoted: str = ASKED_OVER_ORDER) -> ParsedMessage:
    parsed = make_parsed(text=text)
    return parsed.model_copy(update={"quoted": quoted, "subject": "Re: Commande RH-7001"})


def test_the_answer_tells_the_quoted_lines_apart_and_the_quoted_order_is_the_order(
    index: CatalogIndex,
) -> None:
    order = complete_quoted_order(
        _reply("Les gants en taille 10, et le différentiel en type AC. Merci"), index
    )
    assert order is not None
    read = [(line.code.value if line.code else None, int(line.quantity.value)) for line in order.lines]
    assert read == [("GAN-CUI-T10", 6), ("DIF-40-AC", 2), (None, 4)]
    assert order.po_number is not None and order.po_number.value == "RH-7001"
    assert COMPLETED_DOUBT in order.doubts


@pytest.mark.parametrize(
    "said",
    [
        "Je reviens vers vous pour la taille.",
        "Merci, bien noté.",
        "Quelle différence de prix entre les types ?",
    ],
    ids=["postponed", "thanks", "question-back"],
)
def test_an_answer_that_chooses_nothing_completes_nothing(said: str, index: CatalogIndex) -> None:
    assert complete_quoted_order(_reply(said), index) is None


def test_an_answer_with_no_order_quoted_under_the_question_completes_nothing(index: CatalogIndex) -> None:
    question_only = ASKED_OVER_ORDER.split(">\n> Le lun.")[0]
    assert complete_quoted_order(_reply("Taille 10 et type AC.", question_only), index) is None


def test_an_answer_read_as_an_order_by_its_words_alone_completes_the_order_quoted(
    index: CatalogIndex,
) -> None:
    parsed = _reply("Les gants en taille 10, et le différentiel en type AC. Commande RH-7001 toujours.")
    parsed.classification = Classification(
        kind=MessageKind.ORDER, confidence=0.9, reasons=["text: 'Commande'"]
    )
    fallback = FollowupSign(kind=FollowupKind.NEW_ORDER)
    read, _ = answer_completing(parsed, None, fallback, index)
    assert read is not None
    assert [(line.code.value if line.code else None, int(line.quantity.value)) for line in read[0].lines] == [
        ("GAN-CUI-T10", 6),
        ("DIF-40-AC", 2),
        (None, 4),
    ]
    # Counted lines of its own that add nothing to it: the reply is read as written.
    counted = _reply("Les gants en taille 10, 3 rouleaux à peinture 180 mm. Commande RH-7001 toujours.")
    counted.classification = parsed.classification
    assert answer_completing(counted, None, fallback, index) == (None, fallback)


def test_a_choice_said_for_every_line_and_an_article_added_complete_the_order(index: CatalogIndex) -> None:
    quoted = (
        "Le mar. 1 déc. 2026 à 09:14, Service commandes <commandes@garonne-pro.fr> a écrit :\n"
        "> Bonjour,\n> Les différentiels existent en type A et en type AC : lequel vous faut-il ?\n"
        "> Le service commandes\n>\n"
        "> Le lun. 30 nov. 2026 à 08:10, Rénov'Habitat <commande@renovhabitat24.fr> a écrit :\n"
        ">> Bonjour,\n>> Commande RH-7002 :\n>> - 2 interrupteurs différentiels 40A\n"
        ">> - 4 rouleaux à peinture 230 mm\n>> Merci\n"
    )
    parsed = _reply("Type AC pour tout. Et rajoutez 6 paires de gants cuir taille 10 svp.", quoted)
    parsed.classification = Classification(kind=MessageKind.CHANGE, confidence=0.9, reasons=["'rajoutez'"])
    change = FollowupSign(kind=FollowupKind.CHANGE, reasons=["'rajoutez'"])
    read, sign = answer_completing(parsed, None, change, index)
    assert read is not None and sign.kind == FollowupKind.NEW_ORDER
    lines = [(line.code.value if line.code else None, int(line.quantity.value)) for line in read[0].lines]
    assert lines[:2] == [("DIF-40-AC", 2), (None, 4)]
    assert len(lines) == 3 and read[0].lines[2].description is not None
    assert "gants cuir" in read[0].lines[2].description.value
    assert read[0].po_number is not None and read[0].po_number.value == "RH-7002"


@pytest.mark.parametrize(
    "said",
    ["Les gants en taille 10, pas besoin du type AC.", "Non, les gants en taille 10."],
    ids=["turns-down-one-option", "no-then-choice"],
)
def test_a_negation_naming_an_option_does_not_decline_the_answer(said: str, index: CatalogIndex) -> None:
    order = complete_quoted_order(_reply(said), index)
    assert order is not None
    first = order.lines[0]
    assert first.code is not None and first.code.value == "GAN-CUI-T10"


# Our note offers a replacement to confirm, asking nothing with a question mark, over the customer's order.
OFFERED_OVER_ORDER = (
    "On 1 Dec 2026, at 09:14, Service commandes <commandes@garonne-pro.fr> wrote:\n"
    "> Bonjour,\n> Le rouleau à peinture 230 mm est en rupture. Nous pouvons vous proposer à la place le "
    "rouleau à peinture 180 mm à 6,50 € HT. Le reste est disponible.\n> Merci de nous confirmer.\n>\n"
    ">> On 30 Nov 2026, at 08:10, Rénov'Habitat <commande@renovhabitat24.fr> wrote:\n"
    ">> Bonjour,\n>> Commande RH-7002 :\n>> - 6 paires de gants cuir taille 9\n"
    ">> - 4 rouleaux à peinture 230 mm\n>> Merci\n"
)


@pytest.mark.parametrize(
    "said",
    [
        "Yes, the 180 mm works for us, same quantity. Rest as ordered.",
        "Ok pour le 180 mm. Le reste comme prévu.",
    ],
)
def test_our_note_offering_a_replacement_is_answered_over_the_order_it_is_about(
    said: str, index: CatalogIndex
) -> None:
    order = complete_quoted_order(_reply(said, OFFERED_OVER_ORDER), index)
    assert order is not None
    read = [(line.code.value if line.code else None, int(line.quantity.value)) for line in order.lines]
    assert read == [(None, 6), ("ROU-PEI-180", 4)]
    assert COMPLETED_DOUBT in order.doubts


@pytest.mark.parametrize(
    ("clause", "choices", "expected"),
    [
        (
            "Et ajoutez 2 pots de sous-couche même finition",
            {"Blanc satiné"},
            "Et ajoutez 2 pots de sous-couche Blanc satiné",
        ),
        ("also add 5 fleece jackets in the same colour", {"Navy"}, "also add 5 fleece jackets Navy"),
        ("rajoutez 10 embouts dans la même gamme", {"Inox A4"}, "rajoutez 10 embouts Inox A4"),
        ("add 4 trays, same finish", {"grey", "white"}, "add 4 trays, same finish"),
        ("add 4 trays, same finish", set(), "add 4 trays, same finish"),
    ],
    ids=["finish-fr", "colour-en", "range-fr", "two-choices", "no-choice"],
)
def test_an_article_added_in_the_same_option_takes_the_one_option_chosen(
    clause: str, choices: set[str], expected: str
) -> None:
    assert same_choice(clause, choices) == expected


def _counted_reply(said: str, index: CatalogIndex) -> tuple[ParsedMessage, list[ExtractedOrder]]:
    parsed = _reply(said)
    read = extract_orders(parsed, codes=index)
    parsed.classification = Classification(kind=MessageKind.ORDER, confidence=0.7, reasons=["counted"])
    return parsed, read


def test_an_answer_counting_the_sizes_of_a_quoted_line_takes_its_place_in_the_order(
    index: CatalogIndex,
) -> None:
    parsed, read = _counted_reply(
        "Gants cuir : 3 paires en 9 et 3 en 10.\nLe différentiel en type AC.", index
    )
    got, sign = answer_completing(parsed, read, FollowupSign(kind=FollowupKind.NEW_ORDER), index)
    assert got is not None and sign.kind == FollowupKind.NEW_ORDER
    (order,) = got
    lines = [(match_article(ln, index, customer_id=None).sku, int(ln.quantity.value)) for ln in order.lines]
    assert lines == [("GAN-CUI-T9", 3), ("GAN-CUI-T10", 3), ("DIF-40-AC", 2), ("ROU-PEI-230", 4)]
    assert COMPLETED_DOUBT in order.doubts


def test_an_answer_counting_an_article_the_quoted_order_does_not_name_is_read_as_written(
    index: CatalogIndex,
) -> None:
    parsed, read = _counted_reply(
        "Gants cuir : 3 paires en 9 et 3 en 10.\n4 cartouches de silicone blanc.", index
    )
    sign = FollowupSign(kind=FollowupKind.NEW_ORDER)
    assert answer_completing(parsed, read, sign, index) == (read, sign)


def test_a_decimal_option_tells_its_line_apart(index: CatalogIndex) -> None:
    quoted = (
        "Le mar. 1 déc. 2026 à 09:14, Service commandes <commandes@garonne-pro.fr> a écrit :\n"
        "> Bonjour,\n> - les forets béton : en 5,5 ou en 6,5 ?\n> Le service commandes\n>\n"
        "> Le lun. 30 nov. 2026 à 08:10, Rénov'Habitat <commande@renovhabitat24.fr> a écrit :\n"
        ">> Bonjour,\n>> Commande RH-7003 :\n>> - 4 forets béton\n>> - 6 paires de gants cuir taille 9\n>> Merci\n"
    )
    order = complete_quoted_order(_reply("Les gants ok. Et 6,5 pour les forets.", quoted), index)
    assert order is not None
    first = order.lines[0].description
    assert first is not None and "6,5" in first.value


ASKED_OF_TWO_LINES = (
    "Le mar. 1 déc. 2026 à 09:14, Service commandes <commandes@garonne-pro.fr> a écrit :\n"
    "> Bonjour,\n> Pour les gants nitrile et latex, vous les voulez en taille 8 ou en taille 9 ?\n"
    "> Le service commandes\n>\n"
    "> Le lun. 30 nov. 2026 à 08:10, Rénov'Habitat <commande@renovhabitat24.fr> a écrit :\n"
    ">> Bonjour,\n>> Commande RH-7002 :\n>> - 6 boîtes de gants nitrile\n"
    ">> - 4 boîtes de gants latex\n>> - 2 interrupteurs différentiels 40A type AC\n>> Merci\n"
)


ASKED_OF_TWO_LINES_EN = (
    "On Tue, 1 Dec 2026 at 09:14, Order desk <commandes@garonne-pro.fr> wrote:\n"
    "> Hello,\n> For the nitrile and latex gloves, do you want size 8 or size 9?\n> Order desk\n>\n"
    "> On Mon, 30 Nov 2026 at 08:10, Renov Habitat <commande@renovhabitat24.fr> wrote:\n"
    ">> Hello,\n>> Order RH-7002:\n>> - 6 boxes of nitrile gloves\n"
    ">> - 4 boxes of latex gloves\n>> - 2 interrupteurs différentiels 40A type AC\n>> Thanks\n"
)


@pytest.mark.parametrize(
    ("said", "quoted"),
    [
        ("La taille 9 pour les deux. Merci", ASKED_OF_TWO_LINES),
        ("Taille 9, les deux.", ASKED_OF_TWO_LINES),
        ("Size 9 for both, thanks", ASKED_OF_TWO_LINES_EN),
    ],
    ids=["pour-les-deux-fr", "les-deux-fr", "for-both-en"],
)
def test_one_choice_for_both_lines_the_question_asked_about_together(
    said: str, quoted: str, index: CatalogIndex
) -> None:
    order = complete_quoted_order(_reply(said, quoted), index)
    assert order is not None
    assert skus_of(order, index) == [("GAN-NIT-T9", 6), ("GAN-LTX-T9", 4), ("DIF-40-AC", 2)]


def _numbered(quoted: str, mark: str) -> str:
    return quoted.replace("> - les gants cuir", f"> 1{mark} les gants cuir").replace(
        "> - le différentiel", f"> 2{mark} le différentiel"
    )


@pytest.mark.parametrize(
    ("said", "mark"),
    [("1) 10\n2) AC, 3 pièces\nLe reste ok.", ")"), ("1. 10\n2. AC, 3 of them\nRest is fine.", ".")],
    ids=["french", "english"],
)
def test_answers_numbered_as_our_questions_tell_and_count_the_lines_they_ask_about(
    said: str, mark: str, index: CatalogIndex
) -> None:
    parsed = _reply(said, _numbered(ASKED_OVER_ORDER, mark))
    parsed.classification = Classification(kind=MessageKind.ORDER, confidence=0.7, reasons=["counted"])
    got, sign = answer_completing(parsed, None, FollowupSign(kind=FollowupKind.NEW_ORDER), index)
    assert got is not None and sign.kind == FollowupKind.NEW_ORDER
    lines = [(line.code.value if line.code else None, int(line.quantity.value)) for line in got[0].lines]
    assert lines == [("GAN-CUI-T10", 6), ("DIF-40-AC", 3), (None, 4)]
    assert COMPLETED_DOUBT in got[0].doubts


# Our note proposing another article for one line of the customer's order quoted under it.
PROPOSED_OVER_ORDER = (
    "Le 1 déc. 2026 à 09:14, Service commandes <commandes@garonne-pro.fr> a écrit :\n"
    "> Bonjour,\n> Pour votre commande RH-7004 : rupture sur les gants nitrile taille 9 jusqu'au 20/12. Nous"
    " pouvons vous proposer les gants latex taille 9, même conditionnement, même prix.\n> Le service commandes\n"
    ">\n> Le 30 nov. 2026 à 08:10, Rénov'Habitat <commande@renovhabitat24.fr> a écrit :\n"
    ">> Bonjour,\n>> Commande RH-7004 :\n>> Gants nitrile T9 : 6 boîtes\n>> Rouleaux à peinture 230 mm : 4\n"
)


@pytest.mark.parametrize(
    "said",
    [
        "Ok pour les latex, mais du coup mettez-en 4 au lieu de 6. Le reste comme prévu.",
        "OK for the latex ones, but make it 4 instead of 6. The rest as planned.",
    ],
    ids=["french", "english"],
)
def test_a_count_of_the_article_our_note_proposes_recounts_the_line_it_replaces(
    said: str, index: CatalogIndex
) -> None:
    parsed = _reply(said, PROPOSED_OVER_ORDER)
    parsed.classification = Classification(kind=MessageKind.ORDER, confidence=0.7, reasons=["answer"])
    named, count = said.index("latex"), said.index("4")
    counted = ExtractedLine(
        line_no=1,
        description=Extracted[str](
            value="latex", provenance=Provenance(part="body", span=(named, named + 5))
        ),
        quantity=Extracted[Decimal](
            value=Decimal(4), provenance=Provenance(part="body", span=(count, count + 1))
        ),
    )
    read = [ExtractedOrder(source="email", part="body", lines=[counted])]
    change = FollowupSign(kind=FollowupKind.CHANGE, reasons=["'au lieu de'"], tentative=True)
    got, sign = answer_completing(parsed, read, change, index)
    assert got is not None and sign.kind == FollowupKind.NEW_ORDER
    lines = [(line.code.value if line.code else None, int(line.quantity.value)) for line in got[0].lines]
    assert lines == [("GAN-LTX-T9", 4), (None, 4)]
    assert got[0].po_number is not None and got[0].po_number.value == "RH-7004"


ASKED_CODED = (
    "Le mar. 1 déc. 2026 à 09:14, Service commandes <commandes@garonne-pro.fr> a écrit :\n"
    "> Bonjour,\n> Avant de préparer, deux précisions :\n"
    "> - chevilles : M8x60 ou M10x60 ?\n"
    "> - ruban de masquage : quelle largeur, et combien ?\n> Le service commandes\n>\n"
    "> Le lun. 30 nov. 2026 à 08:10, Rénov'Habitat <commande@renovhabitat24.fr> a écrit :\n"
    ">> Bonjour,\n>> Commande RH-7005, à livrer avant le 4 :\n>> - 3 sachets de chevilles nylon\n"
    ">> - ruban de masquage pour les plinthes\n>> - 4 rouleaux à peinture 230 mm\n>> Merci\n"
)


ASKED_CODED_EN = (
    "On Tue, 1 Dec 2026 at 09:14, Order desk <commandes@garonne-pro.fr> wrote:\n"
    "> Hello,\n> Two questions before we pick:\n"
    "> - chevilles nylon: M8x60 or M10x60?\n"
    "> - masking tape: which width, and how many?\n> Order desk\n>\n"
    "> On Mon, 30 Nov 2026 at 08:10, Renov Habitat <commande@renovhabitat24.fr> wrote:\n"
    ">> Hello,\n>> Order RH-7005, deliver before the 4th:\n>> - 3 sachets de chevilles nylon\n"
    ">> - masking tape for the skirting\n>> - 4 rouleaux à peinture 230 mm\n>> Thanks\n"
)


@pytest.mark.parametrize(
    ("said", "quoted"),
    [
        ("les M10x60\nle ruban c'est le RUB-MAS-25, il en faut 6", ASKED_CODED),
        ("M10x60 please\nthe masking tape is RUB-MAS-25, we need 6", ASKED_CODED_EN),
    ],
    ids=["fr", "en"],
)
def test_a_coded_option_and_a_count_of_an_uncounted_line_complete_the_order(
    said: str, quoted: str, index: CatalogIndex
) -> None:
    parsed = _reply(said, quoted)
    read = extract_orders(parsed, codes=index)
    parsed.classification = Classification(kind=MessageKind.ORDER, confidence=0.7, reasons=["counted"])
    got, _ = answer_completing(parsed, read, FollowupSign(kind=FollowupKind.NEW_ORDER), index)
    assert got is not None
    (order,) = got
    lines = [(match_article(ln, index, customer_id=None).sku, int(ln.quantity.value)) for ln in order.lines]
    assert lines == [("CHV-M1060", 3), ("ROU-PEI-230", 4), ("RUB-MAS-25", 6)]
    assert order.po_number is not None and order.po_number.value == "RH-7005"
    assert COMPLETED_DOUBT in order.doubts


@pytest.mark.parametrize(
    ("said", "mark"),
    [("1) 3 en 9, 3 en 10\n2) AC", ")"), ("1. 2 in 9, 4 in size 10\n2. AC", ".")],
    ids=["french", "english"],
)
def test_a_numbered_answer_counting_sizes_splits_the_line_its_question_asks_about(
    said: str, mark: str, index: CatalogIndex
) -> None:
    parsed = _reply(said, _numbered(ASKED_OVER_ORDER, mark))
    parsed.classification = Classification(kind=MessageKind.ORDER, confidence=0.7, reasons=["counted"])
    got, _sign = answer_completing(parsed, None, FollowupSign(kind=FollowupKind.NEW_ORDER), index)
    assert got is not None
    lines = [(match_article(ln, index, customer_id=None).sku, int(ln.quantity.value)) for ln in got[0].lines]
    counts = (3, 3) if mark == ")" else (2, 4)
    assert lines == [
        ("GAN-CUI-T9", counts[0]),
        ("GAN-CUI-T10", counts[1]),
        ("DIF-40-AC", 2),
        ("ROU-PEI-230", 4),
    ]
    assert COMPLETED_DOUBT in got[0].doubts


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("5 L, 10 XL", [(5, "L"), (10, "XL")]),
        ("2 en 42, 4 en 43", [(2, "size 42"), (4, "size 43")]),
        ("12 en 8 et 12 en 9", [(12, "size 8"), (12, "size 9")]),
        ("taille 9", []),
        ("3 en 9, le reste en 10", []),
    ],
    ids=["letters", "shoe-sizes", "glove-sizes", "a-choice-alone", "a-clause-counting-no-size"],
)
def test_an_answer_counts_sizes_only_when_every_clause_counts_one(answer: str, expected) -> None:
    assert [(int(count), size) for count, size in sizes_counted(answer)] == expected
