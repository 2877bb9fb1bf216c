"""The replacement our question proposes, taken by the answer ('oui l'équivalent proposé nous va', 'the
substitute is fine'): the line of the customer's order it replaces orders the article proposed.

Our question words the swap in one sentence: what is missing, then the verb that proposes, then the
article ('nous n'avons plus de BAEH ; nous pouvons vous proposer le BAES 45 lm à 38,00 € HT', 'the
blue ones are out of stock, we could offer the navy ones instead'). The article proposed is the one the
catalogue names for sure from the words after the verb; the line replaced is the one of the order whose
words the sentence writes before it. A price written with the proposal is the price proposed.
"""

from __future__ import annotations

import re
from decimal import Decimal

from intake.followups.order_article import SURE_MARGIN, SURE_SCORE
from matchers import CatalogIndex, match_article
from matchers.normalize import fold, normalize_code
from models import Extracted, ExtractedLine, Provenance
from parsers.values.numbers import parse_number

PROPOSED_RULE = "answer-takes-proposed"
# The answer takes what we proposed: the proposal named, then a word that takes it, or the other way.
_PROPOSAL = (
    r"(?:[ée]quivalent|rempla[çc]ant|remplacement|substitut\w*|alternative|proposition|suggestion"
    r"|substitute|replacement|equivalent)"
)
_TAKES = re.compile(
    rf"\b{_PROPOSAL}\b[^.\n]{{0,30}}?\b(?:(?:nous|me|leur)\s+va|convient|ok|okay|parfait|fine|will\s+do|works"
    rf"|is\s+good|accept[ée]e?|d['’]accord)\b"
    rf"|\b(?:ok|okay|oui|yes|d['’]accord|fine|accept\w*|prenons|take|we['’]ll\s+take)\b[^.\n]{{0,20}}?"
    rf"\b(?:l['’]\s*|le\s+|la\s+|the\s+|your\s+|votre\s+)?{_PROPOSAL}\b",
    re.I,
)
_NEGATION = re.compile(r"\b(?:pas|not|no|non|ne|n['’])\b|n['’]t\b", re.I)
# The verb by which our sentence proposes an article in place of the missing one.
_PROPOSES = re.compile(
    r"\b(?:remplacer\s+par|(?:vous\s+)?propos(?:er|ons|e)|(?:can|could|may)\s+(?:offer|suggest|propose|send"
    r"|ship|deliver|supply|provide)|(?:pouvons|pourrions|pouvez)\s+(?:vous\s+)?(?:livrer|envoyer|fournir|exp[ée]dier)"
    r"|(?:we\s+)?(?:suggest|propose|offer)|[àa]\s+la\s+place\s+(?:nous\s+avons|[:,]))",
    re.I,
)
# A sentence: a stop ends it when a space follows ('38.00 EUR' goes on).
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?=[^\s.!?]))+[.!?]*")
# Its price, the currency after the figure or before it ('à 38,00 € HT', 'at EUR 89.00').
_PRICE = re.compile(
    r"(?:\b(?:au\s+prix\s+de|at\s+a\s+price\s+of|priced\s+at)|[àa]|at|@|pour|for)\s*"
    r"(?:(?:€|eur\b|euros?\b)\s*(\d+(?:[.,]\d{1,2})?)"
    r"|(?:€\s*)?(\d+(?:[.,]\d{1,2})?)\s*(?:€|eur\b|euros?\b))",
    re.I,
)
_CLAUSE_END = re.compile(r"[,;(]|\s[-–]\s|[.!?](?:\s|$)")
# The words around the article's name: a determiner before, 'instead' after.
_FILLER = re.compile(
    r"^\s*(?:(?:le|la|les|l['’]|un|une|des|the|a|an|some|our|nos|notre)\s+)"
    r"|\s+(?:instead|[àa]\s+la\s+place|en\s+remplacement|as\s+a\s+replacement)\b.*$",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]{3,}")
# A sentence the mail program wrapped: a break inside it, before a word in lower case (offsets kept).
_UNWRAPPED = re.compile(r"(?<=[^\s.!?:;])\n(?=[ \t]*[a-zà-ÿ(])")
# 'offer instead the ...', 'proposer à la place la ...': the word of replacement before the article.
_BRACKETED = re.compile(r"\(([^()]{3,40})\)")
_CODE_TOKEN = re.compile(
    r"(?<![\w/-])(?=[\w/-]*\d)(?=[\w/-]*[A-Za-z])[A-Za-z0-9][\w/-]{2,}[A-Za-z0-9](?![\w/-])"
)
# The verb opening its sentence after a subject alone ('We can ship ...', 'Nous pouvons livrer ...').
_SUBJECT_WORDS = 2
_PLACED = re.compile(r"^\s*(?:instead|[àa]\s+la\s+place|en\s+remplacement)\b", re.I)


def takes_proposal(own: str) -> bool:
    """The answer takes the replacement we proposed, and says no 'not' in that clause."""
    found = _TAKES.search(own)
    if found is None:
        return False
    start = max(own.rfind(c, 0, found.start()) for c in ".,;!?\n")
    return not _NEGATION.search(own[start + 1 : found.end()])


# Words that agree to what is named beside them: 'the PN40 is fine', 'va pour la ...', 'go with the 26A'.
_TAKES_NAMED = re.compile(
    r"\b(?:fine|ok(?:ay)?|good|great|perfect|parfait|will\s+do|works|yes|oui|d['’]accord|va\s+pour|convient"
    r"|nous\s+va|me\s+va|[çc]a\s+ira|take|prend\w*|send|envoyez|go\s+(?:for|with)|accept\w*)\b",
    re.I,
)
# What an answer that takes nothing says: a question back, a refusal, a wait, another choice.
DECLINES = re.compile(
    r"\?|\b(?:no|non|not|pas|wait|attend\w*|rather|plut[ôo]t|cancel\w*|annul\w*|later|plus\s+tard)\b|n['’]t\b",
    re.I,
)
_TOKEN = re.compile(r"[^\W_]{2,}")


def names_proposal(own: str, missing: str, proposed: str) -> bool:
    """The answer takes the article we proposed by naming it ('Fine, go with the 26A', 'Va pour la poignée
    levier'): a word that takes it, and a word or mark of our proposing sentence (`proposed`) that the
    words of what is missing (`missing`) do not write; nothing declines."""
    if declines(own, missing, proposed) or not _TAKES_NAMED.search(own):
        return False
    return bool(tokens(own) & (tokens(proposed) - tokens(missing)))


# A clause of the answer: a sentence, or a remark in brackets.
_ANSWER_CLAUSE = re.compile(r"\([^()]*\)|[^.;!?()\n]+")


def declines(own: str, missing: str, proposed: str) -> bool:
    """The answer declines our proposal: a word that declines it, but for cancelling, in a clause about the
    article missing alone, what we cannot send ('(the blue line on GMD-26-118 can be cancelled)')."""
    gone, offered = _marks(missing) - _marks(proposed), _marks(proposed) - _marks(missing)
    for clause in _ANSWER_CLAUSE.finditer(own):
        said = _marks(clause[0])
        words = {m[0].lower() for m in DECLINES.finditer(clause[0])}
        cancels_missing = said & gone and not said & offered and all(_CANCELS.match(w) for w in words)
        if words and not cancels_missing:
            return True
    return False


_CANCELS = re.compile(r"cancel|annul", re.I)


def _marks(text: str) -> set[str]:
    """The words of four letters or more and the marks holding a figure: what tells an article apart."""
    return {token for token in tokens(text) if len(token) >= 4 or any(c.isdigit() for c in token)}


def tokens(text: str) -> set[str]:
    """The words and marks of `text`, folded ('26A' and '26a' alike)."""
    return {fold(w).lower() for w in _TOKEN.findall(text)}


def proposed_swaps(
    own: str, question: str, base: list[ExtractedLine], index: CatalogIndex
) -> dict[int, tuple[str, Decimal | None, tuple[int, int]]]:
    """For each line of `base` a sentence of `question` proposes to replace, when the answer `own` takes
    the proposal (by a word for it or by naming the article): (the article proposed, its price when
    written, the span of the proposal in `question`)."""
    names = [_words(line.description.value) if line.description else set() for line in base]
    swaps: dict[int, tuple[str, Decimal | None, tuple[int, int]]] = {}
    for missing, sku, price, span in proposals(question, index):
        if not (takes_proposal(own) or names_proposal(own, missing, question[span[0] : span[1]])):
            continue
        place = best_line(names, _words(missing))
        if place is not None and place not in swaps:
            swaps[place] = (sku, price, span)
    return swaps


def proposals(question: str, index: CatalogIndex) -> list[tuple[str, str, Decimal | None, tuple[int, int]]]:
    """Each sentence of `question` that proposes an article the catalogue names for sure: (what it
    says is missing, the article proposed, its price when written, the sentence's span)."""
    found = []
    before: list[str] = []
    for sentence in _SENTENCE.finditer(_UNWRAPPED.sub(" ", question)):
        verb = _PROPOSES.search(sentence.group(0))
        if verb is None:
            said = in_stock_instead(sentence.group(0))
            before.append(sentence.group(0))
            if said is not None and (sku := _proposed_article(said[1], index)) is not None:
                found.append((said[0], sku, None, sentence.span()))
            continue
        missing, offered = sentence.group(0)[: verb.start()], sentence.group(0)[verb.end() :]
        if len(missing.split()) <= _SUBJECT_WORDS and before:
            # 'The 26X is out of stock. We can ship the 26A instead': what is missing is said just before.
            missing = before[-1]
        before.append(sentence.group(0))
        sku = _proposed_article(offered, index)
        if sku is None:
            continue
        price = _PRICE.search(offered)
        value = parse_number(price.group(1) or price.group(2)) if price else None
        found.append((missing, sku, Decimal(value) if value is not None else None, sentence.span()))
    return found


# 'the HP 26X is out of stock until the 14th; the 26A (CF226A) is in stock', 'le BAEH est en rupture, mais le
# BAES 45 lm est disponible': the article missing, then in a clause of its own the one we have instead.
_MISSING = re.compile(
    r"\b(?:out\s+of\s+stock|sold\s+out|discontinued|unavailable|no\s+longer\s+(?:available|made|in\s+stock)"
    r"|en\s+rupture|(?:n['’]est|ne\s+sont)\s+plus\s+(?:disponibles?|fabriqu[ée]e?s?)|[ée]puis[ée]e?s?)\b",
    re.I,
)
_CLAUSE_TURN = re.compile(r";|,\s*(?:but|mais)\b|\s[-–]\s", re.I)
_IN_STOCK = re.compile(
    r"\s(?:is|are|est|sont)\s+(?:(?:still|toujours|bien)\s+)?(?:in\s+stock|available|disponibles?|en\s+stock)\b",
    re.I,
)


def in_stock_instead(sentence: str) -> tuple[str, str] | None:
    """(what is missing, the words naming what we have instead) of a sentence saying one article is out
    of stock and, in a clause after it, another is in stock; None when it says no such thing."""
    missing = _MISSING.search(sentence)
    turn = _CLAUSE_TURN.search(sentence, missing.end()) if missing else None
    stock = _IN_STOCK.search(sentence, turn.end()) if turn else None
    if missing is None or turn is None or stock is None:
        return None
    return sentence[: turn.start()], sentence[turn.end() : stock.start()]


def swapped(
    line: ExtractedLine, sku: str, price: Decimal | None, span: tuple[int, int], part: str
) -> ExtractedLine:
    """`line` ordering the article proposed, at the price proposed when one was written: the words and
    the customer's code of the article it replaces no longer name it."""
    where = Provenance(part=part, span=span, rule=PROPOSED_RULE)
    code = Extracted[str](value=sku, confidence=0.8, provenance=where)
    update: dict[str, object] = {"code": code, "description": None, "customer_ref": None}
    if price is not None:
        update["unit_price"] = Extracted[Decimal](value=price, confidence=0.8, provenance=where)
    return line.model_copy(update=update)


def _proposed_article(offered: str, index: CatalogIndex) -> str | None:
    """The article the words after the verb name for sure, up to its price or the next clause: its
    figures are the article's (a size, a pack), no count."""
    offered = _PLACED.sub("", offered)
    written = _written_code(_PRICE.split(offered)[0], index)
    if written is not None:
        return written
    words = _FILLER.sub("", _CLAUSE_END.split(_PRICE.split(offered)[0])[0]).split()
    # A word of our own before the name ('the standard HP 26A') is left out when the name alone is sure.
    for start in range(max(1, len(words) - 1)):
        said = " ".join(words[start:])
        line = ExtractedLine(line_no=1, description=Extracted[str](value=said, confidence=0.8))
        match = match_article(line, index, customer_id=None)
        if match.sku and match.score >= SURE_SCORE and match.margin >= SURE_MARGIN:
            return match.sku
    return None


def _written_code(offered: str, index: CatalogIndex) -> str | None:
    """The article whose code the proposal writes, in brackets ('(725 103 115)', '(LAV2301B, 20 L)') or
    alone: the one article the catalogue knows by it."""
    pieces = [p.strip() for inside in _BRACKETED.findall(offered) for p in inside.split(",")]
    pieces += _CODE_TOKEN.findall(offered)
    found = {sku for piece in pieces for sku in index.by_code.get(normalize_code(piece), [])}
    return found.pop() if len(found) == 1 else None


def best_line(names: list[set[str]], words: set[str]) -> int | None:
    """The one line sharing most of `words` (None: none, or two alike)."""
    shared = [len(name & words) for name in names]
    top = max(shared, default=0)
    return shared.index(top) if top and shared.count(top) == 1 else None


def _words(text: str) -> set[str]:
    """Its words, and the marks that mix letters and figures ('26X', 'H7'): a model is named by them."""
    return {fold(w).lower() for w in [*_WORD.findall(text), *_MARK.findall(text)]}


_MARK = re.compile(r"(?<![\w/-])(?=[^\W_]*\d)(?=[^\W_]*[^\W\d_])[^\W_]{2,}(?![\w/-])")
