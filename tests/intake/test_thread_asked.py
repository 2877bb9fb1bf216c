"""Answers written under our questions about the lines of the customer's order quoted with them
(plumbing catalogue): the line asked about is read again with the answer's words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from intake.followups import read_thread
from intake.followups.asked import asked_lines
from matchers import CatalogIndex
from models import Extracted, ExtractedLine, ExtractedOrder
from parsers import extract_orders
from parsers.mail.quotes import split_reply
from tests.factories.pipeline import make_parsed
from tests.factories.threads import skus_of

REF = Path(__file__).parents[2] / "fixtures" / "followups" / "ref"

# Our questions written under each line of the customer's request, quoted with it.
INTERLEAVED = """Bonjour, réponses dans le texte.

Le mar. 8 déc. 2026 à 10:02, Service commandes <commandes@garonne-pro.fr> a écrit :
> Bonjour,
> Quelques questions avant de saisir :
>
>> Commande CH-5521
>> 20 coudes 90° à sertir cuivre
> Quels diamètres ?

12 x Ø16, 8 x Ø22

>> 3 couronnes de tube PER gainé
> Bleu ou rouge, et en 16 ou en 20 ?

rouge, 16

>> 10 manchons à sertir cuivre Ø14
> En stock.
>
> Cordialement

Merci, Plomberie Mercier
"""

# Our numbered questions above the customer's request, quoted further down.
ABOVE = """Hello, see inline.

On Tue, 8 Dec 2026 at 10:02, Order desk <commandes@garonne-pro.fr> wrote:
> Hello,
> Before we pick your order CH-5522:
> 1) Press elbows 90: which diameter, 16 or 22?

22 please

> 2) PER pipe: blue or red sheath?

Red, and add 4 x PLB-20191

> Regards, order desk
>
>> Order CH-5522
>> 6 x press elbows 90 copper
>> 2 x PER pipe sheathed 16
>> Tom
"""


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(REF)


def _read(text: str, index: CatalogIndex) -> ExtractedOrder:
    split = split_reply(text)
    parsed = make_parsed(text=split.text).model_copy(
        update={"quoted": split.quoted, "inline_answers": split.inline_answers, "subject": "Re: commande"}
    )
    (order,) = read_thread(parsed, extract_orders(parsed, codes=index), index)
    return order


def test_answers_under_questions_on_each_quoted_line_read_those_lines_again(index: CatalogIndex) -> None:
    order = _read(INTERLEAVED, index)
    assert skus_of(order, index) == [
        ("PLB-20873", 12),
        ("PLB-20473", 8),
        ("PLB-12618", 3),
        ("PLB-20399", 10),
    ]


def test_answers_to_questions_over_the_order_quoted_below_them_read_its_lines(index: CatalogIndex) -> None:
    order = _read(ABOVE, index)
    assert skus_of(order, index) == [("PLB-20473", 6), ("PLB-12618", 2), ("PLB-20191", 4)]


def _line(text: str, count: int | None) -> ExtractedLine:
    return ExtractedLine(
        line_no=1,
        description=Extracted[str](value=text, confidence=0.9),
        quantity=None if count is None else Extracted(value=count, confidence=0.9),
    )


@pytest.mark.parametrize(
    ("answer", "question", "read"),
    [
        (
            "noir x2 et 1 cyan",
            "Combien, et quelles couleurs ?",
            [("cartouche noir", 2), ("cartouche cyan", 1)],
        ),
        (
            "Orange, 5 in L and 5 in XL",
            "Which colour and sizes?",
            [("cartouche Orange L", 5), ("cartouche Orange XL", 5)],
        ),
        (
            "mettez 2 en 16 et 3 en 20",
            "Il ne nous en reste que 2 en 16. On complète en 20 ?",
            [("cartouche 16", 2), ("cartouche 20", 3)],
        ),
        ("dos 80, bleus", "Quel dos (50 ou 80 mm) ?", None),
        ("4.8", "3.6 or 4.8 wide?", None),
    ],
    ids=[
        "colours-counted",
        "sizes-counted",
        "put-then-counted-in",
        "offered-number-is-no-count",
        "offered-decimal",
    ],
)
def test_an_answer_counts_the_variants_it_names_and_never_a_number_the_question_offers(
    answer: str, question: str, read: list[tuple[str, int]] | None
) -> None:
    lines = asked_lines(_line("cartouche", 4 if read is None else None), answer, question, "body", None)
    assert lines is not None
    got = [
        (line.description.value, int(line.quantity.value))
        for line in lines
        if line.description and line.quantity
    ]
    assert got == (read or [(f"cartouche {answer.replace(',', '')}", 4)])


def test_a_size_said_alone_in_the_answer_replaces_the_quoted_lines_own() -> None:
    line = _line("tube PER gainé rouge 16", 5)
    lines = asked_lines(line, "3 en 16 et 2 en 20", "Plus que 3 en 16 : on complète en 20 ?", "body", None)
    assert lines is not None
    assert [ln.description.value for ln in lines if ln.description] == [
        "tube PER gainé rouge 16",
        "tube PER gainé rouge 20",
    ]


GIVEN_UP = """Bonjour, réponses dans le texte.

Le mar. 8 déc. 2026 à 10:02, Service commandes <commandes@garonne-pro.fr> a écrit :
> Bonjour,
>
>> Commande CH-5523
>> 10 manchons à sertir cuivre Ø14
> En stock.
>
>> 4 vannes d'arrêt inox
> Nous n'en faisons pas en inox ; une vanne laiton vous irait-elle ?

non, on laisse tomber

>> 3 couronnes de tube PER gainé
> Bleu ou rouge, et en 16 ou en 20 ?

rouge, 16

> Cordialement
"""


def test_an_answer_giving_up_the_line_asked_about_leaves_it_out(index: CatalogIndex) -> None:
    assert skus_of(_read(GIVEN_UP, index), index) == [("PLB-20399", 10), ("PLB-12618", 3)]


def test_an_answer_with_no_count_under_a_line_without_one_is_not_read() -> None:
    assert asked_lines(_line("cartouche", None), "les noires", "Combien ?", "body", None) is None


# Our numbered points over the customer's request, two of them about rows it wrote without a count, one
# setting out its options without a question mark.
POINTS_OVER_UNCOUNTED = """Bonjour, réponses ci-dessous.

Le mar. 8 déc. 2026 à 10:02, Service commandes <commandes@garonne-pro.fr> a écrit :
> Bonjour,
> Trois points avant de saisir votre commande CH-5530 :
>
> 1. Coudes à sertir : 16 ou 22 ?

3 en 16, 2 en 22

> 2. Tube PER gainé : nous le vendons en bleu ou en rouge, couronne de 50 m.

Rouge Ø16, 2 couronnes.

> 3. Manchons à sertir : Ø14 ou Ø16 ?

Ø16, 10 pièces.

> Cordialement
>
>> Commande CH-5530
>> - 5 coudes 90° à sertir cuivre
>> - du tube PER gainé pour la chaufferie
>> - des manchons à sertir cuivre
"""


def test_answers_to_numbered_points_about_uncounted_rows_read_those_rows(index: CatalogIndex) -> None:
    order = _read(POINTS_OVER_UNCOUNTED, index)
    assert skus_of(order, index) == [
        ("PLB-20873", 3),
        ("PLB-20473", 2),
        ("PLB-12618", 2),
        ("PLB-20191", 10),
    ]
