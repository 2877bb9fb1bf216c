"""The order numbers a customer's sentences give in their own words, with no label beside them (the
labelled ones are parsers/text/po_labels.py's): a number cited for our papers, said as theirs, or closing
a sentence that counts nothing."""

import re

# "Please reference RIV-0611.", "kindly quote our reference KT/26-118 on the invoice", "merci de rappeler la
# référence ATL-2611": a verb asking us to cite the number, then a coded number ending its clause.
CITED = re.compile(
    r"\b(?i:please|kindly|merci\s+de|merci\s+d'|pensez\s+[àa])\s*(?i:quote|reference|mention|use|rappeler"
    r"|indiquer|mentionner|noter|reporter)\s+(?:(?i:our|my|the|this|notre|la|le|cette|référence|reference|réf|ref"
    r"|po|order|commande|n°|no\.?|number|numéro)\s+){0,3}"
    r"(?P<po>(?=[A-Z0-9\-/]*\d)[A-Z]{2,}[A-Z0-9]*(?:[-/][A-Z0-9]+)+)"
    r"(?=\s*(?:[,.;)!]|$|\s+(?i:on|sur|in|dans|for|pour)\b))",
    re.M,
)
# "C'est toujours notre OS-ACA-2611.", "it's still our KT/26-118", "book them on a new PO, KCS/PO/11902": the
# customer's own coded number said as theirs, ending its clause; a catalogue code there is an article's.
OURS = re.compile(
    r"\b(?i:notre|our|(?:new|nouveau|nouvelle|autre|another)\s+(?:po|bc|bon|order\s+number|r[ée]f\w*)\s*,)\s+"
    r"(?P<po>(?=[A-Z0-9\-/]*\d)[A-Z]{2,}[A-Z0-9]*(?:[-/][A-Z0-9]+)+)(?=\s*(?:[,.;)!]|$))",
    re.M,
)

# "On prend seulement le terreau et le paillage, réf. JH-5522.", "We'll take the compost for now, ref. JH-5522.":
# a reference closing a sentence that counts nothing, set off by a comma; a catalogue code there is an
# article's (checked as a qualified number's are), a phrase naming our quote or an article another number.
REF_CLOSING = re.compile(
    r"(?:^|(?<=[.!?:])[ \t]+)(?P<phrase>[^\d\n.!?:]{3,120}?),[ \t]*(?i:r[ée]f(?:[ée]rence|erence)?\.?)[ \t]*:?[ \t]*"
    r"(?P<po>(?=[A-Z0-9\-/]*\d)[A-Z]{2,}[A-Z0-9]*(?:[-/][A-Z0-9]+)+)(?=[ \t]*(?:[.;)!]|$))",
    re.M,
)

# "Ref QCP-1207 for your invoice please", "réf. 26-0418 pour la facture": a reference, its number, then the
# papers of ours it is for ('Ref FA-26-118 on your invoice' may name the invoice itself).
FOR_OUR_PAPERS = re.compile(
    r"\b(?i:r[ée]f(?:[ée]rence|erence)?\.?|n°|no\.|num[ée]ro|number)[ \t]*:?[ \t]*"
    r"(?P<po>(?=[A-Z0-9\-/]*\d)[A-Z0-9]+(?:[-/][A-Z0-9]+)+)[ \t]+(?i:for|pour)[ \t]+"
    r"(?i:your|the|our|all|votre|vos|la|le|les|nos|tous\s+vos)[ \t]+"
    r"(?i:invoices?|factures?|delivery\s+notes?|paperwork|BL|bons?\s+de\s+livraison)\b",
)
# "réf BC Moulin 26-1209, merci", "PO Leeds depot 4471/22.": an order's label, the site or service it is for
# (a capital opening it), then its number, ending the clause.
FOR_A_SITE = re.compile(
    r"(?<![\w\-/])(?-i:BC|PO|BDC)[ \t]+(?:[A-Z][^\W\d_]+[ \t]+)(?:[^\W\d_]+[ \t]+)?"
    r"(?P<po>\d{2,4}[-/]\d{2,6}(?:[-/]\d{1,6})*)(?=[ \t]*(?:[,.;)!]|$))",
    re.M,
)
# "po KCH 7713" or "N/Réf. CDE 4481" under the sign-off, "C'est notre commande LJB 2026/487.": an order's label,
# then capitals and a number set one space apart, ending the clause: the customer's own way of writing its
# number (a post office box is none).
SPACED = re.compile(
    r"(?<![\w\-/])(?i:po|p\.o\.|bc|(?:notre|ma|our|my)\s+(?:commande|order|po|bc|r[ée]f\w*\.?)|n\s*/\s*r[ée]f\w*\.?)"
    r"[ \t]*[:#]?[ \t]+"
    r"(?P<po>(?!BOX\b)[A-Z]{2,5} \d{3,8}(?:[-/]\d{1,6})*)(?=[ \t]*(?:[,.;)!]|$))",
    re.M,
)
# "Please supply the list below on GW-2612-0104, including ...", "merci de livrer le tout sur CH-26-0412.": a verb
# asking for the goods, then the coded number they go on, ending its clause or before an aside ('as a new order
# under GMD-26-131 (the blue line ...)'); a catalogue code there is an article's (checked as a qualified
# number's are).
BOOKED_ON = re.compile(
    r"\b(?i:supply|send|deliver|ship|order|book|put|charge|bill|process|enter|livrer|envoyer|exp[ée]dier"
    r"|commander|passer|mettre|saisir|facturer|imputer)\b[^.\n!?]{0,60}?\s(?i:on|under|against|sur|sous)\s+"
    r"(?P<po>(?=[A-Z0-9\-/]*\d)[A-Z]{2,}[A-Z0-9]*(?:[-/][A-Z0-9]+)+)(?=\s*(?:[,.;)!(]|$))",
    re.M,
)
# "... and 1 x 3P+N surge protector. Ref VE/2026/311, delivery Monday.": a reference opening its sentence, its
# coded number closing the clause and no count after it (an article's ref is followed by its count or name); a
# catalogue code there is an article's (checked as a qualified number's are).
REF_OPENING = re.compile(
    r"(?:^|(?<=[.!?])[ \t]+)(?i:r[ée]f(?:[ée]rence|erence)?\.?)[ \t]*:?[ \t]*"
    r"(?P<po>(?=[A-Z0-9\-/]*\d)[A-Z]{2,}[A-Z0-9]*(?:[-/][A-Z0-9]+)+)(?=[ \t]*(?:[.;!]|$|,(?![ \t]*\d)))",
    re.M,
)
# "PO to follow from purchasing - actually, use FLH-WS-1211", "bon de commande pas encore validé, mettez
# LB-26-118 en attendant": the order's label, then in the same sentence a verb giving the number to use; a
# catalogue code there is an article's (checked as a qualified number's are).
USE_INSTEAD = re.compile(
    r"(?<![\w\-/])(?:(?-i:PO|BC)|(?i:purchase\s+order|order\s+number|bon\s+de\s+commande|n°\s+de\s+commande))"
    r"\b[^\n.!?]{0,80}?\b(?i:use|utilisez|utiliser|mettez|mettre|put|prenez|notez|note)\s+"
    r"(?P<po>(?=[A-Z0-9\-/]*\d)[A-Z]{2,}[A-Z0-9]*(?:[-/][A-Z0-9]+)+)(?=\s*(?:[,.;)!]|$|\s+(?i:for|pour|en|instead)\b))",
    re.M,
)
# "Réf. interne RL-EXP-0977", "Internal ref: GW/26/118" under the sign-off: a reference said to be the
# customer's own internal or purchasing one (a customer account or VAT number there is none).
SIGNED_INTERNAL = re.compile(
    r"(?<![\w/])(?i:r[ée]f(?:[ée]rence)?\.?\s+(?:interne|achats?|commande)|(?:internal|purchasing|order)\s+ref"
    r"(?:erence)?\.?)[ \t]*:?[ \t]*(?P<po>(?=[A-Z0-9\-/]*\d)[A-Z]{2,}[A-Z0-9]*(?:[-/][A-Z0-9]+)+)(?=\s*(?:[,.;)]|$))",
    re.M,
)
