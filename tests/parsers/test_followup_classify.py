"""The follow-up kind a message's words say: FR and EN, bodies, replies and forwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import ConfigError
from models.followups import FollowupKind, ReturnReason
from parsers import parse_message
from parsers.classify import classify
from parsers.classify.followup import followup_sign, load_followup_vocabulary

ORDER_QUOTED = "\n".join(
    [
        "> Bonjour,",
        "> Voici notre commande BC-4512 :",
        "> - 10 x VIS-430-200 vis 4x30",
        "> - 4 x CHE-8-100 chevilles 8 mm",
        "> Cordialement",
    ]
)


def _mail(subject: str, body: str, *, reply_to: str | None = None) -> bytes:
    head = [
        "From: achats@client-exemple.fr",
        "To: commandes@fournisseur.fr",
        f"Subject: {subject}",
        "Date: Mon, 23 Nov 2026 09:00:00 +0100",
        "Message-ID: <m1@client-exemple.fr>",
    ]
    if reply_to:
        head += [f"In-Reply-To: {reply_to}", f"References: {reply_to}"]
    head += ["Content-Type: text/plain; charset=utf-8", "", body]
    return "\r\n".join(head).encode()


def _kind(subject: str, body: str, **kw: str) -> tuple[FollowupKind, object]:
    parsed = parse_message(_mail(subject, body, **kw))
    parsed.classification = classify(parsed)
    sign = followup_sign(parsed, is_order=parsed.classification.is_order)
    return sign.kind, sign


@pytest.mark.parametrize(
    ("subject", "body", "kind"),
    [
        ("Commande BC-4512", "Bonjour,\nmerci d'ajouter 2 cartons de gants à ma commande d'hier.", "change"),
        ("PO 7731", "Hello,\nplease change line 3 to 50 pcs on PO 7731.\nThanks", "change"),
        ("Livraison", "Bonjour,\npouvez-vous décaler la livraison de notre commande BC-4512 au 30/11 ?", "change"),
        ("Annulation", "Bonjour,\nmerci d'annuler notre commande BC-4512.\nCordialement", "cancellation"),
        ("Cancel PO 7731", "Hi,\nplease cancel PO 7731, we ordered twice.\nRegards", "cancellation"),
        ("BC 4512", "Bonjour,\nce bon annule et remplace notre BC 4512.\n- 10 x VIS-430-200\nMerci", "replacement"),
        ("PO 7731 rev 2", "Hello,\nthis PO supersedes PO 7731.\n- 5 x VIS-430-200\nRegards", "replacement"),
        ("Retour", "Bonjour,\nles vis reçues sont en 4x40 au lieu de 4x30, on vous les retourne.", "return"),
        ("Damaged goods", "Hi,\ntwo boxes arrived damaged, we would like to send them back.\nTom", "return"),
        ("Commande", "Bonjour,\noù en est ma commande BC-4512 ? Nous n'avons toujours rien reçu.", "delivery_question"),
        ("Our order", "Hello,\nwhere is our order from Monday? Could you send the tracking number?", "delivery_question"),
        ("Merci", "Bonjour,\nmerci pour la livraison, tout est conforme.\nBonne journée", "other"),
        ("Facture FA-1187", "Bonjour,\nle mitigeur est facturé 52,00 € au lieu de 48,00 €. Pouvez-vous faire un avoir ?", "other"),
        ("Invoice 1187", "Hello,\nthe valves were invoiced at £12.40 instead of £11.90, please correct the price.", "other"),
        ("Commande BC-4512", "Bonjour,\nmettez 8 cartons au lieu de 6 sur notre commande BC-4512.", "change"),
    ],
    ids=[
        "add-fr", "line-en", "delivery-fr", "cancel-fr", "cancel-en", "replace-fr", "replace-en",
        "return-wrong-fr", "return-damaged-en", "where-fr", "where-en", "thanks",
        "price-dispute-fr", "price-dispute-en", "instead-of-a-count",
    ],
)  # fmt: skip
def test_kind_in_bodies(subject: str, body: str, kind: str) -> None:
    assert _kind(subject, body)[0] == FollowupKind(kind)


def test_a_reply_asking_a_change_is_no_new_order_though_it_quotes_the_order() -> None:
    body = f"Bonjour,\nmerci de retirer les chevilles CHE-8-100.\n\nLe 20/11/2026, achats a écrit :\n{ORDER_QUOTED}"
    kind, _ = _kind("RE: Commande BC-4512", body, reply_to="<order@client-exemple.fr>")
    assert kind == FollowupKind.CHANGE


def test_a_forward_with_a_change_on_top_is_a_change() -> None:
    original = ORDER_QUOTED.replace("> ", "")
    body = (
        "Bonjour,\nmerci de passer les vis VIS-430-200 à 20 boîtes sur la commande ci-dessous.\n\n"
        f"-------- Message transféré --------\nDe : achats@client-exemple.fr\nObjet : Commande BC-4512\n\n{original}"
    )
    assert _kind("TR: Commande BC-4512", body)[0] == FollowupKind.CHANGE


def test_a_new_order_in_a_thread_stays_a_new_order() -> None:
    body = (
        "Bonjour,\nmerci pour la confirmation. Voici une nouvelle commande BC-4520 :\n"
        f"- 6 x VIS-430-200 vis 4x30\n- 2 x CHE-8-100 chevilles\nCordialement\n\nLe 20/11, achats a écrit :\n{ORDER_QUOTED}"
    )
    assert (
        _kind("RE: Commande BC-4512", body, reply_to="<order@client-exemple.fr>")[0] == FollowupKind.NEW_ORDER
    )


@pytest.mark.parametrize(
    "said",
    [
        "Pouvez-vous ajouter une commande complémentaire, réf. PLB-2604, pour lundi :\n- 6 x VIS-430-200 vis 4x30",
        "Could you add a further order, ref. LAB-2604, for Monday:\n- 6 x VIS-430-200 vis 4x30",
        "Merci. Je rajoute une commande supplémentaire pour la papeterie :\n- 2 x CHE-8-100 chevilles",
    ],
    ids=["commande-complementaire-fr", "further-order-en", "commande-supplementaire-fr"],
)
def test_an_order_added_beside_the_one_confirmed_is_a_new_order(said: str) -> None:
    body = f"Bonjour,\n{said}\nCordialement\n\nLe 20/11, achats a écrit :\n{ORDER_QUOTED}"
    assert (
        _kind("RE: Commande BC-4512", body, reply_to="<order@client-exemple.fr>")[0] == FollowupKind.NEW_ORDER
    )


def test_an_order_that_says_instead_of_but_names_no_earlier_order_stays_an_order() -> None:
    body = "Bonjour,\nmerci de nous livrer :\n- 10 x VIS-430-200 vis 4x30 (au lieu des 4x40 habituelles)\n- 4 x CHE-8-100\nCordialement"
    parsed = parse_message(_mail("Nouvelle commande", body))
    parsed.classification = classify(parsed)
    assert parsed.classification.is_order
    assert followup_sign(parsed, is_order=True).kind == FollowupKind.NEW_ORDER


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("les gants reçus sont en taille L au lieu de M, on vous les retourne", ReturnReason.WRONG_ARTICLE),
        ("3 cartons sont arrivés abîmés, on vous les retourne", ReturnReason.DAMAGED),
        ("we received 2 boxes too many and would like to return them", ReturnReason.SURPLUS),
        ("the gloves are defective and tear at once, we will send them back", ReturnReason.QUALITY),
    ],
    ids=["wrong", "damaged", "surplus", "quality"],
)
def test_return_reason(body: str, reason: ReturnReason) -> None:
    kind, sign = _kind("Retour commande BC-4512", f"Bonjour,\n{body}.\nMerci")
    assert kind == FollowupKind.RETURN
    assert sign.return_reason == reason  # type: ignore[attr-defined]


def test_written_references_are_kept_for_linking() -> None:
    _, sign = _kind("Annulation", "Bonjour,\nmerci d'annuler notre commande BC-4512.\nCordialement")
    assert "BC-4512" in sign.references  # type: ignore[attr-defined]


def test_a_broken_vocabulary_names_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "followup.toml"
    broken.write_text(
        'threshold = 2.0\nprecedence = ["change"]\nearlier = ["("]\n[kinds]\n[return_reasons]\n'
    )
    with pytest.raises(ConfigError, match=r"followup\.toml"):
        load_followup_vocabulary(broken)


@pytest.mark.parametrize(
    "body",
    [
        "Bonjour,\nil manque 2 rouleaux de gaine sur le BL 26-118. Livrez-les avec la prochaine tournée, "
        "pas besoin d'une nouvelle commande.\nMerci",
        "Hello,\nthe pallet came short by 2 boxes of screws. Please add them to your next run, "
        "no need for a new order.\nThanks",
    ],
    ids=["pas-besoin-d-une-nouvelle-commande", "no-need-for-a-new-order"],
)
def test_no_need_for_a_new_order_says_no_new_order(body: str) -> None:
    kind, _ = _kind("Livraison", body)
    assert kind != FollowupKind.NEW_ORDER


@pytest.mark.parametrize(
    "body",
    [
        "Bonjour,\nmerci de nous livrer :\n- 6 bidons de liquide vaisselle 5 L\n- 4 cartons d'essuie-mains\n"
        "Notre réf. BC-7731\nP.S. Oubliez les essuie-mains, c'est déjà commandé par le magasin. Ajoutez 2 seaux.",
        "Hello,\nplease deliver:\n- 6 cans of dish soap 5 L\n- 4 cases of paper towels\nOur ref. BC-7731\n"
        "P.S. Drop the paper towels, they were already ordered by the site. Add 2 buckets.",
    ],
    ids=["fr", "en"],
)
def test_a_line_someone_else_ordered_points_to_no_order_taken_here(body: str) -> None:
    parsed = parse_message(_mail("Réassort", body))
    sign = followup_sign(parsed, is_order=True)
    assert sign.kind == FollowupKind.NEW_ORDER or sign.tentative


@pytest.mark.parametrize(
    "body",
    [
        "We only received 5 reams of the A4 paper, not 6. Please just credit the missing ream, no need to send it.",
        "Only 9 of the 10 pipettes arrived. Could you credit us for the missing one?",
        "Il manquait 2 sacs de terreau sur la livraison : faites-nous un avoir, inutile de les renvoyer.",
    ],
    ids=["credit-the-missing-en", "credit-us-for-en", "faites-nous-un-avoir-fr"],
)
def test_a_short_delivery_asked_as_a_credit_is_no_order(body: str) -> None:
    kind, _ = _kind("RE: Dispatch PO-2598", f"Hello,\n{body}\nThanks")
    assert kind == FollowupKind.RETURN


@pytest.mark.parametrize(
    "body",
    [
        "Livraison reçue, mais 3 tubes cuivre étaient tordus. Pas besoin de les reprendre, faites-nous simplement un avoir.",
        "2 cartons de ramettes étaient éventrés, le papier est inutilisable. Pas besoin de les renvoyer, faites-nous un avoir.",
        "Two of the radiator valves arrived cracked. No need to collect them, please just credit us.",
    ],
    ids=["tordus-un-avoir-fr", "eventres-un-avoir-fr", "cracked-credit-us-en"],
)
def test_spoilt_goods_asked_as_a_credit_are_no_order(body: str) -> None:
    kind, _ = _kind("RE: Expédition commande BC-2611", f"Bonjour,\n{body}\nMerci")
    assert kind == FollowupKind.RETURN


@pytest.mark.parametrize(
    "body",
    [
        "Pas besoin de les renvoyer, faites-nous un avoir.",
        "Plus besoin de passer demain, tout est arrivé.",
    ],
    ids=["pas-besoin", "plus-besoin"],
)
def test_a_need_denied_is_no_sign_of_an_order(body: str) -> None:
    reasons = classify(parse_message(_mail("RE: livraison", f"Bonjour,\n{body}\nMerci"))).reasons
    assert not any("besoin" in reason for reason in reasons)


@pytest.mark.parametrize(
    "body",
    [
        "Finalement annulez les agrafeuses sur la commande ci-dessous, merci.",
        "Annulez le siphon de la commande d'hier svp.",
        "Please cancel the toner cartridges from our order below, thanks.",
    ],
    ids=[
        "annulez-les-sur-la-commande-fr-office",
        "annulez-le-de-la-commande-fr-plumbing",
        "cancel-the-from-our-order-en",
    ],
)
def test_an_article_called_off_an_order_is_a_change(body: str) -> None:
    kind, _ = _kind("RE: commande atelier", f"Bonjour,\n{body}\n\n{ORDER_QUOTED}")
    assert kind == FollowupKind.CHANGE
