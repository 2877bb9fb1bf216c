"""A reply that agrees to what it answers in words of its own, not in a set phrase.

"Confirmed, ship asap.", "Fine by us, go.", "Parfait, on prend.", "Accord pour ce devis, sauf ...",
"We'll take it all, but only 10 of ...", "Je vous confirme la commande de ce devis", "yes please send
the lot": a clause opened by a word that agrees, or by the sender taking or confirming, in a reply that
neither asks, refuses, puts off nor only acknowledges. Read only above a quoted quote or offer
(`parsers.text.thread.accepts_offer`), and never as surely as a set phrase: the order it makes goes to
a clerk.
"""

from __future__ import annotations

import re

# Where a clause opens: the text's start, a sentence's end, a line's start or a comma ('yes, ...' too).
_OPENS = (
    r"(?:^|(?<=[.!?\n,;:]))[ \t]*(?:(?:ok(?:ay)?|oui|yes|parfait|perfect|great|fine|good|super)[ \t,!]+)?"
)
# Said alone, these agree ('Confirmed.', 'Validé,', 'Accord pour ce devis').
_AGREEING = (
    r"(?:accord|confirm(?:ed|[ée]e?s?)|approved?|valid(?:ated|[ée]e?s?)|agreed|accepted|accept[ée]e?s?)"
)
# These agree only said for the sender ('Fine by us', 'ok pour moi'): alone they may only acknowledge.
_FOR_US = (
    r"(?:ok(?:ay)?|oui|yes|parfait|perfect|great|fine|good|super|excellent|tr[èe]s\s+bien|c['’]est\s+bon"
    r"|d['’]accord|[çc]a\s+(?:marche|nous\s+va|me\s+va)|works)[ \t,]*(?:by|for|with|pour|par)\s+(?:us|me|nous|moi)"
)
# The sender taking or confirming what is offered: 'we'll take it all', 'on prend', 'je vous confirme'.
_TAKING = (
    r"(?:we|i|on|nous|je)(?:\s*['’]ll|\s+will)?\s+(?:vous\s+|le\s+|la\s+|les\s+)?"
    r"(?:take|prend\w*|confirm(?:e|ons)?|valid(?:e|ons)|accept(?:e|ons)?|order|command(?:e|ons)|go\s+(?:ahead|with))"
)
# Sending asked of the goods themselves: 'ship asap', 'please send the lot', 'envoyez le tout'.
_SENDING = (
    r"(?:please\s+)?(?:send|ship|book|deliver|envoyez|livrez|lancez|proceed|go\s+ahead)"
    r"(?=\s*(?:$|[.,;!\n]|(?:it|them|all|everything|the\s+lot|the\s+order|the\s+goods|asap|as\s+(?:quoted|offered))\b"
    r"|(?:le\s+tout|tout|la\s+commande|ce\s+devis|d[eè]s\s+que)\b))"
)
_AGREES = re.compile(rf"{_OPENS}(?:{_AGREEING}|{_FOR_US}|{_TAKING}|{_SENDING})\b", re.I | re.M)
# What makes the reply no agreement: a refusal, a question, a delay, a mere acknowledgement, a
# price still discussed.
_WITHHOLDS = re.compile(
    r"\?|\b(?:pas\s+(?:encore|pour\s+l['’]instant|pour\s+le\s+moment|maintenant)|not\s+(?:yet|now|for\s+now)"
    r"|later|plus\s+tard|prochainement|next\s+(?:week|month)|semaine\s+prochaine|reviens|reviendr\w*"
    r"|revenir|get\s+back|come\s+back|r[ée]fl[ée]chi\w*|think|consider\w*|attend\w*|wait\w*|on\s+hold"
    r"|noted|not[ée]e?|bien\s+re[çc]u|received|acknowledge\w*|discount|remise|moins\s+cher|cheaper"
    r"|better\s+price|meilleur\s+prix|trop\s+cher|too\s+expensive|annul\w*|cancel\w*|refus\w*|declin\w*"
    r"|receipt|r[ée]ception|(?:prend\w*|pris|take|taken)\s+note|look|regard\w*|check\w*|contact|transmet\w*|transf[ée]r\w*|forward\w*"
    r"|let\s+you\s+know|another|autre\s+fournisseur|elsewhere|ailleurs)\b",
    re.I,
)
_NEGATION = re.compile(r"\b(?:pas|not|no|non|ne|jamais|never)\b|n['’]t\b", re.I)
_CLAUSE_END = re.compile(r"[.,;:!?\n]")
# A quoted message that asks, or offers something in place of what was asked: the answer's readers read
# which option or substitute the reply takes ('yes the ... will do'), not the whole of it.
_ASKS_OR_REPLACES = re.compile(
    r"\?|\b(?:instead|[àa]\s+la\s+place|en\s+remplacement|rupture|out\s+of\s+stock|no\s+longer|plus\s+de\s+stock"
    r"|[ée]quivalent|equivalent|substitut\w*|alternatives?|replacement|remplac\w*|left\s+(?:this|today|yesterday)"
    r"|parti\w*\s+ce\s+matin|exp[ée]di[ée]\w*|shipped|dispatched)\b",
    re.I,
)
# A reply that agrees says so in a few lines; a longer text is an order or a letter of its own.
AGREEMENT_CHARS = 400


def withholds(text: str) -> bool:
    """The text refuses, asks, puts off, only acknowledges or still discusses the price."""
    return bool(_WITHHOLDS.search(text))


def asks_or_replaces(answered: str) -> bool:
    """The message answered asks, or offers something in place of what was asked."""
    return bool(_ASKS_OR_REPLACES.search(answered))


def agrees(own: str, answered: str = "") -> re.Match[str] | None:
    """The clause by which the reply agrees to the message `answered`, when nothing in either withholds
    the agreement."""
    text = own.strip()
    if asks_or_replaces(answered) or not text or len(text) > AGREEMENT_CHARS or withholds(text):
        return None
    for found in _AGREES.finditer(own):
        end = _CLAUSE_END.search(own, found.end())
        if not _NEGATION.search(own, found.start(), end.start() if end else len(own)):
            return found
    return None
