"""The delivery a reply's thread asked, in the sender's own order quoted under the reply
(parsers/text/quoted_fields.py)."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage

import pytest

from parsers import parse_message
from parsers.text.quoted_fields import own_quoted_delivery


def _reply(body: str, sender: str = "chantier@elec-dupont.fr") -> bytes:
    message = EmailMessage()
    message["From"], message["To"] = sender, "commandes@grossiste.fr"
    message["Subject"], message["Date"] = "Re: Commande CH-2611", "Thu, 10 Dec 2026 11:00:00 +0100"
    message.set_content(body)
    return bytes(message)


FR = (
    "Le 2e choix, 6 boîtes. Le reste ok.\n\n"
    "Le 10/12/2026 à 08:15, Grossiste - Commandes a écrit :\n"
    "> Bonjour, pour les boîtes d'encastrement : 1er ou 2e choix ?\n>\n"
    "> Le 09/12/2026 à 15:40, chantier@elec-dupont.fr a écrit :\n"
    "> > Commande CH-2611 pour le chantier, livraison jeudi 17/12 :\n"
    "> > Boîtes d'encastrement : 6\n> > Câble R2V 3G2,5 : 2 couronnes\n"
)
EN = (
    "The navy ones please, 10 of them.\n\n"
    "On 10/12/2026 08:15, Supplier order desk wrote:\n"
    "> Navy or black for the softshells?\n>\n"
    "> On 09/12/2026 15:40, chantier@elec-dupont.fr wrote:\n"
    "> > Order CH-2611, delivery by Friday 18th please:\n> > Softshell jackets L x10\n"
)


@pytest.mark.parametrize(
    ("body", "expected"), [(FR, dt.date(2026, 12, 17)), (EN, dt.date(2026, 12, 18))], ids=["fr", "en"]
)
def test_a_reply_naming_no_day_takes_the_day_its_own_quoted_order_asked(body: str, expected: dt.date) -> None:
    found = own_quoted_delivery(parse_message(_reply(body)))
    assert found is not None and found.value == expected


def test_a_day_the_desks_quoted_message_names_is_not_the_customers() -> None:
    body = (
        "D'accord, 8 colis.\n\nLe 10/12/2026 à 08:15, commandes@grossiste.fr a écrit :\n"
        "> Le papier 2 plis est en rupture jusqu'au 18/12, livraison possible le 21/12.\n"
    )
    assert own_quoted_delivery(parse_message(_reply(body))) is None


def test_a_quoted_history_with_no_attribution_line_names_no_day():
    # an Outlook reply pasted with '>' marks but no 'On ... wrote:' above them
    parsed = parse_message(
        _reply("Ok pour 4 rouleaux.\n\n> Rouleaux adhésifs 50 m : 2\n> Livraison le 17/12\n")
    )
    assert own_quoted_delivery(parsed) is None
