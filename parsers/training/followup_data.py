"""Write followup_train.jsonl: short FR/EN follow-up messages per kind, from hand-written banks.

Each template is written as a body, a reply (a thread header and the order quoted
under it) or a forward (a colleague's word over the original), with articles,
numbers and days drawn from several trades, so the model learns what a follow-up
says rather than one catalogue. Run `python -m parsers.training.followup_data`
after editing the banks; the output is committed so training is reproducible.
"""

from __future__ import annotations

import random
from pathlib import Path

from parsers.training.jsonl import write_examples

OUT = Path(__file__).with_name("followup_train.jsonl")

ARTICLES = [
    "coudes cuivre 22 mm", "raccords laiton 3/4", "vannes d'arrêt 1/2", "tubes PER 16", "colliers 32",
    "joints fibre 20x27", "siphons PVC 40", "gants nitrile taille M", "gobelets carton 20 cl",
    "vis inox 4x30", "chevilles 8 mm", "sacs poubelle 110 L", "plaques de plâtre BA13", "mitigeurs lavabo",
    "flexibles 50 cm", "manchons PVC 100", "bidons de dégraissant 5 L", "rouleaux d'essuie-mains",
]  # fmt: skip
ARTICLES_EN = [
    "copper elbows 15 mm", "brass fittings 1/2\"", "ball valves 3/4", "PEX pipe 20 mm", "pipe clips 22",
    "radiator valves", "flexible hoses 500 mm", "nitrile gloves size L", "paper cups 12 oz",
    "wood screws 5x50", "wall plugs 6 mm", "bin liners 90 L", "plasterboard sheets", "basin mixers",
    "sealing tape", "cable ties 300 mm", "degreaser 5 L", "hand towel rolls",
]  # fmt: skip
PO = ["BC-{n}", "PO {n}", "CMD-26-{n}", "4500{n}", "A-{n}", "n° {n}", "PO-{n}", "{n}"]
DAY_FR = [
    "d'hier",
    "de lundi",
    "de mardi",
    "du 3 novembre",
    "de ce matin",
    "de la semaine dernière",
    "du 18/11",
]
DAY_EN = ["yesterday's", "Monday's", "last Tuesday's", "this morning's", "last week's"]
DATE_FR = ["au 30/11", "à vendredi", "au lundi 7 décembre", "à la semaine prochaine", "au 2 décembre"]
DATE_EN = ["to Friday", "to 30 November", "to next Monday", "to the 4th of December", "by a week"]

# Each kind: templates with {po}, {art}, {art2}, {n}, {m}, {day}, {date}; (subject, body).
BANKS: dict[str, list[tuple[str, str]]] = {
    "new_order": [
        ("Commande", "Merci de nous livrer :\n- {n} {art}\n- {m} {art2}"),
        ("Commande {po}", "Voici notre commande {po} pour jeudi :\n{n} x {art}\n{m} x {art2}"),
        ("Nouvelle commande", "Une nouvelle commande, à part de la précédente :\n- {n} {art}"),
        ("Order", "Please ship the following:\n- {n} {art}\n- {m} {art2}\nDelivery Monday."),
        ("PO {po}", "Please find our order {po} below.\n{n} x {art}"),
        ("Commande chantier", "Pour le chantier de Vannes, il nous faut {n} {art} et {m} {art2}."),
        ("Another order", "Hi, this is a separate order, not a change to the last one:\n{n} {art}"),
        ("Commande", "Autre commande pour le dépôt : {n} {art}, livraison habituelle."),
        ("Besoin urgent", "Besoin pour demain matin : {n} {art}. Merci de confirmer."),
        ("Re-stock", "Our usual restock please: {n} {art}, {m} {art2}."),
        ("Bon de commande", "Ci-joint notre bon de commande {po}. Merci d'en accuser réception."),
        ("Purchase order", "Attached is purchase order {po}, please confirm the delivery date."),
        ("Commande", "Pouvez-vous nous envoyer {n} {art} ? Même adresse que d'habitude."),
        ("New order", "New order for the Leeds site: {n} {art}. Thanks."),
        ("Réassort", "Je vous passe commande de {n} {art} pour la semaine prochaine."),
        ("Order for Friday", "Could you deliver {n} {art} and {m} {art2} on Friday?"),
        ("Commande", "Nouvelle commande (la précédente est bien reçue, merci) : {n} {art}."),
        ("Order", "We'd like to order {n} {art}, same terms as usual."),
        ("Commande mensuelle", "Notre commande du mois :\n{art} : {n}\n{art2} : {m}"),
        ("Order", "One more order please, separate from {po}: {n} {art}."),
    ],
    "change": [
        ("Modification commande {po}", "Merci d'ajouter {n} {art} à notre commande {po}."),
        ("Commande {po}", "Pouvez-vous rajouter {n} {art} sur la commande {day} ?"),
        ("Modif", "Sur notre commande {po}, passer les {art} de {n} à {m}."),
        ("Change to PO {po}", "Please change the quantity of {art} to {m} on PO {po}."),
        ("PO {po}", "Could you add {n} {art} to our order {po}? Everything else stays the same."),
        (
            "Commande {day}",
            "Finalement on n'a plus besoin des {art}, merci de les retirer de la commande {day}.",
        ),
        ("Amendment", "Please remove the {art} from {po}, we found some in stock."),
        ("Livraison", "Est-il possible de décaler la livraison de la commande {po} {date} ?"),
        ("Delivery date", "Could you move the delivery of order {po} {date}? The site is not ready."),
        ("Correction", "Erreur de notre part sur la commande {po} : il fallait {m} {art} et non {n}."),
        ("Order {po}", "We need {m} {art} instead of {n} on our order {po}."),
        ("Commande", "Merci de supprimer la ligne {art} de notre commande {day}, le reste est bon."),
        ("Quantité", "Mettez-nous {m} {art} plutôt que {n} sur le bon {po}."),
        ("Change", "Can you increase the {art} to {m} on yesterday's order?"),
        ("Ajout", "En plus de la commande {po}, ajoutez {n} {art} s'il vous plaît."),
        ("Order update", "Please drop line 3 ({art}) from PO {po}."),
        ("Commande {po}", "Pouvez-vous avancer la livraison de notre commande {po} {date} ?"),
        ("Our order", "Please add {n} {art} and reduce the {art2} to {m} on our last order."),
        (
            "Modification",
            "Changement sur la commande {po} : {n} {art} en plus, et {m} {art2} au lieu de {n}.",
        ),
        ("Quantity", "Small change on {po}: {m} {art} rather than {n}."),
        ("Commande {day}", "Remplacez les {art} par des {art2} dans la commande {day} svp."),
        ("PO {po} - extra", "Could you put an extra {n} {art} on {po} before it ships?"),
    ],
    "cancellation": [
        ("Annulation commande {po}", "Merci d'annuler notre commande {po}, le chantier est reporté."),
        ("Annulation", "Nous annulons la commande {day}, elle a été passée en double."),
        ("Cancel PO {po}", "Please cancel PO {po}, we ordered twice by mistake."),
        ("Order {po}", "We no longer need order {po}, please cancel it."),
        ("Commande {po}", "Ne livrez pas la commande {po} s'il vous plaît, elle est annulée."),
        ("Cancellation", "Please cancel our order from {dayen_plain} entirely, the customer has pulled out."),
        ("Commande {po}", "La commande {po} est à annuler dans sa totalité, merci de confirmer."),
        ("Do not ship", "Do not ship order {po}, it is cancelled on our side."),
        ("Annulation", "Suite à l'abandon du projet, nous annulons le bon de commande {po}."),
        ("PO {po} cancelled", "Our PO {po} must be cancelled, sorry for the trouble."),
        ("Commande en double", "Vous avez reçu deux fois la même commande : annulez la {po} svp."),
        ("Cancel order", "Hi, can you cancel the order I sent {dayen_plain}? Thanks."),
        ("Commande", "Annulation de toute la commande {day}, merci de ne rien expédier."),
        ("Order cancellation", "This is to confirm the cancellation of purchase order {po}."),
        ("Annuler", "Merci de bien vouloir annuler ma commande, nous n'en avons plus besoin."),
        ("PO {po}", "We have to cancel {po} - budget withdrawn. Please confirm nothing will be sent."),
        ("Commande {po}", "Pouvez-vous annuler la commande {po} si elle n'est pas encore partie ?"),
        ("Cancel", "Please cancel the whole order {po}, we'll reorder next month."),
    ],
    "replacement": [
        ("Commande {po} V2", "Ce bon annule et remplace notre commande {po}.\n- {n} {art}\n- {m} {art2}"),
        ("Annule et remplace {po}", "Annule et remplace la commande {po} :\n{n} x {art}"),
        ("Revised PO {po}", "This PO supersedes PO {po}.\n{n} x {art}\n{m} x {art2}"),
        ("PO {po} rev. 2", "Please find the revised purchase order, it replaces {po} in full:\n{n} {art}"),
        (
            "Nouvelle version",
            "Voici la nouvelle version de la commande {po}, l'ancienne est à annuler :\n{n} {art}",
        ),
        ("Updated order", "Cancel and replace order {po} with the following:\n- {n} {art}\n- {m} {art2}"),
        (
            "Commande corrigée",
            "Version corrigée du bon {po}, merci de ne tenir compte que de celle-ci :\n{n} {art}",
        ),
        ("Replacement order", "Please disregard {po}; this order replaces it:\n{n} x {art}"),
        (
            "Commande {po} modifiée",
            "Merci de remplacer notre commande {po} par celle-ci :\n{n} {art}\n{m} {art2}",
        ),
        ("Amended PO", "Amended PO attached, superseding our previous PO {po}."),
        ("BC {po} bis", "Annulant et remplaçant le BC {po} :\n- {art} : {n}\n- {art2} : {m}"),
        ("Order {po}", "The attached order cancels and replaces {po}, same delivery address."),
        ("Remplacement", "Ignorez la commande {po}, elle est remplacée par la liste ci-dessous :\n{n} {art}"),
        ("New PO replacing {po}", "New purchase order in place of our PO {po}:\n{n} {art}"),
        ("Commande", "Nous remplaçons la commande {day} par celle-ci :\n{n} {art}\n{m} {art2}"),
    ],
    "return": [
        (
            "Retour",
            "Les {art} reçus ne sont pas les bons, nous avons commandé des {art2}. On vous les retourne.",
        ),
        (
            "Erreur de livraison",
            "Nous avons reçu {n} {art} au lieu de {n} {art2}. Comment procède-t-on pour le retour ?",
        ),
        ("Colis abîmé", "{n} cartons de {art} sont arrivés abîmés, merci d'organiser la reprise."),
        ("Damaged goods", "{n} boxes of {art} arrived damaged. We would like to send them back."),
        ("Wrong item", "We received {art} instead of {art2} on order {po}. Please arrange a return."),
        ("Retour marchandise", "Nous vous retournons {n} {art} commandés en trop, merci de faire un avoir."),
        ("Return", "We over-ordered {art}, can we return {n} of them for a credit note?"),
        ("Réclamation", "Réclamation sur la livraison {po} : les {art} sont défectueux, ils fuient."),
        ("Faulty", "The {art} delivered last week are faulty, several are leaking. We want a refund."),
        ("Produits non conformes", "Les {art} livrés ne sont pas conformes, nous souhaitons les renvoyer."),
        (
            "Surplus",
            "Vous nous avez livré {m} {art} alors que nous en avions commandé {n}, le surplus est à reprendre.",
        ),
        ("Too many", "You sent {m} {art} but we ordered {n}. Please collect the excess."),
        ("Retour", "Bonjour, pouvez-vous nous envoyer un bon de retour pour {n} {art} cassés ?"),
        ("RMA request", "Please issue an RMA for {n} {art}, quality problem on the whole batch."),
        ("Litige livraison", "Litige sur la commande {po} : {n} {art} écrasés à la livraison."),
        ("Complaint", "Formal complaint: the {art} we received are broken, we are returning them."),
        ("Retour", "Mauvaise référence livrée ({art} au lieu de {art2}), merci de venir les reprendre."),
        ("Return of goods", "We'd like to return {n} {art}, wrong size delivered."),
        ("Avoir", "Les {art} ne fonctionnent pas, merci de nous faire un avoir ou un échange."),
        ("Quality issue", "Poor quality on the {art}: they crack when fitted. Can we send them back?"),
    ],
    "delivery_question": [
        ("Commande {po}", "Où en est notre commande {po} ? Nous n'avons toujours rien reçu."),
        ("Livraison", "Pouvez-vous me dire quand la commande {day} sera livrée ?"),
        ("Where is my order", "Where is our order {po}? It was due yesterday."),
        ("Suivi", "Auriez-vous le numéro de suivi du colis pour la commande {po} ?"),
        ("Tracking", "Could you send the tracking number for PO {po}?"),
        ("Délai", "Quel est le délai de livraison pour notre commande {po} ?"),
        ("Delivery", "When will order {po} be delivered? The site needs it by Thursday."),
        ("Commande", "Notre commande {day} est-elle bien partie ?"),
        ("Status", "What is the status of our order {po}? Has it shipped?"),
        ("Pas reçu", "Toujours pas reçu la commande {po}, pouvez-vous vérifier ?"),
        ("Order {po}", "We still haven't received order {po}. Any news?"),
        ("Date de livraison", "Pouvez-vous me confirmer la date de livraison de la commande {po} ?"),
        ("ETA", "Hi, do you have an ETA for {dayen_plain}'s order?"),
        ("Commande en attente", "Pour quand peut-on espérer la livraison du bon {po} ?"),
        ("Delivery time", "Roughly when can we expect the {art} from PO {po}?"),
        ("Expédition", "La commande {po} a-t-elle été expédiée ? Le chef de chantier attend les {art}."),
        ("Has it left?", "Has our order {po} left your warehouse yet?"),
        ("Commande {po}", "Le transporteur n'est pas passé, savez-vous quand arrive notre commande ?"),
    ],
    "other": [
        ("Merci", "Merci pour la livraison de ce matin, tout est conforme."),
        ("Thanks", "Thanks, the delivery arrived in good order."),
        (
            "Facture",
            "Pouvez-vous nous renvoyer la facture de la commande {po} ? Notre comptabilité ne la trouve pas.",
        ),
        ("Invoice", "Could you resend the invoice for {po}? Accounts can't find it."),
        ("Changement d'adresse", "Notre adresse de facturation change au 1er janvier, voir ci-dessous."),
        ("Catalogue", "Pouvez-vous m'envoyer votre catalogue à jour avec les prix ?"),
        ("Price list", "Can you send your updated price list for next year?"),
        ("Fermeture", "Notre dépôt sera fermé du 24 décembre au 2 janvier."),
        ("Holidays", "Please note our site is closed between Christmas and New Year."),
        ("RIB", "Voici nos nouvelles coordonnées bancaires pour les règlements."),
        ("Bien reçu", "Bien reçu votre confirmation, merci."),
        ("Received", "Got your acknowledgement, thanks a lot."),
        ("Contact", "Merci de noter que les commandes passeront désormais par achats@exemple.fr."),
        ("New contact", "Please update our buyer's contact: orders now come from Sarah in purchasing."),
        ("Rendez-vous", "Votre commercial peut-il passer nous voir la semaine prochaine ?"),
        ("Visit", "Would your rep be free to visit the site next Tuesday?"),
        ("Fiche technique", "Auriez-vous la fiche technique des {art} ?"),
        ("Datasheet", "Do you have the datasheet for the {art}?"),
        ("Relevé", "Pouvez-vous nous envoyer un relevé de compte à fin novembre ?"),
        ("Question prix", "Les {art} ont-ils augmenté ? Le prix n'est pas celui de l'offre."),
        ("Meilleurs voeux", "Toute l'équipe vous souhaite de bonnes fêtes de fin d'année."),
        ("Stock", "Avez-vous des {art} en stock en ce moment ? Ce n'est pas une commande."),
    ],
}
GREET_FR = ["Bonjour,", "Bonjour Madame,", "Bonjour à tous,", "Bonsoir,", "Salut,", ""]
GREET_EN = ["Hello,", "Hi,", "Hi team,", "Good morning,", "Dear Sir or Madam,", ""]
CLOSE_FR = ["Merci,", "Cordialement,", "Bonne journée", "Merci d'avance", "Bien à vous", ""]
CLOSE_EN = ["Thanks,", "Best regards,", "Kind regards,", "Cheers,", "Many thanks", ""]
NAMES = ["Julien Morel", "Sophie Leclerc", "Tom Hughes", "Anna Schmidt", "Karim Benali", "Lucie Martin"]
QUOTED_ORDER = [
    "Voici notre commande {po} :\n- {n} {art}\n- {m} {art2}\nCordialement",
    "Please find our order {po}:\n{n} x {art}\n{m} x {art2}\nRegards",
    "Commande {po}\n{art} : {n}\nLivraison {date_plain}",
]
SHAPES = ("body", "reply", "forward")


_EN_WORDS = {
    "please",
    "the",
    "we",
    "our",
    "could",
    "you",
    "is",
    "has",
    "can",
    "and",
    "with",
    "to",
    "of",
    "it",
    "order",
    "this",
    "for",
    "your",
    "thanks",
    "got",
    "in",
    "sent",
    "do",
    "not",
}


def _english(text: str) -> bool:
    words = set(text.lower().replace(",", " ").split())
    return len(words & _EN_WORDS) >= 2


def _fill(rng: random.Random, template: str, english: bool) -> str:
    pool = ARTICLES_EN if english else ARTICLES
    art, art2 = rng.sample(pool, 2)
    n = rng.choice([2, 3, 4, 5, 6, 10, 12, 20, 24, 50])
    return template.format(
        po=rng.choice(PO).format(n=rng.randint(1000, 99999)),
        art=art,
        art2=art2,
        n=n,
        m=n + rng.choice([1, 2, 4, 5, 10]),
        day=rng.choice(DAY_FR),
        dayen_plain=rng.choice(["yesterday", "Monday", "Tuesday", "this morning", "last week"]),
        date=rng.choice(DATE_EN if english else DATE_FR),
        date_plain=rng.choice(["jeudi", "le 24/11", "Friday"]),
    )


def _quote(rng: random.Random, english: bool) -> str:
    who = rng.choice(NAMES)
    head = (
        f"On Mon, 23 Nov 2026 at 09:12, {who} <achats@client.example> wrote:"
        if english
        else f"Le lun. 23 nov. 2026 à 09:12, {who} <achats@client.example> a écrit :"
    )
    quoted = _fill(rng, rng.choice(QUOTED_ORDER), english)
    return head + "\n" + "\n".join("> " + line for line in quoted.splitlines())


def _forward(rng: random.Random, subject: str, body: str, english: bool) -> tuple[str, str]:
    note = rng.choice(
        ["See below, can you deal with it?", "Forwarding from the site manager.", "FYI, see below."]
        if english
        else [
            "Voir ci-dessous, merci de faire le nécessaire.",
            "Je vous transfère la demande du chantier.",
            "Pour info :",
        ]
    )
    who = rng.choice(NAMES)
    head = "---------- Forwarded message ---------" if english else "-------- Message transféré --------"
    sender = f"{'From' if english else 'De'} : {who} <{who.split()[0].lower()}@client.example>"
    original = f"{head}\n{sender}\n{'Subject' if english else 'Objet'} : {subject}\n\n{body}"
    return f"{'Fwd' if english else 'TR'}: {subject}", f"{note}\n\n{original}"


def render(rng: random.Random, subject: str, body: str, shape: str) -> dict:
    """One example: the subject and body filled, written as a body, a reply or a forward."""
    english = _english(body) or _english(subject)
    text = _fill(rng, body, english)
    subject = _fill(rng, subject, english)
    greet = rng.choice(GREET_EN if english else GREET_FR)
    close = rng.choice(CLOSE_EN if english else CLOSE_FR)
    text = "\n".join(p for p in (greet, text, close, rng.choice(NAMES)) if p)
    thread = False
    if shape == "reply":
        subject, thread = f"{'RE' if rng.random() < 0.7 else 'Re'}: {subject}", True
        text = f"{text}\n\n{_quote(rng, english)}"
    elif shape == "forward":
        subject, text = _forward(rng, subject, text, english)
    return {"subject": subject, "text": text, "thread": thread, "language": "en" if english else "fr"}


def build(seed: int = 18, per_template: int = 4) -> list[dict]:
    """Every template a few times, each time in another shape with other words around it."""
    rng = random.Random(seed)
    rows = []
    for label, bank in BANKS.items():
        for index, (subject, body) in enumerate(bank):
            shapes = [*rng.sample(SHAPES, len(SHAPES)), rng.choice(SHAPES)]
            for shape in shapes[:per_template]:
                row = render(rng, subject, body, shape)
                rows.append({**row, "label": label, "group": f"{label}-{index}", "shape": shape})
    rng.shuffle(rows)
    return rows


if __name__ == "__main__":
    print(f"{write_examples(build(), OUT)} examples -> {OUT}")
