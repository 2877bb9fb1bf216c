"""Classification: header rules, vocabulary, attachments, the trained textcat, the samples."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from intake.orders_by_reading import answer_to_offer, confirm_by_catalogue
from matchers import CatalogIndex
from models import Address, Attachment, Classification, MessageKind, ParsedMessage
from parsers import by_catalogue, classify_ahead, followup_sign, parse_message
from parsers.classify import classify
from parsers.classify.signals import NO_SIGN
from parsers.classify.textcat import LABELS, load_textcat, predict
from parsers.training.textcat import evaluate, load_examples, split_held_back
from tests.paths import ROOT
from tests.paths import SAMPLES as SAMPLES_DIR

SAMPLES = SAMPLES_DIR / "emails"
SAMPLE_FILES = sorted(SAMPLES.glob("*.eml"))
FIXTURE_FILES = sorted((ROOT / "fixtures" / "emails").glob("*.eml"))


def _message(subject: str, text: str, **kwargs: object) -> ParsedMessage:
    return ParsedMessage(
        message_id="<t@x>", subject=subject, text=text, sender=Address(email="a@resto.fr"), **kwargs
    )


@pytest.mark.parametrize(
    "path", SAMPLE_FILES + FIXTURE_FILES, ids=[p.name for p in SAMPLE_FILES + FIXTURE_FILES]
)
def test_labelled_messages_are_classified_order_or_not(
    path: Path, reference_index: Callable[[Path], CatalogIndex]
) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    parsed = parse_message(path.read_bytes(), where=str(path))
    index = reference_index(path.parent.parent / "ref")
    parsed.classification = classify(parsed)
    read = confirm_by_catalogue(parsed, index)
    # As the pipeline decides it: a reply taking what our quoted offer sets out is an order too.
    answer_to_offer(parsed, read, followup_sign(parsed, is_order=parsed.classification.is_order), index)
    assert parsed.classification.is_order == bool(expected), parsed.classification.reasons


def test_the_model_asked_ahead_for_several_messages_classifies_each_alike() -> None:
    messages = [parse_message(p.read_bytes(), where=str(p)) for p in SAMPLE_FILES + FIXTURE_FILES]
    alone = [classify(parsed) for parsed in messages]
    for start in range(0, len(messages), 8):
        classify_ahead(messages[start : start + 8])
        assert [classify(parsed) for parsed in messages[start : start + 8]] == alone[start : start + 8]


HEADER_RULES = {
    "auto_submitted": ({"Auto-Submitted": "auto-replied"}, MessageKind.AUTO_REPLY),
    "x_autoreply": ({"X-Autoreply": "yes"}, MessageKind.AUTO_REPLY),
    "x_autorespond": ({"X-Autorespond": "1"}, MessageKind.AUTO_REPLY),
    "list_unsubscribe": ({"List-Unsubscribe": "<https://x/u>"}, MessageKind.NEWSLETTER),
    "precedence_bulk": ({"Precedence": "bulk"}, MessageKind.NEWSLETTER),
    "delivery_report": ({"Content-Type": "multipart/report; report-type=delivery-status"}, MessageKind.OTHER),
}


@pytest.mark.parametrize(("headers", "kind"), HEADER_RULES.values(), ids=HEADER_RULES.keys())
def test_header_rules_win_over_order_words(headers: dict[str, str], kind: MessageKind) -> None:
    parsed = _message("Commande BC-12", "Merci de nous livrer :\n- 3 cartons de gobelets", headers=headers)
    assert classify(parsed).kind == kind


WORDINGS = {
    "order_fr": (
        "Commande",
        "Merci de nous livrer pour jeudi :\n- 3 cartons de gobelets 20 cl\n- 2 bidons javel",
        MessageKind.ORDER,
    ),
    "order_en": ("Order", "Please ship the following:\n12 x EM30260\n4 cases of cups", MessageKind.ORDER),
    "quote_fr": (
        "Prix",
        "Pourriez-vous nous faire un devis pour 20 cartons de gobelets ?",
        MessageKind.QUOTE_REQUEST,
    ),
    "quote_en": ("Pricing", "Could you quote us for 50 cases of nitrile gloves?", MessageKind.QUOTE_REQUEST),
    # An order cancelled and another set out in its place, or an order numbered beside a delivery's missing item.
    "nouvelle_commande_a_la_place_fr": (
        "Annulation BC-118 / commande BC-121",
        "Bonjour,\nMerci d'annuler notre commande BC-118 (3 boîtes de vis). À la place, nouvelle commande BC-121 :\n"
        "- 2 boîtes de chevilles 8 mm\n- 1 perceuse 18 V\n",
        MessageKind.ORDER,
    ),
    "new_order_instead_en": (
        "Cancel PO 5512",
        "Hi,\nPlease cancel PO 5512. Instead, new order PO 5518:\n- 4 reams of A3 paper\n- 2 boxes of pens\n",
        MessageKind.ORDER,
    ),
    "commande_numerotee_et_manquant_fr": (
        "Commande LB-26-40",
        "Bonjour,\nCommande LB-26-40 : 6 paquets de cônes 200 µl.\nPar ailleurs, sur la livraison d'hier il "
        "manquait 2 portoirs.\n",
        MessageKind.ORDER,
    ),
    # Prices asked for goods counted, the order to come later.
    "prices_for_counted_goods_en": (
        "Prices for the spring works",
        "Hello,\nBefore we decide, could you give me your prices for 20 bags of potting compost and 4 rolls of "
        "garden fleece? I'll confirm the order next week.",
        MessageKind.QUOTE_REQUEST,
    ),
    "prix_pour_des_articles_comptes_fr": (
        "Rentrée",
        "Bonjour,\npourriez-vous me donner vos prix pour 40 ramettes A4 et 12 boîtes de feutres ? Je vous "
        "confirmerai la commande la semaine prochaine.",
        MessageKind.QUOTE_REQUEST,
    ),
    "goods_arrived_next_order_later_en": (
        "Re: PO 4500012877",
        "Thanks, the 40 tee-shirts arrived this morning, all good. I'll send you the next order next week.",
        MessageKind.OTHER,
    ),
    "goods_arrived_next_order_later_fr": (
        "RE: Commande BC-118",
        "Les gants sont arrivés ce matin, tout est conforme. Je vous enverrai la prochaine commande lundi.",
        MessageKind.OTHER,
    ),
    "ok_for_the_quote_en": (
        "RE: Quotation Q26-0877",
        "OK for the quote except item 2, make it 30. Our PO is ISMC-PO-2231.",
        MessageKind.ORDER,
    ),
    "cancel_fr": (
        "Commande 4512",
        "Merci d'annuler notre commande 4512, le restaurant ferme.",
        MessageKind.CHANGE,
    ),
    "cancel_en": ("PO 4512", "Please cancel our order 4512.", MessageKind.CHANGE),
    "where_fr": (
        "Commande 4512",
        "Où en est notre commande 4512 ? Toujours pas reçue.",
        MessageKind.ORDER_QUESTION,
    ),
    "ooo_en": ("Out of office", "I am out of the office until Monday.", MessageKind.AUTO_REPLY),
    "ooo_message_automatique_fr": (
        "Absence",
        "Message automatique : je serai de retour le 4 janvier.",
        MessageKind.AUTO_REPLY,
    ),
    # A portal's or an ERP's footer: the system's notice under an order keyed in a form, nobody away.
    "portal_form_do_not_reply_fr": (
        "Demande d'approvisionnement LAB-118",
        "Nouvelle demande envoyée depuis le portail.\nN° de demande | LAB-118\nLivraison souhaitée | 14/12/2026\n"
        "Code | Désignation | Qté\nPIP-200 | Pipettes 200 µl | 4\nGNT-M | Gants nitrile M | 10\n"
        "Message automatique - ne pas répondre.",
        MessageKind.ORDER,
    ),
    "erp_order_merci_de_ne_pas_repondre_fr": (
        "Commande PLB-26-0311",
        "Veuillez trouver notre bon de commande ci-dessous.\n6 x coude cuivre 22 mm\n2 x flux décapant\n"
        "Ceci est un message automatique, merci de ne pas y répondre.",
        MessageKind.ORDER,
    ),
    "quote_accepted": (
        "RE: Votre devis D-2026-118",
        "Bon pour accord, merci de nous livrer :\n- 24 plaques BA13\n- 30 montants M48",
        MessageKind.ORDER,
    ),
    "reply_to_invoice_orders": (
        "RE: Facture FA-2026-12",
        "Merci. Par ailleurs il nous faut 3 cartons de silicone blanc.",
        MessageKind.ORDER,
    ),
    "po_headline": ("Re: commande vis", "Commande MC-1109 :\nQté : 8 Réf : VIS-550-200", MessageKind.ORDER),
    "thanks": ("Merci", "Merci pour la livraison de ce matin, tout est parfait.", None),
    # Asking to open an account: no goods asked for, whatever "envoyer" and "commander" it says.
    "account_opening_fr": (
        "Ouverture de compte",
        "Nous souhaiterions ouvrir un compte chez vous. Pouvez-vous nous envoyer vos conditions "
        "de paiement et votre tarif 2027 ?",
        MessageKind.OTHER,
    ),
    "account_creation_fr": (
        "Demande de création de compte client",
        "Bonjour,\nNous sommes une entreprise de plomberie installée à Pessac et aimerions pouvoir "
        "commander chez vous. Merci de nous indiquer les documents à fournir (Kbis, RIB).",
        MessageKind.OTHER,
    ),
    "account_opening_en": (
        "New customer",
        "Hello, we would like to open an account with you so that we can order online. Could you "
        "send us your credit application form?",
        MessageKind.OTHER,
    ),
    "trade_account_en": (
        "Trade account application",
        "Hi, please find our details below to set up a trade account: company Harbour Build Ltd, "
        "VAT GB123456789. We expect to order about 2,000 GBP a month.",
        MessageKind.OTHER,
    ),
    "send_your_catalogue_fr": (
        "Catalogue",
        "Pourriez-vous nous envoyer votre catalogue 2027 et vos conditions générales de vente ?",
        None,
    ),
    "first_order_with_account_fr": (
        "Première commande",
        "Bonjour,\nNous venons d'ouvrir un compte chez vous. Voici notre commande, merci de nous livrer :\n"
        "- 10 x VIS-440-200\n- 4 x CHV-M860",
        MessageKind.ORDER,
    ),
    # Prices asked first, the order promised once they come: however the list reads.
    "price_the_following_en": (
        "Prices please",
        "Could you price the following for me:\n- 6 tubs of tile adhesive\n- 4 sets of trestles\n"
        "I'll place the order once I have your prices.",
        MessageKind.QUOTE_REQUEST,
    ),
    "order_once_prices_come_fr": (
        "Chantier Pessac",
        "Bonjour, il nous faudrait 10 sacs de colle carrelage et 4 rouleaux de bande.\n"
        "Je passerai commande dès réception de vos prix.",
        MessageKind.QUOTE_REQUEST,
    ),
    # Prices asked for counted goods in a sentence, the order to be confirmed later.
    "prices_for_a_list_of_goods_en": (
        "Prices for the spring works",
        "Before we decide, could you give me your prices for 12 bags of lawn seed, 4 rolls of edging "
        "and 2 drums of weedkiller? I'll confirm the order next week.",
        MessageKind.QUOTE_REQUEST,
    ),
    "prices_for_counted_goods_fr": (
        "Rentrée",
        "Bonjour, pouvez-vous m'indiquer vos prix pour 20 ramettes A4 et 6 boîtes de stylos bleus ? Merci.",
        MessageKind.QUOTE_REQUEST,
    ),
    "order_confirmed_next_week_fr": (
        "Chantier",
        "Bonjour, il me faudrait 8 tubes cuivre 22 et 30 coudes. Je vous confirmerai la commande la semaine "
        "prochaine, après la visite du client.",
        MessageKind.QUOTE_REQUEST,
    ),
    # What counted goods would cost, asked; an order asking what its delivery costs stays an order.
    "how_much_would_counted_goods_cost_en": (
        "Question",
        "Hello, how much would 20 boxes of nitrile gloves and 5 rolls of blue roll cost? We may order next month.",
        MessageKind.QUOTE_REQUEST,
    ),
    "combien_couteraient_fr": (
        "Prix",
        "Bonjour, combien coûteraient 10 disjoncteurs 16A et 2 couronnes de câble 3G1,5 ? Merci.",
        MessageKind.QUOTE_REQUEST,
    ),
    "faire_un_prix_pour_fr": (
        "Chaussures",
        "Bonjour, pourriez-vous me faire un prix pour 30 paires de chaussures S3 taille 42 ?",
        MessageKind.QUOTE_REQUEST,
    ),
    "order_asking_the_delivery_cost_en": (
        "Order",
        "Hi, please send 10 boxes of nitrile gloves M and 4 cases of blue roll. How much is delivery going to cost?",
        MessageKind.ORDER,
    ),
    # A colleague forwarding a customer's list to be keyed in, the list naming no order word.
    "forward_to_key_in_en": (
        "Fwd: site list",
        "Hi team,\nplease enter this for them, usual address.\n\nBegin forwarded message:\n\n"
        "For the boiler room we'd want, by Friday:\n\n6 copper elbows 22 mm\n2 tubs of flux\n4 rolls of PTFE tape",
        MessageKind.ORDER,
    ),
    "forward_a_saisir_fr": (
        "TR: liste chantier",
        "Bonjour,\nmerci de la saisir pour lui.\n\n-----Message d'origine-----\n"
        "Pour le chantier de Pessac, livré jeudi :\n6 coudes cuivre 22\n2 pots de décapant\n4 rouleaux de téflon",
        MessageKind.ORDER,
    ),
    # A question on the quote before the order is raised: nothing ordered yet.
    "question_before_raising_the_po_en": (
        "RE: Quote 2291",
        "Before we raise the PO: could you deliver the 40 bags of tile adhesive in two drops "
        "(20 now, 20 in January)? Is the grout in stock?",
        MessageKind.QUOTE_REQUEST,
    ),
    # Goods delivered in place of those ordered: an exchange, not an order of what it names.
    "delivered_in_place_of_ordered_fr": (
        "Erreur",
        "On a reçu hier 2 cartons de vis 4x40 (VIS-440-500) au lieu des 2 cartons de 5x50 commandés. "
        "Pouvez-vous faire l'échange ? Ce n'est pas une nouvelle commande.",
        MessageKind.ORDER_QUESTION,
    ),
    "sent_instead_of_ordered_en": (
        "Wrong pads",
        "You sent us 3 boxes of 8x40 plugs instead of the 10x60 we ordered. Please exchange them, "
        "this is not a new order.",
        MessageKind.ORDER_QUESTION,
    ),
    # The next order announced for a day to come, after thanks for the last delivery.
    "thanks_next_order_on_a_day_fr": (
        "Merci",
        "Merci pour la livraison de ce matin, tout était parfait.\n"
        "Je vous envoie la commande de la semaine prochaine lundi.",
        MessageKind.OTHER,
    ),
    "next_weeks_order_later_en": (
        "Thanks",
        "Thanks for today's delivery. I'll send next week's order on Monday.",
        MessageKind.OTHER,
    ),
    # A delivery reported against its order, and our delivery note sent back: nothing new ordered.
    "delivery_reported_against_po_en": (
        "Delivery PO 8812",
        "Delivery this morning against PO 8812:\n- 6 x front pads: fine\n- 3 sets of discs: you sent the "
        "wrong ones instead of the 280 mm.\nPlease swap them under the same PO.",
        MessageKind.ORDER_QUESTION,
    ),
    "delivery_short_no_new_order_fr": (
        "Livraison BC-118",
        "La livraison de la commande BC-118 est arrivée ce matin, il manque 2 cartons de silicone. "
        "Merci de nous les envoyer, pas besoin d'une nouvelle commande.",
        MessageKind.ORDER_QUESTION,
    ),
    "signed_delivery_note_copy_fr": (
        "BL signé",
        "Ci-joint la copie du BL signé avec notre réserve.\n- 10 sacs de ciment\n"
        "Merci de nous envoyer la facture correspondante.",
        MessageKind.OTHER,
    ),
    # A count asked with a word of politeness, from a phone: no word of ordering needed.
    "count_please_fr": ("polaires", "Bonjour, 2 vestes polaires grises en XL svp. Merci.", MessageKind.ORDER),
    "count_please_for_tomorrow_fr": (
        "gaine",
        "Bonjour, 2 couronnes de gaine ICTA 20 svp pour demain.",
        MessageKind.ORDER,
    ),
    "have_delivered_fr": (
        "Commande fournitures",
        "Merci de nous faire parvenir 30 prises 2P+T blanches et 4 disjoncteurs 16A.\nAvez-vous des blocs "
        "BAES en stock ? Si oui merci de m'envoyer un prix.",
        MessageKind.ORDER,
    ),
    "need_the_following_po_to_quote_en": (
        "Refurb",
        "We need the following:\nGU10 LED 2700K - 3 boxes\n6 x LED bulkheads\n"
        "Purchase order to quote on the delivery note and invoice: HBT-26-0193.",
        MessageKind.ORDER,
    ),
    "account_and_first_order_fr": (
        "Première commande",
        "Je voudrais ouvrir un compte et passer une première commande : deux couronnes de R2V 3G1,5 "
        "et un inter différentiel 63A.",
        MessageKind.ORDER,
    ),
    "counts_after_the_names_en": (
        "order",
        "Pads front Golf 7, Bosch, x4\nrear same x2\ncabin filter Golf VII x6",
        MessageKind.ORDER,
    ),
    # Goods wanted by tomorrow over a counted list: no word of ordering needed.
    "wanted_for_tomorrow_fr": (
        "chantier",
        "Pour demain matin si possible :\n- plaquettes de frein : 1 jeu\n- 2 filtres à air\n- 1 courroie",
        MessageKind.ORDER,
    ),
    "wanted_for_tomorrow_en": (
        "site",
        "For tomorrow please:\n- 3 bags of cement\n- 2 rolls of masking tape",
        MessageKind.ORDER,
    ),
    # Goods wanted with a list after a colon, no order word: "we need:", "please arrange the following".
    "we_need_colon_en": (
        "Bar restock",
        "Hi,\n\nFor the terrace reopening we need:\n12 x bar stools, oak\n4 x patio heaters",
        MessageKind.ORDER,
    ),
    # Counted goods wanted with the count in words: "We need four ...".
    "we_need_counted_in_words_en": (
        "stock for the kitchen",
        "Hi,\n\nWe need twelve boxes of nitrile gloves and two cases of blue roll. Friday is fine.\n\nThanks",
        MessageKind.ORDER,
    ),
    "arrange_the_following_en": (
        "Lab consumables",
        "Good morning,\n\nPlease arrange the following for the new lab:\n\n1. Pipette tips 200 µl x 10\n2. Petri dishes 90 mm x 20",
        MessageKind.ORDER,
    ),
    "a_livrer_chez_fr": (
        "cuisine Dubois",
        "Bonjour,\n\nPour la cuisine des Dubois, à livrer chez eux : 4 rue des Acacias, 33600 Pessac.\n\n"
        "Plan de travail chêne 3 m x1\nÉvier inox 1 bac x1",
        MessageKind.ORDER,
    ),
    # "Please quote our purchase order ... on the delivery note": to quote a reference is to cite it.
    "quote_our_purchase_order_en": (
        "Garden supplies",
        "Hi,\n\nCould you send us 6 bags of bark mulch and 2 rolls of weed fabric. Please quote our purchase "
        "order GC-2231 on the delivery note.",
        MessageKind.ORDER,
    ),
    # A requisition released to the supplier that asks for its number on the paperwork.
    "quote_the_requisition_number_en": (
        "Requisition WK-2290 released",
        "Purchase requisition WK-2290 is released to the supplier.\n\nSafety gloves size 9 | 20 | PR\n"
        "Hi-vis vest L | 6 | EA\n\nPlease quote the requisition number on your delivery note.",
        MessageKind.ORDER,
    ),
    "quote_a_number_on_correspondence_en": (
        "Stationery",
        "Please send 4 boxes of staples and 10 lever-arch files. Kindly quote WK-2291 on all correspondence.",
        MessageKind.ORDER,
    ),
    "order_naming_its_account_en": (
        "Order",
        "Please deliver to our account 41102:\n12 x EM30260\n4 cases of cups",
        MessageKind.ORDER,
    ),
    # Goods wanted after what the sender is doing, charged to an order of theirs, wanted by a day.
    "prose_charged_to_our_po_en": (
        "printer supplies",
        "Good morning,\n\nWe are moving the accounts team upstairs and need 12 of the black toner "
        "cartridges and a box of A4 labels.\n\nPlease put it on our PO 2231-ADM and deliver before "
        "Thursday.\n\nRegards,\nAnne",
        MessageKind.ORDER,
    ),
    "prose_charged_to_our_order_fr": (
        "fournitures",
        "Bonjour,\n\nOn refait le bureau du 2e et il nous faut 6 ramettes A4 et 2 agrafeuses. "
        "Mettez-le sur notre bon de commande 2231.\n\nMerci",
        MessageKind.ORDER,
    ),
    # Goods delivered and found fine, listed with their counts: what was had, nothing asked.
    "delivered_today_listed_fine_en": (
        "Today's drop",
        "Hi,\nYour courier delivered this morning:\n12 x PVC elbow 40 mm\n3 x tube of solvent cement\n"
        "Everything is fine, thanks.\n\nDan",
        None,
    ),
    "recu_ce_matin_liste_conforme_fr": (
        "Livraison",
        "Bonjour,\nReçu ce matin :\n10 ramettes A4\n4 boîtes d'agrafes\nTout est conforme, merci.",
        None,
    ),
    "received_in_good_order_en": (
        "Re: order LAB-2231",
        "Hello,\nAll received in good order today, many thanks.\n\nPriya",
        None,
    ),
    # Volumes foreseen, or the stock counted, with the order to come later.
    "no_order_yet_forecast_en": (
        "Next season",
        "Hi,\nFor the spring we expect about 300 x copper elbows 15 mm and 80 x valves. No order yet, just "
        "planning.",
        None,
    ),
    "inventaire_pour_information_fr": (
        "Inventaire",
        "Bonjour,\nPour information, notre inventaire du labo :\npipettes 10 ml : 40\ngants nitrile M : 6\n\n"
        "Nous vous enverrons la commande en janvier.",
        None,
    ),
    # An order keyed in already, forwarded for the record.
    "commande_deja_saisie_par_telephone_fr": (
        "TR: commande atelier",
        "Pour info : déjà saisie ce matin par téléphone, ne pas ressaisir.\n\n-------- Message transféré "
        "--------\nBonjour,\nMerci de préparer notre commande : 20 raccords laiton 15 mm, 4 vannes 1/2.",
        None,
    ),
    "order_already_entered_by_phone_en": (
        "FW: stationery order",
        "FYI - already entered by phone, please don't enter it again.\n\n---------- Forwarded message "
        "---------\nPlease send 10 boxes of staples and 4 binders.",
        None,
    ),
    # A quote answered with a no.
    "quote_declined_en": (
        "RE: Quote Q-2231",
        "Hi, we won't go ahead with the quote below, the project is on hold.",
        None,
    ),
    "devis_sans_suite_fr": (
        "RE: Devis D-4410",
        "Bonjour, nous ne donnerons pas suite à votre devis, le chantier est reporté.",
        None,
    ),
    # Papers asked for, a day of a month before 'please': no goods.
    "invoices_elsewhere_no_order_en": (
        "New invoicing contact",
        "Dear team,\n\nFrom 1 March, please send all invoices to ap@example.com instead of this address. "
        "Could you also send us a statement of account?\n\nNo order today, thank you.",
        None,
    ),
    "certificate_asked_en": (
        "Harnesses delivered last week",
        "Hello, could you send us the EN 361 certificates for the harnesses delivered last week? Thanks.",
        None,
    ),
    # Another article weighed beside the order: "..., no order yet" says nothing of the lines above it.
    "no_order_yet_beside_an_order_en": (
        "Workshop refit",
        "Hello,\nWe need the following for the workshop:\n4 x bench vice 125 mm\n2 x pillar drill\n\n"
        "What is your lead time on the welding tables? We are considering them, no order yet.",
        MessageKind.ORDER,
    ),
    # A first order listed beside the account it opens.
    "first_order_with_an_account_en": (
        "New customer",
        "Hello, we are a small dental practice and would like to open an account. For a first order: 4 x "
        "nitrile gloves M and 2 boxes of face masks.",
        MessageKind.ORDER,
    ),
    "premiere_commande_avec_un_compte_fr": (
        "Nouveau client",
        "Bonjour, nous ouvrons un atelier et souhaitons ouvrir un compte chez vous. Pour une première commande : "
        "10 ramettes A4 et 2 agrafeuses.",
        MessageKind.ORDER,
    ),
    # The first goods set out after the start they make ('Pour commencer :', 'To start with:').
    "pour_commencer_avec_un_compte_fr": (
        "Première commande",
        "Bonjour,\nNous ouvrons un laboratoire d'analyses et aimerions ouvrir un compte chez vous. Pour commencer :\n"
        "- 3 boîtes de cônes 200 µl\n- 2 paquets de tubes Falcon 50 ml\n\nMerci de nous dire comment régler.",
        MessageKind.ORDER,
    ),
    "to_start_with_an_account_en": (
        "New account",
        "Hi,\nWe run two print shops and would like to open a trade account. To start with:\n"
        "- 5 reams of A3 paper\n- 2 boxes of toner HP 415A\n\nHow do we pay?",
        MessageKind.ORDER,
    ),
    # The subject naming the account too: the first order set out still makes it an order.
    "premiere_commande_objet_compte_fr": (
        "Commande PL-017 / ouverture de compte",
        "Bonjour,\nNous avons repris la quincaillerie de la place. Voici une première commande :\n"
        "- raccords laiton 15/21 x6\n- joints fibre x20\n\nPour l'ouverture de compte, dites-moi ce qu'il "
        "vous faut.",
        MessageKind.ORDER,
    ),
    "first_order_subject_account_en": (
        "Account opening / first order",
        "Hello, we opened a new lab last month and would like an account with you. Here is our first order:\n"
        "- 4 x pipette tips 200 ul\n- 2 x nitrile gloves L\nLet us know what you need for the account opening.",
        MessageKind.ORDER,
    ),
    # Papers asked for goods delivered under a PO the subject names: no goods asked for.
    "papers_for_a_po_en": (
        "Certificates for PO LAB-26-118",
        "Hello,\nOur auditor is asking for paperwork on the items delivered under PO LAB-26-118: the 4 fume "
        "hood filters and the 2 eyewash stations.\nCould you send us the test reports for the filters and the "
        "declarations of conformity for the eyewash stations?",
        None,
    ),
    "documents_pour_un_bc_fr": (
        "Documents BC 26-0412",
        "Bonjour,\nPour les 6 robinets thermostatiques livrés sous le BC 26-0412, pourriez-vous nous transmettre "
        "les fiches techniques et les déclarations de conformité ?",
        None,
    ),
    # An order that asks for the papers with the goods stays an order, and so does one that says it wants nothing else.
    "rien_d_autre_apres_une_commande_fr": (
        "RE: Bottes - BC 26-311",
        "Ok pour les vertes mais seulement en 42, 8 paires. Rien d'autre pour l'instant. Notre bon reste BC-26-311.",
        MessageKind.ORDER,
    ),
    "order_with_its_certificate_en": (
        "PO 7731",
        "Hello,\nPlease send us 12 pairs of cut-resistant gloves size 9 and 6 hard hats, and the EN 388 certificate "
        "for the gloves.",
        MessageKind.ORDER,
    ),
    # Goods to be taken back, with counts.
    "return_asked_en": (
        "Return",
        "Hi, we'd like to return 6 x brass tap 1/2 ordered by mistake. Could you send a collection note?",
        None,
    ),
    "retour_demande_fr": (
        "Retour",
        "Bonjour, nous souhaitons vous retourner 3 boîtes de feutres commandées par erreur. Merci de nous "
        "envoyer un bon d'enlèvement.",
        None,
    ),
}


@pytest.mark.parametrize(("subject", "text", "kind"), WORDINGS.values(), ids=WORDINGS.keys())
def test_wording_decides_the_kind(subject: str, text: str, kind: MessageKind | None) -> None:
    result = classify(_message(subject, text))
    if kind is None:
        assert not result.is_order
    else:
        assert result.kind == kind, result.reasons


@pytest.mark.parametrize(
    ("said", "phrase"),
    [
        ("Hi team, please enter this for them, usual address.", "please enter this"),
        ("Could you key in this order for the Pessac site?", "key in this"),
        ("Bonjour, merci de la saisir pour elle.", "merci de la saisir"),
    ],
)
def test_a_forward_to_key_in_is_a_sign_of_an_order(said: str, phrase: str) -> None:
    assert any(phrase in reason for reason in classify(_message("Fwd: liste", said)).reasons)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "TR: parties communes",
            "Bonjour,\nPour le bâtiment B il faudrait :\n6 hublots LED\n3 boutons poussoirs\nMerci",
        ),
        (
            "TR: labo",
            "Bonjour,\nPour la salle 2 il faut 12 boîtes de pipettes et 4 flacons d'éthanol.\nMerci",
        ),
        ("Fwd: OS", "Ordre de service 2026-118 ci-dessous.\n4 serrures\n2 cylindres 30x30"),
    ],
    ids=["il-faudrait-colon", "il-faut-a-count", "ordre-de-service"],
)
def test_goods_wanted_impersonally_or_a_works_order_are_an_order(subject: str, text: str) -> None:
    assert classify(_message(subject, text)).kind == MessageKind.ORDER


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Lab restock",
            "Hi,\nCould we get 6 boxes of nitrile gloves and 2 cartons of pipette tips?\nThanks, Ana",
        ),
        ("Plomberie", "Bonjour,\nest-ce qu'on pourrait avoir 4 siphons de lavabo pour jeudi ?\nMerci"),
        ("Bureau", "Bonjour,\npourrions-nous avoir deux agrafeuses Rapid et un dévidoir ?\nCordialement"),
        ("Cleaning", "Hello,\nCan I have a dozen mop heads and some bin liners, the 50 litre ones.\nCheers"),
    ],
    ids=[
        "could-we-get-en-lab",
        "est-ce-qu-on-pourrait-avoir-fr-plumbing",
        "pourrions-nous-fr-office",
        "can-i-have-en",
    ],
)
def test_counted_goods_asked_to_have_are_an_order(subject: str, text: str) -> None:
    assert classify(_message(subject, text)).kind == MessageKind.ORDER


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Lab",
            "Hello,\nFor bench 4, the sterile ones:\n2 x 10 ml\n3 x 25 ml\n\nWe need it all here by Friday.\nAna",
        ),
        (
            "Chantier",
            "Bonjour,\nPour l'équipe de nuit :\n3 x T2\n2 x T3\nIl nous faut le tout pour jeudi.\nMerci",
        ),
    ],
    ids=["need-it-all-by-en-lab", "le-tout-pour-fr-site"],
)
def test_the_whole_list_wanted_by_a_day_is_an_order(subject: str, text: str) -> None:
    assert classify(_message(subject, text)).kind == MessageKind.ORDER


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Salle de bain Martin",
            "Bonsoir,\n\n2 x siphon de lavabo\n1 x mitigeur évier\n\nLivraison avant le 15 si possible.\n\nNicolas",
        ),
        (
            "Bench restock",
            "Hello,\n\nbench 2: 3 boxes of tips\nbench 5: 2 wash bottles\n\nDelivery before the 18th please.",
        ),
    ],
    ids=["livraison-avant-le-15-fr-plumbing", "delivery-before-the-18th-en-lab"],
)
def test_a_counted_list_wanted_by_a_day_of_the_month_is_an_order(subject: str, text: str) -> None:
    assert classify(_message(subject, text)).kind == MessageKind.ORDER


@pytest.mark.parametrize(
    "text",
    [
        "Hi,\nCould we get an update on the delivery of last week?\nThanks",
        "Hi,\nCan I have a quote for 20 boxes of gloves?\nThanks",
        "Bonjour,\npourrions-nous avoir un rendez-vous mardi ?\nMerci",
        "Hello,\nMay I have a copy of invoice 2231?\nRegards",
    ],
    ids=["an-update", "a-quote", "un-rendez-vous", "a-copy"],
)
def test_asking_to_have_no_goods_is_no_order(text: str) -> None:
    assert classify(_message("Question", text)).kind != MessageKind.ORDER


@pytest.mark.parametrize(
    "text",
    [
        "Bonjour,\nil faudrait que je vérifie le stock avant.\nMerci",
        "Il faut savoir que le dépôt ferme lundi.",
    ],
    ids=["il-faudrait-que", "il-faut-savoir"],
)
def test_il_faut_saying_no_goods_is_no_order(text: str) -> None:
    assert not classify(_message("Question", text)).is_order


def test_an_invoice_attachment_alone_makes_an_invoice() -> None:
    invoice = Attachment(filename="FA-26-10-2291.pdf", content_type="application/pdf", data=b"%PDF")
    assert (
        classify(_message("Document", "Bonjour, ci-joint.", attachments=[invoice])).kind
        == MessageKind.INVOICE
    )


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Commande suite devis D26-2302",
            "Suite à votre devis, veuillez trouver notre commande en pièce jointe.",
        ),
        ("Commande", "Conformément à votre devis DV-118, ci-joint notre bon de commande."),
    ],
    ids=["suite-a-votre-devis", "conformement-a-votre-devis"],
)
def test_an_order_sent_after_our_quote_is_an_order(subject: str, text: str) -> None:
    order = Attachment(filename="BC 2026-11-218.pdf", content_type="application/pdf", data=b"%PDF")
    assert classify(_message(subject, text, attachments=[order])).kind == MessageKind.ORDER


def test_an_attached_purchase_order_is_an_order() -> None:
    order = Attachment(filename="PO-2026-118.pdf", content_type="application/pdf", data=b"%PDF")
    parsed = _message("PO 2026-118", "Please find attached our PO.", attachments=[order])
    assert classify(parsed).kind == MessageKind.ORDER


@pytest.mark.parametrize(
    ("filename", "kind"),
    [("GH-26-118.ods", MessageKind.ORDER), ("GH_26_118.xlsx", MessageKind.ORDER), ("stock.ods", None)],
    ids=["named-after-the-po", "other-separators", "named-otherwise"],
)
def test_a_sheet_named_after_the_po_number_the_text_writes_is_an_order(
    filename: str, kind: MessageKind | None
) -> None:
    sheet = Attachment(filename=filename, content_type="application/octet-stream", data=b"PK")
    text = (
        "Hello,\n\nWinter paints for the trade counter in the sheet, PO GH 26-118. By 8 March is fine.\n\nJo"
    )
    found = classify(_message("winter stock", text, attachments=[sheet]))
    assert found.kind == kind if kind else not found.is_order


def test_textcat_is_loaded_once_and_scores_every_kind() -> None:
    assert load_textcat() is load_textcat()
    scores = predict("Merci de nous livrer 3 cartons de gobelets")
    assert set(scores) == set(LABELS)
    assert abs(sum(scores.values()) - 1.0) < 1e-3


def test_shipped_textcat_recognises_the_held_back_orders() -> None:
    _, held = split_held_back(load_examples())
    scores = {s.label: s for s in evaluate(load_textcat(), held)}
    assert scores["order"].recall >= 0.5 and scores["order"].precision >= 0.4


def test_an_unnamed_document_alone_is_not_an_order() -> None:
    pdf = Attachment(filename="scan_20261012.pdf", content_type="application/pdf", data=b"%PDF")
    parsed = _message("testing", "Just attaching a PDF to see what it looks like.", attachments=[pdf])
    assert not classify(parsed).is_order


def test_figures_without_order_wording_are_not_an_order() -> None:
    text = "- step 1: set timeout = 30\n- step 2: retry 3 x 10\n- result: 200 items\nvalue = 12"
    assert not classify(_message("build log", text)).is_order


def test_quantities_with_a_plain_order_word_are_an_order() -> None:
    text = "Bonjour,\nPour la commande :\n3 cartons de gobelets 20 cl\n2 bidons de javel 5 L\nMerci"
    assert classify(_message("", text)).is_order


@pytest.mark.parametrize(
    ("named", "total", "kind"),
    [(3, 4, MessageKind.ORDER), (1, 1, MessageKind.OTHER), (2, 6, MessageKind.OTHER)],
    ids=["most-lines-named", "one-line-is-too-little", "few-of-many"],
)
def test_lines_naming_catalogue_articles_make_an_order(named: int, total: int, kind: MessageKind) -> None:
    unsure = Classification(kind=MessageKind.OTHER, confidence=0.5, reasons=[NO_SIGN])
    assert by_catalogue(unsure, named, total).kind == kind


def test_the_catalogue_never_overrules_a_stated_kind() -> None:
    invoice = Classification(kind=MessageKind.INVOICE, confidence=0.8, reasons=["text: 'facture'"])
    assert by_catalogue(invoice, 5, 5) == invoice


@pytest.mark.parametrize(
    ("text", "is_order"),
    [
        ("Bonjour, 4 sachets de chevilles nylon M8x60. Merci\n\nKevin", True),
        ("Bonjour,\n\n2 boîtes de vis agglo inox 3x20.\n\nMerci, bonne journée\nAtelier Roux", True),
        ("Bonjour, 4 sachets de chevilles nylon M8x60 ?\n\nKevin", False),
        ("Bonjour, 4 sachets de chevilles nylon M8x60. Livrés au 12 rue Haute.\n\nKevin", False),
        ("Bonjour, chevilles nylon M8x60. Merci\n\nKevin", False),
    ],
    ids=["one-counted-line", "greeting-line-thanks", "a-question", "more-is-said", "no-count"],
)
def test_one_line_counting_an_article_in_its_unit_is_an_order(
    text: str, is_order: bool, reference_index: Callable[[Path], CatalogIndex]
) -> None:
    parsed = _message("chevilles", text)
    parsed.classification = classify(parsed)
    confirm_by_catalogue(parsed, reference_index(ROOT / "fixtures" / "ref"))
    assert parsed.classification.is_order == is_order, parsed.classification.reasons


INVOICE_QUOTED = (
    "-----Message d'origine-----\nDe : Comptabilité <compta@quincaillerie-dupuis.fr>\n"
    "Objet : Facture FA-2611-204\n\nRappel de la facture FA-2611-204 :\nCheville nylon 8 mm x 10 - 41,00\n"
)
NEW_LIST = "C'est réglé hier.\n\nPour jeudi :\n4 boîtes de vis bois 5x50\n2 rouleaux de scotch alu"


def test_a_reply_in_an_invoice_thread_is_no_invoice_by_its_subject_alone() -> None:
    reply = _message("RE: Facture FA-2611-204", NEW_LIST).model_copy(update={"quoted": INVOICE_QUOTED})
    result = classify(reply)
    assert result.kind != MessageKind.INVOICE, result.reasons
    assert classify(_message("Facture FA-2611-204", NEW_LIST)).kind == MessageKind.INVOICE


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "RE: Invoice FA-26-0412",
            "Thanks, paid today.\n\nWhile I have you: 6 boxes of copier paper and 2 toner cartridges. "
            "Put it on PO SCH-2612-07 please.\n\nMary",
        ),
        (
            "RE: Relevé de compte",
            "Bien reçu.\nAu passage : 4 siphons de lavabo et 10 coudes cuivre 22, "
            "mettez le tout sur notre bon de commande PL-26-118.\nMerci",
        ),
        ("Re: stock", "Hello,\n3 packs of pipette tips, book them against our PO LAB-4471.\nThanks"),
    ],
    ids=["put-it-on-po-en-office", "mettez-le-tout-sur-fr-plumbing", "book-them-against-en-lab"],
)
def test_goods_charged_to_an_order_number_are_an_order(subject: str, text: str) -> None:
    assert classify(_message(subject, text)).kind == MessageKind.ORDER


def test_a_question_about_an_order_number_is_no_order() -> None:
    text = "Hello,\nIs the invoice for PO 4471 correct? We think it was put on the wrong account.\nThanks"
    assert classify(_message("Invoice query", text)).kind != MessageKind.ORDER
