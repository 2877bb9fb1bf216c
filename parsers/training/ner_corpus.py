"""The NER training examples: written with inline marks, or generated from templates.

Marks: "[2|QTY] [cartons|UNIT] de [gobelets 20 cl|DESIGNATION]". `build_corpus()`
returns deterministic examples (fixed seed) over a vocabulary of designations
that belongs to no catalogue the project ships; `write_corpus(path)` writes them
as JSON lines {"text": ..., "entities": [[start, end, label], ...]}.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from parsers.training.jsonl import write_examples

LABELS = ("QTY", "UNIT", "CODE", "DESIGNATION", "PRICE", "PO", "DATE")
_MARK = re.compile(r"\[([^\[\]|]+)\|([A-Z]+)\]")

DESIGNATIONS_FR = [
    "ramettes papier A4 80 g",
    "stylos bille bleus",
    "classeurs à levier dos 80 mm",
    "enveloppes kraft C4",
    "câble électrique H07V-U 2,5 mm²",
    "gaine ICTA Ø20",
    "disjoncteurs 16 A",
    "prises murales blanches",
    "ampoules LED E27 9 W",
    "tuyau d'arrosage 25 m",
    "terreau universel 50 L",
    "sécateurs de jardin",
    "colliers de serrage 200 mm",
    "joints fibre 20x27",
    "coudes cuivre Ø14",
    "manchons PVC Ø100",
    "farine T55 25 kg",
    "levure boulangère 500 g",
    "papier sulfurisé 40x60",
    "moules à cake alu",
    "balais brosse coco",
    "seaux plastique 10 L",
    "serpillières microfibre",
    "raclettes sol 45 cm",
    "chevilles à frapper 6x40",
    "forets béton Ø8",
    "embouts de vissage PZ2",
    "mèches bois 10 mm",
    "pinceaux plats 50 mm",
    "rouleaux laqueurs 110 mm",
    "bâches de protection 4x5 m",
    "scotch de peintre 36 mm",
    "cartouches d'encre noire",
    "toner laser HP 26A",
    "agrafes 24/6",
    "post-it jaunes 76x76",
    "gilets haute visibilité XL",
    "chaussures de sécurité pointure 43",
    "masques FFP2",
    "bouchons d'oreilles",
    "tasseaux sapin 27x40",
    "panneaux OSB 18 mm",
    "lames de terrasse pin",
    "plinthes MDF 70 mm",
    "sacs de sable 25 kg",
    "mortier colle gris",
    "joint carrelage blanc 5 kg",
    "croisillons 3 mm",
    "lingettes désinfectantes",
    "savon liquide 5 L",
    "essuie-tout industriel",
    "sacs cabas réutilisables",
    "étiquettes adhésives 70x37",
    "rubans adhésifs transparents",
    "films bulles 50 cm",
    "palettes europe",
]
DESIGNATIONS_EN = [
    "A4 copy paper 80 gsm",
    "blue ballpoint pens",
    "lever arch files",
    "brown envelopes C4",
    "LED bulbs E27 9 W",
    "garden hose 25 m",
    "cable ties 200 mm",
    "copper elbows 15 mm",
    "masonry drill bits 8 mm",
    "paint brushes 50 mm",
    "dust sheets 4x5 m",
    "masking tape 36 mm",
    "hi-vis vests XL",
    "safety boots size 9",
    "FFP2 masks",
    "ear plugs",
    "OSB boards 18 mm",
    "decking boards",
    "tile adhesive grey",
    "tile spacers 3 mm",
    "hand soap 5 L",
    "blue roll",
    "bubble wrap 500 mm",
    "shipping labels 70x37",
]
UNITS_FR = [
    "cartons",
    "boîtes",
    "btes",
    "ctn",
    "paquets",
    "pqts",
    "rouleaux",
    "rlx",
    "sachets",
    "lots",
    "pièces",
    "pces",
    "palettes",
    "sacs",
    "bidons",
    "kg",
    "seaux",
    "paires",
    "colis",
    "u.",
]
UNITS_EN = ["boxes", "cases", "packs", "rolls", "bags", "pallets", "pcs", "units", "pairs", "kg", "tubs"]
QTYS_FR = [
    "2",
    "3",
    "4",
    "5",
    "6",
    "10",
    "12",
    "15",
    "20",
    "24",
    "50",
    "100",
    "1 200",
    "1.500",
    "2,5",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "dix",
    "douze",
    "une douzaine",
    "une vingtaine",
    "un",
    "une",
]
QTYS_EN = [
    "2",
    "3",
    "4",
    "6",
    "10",
    "12",
    "20",
    "25",
    "40",
    "100",
    "1,000",
    "two",
    "three",
    "four",
    "ten",
    "a dozen",
    "one",
]
CODES = [
    "AB-1042",
    "REF-2231",
    "X7781",
    "PL-300-12",
    "EL-16A",
    "TP-0093",
    "JD/4471",
    "K-55-02",
    "889021",
    "CB-7730",
    "MT-12-B",
    "400117",
]
POS = ["BC-2026-4410", "PO-88123", "CMD-5521", "2026/1187", "A-7712", "SRV-26-044", "ACH-0091", "4500123"]
# Dates and prices come marked: the words before a date ('le', 'avant le', 'by') and 'HT' after a
# price stay outside the mark, as fixtures/ner/README.md annotates them.
DATES_FR = [
    "[demain|DATE]",
    "[jeudi|DATE]",
    "[lundi prochain|DATE]",
    "[vendredi 16/10|DATE]",
    "le [22/10/2026|DATE]",
    "[mardi 3 novembre|DATE]",
    "[après-demain|DATE]",
    "[sous huitaine|DATE]",
    "avant le [27|DATE]",
    "[semaine 48|DATE]",
]
DATES_EN = [
    "[tomorrow|DATE]",
    "[next Monday|DATE]",
    "[Friday|DATE]",
    "[22/10/2026|DATE]",
    "[October 22nd|DATE]",
    "[within a week|DATE]",
]
PRICES = [
    "[12,50 €|PRICE]",
    "[3,20 €|PRICE] HT",
    "[45 €|PRICE]",
    "[0,85 €|PRICE]",
    "[€12.40|PRICE]",
    "[9.99 EUR|PRICE]",
    "[128,00 €|PRICE] HT",
]

TEMPLATES_FR = [
    "[{q}|QTY] [{u}|UNIT] de [{d}|DESIGNATION]",
    "- [{q}|QTY] [{u}|UNIT] [{d}|DESIGNATION]",
    "[{d}|DESIGNATION] : [{q}|QTY] [{u}|UNIT]",
    "[{c}|CODE] [{d}|DESIGNATION] : [{q}|QTY]",
    "[{q}|QTY] x [{c}|CODE]",
    "[{c}|CODE] - [{q}|QTY] [{u}|UNIT]",
    "Il nous faudrait [{q}|QTY] [{u}|UNIT] de [{d}|DESIGNATION] pour {t}.",
    "Pouvez-vous nous livrer {t} [{q}|QTY] [{u}|UNIT] de [{d}|DESIGNATION] et [{q2}|QTY] [{u2}|UNIT] de [{d2}|DESIGNATION] ?",
    "Merci de nous envoyer [{q}|QTY] [{u}|UNIT] de [{d}|DESIGNATION], ainsi que [{q2}|QTY] [{u2}|UNIT] de [{d2}|DESIGNATION].",
    "Commande n° [{p}|PO] : [{q}|QTY] [{u}|UNIT] de [{d}|DESIGNATION], livraison {t}.",
    "[{d}|DESIGNATION] ........ [{q}|QTY] [{u}|UNIT] à {pr}",
    "Réf. [{c}|CODE] - [{d}|DESIGNATION] - Qté : [{q}|QTY] - PU : {pr}",
    "Notre réf. [{p}|PO], à livrer {t}.",
    "Pour {t} svp : [{q}|QTY] [{d}|DESIGNATION]",
    "On repart sur [{q}|QTY] [{u}|UNIT] de [{d}|DESIGNATION] comme la dernière fois.",
    "Ajoutez aussi [{q}|QTY] [{u}|UNIT] de [{d}|DESIGNATION] si possible.",
    "Pourriez-vous nous envoyer [{q}|QTY] [{u}|UNIT] de [{d}|DESIGNATION] ?",
    "Il nous faut [{q}|QTY] [{u}|UNIT] de [{d}|DESIGNATION] et [{q2}|QTY] [{u2}|UNIT] de [{d2}|DESIGNATION].",
    "J'aurais besoin de [{q}|QTY] [{u}|UNIT] de [{d}|DESIGNATION] pour {t}.",
    "Bonjour, vous pouvez nous livrer [{q}|QTY] [{u}|UNIT] de [{d}|DESIGNATION] {t} ?",
]
TEMPLATES_EN = [
    "[{q}|QTY] [{u}|UNIT] of [{d}|DESIGNATION]",
    "- [{q}|QTY] x [{d}|DESIGNATION]",
    "[{d}|DESIGNATION]: [{q}|QTY] [{u}|UNIT]",
    "[{c}|CODE] [{d}|DESIGNATION] qty [{q}|QTY]",
    "Please send [{q}|QTY] [{u}|UNIT] of [{d}|DESIGNATION] and [{q2}|QTY] [{u2}|UNIT] of [{d2}|DESIGNATION] by {t}.",
    "PO number [{p}|PO], delivery {t}.",
    "We need [{q}|QTY] [{u}|UNIT] of [{d}|DESIGNATION] at {pr} each.",
    "Order [{p}|PO]: [{q}|QTY] x [{c}|CODE] [{d}|DESIGNATION]",
    "Could you send us [{q}|QTY] [{u}|UNIT] of [{d}|DESIGNATION] by {t}?",
    "Can you deliver [{q}|QTY] [{u}|UNIT] of [{d}|DESIGNATION] to site {t}?",
    "I need [{q}|QTY] [{u}|UNIT] of [{d}|DESIGNATION], thanks.",
    "We'd like to order [{q}|QTY] [{u}|UNIT] of [{d}|DESIGNATION] and [{q2}|QTY] [{u2}|UNIT] of [{d2}|DESIGNATION].",
    "Hi, could we get [{q}|QTY] [{d}|DESIGNATION] please?",
]
# Sentences with numbers that are not order lines: the model must leave them alone.
NEGATIVES = [
    "Merci de me rappeler au 05 56 12 34 78.",
    "Pour le repas du 12 (environ 120 couverts), je vous recontacte.",
    "Le total estimé est de 1 234,50 € HT.",
    "Nous sommes au 14 rue des Lilas, 33000 Bordeaux.",
    "Livraison entre 8h et 10h30 par l'entrée côté quai.",
    "Budget maximum 2.000 € pour ce mois.",
    "Call me on 0117 496 0123 if anything is missing.",
    "The total comes to £1,240.00 excluding VAT.",
    "Bonne journée et à jeudi.",
    "Nous serons fermés du 24/12 au 02/01.",
    # Counts the customer reports rather than orders: goods received, left in stock, sent back.
    "Nous avons bien reçu les 12 cartons de gants, merci.",
    "Les 3 palettes de parpaings sont arrivées ce matin, tout est conforme.",
    "Il nous reste encore 2 boîtes de vis 4x40 en stock.",
    "Sur les 20 rouleaux livrés, 4 étaient abîmés.",
    "Je vous retourne les 6 paires de chaussures reçues par erreur.",
    "La dernière fois nous avions pris 10 sacs de ciment.",
    "We received the 6 boxes of nitrile gloves yesterday, thanks.",
    "The 25 safety helmets arrived on Tuesday, all in good order.",
    "Two of the 12 cartons came damaged, photos attached.",
    "We still have 3 packs of A4 paper left, no need to send more.",
    "Last month we took 50 bags of sand from you.",
    "Returning the 4 drills you sent by mistake.",
]
HANDWRITTEN = [
    "il me faudrait [deux|QTY] [cartons|UNIT] de [gobelets 20 cl|DESIGNATION] et [une douzaine|QTY] de [ramettes A4|DESIGNATION]",
    "Bonjour, pour [jeudi|DATE] : [3|QTY] [boîtes|UNIT] de [vis 4x40|DESIGNATION] et [2|QTY] [rlx|UNIT] de [scotch toilé 50 mm|DESIGNATION]",
    "Pouvez-vous rajouter [cinq|QTY] [sacs|UNIT] de [ciment prompt|DESIGNATION] à la commande [BC-2026-0912|PO] ?",
    "[12|QTY] x [HX-2210|CODE]",
    "[HX-2210|CODE] [Vis tête hexagonale M8x60|DESIGNATION] [4|QTY] [bte|UNIT] [18,40 €|PRICE]",
    "Merci de livrer [après-demain|DATE] [4|QTY] [palettes|UNIT] de [parpaings 20x20x50|DESIGNATION].",
    "We would like [two|QTY] [pallets|UNIT] of [concrete blocks|DESIGNATION] delivered [next Monday|DATE].",
    "Our PO is [PO-77120|PO]; please deliver by [Friday|DATE].",
    "[1 500|QTY] [pces|UNIT] [étiquettes thermiques 100x150|DESIGNATION]",
    "[2,5|QTY] [kg|UNIT] de [clous tête plate 2,7x60|DESIGNATION]",
    "Il reste à commander [une vingtaine|QTY] de [gilets HV|DESIGNATION], à confirmer.",
    "[Tasseaux 27x40 brut|DESIGNATION] : [30|QTY] [pièces|UNIT]",
    "[Cde|O] [26-0418|PO] pour le chantier, livraison [mercredi 4 novembre|DATE].",
]


def _render(template: str, rng: random.Random, english: bool) -> str:
    designations = DESIGNATIONS_EN if english else DESIGNATIONS_FR
    units, qtys, dates = (UNITS_EN, QTYS_EN, DATES_EN) if english else (UNITS_FR, QTYS_FR, DATES_FR)
    d, d2 = rng.sample(designations, 2)
    return template.format(
        q=rng.choice(qtys),
        q2=rng.choice(qtys),
        u=rng.choice(units),
        u2=rng.choice(units),
        d=d,
        d2=d2,
        c=rng.choice(CODES),
        p=rng.choice(POS),
        t=rng.choice(dates),
        pr=rng.choice(PRICES),
    )


def parse_marks(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Plain text and entity spans from a marked sentence; label O marks plain text."""
    text, entities, at = [], [], 0
    position = 0
    for match in _MARK.finditer(marked):
        text.append(marked[at : match.start()])
        position += match.start() - at
        value, label = match[1], match[2]
        if label in LABELS:
            entities.append((position, position + len(value), label))
        text.append(value)
        position += len(value)
        at = match.end()
    text.append(marked[at:])
    return "".join(text), entities


def build_corpus(size: int = 480, seed: int = 7) -> list[dict]:
    """Deterministic examples: hand-written ones, negatives, then template renderings."""
    rng = random.Random(seed)
    marked = list(HANDWRITTEN) + list(NEGATIVES)
    while len(marked) < size:
        english = rng.random() < 0.3
        template = rng.choice(TEMPLATES_EN if english else TEMPLATES_FR)
        marked.append(_render(template, rng, english))
    examples = []
    for item in marked:
        text, entities = parse_marks(item)
        examples.append({"text": text, "entities": [list(e) for e in entities]})
    return examples


def write_corpus(path: Path) -> int:
    """Write the corpus as JSON lines; returns the number of examples."""
    return write_examples(build_corpus(), path)
