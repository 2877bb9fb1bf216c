"""Write textcat_train.jsonl: short FR/EN messages per kind, from hand-written phrase banks.

Run `python parsers/training/textcat_data.py` after editing the banks; the
output is committed so training is reproducible without this script.
"""

from __future__ import annotations

import random
from pathlib import Path

from parsers.training.jsonl import write_examples

OUT = Path(__file__).with_name("textcat_train.jsonl")

GREET = [
    "Bonjour,",
    "Bonjour Mathieu,",
    "Hello,",
    "Bonsoir,",
    "Madame, Monsieur,",
    "Hi team,",
    "Dear Sir or Madam,",
    "",
]
ITEMS = [
    "- 4 cartons de gobelets 20 cl", "- 2 bidons liquide vaisselle 5 L", "12 x EM30260", "3 colis serviettes 33x33",
    "Gants nitrile M : 5 boîtes", "- 10 paquets sucre 1 kg", "2 cases of paper cups 12 oz", "5 x HYG-2101-05",
    "Qté : 6 Réf : VJ10126", "- 1 palette de sacs poubelle 110 L", "20 rolls of cling film", "3 ctn bols kraft 750 ml",
]  # fmt: skip
BANKS: dict[str, list[str]] = {
    "order": [
        "Salut, tu peux me mettre de côté :\n{items}\nJe passe le prendre demain.",
        "Order confirmation from our side, please process:\n{items}",
        "Comme convenu au téléphone, je vous confirme :\n{items}",
        "Merci de livrer sur le chantier de Pessac :\n{items}",
        "Hi, could you send over {items_inline} by Thursday?",
        "Pour la semaine prochaine il nous faut {items_inline}, merci.",
        "Commande urgente : {items_inline}. Livraison avant midi si possible.",
        "Here is our weekly order, PO {n}:\n{items}",
        "Merci de nous livrer :\n{items}", "Voici notre commande pour jeudi :\n{items}",
        "Pouvez-vous nous envoyer :\n{items}\nLivraison mardi.", "Commande n° BC-2026-{n} ci-dessous.\n{items}",
        "Veuillez trouver ci-joint notre bon de commande BC-{n}.", "Please find attached our purchase order PO-{n}.",
        "Please ship the following:\n{items}", "Our order for next week:\n{items}\nDelivery Monday please.",
        "Il nous faudrait pour vendredi :\n{items}", "Je vous passe commande de :\n{items}",
        "Bon pour commande :\n{items}", "Ci-joint la commande de la semaine, merci de confirmer.",
        "Can you deliver tomorrow:\n{items}", "We would like to order:\n{items}",
        "Nouvelle commande R-{n} :\n{items}\nMême adresse de livraison.", "Besoin urgent pour demain matin :\n{items}",
        "Pour la tournée de mercredi, ajoutez-nous :\n{items}", "Réassort habituel svp :\n{items}",
        "PO {n} attached, please confirm the delivery date.", "Merci de prendre en compte notre commande jointe.",
        "Voilà ce qu'il faut pour le petit déj :\n{items}", "Notre commande du mois en pièce jointe (BC_{n}.xlsx).",
    ],
    "order_question": [
        "Bonjour, la commande {n} peut-elle être livrée plus tôt ? Merci de me tenir au courant.",
        "Je n'ai pas reçu la confirmation de la commande {n}, est-elle bien enregistrée ?",
        "What time will the driver arrive for order {n}?",
        "Pouvez-vous m'envoyer le bon de livraison de la commande {n} ?",
        "Quelle est la date de livraison prévue pour notre commande {n} ?",
        "We received the wrong size on order {n}, how do we return it?",
        "Où en est notre commande BC-{n} ? Nous ne l'avons pas reçue.", "La livraison de la commande {n} était incomplète : il manquait {item}.",
        "Where is our order {n}? It has not arrived yet.", "Pouvez-vous me dire quand part la commande {n} ?",
        "Avez-vous bien reçu notre commande d'hier ? Pas de confirmation de votre part.",
        "Could you send the tracking number for PO {n}?", "Le colis de la commande {n} est arrivé abîmé.",
        "Est-ce que le {item_plain} est disponible en stock ?", "Do you still carry {item_plain}?",
        "Quel est le délai de livraison pour Royan en ce moment ?", "Il manque 2 cartons sur la livraison de ce matin, que fait-on ?",
        "Nous avons reçu 3 colis au lieu de 4 pour la commande {n}.", "Can you confirm you received our order from Monday?",
    ],
    "quote_request": [
        "Bonjour, nous cherchons un fournisseur pour {item_plain}, pouvez-vous nous faire une proposition ?",
        "What would be your price for {items_inline} delivered to Bristol?",
        "Je voudrais connaître vos conditions tarifaires pour un volume annuel de 500 cartons.",
        "Merci de nous adresser votre meilleure offre pour la liste suivante :\n{items}",
        "Could you send a price list and delivery terms for the items below?\n{items}",
        "Avant de commander, pouvez-vous me donner le prix de {item_plain} ?",
        "Pourriez-vous nous faire un devis pour :\n{items}", "Merci de m'envoyer vos meilleurs prix pour :\n{items}",
        "Could you quote us for:\n{items}", "Please send us a quotation for the following items:\n{items}",
        "Nous préparons la saison et aimerions recevoir un devis pour :\n{items}\nNous passerons commande après validation.",
        "Quel serait votre tarif pour {item_plain} par 50 cartons ?", "Demande de prix : {item_plain}, 20 cartons par mois.",
        "Can you give me a price for {item_plain}? We may need 100 boxes.", "Pouvez-vous chiffrer la liste ci-jointe ?",
        "Merci de nous transmettre une offre de prix avant de passer commande.", "Request for quotation RFQ-{n} attached.",
    ],
    "invoice": [
        "Bonjour, vous trouverez en pièce jointe la facture de novembre.",
        "Please find our credit note CN-{n} attached.",
        "Facture {n} : montant TTC 1 234,50 €, échéance au 30/11.",
        "Reminder: invoice {n} is overdue, please arrange payment.",
        "Votre relevé de factures du mois est disponible dans votre espace client.",
        "Copie de la facture {n} demandée par votre comptabilité.",
        "Veuillez trouver ci-joint notre facture FA-{n}.", "Please find attached invoice INV-{n} for your order.",
        "Votre facture n° {n} est disponible, règlement à 30 jours.", "Ci-joint l'avoir AV-{n} suite au retour.",
        "Relance : la facture FA-{n} reste impayée à ce jour.", "Attached is our invoice {n}, payment due in 30 days.",
        "Rappel d'échéance : facture {n} arrivée à échéance le 15/10.", "Your statement of account is attached.",
        "Facture relative à votre commande CF-{n}, merci de procéder au règlement.",
    ],
    "change": [
        "Petite modification sur la commande {n} : rajoutez {item_plain}.",
        "On annule la commande de ce matin, erreur de notre part.",
        "Please amend PO {n}: quantity for {item_plain} should be 10, not 5.",
        "Changement d'adresse de livraison pour la commande {n} : livrer au dépôt.",
        "Merci de ne pas expédier la commande {n}, nous la reportons.",
        "Cancel line 2 of our order {n}, the rest is fine.",
        "Merci d'annuler notre commande BC-{n}, le restaurant est fermé.", "Please cancel our order {n}.",
        "Modification de la commande {n} : passer les gobelets de 4 à 6 cartons.", "Can you change PO {n}: 3 cases instead of 2.",
        "Annulez la ligne {item_plain} de la commande d'hier svp.", "Erreur dans notre commande {n} : remplacer la taille M par L.",
        "Please remove {item_plain} from our order {n}.", "Finalement on n'a plus besoin du {item_plain}, merci de le retirer.",
        "Report de la livraison de la commande {n} à lundi prochain.", "Could you push the delivery of order {n} to Friday?",
    ],
    "auto_reply": [
        "Merci pour votre message. Je suis en déplacement et le lirai à mon retour le 15.",
        "Your message has been received. A member of our team will get back to you shortly.",
        "Bonjour, nos bureaux sont fermés jusqu'au lundi 3 novembre. Votre message sera traité à notre retour.",
        "Automatic reply: I am on leave until 20 November.",
        "Ce message est une réponse automatique. Votre demande a été enregistrée sous le numéro {n}.",
        "I will be out of the office with no access to email. For urgent matters please call the office.",
        "Je suis absent du 12 au 18 octobre inclus. Pour toute urgence contactez Paul.",
        "I am out of the office until Monday with limited access to email.", "Message automatique : votre message a bien été reçu.",
        "Thank you for your email. This is an automatic reply; we will answer within 48 hours.",
        "Je suis en congés jusqu'au 2 novembre. Votre message ne sera pas transféré.",
        "Ceci est une réponse automatique, merci de ne pas répondre.", "I'm currently away and will reply on my return.",
    ],
    "newsletter": [
        "Cette semaine : 3 nouveaux produits et une remise de 10 % dès 200 € d'achat. Voir la version en ligne.",
        "Don't miss our Black Friday deals! Free shipping on all orders over 100 €.",
        "Le mag de novembre : conseils, nouveautés et promotions du mois.",
        "You are receiving this email because you subscribed to our mailing list.",
        "Jusqu'à -30 % sur toute la gamme hygiène, offre valable jusqu'à dimanche.",
        "Invitation : portes ouvertes de notre dépôt le 12 décembre, buffet offert.",
        "Découvrez nos offres d'automne : -15 % sur la vente à emporter !", "Our autumn catalogue is out: new eco-friendly cups.",
        "Profitez de nos promotions jusqu'au 31 octobre. Se désinscrire", "Newsletter de novembre : nouveautés et prix dégressifs.",
        "Unsubscribe here if you no longer wish to receive our offers.", "Salon EquipHotel : venez nous voir stand B12 !",
        "Webinar: reduce packaging costs in your restaurant. Register now.", "Nos nouveautés hygiène sont arrivées, commandez en ligne.",
    ],
    "spam": [
        "Dear friend, I have a business proposal worth 10 million dollars for you.",
        "Your invoice is ready: open the attached file to view the payment details. http://bit.example/x",
        "Bonjour, votre abonnement a expiré, renouvelez-le en cliquant sur ce lien.",
        "Cheap SEO services, rank first on Google in 7 days!",
        "Urgent: your parcel could not be delivered, confirm your address and pay the fee here.",
        "Hot singles in your area want to meet you.",
        "We are factory of nitrile gloves, price $0.02/pc. Order now: http://cheap.example", "Your mailbox is full, click here to verify your account.",
        "Congratulations! You won a $500 gift card, claim it now.", "Cher client, votre colis est bloqué, payez 1,99 € ici.",
        "Investment opportunity: 300% returns guaranteed, reply now.", "Votre compte sera suspendu, confirmez vos identifiants.",
        "Cheap masks 1 000 000 pcs in stock, MOQ 100 cartons, pay deposit via link.",
    ],
    "other": [
        "Bonjour, pouvez-vous me rappeler au sujet de notre compte client ?",
        "Please find attached our updated company certificate and bank details.",
        "Nous souhaiterions ouvrir un compte chez vous, quelles sont les démarches ?",
        "Merci pour votre accueil au salon, à bientôt.",
        "Can you send me your catalogue in PDF?",
        "Le chauffeur a laissé ses gants chez nous ce matin, on les garde à l'accueil.",
        "Merci pour la livraison de ce matin, tout est parfait.", "Nous changeons d'adresse de facturation au 1er novembre.",
        "Thanks for the visit yesterday, see you next month.", "Pouvez-vous mettre à jour notre RIB ci-joint ?",
        "Notre restaurant sera fermé pendant les vacances de la Toussaint.", "Bonjour, je cherche le contact de votre commercial pour Bayonne.",
        "Please update our contact: orders now go to achats@example.fr.", "Joyeuses fêtes à toute l'équipe !",
        "Candidature spontanée pour un poste de préparateur de commandes.", "Voici le planning des livraisons de la rentrée.",
    ],
}  # fmt: skip
CLOSE = ["Merci,", "Cordialement,", "Thanks,", "Best regards,", "Bonne journée", "", "Merci d'avance"]
LABELS = list(BANKS)


def _example(rng: random.Random, label: str, template: str, group: str) -> dict:
    items = "\n".join(rng.sample(ITEMS, rng.randint(1, 4)))
    item_plain = rng.choice(ITEMS).lstrip("- ").split(":")[0]
    inline = ", ".join(line.lstrip("- ") for line in rng.sample(ITEMS, rng.randint(1, 3)))
    body = template.format(
        items=items, items_inline=inline, item=item_plain, item_plain=item_plain, n=rng.randint(100, 9999)
    )
    text = "\n".join(part for part in (rng.choice(GREET), body, rng.choice(CLOSE)) if part)
    return {"text": text, "label": label, "group": group}


def build(seed: int = 7, per_template: int = 3) -> list[dict]:
    """Every template a few times, with different greetings, items and closings."""
    rng = random.Random(seed)
    rows = [
        _example(rng, label, template, f"{label}-{index}")
        for label, bank in BANKS.items()
        for index, template in enumerate(bank)
        for _ in range(per_template)
    ]
    rng.shuffle(rows)
    return rows


if __name__ == "__main__":
    print(f"{write_examples(build(), OUT)} examples -> {OUT}")
