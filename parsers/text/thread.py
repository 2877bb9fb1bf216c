"""Replies that order by pointing at the thread: the quote or the earlier order quoted under them.

"Bon pour accord sur votre devis D26-1180", "we accept your quotation", "même commande
que la dernière fois", "same as last time": the quoted history holds the lines. Said
alone, the quoted lines are the order as they stand (parsers/text/reader.py); with words
that change them ("sauf les casques", "except item 2, make it 30", "8 au lieu de 5") the
change is read against the quoted lines once they are matched (intake/thread.py).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from parsers.mail.markers import Markers, load_markers
from parsers.mail.quotes import attribution_end
from parsers.text.agrees import agrees, asks_or_replaces, withholds
from parsers.text.prices import priced_rows
from parsers.values.units import quantity_words
from parsers.vocabulary.thread import changes_pattern, points_pattern

# Where lines read from the quoted history point.
QUOTED_PART = "quoted"

# Outlook's "____" rule over a quoted message: no signature opens there.
_RULE_LINES = re.compile(r"^[ \t]*[_=\-]{5,}[ \t]*$", re.M)
# The '>' marks of a quoted line (blanked, so spans still point into `quoted`).
_QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)


class _Pointers(NamedTuple):
    """The [points] of parsers/data/thread_vocabulary.toml this reader looks for."""

    quoted: re.Pattern[str]  # 'quote' and 'again': the pointers said whatever is quoted
    accepts: re.Pattern[str]  # 'accept': said alone, they point at a quote or offer quoted
    phrased: re.Pattern[str]  # any of them: a set phrase


@lru_cache(maxsize=1)
def _pointers() -> _Pointers:
    """Compiled where the vocabularies are loaded (`intake.preload`, before the reading workers are
    forked): compiled on first use, each worker compiled them again (~0.02 s of CPU)."""
    return _Pointers(points_pattern(), points_pattern("accept"), points_pattern("quote", "again", "accept"))


def points_to_thread(own: str, quoted: str = "") -> re.Match[str] | None:
    """Where the sender's own text says the quoted quote or earlier order is the order
    ([points] of parsers/data/thread_vocabulary.toml): a bare acceptance ('Bon pour accord.', 'ok go
    ahead') only above a quoted message that words a quote or an offer."""
    return _pointers().quoted.search(own) or accepts_offer(own, quoted) or names_quoted_lines(own, quoted)


# The quoted message named by where it stands: "idem que la commande ci-dessous", "proceed with the quote
# below", "reprenez la liste en dessous", "as per my e-mail below", "(commande ci-dessous)", "(see order
# below)". Any noun of a message or a list.
_BELOW = re.compile(
    r"(?:\b(?:la|le|les|l['’]|notre|nos|ma|mon|mes|votre|vos|cette|ce|ces|the|our|my|your|this|these)\s*"
    r"(?:[^\W\d_]+\s+){0,2}?|\(\s*(?:(?:voir|see|cf\.?)\s+)?)(?:commande|cde|devis|offre|proposition|liste|mail|e-mail|message|demande|lignes|articles"
    r"|order|po|quote|quotation|offer|proposal|list|email|request|lines|items)\b[^.\n?!]{0,30}?"
    r"\b(?:ci-dessous|ci-apr[èe]s|en\s+dessous|plus\s+bas|below|underneath|beneath)\b",
    re.I,
)
# A question asking for the goods: 'Can you send ...', 'Could you deliver ...', 'Pouvez-vous nous renvoyer ...'.
_ASKS_TO_SEND = re.compile(
    r"\b(?:can|could|would)\s+you\s+(?:please\s+)?(?:re)?(?:send|deliver|ship|supply|repeat)\b"
    r"|\b(?:pouvez|pourriez)[- ]vous\s+(?:nous\s+|me\s+)?(?:(?:re)?(?:livrer|envoyer|exp[ée]dier|passer|faire\s+parvenir)|renvoyer)\b",
    re.I,
)
# Words asking to correct what was sent, not to order it again.
_CORRECTS = re.compile(
    r"\b(?:modifi\w*|corrig\w*|rectifi\w*|amend\w*|updat\w*|mettre\s+[àa]\s+jour|annul\w*|cancel\w*)\b", re.I
)


def names_quoted_lines(own: str, quoted: str) -> re.Match[str] | None:
    """The reply names the quoted message by where it stands, in a sentence that neither asks, refuses,
    puts off nor corrects it, above a quoted quote or a quoted list of counted rows."""
    if not quoted.strip():
        return None
    for found in _BELOW.finditer(own):
        start = max(own.rfind(mark, 0, found.start()) for mark in ".!?\n") + 1
        ends = [e for e in (own.find(mark, found.end()) for mark in ".!?\n") if e >= 0]
        sentence = own[start : min(ends) + 1 if ends else len(own)]
        if _ASKS_TO_SEND.search(sentence):  # 'Can you send the order below again?' asks for the goods
            sentence = sentence.replace("?", " ")
        if withholds(sentence) or _CORRECTS.search(sentence):
            continue
        if quotes_an_offer(quoted) or lists_lines_to_take(quoted):
            return found
        return None
    return None


def accepts_offer(own: str, quoted: str) -> re.Match[str] | None:
    """A bare acceptance ('Bon pour accord.', 'ok go ahead') above a quoted quote or offer."""
    if not quoted.strip():
        return None
    found = next((m for m in _pointers().accepts.finditer(own) if not _not_yet(own, m.start())), None)
    found = found or agrees(own, latest_quoted(quoted))
    return found if found is not None and (quotes_an_offer(quoted) or lists_lines_to_take(quoted)) else None


def agrees_loosely(own: str, quoted: str) -> bool:
    """The reply takes the quoted quote, offer or list in words of its own only, no set phrase: a clerk confirms."""
    return (
        _pointers().phrased.search(own) is None
        and (accepts_offer(own, quoted) or names_quoted_lines(own, quoted)) is not None
    )


# An acceptance said not to be one (yet): "le client n'a pas encore validé", "not approved yet". Read in
# its clause only: "Pas de souci, validé." accepts.
_NEGATION = re.compile(r"\b(?:pas|not|jamais|never|nobody|personne)\b|n['’]t\b", re.I)
_CLAUSE_END = re.compile(r"[.,;:!?\n]")


def _not_yet(own: str, at: int) -> bool:
    ends = [m.end() for m in _CLAUSE_END.finditer(own, 0, at)]
    return bool(_NEGATION.search(own, ends[-1] if ends else 0, at))


# The words of a quote or an offer: "notre devis D26-2291", "quote D26-1388", "proposition 2".
_OFFER_WORDS = re.compile(
    r"\b(?:devis|quot(?:e|ation)s?|offres?|propositions?|cotations?|chiffrages?|estimates?|offers?|proposals?|options?|possibilit[ée]s|alternatives?)\b",
    re.I,
)


# So many rows closing on their price make a price list: an offer, whatever our message calls it ('our net
# prices', 'as asked').
_PRICED_ROWS = 2


def quotes_an_offer(quoted: str) -> bool:
    """The latest message quoted words a quote or an offer (its header's subject included), or sets out
    rows at their prices and says no order is taken or sent yet."""
    latest = latest_quoted(quoted)
    if _OFFER_WORDS.search(latest):
        return True
    return priced_rows(latest) >= _PRICED_ROWS and not _TAKEN.search(latest)


# Our message says the order is taken or sent already: a reply agreeing to it orders nothing again.
_TAKEN = re.compile(
    r"\b(?:nous\s+(?:vous\s+)?confirmons|we\s+(?:hereby\s+)?confirm|confirmation\s+de\s+(?:votre\s+)?commande"
    r"|order\s+confirmation|accus[ée]\s+de\s+r[ée]ception|bien\s+re[çc]u|has\s+been\s+(?:shipped|dispatched|received"
    r"|entered|processed)|a\s+[ée]t[ée]\s+(?:exp[ée]di|livr|enregistr|saisi)\w*|(?:est|sont)\s+(?:partie?s?|exp[ée]di[ée]e?s?)"
    r"|(?:your|the)\s+order\s+(?:has|is|was)|votre\s+commande\s+(?:a|est)|invoice|facture|delivery\s+note|bon\s+de\s+livraison)\b",
    re.I,
)
# So many counted rows make a list to take, whatever our message calls it.
_LISTED_ROWS = 2


def lists_lines_to_take(quoted: str) -> bool:
    """The latest message quoted lists counted rows for the reader to take ('here is what I noted',
    a recap after a call, prices without the word 'quote'), asks nothing, and says no order is taken or sent yet."""
    latest = latest_quoted(quoted)
    if _TAKEN.search(latest) or asks_or_replaces(
        latest
    ):  # a question's or a substitute's answer is read as such
        return False
    return len(_counted_rows().findall(latest)) >= _LISTED_ROWS


@lru_cache(maxsize=1)
def _counted_rows() -> re.Pattern[str]:
    """A row that opens with its count ('4 x Projecteur ...', '- 10 cartons de ...'), labels it ('qty 4') or
    closes on it after an x ('Pain burger 80 g x 4 cartons', 'Frites 6x6 carton x 8'): a price list's rows
    ('- SIL-BLA-310 silicone : 5.90') count nothing."""
    units = "|".join(re.escape(word) for word in quantity_words())
    return re.compile(
        rf"^[ \t]*(?:[-*•·][ \t]*)?\d+[ \t]*(?:[x×][ \t]*\S|(?:{units})\b)|\b(?:qt[ée]|quantit[ée]|qty|quantity)\b\s*:?\s*\d"
        rf"|\S[ \t]+[x×][ \t]*\d+(?:[ \t]*(?:{units}))?[ \t]*$",
        re.I | re.M,
    )


# "the same breakers and RCDs as below", "les mêmes terreau et paillage que ci-dessous": the quoted lines
# the words name, the others not.
_SAME_NAMED = re.compile(
    r"\bthe\s+same\s+(?P<en>(?:[^\W\d_][\w-]*,?\s+){1,6}?)as\s+(?:below|(?:in|on)\s+(?:the|our|my)\s+(?:order|mail|list)\s+below)\b"
    r"|\b(?:les?|la)\s+m[êe]mes?\s+(?P<fr>(?:[^\W\d_][\w-]*,?\s+){1,6}?)que\s+(?:ci-dessous|(?:dans\s+)?(?:la|notre|ma)\s+commande\s+ci-dessous)\b",
    re.I,
)
# "On prend seulement le terreau et le paillage pour l'instant", "we'll only take the compost and the mulch":
# the quoted lines taken are those named, the others not (yet).
_ONLY_NAMED = re.compile(
    r"\b(?:on|je|nous)\s+(?:ne\s+)?pren(?:d|ds|ons|drons|drai)\s+(?:que|seulement|uniquement|juste)\s+"
    r"(?P<fr>(?:les?\s|la\s|l['’])[^\d.,;:!?\n]{2,80}?)"
    r"(?=\s+(?:pour\s+l['’]instant|pour\s+le\s+moment|cette\s+fois)\b|[.,;:!?\n]|$)"
    r"|\b(?:we|i)(?:['’]ll|\s+will|\s+shall)?\s+(?:only\s+take|take\s+only|just\s+take|take\s+just)\s+"
    r"(?P<en>the\s[^\d.,;:!?\n]{2,80}?)(?=\s+(?:for\s+now|this\s+time)\b|[.,;:!?\n]|$)",
    re.I,
)
_AND = re.compile(r"\s*(?:,|\band\b|\bet\b|&)\s*", re.I)


def named_quoted_things(own: str) -> list[str]:
    """The things a reply names as the quoted lines it takes again ('the same compost and drip line as
    below': 'compost', 'drip line') or alone ('on prend seulement le terreau et le paillage'); none when it
    names the quoted order whole."""
    found = _SAME_NAMED.search(own)
    if found is not None:
        named = found["en"] or found["fr"]
    elif (only := _ONLY_NAMED.search(own)) is not None:
        named = only["en"] or only["fr"]
    else:
        return []
    return [thing for thing in _AND.split(named) if thing.strip()]


# What the reply adds in the sentence naming the quoted lines it takes again: 'les mêmes X et Y que
# ci-dessous, et 2 Z', 'the same X as below, and 4 Y' ('plus 4 Y' the change's reader adds).
_ADDED_AFTER = re.compile(
    r"\s*,?\s*(?:et|and|ainsi\s+que|as\s+well\s+as)\s+(?:aussi\s+|also\s+)?(?=\d)", re.I
)
_SENTENCE_END = re.compile(r"[.!?;\n]")


def added_after_named(own: str) -> tuple[int, int] | None:
    """Where, after the quoted lines a reply names again, the same sentence counts an article of its own."""
    found = _SAME_NAMED.search(own)
    lead = _ADDED_AFTER.match(own, found.end()) if found else None
    if lead is None:
        return None
    end = _SENTENCE_END.search(own, lead.end())
    return lead.end(), end.start() if end else len(own)


def changes_the_thread(own: str) -> bool:
    """The sender's own text also says something that changes the quoted lines
    ([changes] of parsers/data/thread_vocabulary.toml)."""
    return bool(changes_pattern().search(own))


def takes_the_thread_as_is(own: str, quoted: str) -> bool:
    """The quoted quote or order is accepted as it stands."""
    return bool(quoted.strip()) and points_to_thread(own, quoted) is not None and not changes_the_thread(own)


def quoted_text(quoted: str) -> str:
    """The quoted history as the body readers read it: quote marks and rules blanked, offsets kept."""
    return _QUOTE_MARKS.sub(_blank, _RULE_LINES.sub(_blank, quoted))


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def latest_quoted(quoted: str) -> str:
    """The quoted history as `quoted_text` reads it, cut where the message quoted under the first one
    begins: our quote answered, never the request it answered ('could you price 30 vests ...')."""
    text = quoted_text(quoted)
    markers = load_markers()
    lines = text.splitlines(keepends=True)
    seen_body = False
    offset = 0
    header_end = 0
    for index, raw in enumerate(lines):
        shape = raw.strip().strip("*").strip()
        if index < header_end:
            pass
        elif opens_message(shape, markers) or (header_end := attribution_end(lines, index, markers)):
            if seen_body:
                return text[:offset]
        elif shape:
            seen_body = True
        offset += len(raw)
    return text


def opens_message(line: str, markers: Markers) -> bool:
    """A quoted message's header: 'De : ...', 'Le 6 nov. 2026, X a écrit :', '-----Original Message-----'."""
    fields = (markers.from_field, markers.date_field, markers.subject_field, markers.to_field)
    return bool(
        markers.reply_rule.match(line)
        or markers.forward_rule.match(line)
        or any(pattern.match(line) for pattern in (*fields, *markers.attribution_line))
    )


# "OK for option B", "on part sur l'option 2": one of the options a quote sets out under headings.
_OPTION_TAKEN = re.compile(r"\b(?:option|proposition|variante|offre)\s+(?:n°\s*)?([A-Da-d1-4])\b", re.I)
_OPTION_HEADING = re.compile(
    r"^[ \t]*(?:option|proposition|variante|offre)\s+(?:n°\s*)?([A-Da-d1-4])\b", re.I | re.M
)


# An option's label before its first line ('Proposition 2 : 8 demi-masques ...') and the '+' joining two
# lines of one option ('... à 29,50 € + 16 paires de filtres ...'): blanked or broken, offsets kept.
_OPTION_LABEL = re.compile(
    r"^[ \t]*(?:option|proposition|variante|offre)\s+(?:n°\s*)?[A-Da-d1-4]\s*[:.)\-–]\s*(?=\d)", re.I | re.M
)
_JOINED_LINES = re.compile(r"(?<=\S)[ \t]\+(?=[ \t]+\d)")
# The dots leading a quote's row to its price ('4 x Stapler, 30 sheets ........ 13.50 EUR'): blanked.
_LEADERS = re.compile(r"(?<=\S)[ \t]*(?:\.{3,}|…+|_{3,})[ \t]*(?=\d)")


def as_quoted_rows(quoted: str) -> str:
    """The quoted text with each line of an option on a row of its own, as the body readers read rows."""
    text = _LEADERS.sub(_blank, _OPTION_LABEL.sub(_blank, quoted))
    return _JOINED_LINES.sub(lambda m: " \n", text)


def option_block(own: str, quoted: str) -> tuple[int, int] | None:
    """Where, in the quoted text, the option the reply takes is set out: from its heading to the next
    option's, or to the first blank line after its lines; None when the reply names none of them."""
    headings = list(_OPTION_HEADING.finditer(quoted))
    taken = {m.group(1).upper() for m in _OPTION_TAKEN.finditer(own)}
    chosen = [h for h in headings if h.group(1).upper() in taken]
    if len(headings) < 2 or len(chosen) != 1:
        return None
    start = chosen[0].start()
    following = [h.start() for h in headings if h.start() > start]
    end = following[0] if following else len(quoted)
    blank = re.search(r"\n[ \t]*\n", quoted[chosen[0].end() :])
    if not following and blank:
        end = chosen[0].end() + blank.start()
    inline = re.match(r"[^\n]*\d", quoted[chosen[0].end() :])
    if not following and inline:
        # The last option set out on its heading's line ends there, or with the rows a bullet or a count
        # opens under it: 'La 2 revient moins cher ...' is a remark.
        remark = _NOT_A_ROW.search(quoted, chosen[0].end(), end)
        end = remark.start() if remark else end
    return start, end


# A line after an option's rows that is none of them: no bullet nor count opens it.
_NOT_A_ROW = re.compile(r"(?<=\n)[ \t]*(?![-*•·+\d\s])\S", re.M)
