"""Who sent the order: sender, forwarded sender, VAT, name and address, shared domains."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from matchers import CatalogIndex, match_customer
from models import Address, Extracted, ExtractedOrder, ParsedMessage, SourceRow


def make_message(
    sender: str,
    text: str = "Bonjour,\nmerci de livrer.\n",
    *,
    forwarded: str | None = None,
    signature: str = "",
) -> ParsedMessage:
    return ParsedMessage(
        message_id="<t@x>",
        sender=Address(email=sender),
        forwarded_sender=Address(email=forwarded) if forwarded else None,
        text=text,
        signature=signature,
    )


def make_order(
    *, ship_to: str | None = None, buyer: str | None = None, vat: str | None = None
) -> ExtractedOrder:
    return ExtractedOrder(
        ship_to=Extracted(value=ship_to) if ship_to else None,
        buyer_name=Extracted(value=buyer) if buyer else None,
        buyer_vat=Extracted(value=vat) if vat else None,
    )


def test_known_contact_address_decides(samples_index: CatalogIndex) -> None:
    match = match_customer(
        make_message("commandes@brasserie-du-port-arcachon.fr"), make_order(), samples_index
    )
    assert (match.customer_id, match.sender_known) == ("C0104", True)


def test_domain_of_one_customer_decides(samples_index: CatalogIndex) -> None:
    match = match_customer(
        make_message("someone.new@brasserie-du-port-arcachon.fr"), make_order(), samples_index
    )
    assert match.customer_id == "C0104"


def test_site_address_picks_its_site_even_if_text_names_the_other(samples_index: CatalogIndex) -> None:
    # The domain is shared by two sites; the site's own contact sent it, the text
    # names the other site only to say it is not concerned.
    text = "Commande restaurant Intendance.\nNe rien livrer à Mérignac cette semaine.\n"
    match = match_customer(
        make_message("approvisionnement@burgersdeleon.fr", text), make_order(), samples_index
    )
    assert match.customer_id == "C0136"
    assert {c.key for c in match.candidates} >= {"C0136", "C0139"}


def test_shared_domain_alone_does_not_decide(samples_index: CatalogIndex) -> None:
    match = match_customer(make_message("nouveau@burgersdeleon.fr"), make_order(), samples_index)
    assert match.customer_id is None
    assert {c.key for c in match.candidates} == {"C0136", "C0139"}


@pytest.mark.parametrize(
    ("ship_to", "customer"),
    [
        ("Hôtel Les Terrasses Biarritz, Économat, 14 avenue de l'Impératrice, 64200 Biarritz", "C0121"),
        ("Hôtel Les Terrasses Anglet, Économat, 7 boulevard des Plages, 64600 Anglet", "C0122"),
    ],
    ids=["biarritz", "anglet"],
)
def test_shared_group_address_the_documents_ship_to_decides(
    samples_index: CatalogIndex, ship_to: str, customer: str
) -> None:
    message = make_message("achats@hotels-lesterrasses.fr", "Please find our POs for Biarritz and Anglet.\n")
    match = match_customer(message, make_order(ship_to=ship_to), samples_index)
    assert match.customer_id == customer


def test_shared_group_address_without_site_goes_to_review(samples_index: CatalogIndex) -> None:
    match = match_customer(make_message("achats@hotels-lesterrasses.fr"), make_order(), samples_index)
    assert match.customer_id is None
    assert match.margin < 0.15


def test_forward_by_our_own_staff_uses_the_original_sender(samples_index: CatalogIndex) -> None:
    message = make_message("m.girard@comptoir-atlantique-chr.fr", forwarded="pantxo@chezpantxo.fr")
    match = match_customer(message, make_order(), samples_index)
    assert match.customer_id == "C0205"
    assert any(e.kind == "forwarded_email" for e in match.candidates[0].evidence)


def test_forward_of_a_free_mail_list_by_a_known_contact(samples_index: CatalogIndex) -> None:
    message = make_message("direction@grandhotel-ocean-lacanau.fr", forwarded="chef.lebrun.lacanau@gmail.com")
    assert match_customer(message, make_order(), samples_index).customer_id == "C0142"


def test_free_mail_sender_identified_from_signature_only(samples_index: CatalogIndex) -> None:
    signature = "Hélène Ferrand\nGérante\nRestaurant L'Estuaire\n2 quai Barbe – 33390 Blaye\n"
    match = match_customer(
        make_message("helene.f@gmail.com", signature=signature), make_order(), samples_index
    )
    assert (match.customer_id, match.sender_known) == ("C0160", False)
    assert match.score < 0.9
    assert all(not e.kind.startswith(("email", "domain")) for e in match.candidates[0].evidence)


def test_misspelt_name_in_signature_still_found(samples_index: CatalogIndex) -> None:
    text = "Voici la commande.\nYann\nCrêperie Ty Breizhh Atlantique - Royan\n"
    assert (
        match_customer(make_message("yann@laposte.net", text), make_order(), samples_index).customer_id
        == "C0166"
    )


@pytest.mark.parametrize(
    "written",
    ["N° TVA : FR 94 454 434 325", "SIRET 454 434 325 00017"],
    ids=["vat", "siret"],
)
def test_vat_or_siret_in_the_text(samples_index: CatalogIndex, written: str) -> None:
    match = match_customer(
        make_message("x@unknown.example", f"Commande\n{written}\n"), make_order(), samples_index
    )
    assert match.customer_id == "C0121"


def test_unknown_sender_and_no_clue_is_no_customer(samples_index: CatalogIndex) -> None:
    match = match_customer(make_message("x@unknown.example"), make_order(), samples_index)
    assert (match.customer_id, match.candidates) == (None, [])


def test_fixture_catalogue_agencies_share_domain_and_vat(fixtures_index: CatalogIndex) -> None:
    message = make_message("compta@batisud.com", "Commande\nTVA FR20552081317\n")
    match = match_customer(message, make_order(ship_to="2 av. de la Gare, 33500 Libourne"), fixtures_index)
    assert match.customer_id == "G005"


@pytest.mark.parametrize(
    ("title", "customer"),
    [("Batisud Agence Libourne", "G005"), ("Batisud - Bordeaux branch", "G004")],
    ids=["libourne-fr", "bordeaux-en"],
)
def test_a_document_titled_with_one_site_of_a_shared_domain_names_it(
    fixtures_index: CatalogIndex, title: str, customer: str
) -> None:
    rows = [
        SourceRow(text=title, region="header"),
        SourceRow(text="Réf. | Désignation | Qté", region="header"),
    ]
    order = ExtractedOrder(source="spreadsheet", rows=rows)
    match = match_customer(
        make_message("achats@batisud.com", "Bonjour,\ncommande en PJ.\n"), order, fixtures_index
    )
    assert match.customer_id == customer


def test_a_document_naming_no_site_leaves_a_shared_domain_to_review(fixtures_index: CatalogIndex) -> None:
    order = ExtractedOrder(source="spreadsheet", rows=[SourceRow(text="Batisud - commande", region="header")])
    match = match_customer(
        make_message("achats@batisud.com", "Bonjour,\ncommande en PJ.\n"), order, fixtures_index
    )
    assert match.customer_id is None


@pytest.mark.parametrize(
    ("cells", "customer"),
    [("Dépôt | Libourne", "G005"), ("Site: Bordeaux", "G004"), ("Libourne et Bordeaux", None)],
    ids=["libourne-cell", "bordeaux-label", "both-named"],
)
def test_a_cell_naming_one_sites_own_word_names_it_from_the_groups_address(
    fixtures_index: CatalogIndex, cells: str, customer: str | None
) -> None:
    rows = [
        SourceRow(text=cells, region="header"),
        SourceRow(text="Réf. | Désignation | Qté", region="header"),
    ]
    order = ExtractedOrder(source="spreadsheet", rows=rows)
    match = match_customer(
        make_message("approvisionnement@batisud.com", "Bonjour,\ncommande en PJ.\n"), order, fixtures_index
    )
    assert match.customer_id == customer


def test_the_documents_own_site_wins_over_a_subject_naming_every_site(fixtures_index: CatalogIndex) -> None:
    rows = [SourceRow(text="Batisud - Agence Libourne", region="header")]
    message = make_message("approvisionnement@batisud.com", "Bonjour,\nles commandes des agences.\n")
    message = message.model_copy(update={"subject": "Commandes Bordeaux et Libourne"})
    match = match_customer(message, ExtractedOrder(source="spreadsheet", rows=rows), fixtures_index)
    assert match.customer_id == "G005"


def test_an_address_alone_names_no_customer(samples_index: CatalogIndex) -> None:
    # A buyer new to us delivering to a customer's address: where the goods go is not who buys.
    order = make_order(ship_to="31 cours de l'Intendance, 33000 Bordeaux")
    match = match_customer(make_message("mark@harbour-scaffolding.co.uk"), order, samples_index)
    assert match.customer_id is None
    assert "C0136" in {c.key for c in match.candidates}


@pytest.mark.parametrize(
    ("text", "customer"),
    [
        ("Pour le restaurant de Mérignac, pas pour l'Intendance :\n4 cartons de frites", "C0139"),
        ("Livraison à Mérignac, et non à Bordeaux.\n4 cartons de frites", "C0139"),
        ("Livraison à Mérignac ou Intendance, au choix.\n4 cartons de frites", None),
    ],
    ids=["one-site-named-the-other-turned-away", "et-non", "both-named"],
)
def test_the_sender_s_text_naming_one_site_of_a_shared_domain_names_it(
    samples_index: CatalogIndex, text: str, customer: str | None
) -> None:
    match = match_customer(make_message("nouveau@burgersdeleon.fr", text), make_order(), samples_index)
    assert match.customer_id == customer


_TIED = """
from matchers.customer_terms import TermIndex
index = TermIndex.build({f"K{n:02d}": f"Menuiserie Dubreuil atelier {n}" for n in range(12)})
print(sorted(index.coverage({"menuiserie", "dubreuil"}).items()) == list(index.coverage({"menuiserie", "dubreuil"}).items()))
print(list(index.coverage({"menuiserie", "dubreuil"}).items()))
"""


def test_customers_a_text_names_alike_come_in_the_same_order_whatever_the_hash_seed() -> None:
    runs = [
        subprocess.run(
            [sys.executable, "-c", _TIED],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("0", "1", "2")
    ]
    assert runs[0].startswith("True") and runs[0] == runs[1] == runs[2]


def _from_the_desk(text: str) -> ParsedMessage:
    return ParsedMessage(
        message_id="<t@x>",
        sender=Address(email="m.girard@comptoir-atlantique-chr.fr"),
        to=[Address(email="commandes@comptoir-atlantique-chr.fr")],
        text=text,
    )


def test_a_colleague_passing_on_a_call_names_the_customer_in_words(samples_index: CatalogIndex) -> None:
    items = "".join(f"- {n} cartons de bols {n}0 cl\n" for n in range(2, 12))
    message = _from_the_desk(f"Commande prise au téléphone pour la Brasserie du Port :\n{items}\nMarc\n")
    match = match_customer(message, make_order(), samples_index)
    assert (match.customer_id, match.sender_known) == ("C0104", False)


@pytest.mark.parametrize(
    "forwarded",
    ["m.girard@comptoir-atlantique-chr.fr", "s.leroux@comptoir-atlantique-chr.fr"],
    ids=["own-note-forwarded", "a-colleagues-note"],
)
def test_a_colleague_forwarding_a_note_of_the_desk_names_the_customer_in_words(
    samples_index: CatalogIndex, forwarded: str
) -> None:
    items = "".join(f"- {n} cartons de bols {n}0 cl\n" for n in range(2, 6))
    message = _from_the_desk(f"Pour saisie svp.\n\nBrasserie du Port au tél :\n{items}")
    message.forwarded_sender = Address(email=forwarded)
    match = match_customer(message, make_order(), samples_index)
    assert match.customer_id == "C0104"


def test_the_town_the_goods_go_to_names_no_other_customer(samples_index: CatalogIndex) -> None:
    # 'Hôtel Ibiscus Bordeaux Lac' shares its words with the town of a depot the known sender delivers to.
    order = make_order(ship_to="12 allée des Pins, 33300 Bordeaux Lac")
    match = match_customer(make_message("bellarina.pizzeria@gmail.com"), order, samples_index)
    assert match.customer_id == "C0148"
    assert not any(e.kind == "ship_to_name" for c in match.candidates for e in c.evidence)


def test_a_known_contact_naming_another_site_of_its_domain_orders_for_its_own_account(
    fixtures_index: CatalogIndex,
) -> None:
    # A group's buyer ordering for one of its houses: the house is where the goods go, not who orders.
    message = make_message("bordeaux@batisud.com", "Bonjour,\nà livrer à l'agence de Libourne svp.\n")
    message = message.model_copy(update={"subject": "Commande Libourne"})
    assert match_customer(message, make_order(), fixtures_index).customer_id == "G004"
