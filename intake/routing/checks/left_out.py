"""An article the message leaves out, read as a line all the same.

Whoever passes an order on or answers it approves it with an exception ("OK, except the
softshells", "validé sauf les tuteurs", "same again but not the vests this time", "les
casquettes, on laisse tomber", a bare "non" under a quoted line). A reader that takes the
lines of the order forwarded or quoted keeps the article left out: an order the customer
did not ask for. The words are read in every line of the sender's text (the forwarders' and
the original's, the answers under quoted lines), in both languages (thread_words.toml); a line
read whose wording or article that exception names is held for a clerk. The corrections
check reads the changes said in its own words; this one needs no word naming the order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, field_validator

from intake.routing.checks.catalogue_keys import catalogue_codes, catalogue_words, word_key
from intake.routing.checks.context import CheckContext, line_reason, numbered
from intake.routing.checks.coverage import body_spans, overlaps_line
from intake.routing.checks.reading import default_reading_rules
from intake.routing.checks.written_codes import tokens as written_tokens
from matchers.designation import packaging_words
from matchers.normalize import read_wording
from models import LineMatch, ProductRow, Provenance, ReviewReason
from models.datafiles import load_toml, valid_patterns
from parsers.vocabulary.sieve import Sieve, starting

THREAD_WORDS_FILE = Path(__file__).with_name("thread_words.toml")


class ThreadWords(BaseModel):
    """The phrases that leave an article out, the words that name no article, and those by which a
    reply points back at the order quoted under it (checks/pointed.py)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    before_article: tuple[str, ...]
    after_article: tuple[str, ...]
    refusals: tuple[str, ...]
    generic: frozenset[str] = frozenset()
    pointers: tuple[str, ...] = ()

    @field_validator("before_article", "after_article", "refusals", "pointers")
    @classmethod
    def _compiles(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return valid_patterns(value)


class LeftOut(BaseModel):
    """Words that leave an article out: what they name, the whole phrase, and where it is."""

    what: str
    said: str
    where: Provenance | None = None
    # The article's words come before the phrase ('les casquettes, on laisse tomber'): a line read
    # from them is the article left out, not a designation that holds 'sans'.
    named_first: bool = False


@lru_cache(maxsize=1)
def thread_words() -> ThreadWords:
    return load_toml(THREAD_WORDS_FILE, ThreadWords)


Patterns = tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def _patterns() -> tuple[Patterns, Patterns, Patterns]:
    words = thread_words()
    before, after, refusals = (
        tuple(starting(re.compile(p, re.I)) for p in group)
        for group in (words.before_article, words.after_article, words.refusals)
    )
    return before, after, refusals


@lru_cache(maxsize=1)
def _sieves() -> tuple[Sieve, Sieve]:
    """The two groups of phrases sieved: a pattern that opens on any letter ('les casquettes, on
    laisse tomber') is otherwise tried from each letter of every row, most of which holds none of
    the words it needs."""
    before, after, _ = _patterns()
    return Sieve.of(before), Sieve.of(after)


def check_left_out(ctx: CheckContext) -> list[ReviewReason]:
    """A line read is an article the message leaves out."""
    parsed = ctx.parsed
    found = [*exceptions_in(parsed.text, parsed.text_part, parsed.subject), *refused(parsed.inline_answers)]
    if not found:
        return []
    known = _Known(catalogue_words(ctx), catalogue_codes(ctx), ctx.products)
    reasons = []
    for number, line in numbered(ctx.matched):
        said = next((e for e in found if _leaves_out(e, line, known)), None)
        if said is not None:
            shown = " ".join(said.said.split())[:70]
            reason = line_reason(
                "line_left_out",
                number,
                f'the message leaves this article out ("{shown}"), yet it was read as ordered: '
                "a clerk checks the lines against it",
            )
            reasons.append(reason.model_copy(update={"provenance": said.where, "quoted": shown}))
    return reasons


def exceptions_in(text: str, part: str, subject: str = "") -> Iterator[LeftOut]:
    """The phrases of the sender's text that leave an article out; a line that changes a count
    ('sauf les gants : 10 au lieu de 20') is the corrections check's."""
    before, after = _sieves()
    replacements = default_reading_rules().replacement_patterns
    for row, where in body_spans(text, part, subject):
        if any(p.search(row) for p in replacements):
            continue
        for group, first in ((before, False), (after, True)):
            for pattern in group.present(row):
                for match in pattern.finditer(row):
                    yield LeftOut(
                        what=match.group("what"),
                        said=match.group(0),
                        where=_inside(where, match),
                        named_first=first,
                    )


def refused(answers: list[tuple[str, str]]) -> Iterator[LeftOut]:
    """Quoted lines refused by the answer written under them: the quoted line is what is left out."""
    _, _, refusals = _patterns()
    for above, answer in answers:
        if any(p.search(answer.strip()) for p in refusals):
            yield LeftOut(what=above, said=f"{answer.strip()}, under: {above.strip(' >')}", named_first=True)


def _inside(row: Provenance, match: re.Match[str]) -> Provenance | None:
    if row.span is None:
        return None
    start, end = match.span("what")
    return row.model_copy(update={"span": (row.span[0] + start, row.span[0] + end)})


class _Known(NamedTuple):
    """The catalogue's words and codes, lower case."""

    words: frozenset[str]
    codes: frozenset[str]
    products: Mapping[str, ProductRow]


def _leaves_out(exception: LeftOut, line: LineMatch, known: _Known) -> bool:
    """The exception names the line's article, and is not the line's own designation ('gants sans
    poudre', 'boots without the steel cap' read as one line)."""
    if (
        exception.where is not None
        and not exception.named_first
        and overlaps_line(exception.where, line.line)
    ):
        return False
    return any(_names(item, line, known) for item in _ITEMS.split(exception.what))


# The articles an exception lists: "the panels or the BAES", "les gants et les lunettes".
_ITEMS = re.compile(r"\s+(?:or|and|nor|ou|et|ni)\s+|\s*[&/+]\s*", re.I)


def _names(item: str, line: LineMatch, known: _Known) -> bool:
    """The item names the line's article: by its code when it writes one ('10 x FLH-54001'), else
    by its words, one of them the article's and none a word of the catalogue it lacks ('no milk
    chocolate' names no dark chocolate)."""
    tokens = [t.lower() for t in written_tokens(item)]  # in their order: 'safety glasses' is read as a phrase
    codes = {t for t in tokens if len(t) >= 4 and any(c.isdigit() for c in t)}
    if codes & _codes_of(line):
        return True
    if codes & known.codes:
        return False  # another article's code
    generic = thread_words().generic
    said = " ".join(t for t in tokens if t not in generic and not any(c.isdigit() for c in t))
    words = {w for w in read_wording(said).words if len(w) >= 3}
    words -= packaging_words() | default_reading_rules().plain_words
    theirs = _article_words(line, known.products)
    if not words & theirs:
        return False
    return not any(w in known.words or word_key(w) in known.words for w in words - theirs)


def _codes_of(line: LineMatch) -> set[str]:
    extracted = line.line
    written = [extracted.code.value if extracted.code else "", line.sku or ""]
    return {code.strip().lower() for code in written if code.strip()}


def _article_words(line: LineMatch, products: Mapping[str, ProductRow]) -> set[str]:
    """The line's words as the matcher reads them: the customer's wording and the article's name."""
    extracted = line.line
    wording = extracted.description.value if extracted.description else ""
    article = products.get(line.sku or "")
    labels = " ".join(
        [article.name if article else "", *(c.label for c in line.candidates if c.key == line.sku)]
    )
    return set(read_wording(f"{wording} {labels}").words)
