"""What a customer writes after an article's name about its use or its delivery ('magnetic whiteboards
90x120 for the new classrooms', 'agrafes 24/6 à livrer au bureau', 'gants pour les stagiaires', 'a
beanie to wear under the helmet'): a clause no catalogue prints, read apart from the name."""

from __future__ import annotations

import re

from matchers.normalize import read_wording

# 'for the' / 'pour les': a determiner after the preposition says a use ('pour Clio 4', 'for diesel' name
# what the article fits, and stay); 'à livrer', 'to be delivered': a delivery; 'to' before a verb: a purpose.
_DETERMINERS = (
    r"the|our|my|your|their|his|her|this|these|those|a|an|"
    r"le|la|les|l['’]|nos|notre|mon|ma|mes|ce|cet|cette|ces|un|une|leurs?"
)
_DELIVERY_WORDS = (
    r"(?:à|a)\s+(?:livrer|déposer|deposer|remettre)\b"
    r"|(?:to\s+be\s+)?deliver(?:ed)?\s+to\b|livr[ée]e?s?\s+(?:à|au|aux|le|avant|sur)\b"
)
_USE_CLAUSE = re.compile(
    rf"(?<=[\w)\]])(?:[\s,;:]+(?:"
    rf"(?:for|pour)\s+(?:{_DETERMINERS})(?=\W|(?<=['’]))"
    rf"|{_DELIVERY_WORDS})"
    r"|(?<!\bready)(?<!\bup)(?<!\beasy)\s+to\s+(?!\d)[a-z]{2,}\b"
    r").*$",
    re.IGNORECASE,
)
_DELIVERY = re.compile(_DELIVERY_WORDS, re.IGNORECASE)


def without_use_clause(wording: str) -> tuple[str, str]:
    """The name written before a clause of use or delivery, and that clause; the wording and '' when it
    holds none (or nothing of a name is written before it)."""
    found = _USE_CLAUSE.search(wording)
    if found is None:
        return wording, ""
    name = wording[: found.start()].strip()
    if not read_wording(name).words:
        return wording, ""
    return name, found.group(0).strip(" ,;:")


def clause_words(clause: str) -> tuple[str, ...]:
    """The words of a clause of use as the matcher reads them, which may tell an article's twins apart;
    none for a delivery's place and day."""
    return () if _DELIVERY.match(clause) else read_wording(clause).words
