"""Lines read in a clause naming goods beside the order are no lines of it: a sample, goods for later
said with a doubt, goods taken out of another order, empties handed back (invented: plumbing, stationery, lab supplies)."""

from __future__ import annotations

import pytest

from parsers.text.reader import read_lines


def _read(text: str) -> list[tuple[str, int]]:
    return [(ln.description.value, int(ln.quantity.value)) for ln in read_lines(text, part="body")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bonjour,\n- 12 raccords laiton 15 mm\n- 4 vannes 1/2\n\nPourriez-vous aussi nous envoyer 1 "
            "échantillon de joint fibre pour essai ?\n",
            [("raccords laiton 15 mm", 12), ("vannes 1/2", 4)],
        ),
        (
            "Hi,\n- 10 boxes of staples\n- 4 lever arch files\n\nAlso could you add a sample of the recycled "
            "copy paper?\n",
            [("staples", 10), ("lever arch files", 4)],
        ),
        (
            "Please send:\n6 x nitrile gloves M\n2 x pipette tips 200 µl\n\nNext month we will probably need 20 x "
            "petri dishes too, I'll confirm then.\n",
            [("nitrile gloves M", 6), ("pipette tips 200 µl", 2)],
        ),
        (
            "Bonjour,\n- 8 ramettes A4\nPar ailleurs, annulez les 3 agrafeuses de la commande d'hier.\n",
            [("ramettes", 8)],
        ),
        (
            "Bonsoir,\n- 6 bidons lessive 5 L\n- 2 seaux de pastilles + je vous rends 3 bidons vides\n",
            [("lessive 5 L", 6), ("pastilles", 2)],
        ),
        (
            "Hi,\n4 x toner cartridges 305A\n2 x fuser kits\nPlease collect the 5 empty cartridges too.\n",
            [("toner cartridges 305A", 4), ("fuser kits", 2)],
        ),
    ],
    ids=[
        "sample-fr",
        "sample-en",
        "later-with-a-doubt-en",
        "another-order-cancelled-fr",
        "empties-handed-back-fr",
        "empties-collected-en",
    ],
)
def test_goods_named_beside_the_order_are_no_lines(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(name.strip(), count) for name, count in _read(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Merci de livrer 20 boîtes de pots à échantillons 60 ml.",
        "Please send 5 packs of sample bags 10 x 15 cm.",
        "Please deliver:\n4 x copper elbows 22 mm, next week\n",
        "Merci de livrer 200 flacons vides 50 ml.",
    ],
    ids=[
        "sample-pots-are-an-article",
        "sample-bags-are-an-article",
        "later-without-a-doubt-orders",
        "empty-containers-sold-are-an-article",
    ],
)
def test_an_article_named_so_or_goods_for_a_day_are_still_lines(text: str) -> None:
    assert len(_read(text)) == 1


def test_a_replacing_order_is_read_past_its_colon() -> None:
    text = "Cette commande annule et remplace la précédente : 4 paquets de ramettes A4, 2 boîtes d'agrafes.\n"
    assert [count for _, count in _read(text)] == [4, 2]
