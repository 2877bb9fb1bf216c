"""Quoted lines a reply names by words rather than by count: the ones a removal takes out ('pas de gants
ménage', 'but no ear plugs'), the one a count is added to ('plus 2 more of the double lanyards')."""

from __future__ import annotations

import re

from intake.followups.added import added_lines
from intake.followups.clause import english_to_catalogue, load_operations
from intake.followups.left_out import PARTS, lines_in_size, removed_things, size_said_in_words, stems
from matchers import CatalogIndex
from models import ExtractedLine
from models.followups import OrderChange, SkuQuantity

# Words that take lines out of the quoted ones: 'on retire les projecteurs', 'pas de gants ménage',
# 'mais sans les hublots', 'but no ear plugs'.
_REMOVES = re.compile(
    r"\b(?:retir\w*|enl[eè]v\w*|supprim\w*|drop|remove|delete|leave out|pas\s+(?:de|d['’]|les?|la|des)"
    r"|not\s+the|none\s+of\s+the|no\s+more|sans|without|no|minus|skip|moins\s+(?:les?|la|des)"
    r"|(?:do\s+not|don['’]t|doesn['’]t)\s+need|no\s+need\s+for|pas\s+besoin\s+d(?:es?|u|['’]))\b",
    re.I,
)
# Words that set lines apart, to take out or to change ('sauf les enveloppes C4', 'except item 2, make it 25').
_EXCEPTS = re.compile(
    r"\b(?:sauf|except(?:ing|é)?|hormis|apart\s+from|[àa]\s+l['’]exception\s+d(?:es?|u|['’]))\b", re.I
)
# What makes the words set apart a change, not a removal: a count, or a word asking one.
_CHANGES = re.compile(
    r"(?<!\w)\d|\b(?:make\s+(?:it|that|them)|mett(?:ez|re)|pass(?:ez|er)|au\s+lieu|instead|plut[ôo]t|rather)\b",
    re.I,
)
_SENTENCE = re.compile(r"[^.;!?\n]+")
# A mark mixing letters and figures that names a model or a format ('C4', 'H7', 'DN20', '26X').
_MARK = re.compile(r"(?<![\w/-])(?=[^\W_]*\d)(?=[^\W_]*[^\W\d_])[^\W_]{2,}(?![\w/-])")


# The mark opening an item of the sender's list: '1) no face shields', '- sans les gants'.
_MARKER = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|[-*•–])\s+")


def removed_by_words(own: str, base: list[ExtractedLine], skus: list[str], index: CatalogIndex) -> set[int]:
    """The places of the quoted lines a removal names by words they all carry ('pas de gants ménage ce
    mois-ci' takes out the household gloves in every size), in the quote's words or the catalogue's ('no
    chickpeas' of 'Pois chiches 4/4'); a removal with a count reduces, the diff's."""
    texts = [line.description.value if line.description else "" for line in base]
    names = _names(texts, skus, index)
    used = set().union(*names) if names else set()
    coded = [f"{text} {line.code.value if line.code else ''}" for text, line in zip(texts, base, strict=True)]
    dropped: set[int] = set()
    for sentence in _SENTENCE.finditer(own):
        if not _CHANGES.search(_MARK.sub(" ", sentence.group(0))):
            dropped |= _excepted_by_marks(sentence.group(0), texts, used)
    for part in PARTS.split(own):
        part = _MARKER.sub("", part)
        found = _REMOVES.search(part)
        if found is None:
            continue
        numbered = load_operations().line_number.search(part, found.end())
        if numbered is not None and 0 < int(numbered.group(1)) <= len(base):
            dropped.add(int(numbered.group(1)) - 1)  # 'without the Cat6A drum (line 2)'
            continue
        # The digits of 'Cat6A' or 'FFP3' count nothing, nor a measure a quoted line writes ('pas de sacs
        # 110 L' of 'sacs 110 L', 'no 19 mm tape' of 'PTFE tape 19 mm').
        if re.search(r"(?<!\w)\d", _MEASURE.sub(lambda m: " " if _written(m, texts) else m[0], part)):
            continue
        for thing in removed_things(part[found.end() :]):
            words = stems(f"{thing} {english_to_catalogue(thing)}") & used
            hit = {i for i, name in enumerate(names) if words and words <= name}
            hit = (
                _opening_with(words, hit, texts)
                if words
                else lines_in_size(thing, texts) or _lines_of_initials(thing, coded)
            )
            if len(hit) < len(base):
                dropped |= hit
    return dropped


def _opening_with(words: set[str], hit: set[int], texts: list[str]) -> set[int]:
    """Of the quoted lines a removal's words name, those whose own words open with them: 'sans les
    adaptateurs' takes out the adapters, not the hub written with its adapters ('hub 4 ports, adaptateurs
    inclus' against 'adaptateurs secteur'). The first word says what a line is; the others what it has."""
    if len(hit) < 2:
        return hit
    opening = {i for i in hit if (first := re.search(r"[^\W\d_]{3,}", texts[i])) and stems(first[0]) <= words}
    return opening or hit


# A figure and the short unit after it: a capacity, a length, a weight ('110 L', '19 mm', '500ml').
_MEASURE = re.compile(r"(?<![\w.,])(?P<figure>\d+(?:[.,]\d+)?)[ \t]?(?P<unit>[^\W\d_]{1,3})(?!\w)")


def _written(measure: re.Match[str], texts: list[str]) -> bool:
    """The measure is written, the same figure and unit, in one of the quoted lines."""
    figure, unit = re.escape(measure["figure"]), re.escape(measure["unit"])
    written = re.compile(rf"(?<![\w.,]){figure}[ \t]?{unit}(?!\w)", re.I)
    return any(written.search(text) for text in texts)


# Initials as a line writes them: capitals standing alone ('LF', 'BF'), never a word of its name.
_INITIALS = re.compile(r"(?<![\w-])[A-Z]{2,4}(?![\w-])")
_WORDS_OF_A_NAME = re.compile(r"[^\W\d_]{3,}")


def _lines_of_initials(thing: str, texts: list[str]) -> set[int]:
    """The one quoted line writing the removed thing by its initials ('pas de liquide de frein' of '3 LF DOT4
    1L', 'no brake fluid' of 'BF DOT4'): the first letters of its words of three letters or more."""
    named = _WORDS_OF_A_NAME.findall(re.split(r"[(,;]", thing)[0])
    initials = "".join(word[0] for word in named).lower()
    if len(initials) < 2:
        return set()
    carried = {i for i, text in enumerate(texts) if initials in {w.lower() for w in _INITIALS.findall(text)}}
    return carried if len(carried) == 1 else set()


def _excepted_by_marks(sentence: str, texts: list[str], used: set[str]) -> set[int]:
    """The quoted lines a sentence counting nothing sets apart ('sauf les enveloppes C4 que nous retirons')
    by marks alone, its words naming none of them."""
    found = _EXCEPTS.search(sentence)
    if found is None:
        return set()
    hit: set[int] = set()
    for thing in removed_things(PARTS.split(sentence[found.end() :])[0]):
        if not stems(f"{thing} {english_to_catalogue(thing)}") & used:
            hit |= _lines_of_marks(thing, texts)
    return hit if len(hit) < len(texts) else set()


def _lines_of_marks(thing: str, texts: list[str]) -> set[int]:
    """The one quoted line carrying every mark the removed thing writes ('enveloppes C4' of 'Pochettes C4
    kraft brun'); none when no line or several carry them."""
    marks = {mark.lower() for mark in _MARK.findall(thing)}
    carried = {
        i for i, text in enumerate(texts) if marks and marks <= {m.lower() for m in _MARK.findall(text)}
    }
    return carried if len(carried) == 1 else set()


def _names(texts: list[str], skus: list[str], index: CatalogIndex) -> list[set[str]]:
    """Each quoted line's words, its own and its article's catalogue name's."""
    return [
        stems(f"{text} {index.products[sku].name if sku in index.products else ''}")
        for text, sku in zip(texts, skus, strict=True)
    ]


def named_by_words(
    things: list[str], base: list[ExtractedLine], skus: list[str], index: CatalogIndex
) -> set[int] | None:
    """The places of the quoted lines the things name ('compost', 'drip line'), each in the quote's
    words or the catalogue's; None when a thing names no line or more than one."""
    texts = [line.description.value if line.description else "" for line in base]
    names = _names(texts, skus, index)
    used = set().union(*names) if names else set()
    named: set[int] = set()
    for thing in things:
        words = stems(f"{thing} {english_to_catalogue(thing)}") & used
        hit = {i for i, name in enumerate(names) if words and words <= name}
        if not hit:
            return None
        named |= hit
    return named


# "plus 2 more of the double lanyards (so 6)", "et 3 de plus pour les gants": a count added to a quoted line.
_MORE = re.compile(
    r"\b(?:plus|add|ajoutez|rajoutez)\s+(?P<a>\d+)\b|(?<![\w.,])(?P<b>\d+)\s+(?:more|de plus|en plus|extra)\b",
    re.I,
)


def more_by_words(change: OrderChange, base: list[ExtractedLine], skus: list[str]) -> None:
    """A request the diff left unread that adds a count to the one quoted line its words name, in the
    quote's own words ('the double lanyards' of 'double lanyard 2 m'); never surely (it stays a doubt)."""
    texts = [line.description.value if line.description else "" for line in base]
    names = [stems(text) for text in texts]
    used = set().union(*names) if names else set()
    for clause in change.unread:
        more = _MORE.search(clause)
        # 'add 2 touch-free gel dispensers' adds an article no quoted line names, never 2 of the 'Hand gel'.
        if more is None or added_lines([clause], clause, texts, part="body"):
            continue
        words = stems(clause[more.end() :]) & used
        hit = [i for i, name in enumerate(names) if words and words <= name] or lines_of_size(
            clause[more.end() :], base
        )
        held = base[hit[0]].quantity if len(hit) == 1 else None
        if held is not None and skus[hit[0]]:
            added = float(more["a"] or more["b"])
            change.set_quantity.append(SkuQuantity(sku=skus[hit[0]], quantity=float(held.value) + added))


def lines_of_size(clause: str, base: list[ExtractedLine]) -> list[int]:
    """The quoted lines written with the letter size the clause says in words ('of the large': 'Carton L')."""
    said = size_said_in_words(clause)
    if said is None:
        return []
    letter = re.compile(rf"(?<![\w/]){re.escape(said)}(?![\w/])", re.I)
    return [i for i, line in enumerate(base) if line.description and letter.search(line.description.value)]
