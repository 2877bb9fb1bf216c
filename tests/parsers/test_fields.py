"""Header fields from text: PO number, ship-to, contact, reply and forward splitting."""

from __future__ import annotations

import pytest

from parsers.mail import forwarded_part
from parsers.mail.markers import load_markers
from parsers.mail.quotes import split_reply
from parsers.text import fields


@pytest.mark.parametrize(
    ("subject", "text", "expected"),
    [
        ("Commande", "N° de commande : MB-2611-07", "MB-2611-07"),
        ("", "Voici notre commande n° 26-1187 pour samedi", "26-1187"),
        ("", "Bon de commande n° 4500012877 - date", "4500012877"),
        ("Commande", "Bonjour, voici notre commande (n° EC44-1109) :", "EC44-1109"),
        ("", "Please find our order (no. PO-7731) below", "PO-7731"),
        ("", "Commande d'achat n° 4500012877", "4500012877"),
        ("", "voici notre bon d'achat BA-2231", "BA-2231"),
        ("", "merci de nous livrer (notre réf. BDP-2610-01) :", "BDP-2610-01"),
        ("", "Notre numéro de commande interne est IBL-2026-0412, merci", "IBL-2026-0412"),
        ("", "Commande hebdo - PO LBL-S42-INT - livraison jeudi", "LBL-S42-INT"),
        ("", "PO number: HB-40217", "HB-40217"),
        ("", "Our order no. CR-2291 below.", "CR-2291"),
        ("Commande SG-2026-118", "Bonjour, voici la liste.", "SG-2026-118"),
        ("", "Nouvelle commande R-1015 ci-dessous", "R-1015"),
        ("", "Please quote PO-7731 on the delivery note.", "PO-7731"),
        ("", "Merci de rappeler CDE25-3381 sur le BL.", "CDE25-3381"),
        ("", "Delivery by the 13th. Our reference for this one is BFS/ST/2611-07.", "BFS/ST/2611-07"),
        ("", "Notre bon de commande porte le numéro 2026/11/1187.", "2026/11/1187"),
        ("", "Answers below. PO for all of this is GRD-2291.", "GRD-2291"),
        ("", "Réponses ci-dessous. Notre numéro de commande pour tout est JDN/26/118.", "JDN/26/118"),
        ("RE: Bottes", "Ok pour les vertes, 8 paires. Notre bon : LCE-BC-26-311.", "LCE-BC-26-311"),
        ("", "N/Réf : FBS-ACH-26-4417\nMerci de livrer", "FBS-ACH-26-4417"),
        ("", "Notre commande : CR-26-077.", "CR-26-077"),
        (
            "Re: Commande RE-118",
            "En plus de la commande RE-118 (livrée), voici la commande RE-121 :",
            "RE-121",
        ),
        ("", "voici la commande de cette semaine, réf RH-4471, pour jeudi :", "RH-4471"),
        ("", "Here is our order for next week, ref. HB-2026-77.", "HB-2026-77"),
        ("", "Sorry for the delay. Our PO is 4500013390.", "4500013390"),
        ("", "Merci d'avance.\nN° cde : GAR-0417", "GAR-0417"),
        ("Bon 2026/ATL/311", "Bonjour, voici nos besoins en visserie.", "2026/ATL/311"),
        ("", "Commande de la cuisine centrale, n° CC-2026-31 :\nArticle | Qté", "CC-2026-31"),
        ("", "Order from the print room, no. PR-88-2026:\nItem | Qty", "PR-88-2026"),
    ],
    ids=[
        "n-de-commande",
        "commande-n",
        "bon-de-commande",
        "commande-bracketed-n",
        "order-bracketed-no",
        "commande-d-achat",
        "bon-d-achat",
        "notre-ref",
        "numero-est",
        "po",
        "po-number",
        "order-no",
        "subject",
        "commande-code",
        "quote-prefixed-po",
        "prefixed-in-sentence",
        "reference-for-this-one-is",
        "porte-le-numero",
        "po-for-all-of-this-is",
        "numero-pour-tout-est",
        "notre-bon",
        "n-ref",
        "notre-commande-colon",
        "reply-names-a-new-order",
        "ref-in-apposition",
        "ref-in-apposition-en",
        "po-is-en",
        "n-cde",
        "bon-then-its-number",
        "number-in-apposition-opening-the-lines",
        "number-in-apposition-opening-the-lines-en",
    ],
)
def test_po_number(subject: str, text: str, expected: str) -> None:
    found = fields.po_number(subject, text, part="body")
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("commande de l'atelier ci-dessous, notre n° CH-26-0388, livraison mardi.", "CH-26-0388"),
        ("Our no. 4500012877, delivery Friday.", "4500012877"),
        ("notre n° de TVA FR12345678901", None),
        ("notre n° client : C1006", None),
        ("Appel du client ce matin, à saisir sous leur n° JAR-2611-09 :", "JAR-2611-09"),
        ("They gave their number 4500017731 on the phone.", "4500017731"),
        ("leur n° de TVA FR12345678901", None),
    ],
    ids=[
        "notre-n",
        "our-no",
        "a-vat-number",
        "a-customer-number",
        "leur-n",
        "their-number",
        "their-vat-number",
    ],
)
def test_our_number_written_at_once_is_the_po(text: str, expected: str | None) -> None:
    found = fields.po_number("", text, part="body")
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We'll take 4 boxes of wall plugs. Please reference GAR-2611.", "GAR-2611"),
        ("Kindly quote our reference KT/26-118 on the invoice.", "KT/26-118"),
        ("Merci de rappeler la référence ATL-2611 sur le bon de livraison.", "ATL-2611"),
        ("Please reference our quote, thanks.", None),
        ("Please use BX-200 clamps for the gutters.", None),
    ],
    ids=["please-reference", "kindly-quote", "merci-de-rappeler", "no-number", "an-article-code-used"],
)
def test_a_number_we_are_asked_to_cite_is_the_po(text: str, expected: str | None) -> None:
    found = fields.po_number("", text, part="body")
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les rouges, merci. C'est toujours notre ATL-JD-2611.", "ATL-JD-2611"),
        ("Yes the larger pots will do. Please book them on a new PO, GRN/PO/5531.", "GRN/PO/5531"),
        ("It's still our KT/26-118, thanks.", "KT/26-118"),
        ("We need 4 of our TER-40 bags for the beds.", None),
        ("Notre TER-40 habituel, 12 sacs.", None),
    ],
    ids=["toujours-notre", "new-po-comma", "still-our", "our-article-named", "our-article-counted"],
)
def test_a_coded_number_said_to_be_ours_ending_its_clause_is_the_po(text: str, expected: str | None) -> None:
    found = fields.po_number("Re: commande", text, part="body")
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Merci de saisir la liste ci-dessous. BC interne PEP-26-0418.", "PEP-26-0418"),
        ("Please enter it on our internal PO 4471-GT, thanks.", "4471-GT"),
        ("PO interne : JAR-26-118", "JAR-26-118"),
    ],
    ids=["bc-interne", "internal-po", "po-interne"],
)
def test_an_order_number_said_to_be_internal_is_the_po(text: str, expected: str) -> None:
    found = fields.po_number("", text, part="body")
    assert found is not None and found.value == expected


def test_a_catalogue_code_said_to_be_ours_is_no_po() -> None:
    assert fields.po_number("", "Please reorder our VIS-440-200.", part="body", codes=_Codes()) is None


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        ("Re: Confirmation de votre commande CMD-77120", "Tout est arrivé, pour cette semaine il faut :"),
        ("Commande snack - semaine 41", "Bonjour"),
        ("commande", "Commande pour vendredi, 3 cartons"),
        ("", "Suite à notre facture n° FA-2026-118 ..."),
        ("", "Merci pour la confirmation de votre commande n° CMD-77120."),
        ("", "Notre commande : 12 cartons de gobelets"),
        ("", "Voici notre commande :\nREF-2231 | Gobelet 20 cl | 4"),
        ("", "Je passe commande de vis, réf VIS-440-200 x 3"),
    ],
    ids=[
        "reply-subject-our-confirmation",
        "week-number",
        "no-number",
        "invoice",
        "our-confirmation",
        "count-after-label",
        "list-below-label",
        "an-article-ref-after-the-word",
    ],
)
def test_no_po_number(subject: str, text: str) -> None:
    assert fields.po_number(subject, text, part="body") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Livraison sur chantier : 27 avenue Thiers, 33100 Bordeaux (accès cour).",
            "27 avenue Thiers, 33100 Bordeaux",
        ),
        (
            "il faut livrer à notre nouvelle réserve : 4 rue des Tamaris, 17200 Royan (portail vert)",
            "4 rue des Tamaris, 17200 Royan",
        ),
        ("Adresse de livraison :\n12 rue des Forges\n33700 Mérignac\n", "12 rue des Forges, 33700 Mérignac"),
        ("Ship to: 21 Harbour Street, Plymouth PL1 2AA", "21 Harbour Street, Plymouth PL1 2AA"),
        (
            "Please deliver to Unit 4, Dock Road, Bristol BS1 5TT by Friday",
            "Unit 4, Dock Road, Bristol BS1 5TT",
        ),
        (
            "Lieu de livraison :\nChantier Les Jardins\n12 rue Neuve\n33000 Bordeaux\n",
            "Chantier Les Jardins, 12 rue Neuve, 33000 Bordeaux",
        ),
        (
            "Delivery NOT to our office but to the venue: Hall 3, Rue Mont des Arts, 1000 Bruxelles (loading bay).",
            "Hall 3, Rue Mont des Arts, 1000 Bruxelles",
        ),
        (
            "Livraison non pas au bureau mais à l'atelier : Atelier Nord, Rue de la Gare 4, 2503 Biel/Bienne",
            "Atelier Nord, Rue de la Gare 4, 2503 Biel/Bienne",
        ),
        (
            "Ship to:\nAtelier Nord\nKapelstraat 4\n2000 Antwerpen\n",
            "Atelier Nord, Kapelstraat 4, 2000 Antwerpen",
        ),
        (
            "Deliver to Emerald Bay Hotel, Salthill Promenade, Galway H91 X2C4.\nCiaran",
            "Emerald Bay Hotel, Salthill Promenade, Galway H91 X2C4",
        ),
        (
            "Ship to: Unit 7, Ballymount Road, Dublin 24, D24 X2K5, Ireland",
            "Unit 7, Ballymount Road, Dublin 24, D24 X2K5, Ireland",
        ),
        (
            "1) Chantier Lormont - notre BC 14\nLivraison : Résidence du Parc, 3 rue Vergniaud, 33310 Lormont\n- 2 sacs",
            "Résidence du Parc, 3 rue Vergniaud, 33310 Lormont",
        ),
    ],
    ids=[
        "chantier",
        "livrer-a",
        "multi-line",
        "english",
        "uk-unit",
        "site-name",
        "not-to-but-to",
        "non-pas-mais",
        "be",
        "eircode",
        "eircode-after-district",
        "livraison-line-under-a-site-heading",
    ],
)
def test_ship_to(text: str, expected: str) -> None:
    found = fields.ship_to(text, part="body")
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "Cordialement,\nJean\n12 allée des Artisans, 33170 Gradignan",
        "Même adresse de livraison. Livraison mardi 20/10.\n\nJulien\n46 place Gambetta, 33000 Bordeaux",
        "Merci de livrer au plus vite 2 palettes, commande 2026 Merci",
        "Livraison : jeudi matin\nMerci\nJean\n12 allée des Artisans, 33170 Gradignan",
    ],
    ids=["signature", "same-address", "a-year-is-no-postcode", "livraison-line-gives-a-day"],
)
def test_no_ship_to(text: str) -> None:
    assert fields.ship_to(text, part="body") is None


def test_contact_name_and_phone() -> None:
    text = "Merci\n\nCordialement,\nSylvie Marchand\nBrasserie du Port\n05 36 49 12 40\n"
    name, phone = fields.contact(text, part="body")
    assert name is not None and name.value == "Sylvie Marchand"
    assert phone is not None and phone.value == "05 36 49 12 40"


# One set of subject shapes (parsers/data/reply_markers.toml) for the mail reader,
# the body reader and the classifier.
SUBJECTS = {
    "rv": ("RV: pedido 12", True, False),
    "trans": ("TRANS: commande", True, False),
    "tr": ("TR : commande", True, False),
    "fwd": ("Fwd: order", True, False),
    "wg": ("WG: Bestellung", True, False),
    "sv": ("SV: order 12", False, True),
    "rep": ("Rép: commande", False, True),
    "re-numbered": ("RE[2]: commande", False, True),
    "aw": ("AW: Bestellung", False, True),
    "plain": ("Commande 4512", False, False),
    "word-start": ("Tranche de vis", False, False),
}


@pytest.mark.parametrize(("subject", "forward", "reply"), SUBJECTS.values(), ids=SUBJECTS.keys())
def test_every_reader_reads_a_subject_the_same(subject: str, forward: bool, reply: bool) -> None:
    markers = load_markers()
    assert (forwarded_part.is_forward_subject(subject), markers.is_forward_subject(subject)) == (
        forward,
        forward,
    )
    assert (forwarded_part.is_reply_subject(subject), markers.is_reply_subject(subject)) == (reply, reply)


@pytest.mark.parametrize(
    "marker",
    [
        "-------- Message transmis --------",
        "> Begin forwarded message:",
        "---------- Weitergeleitete Nachricht ----------",
    ],
)
def test_split_forward_finds_every_forward_shape_of_the_data_file(marker: str) -> None:
    text = f"à saisir\n\n{marker}\n\n- 3 x B"
    own, forwarded, at = forwarded_part.split_forward(text, "commande")
    assert own.strip() == "à saisir"
    assert forwarded.strip().endswith("- 3 x B") and text[at:] == forwarded


def test_a_forward_keeping_only_outlooks_rule_and_subject_still_opens_there() -> None:
    text = "à saisir\n\nJean\n\n________________________________\nObjet : appro\n\n- 3 x B"
    own, forwarded, _ = forwarded_part.split_forward(text, "TR: appro")
    assert own.strip() == "à saisir\n\nJean" and forwarded.strip() == "Objet : appro\n\n- 3 x B"


@pytest.mark.parametrize(
    "written", ["05 56 47 21 90", "+33 (0)5 56 47 21 90", "+33 (0) 5 56 47 21 90", "+33 5.56.47.21.90"]
)
def test_one_phone_shape_for_the_contact_and_the_signature(written: str) -> None:
    _, phone = fields.contact(f"Merci\nJean Martin\nTél. {written}", part="body")
    assert phone is not None and phone.value == written
    split = split_reply(f"2 cartons de gants\n\nJean Martin\nAcme SARL\n{written}", "Commande")
    assert split.text == "2 cartons de gants" and written in split.signature


@pytest.mark.parametrize(
    ("subject", "text", "expected"),
    [
        ("Commande visserie MB-VS-2611", "Bonjour, voici la liste.", "MB-VS-2611"),
        ("", "Bonjour, commande visserie MB-VS-2611, livraison jeudi :", "MB-VS-2611"),
        ("", "notre commande outillage en PJ (GAR-4812), livraison lundi.", "GAR-4812"),
        ("", "Commande peinture GCC-1311 ci-jointe pour mercredi.", "GCC-1311"),
        ("", "Our tools order HB-TL-77 attached.", "HB-TL-77"),
    ],
    ids=["subject", "body", "attached-in-brackets", "ci-jointe", "en"],
)
def test_an_order_qualified_by_what_it_orders_then_its_number(subject: str, text: str, expected: str) -> None:
    found = fields.po_number(subject, text, part="body")
    assert found is not None and found.value == expected


class _Codes:
    def knows_code(self, token: str) -> bool:
        return token.upper() == "VIS-440-200"


@pytest.mark.parametrize(
    "text",
    [
        "commande visserie VIS-440-200 : 3 boîtes",
        "commande visserie VIS-440-200 4 boîtes",
        "Commande visserie VIS-440-200\n",
        "commande de visserie pour jeudi",
    ],
    ids=["count-after-colon", "count-after", "a-catalogue-code", "no-number"],
)
def test_an_article_code_after_the_qualified_word_is_no_po(text: str) -> None:
    assert fields.po_number("", text, part="body", codes=_Codes()) is None


@pytest.mark.parametrize(
    ("subject", "text", "expected"),
    [
        ("Commande EPI", "N/Réf : FBS-ACH-26-4417\n\nMadame, Monsieur,", "FBS-ACH-26-4417"),
        ("RE: Order MPB-4471", "Yes to both, but 10 instead of 6. PO stays MPB-4471.", "MPB-4471"),
        ("RE: Bottes", "Ok pour les vertes. Notre bon reste LCE-BC-26-311.", "LCE-BC-26-311"),
        ("Re: 2 propositions", "Validé, proposition 2. Notre bon : ITB-C-2611.", "ITB-C-2611"),
        ("", "Notre bon de commande porte le numéro ISO-2611-219, merci.", "ISO-2611-219"),
        ("", "Delivery by the 13th please. Our reference for this one is BFS/ST/2611-07.", "BFS/ST/2611-07"),
        ("Cde parc PL n° TF-26-1147", "Bonjour,\npour l'atelier :", "TF-26-1147"),
        ("Winter order", "Please quote our PO MPB-4533 on the delivery note.", "MPB-4533"),
        ("", "N° d'engagement à rappeler sur BL et facture : EA-26-0893", "EA-26-0893"),
        ("", "Purchase order to quote on your delivery note: GRN-26-5521.", "GRN-26-5521"),
        ("", "Notre n° de commande SAGE : 4500118832.", "4500118832"),
        ("", "Reference for your invoice: PLB/ATL/0412", "PLB/ATL/0412"),
        ("", "Pour vendredi. Bon n° MEN-26-112.", "MEN-26-112"),
        ("", "Livraison lundi. Réf. menuiserie MEN-2611.\n", "MEN-2611"),
    ],
    ids=[
        "n-slash-ref",
        "po-stays",
        "notre-bon-reste",
        "notre-bon-colon",
        "porte-le-numero",
        "our-reference-for-this-one-is",
        "cde-qualified-n",
        "quote-our-po",
        "n-d-engagement",
        "label-what-it-is-for-colon",
        "label-system-name-colon",
        "reference-for-your-invoice",
        "bon-n",
        "ref-qualified-by-the-service",
    ],
)
def test_the_customers_own_reference_in_the_shapes_customers_write(
    subject: str, text: str, expected: str
) -> None:
    found = fields.po_number(subject, text, part="body")
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    "text",
    ["Votre réf : D26-0871", "Your ref: Q26-1177", "V/Réf. D26-2330, merci", "Notre bon pour accord."],
    ids=["votre-ref", "your-ref", "v-slash-ref", "bon-pour-accord"],
)
def test_your_reference_is_our_quote_never_the_po(text: str) -> None:
    assert fields.po_number("", text, part="body") is None


def test_a_po_labelled_in_the_signature_block_is_read_there() -> None:
    signature = (
        "Bien cordialement,\nNathalie Briand\nServices généraux\n1 avenue des Rives, 35000 Rennes\n"
        "Bon de commande HPR-DA-26-0933\nStandard : 02 99 14 35 00."
    )
    found = fields.signed_po(signature)
    assert found is not None and (found.value, found.provenance.part) == ("HPR-DA-26-0933", "signature")


def test_a_po_ref_line_in_the_signature_block_is_read_there() -> None:
    found = fields.signed_po(
        "Kind regards,\nTom Reyes\nPO ref: JOI-2207\nReyes Joinery Ltd, 4 Mill Lane, Leeds LS1 4DY"
    )
    assert found is not None and found.value == "JOI-2207"


def test_a_po_right_after_the_word_among_the_signature_phones_is_read_there() -> None:
    found = fields.signed_po(
        "Cordialement,\nRestaurant Le Quai\nTél. 04 72 10 20 30 - Cde RLQ-26-0412 - Fax 04 72 10 20 31"
    )
    assert found is not None and found.value == "RLQ-26-0412"


@pytest.mark.parametrize(
    "text",
    [
        "N° de commande pour le devis : D-26-118",
        "Purchase order for the supplier part: PLB-2207",
        "Votre réf. chantier AB-12.",
        "Réf. article PLB-2207.",
    ],
    ids=["a-quote-after-the-label", "a-part-number", "your-ref-qualified", "an-article-ref"],
)
def test_a_labelled_number_of_something_else_is_no_po(text: str) -> None:
    assert fields.po_number("", text, part="body") is None


def test_a_catalogue_code_after_a_qualified_ref_is_no_po() -> None:
    assert fields.po_number("", "Réf. visserie VIS-440-200.\n", part="body", codes=_Codes()) is None


def test_a_signature_without_a_labelled_number_gives_no_po() -> None:
    signature = "Cordialement,\nIsolec Savoie SAS - RCS Chambéry 435 667 027\nTél. 04 79 28 66 10\nREF-2231"
    assert fields.signed_po(signature) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Notre bon de commande porte le numéro 2026/11/1187.", "2026/11/1187"),
        ("Le bon de commande a pour numéro BC-2611, merci.", "BC-2611"),
        ("Our purchase order is numbered 4500012877.", "4500012877"),
        ("The purchase order bears the number HB-40118.", "HB-40118"),
        ("Please quote our PO MPB-4533 on the delivery note.", "MPB-4533"),
    ],
    ids=["porte-le-numero", "a-pour-numero", "is-numbered", "bears-the-number", "quote-our-po"],
)
def test_a_verb_around_the_label_and_the_po(text: str, expected: str) -> None:
    found = fields.po_number("", text, part="body")
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "notre commande pour le chantier de Chambéry (ZAC du Grand Verger, lot 7, 73000 Chambéry), à livrer :",
            "ZAC du Grand Verger, lot 7, 73000 Chambéry",
        ),
        (
            "Livraison sur le chantier du lycée, 136 boulevard de Vitré, 35700 Rennes, lundi prochain.",
            "Chantier du lycée, 136 boulevard de Vitré, 35700 Rennes",
        ),
        (
            "Deliver to Les Jardins d'Ainay, site office, 9 rue Vaubecour, 69002 Lyon - on Wednesday morning.",
            "Les Jardins d'Ainay, site office, 9 rue Vaubecour, 69002 Lyon",
        ),
    ],
    ids=["the-brackets-hold-the-address", "article-left-out", "a-time-after-the-town"],
)
def test_a_ship_to_in_a_sentence_is_the_address_alone(text: str, expected: str) -> None:
    found = fields.ship_to(text, part="body")
    assert found is not None and found.value == expected
    assert found.provenance is not None and found.provenance.span is not None
    start, end = found.provenance.span
    assert text[start:end].lower() == expected.lower()  # the review page frames the address alone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our ref | Your ref | Date\nKCS/PO/26/0455 | D26-1395 | 12/11/2026\n", "KCS/PO/26/0455"),
        ("Date | N° commande | Livraison\n25/11/2026 | BC-CE-2611-08 | 27/11/2026\n", "BC-CE-2611-08"),
        ("Your ref | Date\nD26-1395 | 12/11/2026\n", None),
        ("Réf | Désignation | Qté\n104739 | Disjoncteur | 2\n", None),
    ],
    ids=["our-ref-heading", "n-commande-heading", "your-ref-is-our-quote", "a-line-table"],
)
def test_the_number_under_a_po_heading_of_a_table_row(text: str, expected: str | None) -> None:
    found = fields.po_number("Commande", text, part="html")
    assert (found.value if found else None) == expected
    if found is not None:
        start, end = found.provenance.span
        assert text[start:end] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We need a delivery at the new yard this time, not at the office:\nHarbour Timber Yard, 3 Quay Road, Whitby YO21 1DH\n\n"
            "Could you send 40 lengths of decking",
            "Harbour Timber Yard, 3 Quay Road, Whitby YO21 1DH",
        ),
        (
            "Please enter the order below, delivered straight to site:\nRiverside Lofts, 9 Mill Street, Leeds LS9 8AB.\n",
            "Riverside Lofts, 9 Mill Street, Leeds LS9 8AB",
        ),
        (
            "Ship to our new garage this time please: Unit 3, Oranmore Business Park, Oranmore, Co. Galway, H91 EK52.",
            "Unit 3, Oranmore Business Park, Oranmore, Co. Galway, H91 EK52",
        ),
        (
            "Ship to: Cargo ship Aran Star, c/o Quay Agency, Killybegs Harbour, Co. Donegal, Ireland\n\n12 x ropes",
            "Cargo ship Aran Star, c/o Quay Agency, Killybegs Harbour, Co. Donegal, Ireland",
        ),
        (
            "Site: | Ferme du Moulin, 4 route de Lyon, 01400 Châtillon\n",
            "Ferme du Moulin, 4 route de Lyon, 01400 Châtillon",
        ),
        (
            "Livraison à notre atelier cette fois : Rue du Pont 8, 4000 Liège, Belgique.",
            "Rue du Pont 8, 4000 Liège, Belgique",
        ),
        (
            "Please deliver the bricks to our Galway yard, Quarry Lane, Galway H91 C2D3, Ireland (not the shop):",
            "Quarry Lane, Galway H91 C2D3, Ireland",
        ),
        (
            "Six pallets of blocks please.\nThis load goes to the new site directly:\n"
            "Orchard Court, 7 Mill Road, Bristol BS3 4QT\nThanks",
            "Orchard Court, 7 Mill Road, Bristol BS3 4QT",
        ),
        (
            "Delivery and invoice: Garage Delvaux SPRL, Rue de Namur 18, 5000 Namur.",
            "Garage Delvaux SPRL, Rue de Namur 18, 5000 Namur",
        ),
    ],
    ids=[
        "sentence-closing-its-line-over-the-address",
        "delivered-straight-to",
        "abbreviation-dot-in-the-address",
        "no-postcode-ending-with-the-country",
        "site-cell",
        "country-after-the-town",
        "our-words-for-the-place-left-out",
        "goes-to-closing-its-line-over-the-address",
        "delivery-and-invoice",
    ],
)
def test_a_ship_to_in_the_shapes_customers_write(text: str, expected: str) -> None:
    found = fields.ship_to(text, part="body")
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "Please deliver the following:\n- 2 x pallets of bricks\n12 rue Haute, 75001 Paris",
        "Ship to: Unit 4, the usual place, Ireland is fine by us\n",
    ],
    ids=["a-list-under-the-sentence", "a-country-in-a-sentence"],
)
def test_no_ship_to_where_no_address_follows_the_label(text: str) -> None:
    assert fields.ship_to(text, part="body") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Please book the order below for our Lamballe site (Ferme des Landes, route de Dinan, 22400 Lamballe).",
            "Ferme des Landes, route de Dinan, 22400 Lamballe",
        ),
    ],
    ids=["site-and-its-address-in-brackets"],
)
def test_a_ship_to_in_brackets_after_its_site(text: str, expected: str) -> None:
    found = fields.ship_to(text, part="body")
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "Livraison mardi sur le chantier 8 rue des Tanneurs, Vénissieux\nMerci",
        "Deliver to our office: 2 boxes of pens, 3 staplers, Monday.",
        "Le site (en travaux) ouvre lundi.",
    ],
    ids=["no-postcode", "counts-after-the-label", "site-without-an-address"],
)
def test_no_ship_to_without_a_postcode_and_town(text: str) -> None:
    assert fields.ship_to(text, part="body") is None


@pytest.mark.parametrize(
    ("text", "signature", "expected"),
    [
        (
            "Livraison à l'adresse ci-dessous, pas pressé.",
            "Merci,\nJulie Caron\nCaron Paysage\n9 chemin des Vignes, 69390 Vourles\n06 11 22 33 44",
            "9 chemin des Vignes, 69390 Vourles",
        ),
        (
            "Please deliver to the address in my signature.",
            "Thanks,\nTom Reyes\nReyes Joinery\n4 Mill Lane\n69003 Lyon",
            "4 Mill Lane, 69003 Lyon",
        ),
        ("Livraison habituelle.", "Merci,\nCaron Paysage\n9 chemin des Vignes, 69390 Vourles", None),
    ],
    ids=["adresse-ci-dessous", "address-in-my-signature", "no-pointer"],
)
def test_a_delivery_to_the_address_signed_with(text: str, signature: str, expected: str | None) -> None:
    found = fields.signed_ship_to(text, signature)
    assert (found.value if found else None) == expected
    if found is not None:
        start, end = found.provenance.span
        assert ", ".join(p.strip() for p in signature[start:end].replace("\n", ", ").split(", ")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Please ship the following to our depot: Harbour Stores, 12 Quay Street, Cork T12 X8Y4.\n\n4 x pallets",
            "Harbour Stores, 12 Quay Street, Cork T12 X8Y4",
        ),
        (
            "Pour la cuisine des Morel, à livrer chez eux : 6 chemin des Vignes, 21200 Beaune.\n",
            "6 chemin des Vignes, 21200 Beaune",
        ),
    ],
    ids=["ship-the-following-to", "livrer-chez"],
)
def test_a_ship_to_after_ship_or_chez(text: str, expected: str) -> None:
    found = fields.ship_to(text, part="body")
    assert found is not None and found.value == expected


def test_a_commitment_number_labelled_first_in_the_signature_is_the_po() -> None:
    found = fields.signed_po(
        "Services techniques - Mairie de Dinan\n02 96 39 22 43\nEngagement n° 2027-VT-0112"
    )
    assert found is not None and found.value == "2027-VT-0112"


@pytest.mark.parametrize(
    ("subject", "text", "expected"),
    [
        ("Demande validée", "N° demande d'achat | DA-26-0441\nService | Blanchisserie", "DA-26-0441"),
        ("", "Purchase requisition no. PR-11872, approved by the ward manager.", "PR-11872"),
        ("", "N° demande d'achat : DA-26-0441\nNotre commande : CMD-8812", "CMD-8812"),
        ("Commande BLA-2611-04", "Requisition # 4471882 attached.", "BLA-2611-04"),
        ("Demande d'approvisionnement", "Établissement | Lycée\nN° de demande | LPR-DEC-044", "LPR-DEC-044"),
        ("Portal request", "Site | Lab 3\nRequest no. | SR-26-118\nNeeded by | 14/12/2026", "SR-26-118"),
        ("", "Demande d'approvisionnement n° PAP-2611 du service courrier", "PAP-2611"),
    ],
    ids=[
        "request-cell",
        "requisition-en",
        "order-number-wins",
        "subject-order-number-wins",
        "portal-request-fr",
        "portal-request-en",
        "supply-request-fr",
    ],
)
def test_a_purchase_request_number_is_the_po_only_when_nothing_else_names_one(
    subject: str, text: str, expected: str
) -> None:
    found = fields.po_number(subject, text, part="body")
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "N° de demande de devis : DD-26-0412",
        "N° de demande de retour : RET-2611",
        "N° de demande d'avoir | AV-118",
    ],
    ids=["quote-request", "return-request", "credit-request"],
)
def test_the_number_of_a_request_for_anything_but_goods_is_no_po(text: str) -> None:
    assert fields.po_number("", text, part="body") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Demandeur : Atelier bois\nN° de bon interne : MEN-26-0412\nLieu : hangar 3", "MEN-26-0412"),
        ("Numéro du bon : MEN-2611", "MEN-2611"),
        ("N° de bon de livraison : BL-2231", None),
    ],
    ids=["internal-form-number", "numero-du-bon", "delivery-note"],
)
def test_the_number_of_the_customers_own_form_labelled_before_a_colon(
    text: str, expected: str | None
) -> None:
    found = fields.po_number("", text, part="body")
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("BC-2026-0417.pdf", "BC-2026-0417"),
        ("Commande_PEP-26-091.xlsx", "PEP-26-091"),
        ("PO 4500012877.pdf", "4500012877"),
        ("Bon de commande n° 2026-118.ods", "2026-118"),
        ("scan0001.pdf", None),
        ("Commande 2026-12-01.pdf", None),
        ("Devis D26-1180.pdf", None),
        ("commande.pdf", None),
    ],
    ids=lambda value: str(value),
)
def test_an_attached_files_name_labels_its_po_number(name: str, expected: str | None) -> None:
    found = fields.named_po(name, part="attachment:x")
    assert (found.value if found else None) == expected


def test_an_order_number_apposed_to_the_word_over_the_list_is_the_po() -> None:
    found = fields.po_number(
        "", "Bonjour,\nCommande de la cuisine centrale, n° CC-2026-14 :\n- 4 cartons de beurre\n", part="body"
    )
    assert found is not None and found.value == "CC-2026-14"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bon pour accord.\nNotre bon de commande : BC 26-00391. Livraison au quai B.", "BC 26-00391"),
        ("Please go ahead. Purchase order number: WO 2026/118, delivery Friday.", "WO 2026/118"),
        ("N° de commande : DA 27-0412\n- 4 ramettes A4", "DA 27-0412"),
        ("Our PO 4700-2291 for the attached request.", "4700-2291"),
        ("OK pour le remplacement. C'est notre commande ATL 2026/118.", "ATL 2026/118"),
        ("Fine with the substitute, this is our order MRS 26-0412.", "MRS 26-0412"),
        ("Pour la commande LE 12/12 :\n- 4 ramettes A4", None),
        ("Our PO: LS-PO 5512. Deliver to the lab.", "LS-PO 5512"),
        ("Notre BC : PAP-BC 20417, livraison jeudi.", "PAP-BC 20417"),
        ("OK pour le devis des robinets. Notre bon de commande : PLB 26 0412.", "PLB 26 0412"),
        ("Go ahead with the pipettes. Purchase order number: LAB 2026 118, thanks.", "LAB 2026 118"),
        ("Même commande que le mois dernier. Bon n° PAP-S 26/31.", "PAP-S 26/31"),
        ("Our PO: OF-ST 12/118 - deliver to reception.", "OF-ST 12/118"),
        ("PO: AB 12 boxes of 4 pens", None),
    ],
    ids=[
        "fr-bc-space",
        "en-wo-slash",
        "fr-da-space",
        "po-label-alone",
        "fr-after-word",
        "en-after-word",
        "day",
        "en-dashed-capitals",
        "fr-dashed-capitals",
        "fr-groups-of-figures",
        "en-groups-of-figures",
        "fr-dashed-capitals-slash",
        "en-dashed-capitals-slash",
        "capitals-then-a-count",
    ],
)
def test_capitals_a_space_and_a_dashed_number_after_a_label_are_one_po(
    text: str, expected: str | None
) -> None:
    found = fields.po_number("", text, part="body")
    assert (found.value if found is not None else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Voici nos besoins, n° d'affaire AFF-2611-07 à rappeler sur la facture.\n- 10 ramettes A4",
            "AFF-2611-07",
        ),
        ("For job J-4471 (please quote this number on your invoice):\n5 x pipe clips 22 mm", "J-4471"),
        (
            "Pour notre bon de travaux BT 26-0412\n(à reporter sur le BL) :\n- 2 flacons d'éthanol",
            "BT 26-0412",
        ),
        ("Cost centre LAB-3391, to be quoted on all invoices.\n3 boxes of nitrile gloves M", "LAB-3391"),
    ],
    ids=["affaire-fr", "job-en", "wrapped-fr", "cost-centre-en"],
)
def test_a_reference_asked_back_on_our_documents_is_the_po(text: str, expected: str) -> None:
    found = fields.po_number("Besoins", text, part="body")
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "Merci de rappeler sur le BL la date du 12/03/2027 et le montant de 1250 €.",
        "Commande de visserie : VIS-440-200 à reporter sur le BL, 3 boîtes.",
        "Please quote your quote number D26-1180 on the delivery note.",
    ],
    ids=["date-and-amount", "an-article-code", "our-quote"],
)
def test_no_reference_asked_back_gives_no_po(text: str) -> None:
    assert fields.po_number("Besoins", text, part="body", codes=_Codes()) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Attached is our order for the gala dinner, PO S&R-EVT-2219. Deliver it to the venue.",
            "S&R-EVT-2219",
        ),
        ("Notre commande : B&M-26-0412 pour le chantier.", "B&M-26-0412"),
    ],
    ids=["en", "fr"],
)
def test_an_order_number_may_join_initials_with_an_ampersand(text: str, expected: str) -> None:
    found = fields.po_number("", text, part="body")
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OK pour le devis, commande JH-5523. Rajoutez-y 3 boîtes d'anti-limaces.", "JH-5523"),
        ("Fine with the quote, order KT-26-118, and add 2 tubs of flux.", "KT-26-118"),
        (
            "On prend seulement le terreau et le paillage pour l'instant, réf. JH-5522. Le reste au printemps.",
            "JH-5522",
        ),
        ("We'll take the pipettes and the gloves for now, ref. LAB-2611.", "LAB-2611"),
        ("Je prends 3 sacs de terreau, réf. TER-70.", None),
        ("Merci pour votre devis, réf. D-26-318.", None),
    ],
    ids=[
        "order-after-quote-clause",
        "order-after-quote-clause-en",
        "ref-closing-fr",
        "ref-closing-en",
        "counted-article",
        "our-quote",
    ],
)
def test_a_reference_in_a_clause_of_its_own_after_our_quote_is_the_customers(
    text: str, expected: str | None
) -> None:
    found = fields.po_number("RE: Devis D-26-318", text, part="body")
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Deliveries: The Nore Hotel, John's Quay, Kilkenny, R95 X2T4, Ireland\n\nSiobhan",
            "The Nore Hotel, John's Quay, Kilkenny, R95 X2T4, Ireland",
        ),
        ("Delivery: Unit 7, Harbour Road, Poole BH15 4AJ\n", "Unit 7, Harbour Road, Poole BH15 4AJ"),
        ("Livraisons : Labo B2, 4 rue Pasteur, 69007 Lyon\n", "Labo B2, 4 rue Pasteur, 69007 Lyon"),
    ],
    ids=["deliveries-eircode", "delivery-uk-postcode", "livraisons-fr"],
)
def test_a_delivery_label_opening_its_line_over_any_postcode(text: str, expected: str) -> None:
    found = fields.ship_to(text, part="body")
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    ("signature", "expected"),
    [
        ("Merci\nPlomberie Durand\n12 rue des Lilas, 38000 Grenoble\nRéf. cde : PD-0412", "PD-0412"),
        ("Regards,\nLab Stores\nRef.: UNI–PO–2611–04", "UNI–PO–2611–04"),
        ("Cordialement,\nPapeterie du Centre\nTél. 04 72 10 20 30\nBC-2026-118", "BC-2026-118"),
    ],
    ids=["ref-cde-abbreviated", "prefixed-with-dashes", "prefixed-alone"],
)
def test_a_po_under_the_signature_in_the_shapes_customers_write(signature: str, expected: str) -> None:
    found = fields.signed_po(signature)
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("à commander sous la DA CHU-DA-26-0412. Pas les gants.", "CHU-DA-26-0412"),
        ("Merci de passer la DA n° 2026-0871 pour le labo.", "2026-0871"),
        ("Our order no. LAB–PO–2611–07 below.", "LAB–PO–2611–07"),
        ("Please quote PO–7731 on the delivery note.", "PO–7731"),
    ],
    ids=["da-in-a-sentence", "da-numbered", "order-number-with-dashes", "prefixed-with-a-dash"],
)
def test_a_purchase_request_or_a_dashed_number_is_the_po(text: str, expected: str) -> None:
    found = fields.po_number("", text, part="body")
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("BSL/26/1207 chantier Givors", "BSL/26/1207"),
        ("Réfection labo chimie - UNI/26-0412", "UNI/26-0412"),
        ("PLB-2611-07 salle de bains", "PLB-2611-07"),
        ("VIS-440-200 x 3", None),
        ("Commande du 12/11/2026", None),
    ],
    ids=["opening", "closing", "plumbing", "an-article-counted", "a-date"],
)
def test_a_coded_number_opening_or_closing_a_subject_of_words_is_the_po(
    subject: str, expected: str | None
) -> None:
    found = fields.po_number(subject, "Bonjour, voici la liste.", part="body")
    assert (found.value if found else None) == expected


def test_a_catalogue_code_opening_a_subject_is_no_po() -> None:
    assert fields.po_number("VIS-440-200 urgent", "Bonjour", part="body", codes=_Codes()) is None


@pytest.mark.parametrize(
    ("subject", "text", "expected"),
    [
        (
            "RE: Invoice FA-26-11873",
            "Paid on Friday.\n\nCould you also send us 3 boxes of pipette tips? Ref QCP-1207 for your invoice please.",
            "QCP-1207",
        ),
        (
            "Commande",
            "Deux rouleaux de gaine ICTA 20.\nMerci de noter la réf. 26-0418 pour la facture.",
            "26-0418",
        ),
        ("Cde", "4 coudes cuivre 22\n2 vannes 1/4 tour\nréf BC Moulin 26-1209, merci\nSeb", "26-1209"),
        ("Order", "6 boxes of nitrile gloves, size M.\nPO Leeds depot 4471/22.", "4471/22"),
        ("Invoice", "Ref FA-26-11873 on your invoice is wrong, the price was 12.50.", None),
        ("Cde", "2 raccords BC 20 27-12.", None),
    ],
    ids=[
        "ref-for-your-invoice",
        "ref-pour-la-facture",
        "bc-and-its-site",
        "po-and-its-depot",
        "our-invoice",
        "no-site",
    ],
)
def test_a_reference_for_our_papers_or_a_label_with_its_site_before_the_number_is_the_po(
    subject: str, text: str, expected: str | None
) -> None:
    found = fields.po_number(subject, text, part="body")
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Commande FST-2026-4471 ci-dessous, validée (sans les 26A). Livraison : Cité Scientifique, "
            "bâtiment C8, 59655 Villeneuve-d'Ascq, 2e étage.",
            "Cité Scientifique, bâtiment C8, 59655 Villeneuve-d'Ascq",
        ),
        (
            "Approved, PO 4471 below. Delivery: Lab annex, Unit 4 Riverside Park, Bristol BS1 5TT.",
            "Lab annex, Unit 4 Riverside Park, Bristol BS1 5TT",
        ),
    ],
    ids=["livraison-after-a-sentence", "delivery-after-a-sentence"],
)
def test_a_delivery_label_opening_a_sentence_mid_line_reads_its_address(text: str, expected: str) -> None:
    found = fields.ship_to(text, part="body")
    assert found is not None and found.value == expected


def test_a_delivery_sentence_giving_a_day_mid_line_is_no_address() -> None:
    text = "Merci pour le devis. Livraison : jeudi matin.\nJean\n12 allée des Artisans, 33170 Gradignan"
    assert fields.ship_to(text, part="body") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("D'accord pour les 4 rames. C'est notre commande LAB 2026/118.", "LAB 2026/118"),
        ("Please add 2 boxes. This is our order WO 26-0412.", "WO 26-0412"),
    ],
    ids=["fr", "en"],
)
def test_capitals_a_space_and_a_dashed_number_after_the_word_are_one_po(text: str, expected: str) -> None:
    found = fields.po_number("", text, part="body")
    assert found is not None and found.value == expected
