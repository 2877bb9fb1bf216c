"""The words that label a customer's order number and the shape of the number after them: regex sources
shared by the readers of labelled numbers (po_labels.py)."""

PO_LABELS = (
    r"(?:num[ée]ro|n°|no\.?)\s*(?:de\s+)?(?:bon\s+de\s+)?(?:commande|cde)(?:\s+(?:interne|client))?(?:\s+est)?"
    r"|bon\s+de\s+commande(?:\s+n°)?|commande\s+(?:n°|no\.?|num[ée]ro|#)"
    r"|(?:commande|order)\s*\(\s*(?:n°|no\.?|num[ée]ro|number|#)"
    r"|(?:commande|ordre|bon)\s+d['’]achat(?:\s+(?:n°|no\.?|num[ée]ro|#))?"
    # 'Notre réf' / 'N/Réf' / 'Our ref' is the customer's own number, a forwarder's 'leur réf' / 'their ref' too;
    # 'Votre réf' / 'Your ref' is ours (a quote). 'N/Réf. CDE 4481' is written whole (po_sentences.SPACED).
    r"|(?<!/)r[ée]f(?:[ée]rence)?\.?\s+(?:de\s+)?(?:commande|cde\b\.?)|\b(?:notre|our|leur|their)\s+r[ée]f(?:[ée]rence|erence)?\.?"
    r"|\bN\s*/\s*r[ée]f(?:[ée]rence)?\.?"
    # "BC interne CSX-1140", "internal PO 4471": the customer's own numbering, said to be internal.
    # 'la DA CHMO-DA-26-0912': a public buyer's purchase request (demande d'achat), its number the order's.
    r"|n°\s*BC|\bBC\b(?:\s+interne)?(?:\s*n°)?|(?-i:\bDA\b)(?:\s*n°)?|\b(?:internal\s+)?PO\b(?:\s+interne)?(?:\s*(?:number|no\.?|n°|#|ref(?:erence)?\.?))?"
    r"|purchase\s+order(?:\s+(?:number|no\.?|#))?"
    # 'Ordre de service SB-OS-26-612', 'Work order WO-2231': a property manager's or a works office's order.
    r"|\bordre\s+de\s+service(?:\s+(?:n°|no\.?|num[ée]ro))?|\bwork\s+order(?:\s+(?:number|no\.?|n°|#))?"
    # "Bon n° GLY-26-047", "N° de bon interne : RES-26-118": the customer's form, named short.
    r"|\bbon\s+(?:n°|no\.|num[ée]ro)|(?:n°|num[ée]ro)\s*(?:de\s+|du\s+)?bon(?:\s+interne)?(?=\s*:)"
    r"|order\s*(?:number|no\.?|#|ref(?:erence)?)|bestell(?:nummer|-nr\.?)"
    r"|\b(?:notre|ma|our|my)\s+(?:commande|order)(?=[ \t]*[:#][ \t]*[A-Z0-9])"  # "Notre commande : CR-26-077"
    # "une commande à part : n° GLY-2611-031", "Nouvelle réf. VE-1116" (a reply's order of its own)
    r"|commande(?:\s+[^\W\d]+){0,3}\s*:\s*(?:n°|no\.?|num[ée]ro)"
    # "Cde parc PL n° TF-26-1147", "commande atelier n° 311": the word, what is ordered, then its number.
    r"|\b(?:commande|cde)(?:\s+[^\W\d]+){0,3}\s+(?:n°|num[ée]ro)"
    # "Notre bon : ITB-C-2611", "notre bon reste LCE-BC-26-311": the customer's own form, named short.
    r"|\b(?:notre|mon)\s+bon\b(?!\s+(?:de\s+livraison|pour|de\s+retour))"
    # "N° d'engagement à rappeler sur BL et facture : EA-26-0893" (a public buyer's commitment number).
    r"|(?:n°|num[ée]ro)\s+d['’]engagement(?:[^:\n]{0,40}:)?"
    # "Engagement n° 2026-ST-0871" under a town hall's signature: the same number, its label first.
    r"|\bengagement\s+(?:n°|no\.?|num[ée]ro)"
    # "Ref for your invoice: HSA/PDJ/1146", "référence pour votre facture :": the number to write on our papers.
    r"|(?:n°|num[ée]ro|r[ée]f(?:[ée]rence|erence)?\.?)\s+[^:\n]{0,30}?"
    r"\b(?:[àa]\s+rappeler|to\s+quote|(?:for|on)\s+(?:your|the|our)\s+invoices?|pour\s+(?:votre|la|vos)\s+factures?)\b"
    r"[^:\n]{0,40}:"
    r"|(?:nouvelle|nouveau|new)\s+(?:r[ée]f(?:[ée]rence|erence)?\.?|bon(?:\s+de\s+commande)?|po\b|order\s+number)"
    # "notre n° CH-26-0388", a forwarder's "sous leur n° MPB-0911": the reference at once ("notre n° de TVA ..."
    # is no order number).
    r"|\b(?:notre|our|leur|their)\s+(?:n°|no\.|num[ée]ro|number)(?=[ \t]*:?[ \t]*[A-Z0-9][A-Z0-9\-/._]*\d)"
)
# An ampersand joins the initials of a customer's name inside its numbering ('S&R-EVT-2219').
PO_VALUE = r"(?P<po>(?=[A-Z0-9\-/._&]*\d)[A-Z0-9][A-Z0-9\-/._&]*[A-Z0-9])"
# "PO stays MPB-4471", "PO for all of this is ESE-1287", "Notre bon de commande porte le numéro 2026/11/1187", "our purchase order is
# numbered 4500012877", "Our reference for this one is BFS/ST/2611-07": the label, a verb that gives it its
# number, the number.
PO_VERB = (
    r"(?:(?:for|pour)\s+(?:(?:this|cette|ce)(?:\s+(?:one|order|commande|bon|fois))?"
    r"|all(?:\s+of)?\s+(?:this|these|them|it)|tout(?:\s+(?:[çc]a|cela|ceci))?|l['’]ensemble)\s+)?"
    r"(?:est|is|reste|stays|remains|porte\s+le\s+(?:n°|num[ée]ro)|a\s+pour\s+(?:n°|num[ée]ro)"
    r"|(?:has|bears|carries)\s+(?:the\s+)?(?:number|no\.?|reference)|is\s+numbered)"
)
