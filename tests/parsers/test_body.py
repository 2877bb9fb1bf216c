"""Body selection and the split of the public samples' replies and forwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import ParsedMessage
from parsers import parse_message
from parsers.mail.markers import load_markers
from tests.paths import SAMPLES

HEAD = b"From: a@resto.fr\nSubject: Commande\nMessage-ID: <m@x>\nMIME-Version: 1.0\n"


def _sample(name: str) -> ParsedMessage:
    path: Path = SAMPLES / "emails" / name
    return parse_message(path.read_bytes(), where=str(path))


def test_outlook_reply_drops_the_quoted_older_order() -> None:
    parsed = _sample("009.eml")
    assert "R-1015" in parsed.text and "R-1009" not in parsed.text
    assert "R-1009" in parsed.quoted and "Détergent lave-vaisselle" in parsed.quoted
    assert "Julien Bastide" in parsed.signature


def test_gt_quoted_confirmation_is_history() -> None:
    parsed = _sample("008.eml")
    assert "2 cartons de bols kraft 750 ml" in parsed.text
    assert "CMD-77120" not in parsed.text and "CMD-77120" in parsed.quoted


@pytest.mark.parametrize(
    ("name", "sender", "own", "forwarded"),
    [
        (
            "010.eml",
            "chef.lebrun.lacanau@gmail.com",
            "mettez 2 cartons au lieu de 3",
            "Dosettes ESE : 2 boîtes",
        ),
        ("011.eml", "pantxo@chezpantxo.fr", "tu peux la saisir", "6 bidons liquide vaisselle citron 5 L"),
    ],
    ids=["gmail_forward_fr", "thunderbird_forward_fr"],
)
def test_forward_keeps_both_texts_and_reads_the_original_sender(
    name: str, sender: str, own: str, forwarded: str
) -> None:
    parsed = _sample(name)
    assert parsed.forwarded_sender is not None and parsed.forwarded_sender.email == sender
    assert parsed.forwarded_date is not None and parsed.forwarded_date.day in (15, 19)
    assert parsed.text.index(own) < parsed.text.index(forwarded)


def test_latin1_quoted_printable_sample_is_read() -> None:
    parsed = _sample("013.eml")
    assert "crêperie" in parsed.text and "Dès que possible" in parsed.text


def test_signature_keeps_the_customer_evidence() -> None:
    parsed = _sample("012.eml")
    assert "Restaurant L'Estuaire" in parsed.signature and "33390 Blaye" in parsed.signature
    assert "2 colis d'essuie-mains autocut" in parsed.text


def test_plain_alternative_is_kept_when_it_carries_the_table() -> None:
    parsed = _sample("014.eml")
    assert parsed.text_part == "body"
    assert parsed.tables and parsed.tables[0].texts()[1][:3] == ["EM30260", "Bol kraft 1000 ml", "3"]


def test_html_only_sample_is_rendered() -> None:
    parsed = _sample("015.eml")
    assert parsed.text_part == "html"
    assert "Bol bagasse 500 ml | 1 ctn" in parsed.text


def _alternative(plain: str, html: str) -> bytes:
    boundary = b"BOUNDARY"
    return (
        HEAD
        + b'Content-Type: multipart/alternative; boundary="BOUNDARY"\n\n--'
        + boundary
        + b"\nContent-Type: text/plain; charset=utf-8\n\n"
        + plain.encode()
        + b"\n--"
        + boundary
        + b"\nContent-Type: text/html; charset=utf-8\n\n"
        + html.encode()
        + b"\n--"
        + boundary
        + b"--\n"
    )


def test_html_wins_when_the_plain_part_lacks_the_figures() -> None:
    html = "<p>Commande :</p><table><tr><td>Gobelet 20 cl</td><td>12</td></tr><tr><td>Bol</td><td>4</td></tr></table>"
    parsed = parse_message(_alternative("Commande : voir le tableau.", html))
    assert parsed.text_part == "html" and "Gobelet 20 cl | 12" in parsed.text


def test_tables_of_the_quoted_history_are_dropped() -> None:
    html = (
        "<p>Commande :</p><table><tr><td>Gobelet</td><td>12</td></tr></table><hr>"
        "<div><b>De :</b> Paul &lt;p@x.fr&gt;<br><b>Envoyé :</b> vendredi 9 octobre 2026 09:12<br>"
        "<b>Objet :</b> Commande</div><table><tr><td>Bol</td><td>9</td></tr></table>"
    )
    parsed = parse_message(_alternative("Commande :\nGobelet\t12", html))
    assert [t.texts() for t in parsed.tables] == [[["Gobelet", "12"]]]


@pytest.mark.parametrize(
    ("text", "points"),
    [("Veuillez trouver ci-joint notre commande.", True), ("Please find attached our PO.", True),
     ("Commande jointe à ce message.", True), ("2 cartons de gants", False)],
)  # fmt: skip
def test_one_see_attached_shape_for_the_mail_and_the_text_reader(text: str, points: bool) -> None:
    assert bool(load_markers().see_attached.search(text)) is points


def _colleague(
    sender: str, body: str, subject: str = "TR: appel client - commande à saisir"
) -> ParsedMessage:
    raw = (
        f"From: Paul Garnier <{sender}>\nTo: Commandes <commandes@jardiland-pro.fr>\n"
        f"Subject: {subject}\nMessage-ID: <r@x>\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
    ).encode() + body.encode()
    return parse_message(raw, where="colleague")


@pytest.mark.parametrize("subject", ["TR: appel client - commande à saisir", "Commande tél. à saisir"])
def test_a_colleague_passing_on_a_call_names_the_customer_by_its_address(subject: str) -> None:
    body = (
        "Bonjour,\n\nAppel de Mme Roux (Paysages du Lac, achats@paysages-du-lac.fr) ce matin :\n"
        "- 4 sacs de terreau 40 L\n- 2 arrosoirs 10 L\n\nPaul\n"
    )
    parsed = _colleague("p.garnier@jardiland-pro.fr", body, subject)
    assert (
        parsed.forwarded_sender is not None and parsed.forwarded_sender.email == "achats@paysages-du-lac.fr"
    )


@pytest.mark.parametrize(
    ("sender", "body"),
    [
        ("p.garnier@jardiland-pro.fr", "Pour Paysages du Lac :\n- 4 sacs de terreau 40 L\n"),
        ("p.garnier@jardiland-pro.fr", "Copie à a@lac.fr et b@roux-jardins.fr :\n- 4 sacs de terreau\n"),
        ("achats@paysages-du-lac.fr", "Voir aussi achats@mairie-lac.fr :\n- 4 sacs de terreau\n"),
    ],
    ids=["no-address", "two-addresses", "not-a-colleague"],
)
def test_no_customer_address_is_taken_when_it_is_not_one_a_colleague_writes(sender: str, body: str) -> None:
    assert _colleague(sender, body).forwarded_sender is None
