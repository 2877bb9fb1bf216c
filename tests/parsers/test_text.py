"""The body reader end to end on ParsedMessage objects."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models import Attachment, ParsedMessage, Table, TableCell
from parsers import extract_orders
from parsers.text.reader import extract_from_text, read_lines

SENT = dt.datetime(2026, 11, 5, 8, 14, tzinfo=dt.timezone(dt.timedelta(hours=1)))  # a Thursday


def _parsed(text: str = "", **kwargs) -> ParsedMessage:
    return ParsedMessage(message_id="<t@x>", text=text, date=SENT, **kwargs)


@pytest.mark.parametrize(
    ("said", "items"),
    [
        (
            "please supply - but only 2 of the safety glasses, not 3.",
            "3 x safety glasses\n4 x nitrile gloves",
        ),
        (
            "merci de préparer, mais seulement 2 lunettes de sécurité, pas 3.",
            "3 x lunettes de sécurité\n4 x gants nitrile",
        ),
        (
            "attention : mettez 2 boîtes de lunettes de sécurité et pas 3, il en reste.",
            "- 3 boîtes lunettes de sécurité\n- 4 boîtes gants nitrile",
        ),
        (
            "make it 2 boxes of safety glasses, not 3.",
            "3 x safety glasses\n4 x nitrile gloves",
        ),
    ],
    ids=["en", "fr", "put-fr", "make-it-en"],
)
def test_a_forwarder_keeping_only_part_of_a_quantity_changes_the_forwarded_line(
    said: str, items: str
) -> None:
    text = f"Hi team,\n\nlist from the workshop below, {said}\n\nSubject: parts list\n\n{items}\n"
    order = extract_from_text(_parsed(text, subject="FW: parts list"))
    assert [ln.quantity.value for ln in order.lines] == [Decimal(2), Decimal(4)]


QUOTE = (
    "De : Ventes <ventes@fournisseur.fr>\nObjet : Devis D26-1180\n\nVoici notre devis D26-1180 :\n\n"
    "Réf.            Désignation                         Qté   PU HT\n"
    "GDB1351         Plaquettes AV TRW Sandero II        2     41,80\n"
    "21365005        Huile Quartz 9000 5W40 bidon 5 L    3     38,50\n"
)


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("Bon pour accord sur votre devis D26-1180 ci-dessous, livraison dès que possible.", [2, 3]),
        ("Yes, we accept your quotation, please deliver next week.", [2, 3]),
        ("Bon pour accord sur votre devis, sauf l'huile que nous ne prenons pas.", []),
        ("Merci pour le devis, nous revenons vers vous.", []),
    ],
    ids=["accepted", "accepted-en", "accepted-but-changed", "not-accepted"],
)
def test_a_quote_accepted_as_it_stands_is_the_order(said: str, read: list[int]) -> None:
    order = extract_from_text(_parsed(f"Bonjour,\n\n{said}\n", quoted=QUOTE, subject="RE: Devis D26-1180"))
    assert [int(ln.quantity.value) for ln in order.lines] == read
    assert all(ln.quantity.provenance.part == "quoted" for ln in order.lines)


def test_list_with_fields_and_signature() -> None:
    text = (
        "Bonjour,\n\nN° de commande : MB-2611-07\n\n- VIS-440-200  Vis 4x40 : 3\n- 2 rlx ruban 25 mm\n\n"
        "Livraison lundi prochain.\n\nCordialement,\nPierre Martin\n05 56 47 21 90\n"
    )
    order = extract_from_text(_parsed(text, subject="Commande"))
    assert [(ln.line_no, ln.quantity.value) for ln in order.lines] == [(1, Decimal(3)), (2, Decimal(2))]
    assert order.po_number.value == "MB-2611-07"
    assert order.requested_delivery_date.value == dt.date(2026, 11, 9)
    assert order.contact_phone.value == "05 56 47 21 90"
    span = order.lines[0].quantity.provenance.span
    assert text[span[0] : span[1]] == "3"


def test_forwarder_overrides_quantity_and_date() -> None:
    text = (
        "Bon pour commande ; pour les gants nitrile mettez 4 boîtes au lieu de 2.\nLivraison le jeudi 12 novembre.\n\n"
        "---------- Forwarded message ---------\nDe : Chef <c@gmail.com>\n\n"
        "Gants nitrile taille 10 : 2 boîtes\nLunettes : 2 pièces\n\nPour lundi si possible.\n"
    )
    order = extract_from_text(_parsed(text))
    assert [ln.quantity.value for ln in order.lines] == [Decimal(4), Decimal(2)]
    assert order.requested_delivery_date.value == dt.date(2026, 11, 12)


def test_quoted_history_is_not_read() -> None:
    text = "Pour vendredi :\n- 2 x VIS-660-500\n\nLe 05/11/2026 à 08:30, X <x@y.fr> a écrit :\n> - 3 x VIS-440-200\n"
    order = extract_from_text(_parsed(text))
    assert [ln.code.value for ln in order.lines] == ["VIS-660-500"]


def test_html_only_body() -> None:
    html = "<p>Livraison le 17/11/2026</p><table><tr><th>Désignation</th><th>Qté</th></tr><tr><td>Vis</td><td>3 btes</td></tr></table>"
    order = extract_from_text(_parsed(html=html))
    assert order.part == "html"
    assert [(ln.description.value, ln.unit.value) for ln in order.lines] == [("Vis", "boite")]
    assert order.requested_delivery_date.value == dt.date(2026, 11, 17)


def test_see_attached_body_yields_no_lines() -> None:
    text = "Bonjour, veuillez trouver ci-joint notre commande : 3 cartons de gants.\n"
    attachment = Attachment(filename="BC-1.pdf", content_type="application/pdf", data=b"%PDF")
    parsed = _parsed(text, attachments=[attachment])
    assert extract_from_text(parsed).lines == []
    # The unreadable attachment still reaches a clerk, with its reason; the body adds no line.
    (order,) = extract_orders(parsed)
    assert order.lines == [] and "could not be read" in order.notes[0]


def test_html_tables_win_when_the_text_lost_the_table() -> None:
    def row(*cells: str) -> list[TableCell]:
        return [TableCell(text=c) for c in cells]

    table = Table(rows=[row("Désignation", "Qté"), row("Vis inox 4x40", "3 btes"), row("Gants T9", "2")])
    flattened = "Désignation\nQté\nVis inox 4x40\n3 btes\nGants T9\n2\n"
    order = extract_from_text(_parsed(flattened, tables=[table], html="<table></table>"))
    assert [(ln.description.value, ln.quantity.value) for ln in order.lines] == [
        ("Vis inox 4x40", Decimal(3)),
        ("Gants T9", Decimal(2)),
    ]
    assert order.lines[0].provenance.rule == "html-table"


def test_delivery_date_from_the_subject_when_the_body_has_none() -> None:
    order = extract_from_text(_parsed("Bonjour,\n- 2 x VIS-440-200\n", subject="Commande pour vendredi"))
    assert order.requested_delivery_date.value == dt.date(2026, 11, 6)
    assert order.requested_delivery_date.provenance.part == "subject"


def test_reply_subject_gives_no_date() -> None:
    order = extract_from_text(_parsed("Bonjour,\n- 2 x VIS-440-200\n", subject="RE: livraison pour vendredi"))
    assert order.requested_delivery_date is None


def test_contact_prefers_the_separated_signature() -> None:
    order = extract_from_text(
        _parsed("- 2 x VIS-440-200\n", signature="Cordialement,\nMarc Durand\n06 12 34 56 78")
    )
    assert order.contact_name.value == "Marc Durand"
    assert order.contact_phone.provenance.part == "signature"


def test_outlook_forward_keeps_the_forwarded_order() -> None:
    text = (
        "Bonjour, à saisir svp ; livraison vendredi.\n\n________________________________\n"
        "De : Chef <c@gmail.com>\nEnvoyé : lundi 2 novembre 2026 18:02\nÀ : Achats\nObjet : besoins\n\n"
        "Gants nitrile taille 10 : 2 boîtes\nPour lundi.\n"
    )
    order = extract_from_text(_parsed(text, subject="TR: besoins"))
    assert [ln.quantity.value for ln in order.lines] == [Decimal(2)]
    assert order.requested_delivery_date.value == dt.date(2026, 11, 6)


def test_outlook_reply_drops_the_older_order() -> None:
    text = (
        "Nouvelle commande :\n- 3 x VIS-440-200\n\n________________________________\n"
        "De : Achats <a@x.fr>\nEnvoyé : lundi 2 novembre 2026 18:02\nObjet : Commande\n\n- 9 x VIS-440-500\n"
    )
    order = extract_from_text(_parsed(text, subject="RE: Commande"))
    assert [ln.code.value for ln in order.lines] == ["VIS-440-200"]


@pytest.mark.parametrize("sign_off", ["Merci bien", "Bien cordialement, Jean", "Sent from my iPhone", "--"])
def test_lines_after_a_sign_off_of_reply_markers_toml_are_not_read(sign_off: str) -> None:
    lines = read_lines(f"- 2 x VIS-440-200\n{sign_off}\n- 3 x VIS-560-200\n", part="body")
    assert [line.quantity.value for line in lines] == [Decimal(2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Could you send 4 bottles of lemon washing-up liquid, the 1 litre.",
            "lemon washing-up liquid, the 1 litre",
        ),
        ("Il faut 6 bidons de lave-glace, en 5 L, et 2 sacs de sel.", "lave-glace, en 5 L"),
        ("Please send 3 bottles of ethanol, the 500 ml, and 2 boxes of gloves.", "ethanol, the 500 ml"),
    ],
    ids=["the-1-litre-en-cleaning", "en-5-l-fr-garage", "the-500-ml-en-lab"],
)
def test_the_measure_pointed_at_after_a_comma_names_the_article(text: str, expected: str) -> None:
    assert read_lines(text, part="body")[0].description.value == expected


def test_a_count_in_brackets_qualifies_the_item_before_it() -> None:
    """'2 cases of copy paper (5 reams each)': the five reams are what a case holds, not an item."""
    text = "Hi,\n\nCould you send 2 cases of A4 copy paper (5 reams each) and 3 rolls of masking tape.\n"
    order = extract_from_text(_parsed(text, subject="supplies"))
    assert [(ln.quantity.value, ln.unit.value) for ln in order.lines] == [
        (Decimal(2), "carton"),
        (Decimal(3), "rouleau"),
    ]


@pytest.mark.parametrize(
    ("body", "names"),
    [
        (
            "Bonjour,\n\nLivraison :\nCabinet Dr Morel\n12 avenue Jean Jaurès\n38100 Grenoble\n\n"
            "Gants nitrile M : 10 boîtes\nCompresses stériles : 4 paquets\n",
            ["Gants nitrile M", "Compresses stériles"],
        ),
        (
            "il me faut deux cartons de ramettes A4 et trois boîtes de surligneurs, livré au bureau "
            "3 rue des Lilas, 44000 Nantes avant jeudi merci",
            ["ramettes A4", "surligneurs"],
        ),
        (
            "Please send 6 boxes of pipettes. Deliver to 4 chemin du Moulin, 1260 Nyon before Friday.",
            ["pipettes"],
        ),
    ],
    ids=["address-block", "run-on-sentence", "swiss-postcode"],
)
def test_the_postcode_after_a_street_counts_no_line(body: str, names: list[str]) -> None:
    lines = read_lines(body, part="body")
    assert [line.description.value for line in lines if line.description] == names
