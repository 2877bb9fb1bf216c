"""The PO of the customer's own order quoted under our question, for a reply that answers it (hardware
catalogue; the thread's shapes: a nested header, lines quoted inside our message, none of theirs)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from intake.followups import read_thread
from intake.followups.quoted_po import sender_quoted_po
from matchers import CatalogIndex
from models import ParsedMessage
from parsers.text.reader import extract_from_text
from tests.factories.pipeline import make_parsed

REF = Path(__file__).parents[2] / "fixtures" / "ref"
SENDER = "achats@martin-btp.fr"

NESTED = (
    "On Tue, 1 Dec 2026 at 09:14, Order desk <commandes@garonne-pro.fr> wrote:\n"
    "> Hello,\n> Before we pick it: the leather gloves in size 9 or 10?\n> Order desk\n>\n"
    f"> On Mon, 30 Nov 2026 at 08:10, Martin BTP <{SENDER}> wrote:\n"
    ">> Hello,\n>> PO MB-26-4410\n>> 6 pairs of leather gloves\n>> 4 paint rollers 230 mm\n"
)
INLINE = (
    "Le mar. 1 déc. 2026 à 09:14, Service commandes <commandes@garonne-pro.fr> a écrit :\n"
    "> Bonjour, quelques questions avant de saisir :\n>\n"
    ">> Bon de commande n° MB-26-4410\n>> 6 paires de gants cuir\n"
    "> Quelle taille, 9 ou 10 ?\n>> 4 rouleaux à peinture 230 mm\n> En stock.\n"
)
# Their earlier order quoted as it was sent ('same as last time'): no question of ours over it.
THEIR_OWN = (
    f"On Mon, 30 Nov 2026 at 08:10, Martin BTP <{SENDER}> wrote:\n"
    "> Hello,\n> PO MB-26-4410\n> 6 pairs of leather gloves\n> Is Thursday possible?\n"
)
# The message under our question was written by someone else (another customer's thread forwarded).
SOMEONE_ELSE = NESTED.replace(f"Martin BTP <{SENDER}>", "Rénov'Habitat <commande@renovhabitat24.fr>")


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(REF)


def _reply(text: str, quoted: str) -> ParsedMessage:
    return make_parsed(sender=SENDER, text=text).model_copy(
        update={"quoted": quoted, "subject": "Re: gloves"}
    )


@pytest.mark.parametrize(
    ("quoted", "po"),
    [(NESTED, "MB-26-4410"), (INLINE, "MB-26-4410"), (THEIR_OWN, None), (SOMEONE_ELSE, None)],
    ids=["under-its-own-header", "quoted-inside-our-question", "their-own-message-last", "another-sender"],
)
def test_the_po_comes_from_the_senders_order_under_our_question(
    quoted: str, po: str | None, index: CatalogIndex
) -> None:
    found = sender_quoted_po(_reply("Size 10 please.", quoted), index)
    assert (found.value if found else None) == po


def test_an_answer_that_writes_its_own_po_keeps_it(index: CatalogIndex) -> None:
    parsed = _reply("Size 10 please, 6 pairs of leather gloves size 10, PO MB-26-4999.", NESTED)
    orders = read_thread(parsed, [extract_from_text(parsed, codes=index)], index)
    assert [o.po_number.value for o in orders if o.po_number] == ["MB-26-4999"]


def test_a_header_naming_the_sender_by_name_alone_is_theirs(index: CatalogIndex) -> None:
    # 'Le 30/11/2026 à 08:10, Martin BTP a écrit :' writes the sender's name and no address.
    quoted = NESTED.replace(f"Martin BTP <{SENDER}>", "Martin BTP")
    parsed = _reply("Size 10 please.", quoted)
    parsed = parsed.model_copy(update={"sender": parsed.sender.model_copy(update={"name": "Martin BTP"})})
    found = sender_quoted_po(parsed, index)
    assert found is not None and found.value == "MB-26-4410"
