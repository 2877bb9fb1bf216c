"""The customer's order number as a text labels it: after a label, right after the word 'commande' /
'order', in apposition, under a heading, in the sign-off block, in a subject or a file's name (the
numbers a customer's sentences give with no label beside them: po_sentences.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from models import Extracted, Provenance
from parsers.mail.forwarded_part import is_reply_subject
from parsers.text.codes import CodeBook
from parsers.text.corrections import corrected_reference
from parsers.text.po_recalled import recalled_po
from parsers.text.po_sentences import (
    BOOKED_ON,
    CITED,
    FOR_A_SITE,
    FOR_OUR_PAPERS,
    OURS,
    REF_CLOSING,
    REF_OPENING,
    SIGNED_INTERNAL,
    SPACED,
    USE_INSTEAD,
)
from parsers.text.po_words import PO_LABELS, PO_VALUE, PO_VERB
from parsers.vocabulary.layout import REQUEST_RULE
from parsers.vocabulary.sieve import starting

# A label and its number in two cells of a table ('Our ref: | GW-PO-4502'). After the label, capitals and a
# dashed number ('BC 26-00391', 'WO 2026/118', 'BC 26-EV-00412': a service's letters inside it), capitals and
# groups of figures ('GF 26 0831'), dashed capitals and a number ('IS-PO 7781', 'AMB-R 26/77'), capitals and
# groups about a slash ('DA 26 / 14 552') are one number: the customer's own way of writing it.
_PO_WRITTEN = PO_VALUE.replace(
    "(?P<po>",
    r"(?P<po>(?:(?-i:[A-Z]{2,5})(?:[ ](?=\d{2,4}[-/](?:\d|(?-i:[A-Z]{1,5})[-/]\d))|(?:[ ]\d{2,4}){1,2}[ ](?=\d{2,6}(?![\w\-/]))"
    r"|[ ]\d{2,4}[ ]?/[ ]?(?:\d{2,3}[ ])?(?=\d{2,6}(?![\w\-/])))"
    r"|(?-i:[A-Z]{1,5}-[A-Z]{1,5})[ ](?=\d{3,}\b|\d{2,4}[-/]\d))?",
)
_PO_LABELLED = re.compile(
    rf"(?:{PO_LABELS})\s*[:#°]?\s*(?:\|\s*)?(?:{PO_VERB}\s+(?:le\s+)?)?{_PO_WRITTEN}", re.I
)
# "Commande SG-2026-118" / "notre commande R-1015" / "Bon 2026/ECO/158": a code right after the word needs
# letters and digits, or is a long number ("Cde 4500012877", an ERP's numbering); capitals, a space and a
# number with a slash or dash are one number ('commande LJB 2026/487'), as after a label.
_PO_AFTER_WORD = re.compile(
    r"\b(?:commande|cde|order|bon)\s+(?P<po>(?:(?-i:(?!(?:LE|LA|LES|DU|DE|DES|AU|AUX|THE|ON|FOR)\b)[A-Z]{2,5})[ ](?=\d{2,4}[-/]\d))?"
    r"(?=[A-Z0-9\-/]*\d)(?=[A-Z0-9\-/]*[A-Z\-/])[A-Z0-9][A-Z0-9\-/]{2,}[A-Z0-9]|\d{6,12})\b",
    re.I,
)
# "la commande de cette semaine, réf CIG-1711, pour jeudi", "notre commande en fichier joint, n° DO-219.",
# "Commande de la cuisine, n° CUI-26-12 :" over its list:
# the order's number in apposition to the word, a clause of words without figures between, and the
# clause ends after it (an article's ref is followed by its name or count).
_PO_APPOSED = re.compile(
    rf"\b(?:commande|cde|order)\b[^\d\n.:;,]{{0,40}},\s*(?:r[ée]f(?:[ée]rence)?\.?|n°|no\.|num[ée]ro|number|#)"
    rf"\s*:?\s*{PO_VALUE}(?=\s*(?:[,.;:)]|$|\s+(?:pour|for|à|a)\b))",
    re.I | re.M,
)
# "Commande fruits CLG-JM-118", "notre commande viandes en PJ (RIE-4812)", "drinks order GCC-1311 attached":
# the word qualified by what is ordered, then a reference of capitals, separators and digits that ends
# the clause (an article's code is followed by its name or count).
_PO_QUALIFIED = re.compile(
    r"\b(?i:commande|cde|order)\s+(?:[^\W\d_]{3,}\s+){1,3}(?i:(?:en\s+PJ|ci-jointe?|attached)\s+)?\(?\s*"
    r"(?P<po>(?=[A-Z0-9\-/]*\d)[A-Z]{2,}[A-Z0-9]*(?:[-/][A-Z0-9]+)+)\s*\)?"
    r"(?=\s*(?:[,.;)]|$|\s+(?i:pour|for|ci-jointe?|en\s+PJ|attached|below|ci-dessous)\b))",
    re.M,
)
# "Purchase order to quote on the delivery note and invoice: HBT-26-0193", "N° de commande SAP : 4700091235":
# the label, words saying what it is for, a colon, then a number shaped as an order's own.
_PO_LABEL_PHRASE = re.compile(
    rf"(?:{PO_LABELS})[ \t]+(?P<phrase>[^\W\d][^\n:.,;\d]{{0,60}}?)[ \t]*:[ \t]*"
    r"(?P<po>(?=[A-Z0-9\-/._]*\d)(?:[A-Z0-9]+[\-/._])+[A-Z0-9]+|\d{6,12})(?![\w\-/])",
    re.I,
)
# Words of such a phrase that make the number another one's: an article's, our quote's, a tax or phone number.
_OTHER_NUMBER = starting(
    re.compile(
        r"\b(?:article|item|produit|product|part|pi[èe]ce|devis|quotation|offre|offer|tva|vat|siret|siren"
        r"|t[ée]l[ée]phone|phone|fax|compte|account|client|customer|fournisseur|supplier)\b",
        re.I,
    )
)
# "Réf. atelier RIV-1125", "ref. chantier LB/26-118": a reference qualified by the customer's own service or
# site, ending its clause; a catalogue code there is an article's (checked as _PO_QUALIFIED's are).
_PO_REF_QUALIFIED = re.compile(
    r"(?<![\w/])(?<![Vv]otre\s)(?<![Yy]our\s)(?i:r[ée]f(?:[ée]rence|erence)?\.?)\s+"
    r"(?!(?i:article|produit|product|item|fournisseur|supplier|devis|quote|offre|offer|catalogue|commande|order)\b)"
    r"(?:[^\W\d_]{3,}\s+){1,2}(?P<po>(?=[A-Z0-9\-/]*\d)[A-Z]{2,}[A-Z0-9]*(?:[-/][A-Z0-9]+)+)(?=\s*(?:[,.;)]|$))",
    re.M,
)
# "please quote PO-7731", "notre CDE25-3381": an order number that carries its own prefix.
# Letters and digits with separators, or a long number: an order number standing alone.
_PO_ALONE = re.compile(
    r"(?P<po>(?=[A-Z0-9\-/._]*\d)(?:[A-Z0-9]+[\-/._])+[A-Z0-9]+|\d{6,12}|[A-Z]{2,4}\d{4,})"
)
_LABEL_AT_END = starting(re.compile(rf"(?:{PO_LABELS})\s*[:#°]?\s*$", re.I))
# "PO-7731", "BC2026-118", "PO-GIR-8841", "GIR-PO-8841" (a customer's letters beside the prefix).
_PO_PREFIXED = re.compile(
    r"(?<![\w\-/])(?P<po>(?:[A-Z]{2,5}[-_/])?(?:PO|BC|BDC|CDE|CMD|ACH)(?:[-_/]?\d|[-_/][A-Z]{2,5}[-_/]\d)[\w\-/]*\d)"
    r"(?![\w\-])"
)
_PO_NEW = re.compile(
    rf"\b(?:nouvelle|nouveau|new)\s+(?:commande|cde|order|po|bc)\b\s*[:#]?\s*{PO_VALUE}", re.I
)
# "Nouvelle commande : MSI-2612-07." in a reply's text: the new order's number, shaped as one standing alone
# ('nouvelle commande 1000 sacs' counts).
_PO_NEW_WRITTEN = re.compile(
    rf"\b(?i:nouvelle|nouveau|new)\s+(?i:commande|cde|order|po|bc)\b[ \t]*[:#]?[ \t]*{_PO_ALONE.pattern}(?![\w\-/])"
)
_NOT_OUR_PO = re.compile(
    r"\b(?:confirmation|facture|invoice|avoir|devis|quote|quotation|BL|bon de livraison|credit note"
    r"|(?:votre|your)\s+r[ée]f(?:[ée]rence|erence)?\.?|V\s*/\s*r[ée]f(?:[ée]rence)?\.?)"
    # "OK pour le devis, commande JH-5523": a comma closes the clause naming our document.
    r"(?:\s+(?:de|du|d'|of|votre|your|notre|our|la|the|cette|this|commande|order|number|no\.?|n°))*[^\w,;]*$",
    re.I,
)
# "please quote PO-7731 on the delivery note", "please quote our PO MPB-4533": quote as a verb, the
# number is the customer's.
_CITE = re.compile(r"\b(?:please|kindly|to|must|always)\s+quote(?:\s+(?:our|my|the|this))?\s*$", re.I)


def po_number(
    subject: str, text: str, *, part: str, codes: CodeBook | None = None, history: str = ""
) -> Extracted[str] | None:
    """The customer's order number when labelled in the body or a non-reply subject.

    A reply's subject names the earlier order: a body naming it and then another number
    ("en plus de notre commande 118, voici la commande 121") orders under the other one.
    `codes` (the catalogue's) tells an article's code after 'commande frites' from an order number;
    `history`, the quoted messages, whether a reply's subject names an order quoted under it."""
    found = _po_number(subject, text, part=part, codes=codes, history=history)
    if (
        found is not None
        and found.provenance
        and found.provenance.rule == _QUALIFIED_RULE
        and codes is not None
    ):
        return None if codes.knows_code(found.value) else found
    return found


def _po_number(
    subject: str, text: str, *, part: str, codes: CodeBook | None, history: str
) -> Extracted[str] | None:
    reply = is_reply_subject(subject)
    found = next(_po_candidates(text, part=part, earlier=subject if reply else ""), None)
    found = found or _po_under_heading(text, part=part)
    if found is None and not reply:
        found = _po_in(subject, part="subject") or _subject_is_a_number(subject.strip())
    elif found is None:  # "RE: Disponibilité - commande BC-2026-0091": a prefixed number is the customer's,
        # as is a new order's ("Re: Commande BR-1118 -> nouvelle cde BR-1209")
        found = _po_in(subject, part="subject", patterns=((_PO_PREFIXED, 0.7), (_PO_NEW, 0.7)))
        found = found or _reply_subject_po(subject, history)
    known = codes.knows_code if codes is not None else None
    found = (
        found
        or _po_requested(text, part=part)
        or recalled_po(text, part=part, not_po=_NOT_OUR_PO, known=known)
        or (None if reply else _subject_is_a_number(subject.strip(), among_words=True))
    )
    corrected = corrected_reference(text, found.value) if found is not None else None
    if corrected is not None:  # "notre n° est BC-3321 et non BC-3312"
        prov = Provenance(part=part, span=corrected[1], rule="po-corrected")
        return Extracted[str](value=corrected[0], confidence=0.8, provenance=prov)
    return found


def _reply_subject_po(subject: str, history: str) -> Extracted[str] | None:
    """'RE: dispo colonnes - cde BS-26-094' over our note that writes no order number: the order the customer
    named when writing to us. Quoted messages that write one hold the order the reply is about ('RE: Commande
    MSI-2611-22' over that order, answered 'même chose que la dernière fois'; our question over the order
    quoted under it)."""
    if not history.strip() or next(_po_all(history, part="quoted", patterns=_PATTERNS), None) is not None:
        return None
    found = _po_in(subject, part="subject", patterns=((_PO_AFTER_WORD, 0.7),))
    if found is None or re.search(rf"(?<![\w\-/]){re.escape(found.value)}(?![\w\-/])", history):
        return None
    return found


def named_po(name: str, *, part: str) -> Extracted[str] | None:
    """The PO number a file's name labels ('BC-2026-0417.pdf', 'Commande_ATM-26-118.xlsx', 'PO 4500012877'):
    a label or an order number's own prefix, never a bare number ('scan0001', a date, a quote's 'D26-1180')."""
    words = re.sub(r"[_.]+", " ", name.rsplit(".", 1)[0] if "." in name else name)
    patterns = ((_PO_LABELLED, 0.6), (_PO_AFTER_WORD, 0.6), (_PO_PREFIXED, 0.6))
    found = _po_in(words, part=part, patterns=patterns)
    if found is None or found.provenance is None or _DATED.fullmatch(found.value):
        return None  # 'Commande 2026-12-01.pdf' is dated, not numbered
    return found.model_copy(
        update={"provenance": found.provenance.model_copy(update={"rule": "po-file-name"})}
    )


_DATED = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|(?:19|20)\d{6}")


def signed_po(signature: str) -> Extracted[str] | None:
    """A PO written under a label in the sign-off block ('Bon de commande HPR-DA-26-0933' below the
    sender's address), right after the word ('Tél. 02 99 41 70 00 - Cde HPR-26-3391') or carrying an
    order number's own prefix ('Ref.: MPB-PO-2612-07'): another number standing alone there is a phone,
    a register or a VAT number."""
    if not signature:
        return None
    patterns = (
        (_PO_LABELLED, 0.8),
        *((p, 0.7) for p in (_PO_AFTER_WORD, _PO_PREFIXED, SPACED, SIGNED_INTERNAL, _SIGNED_REF)),
    )
    return _po_in(signature, part="signature", patterns=patterns)


# 'Réf : CSO/PR/26-1123' on a line of its own under the sender's name: the reference the sender gives is
# its order's when shaped as a number of separated groups ('Réf. client : C0042' is our customer number).
_SIGNED_REF = re.compile(
    r"^[ \t]*(?i:r[ée]f(?:[ée]rence|erence)?)\.?[ \t]*:[ \t]*"
    r"(?P<po>(?=[A-Z0-9\-/.]*\d)(?=[A-Z0-9\-/.]*[A-Z])[A-Z0-9]+(?:[\-/.][A-Z0-9]+)+)[ \t]*$",
    re.M,
)


# "N° demande d'achat | DA-2026-0881", "Purchase requisition no. PR-11872", a portal's "N° de demande |
# LPR-DEC-044" or "Request no. | SR-118": a purchase request's number, the order's only when nothing else
# names one (a web form's request that is the order; 'voici la demande d'achat DA 26 / 14 552 validée'); never
# a quote's, a return's or a credit's request.
_PO_REQUEST = re.compile(
    r"(?:(?:n°|num[ée]ro|no\.?)\s*(?:de\s+)?(?:la\s+)?demande(?:\s+d['’](?:achat|approvisionnement))?"
    r"(?!\s+(?:de\s+|d['’])(?:devis|prix|retour|avoir|reprise|remboursement|cotation|offre))"
    r"|demande\s+d['’](?:achat|approvisionnement)(?:\s+(?:n°|no\.?|num[ée]ro))?"
    r"|(?:purchase\s+)?requisition(?:\s+(?:number|no\.?|#))?|(?:purchase\s+)?request\s+(?:number|no\.?|#))"
    rf"\s*[:#°]?\s*(?:\|\s*)?{_PO_WRITTEN}",
    re.I,
)


def _po_requested(text: str, *, part: str) -> Extracted[str] | None:
    found = _po_in(text, part=part, patterns=((_PO_REQUEST, 0.8),))
    if found is None or found.provenance is None:
        return found
    return found.model_copy(update={"provenance": found.provenance.model_copy(update={"rule": REQUEST_RULE})})


_PO_HEADING = starting(re.compile(rf"(?:{PO_LABELS})\s*[:#°.]?", re.I))
_PO_CELL = re.compile(PO_VALUE, re.I)


def _po_under_heading(text: str, *, part: str) -> Extracted[str] | None:
    """The number under a PO heading in a row of headings over a row of values, a table rendered
    ('Our ref | Your ref | Date' over 'KCS/PO/26/0455 | D26-1395 | 12/11/2026')."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for row, (heads, below) in enumerate(pairwise(lines)):
        headings, values = heads.split("|"), below.split("|")
        if len(headings) < 2 or len(headings) != len(values):
            continue
        for column, heading in enumerate(headings):
            cell = values[column].strip()
            if not _PO_HEADING.fullmatch(heading.strip()) or not _PO_CELL.fullmatch(cell):
                continue
            if _looks_like_date_or_phone(cell):
                continue
            before = sum(len(v) + 1 for v in values[:column])
            start = starts[row + 1] + before + len(values[column]) - len(values[column].lstrip())
            prov = Provenance(part=part, span=(start, start + len(cell)), rule="po-heading-row")
            return Extracted[str](value=cell, confidence=0.85, provenance=prov)
    return None


# "BSL/26/1207 chantier Givors", "Site works - KT/26-118", "Deck crew boots - ISMC 26-1201": an order's coded
# number (or the customer's capitals, a space and a dashed number) opening or closing a subject of words alone
# (an article's code comes with a count or a size; 'EU 42-45' is a range of sizes).
_CODED = r"(?P<po>(?=[A-Z0-9\-/]*\d)[A-Z]{2,}[A-Z0-9]*(?:[-/][A-Z0-9]+)+|[A-Z]{2,5} \d{2,4}[-/]\d{3,})"
_SUBJECT_NUMBERED = (
    re.compile(rf"{_CODED}[ \t]+[^\W\d][^\d]*"),
    re.compile(rf"[^\W\d][^\d]*?[ \t]+(?:[-:][ \t]+)?{_CODED}"),
)


def _subject_is_a_number(subject: str, *, among_words: bool = False) -> Extracted[str] | None:
    """A subject that is nothing but an order number ('DA-2026-1187') names the order; `among_words`, one
    that opens or closes with a coded number among words names it too, as a catalogue code would (checked
    as such)."""
    if among_words:
        match, rule = (
            next(filter(None, (p.fullmatch(subject) for p in _SUBJECT_NUMBERED)), None),
            _QUALIFIED_RULE,
        )
    else:
        match, rule = _PO_ALONE.fullmatch(subject), "po-subject"
    if match is None or _looks_like_date_or_phone(match["po"]):
        return None
    prov = Provenance(part="subject", span=match.span("po"), rule=rule)
    return Extracted[str](value=match["po"], confidence=0.7, provenance=prov)


# Each opens with a choice of many labels, tried at every place of every line otherwise.
_PO_LABELLED, _PO_LABEL_PHRASE, _PO_REQUEST = map(starting, (_PO_LABELLED, _PO_LABEL_PHRASE, _PO_REQUEST))
_QUALIFIED_RULE = "po-qualified"
# Numbers read without a label: a catalogue code there is an article's.
_QUALIFIED = (
    _PO_QUALIFIED,
    _PO_REF_QUALIFIED,
    OURS,
    REF_CLOSING,
    FOR_A_SITE,
    BOOKED_ON,
    REF_OPENING,
    USE_INSTEAD,
)
_PATTERNS = (
    (_PO_LABELLED, 0.9),
    (_PO_NEW_WRITTEN, 0.8),
    (_PO_PREFIXED, 0.8),
    (_PO_AFTER_WORD, 0.75),
    (_PO_APPOSED, 0.75),
    (_PO_QUALIFIED, 0.75),
    (_PO_LABEL_PHRASE, 0.8),
    (_PO_REF_QUALIFIED, 0.75),
    (CITED, 0.75),
    (OURS, 0.75),
    (REF_CLOSING, 0.75),
    (FOR_OUR_PAPERS, 0.75),
    (FOR_A_SITE, 0.75),
    (SPACED, 0.75),
    (BOOKED_ON, 0.7),
    (REF_OPENING, 0.7),
    (USE_INSTEAD, 0.7),
)


# 'Merci d'annuler notre commande BC-2611-070', 'please cancel order PO-4471': the number of an order called
# off, the message's own only when it names no other.
_CALLED_OFF = re.compile(
    r"\b(?:annul\w*|cancel\w*|supprim\w*)\b(?:\s+(?:de|du|d['’]|la|le|notre|nos|our|the|my|ma"
    r"|mon|this|cette|ce|commande|order|bon|po|bc|n°|no\.?|number|num[ée]ro|ref\.?|r[ée]f\.?))*[\s:#]*$",
    re.I,
)


def _po_candidates(text: str, *, part: str, earlier: str) -> Iterator[Extracted[str]]:
    """The numbers the text gives, those the earlier message's subject names or an order called off last."""
    later: list[Extracted[str]] = []
    for found in _po_all(text, part=part, patterns=_PATTERNS):
        at = found.provenance.span[0] if found.provenance and found.provenance.span else 0
        named_before = earlier and re.search(rf"(?<![\w\-/]){re.escape(found.value)}(?![\w\-/])", earlier)
        if named_before or _CALLED_OFF.search(text[max(0, at - 60) : at]):
            later.append(found)
        else:
            yield found
    yield from later


def _po_in(
    text: str, *, part: str, patterns: tuple[tuple[re.Pattern[str], float], ...] = _PATTERNS
) -> Extracted[str] | None:
    return next(_po_all(text, part=part, patterns=patterns), None)


# 'MPB–PO–2612–07': a number typed where a word processor turned its hyphens into dashes; read as hyphens,
# kept as written.
_DASH_CHARS = "\u2010\u2011\u2012\u2013\u2014"
_DASHES = str.maketrans(_DASH_CHARS, "-" * len(_DASH_CHARS))


def _po_all(
    text: str, *, part: str, patterns: tuple[tuple[re.Pattern[str], float], ...]
) -> Iterator[Extracted[str]]:
    written = text
    if any(dash in text for dash in _DASH_CHARS):
        text = text.translate(_DASHES)
    for pattern, confidence in patterns:
        for match in pattern.finditer(text):
            before = _LABEL_AT_END.sub("", text[max(0, match.start() - 60) : match.start()])[-45:]
            if _NOT_OUR_PO.search(before) and not _CITE.search(before):
                continue
            end = match.start("po") + len(match["po"].rstrip(".-/"))
            value = written[match.start("po") : end]
            if _looks_like_date_or_phone(value):
                continue
            if "phrase" in match.groupdict() and _OTHER_NUMBER.search(match["phrase"]):
                continue
            rule = _QUALIFIED_RULE if pattern in _QUALIFIED else "po-label"
            prov = Provenance(part=part, span=match.span("po"), rule=rule)
            yield Extracted[str](value=value, confidence=confidence, provenance=prov)


def _looks_like_date_or_phone(value: str) -> bool:
    return bool(re.fullmatch(r"\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|0\d{9}|\d{1,3}", value))
