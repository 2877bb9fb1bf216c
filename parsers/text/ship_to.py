"""A one-off delivery address written in an order's text: after a delivery label, up to its postcode and
town (and the country written after it), its lines joined with ', '."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from pydantic import BaseModel

from models import Extracted, Provenance
from models.datafiles import load_toml
from parsers.values.dates import find_dates
from parsers.vocabulary.phrases import any_of
from parsers.vocabulary.sieve import starting
from parsers.vocabulary.words import DATA

_ADDRESS_LABEL = re.compile(
    r"(?:adresse\s+de\s+livraison|livrer\s+(?:à|au|a)|lieu\s+de\s+livraison|chantier|d[ée]p[ôo]t"
    r"|ship\s+to|delivery\s+address|site\s+address"
    # 'Deliver to', 'Delivery NOT to our office but to the venue:', 'Livraison non pas au bureau mais à la salle :'
    # 'please ship the following to our PV site:', 'à livrer chez eux :' (a private customer's home).
    r"|(?:deliver(?:y|ed)?|ship|livr(?:aison|er|ez|[ée]e?s?))\b[^:\n.]{0,80}?\s(?:to|à|au|sur|chez)\b"
    # 'Livraison : Tour Tripode, 5 rue de Bréa, 44000 Nantes' opening its line (the town on that line)
    # 'Site d'intervention / livraison : Tour Méditerranée, ...', 'Point de livraison :' and 'Delivery and
    # invoice: ...' ('Livraison et facturation :', the delivery named first) likewise.
    # 'Deliveries: The Nore Hotel, John's Quay, Kilkenny, R95 X2T4': a British or Irish postcode ends it too.
    # A sentence ending before the label on its line: '(sans les 26A). Livraison : Cité Scientifique, ...'.
    # 'Adresse : Savonnerie ..., 63450 Saint-Amant' alone on its line: the one address an order gives.
    r"|(?:(?m:^)|(?<=[.!?])[ \t])[ \t]*(?:[^\n:]{0,30}[ \t/])?(?:livraisons?|deliver(?:y|ies)?|(?<![^\n])adresse"
    r"|(?<![^\n])address)(?:[ \t]+(?:and|et|&)[ \t]+[^\W\d_]+)?[ \t]*:"
    r"(?=[^\n]*(?:(?:\b\d{5}|,[ \t]*\d{4})[ \t]+[A-ZÉÈ]|\b[A-Z]{1,2}\d{1,2}[A-Z]?[ \t]+\d[A-Z]{2}\b"
    r"|\b[AC-FHKNPRTV-Y](?:\d{2}|6W)[ \t]?[0-9AC-FHKNPRTV-Y]{4}\b))"
    # 'le camion peut rentrer par le portail du bas : Résidence ..., 44190 Clisson', 'the lorry can get in by
    # the back gate: ...': the way in for the vehicle bringing the goods, the address after its colon.
    r"|\b(?:camion|chauffeur|livreur|transporteur|poids[- ]lourds?|lorry|truck|driver|courier)\b[^:\n.]{0,80}:"
    # 'Site: | Centrale PV Nord, 12 rue ..., 69800 Saint-Priest': a header row of a table rendered.
    r"|(?m:^)[ \t]*site[ \t]*:"
    # 'for our Heyrieux site (Centrale PV Nord, Chemin de la Plaine, 38540 Heyrieux)': the site, its address
    # in brackets.
    r"|\bsite\b[^\n:()]{0,30}(?=\()"
    # 'we need a first delivery there, not at Mill Lane:', 'this one goes to the site directly:' closing
    # its line, the address on the next one.
    r"|(?P<above>\b(?:deliver|livr|ship|goes\s+to|go\s+to|part\s+pour|va\s+(?:à|au|chez))\w*\b[^:\n]{0,80}:(?=[ \t]*\n)))"
    # ('... mais à la salle :'); never past a postcode: 'Merci de livrer au 12 rue des Lilas, 69003 Lyon :'
    r"(?:(?:(?!\d{4,5}[ \t])[^:\n]){0,40}:)?[ \t]*(?:\|[ \t]*)?",
    re.I,
)
# A full stop ends the sentence, not the dot of an abbreviation ('Co. Dublin', 'St. Helier').
_SENTENCE_END = starting(re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])[.!?](?:\s|$)"))
_LINE_LABEL = re.compile(r"\s*(?:livraison|delivery|deliver)[ \t]*:", re.I)
# An address ends with a postcode and town: "33100 Bordeaux" (FR), "1000 Bruxelles", "2503 Biel/Bienne"
# (BE, CH, LU, AT: four digits opening a part of the address, never a year inside a sentence) or
# "Bristol BS1 5TT" (UK) or "Galway H91 X2C4" (an Irish Eircode).
_POSTCODE_TOWN = starting(
    re.compile(
        r"(?:\b\d{5}|(?:(?<=[,\n])[ \t]?|^)\d{4})[ \t]+[A-ZÉÈ][\w\-'/ ]*[\w]"
        r"|\b[A-Z][\w\-' ]*[ \t]+[A-Z]{1,2}\d{1,2}[A-Z]?[ \t]+\d[A-Z]{2}\b"
        r"|\b[A-Z][\w\-' ]*[ \t,]+[AC-FHKNPRTV-Y](?:\d{2}|6W)[ \t]?[0-9AC-FHKNPRTV-Y]{4}\b"
    )
)


def ship_to(text: str, *, part: str) -> Extracted[str] | None:
    """A one-off delivery address stated after a delivery label, its lines joined with ', '.

    The address runs from the label to a postcode and town, within the same paragraph
    and sentence ("Livraison sur chantier : 27 avenue Thiers, 33100 Bordeaux (accès cour)").
    """
    labels = list(_ADDRESS_LABEL.finditer(text))
    for label, after in zip(labels, [*labels[1:], None], strict=False):
        block = text[label.end() : label.end() + 250].split("\n\n")[0]
        lead = len(block) - len(block.lstrip())
        match = _POSTCODE_TOWN.search(block) or _country_end(block, lead)
        if not match or _SENTENCE_END.search(block[: match.start()]):
            continue
        if label.group("above") and "\n" in block[lead : match.start()]:
            continue  # the address stands on the line under the delivery sentence, or it is none
        if (
            after is not None
            and after.start() < label.end() + match.start()
            and (_LINE_LABEL.match(after.group(0)) or after.group(0).rstrip(" \t|").endswith(":"))
        ):
            # 'Chantier Tripode' over 'Livraison : 5 rue de Bréa, 44000 Nantes', 'the Pornichet site, to be
            # delivered on site: 12 avenue ...': the nearer label, the one its colon closes
            continue
        raw, skipped = _address_only(block[lead : _with_country(block, _town_end(block, match))])
        value = ", ".join(p.strip(" ,") for p in re.split(r"\s*\n\s*|,\s*", raw) if p.strip(" ,"))
        value = value[:1].upper() + value[1:]
        start = label.end() + lead + skipped
        prov = Provenance(part=part, span=(start, start + len(raw)), rule="ship-to-label")
        return Extracted[str](value=value, confidence=0.8, provenance=prov)
    return None


class _Addresses(BaseModel):
    countries: list[str]


@lru_cache(maxsize=1)
def _addresses() -> _Addresses:
    return load_toml(DATA / "addresses.toml", _Addresses)


@lru_cache(maxsize=1)
def _countries() -> str:
    """parsers/data/addresses.toml's country names, as one alternation."""
    names = _addresses().countries
    return any_of(names)


def address_end(text: str) -> int | None:
    """Where an address ends: after its postcode and town, and the country written after the town."""
    match = _POSTCODE_TOWN.search(text)
    return _with_country(text, _town_end(text, match)) if match else None


def is_country(text: str) -> bool:
    """Is the text a country's name alone ('United Kingdom', 'IRELAND')?"""
    return re.fullmatch(rf"[ \t]*(?:{_countries()})[ \t.]*", text, re.I) is not None


def _with_country(block: str, end: int) -> int:
    """'7700 Mouscron, Belgique': the country written after the town is part of the address."""
    found = re.match(rf",?[ \t]*(?:{_countries()})(?!\w)", block[end:], re.I)
    return end + found.end() if found else end


def _country_end(block: str, start: int) -> re.Match[str] | None:
    """An address with no postcode, on one line from `start`, that ends with its country ('MV Saltee
    Venture, c/o Doyle Shipping, Rosslare Harbour, Co. Wexford, Ireland'): three parts or more."""
    pattern = rf"(?:[^,\n]+,){{2,}}[ \t]*(?:{_countries()})(?=[ \t]*[.;]?[ \t]*(?:\n|$))"
    return re.compile(pattern, re.I).match(block, start)


# 'Livraison à l'adresse ci-dessous', 'please deliver to the address in my signature': the delivery points
# at the address the sender signs with.
_SIGNED_ADDRESS = re.compile(
    r"\b(?:livr\w*|deliver\w*|ship\w*|envo\w*|send)\b[^.\n]{0,40}?\b(?:adresse|address)\s+"
    r"(?:ci-dessous|ci-dessus|below|above|(?:in|de|dans)\s+(?:ma|la|notre|my|the|our)\s+signature)",
    re.I,
)


def signed_ship_to(text: str, signature: str) -> Extracted[str] | None:
    """The address of the sign-off block when the text sends the goods there: its line holding the
    postcode and town, with the street on the line above when the postcode opens that line."""
    if not signature or not _SIGNED_ADDRESS.search(text):
        return None
    lines = signature.split("\n")
    for number, line in enumerate(lines):
        match = _POSTCODE_TOWN.search(line)
        if match is None:
            continue
        first = number - 1 if number and not line[: match.start()].strip(" ,") else number
        start = sum(len(earlier) + 1 for earlier in lines[:first])
        end = sum(len(earlier) + 1 for earlier in lines[:number]) + _town_end(line, match)
        raw = signature[start:end]
        value = ", ".join(p.strip(" ,") for p in re.split(r"\s*\n\s*|,\s*", raw) if p.strip(" ,"))
        prov = Provenance(part="signature", span=(start, end), rule="ship-to-signed")
        return Extracted[str](value=value, confidence=0.7, provenance=prov)
    return None


def _town_end(block: str, match: re.Match[str]) -> int:
    """Where the town ends: '69002 Lyon - on Wednesday morning' is Lyon, and so are '69002 Lyon svp' and
    '69002 Lyon avant vendredi'."""
    town = block[match.start() : match.end()]
    dash = re.search(r"\s+[-–]\s+|\s+(?:svp|stp|merci|please|thanks|thank\s+you|asap)\b", town, re.I)
    cuts = [dash.start()] if dash else []
    if town[:1].isdigit():
        cuts.append(_said_after_town(town))
    return match.start() + min(cuts) if cuts else match.end()


# The small words that join two capitalised words of a town ('Villefranche sur Saône', 'Le Puy en Velay').
_JOINING = {
    "sur",
    "sous",
    "en",
    "lès",
    "les",
    "de",
    "du",
    "des",
    "la",
    "le",
    "aux",
    "et",
    "d'",
    "l'",
    "d’",
    "l’",
}


def _said_after_town(town: str) -> int:
    """Where the words written after a postcode's town start: a town's words are capitalised, but for
    a small word joining two of them."""
    words = list(re.finditer(r"[^\s'’]+['’]?", town))
    for number, word in enumerate(words[2:], start=2):  # the postcode, then the town's first word
        if word.group()[:1].isupper():
            continue
        after = words[number + 1].group() if number + 1 < len(words) else ""
        if not (word.group().lower() in _JOINING and after[:1].isupper()):
            return len(town[: word.start()].rstrip())
    return len(town)


def _address_only(raw: str) -> tuple[str, int]:
    """The address, less the words that lead to it: 'le chantier de la rue Duquesne (résidence Le Parc,
    42 rue Duquesne, 69006 Lyon' is what the brackets hold; 'le chantier du lycée' loses its article.
    Returns it with the count of characters left out before it."""
    skipped = raw.rfind("(") + 1 if "(" in raw and ")" not in raw[raw.rfind("(") :] else 0
    article = re.match(r"(?:le|la|les|the)\s+|l['’]", raw[skipped:])  # 'Les Jardins' is a name
    skipped += article.end() if article else 0
    # 'livré au chantier Résidence Les Vernes, ...', 'livrer au chantier 4 rue ...': the kind of place, written
    # as a common noun before its name or its number, leads to the address ('Chantier du lycée' names it).
    kind = re.match(r"(?:chantier|site|d[ée]p[ôo]t|magasin|entrep[ôo]t)[ \t]+(?=[A-ZÉÈ\d])", raw[skipped:])
    skipped += kind.end() if kind else 0
    # 'M. et Mme Pasquier, 7 allée ...', 'le client au 8 allée ...': the people the goods go to, no place (a
    # place's name, capitalised, stays: 'Chantier du Parc au 12 rue ...').
    person = re.match(
        r"(?:(?:M\.|Mme|Mlle|Mr\.?|Mrs\.?|Ms\.?|Monsieur|Madame)(?:\s+et\s+(?:M\.|Mme|Madame|Monsieur))?\s+[^\d,\n]{1,40},"
        r"|[a-zàâçéèêëîïôûù][^\d,\n]{0,40}?\s(?:au|at)(?=[ \t]+\d))[ \t]*",
        raw[skipped:],
    )
    skipped += person.end() if person else 0
    # 'our Kilkenny property, The Emerald, John Street, ...': the customer's words for the place, no address.
    own = re.match(r"(?:our|notre|nos|my|mon|ma)\s[^,\n]{0,40},[ \t]*(?=[^,\n]+,)", raw[skipped:], re.I)
    skipped += own.end() if own else 0
    skipped += _dated_parts(raw[skipped:])
    lead = len(raw[skipped:]) - len(raw[skipped:].lstrip())
    return raw[skipped + lead :], skipped + lead


# Any day: only whether words are a date is asked, never which day they name.
_SOME_DAY = dt.date(2026, 1, 5)


def _dated_parts(raw: str) -> int:
    """The length of the parts that open the address and are its date ('Livraison : semaine 47, chantier
    RN12 ...', 'Deliver Monday, Unit 4 ...'): when the goods come, not where."""
    skipped = 0
    while (part := re.match(r"[^,\n]+[,\n][ \t]*", raw[skipped:])) is not None:
        hits = find_dates(part.group(0).rstrip(" \t,\n"), _SOME_DAY)
        if not hits or hits[0].span != (0, len(part.group(0).rstrip(" \t,\n"))):
            break
        skipped += part.end()
    return skipped


def names_a_place_only(text: str) -> bool:
    """'Agence de Bron - atelier', 'Genas depot': a site the customer's file knows by its name, written
    with no figure, no second part and no town; the file's address says where it is."""
    return re.search(r"[\d,\n]", text) is None and address_end(text) is None


# What calls the address after it a billing one, or the sender's own: not where the goods go.
_NOT_DELIVERY = re.compile(
    r"\b(?:factur\w*|invoic\w*|bill(?:ing)?|si[èe]ge(?:\s+social)?|head\s+office|registered\s+office"
    r"|fournisseur|vendor|supplier|exp[ée]diteur)\b[^\n]{0,40}$",
    re.I,
)


def addresses_written(text: str) -> list[tuple[int, int]]:
    """The spans of the postal addresses written in a text, labelled or not: a line whose parts, split by
    commas, end with a postcode and town ('the new office: BFS Quai, Terminal du Naye, 35400 Saint-Malo'),
    or a block whose last line opens with them under a street line ('4 rue du Port' over '56170
    Quiberon'). An address after a billing label or a supplier's is left out. From a line's last colon
    on: what leads to the address is not part of it."""
    found: list[tuple[int, int]] = []
    offset = 0
    lines = text.split("\n")
    for number, line in enumerate(lines):
        start, offset = offset, offset + len(line) + 1
        match = _POSTCODE_TOWN.search(line)
        if match is None or "\t" in line or "|" in line:
            continue  # a table's row: a code and a word, not a postcode and a town
        end = start + _with_country(line, _town_end(line, match))
        head = line[: match.start()]
        begin = start + head.rfind(":") + 1
        if "," in head[head.rfind(":") + 1 :]:
            lead = text[max(0, begin - 60) : begin + 1]
        elif not head.strip() and number and re.search(r"\d", lines[number - 1]):
            begin = start - len(lines[number - 1]) - 1
            lead = text[max(0, begin - 60) : begin]
        else:
            continue
        if not _NOT_DELIVERY.search(lead.rstrip(" \t:\n")):
            found.append((begin + len(text[begin:end]) - len(text[begin:end].lstrip()), end))
    return found
