"""Replies that order under our offer, our price list or the customer's own earlier order: the goods
taken in words, a substitute offered over two wrapped lines, the earlier order again at its counts with
sizes left out (plumbing catalogue of fixtures/followups/ref; invented hygiene and catering wordings)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from intake.followups import read_thread
from intake.followups.by_words import more_by_words
from intake.followups.left_out import lines_in_size, removed_things, stems, to_the_line_worded
from matchers import CatalogIndex
from models import MessageKind, ParsedMessage
from models.followups import FollowupKind, OrderChange, SkuQuantity
from parsers import extract_orders, followup_sign, parse_message
from parsers.classify import classify
from parsers.text.thread import points_to_thread
from tests.factories.pipeline import make_extracted_line
from tests.factories.threads import reply_quoting, skus_of

REF = Path(__file__).parents[2] / "fixtures" / "followups" / "ref"

# Our stock-out note, its offer wrapped by the mail program after 'We can'; it counts the pipe too.
WRAPPED_OFFER = (
    "Dear Mr Hale,\nYour 6 elbows left this morning.\n"
    "The 3 x PER pipe Ø16x1,5 in 100 m coils (PLB-12106) are out of stock until January. We can\n"
    "offer instead the PER pipe Ø16x1,5 in 50 m coils (PLB-12570) at 50.00 EUR each.\nRegards,\nOrder desk"
)
PRICE_LIST = (
    "Bonjour,\n\nNotre offre pour décembre (prix HT) :\n"
    "Sacs poubelle 110 L noirs - carton de 200 : 38,00\n"
    "Sacs poubelle 50 L blancs - carton de 500 : 41,50\n"
    "Essuie-mains enchevêtrés - colis de 20 : 27,90\n\nService commercial"
)


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(REF)


def _mail(text: str) -> ParsedMessage:
    raw = "\r\n".join(
        [
            "From: cuisine@restau-exemple.fr",
            "To: commandes@grossiste.fr",
            "Subject: Re: Prix décembre",
            "Date: Mon, 7 Dec 2026 09:00:00 +0100",
            "Message-ID: <r1@restau-exemple.fr>",
            "In-Reply-To: <p1@grossiste.fr>",
            "Content-Type: text/plain; charset=utf-8",
            "",
            text,
        ]
    )
    return parse_message(raw.encode())


def _under_price_list(said: str) -> ParsedMessage:
    quoted = "\n".join(f"> {line}" for line in PRICE_LIST.split("\n"))
    return _mail(
        f"Le 4 déc. 2026 à 15:20, Service commercial <ventes@grossiste.fr> a écrit :\n{quoted}\n\n{said}"
    )


@pytest.mark.parametrize(
    "said",
    [
        "Merci. Nous prenons :\nSacs 110 L noirs x 3\nEssuie-mains x 2\n\nMartine",
        "Thanks. We'll take:\n110 L black bags x 3\nhand towels x 2\n\nMartin",
        "Bonjour, on prend 3 cartons de sacs 110 L et 2 colis d'essuie-mains.\nMartine",
        "Bonjour, on prend les sacs 110 L noirs x 3 et les essuie-mains x 2.\nMartine",
        "Thanks, we'll take the black bags x 3 and the hand towels x 2.\nMartin",
    ],
    ids=["nous-prenons-fr", "well-take-en", "on-prend-count-fr", "named-then-x-fr", "named-then-x-en"],
)
def test_goods_taken_in_words_under_our_price_list_are_an_order(said: str) -> None:
    parsed = _under_price_list(said)
    assert classify(parsed).kind == MessageKind.ORDER


@pytest.mark.parametrize(
    "said",
    [
        "Bonjour, nous prenons note de vos prix et revenons vers vous.\nMartine",
        "Thanks, we'll take a look and come back to you next week.\nMartin",
        "Does the price of the bags come down if we take 10 cartons at a time?\nMartin",
    ],
    ids=["prenons-note-fr", "take-a-look-en", "if-we-take-en"],
)
def test_taking_note_of_our_prices_orders_nothing(said: str) -> None:
    assert classify(_under_price_list(said)).kind != MessageKind.ORDER


def test_an_addition_under_our_price_list_is_an_order_unless_its_po_is_one_taken() -> None:
    parsed = _under_price_list(
        "Nous prenons :\nSacs 110 L noirs x 3\net ajoutez 2 colis d'essuie-mains.\nMartine"
    )
    parsed.classification = classify(parsed)
    sign = followup_sign(parsed, is_order=parsed.classification.is_order)
    # Under an offer the thread holds no order taken: the store settles it by the PO written.
    assert sign.kind == FollowupKind.CHANGE and sign.tentative


def test_a_substitute_offered_over_two_wrapped_lines_taken_with_a_count_of_them(index: CatalogIndex) -> None:
    parsed = reply_quoting("Yes the 50 m coils will do, 3 of them as planned. PO to follow.", WRAPPED_OFFER)
    (order,) = read_thread(parsed, extract_orders(parsed, codes=index), index)
    assert skus_of(order, index) == [("PLB-12570", 3)]
    assert order.doubts == []


@pytest.mark.parametrize(
    ("said", "pointer"),
    [
        ("Pour ce mois-ci on reprend les tabliers et les charlottes, mêmes quantités.", True),
        ("Same aprons and caps again, same quantities please.", True),
        ("Les tabliers sont arrivés, merci.", False),
        ("Only the first one please, same quantity.", False),
    ],
    ids=["memes-quantites-fr", "same-quantities-en", "no-pointer-fr", "one-line-same-quantity-en"],
)
def test_the_quoted_order_taken_again_at_its_counts_points_at_the_thread(said: str, pointer: bool) -> None:
    assert (points_to_thread(said) is not None) is pointer


def test_a_removal_naming_a_size_and_an_article_takes_out_both() -> None:
    lines = [
        "Tablier jetable taille M",
        "Tablier jetable taille XL",
        "Charlottes clip blanches",
        "Sur-chaussures",
    ]
    things = removed_things("XL ni de charlottes cette fois")
    assert things == ["XL", "de charlottes cette fois"]
    assert lines_in_size(things[0], lines) == {1}
    assert lines_in_size("the XL ones", lines) == {1}
    # The 'l' of a word is no size.
    assert lines_in_size("l'essuie-mains", lines) == set()


EARLIER_FR = (
    "Le 2 nov. 2026 à 07:12, Atelier Sanibat <achats@sanibat.fr> a écrit :\n"
    "> Bonjour,\n> Merci de livrer :\n"
    "> 1 vanne à sphère laiton FF 3/4 PLB-37699\n"
    "> 10 coudes 90° à sertir cuivre Ø12 PLB-20467\n"
    "> 4 rouleaux ruban PTFE 19mm PLB-37498\n"
)


@pytest.mark.parametrize(
    ("said", "lines"),
    [
        (
            "Comme la dernière fois mais 2 vannes au lieu d'une.",
            [("PLB-37699", 2), ("PLB-20467", 10), ("PLB-37498", 4)],
        ),
        (
            "Same as last time, but 6 rolls of the 19mm tape instead of four.",
            [("PLB-37699", 1), ("PLB-20467", 10), ("PLB-37498", 6)],
        ),
    ],
    ids=["au-lieu-d-une-fr", "glued-measure-and-count-in-words-en"],
)
def test_the_earlier_order_again_with_a_count_replaced_in_words_or_beside_a_measure(
    said: str, lines: list[tuple[str, int]], index: CatalogIndex
) -> None:
    parsed = reply_quoting(said, "").model_copy(update={"quoted": EARLIER_FR})
    (order,) = read_thread(parsed, extract_orders(parsed, codes=index), index)
    assert skus_of(order, index) == lines


def test_a_count_set_goes_to_the_quoted_line_the_customer_worded_so() -> None:
    # Both catalogue names say 'tablier'; the customer's own lines tell the apron from the overall.
    quoted = ["1 tablier jetable bleu", "1 blouse visiteur", "3 sur-chaussures"]
    skus = ["TAB-01", "BLO-02", "SUR-03"]
    change = OrderChange(set_quantity=[SkuQuantity(sku="BLO-02", quantity=2)])
    to_the_line_worded(
        change, "retirer les sur-chaussures, et mettez 2 tabliers jetables au lieu de 1", quoted, skus
    )
    assert change.set_quantity[0].sku == "TAB-01"
    # Words that two quoted lines carry tell nothing: the line read stays.
    change = OrderChange(set_quantity=[SkuQuantity(sku="BLO-02", quantity=2)])
    to_the_line_worded(change, "mettez 2 au lieu de 1", quoted, skus)
    assert change.set_quantity[0].sku == "BLO-02"


@pytest.mark.parametrize(
    ("said", "quoted", "skus", "read"),
    [
        (
            "but 6 cartons of buns instead of 4",
            ["Pain burger sésame 80 g", "Frites allumettes 6x6 carton"],
            ["BUN-01", "FRI-02"],
            "BUN-01",
        ),
        (
            "mais 8 rouleaux de PER au lieu de 4",
            ["Tube PER nu Ø16 couronne 50 m", "Ruban PTFE 19 mm rouleau 15 m"],
            ["PER-16", "PTFE-19"],
            "PER-16",
        ),
        (
            "but 5 cartons of pens instead of 3",
            ["Stylo bille bleu", "Agrafes 26/6 carton de 10 boîtes"],
            ["PEN-B", "STA-26"],
            "PEN-B",
        ),
    ],
)
def test_a_unit_written_in_a_quoted_name_tells_no_line_its_count(
    said: str, quoted: list[str], skus: list[str], read: str
) -> None:
    change = OrderChange(set_quantity=[SkuQuantity(sku=read, quantity=float(said.split()[1]))])
    to_the_line_worded(change, said, quoted, skus)
    assert change.set_quantity[0].sku == read


def test_an_english_removal_names_a_quoted_line_by_its_catalogue_words(index: CatalogIndex) -> None:
    quote = (
        "Veuillez trouver notre devis D26-0418 :\n"
        "- 4 x PLB-37699 Vanne 3/4 PN25 : 12,40 €\n"
        "- 6 x PLB-37498 Ruban 19 x 15 : 1,45 €\n"
        "- 10 x PLB-20467 Coude 90 Ø12 : 2,10 €\n"
    )
    parsed = reply_quoting(
        "Please proceed, but leave out the PTFE tape. PO 5512.", quote, subject="RE: devis"
    )
    (order,) = read_thread(parsed, extract_orders(parsed, codes=index), index)
    assert skus_of(order, index) == [("PLB-37699", 4), ("PLB-20467", 10)]


def test_a_three_letter_word_names_goods_and_a_function_word_none() -> None:
    assert stems("pas de gel cette fois") & stems("6 flacons gel hydroalcoolique 500 ml") == {"gel"}
    assert stems("leave out the caps") & stems("the yellow safety caps") == {"caps"}


def test_our_quotes_rows_led_to_their_price_by_dots_are_read(index: CatalogIndex) -> None:
    quote = (
        "Our quotation Q26-0777:\n\n"
        "4 x Vanne à sphère laiton FF PN25 3/4 ........ 12.40 EUR\n"
        "10 x Coude 90° à sertir cuivre profil M Ø12 .......... 2.10 EUR\n"
        "6 x Ruban PTFE 19 mm x 15 m ..................... 1.45 EUR\n\nBest regards"
    )
    parsed = reply_quoting(
        "Please proceed, but leave out the PTFE tape. PO 5512.", quote, subject="RE: Quotation"
    )
    (order,) = read_thread(parsed, extract_orders(parsed, codes=index), index)
    assert skus_of(order, index) == [("PLB-37699", 4), ("PLB-20467", 10)]


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("Please also add 2 touch-free gel dispensers.", []),
        ("et ajoutez 3 agrafeuses pour le ruban adhésif", []),
        ("plus 2 more of the hand gel", [("GEL-5", 8.0)]),
        ("et 3 de plus pour le ruban adhésif", [("TAPE-19", 13.0)]),
    ],
)
def test_an_added_article_no_quoted_line_names_adds_nothing_to_a_line_sharing_a_word(
    clause: str, expected: list[tuple[str, float]]
) -> None:
    base = [
        make_extracted_line("Hand gel 5 L", quantity="6"),
        make_extracted_line("Ruban adhésif", quantity="10"),
    ]
    change = OrderChange(unread=[clause])
    more_by_words(change, base, ["GEL-5", "TAPE-19"])
    assert [(s.sku, s.quantity) for s in change.set_quantity] == expected


@pytest.mark.parametrize(
    "said",
    [
        "Bon pour nous, à l'exception du ruban PTFE. Notre référence CP-5530.",
        "We accept your quote with the exception of the PTFE tape. PO 5530.",
    ],
)
def test_a_quote_taken_with_the_exception_of_a_line(said: str, index: CatalogIndex) -> None:
    quote = (
        "Veuillez trouver notre devis D26-0418 :\n"
        "PLB-37699 Vanne 3/4 PN25 : 4 x 12,40 €\n"
        "PLB-37498 Ruban 19 x 15 : 6 x 1,45 €\n"
        "PLB-20467 Coude 90 Ø12 : 10 x 2,10 €\n"
    )
    parsed = reply_quoting(said, quote, subject="RE: devis D26-0418")
    (order,) = read_thread(parsed, extract_orders(parsed, codes=index), index)
    assert skus_of(order, index) == [("PLB-37699", 4), ("PLB-20467", 10)]
    # The line left out was read, as left out.
    assert any(span.part == "quoted" for span in order.read_spans)
