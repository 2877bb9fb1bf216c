"""Replies that take the quoted quote or offer in a word: the quote accepted without naming it, every
numbered item of an offer taken with one count changed, the earlier order again less what the reply
leaves out (plumbing catalogue of fixtures/followups/ref, the customer writing French or English)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from intake.followups import read_against_thread, read_thread
from intake.followups.both import ALL_DOUBT, read_all_offered
from intake.followups.thread import CHANGED_BY_REPLY
from matchers import CatalogIndex
from models import ExtractedOrder, ParsedMessage
from parsers.text.codes import read_code_line
from parsers.text.prices import split_price
from parsers.text.reader import extract_from_text, read_lines
from parsers.text.thread import as_quoted_rows, option_block, points_to_thread
from tests.factories.pipeline import make_parsed
from tests.factories.threads import skus_of

REF = Path(__file__).parents[2] / "fixtures" / "followups" / "ref"

# Our quote quoted Outlook's way, without '>' marks, its rows priced after the name.
QUOTE_FR = (
    "De : Service devis <devis@garonne-pro.fr>\nEnvoyé : lundi 30 novembre 2026 16:12\n"
    "À : achats@sanibat.fr\nObjet : Devis D26-0417\n\n"
    "Veuillez trouver notre devis D26-0417 :\n\n"
    "- 2 x PLB-34771 Circulateur 25-40 : 189,00 € net\n"
    "- 10 x PLB-37699 Vanne à sphère laiton FF 3/4 : 8,40 € net\n\n"
    "Cordialement,\nService devis\n"
)
EARLIER_EN = (
    "On Mon, 2 Nov 2026 at 07:12, Service commandes <commandes@garonne-pro.fr> wrote:\n"
    "> We confirm your order:\n"
    "> 4 x PLB-37699 Vanne à sphère laiton FF 3/4\n"
    "> 10 x PLB-20467 Coude 90° à sertir cuivre profil M Ø12\n"
    "> 6 x PLB-37498 Ruban PTFE 19 mm x 15 m\n"
)
OFFER_EN = (
    "On Thu, 19 Nov 2026 at 11:02, Sales <commandes@garonne-pro.fr> wrote:\n"
    "> The Ø14 elbows you asked for are out of stock until week 50. We can offer instead:\n"
    "> 1) 6 x 90° elbow Ø12 (PLB-20467) at 2.10 EUR net each\n"
    "> 2) the 45° elbow Ø14 (PLB-20734), 4 pcs in stock, 3.45 EUR net each\n"
    "> Let me know.\n"
)


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(REF)


def _reply(text: str, quoted: str) -> ParsedMessage:
    parsed = make_parsed(text=text)
    return parsed.model_copy(update={"quoted": quoted, "subject": "RE: devis"})


def _lines(order: ExtractedOrder) -> list[tuple[str, int]]:
    return [
        (line.code.value if line.code else "", int(line.quantity.value) if line.quantity else 0)
        for line in order.lines
    ]


@pytest.mark.parametrize(
    "said",
    [
        "Bonjour,\n\nBon pour accord. Notre commande n° SAN-26-331, livraison à l'atelier.\n",
        "Bon pour accord, notre commande SAN-26-331.\n",
        "OK go ahead. Our PO is SAN-26-331.\n",
        "ok, go ahead please, PO SAN-26-331\n",
        "Validé, notre bon SAN-26-331.\n",
        "Hello,\nPlease proceed. PO SAN-26-331.\n",
        "Parfait, on valide. Notre commande SAN-26-331.\n",
        "Thanks, we'll go with it. PO SAN-26-331.\n",
    ],
    ids=[
        "bon-pour-accord-fr",
        "accord-comma-fr",
        "go-ahead-en",
        "go-ahead-please-en",
        "valide-fr",
        "proceed-en",
        "on-valide-fr",
        "go-with-it-en",
    ],
)
def test_a_quote_accepted_in_a_word_orders_its_quoted_rows_with_their_prices(
    said: str, index: CatalogIndex
) -> None:
    order = extract_from_text(_reply(said, QUOTE_FR), codes=index)
    assert _lines(order) == [("PLB-34771", 2), ("PLB-37699", 10)]
    assert [ln.unit_price.value for ln in order.lines if ln.unit_price] == [Decimal("189"), Decimal("8.4")]


@pytest.mark.parametrize(
    "said",
    [
        "Merci, je reviens vers vous pour l'accord.",
        "Accord pour la livraison mardi ?",
        "We will not proceed with this quote.",
        "We won't go with it for now.",
    ],
    ids=["accord-as-a-word", "accord-about-the-delivery", "not-proceeding", "not-going-with-it"],
)
def test_an_acceptance_word_inside_a_sentence_points_at_nothing(said: str) -> None:
    assert points_to_thread(said, QUOTE_FR) is None
    assert points_to_thread("Bon pour accord.", QUOTE_FR) is not None


@pytest.mark.parametrize(
    ("line", "count", "price"),
    [
        ("- 12 x Disjoncteur 1P+N 16A C : 7,90 € net", 12, "7.90"),
        ("HAR-300-ML  Harnais antichute 3 points   2 x 82,00 €", 2, "82.00"),
        ("Proposition 1 : 4 x Batterie 12V 180Ah à 232,00 € HT pièce", 4, "232.00"),
        ("8 demi-masques réutilisables A2P3 à 29,50 €", 8, "29.50"),
    ],
    ids=["count-first-colon", "count-x-price", "option-label", "count-first-a"],
)
def test_a_quotes_row_keeps_its_count_when_its_price_follows_the_name(
    line: str, count: int, price: str
) -> None:
    blanked, found = split_price(line)
    assert found is not None and found[0] == Decimal(price)
    assert len(blanked) == len(line) and "€" not in blanked
    read = read_lines(as_quoted_rows(line + "\n"), part="quoted")
    assert [int(ln.quantity.value) for ln in read if ln.quantity] == [count]


class _Book:
    def __init__(self, *codes: str) -> None:
        self.codes = set(codes)

    def knows_code(self, token: str) -> bool:
        return token in self.codes


def test_a_code_in_brackets_beside_the_customers_own_is_its_designation() -> None:
    line = read_code_line(
        "FLH-52001 x 10  (oil filter W 962/14)", _Book("FLH-52001", "W 962/14"), part="b", start=0
    )
    assert line is not None and line.code is not None and line.quantity is not None
    assert (line.code.value, int(line.quantity.value)) == ("FLH-52001", 10)
    two = read_code_line("FLH-52001 x 10 W 962/14", _Book("FLH-52001", "W 962/14"), part="b", start=0)
    assert two is None, "two codes side by side stay unread"


@pytest.mark.parametrize(
    ("said", "lines"),
    [
        ("Same as last time please, but no PTFE tape this time.", [("PLB-37699", 4), ("PLB-20467", 10)]),
        ("Même chose que la dernière fois mais sans les vannes.", [("PLB-20467", 10), ("PLB-37498", 6)]),
        ("Same as last time minus the PTFE tape.", [("PLB-37699", 4), ("PLB-20467", 10)]),
        ("Même chose que ci-dessous, sans les vannes.", [("PLB-20467", 10), ("PLB-37498", 6)]),
        ("Same as below, but no PTFE tape.", [("PLB-37699", 4), ("PLB-20467", 10)]),
    ],
    ids=["but-no-en", "mais-sans-fr", "minus-en", "ci-dessous-fr", "as-below-en"],
)
def test_the_earlier_order_again_less_what_the_reply_leaves_out(
    said: str, lines: list[tuple[str, int]], index: CatalogIndex
) -> None:
    parsed = _reply(f"Hi,\n\n{said}\n", EARLIER_EN)
    order = read_against_thread(parsed, extract_from_text(parsed, codes=index), index)
    assert _lines(order) == lines
    assert CHANGED_BY_REPLY in order.doubts


@pytest.mark.parametrize(
    ("said", "lines", "sure"),
    [
        ("Yes to both, but 10 instead of 6 for the first one.", [("PLB-20467", 10), ("PLB-20734", 4)], True),
        (
            "Oui pour les deux, mais 10 au lieu de 6 pour le premier.",
            [("PLB-20467", 10), ("PLB-20734", 4)],
            True,
        ),
        ("Both please.", [("PLB-20467", 6), ("PLB-20734", 4)], True),
        ("Ok pour les 2, merci.", [("PLB-20467", 6), ("PLB-20734", 4)], True),
        ("Yes to both, and 3 more of the second.", [("PLB-20467", 6), ("PLB-20734", 4)], False),
        ("Yes to both, but 10 instead of 5 for the first one.", [("PLB-20467", 6), ("PLB-20734", 4)], False),
    ],
    ids=[
        "both-changed-en",
        "les-deux-fr",
        "both-as-offered",
        "les-2-fr",
        "count-not-read",
        "old-count-not-offered",
    ],
)
def test_every_numbered_item_of_the_offer_taken(
    said: str, lines: list[tuple[str, int]], sure: bool, index: CatalogIndex
) -> None:
    parsed = _reply(f"Hi,\n\n{said}\n", OFFER_EN)
    order = read_all_offered(parsed, extract_from_text(parsed, codes=index), index)
    assert _lines(order) == lines
    assert (ALL_DOUBT not in order.doubts) is sure


@pytest.mark.parametrize(
    "said", ["We'll take all three.", "OK for the 2 boxes."], ids=["three-of-two", "a-count"]
)
def test_all_of_an_offer_with_another_number_of_items_is_not_taken(said: str, index: CatalogIndex) -> None:
    parsed = _reply(f"Hi,\n\n{said}\n", OFFER_EN)
    body = extract_from_text(parsed, codes=index)
    assert read_all_offered(parsed, body, index) is body
    assert all(not order.lines or ALL_DOUBT not in order.doubts for order in read_thread(parsed, [], index))


def test_the_last_option_ends_with_its_rows_not_with_the_remark_under_it() -> None:
    quoted = (
        "  Deux solutions :\n"
        "  Proposition 1 : 12 boîtes de 500 vis inox A2 5x50 à 27,00 € la boîte\n"
        "  Proposition 2 : 20 boîtes de 200 vis inox A2 5x50 à 7,20 € + 6 boîtes de 200 vis 5x60 à 8,10 €\n"
        "  La 2 laisse moins de reste sur le chantier.\n"
    )
    block = option_block("Validé, on part sur la proposition 2.", quoted)
    assert block is not None
    assert quoted[block[0] : block[1]].strip().startswith("Proposition 2")
    assert "La 2" not in quoted[block[0] : block[1]]
    rows = read_lines(as_quoted_rows(quoted[block[0] : block[1]]), part="quoted")
    assert [int(ln.quantity.value) for ln in rows if ln.quantity] == [20, 6]


RECAP_FR = (
    "De : Service commandes <commandes@garonne-pro.fr>\nEnvoyé : lundi 30 novembre 2026 16:12\n"
    "À : achats@sanibat.fr\nObjet : Suite à notre appel\n\n"
    "Suite à notre appel, voici ce que j'ai noté :\n\n"
    "- 2 x PLB-34771 Circulateur 25-40\n"
    "- 10 x PLB-37699 Vanne à sphère laiton FF 3/4\n\n"
    "Cordialement,\nService commandes\n"
)


@pytest.mark.parametrize(
    "said",
    [
        "Parfait pour nous, vous pouvez lancer. Notre commande SAN-26-332.",
        "Fine by us, please send. PO SAN-26-332.",
    ],
    ids=["fr", "en"],
)
def test_an_agreement_above_our_list_of_counted_rows_orders_those_rows(
    said: str, index: CatalogIndex
) -> None:
    order = extract_from_text(_reply(said, RECAP_FR), codes=index)
    assert _lines(order) == [("PLB-34771", 2), ("PLB-37699", 10)]


def test_an_agreement_above_our_confirmation_of_an_order_taken_orders_nothing(index: CatalogIndex) -> None:
    confirmed = RECAP_FR.replace(
        "Suite à notre appel, voici ce que j'ai noté", "Nous confirmons votre commande"
    )
    order = extract_from_text(_reply("Parfait pour nous, merci.", confirmed), codes=index)
    assert order.lines == []


@pytest.mark.parametrize(
    ("said", "lines"),
    [
        ("OK pour votre proposition, mais 4 vannes au lieu de 10.", [("PLB-34771", 2), ("PLB-37699", 4)]),
        ("D'accord pour votre offre. Notre commande SAN-26-331.", [("PLB-34771", 2), ("PLB-37699", 10)]),
        ("Fine with your proposal, PO SAN-26-331.", [("PLB-34771", 2), ("PLB-37699", 10)]),
    ],
    ids=["proposition-changed-fr", "offre-fr", "proposal-en"],
)
def test_a_quote_called_an_offer_or_a_proposal_is_accepted_as_a_quote(
    said: str, lines: list[tuple[str, int]], index: CatalogIndex
) -> None:
    parsed = _reply(f"Bonjour,\n\n{said}\n", QUOTE_FR)
    order = read_against_thread(parsed, extract_from_text(parsed, codes=index), index)
    assert _lines(order) == lines


@pytest.mark.parametrize(
    "said",
    [
        "OK pour votre proposition de livraison mardi ?",
        "D'accord pour votre offre de reprise, on en reparle.",
        "Fine with your proposal for the delivery slot.",
    ],
    ids=["proposition-de-fr", "offre-de-fr", "proposal-for-en"],
)
def test_an_offer_of_something_else_accepted_points_at_no_quote(said: str) -> None:
    assert points_to_thread(said) is None


NUMBERED_FR = (
    "De : Service devis <devis@garonne-pro.fr>\nEnvoyé : lundi 7 décembre 2026 15:02\n"
    "À : achats@sanibat.fr\nObjet : Offre chantier Colomiers\n\n"
    "Comme convenu, notre offre :\n\n"
    "1. PLB-34771 Circulateur 25-40 - 2 pièces à 171,00 €\n"
    "2. PLB-37699 Vanne à sphère laiton FF 3/4 - 10 pièces à 12,40 €\n"
    "3. PLB-20467 Coude 90° à sertir Ø12 - 50 pièces à 2,10 €\n"
    "4. PLB-37498 Ruban PTFE 19 mm x 15 m - 20 rouleaux à 1,45 €\n\n"
    "Cordialement,\nService devis\n"
)


@pytest.mark.parametrize(
    ("said", "lines"),
    [
        (
            "OK pour les lignes 1 à 3, pas le ruban. Rajoutez 6 PLB-20734 au même prix.",
            [("PLB-34771", 2), ("PLB-37699", 10), ("PLB-20467", 50), ("PLB-20734", 6)],
        ),
        ("Yes to items 2 to 4, thanks.", [("PLB-37699", 10), ("PLB-20467", 50), ("PLB-37498", 20)]),
        ("OK pour les lignes 1-2. Commande SAN-26-331.", [("PLB-34771", 2), ("PLB-37699", 10)]),
    ],
    ids=["lignes-1-a-3-fr", "items-2-to-4-en", "lignes-1-2-fr"],
)
def test_the_items_of_the_offer_taken_by_a_range_of_their_numbers(
    said: str, lines: list[tuple[str, int]], index: CatalogIndex
) -> None:
    parsed = _reply(f"Bonjour,\n\n{said}\n", NUMBERED_FR)
    order = read_all_offered(parsed, extract_from_text(parsed, codes=index), index)
    assert _lines(order) == lines
    assert ALL_DOUBT not in order.doubts


def test_a_range_of_counts_is_no_range_of_items(index: CatalogIndex) -> None:
    parsed = _reply("Bonjour,\n\nOK pour 1 à 3 cartons de coudes.\n", NUMBERED_FR)
    order = extract_from_text(parsed, codes=index)
    assert read_all_offered(parsed, order, index) is order


QUOTE_MARKS_FR = (
    "De : Service devis <devis@garonne-pro.fr>\nEnvoyé : lundi 30 novembre 2026 16:12\n"
    "À : achats@sanibat.fr\nObjet : Devis D26-0418\n\n"
    "Veuillez trouver notre devis D26-0418 :\n\n"
    "Circulateur chauffage 25-40 entraxe 130             2 x 171,00 €\n"
    "Vanne à sphère laiton FF PN25 poignée papillon 3/4  10 x 12,40 €\n"
    "Ruban PTFE 19 mm x 15 m                             6 x 1,45 €\n\n"
    "Cordialement,\nService devis\n"
)


@pytest.mark.parametrize(
    ("said", "lines"),
    [
        (
            "Bon pour accord pour le devis ci-dessous, sauf les robinets PN25 que nous retirons.",
            [("PLB-34771", 2), ("PLB-37498", 6)],
        ),
        ("We accept your quotation, except the PN25 taps.", [("PLB-34771", 2), ("PLB-37498", 6)]),
        (
            "Bon pour accord sur votre devis, sauf les robinets PN40.",
            [("PLB-34771", 2), ("PLB-37699", 10), ("PLB-37498", 6)],
        ),
    ],
    ids=["sauf-mark-fr", "except-mark-en", "mark-on-no-line"],
)
def test_a_quoted_line_taken_out_by_the_format_mark_it_alone_writes(
    said: str, lines: list[tuple[str, int]], index: CatalogIndex
) -> None:
    parsed = _reply(f"Bonjour,\n\n{said}\n", QUOTE_MARKS_FR)
    order = read_against_thread(parsed, extract_from_text(parsed, codes=index), index)
    assert skus_of(order, index) == lines


@pytest.mark.parametrize(
    "said",
    [
        "Bon pour accord sur votre devis, sauf les robinets PN25 : mettez-en 4.",
        "OK for the quote except the PN25 taps, make it 4.",
    ],
    ids=["sauf-recounted-fr", "except-make-it-en"],
)
def test_a_line_set_apart_by_its_mark_with_a_count_is_changed_not_taken_out(
    said: str, index: CatalogIndex
) -> None:
    parsed = _reply(f"Bonjour,\n\n{said}\n", QUOTE_MARKS_FR)
    order = read_against_thread(parsed, extract_from_text(parsed, codes=index), index)
    assert "PLB-37699" in [sku for sku, _ in skus_of(order, index)]
