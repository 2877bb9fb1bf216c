"""Counts a customer writes once for several sizes or articles (vocabulary: parsers/data/sizes.toml).

Shapes read:
- one article split in sizes, the pairs after its designation: "gants docker cuir T9 x 6, T10 x 4",
  "pantalons multipoches gris : 2 en 42, 3 en 44, 1 en 46", "veste marine tailles : 2 M, 3 L, 1 XL",
  "Safety boots size 42 x 3, size 44 x 1"; or alone on the line under the designation
  ("tailles : 2 M, 3 L"): the caller passes the designation line as `base`. Each size gives its own
  line, the designation followed by the size, for the matcher to name the article of that size;
  so too one article in several packaging sizes: "emmental râpé : 2 sachets d'1 kg + 1 sac de 2,5 kg",
  "garden hose: 1 coil of 25 m and 2 coils of 50 m";
- one count said for every article of a list or every size of a range: parsers/text/each_count.py.
A size grid ("Article | S | M | L | XL") is read by parsers/text/size_grid.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise

from models import ExtractedLine
from parsers.text.extracted import line_from_parts
from parsers.values.numbers import NUMBER, parse_number
from parsers.values.units import normalise_unit, unit_kind
from parsers.vocabulary.phrases import any_of
from parsers.vocabulary.sieve import starting
from parsers.vocabulary.sizes import (
    ambiguous_letter,
    each_words,
    is_size,
    size_pattern,
    size_words,
    variant_words,
)

RULE = "text-size-split"
_BULLET = re.compile(r"^\s*(?:[-*•·+>]|\d{1,2}[.)](?=\s))?\s*")
# A remark in brackets may close a pair before the next: '6 en M (notre réf. 021), 4 en L'; a dash set
# between spaces parts pairs too: 'taille 42 : 4 - taille 46 : 2'.
_SEP = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:[,;+&]|\bet\b|\band\b|/|(?<=\s)[-–—](?=\s))?\s*$", re.I)
# A semicolon before words in the designation: the pairs of another article's clause stand before it.
_CLAUSE_CUT = re.compile(r";\s*[^\W\d_]")
_TAIL = re.compile(r"^\s*(?:\([^()]*\))?[\s.;,!)]*$")


@dataclass(frozen=True)
class Pair:
    size: str
    quantity: Decimal
    unit: str | None
    span: tuple[int, int]
    size_span: tuple[int, int]


@lru_cache(maxsize=1)
def _pair_patterns() -> tuple[re.Pattern[str], ...]:
    size = size_pattern()
    words = size_words()
    links = any_of(words.links)
    # 'S:2 M:4 XL:2': the next size is no unit of this count.
    unit = rf"(?:\s*(?!(?:{size})(?![\w]))(?P<unit>[^\W\d_]{{2,}}\.?))"
    colours = any_of(variant_words().colours)
    patterns = (
        # "T9 x 6", "XL : 3", "P43 = 2 paires"
        re.compile(rf"(?P<size>{size})\s*[x×:=]\s*(?P<qty>\d{{1,4}})(?!\d){unit}?(?![\w])", re.I),
        # "HP 963XL cyan x2, magenta x2, yellow x2": one article in several colours
        re.compile(
            rf"(?<![\w/])(?P<size>{colours})\s*[x×:=]\s*(?P<qty>\d{{1,4}})(?!\d){unit}?(?![\w])", re.I
        ),
        # "2 en 42", "3 paires en 44", "1 in XL", "4 de taille M"
        re.compile(
            rf"(?<![\w,.])(?P<qty>\d{{1,4}})(?:\s+(?!(?:{links})\s)(?P<unit>[^\W\d_]{{2,}}\.?))?\s+(?:{links})\s+"
            rf"(?P<size>{size}|\d{{1,2}}(?:/\d{{2}})?)(?![\w])",
            re.I,
        ),
        # "2 M", "3 x XL"
        re.compile(rf"(?<![\w,.])(?P<qty>\d{{1,4}})\s*[x×]?\s*(?P<size>{size})(?![\w])", re.I),
        # "balais Valeo : 2 x 450, 2 x 475, 1 x 650": after the name and its colon, one article in several
        # lengths of three or four figures, each counted before its x
        re.compile(
            r"(?<![\w,.])(?P<qty>\d{1,2})\s*[x×]\s*(?P<size>\d{3,4})(?P<lengths>)(?![\w]|[.,]\d|\s*[x×])",
            re.I,
        ),
        # "16A x 10, 20A x 4", "10W x 6, 20W x 2": one article in several ratings
        re.compile(
            rf"(?<![\w,.])(?P<size>\d{{1,4}}(?:[.,]\d)?\s?(?P<measure>[^\W\d_]{{1,3}}))\s*[x×]\s*(?P<qty>\d{{1,4}})(?!\d){unit}?(?![\w])",
            re.I,
        ),
    )
    # Each is looked for in every line: tried only where a match may start.
    return tuple(starting(p) for p in patterns)


def _pairs(line: str, pattern: re.Pattern[str]) -> list[Pair]:
    found = []
    for m in pattern.finditer(line):
        size = m["size"]
        measured = "measure" in pattern.groupindex
        lengths = "lengths" in pattern.groupindex
        if not measured and not lengths and not is_size(size, bare=True) and size.lower() not in _colours():
            continue
        quantity = parse_number(m["qty"])
        written = m.groupdict().get("unit")
        unit = normalise_unit(written) if written else None
        span = m.span()
        if written and unit is None:
            if m.start("unit") < m.start("size"):
                continue  # "2 vestes en XL": a word, no unit, between the count and its size
            span = (span[0], m.end("qty"))  # "XL x 2 et ...": the word after is the sentence's
        if quantity is None:
            continue
        found.append(Pair(size.strip(), quantity, unit, span, m.span("size")))
    return found


@lru_cache(maxsize=1)
def _colours() -> frozenset[str]:
    return frozenset(c.lower() for c in variant_words().colours)


def _last_chain(line: str, pairs: list[Pair]) -> list[Pair]:
    """The run of pairs that ends the line, joined by commas, 'et', 'and' or spaces."""
    chain: list[Pair] = []
    for pair in pairs:
        if chain and _SEP.match(line[chain[-1].span[1] : pair.span[0]]):
            chain.append(pair)
        else:
            chain = [pair]
    if not chain or not _TAIL.match(line[chain[-1].span[1] :]):
        return []
    return chain


@lru_cache(maxsize=1)
def _label_tail() -> re.Pattern[str]:
    labels = any_of(size_words().labels)
    return re.compile(rf"(?:\s*(?:en|in)?\s*(?:{labels}))?[\s:=\-–—,(]*$", re.I)


def split_by_size(line: str) -> tuple[str, int, list[Pair]] | None:
    """The designation, where it starts, and its (size, count) pairs; None when the line is not that shape."""
    for pattern in _pair_patterns():
        chain = _last_chain(line, _pairs(line, pattern))
        if len(chain) < 2:
            continue
        if "measure" in pattern.groupindex and not _one_measure(chain):
            continue  # '16A x 10, 20A x 4': ratings of one kind only
        head = line[: chain[0].span[0]]
        if "lengths" in pattern.groupindex and not re.search(r"[^\W\d_]{3}.*:\s*$", head):
            continue  # '4 x 250, 2 x 500' alone: the name and its colon say what the lengths are of
        if _counted_head(head):
            return None  # '10 gilets jaunes en L, 5 en XL': the head is the first count (parsers/text/variants.py)
        if _CLAUSE_CUT.search(head):
            return None  # 'vestes 3 en M, 5 en L ; pantalons 4 en 42, 2 en 44': an article per clause
        labelled = _label_tail().search(head)
        base_end = labelled.start() if labelled else len(head)
        bullet = _BULLET.match(head)
        base_start = bullet.end() if bullet and bullet.end() <= base_end else 0
        base_start += _own_start(head[base_start:base_end])
        base = head[base_start:base_end].strip()
        has_label = labelled is not None and labelled.group(0).strip(" :=-–—,(") != ""
        if all(ambiguous_letter(p.size) for p in chain) and not has_label and not _said_as_size(line, chain):
            continue  # "2 m, 3 l": metres and litres, not sizes
        if len({p.size.lower() for p in chain}) < len(chain):
            continue  # one size twice: not a split by size
        return base, base_start, chain
    return None


def _said_as_size(line: str, chain: list[Pair]) -> bool:
    """Each letter is written before its count and an x ('M x 5 boîtes, L x 3'), after its count and an
    x ('2 x M, 3 x L') or after 'en', 'in' ('6 en M, 4 en L'): never as a unit, which follows its count."""
    links = {w.lower() for w in size_words().links}
    return all(
        re.match(r"\s*[x×]", line[p.size_span[1] :])
        or re.search(r"\d\s*[x×]\s*$", line[p.span[0] : p.size_span[0]])
        or line[p.span[0] : p.size_span[0]].lower().split()[-1:] in ([w] for w in links)
        for p in chain
    )


def _one_measure(chain: list[Pair]) -> bool:
    """Every rating of the chain ends in the same letters ('16A', '20A', '32A'), no unit that may be
    sold by ('20 cl x 50': cups of 20 cl by the 50) nor a size."""
    ends = {re.sub(r"^[\d.,\s]+", "", p.size).lower() for p in chain}
    return (
        len(ends) == 1 and normalise_unit(next(iter(ends))) is None and not is_size(chain[0].size, bare=True)
    )


def _counted_head(head: str) -> bool:
    """The text before the pairs counts an article and ends with its size: 'je voudrais 2 paires de
    bottes pointure 42, 1 en 43': the first size of the list, not a designation."""
    ends_sized = re.search(rf"(?:{size_pattern()})[\s,;:]*$", head, re.I)
    return bool(
        ends_sized and re.search(rf"(?<![\w.,])(?:{NUMBER})\s+[^\W\d_]{{2,}}", head[: ends_sized.start()])
    )


def _own_start(base: str) -> int:
    """Where the article's name starts in the text before its pairs: past a total count ('20 vestes
    polaires : S:2 M:4'), a lead-in ('Pour le chantier : chaussures ...') and asking words."""
    at = 0
    lead = base.rfind(": ", 0, len(base.rstrip(" :")))
    if lead > 0 and re.search(r"[^\W\d_]{3,}", base[lead:]):
        at = lead + 2
    asked = list(asking().finditer(base, at))
    if asked:
        at = asked[-1].end()
    total = re.match(rf"\s*(?:{NUMBER})\s+(?=[^\W\d_]{{3,}})", base[at:])
    return at + (total.end() if total else 0)


# '2 sachets d'1 kg', '1 coil of 25 m': a count of packagings and the measure each holds.
_PACKED = re.compile(
    rf"(?<![\w.,])(?P<qty>{NUMBER})\s*(?P<unit>[^\W\d_]+\.?)\s+(?:de\s+|of\s+|d'|d’)\s*"
    rf"(?P<size>{NUMBER}\s*(?P<measure>[^\W\d_]+))(?![\w])",
    re.I,
)


def split_by_packaging(line: str) -> tuple[str, int, list[Pair]] | None:
    """'emmental râpé : 2 sachets d'1 kg + 1 sac de 2,5 kg': the designation, where it starts, and a
    (size, count) pair per packaging; None unless two packagings or more end the line."""
    pairs = [
        Pair(m["size"], quantity, unit, m.span(), m.span("size"))
        for m in _PACKED.finditer(line)
        if (unit := normalise_unit(m["unit"])) is not None
        and unit_kind(unit) == "count"
        and unit_kind(normalise_unit(m["measure"]) or "") == "measure"
        and (quantity := parse_number(m["qty"])) is not None
    ]
    chain = _last_chain(line, pairs)
    if len(chain) < 2:
        return None
    head = line[: chain[0].span[0]]
    bullet = _BULLET.match(head)
    base_start = bullet.end() if bullet else 0
    base = head[base_start:].rstrip(" :=-–—,(\t")
    return (base.strip(), base_start + len(base) - len(base.lstrip()), chain) if base.strip() else None


def read_size_split(
    line: str, *, part: str, start: int, base: tuple[str, int] | None = None
) -> list[ExtractedLine] | None:
    """One line per size of 'DESIGNATION T9 x 6, T10 x 4'; `base` is the designation line above
    when the pairs stand alone ('tailles : 2 M, 3 L')."""
    found = split_by_size(line) or split_by_packaging(line)
    if found is None:
        return None
    text, at, pairs = found
    desc_span = (start + at, start + at + len(text))
    if not _names_article(text):
        if base is None or text:
            return None
        text, desc_span = base[0].strip(), (base[1], base[1] + len(base[0]))
    return [
        line_from_parts(
            part,
            (start + pair.span[0], start + pair.span[1]),
            desc=(f"{text} {pair.size}", desc_span),
            qty=(pair.quantity, (start + pair.span[0], start + pair.span[1])),
            unit=(pair.unit, (start + pair.span[0], start + pair.span[1])) if pair.unit else None,
            rule=RULE,
            confidence=0.85,
        )
        for pair in pairs
        if pair.quantity > 0
    ]


# A sentence ends and the next starts on the same row: 'bottes : 4 en 42, 6 en 43. Avec ça 5 lots de ...';
# a semicolon before words opens the next article's clause: 'vestes 3 en M, 5 en L ; pantalons 4 en 42, ...'.
_SENTENCE_END = re.compile(r"(?<=[.!?])[ \t]+(?=[^\W\d_])|[ \t]*;[ \t]*(?=[^\W\d_])")


def read_sized_sentences(
    line: str, *, part: str, start: int, base: tuple[str, int] | None = None
) -> tuple[list[ExtractedLine] | None, str]:
    """`read_size_split` of the row, else of each sentence of it whose pairs close it; and the row with
    the sentences so read blanked, for the other readers to read the rest."""
    whole = read_size_split(line, part=part, start=start, base=base)
    if whole is not None:
        return whole, ""
    cuts = [0, *(m.end() for m in _SENTENCE_END.finditer(line)), len(line)]
    if len(cuts) == 2:
        return None, line
    found: list[ExtractedLine] = []
    rest = line
    for begin, end in pairwise(cuts):
        sized = read_size_split(line[begin:end].rstrip(), part=part, start=start + begin)
        if sized:
            found.extend(sized)
            rest = rest[:begin] + " " * (end - begin) + rest[end:]
    return (found or None), rest


def _names_article(text: str) -> bool:
    """A word of three letters, or a maker and a model number ('HP 963XL')."""
    return bool(re.search(r"[^\W\d_]{3,}", text) or re.search(r"[^\W\d_]{2}\s+\w*\d", text))


def alternatives(words: list[str]) -> str:
    """The words as one regex alternation, longest first, a space matching any run of spaces."""
    spelt = sorted((re.escape(w).replace(r"\ ", " ") for w in words), key=len, reverse=True)
    return "|".join(w.replace(" ", r"\s+") for w in spelt)


@lru_cache(maxsize=1)
def asking() -> re.Pattern[str]:
    """The words that ask for the goods ('il nous faudrait', 'please send') and the determiners after them."""
    each = each_words()
    return re.compile(
        rf"\b(?:{alternatives(each.asking)})\b(?:\s*(?:{alternatives(each.determiners)})(?=[\s\w])\b)*\s*",
        re.I,
    )
