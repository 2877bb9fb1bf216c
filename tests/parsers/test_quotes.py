"""Quoted history, forwards and signatures, over the shapes real clients write."""

from __future__ import annotations

import datetime as dt

import pytest

from parsers.mail.quotes import split_reply, split_signature

NEW = "Bonjour,\nMerci de nous livrer :\n- 3 cartons de gobelets 20 cl\n- 2 bidons de javel 5 L"
OLD = "- 9 cartons de bols kraft 750 ml\n- 4 colis serviettes"

REPLY_SHAPES = {
    "gmail_fr": f"{NEW}\n\nLe jeu. 15 oct. 2026 à 10:02, Comptoir <c@x.fr> a écrit :\n> Commande :\n> {OLD}",
    "gmail_fr_wrapped": f"{NEW}\n\nLe jeu. 15 oct. 2026 à 10:02, Comptoir Atlantique <\ncommandes@x.fr> a écrit :\n\n> {OLD}",
    "apple_fr": f"{NEW}\n\n> Le 30 sept. 2026 à 15:47, Paul <p@x.fr> a écrit :\n> \n> {OLD}",
    "thunderbird_fr": f"{NEW}\n\nLe 30/09/2026 à 15:47, Paul Martin a écrit :\n> {OLD}",
    "english_on_wrote": f"{NEW}\n\nOn Mon, Oct 12, 2026 at 9:12 AM Paul <p@x.com> wrote:\n> {OLD}",
    "outlook_fr": f"{NEW}\n\n________________________________\nDe : Paul <p@x.fr>\nEnvoyé : vendredi 9 octobre 2026 09:12\nÀ : c@x.fr\nObjet : Commande\n\n{OLD}",
    "outlook_fr_no_rule": f"{NEW}\n\nDe : Paul <p@x.fr>\nEnvoyé : vendredi 9 octobre 2026 09:12\nÀ : c@x.fr\nObjet : Commande\n\n{OLD}",
    "outlook_en": f"{NEW}\n\nFrom: Paul <p@x.com>\nSent: Friday, October 9, 2026 9:12 AM\nTo: c@x.com\nSubject: Order\n\n{OLD}",
    "outlook_bold": f"{NEW}\n\n*From:* Paul [mailto:p@x.com]\n*Sent:* Friday, October 9, 2026 9:12 AM\n*To:* c@x.com\n*Subject:* Order\n\n{OLD}",
    "message_d_origine": f"{NEW}\n\n-----Message d'origine-----\nDe : Paul\nObjet : commande\n{OLD}",
    "original_message": f"{NEW}\n\n-----Original Message-----\nFrom: Paul\nSubject: order\n{OLD}",
    "bare_quote": f"{NEW}\n\n> {OLD.replace(chr(10), chr(10) + '> ')}",
    "zimbra_mail_original": f"{NEW}\n\n----- Mail original -----\nDe: Paul\n{OLD}",
    "german_rule": f"{NEW}\n\n-----Ursprüngliche Nachricht-----\nVon: Paul\n{OLD}",
    "english_on_wrote_no_at": f"{NEW}\n\nOn Tue, 3 Nov 2026, Paul <p@x.com> wrote:\n> {OLD}",
}


@pytest.mark.parametrize("text", REPLY_SHAPES.values(), ids=REPLY_SHAPES.keys())
def test_reply_history_goes_to_quoted(text: str) -> None:
    split = split_reply(text, "RE: commande")
    assert "3 cartons de gobelets" in split.text
    assert "bols kraft" not in split.text
    assert "bols kraft" in split.quoted
    assert split.forwarded_sender is None


def test_bottom_posted_answer_is_kept() -> None:
    text = "On Mon, Oct 12, 2026 at 9:12 AM Paul <p@x.com> wrote:\n> How many cups?\n\n12 cartons of cups please."
    split = split_reply(text)
    assert "12 cartons of cups" in split.text
    assert "How many cups" in split.quoted


FORWARDS = {
    "gmail_fr": (
        "Fwd: liste",
        "---------- Forwarded message ---------\nDe : Chef Lebrun <chef@gmail.com>\nDate: jeu. 15 oct. 2026 à 22:13\nSubject: liste\nTo: Dir <d@x.fr>\n",
        "chef@gmail.com",
        dt.datetime(2026, 10, 15, 22, 13),
    ),
    "thunderbird_fr": (
        "Fwd: commande",
        "-------- Message transféré --------\nSujet : \tcommande\nDate : \tMon, 19 Oct 2026 07:58:31 +0200\nDe : \tPantxo <pantxo@chezpantxo.fr>\nPour : \tM <m@x.fr>\n",
        "pantxo@chezpantxo.fr",
        dt.datetime(2026, 10, 19, 7, 58, 31, tzinfo=dt.timezone(dt.timedelta(hours=2))),
    ),
    "apple_fr": (
        "Fwd: commande",
        "Début du message réexpédié :\n\n> De: Anne <anne@resto.fr>\n> Objet: commande\n> Date: 14 octobre 2026 à 08:05:11 UTC+2\n> À: b@x.fr\n> \n",
        "anne@resto.fr",
        dt.datetime(2026, 10, 14, 8, 5),
    ),
    "apple_fr_inside_quote": (
        "Fwd: commande",
        "> Début du message réexpédié :\n> \n> De: Anne <anne@resto.fr>\n> Objet: commande\n"
        "> Date: 14 octobre 2026 à 08:05:11 UTC+2\n> \n",
        "anne@resto.fr",
        dt.datetime(2026, 10, 14, 8, 5),
    ),
    "apple_en": (
        "Fwd: order",
        "Begin forwarded message:\n\nFrom: Anne <anne@resto.com>\nSubject: order\nDate: October 14, 2026 at 8:05:11 AM GMT+2\nTo: b@x.com\n\n",
        "anne@resto.com",
        dt.datetime(2026, 10, 14, 8, 5),
    ),
    "outlook_tr": (
        "TR: commande",
        "________________________________\nDe : Anne <anne@resto.fr>\nEnvoyé : mercredi 14 octobre 2026 08:05\nÀ : b@x.fr\nObjet : commande\n\n",
        "anne@resto.fr",
        dt.datetime(2026, 10, 14, 8, 5),
    ),
    "zimbra_fr": (
        "Commande",
        '----- Mail transféré -----\nDe: "Anne" <anne@resto.fr>\nÀ: b@x.fr\nEnvoyé: Mercredi 14 Octobre 2026 08:05:00\nObjet: commande\n\n',
        "anne@resto.fr",
        dt.datetime(2026, 10, 14, 8, 5),
    ),
    "yahoo_en": (
        "order",
        "----- Forwarded Message -----\nFrom: Anne <anne@resto.com>\nTo: b@x.com\nSent: Wednesday, October 14, 2026, 08:05:11 AM GMT+2\nSubject: order\n\n",
        "anne@resto.com",
        dt.datetime(2026, 10, 14, 8, 5),
    ),
    "notes_fr": (
        "commande",
        "----- Transféré par Marc Giraud/Achats le 14/10/2026 08:05 -----\n\nDe : Anne <anne@resto.fr>\nDate : 14/10/2026 08:05\nObjet : commande\n\n",
        "anne@resto.fr",
        dt.datetime(2026, 10, 14, 8, 5),
    ),
    "outlook_fw_en": (
        "FW: order",
        "From: Anne <anne@resto.com>\nSent: Wednesday, October 14, 2026 8:05 AM\nTo: b@x.com\nSubject: order\n\n",
        "anne@resto.com",
        dt.datetime(2026, 10, 14, 8, 5),
    ),
}


@pytest.mark.parametrize(("subject", "header", "sender", "date"), FORWARDS.values(), ids=FORWARDS.keys())
def test_forwarded_original_stays_in_text(subject: str, header: str, sender: str, date: dt.datetime) -> None:
    body = "Bonjour, il me faut :\n- 4 cartons barquettes alu\n- 2 bidons liquide vaisselle"
    if "Début" in header:
        body = "\n".join(f"> {line}" for line in body.splitlines())
    text = f"Voir ci-dessous, merci de saisir, mais 3 cartons au lieu de 4.\n\n{header}{body}"
    split = split_reply(text, subject)
    assert split.text.startswith("Voir ci-dessous")
    assert "4 cartons barquettes alu" in split.text
    assert "2 bidons liquide vaisselle" in split.text
    assert split.forwarded_sender is not None and split.forwarded_sender.email == sender
    assert split.forwarded_date == date


def test_forward_drops_the_history_of_the_forwarded_message() -> None:
    text = (
        "Pour info.\n\n---------- Forwarded message ---------\nFrom: Anne <anne@resto.fr>\nDate: Mon, 19 Oct 2026 07:58:31 +0200\n"
        "Subject: commande\n\n2 cartons de gobelets\n\nLe 10/10/2026 à 09:00, Comptoir <c@x.fr> a écrit :\n> 9 cartons de bols"
    )
    split = split_reply(text, "Fwd: commande")
    assert "2 cartons de gobelets" in split.text
    assert "9 cartons de bols" not in split.text and "9 cartons de bols" in split.quoted


def test_a_forward_of_a_forward_reads_the_first_writer() -> None:
    # Outlook forwards under "-----Original Message-----": the forwarded message's own "FW:" subject
    # says that rule opens the original too, not a reply's history.
    text = (
        "See below, please key in.\n\n---------- Forwarded message ---------\n"
        "From: Ben Hale <ben@seedtrade.example>\nDate: Tue, 1 Dec 2026 at 17:30\nSubject: FW: spring bulbs\n"
        "To: <desk@seedtrade.example>\n\nFYI\n\n-----Original Message-----\n"
        "From: Rosa Green <rosa@green-nursery.example>\nSent: 01 December 2026 16:05\n"
        "To: ben@seedtrade.example\nSubject: spring bulbs\n\n12 x TUL-RED-10 tulip bulbs\n4 x POT-14 clay pots\n"
    )
    split = split_reply(text, "Fwd: FW: spring bulbs")
    assert "12 x TUL-RED-10 tulip bulbs" in split.text and not split.quoted
    assert split.forwarded_sender is not None and split.forwarded_sender.email == "rosa@green-nursery.example"


SIGNATURES = {
    "cordialement": ("Cordialement,\nJean Dupont\nBrasserie du Port", "Brasserie du Port"),
    "dash_dash": ("-- \nJean Dupont\nTél. 05 56 12 34 56", "05 56 12 34 56"),
    "iphone_fr": ("Envoyé de mon iPhone", "iPhone"),
    "iphone_en": ("Sent from my iPhone", "iPhone"),
    "regards_en": ("Best regards,\nJohn Smith\nHarbour Café Ltd", "Harbour Café Ltd"),
    "disclaimer_fr": (
        "Ce message et toutes les pièces jointes sont confidentiels et établis à l'intention exclusive de ses destinataires.",
        "confidentiels",
    ),
    "disclaimer_en": (
        "This email and any attachments are confidential and intended solely for the addressee.",
        "confidential",
    ),
    "contact_block": (
        "Hélène Ferrand\nGérante\nRestaurant L'Estuaire\n2 quai Barbe – 33390 Blaye\n05 36 49 77 02",
        "33390 Blaye",
    ),
}


@pytest.mark.parametrize(("signature", "marker"), SIGNATURES.values(), ids=SIGNATURES.keys())
def test_signature_is_split_from_text(signature: str, marker: str) -> None:
    split = split_reply(f"{NEW}\n\n{signature}")
    assert "2 bidons de javel 5 L" in split.text
    assert marker in split.signature and marker not in split.text


def test_signature_never_swallows_order_lines() -> None:
    text = "Bonjour,\nVoici la commande.\nCordialement,\nJean\n\n- 4 cartons de gobelets 20 cl\n- 2 colis serviettes"
    split = split_reply(text)
    assert "4 cartons de gobelets" in split.text and "2 colis serviettes" in split.text


def test_delivery_address_paragraph_is_not_a_signature() -> None:
    lines = [
        "Bonjour,",
        "2 cartons de gobelets",
        "",
        "Livraison au 4 rue des Tamaris, 17200 Royan",
        "Tél. 05 46 00 00 00",
    ]
    text, signature = split_signature(lines)
    assert "Livraison au 4 rue des Tamaris, 17200 Royan" in text
    assert signature == []


def test_answers_between_quotes_are_new_text() -> None:
    text = (
        "Le 12/10/2026 à 09:00, Comptoir <c@x.fr> a écrit :\n> Combien de cartons de gobelets ?\n"
        "12 cartons\n> Et les gants nitrile ?\n3 boîtes taille M\n"
    )
    split = split_reply(text, "RE: commande")
    assert "12 cartons" in split.text and "3 boîtes taille M" in split.text
    assert "Combien de cartons" in split.quoted and "Combien" not in split.text


ZAPIER = {
    "email_1_2.txt": ("You can list the keys for the bucket", "Hi folks"),
    "email_1_4.txt": ("Awesome! I haven't had another problem", "Loader"),
    "email_1_6.txt": ("I get proper rendering as well", "Corey Donohoe"),
    "email_2_1.txt": ("Outlook with a reply", "Google Apps Sync Team"),
    "email_2_2.txt": ("Outlook with a reply directly above line", "CRM Comments"),
    "email_2_3.txt": ("Outlook with a reply above headers", "Kim via Site"),
    "email_headers_no_delimiter.txt": ("And another reply!", "Dan Watson"),
    "email_sig_delimiter_in_middle_of_line.txt": ("this is not a signature", "\u0000"),
    "greedy_on.txt": ("telnet 127.0.0.1 52698", "George Plymale"),
    "pathological.txt": ("I think you're onto something", "John Sullivan"),
}


@pytest.mark.parametrize(("name", "kept_and_dropped"), ZAPIER.items(), ids=ZAPIER.keys())
def test_reply_corpus_bodies_are_split(name: str, kept_and_dropped: tuple[str, str]) -> None:
    from tests.paths import CORPORA

    kept, dropped = kept_and_dropped
    text = (CORPORA / "zapier-email-reply-parser" / name).read_text(encoding="utf-8")
    split = split_reply(text)
    assert kept in split.text
    assert dropped not in split.text


@pytest.mark.parametrize(
    "postscript",
    ["P.S. Forget line 2, we still have sugar.", "PS : enlevez la ligne 2, il nous reste du sucre."],
    ids=["p-s-en", "ps-colon-fr"],
)
def test_a_postscript_under_the_sign_off_is_text_again(postscript: str) -> None:
    lines = [
        "Bonjour,",
        "- 4 colis de café en grains",
        "- 2 sacs de sucre",
        "Cordialement,",
        "Anne Roux",
        "",
        postscript,
    ]
    text, signature = split_signature(lines)
    assert postscript in text and "- 2 sacs de sucre" in text
    assert signature == ["Cordialement,", "Anne Roux", ""]
