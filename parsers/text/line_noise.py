"""Lines of text that are no order line, whatever numbers they hold: headers, phone numbers, addresses,
prices, field labels; and whether a line read is plausible as one (parsers/text/lines.py reads them)."""

from __future__ import annotations

import re
from functools import cache

from models import Extracted, ExtractedLine
from parsers.text.counted_after import MAX_LIST_WORDS, POLITE_WORD
from parsers.values.dates import month_number
from parsers.vocabulary.layout import default_vocabulary
from parsers.vocabulary.phrases import normalize
from parsers.vocabulary.words import line_words

_PHONE = re.compile(r"(?:\+\d{2}\s?(?:\(0\)\s?)?|\b0)\d(?:[\s.\-]?\d{2}){4}\b")
_POSTCODE_TOWN = re.compile(r"\b\d{5}\s+[A-ZÉÈ][\w\-' ]+")


_HEADER_LINE = re.compile(
    r"^\s*(?:date|de|from|to|à|a|objet|subject|sujet|pour|cc|envoyé|sent|[a-z]+(?:-[a-z]+)+)\s*:", re.I
)
MAX_COUNT = 1_000_000
_TIME = re.compile(r"\d{1,2}[:h]\d{2}\s*$")


@cache
def _openers() -> re.Pattern[str]:
    """A word that opens a line of no item, as a whole word ("tel" opens a phone line, not
    "Telerupteur 16A"): one pattern, instead of one looked up per word for each line."""
    openers = "|".join(re.escape(opener) for opener in line_words().line_openers_not_items)
    return re.compile(rf"(?:{openers})(?!\w)" if openers else "(?!)")


# A contact's or bank's value: a figure, a word holding figures ('FR76'), a bank code in capitals.
_DETAIL_VALUE = r"\+?\d|(?-i:[A-Z0-9]*\d[A-Z0-9]*\b|[A-Z]{8}(?:[A-Z0-9]{3})?\b)"


@cache
def _cell_openers() -> re.Pattern[str]:
    words = line_words()
    named = "|".join(
        re.escape(w) for w in words.line_openers_not_items if w not in words.openers_before_a_value
    )
    valued = "|".join(re.escape(w) for w in words.openers_before_a_value)
    return re.compile(
        rf"(?:{named or '(?!)'})(?!\w)|(?:{valued or '(?!)'})(?!\w)\s*(?:[:.#°]|$|{_DETAIL_VALUE})", re.I
    )


def opens_no_item(cell: str) -> bool:
    """Does a table's designation cell open a total, an amount or a contact's or bank's detail ('Total',
    'Frais de port', 'Tél. 04 78 ...', 'BIC BNPAFRPP'), rather than name a product ('BIC Cristal bleu')?"""
    return bool(_cell_openers().match(cell.strip(" -*•\t")))


def is_noise(line: str) -> bool:
    lowered = line.strip(" -*•\t").lower()
    if _HEADER_LINE.match(line) or _TIME.search(line) or re.search(r"https?://|www\.|\S@\S", line):
        return True
    if _opens_with_field_label(line):
        return True
    if _cell_openers().match(lowered):
        return True  # 'Tel 04 78 ...', 'Total : 120', never 'phone cable 298 2 pairs' (an article's name)
    if "€" in line or re.search(r"\b(?:eur|euros?)\b", lowered):
        return True
    if _PHONE.search(line) and len(_PHONE.sub("", line).strip(" .:-–\t")) < 25:
        return True
    return bool(_POSTCODE_TOWN.search(line) and _starts_with_street(lowered))


def _opens_with_field_label(line: str) -> bool:
    """'Deliver to: ... Dublin 2, D02 KX50', 'Your ref: Q26-1177   Our ref: 4500232388': a header field,
    whose numbers (a street's, a postcode's, a reference's) count nothing."""
    label, colon, _ = line.partition(":")
    return bool(colon) and normalize(label.strip(" -*•\t")) in _field_labels()


# Labels a line of an article may open with ('Réf : R029-XY', 'Qté : 30' in a key-value block), and
# words that may head the list itself ('Commande : 3 palettes de ciment').
_LINE_LABELS = frozenset(
    {
        "ref",
        "reference",
        "code",
        "quantite",
        "qte",
        "qty",
        "quantity",
        "article",
        "order",
        "commande",
        "bestellung",
    }
)


@cache
def _field_labels() -> frozenset[str]:
    fields = default_vocabulary().fields
    labels = {
        *(normalize(label) for label in line_words().field_labels),
        *(
            label
            for key in ("po_number", "order_date", "delivery_date", "ship_to")
            for label in fields.get(key, ())
        ),
    }
    return frozenset(labels - _LINE_LABELS)


def _starts_with_street(lowered: str) -> bool:
    match = re.match(r"^\s*\d+\s*(?:bis|ter)?,?\s+([\w\-']+)", lowered)
    return bool(match and match[1].rstrip(".") in line_words().street_words)


@cache
def _street_before() -> re.Pattern[str]:
    """A street written right before a number, up to the comma or the line's end that closes it ('8 rue
    Joliot-Curie, ' before '69700 Givors', '3 chemin des Vignes' on the row above '24150 Lalinde')."""
    streets = "|".join(re.escape(word) for word in line_words().street_words)
    return re.compile(
        rf"\b\d+\s*(?:bis|ter)?,?\s+(?:{streets})\.?\s[^\n\d,;]{{1,60}}(?:,[ \t]*|[ \t]*\r?\n[ \t]*)$", re.I
    )


def counts_a_postcode(line: ExtractedLine, text: str) -> bool:
    """Is the line's count the postcode of an address, read from `text` (its spans are offsets in it):
    four or five figures and a town, right after a street?"""
    where = line.quantity.provenance if line.quantity else None
    if where is None or where.span is None:
        return False
    begin, end = where.span
    figures = text[begin:end]
    if not (figures.isdigit() and len(figures) in (4, 5)) or not re.match(r"\s+[A-ZÉÈ]", text[end:]):
        return False
    return _street_before().search(text[max(0, begin - 120) : begin]) is not None


def outside_address(lines: list[ExtractedLine], address: Extracted[str] | None) -> list[ExtractedLine]:
    """The lines whose count is not written inside the delivery address read from the same text: in
    'tu livres au chantier : Chantier nord, lieu-dit Les Landes, 35190 Tinténiac' the postcode counts nothing."""
    where = address.provenance if address is not None else None
    if where is None or where.span is None:
        return lines
    begin, end = where.span
    return [line for line in lines if not _counted_within(line, where.part, begin, end)]


def _counted_within(line: ExtractedLine, part: str, begin: int, end: int) -> bool:
    counted = line.quantity.provenance if line.quantity else None
    return bool(
        counted is not None
        and counted.part == part
        and counted.span is not None
        and begin <= counted.span[0]
        and counted.span[1] <= end
    )


# 'cah. A4 96 p. séyès', 'fl. HD 1 L': a word cut short opening the name, its dot ending no sentence.
_ABBREVIATED = re.compile(rf"^(?!{POLITE_WORD})[a-zéèû]{{2,4}}\.(?=\s)")


def plausible(line: ExtractedLine) -> bool:
    desc = (line.description.value if line.description else "").strip()
    code = line.code.value if line.code else ""
    if not desc and not code:
        return False
    if desc and not re.match(r"[\w(«\"'Ø]|\*+\w", desc):  # '*Castrol Edge*': a name in bold
        return False
    first = re.split(r"[\s,.;:]+", desc.lower(), maxsplit=1)[0] if desc else ""
    words = line_words()
    if not code and " ".join(desc.lower().strip(" :#°").split()) in words.field_labels:
        return False
    if first in words.not_a_line_after_number or month_number(first):
        return False
    if line.provenance and line.provenance.rule == "text-quantity-designation":
        lead = [w.strip(".,") for w in desc.lower().split()[:3]]
        sentence = len(desc.split()) > MAX_LIST_WORDS or re.search(
            r"[.!?]\s+[A-Z]", _ABBREVIATED.sub("", desc)
        )
        if any(w in words.street_words for w in lead) or sentence:
            return False
    # 'N° de commande SAP : 4700091235': a number of seven figures or more is an identifier, no count
    return line.quantity is not None and 0 < line.quantity.value < MAX_COUNT
