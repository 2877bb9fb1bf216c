"""Replies that order by pointing at the thread: the quote or the earlier order quoted under them.

"Bon pour accord sur votre devis D26-1180", "we accept your quotation", "même commande
que la dernière fois", "same as last time": the quoted history holds the lines. Said
alone, the quoted lines are the order as they stand (parsers/text/reader.py); with words
that change them ("sauf les casques", "except item 2, make it 30", "8 au lieu de 5") the
change is read against the quoted lines once they are matched (intake/thread.py).
"""

from __future__ import annotations

import re

# Where lines read from the quoted history point.
QUOTED_PART = "quoted"

_POINTS = re.compile(
    # a quote accepted
    r"\bbon pour accord\b.{0,30}\bdevis\b|\b(?:j[e']\s*valide|nous validons|(?:ok|d'accord) pour)\s+(?:le|votre|ce)\s+devis\b"
    r"|\b(?:we\s+)?accept\s+(?:your|the|this)\s+quot(?:e|ation)\b|\bgo ahead with (?:your|the|this) quot(?:e|ation)\b"
    r"|\b(?:ok|okay|fine|agreed)\s+(?:for|with)\s+(?:your|the|this)\s+quot(?:e|ation)\b"
    r"|\bgo ahead with (?:everything|all|the (?:lines|items|list))\s+(?:below|underneath|quoted)\b"
    # the earlier order again
    r"|\b(?:m[êe]me|pareil)\s+(?:commande|chose)\s+que\s+(?:la|le|notre|ma)\s+"
    r"(?:derni[èe]re|pr[ée]c[ée]dente?|fois|mois|semaine)(?:\s+(?:fois|commande|derni[èe]re?|pass[ée]e?|pr[ée]c[ée]dente?))?\b"
    r"|\bcomme\s+(?:la|le|notre|ma)\s+(?:derni[èe]re\s+(?:fois|commande)|fois\s+pr[ée]c[ée]dente"
    r"|pr[ée]c[ée]dente\s+commande|mois\s+dernier|semaine\s+derni[èe]re)"
    r"|\bidem\s+(?:que\s+)?(?:la\s+)?(?:derni[èe]re|pr[ée]c[ée]dente)\s+(?:commande|fois)\b"
    r"|\brenouvel(?:er|ez|ons|le)\s+(?:la|notre|ma|cette)\s+(?:derni[èe]re\s+)?commande\b"
    r"|\brepren(?:ez|dre|ons)\s+(?:la|notre|ma|cette)\s+commande\b[^.\n]{0,40}\bci-dessous\b"
    r"|\bsame\s+(?:order\s+|again\s+)?as\s+(?:last\s+(?:time|week|month)|before|(?:the|our|my)\s+(?:last|previous)\s+(?:one|order))\b"
    r"|\bsame\s+again\b|\brepeat\s+(?:our|my|the)\s+(?:last|previous)\s+order\b",
    re.I,
)
# Any of these beside the pointer changes the quoted lines: they are then not the order as they stand.
_CHANGES = re.compile(
    r"\b(?:sauf|except\w*|hormis|sans|pas|not|but|mais|instead|au lieu|remplac\w*|change\w*|modifi\w*|ajout\w*|rajout\w*|add\w*"
    r"|retir\w*|remove\w*|enl[eè]v\w*|only|seulement|plus|moins|more|less|passer|mettre|mettez|make\s+it|without)\b|\+\s*\d",
    re.I,
)
# Outlook's "____" rule over a quoted message: no signature opens there.
_RULE_LINES = re.compile(r"^[ \t]*[_=\-]{5,}[ \t]*$", re.M)
# The '>' marks of a quoted line (blanked, so spans still point into `quoted`).
_QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)


def points_to_thread(own: str) -> re.Match[str] | None:
    """Where the sender's own text says the quoted quote or earlier order is the order."""
    return _POINTS.search(own)


def changes_the_thread(own: str) -> bool:
    """The sender's own text also says something that changes the quoted lines."""
    return bool(_CHANGES.search(own))


def takes_the_thread_as_is(own: str, quoted: str) -> bool:
    """The quoted quote or order is accepted as it stands."""
    return bool(quoted.strip()) and points_to_thread(own) is not None and not changes_the_thread(own)


def quoted_text(quoted: str) -> str:
    """The quoted history as the body readers read it: quote marks and rules blanked, offsets kept."""
    return _QUOTE_MARKS.sub(_blank, _RULE_LINES.sub(_blank, quoted))


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))
