"""The ship-to in the shapes order forms print it: a label that ends with 'livraison', the date written
before the address, a site known only by its name."""

from __future__ import annotations

import pytest

from models import ParsedMessage
from parsers.documents.sheets import read_sheet
from parsers.text.reader import extract_from_text
from parsers.text.ship_to import names_a_place_only, ship_to
from tests.factories.documents import make_workbook

PART = "attachment:order"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Point de livraison : Pharmacie du Marché, 3 place Carnot, 21000 Dijon\n",
            "Pharmacie du Marché, 3 place Carnot, 21000 Dijon",
        ),
        (
            "Lieu d'intervention / livraison : Serre municipale, 12 rue des Lilas, 44000 Nantes (portail vert)\n",
            "Serre municipale, 12 rue des Lilas, 44000 Nantes",
        ),
        (
            "Livraison : semaine 50, serre nord, 8 route de Lyon, 26000 Valence\n",
            "Serre nord, 8 route de Lyon, 26000 Valence",
        ),
        (
            "Deliver to: Friday 11/12/2026, Greenhouse 3, Tollgate Lane, Spalding PE11 3QT\n",
            "Greenhouse 3, Tollgate Lane, Spalding PE11 3QT",
        ),
        (
            "Voici la commande du dépôt de Fourques, à livrer directement sur place : Serre 4, Route de Beaucaire,"
            " 30300 Fourques.",
            "Serre 4, Route de Beaucaire, 30300 Fourques",
        ),
        (
            "Here is the request from the Hythe depot, to be delivered on site: Greenhouse 3, Tollgate Lane,"
            " Spalding PE11 3QT.",
            "Greenhouse 3, Tollgate Lane, Spalding PE11 3QT",
        ),
        (
            "Merci de livrer au 7 chemin des Vignes, 84000 Avignon :\n- 3 cartons de serviettes\n",
            "7 chemin des Vignes, 84000 Avignon",
        ),
        (
            "Livrez-nous à la cuisine, 5 impasse du Four 44000 Nantes svp\n",
            "Cuisine, 5 impasse du Four 44000 Nantes",
        ),
        (
            "Delivery on Thursday the third of December before noon please, to our lab store: Bâtiment C, 2 rue des"
            " Martyrs, 38000 Grenoble (not building A).",
            "Bâtiment C, 2 rue des Martyrs, 38000 Grenoble",
        ),
    ],
    ids=[
        "label-ending-with-livraison",
        "two-words-for-one-label",
        "week-before-the-address",
        "date-before-it",
        "the-label-its-colon-closes",
        "the-label-its-colon-closes-en",
        "the-address-its-colon-closes",
        "a-word-of-politeness-after-the-town",
        "a-long-day-between-delivery-and-to",
    ],
)
def test_a_ship_to_after_a_label_of_the_form(text: str, expected: str) -> None:
    found = ship_to(text, part="body")
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "Date de livraison : 12/11/2026\n",
        "Frais de livraison : 15,00 EUR\n",
        "Délai de livraison : 3 jours\n",
    ],
    ids=["a-date", "a-charge", "a-lead-time"],
)
def test_no_ship_to_after_a_label_of_something_else_about_the_delivery(text: str) -> None:
    assert ship_to(text, part="body") is None


@pytest.mark.parametrize(
    ("text", "only"),
    [
        ("Serre de Villeneuve - quai", True),
        ("Pharmacy depot", True),
        ("Serre nord, 8 route de Lyon, 26000 Valence", False),
        ("Campus Agro, bâtiment B", False),
    ],
)
def test_a_site_named_alone(text: str, only: bool) -> None:
    assert names_a_place_only(text) is only


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Serre de Villeneuve - quai", None),
        ("Serre nord, 8 route de Lyon, 26000 Valence", "Serre nord, 8 route de Lyon, 26000 Valence"),
    ],
    ids=["a-site-by-its-name-is-the-customers-file", "an-address"],
)
def test_a_sheets_delivery_cell(value: str, expected: str | None) -> None:
    rows = [["Commande n°", "VG-26-0412"], ["Livrer à", value], [], ["Réf.", "Désignation", "Qté"]]
    rows += [["GR-0412", "Gazon rustique sac 10 kg", 6]]
    order = read_sheet(make_workbook({"BC": rows}), "bc.xlsx", PART)
    assert (order.ship_to.value if order.ship_to else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "tout ça livré au chantier Résidence Les Acacias, 8 rue Pasteur, 69700 Givors avant vendredi svp",
            "Résidence Les Acacias, 8 rue Pasteur, 69700 Givors",
        ),
        (
            "faut livrer direct au chantier 4 rue de l'Église 29800 Plouédern demain matin si possible",
            "4 rue de l'Église 29800 Plouédern",
        ),
        (
            "à livrer au dépôt 12 chemin des Prés, 38400 Saint Martin d'Hères dès lundi",
            "12 chemin des Prés, 38400 Saint Martin d'Hères",
        ),
        (
            "Livraison : labo B, 3 rue des Chimistes, 69400 Villefranche sur Saône avant midi",
            "Labo B, 3 rue des Chimistes, 69400 Villefranche sur Saône",
        ),
    ],
    ids=[
        "a-site-then-a-day",
        "a-site-by-its-street-then-a-time",
        "a-depot-then-a-day",
        "a-town-of-joined-words",
    ],
)
def test_a_ship_to_leaves_out_the_kind_of_place_before_it_and_the_words_after_its_town(
    text: str, expected: str
) -> None:
    found = ship_to(text, part="body")
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        (
            "il me faut 3 sacs de plâtre et 2 seaux de colle carrelage, tu livres au chantier : Résidence Les Pins, "
            "lieu-dit Kervénan, 29120 Pont-l'Abbé, je suis là dès 8h\n",
            [3, 2],
        ),
        (
            "Please send 12 reams of A4 paper and 4 boxes of staples, deliver to the site: Annexe B, "
            "Les Hauts de Brest, 29200 Brest, reception opens at 9.\n",
            [12, 4],
        ),
        (
            "merci de nous livrer 6 bidons de 5 L de javel, livraison à la cantine : Groupe scolaire Jaurès, "
            "69100 Villeurbanne\n",
            [6],
        ),
    ],
    ids=["site-fr", "site-en", "canteen-fr"],
)
def test_the_postcode_of_the_address_read_counts_nothing(text: str, counts: list[int]) -> None:
    order = extract_from_text(ParsedMessage(message_id="<t@x>", text=text))
    assert order.ship_to is not None
    assert [line.quantity.value for line in order.lines] == counts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "il me faudrait 12 coudes et 6 manchons, le camion peut entrer par le portail du bas : Résidence Les"
            " Pins, 4 rue des Écoles, 31000 Toulouse, je suis là dès 7h",
            "Résidence Les Pins, 4 rue des Écoles, 31000 Toulouse",
        ),
        (
            "6 boxes of copier paper please. The lorry can get in by the back gate: Unit 4, Mill Lane, Leeds LS1 4AB."
            " Thanks",
            "Unit 4, Mill Lane, Leeds LS1 4AB",
        ),
        (
            "Pour le chauffeur, l'accès se fait par la cour : Lycée Jean Moulin, 2 avenue Foch, 69006 Lyon\n",
            "Lycée Jean Moulin, 2 avenue Foch, 69006 Lyon",
        ),
    ],
    ids=["camion-portail-fr-plumbing", "lorry-back-gate-en-office", "chauffeur-acces-fr-lab"],
)
def test_the_way_in_for_the_vehicle_names_the_delivery_address(text: str, expected: str) -> None:
    found = ship_to(text, part="body")
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bonjour,\n2 x Flacon 500 ml\n\nAdresse : Atelier Morel, 4 rue Basse, 31250 Revel\n\nMerci",
            "Atelier Morel, 4 rue Basse, 31250 Revel",
        ),
        (
            "6 reams of A4\nAddress: Unit 4, Mill Lane, Leeds LS1 4AB\nThanks",
            "Unit 4, Mill Lane, Leeds LS1 4AB",
        ),
        ("Adresse de facturation : 3 rue de la Paix, 69002 Lyon\n4 coudes 22", None),
        ("Notre adresse : 3 rue de la Paix, 69002 Lyon\n4 coudes 22", None),
    ],
    ids=["adresse-alone-fr-plumbing", "address-alone-en-office", "adresse-de-facturation", "notre-adresse"],
)
def test_an_address_labelled_alone_on_its_line(text: str, expected: str | None) -> None:
    found = ship_to(text, part="body")
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "livrez direct chez eux : M. et Mme Durand, 12 rue des Lilas, 69003 Lyon. merci",
            "12 rue des Lilas, 69003 Lyon",
        ),
        (
            "vous livrez chez le client au 4 impasse du Moulin, 31250 Revel avant jeudi",
            "4 impasse du Moulin, 31250 Revel",
        ),
        (
            "Livraison : Chantier du Parc au 12 rue Basse, 31250 Revel",
            "Chantier du Parc au 12 rue Basse, 31250 Revel",
        ),
    ],
    ids=["civility-and-name-fr", "le-client-au-fr", "a-named-place-stays"],
)
def test_the_people_the_goods_go_to_are_no_part_of_the_address(text: str, expected: str) -> None:
    found = ship_to(text, part="body")
    assert found is not None and found.value == expected
