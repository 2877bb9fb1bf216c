"""The order numbers a customer's sentences give in their own words, with no label beside them (the
labelled ones are parsers/text/fields.py's): a number cited for our papers, said as theirs, or closing
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
