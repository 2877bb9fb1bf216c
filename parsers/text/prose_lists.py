"""Items a count names by itself in a sentence listing items (parsers/text/prose.py): '..., and 6 HP
toners', 'il nous faudrait 2 harnais antichute et 4 casques'."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from models import ExtractedLine
from parsers.text.asides import ASKING, POINTED
from parsers.text.extracted import MEASURE, line_from_parts, read_quantity
from parsers.text.line_noise import MAX_COUNT
from parsers.text.prose_names import FUNCTION_WORD, MATCHING_ITEM, cut_designation, with_measure
from parsers.values.dates import month_number
from parsers.values.numbers import NUMBER, quantity_words_pattern
from parsers.values.units import normalise_unit, unit_is_noun, unit_kind
from parsers.vocabulary.phrases import any_of
from parsers.vocabulary.sieve import starting
from parsers.vocabulary.sizes import each_words
from parsers.vocabulary.words import line_words


def read_listed(
    sentence: str, found: list[ExtractedLine], variants: list[tuple[int, int]], *, part: str, start: int
) -> list[ExtractedLine]:
    """ "une douzaine de disjoncteurs ... et six interrupteurs différentiels", "... Also 2 Leitz
    staplers", "and 6 HP toners": in a sentence already listing items, a count joined to them
    names the next item by itself (in pieces), a maker's initials ('HP', 'LG') as well as a word.
    Items named so before the first counted one are read when the list runs on from them to it
    ("il me faut 6 casques blancs, 6 gilets XL et 2 paires de gants"), or to a variant of theirs
    ("6 casques blancs et 2 rouges"); with no counted item at all, two or more joined as a list
    ("il nous faudrait 2 harnais antichute et 4 casques ventilés") are the list. A count inside the
    name of the item before it ('2 harnais antichute 3 points avec ceinture') names no item."""
    taken = [ln.provenance.span for ln in found if ln.provenance and ln.provenance.span]
    listed: list[ExtractedLine] = []
    heads: list[ExtractedLine] = []
    named_to = -1  # the end of the last name read here: a count inside it is a word of that name
    for match in _LISTED.finditer(sentence):
        at = start + match.start("qty")
        if at < named_to or any(b == at for b, _ in variants) or any(b <= at < e for b, e in taken):
            continue
        if match["article"] and not (match["sep"] and any(e <= at for _, e in taken)):
            continue  # 'a' counts one only joined to counted items: '2 cans of X, a wet floor sign and ...'
        if (
            match["sep"]
            and match["sep"].lower() in _WITH
            and not MATCHING_ITEM.match(sentence, match.start() - 1)
        ):
            continue  # '... for the van with 2 spare bulbs': what the article comes with, unless said to match
        line = _listed_line(sentence, match, part=part, start=start)
        if line is None or line.provenance is None or line.provenance.span is None:
            continue
        named_to = line.provenance.span[1]
        # '... for the refurbishment. We also need three exit signs, ...': a list opens in each sentence
        opened = start + max(sentence.rfind(mark, 0, match.start()) for mark in (". ", "! ", "? "))
        if match["sep"] and any(e <= at for _, e in taken):
            listed.append(line)
        elif not any(opened < e <= at for _, e in taken):
            heads.append(line)
    if not found:
        return _bare_list(sentence, heads, variants, start)
    starts = [b for b, _ in taken] + [b for b, _ in variants] + [line_start(ln) for ln in listed]
    for line in reversed(heads):
        end = line.provenance.span[1] if line.provenance and line.provenance.span else 0
        if any(_RUNS_ON.fullmatch(sentence[end - start : b - start]) for b in starts if b >= end):
            listed.append(line)
            starts.append(line_start(line))
    # 'Could you send us 6 double sockets? Also 3 boxes of ...': an item asked for by itself stays one.
    listed += [line for line in heads if line not in listed and _asked_right_before(sentence, line, start)]
    return listed


def _bare_list(
    sentence: str, heads: list[ExtractedLine], variants: list[tuple[int, int]], start: int
) -> list[ExtractedLine]:
    """With no counted item, the items named by their counts alone that are joined as a list, to
    each other or to a variant of theirs; an article ('un gîte ... et un ami') makes no list alone."""
    spans = sorted(
        [*((line_start(ln), line_end(ln), ln) for ln in heads), *((b, e, None) for b, e in variants)],
        key=lambda item: item[0],
    )
    chains: list[list[tuple[int, int, ExtractedLine | None]]] = []
    for item in spans:
        if chains and _RUNS_ON.fullmatch(sentence[chains[-1][-1][1] - start : item[0] - start]):
            chains[-1].append(item)
        else:
            chains.append([item])
    return [
        line
        for chain in chains
        if (
            len(chain) >= 2
            and any(line is None or not _by_article(sentence, line, start) for _, _, line in chain)
            and _asked(sentence[: chain[0][0] - start])
        )
        or (len(chain) == 1 and chain[0][2] is not None and _asked_right_before(sentence, chain[0][2], start))
        for _, _, line in chain
        if line is not None
    ]


def _asked_right_before(sentence: str, line: ExtractedLine, start: int) -> bool:
    """'Could you send us 6 double sockets', 'il me faut 25 chevilles', 'j'ai besoin de 8 douilles': the
    words asking for goods say the count right after them (a pronoun or 'aussi' between), so one item
    named by its count alone is asked for; never a count said by an article ('je voudrais un devis'), nor
    one whose name holds another count and an x ('2 trays of 40 x 60 cm': which figure counts is unsure)."""
    before = sentence[: line_start(line) - start]
    name = line.description.value if line.description else ""
    asked = _asked_by().search(before)
    return (
        asked is not None
        # 'Please find our order 4500012877 below': the asking word named by a determiner is a noun
        and re.search(
            r"\b(?:our|your|the|my|this|notre|votre|ma|mon|la|cette)\s+$", before[: asked.start()], re.I
        )
        is None
        and not _by_article(sentence, line, start)
        and not _DIMENSION.search(name)
        and line.quantity is not None
        and line.quantity.value < MAX_COUNT
    )


@cache
def _asked_by() -> re.Pattern[str]:
    words = each_words()
    between = any_of([*words.determiners, *_ALSO])
    return re.compile(rf"{ASKING.pattern}(?:\s*(?:{between})(?!\w))*\s*$", re.I)


def _asked(before: str) -> bool:
    """The list is asked for: words asking for goods open its sentence ('il nous faudrait', 'please
    send'), or the list is all of it ('Bonjour, 6 casques blancs et 2 rouges'), not a sentence that
    counts something else ('nous sommes 3 techniciens et 2 apprentis')."""
    own = re.split(r"[.!?:;]\s", before)[-1]
    if POINTED.search(own):
        return False  # 'Les deux agences passent commande', 'the 40 tee-shirts': things known, not ordered
    return len(re.findall(r"[^\W\d_]+", own)) <= 1 or bool(ASKING.search(own))


def _by_article(sentence: str, line: ExtractedLine, start: int) -> bool:
    where = line.quantity.provenance.span if line.quantity and line.quantity.provenance else None
    return where is not None and sentence[where[0] - start : where[1] - start].lower() in _ARTICLES


def line_end(line: ExtractedLine) -> int:
    return line.provenance.span[1] if line.provenance and line.provenance.span else 0


def line_start(line: ExtractedLine) -> int:
    return line.provenance.span[0] if line.provenance and line.provenance.span else 0


# Words after 'a' that count or ask for no article: 'a few', 'a lot of', 'a quote for the rest'.
_NO_ITEM_AFTER_A = frozenset(
    {"few", "lot", "little", "bit", "couple", "number", "total", "quote", "quotation", "copy", "call", "note"}
)


def _listed_line(sentence: str, match: re.Match[str], *, part: str, start: int) -> ExtractedLine | None:
    """The item a count names by itself, in pieces; None when the word after the count is no article."""
    noun = match["noun"].lower()
    if (
        (normalise_unit(noun) and not _names_the_article(sentence, match))
        or FUNCTION_WORD.fullmatch(noun)
        or noun in line_words().not_a_line_after_number
        or noun in line_words().street_words
        or month_number(noun) is not None
        # "un demi-colis": half of a unit, read above; '2 half masks', '3 demi-baguettes' name theirs
        or (noun in _FRACTIONS and (bool(match["article"]) or read_quantity(match["qty"])[0] == 1))
        or (match["article"] and noun in _NO_ITEM_AFTER_A)  # 'a few', 'a quote for ...'
        # "une douzaine d'ampoules": a count, read above; 'two-point harnesses' is a name
        or (read_quantity(noun)[0] is not None and not sentence.startswith("-", match.end("noun")))
    ):
        return None
    quantity, approx = (Decimal(1), False) if match["article"] else read_quantity(match["qty"])
    desc, desc_end = cut_designation(sentence, match.start("noun"))
    # 'Pour refaire un tableau il me faudrait 2 ...': what the goods are for, then the request
    if quantity is None or approx or not desc or ASKING.search(desc):
        return None
    desc = with_measure(desc, match["measure"])
    if match["of_the"] and re.search(r"\bones?\b", desc, re.I):
        return None  # '2 of the brass ones': the item before, in another kind (read as its variant)
    at = start + match.start("qty")
    return line_from_parts(
        part,
        (at, start + desc_end),
        desc=(desc, (start + match.start("noun"), start + desc_end)),
        qty=(quantity, (at, start + match.end("qty"))),
        rule="text-prose",
        confidence=0.6,
    )


def _names_the_article(sentence: str, match: re.Match[str]) -> bool:
    """'3 rouleaux à peinture', '2 caisses à outils', '20 boîtes placo': a unit word that heads the
    article's name (one the catalogue sells by the piece: the matcher tells), not a count of units."""
    unit = normalise_unit(match["noun"].lower())
    after = sentence[match.end("noun") :]
    if unit and unit_is_noun(unit) and re.match(r"\s+(?!(?:de|des|du|of|et|and)\b)[^\W\d_]", after, re.I):
        return (
            True  # 'cinq tubes IRL de 20', 'deux sacs poubelle': a word naming articles too, no 'de' after it
        )
    return bool(unit and unit_kind(unit) == "count" and re.match(r"\s+(?:à|a|pour)\s+[^\W\d_]", after, re.I))


def _build_listed() -> re.Pattern[str]:
    return starting(
        re.compile(
            # '..., de trois écrans et de cinq vestes': the 'de' the verb asks for may repeat after the join; a join
            # after a figure names nothing ('the blue ones in 0.7 and six wallets of ...': the join is the next item's)
            # 'with' past the name before it joins a second article ('24 RJ45 ... with 12 double plates to match')
            rf"(?:(?P<sep>,|\+|&|\bet|\band|\bpuis|\bplus|\balso|\baussi|\bainsi\s+qu(?:e|'|’)|\bas\s+well\s+as|\bwith|\bavec)\s*(?:de\s+|d['’])?|(?<![\w,.(/-])\s?)"
            rf"(?P<qty>an?\s+dozen|{quantity_words_pattern()}|{NUMBER}|(?P<article>an?))\s+(?:(?P<measure>{MEASURE}|{_RATING})\s+)?(?P<of_the>of\s+the\s+)?(?!(?:and|et|or|ou|puis|plus|then)\b)(?P<noun>[^\W\d_]{{3,}}|[^\W\d_]{{1,2}}-[^\W\d_]{{2,}}|\d{{1,2}}-[^\W\d_]{{3,}}(?=\s+[^\W\d_]{{3,}})|(?-i:[A-Z]{{2}}|[A-Z]{{1,3}}\d{{1,3}}(?=\s+[^\W\d_]{{3,}})))\b",
            re.I,
        )
    )


# What joins one item of a list to the next: ", ", " et ", " and ", ", and ", " ainsi que ".
_JOIN = r"(?:(?:et|and|plus|puis|also|aussi|as\s+well\s+as|\+|&)\s+|ainsi\s+qu(?:e\s+|'|’))"
# A remark in brackets may close an item before the join ('30 prises blanches (notre code 4170), 5 boîtes'), and
# words after a comma saying what it is like, no clause ('12 keyboards, Swiss layout (QWERTZ), 6 staplers').
_ASIDE = r",\s*(?!(?:we|they|you|i|it|nous|vous|ils?|elles?|on|je)\b)[^\W\d_][^\W\d]*(?:\s+[^\W\d]+){0,3}"
_BRACKET = r"(?:\s*\([^()]*\))?"
_RUNS_ON = re.compile(rf"{_BRACKET}(?:{_ASIDE}{_BRACKET}){{0,2}}\s*(?:,\s*{_JOIN}?|{_JOIN})", re.I)
# Between the asking words and the count: 'il me faut aussi 4 ...', 'could you also send 3 ...'.
_ALSO = ("aussi", "also", "encore", "également", "egalement", "just", "juste", "another")
_DIMENSION = re.compile(r"\d\s*[x×]\s*\d")
_WITH = frozenset({"with", "avec"})
_ARTICLES = frozenset({"un", "une", "a", "an"})
_FRACTIONS = frozenset({"demi", "demie", "half"})
# A rating written between the count and the name ('six 20 A breakers', 'deux 100 W projecteurs'): a value of
# the article, kept with its name.
_RATING = r"\d+(?:[.,]\d+)?\s?(?-i:A|mA|W|kW|V|VA|Ah)(?!\w)"
_LISTED = _build_listed()
