"""The words of corrections a customer writes inside the order (parsers/data/corrections.toml) and the
patterns built of them, read by parsers/text/corrections.py."""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, Field

from models.datafiles import load_toml
from parsers.values.numbers import NUMBER, quantity_words_pattern
from parsers.vocabulary.phrases import any_of
from parsers.vocabulary.sieve import Sieve, starting
from parsers.vocabulary.words import DATA


class CorrectionWords(BaseModel):
    postscript: list[str]
    cancelled: list[str]
    apology: list[str]
    instead: list[str]
    remove: list[str]
    withdrawn_after: list[str]
    except_: list[str] = Field(alias="except")
    approval: list[str]
    whole_order: list[str]
    line_words: list[str]
    add: list[str]
    reported: list[str]
    reported_add: list[str]
    reported_want: list[str]
    also: list[str]
    fillers: list[str]
    beside: list[str]
    dropped: list[str]
    dropped_opening: list[str]
    forwarder_drop: list[str]
    forwarder_drop_opening: list[str]
    forwarder_told: list[str]
    forwarder_dropped_after: list[str]
    forwarder_drop_number: list[str]
    forwarder_only: list[str]


class _CorrectionsFile(BaseModel):
    corrections: CorrectionWords


@lru_cache(maxsize=1)
def correction_words() -> CorrectionWords:
    """The [corrections] section of parsers/data/corrections.toml."""
    return load_toml(DATA / "corrections.toml", _CorrectionsFile).corrections


ONLY_ONE = r"un\s+seul|une\s+seule|only\s+one|just\s+one"
# Words opening the reason given after a count taken back ('on a de la place que pour un', 'we only have room').
_REASON = r"on|nous|je|j['’]|il|ils|elle|car|parce|vu|we|i|it|they|there|because|as|since"
# A count then who or what it tells of and a verb ('two lads were missed off the list', 'deux gars sont
# partis'): a reason given after a correction, no article.
REMARK = re.compile(
    r"^\s*(?:[^\W\d_]+\s+){1,2}(?:were|was|are|is|have|has|had|will|won't|sont|ont|étaient|était|seront|vont|"
    r"viennent|arrivent|commencent|start|started|joined|left)\b",
    re.I,
)


@lru_cache(maxsize=1)
def correction_patterns() -> dict[str, re.Pattern[str]]:
    words = correction_words()
    qty = rf"(?:{NUMBER}|{quantity_words_pattern()})"
    instead, apology = any_of(words.instead), any_of(words.apology)
    reported, fillers = any_of(words.reported), any_of(words.fillers)
    also, want = any_of(words.also), any_of(words.reported_want)
    return {
        "postscript": re.compile(rf"^\s*(?:{'|'.join(words.postscript)})\s*[:\-–]?\s*", re.I),
        "cancelled": re.compile(
            rf"\d[^()\n]*?(?:\(\s*|[-–—,;:/]\s*|\s)(?:{any_of(words.cancelled)})(?!\w)", re.I
        ),
        "reference": re.compile(
            rf"(?P<new>(?=[\w\-/.]*\d)[^\W_][\w\-/.]{{2,}})\s*,?\s+(?:{instead})\s+(?P<old>(?=[\w\-/.]*\d)[^\W_][\w\-/.]{{2,}})",
            re.I,
        ),
        "cancel_note": re.compile(rf"^\W*(?:{any_of(words.cancelled)})(?!\w)", re.I),
        "inline": re.compile(
            rf"\s*(?:--|[-–—,;(/])\s*(?:(?:{apology})(?!\w)[\s,:!]*)?(?P<new>\d+(?:[.,]\d+)?)\s+(?:{instead})\s+"
            rf"(?P<old>\d+(?:[.,]\d+)?)\s*\)?\s*[.!]?\s*$",
            re.I,
        ),
        # '2 kits distri -> non pardon, un seul, le client a annulé le 2e': the count alone, then a reason;
        # or set apart between dashes, the sentence going on ('2 boxes - actually, make it 4 - and 6 canes')
        # 'deux fûts non pardon un seul fût on a de la place que pour un': typed with no mark, the 'non' before
        # the apology sets the correction apart, and the reason may follow the unit without one.
        "revised": re.compile(
            rf"(?:\s*(?:->|=>|--|[-–—,;(/])\s*(?:(?:non|no|euh)\s*,?\s*)?|\s+(?:non|no)\s*,?\s+)(?:(?:{apology})(?!\w)[\s,:!]*)+"
            rf"(?:(?:plut[ôo]t|only|juste|seulement)\s+)?(?P<new>\d+(?:[.,]\d+)?|{ONLY_ONE}|{quantity_words_pattern()})"
            rf"(?!\w)(?:\s+(?!(?:seulement|only|just|des|of)(?!\w))(?P<unit>[^\W\d_]+\.?))?(?:\s+(?:seulement|only|just)(?!\w))?"
            # '... une penderie non mettez-en deux des penderies, livrez ...': the article named again after it
            rf"(?P<again>\s+(?:des|of\s+the|of\s+those)\s+[^\W\d_][^\d,.;:!?()\n]{{0,40}}?)?"
            rf"\s*(?:[,;.!)]|[-–—](?=\s)|$|(?<=\w)\s(?=(?:{_REASON})\b))",
            re.I,
        ),
        # '1 sac farine t55 25kg non 2': typed with no mark nor apology, a bare 'non' and the count that
        # stands end the line
        "revised_bare": re.compile(r"\s+non\s*,?\s+(?P<new>\d+)(?P<unit>)(?P<again>)\s*[.!]?\s*$", re.I),
        # 'make that 12 cases of the gloves': the unit may come between the count and the name
        "make_that": re.compile(
            # 'make that 3 boxes of the CF410X', 'make that 8 parkas': the name right after the count
            rf"\bmake\s+(?:that|it|those)\s+(?P<new>{qty})\s+(?:(?:(?P<unit>[^\W\d_]+\.?)\s+)?"
            rf"(?:of\s+the|of|for\s+the)\s+)?(?P<what>[^\W\d_][^,.;:\n]{{1,60}})",
            re.I,
        ),
        # 'pour les lavettes bleues mettez-en 8', 'for the 50 mm tape, make it 8': the line named first, then a
        # count said of it by a pronoun
        "for_the": re.compile(
            rf"\b(?:pour|for)\s+(?:les|le|la|l['’]|the|those|these)\s*(?P<what>[^\W\d_][^,.;:\n]{{1,50}}?)\s*,?\s+"
            rf"(?:(?:mettez|prenez|envoyez|livrez|mets|prends)-en|(?:make|put)\s+(?:it|that|them|those))\s+"
            rf"(?P<new>{qty})(?![\w,.]\d|\w)",
            re.I,
        ),
        # 'but only 4 pairs of shoes for now', 'seulement 2 cartons de gants': the count cut, the line named after
        "only": re.compile(
            rf"\b(?:only|just|seulement|juste)\s+(?P<new>{qty})\s+(?:(?P<unit>[^\W\d_]+\.?)\s+(?:of\s+the|of|de|d['’])\s*)?"
            rf"(?P<what>[^\W\d_][^,.;:\n]{{1,60}})",
            re.I,
        ),
        # 'add 2 more boxes of the nitrile L (10004597)', '3 cartons de plus de gants': a count added to a line
        "more": re.compile(
            rf"(?<![\w.,])(?P<new>{qty})\s+(?:more|extra|de plus|en plus)\s+"
            rf"(?:(?P<unit>[^\W\d_]+\.?)\s+(?:of\s+the|of|de|d['’])\s*)?(?P<what>[^\W\d_][^.;:\n]{{1,80}})",
            re.I,
        ),
        # '4 lampes suffisent', '2 boxes will do': the count that stands, the line named between
        "enough": re.compile(
            rf"(?<![\w.,])(?P<new>{qty})\s+(?P<what>[^\W\d_][^,.;:\n]{{1,50}}?)\s+"
            rf"(?:suffisent|suffiront|suffira|suffit|will do|is enough|are enough|will be enough)\b",
            re.I,
        ),
        # 'Finalement 8 éprouvettes', 'sorry, 3 boxes of the gloves': a change of mind, then the count
        # that stands and the line it names
        "changed_mind": re.compile(
            rf"(?<!\w)(?:{apology})(?!\w)[\s,:!]*(?P<new>{qty})\s+(?:(?P<unit>[^\W\d_]+\.?)\s+"
            rf"(?:of\s+the|of|de|d['’])\s*)?(?P<what>[^\W\d_][^,.;:\n]{{1,60}})",
            re.I,
        ),
        # 'make the paper 15 cartons': the line named first, then its count
        "make_the": re.compile(
            # 'make the 50W ones 8': a rating may name them
            rf"\bmake\s+the\s+(?P<what>(?:\d+[^\W\d_]{{1,3}}\s+)?[^\W\d_][^\d,.;:\n]{{1,40}}?)\s+(?P<new>{qty})(?!\w)",
            re.I,
        ),
        # 'passez le scotch noir à 20', 'montez les gants à 30', 'increase the tape to 20': a line's count set
        # anew, asked or passed on ('il m'a demandé de passer les gants à 30')
        "set_to": re.compile(
            # 'on passe les crocus à 2', 'nous montons les gants à 30': said of what we do
            rf"\b(?:(?:(?:pass|mont|port|augment|baiss|ramen)(?:ez|er|ons|e)|mett(?:ez|re)|descend(?:ez|re)|r[ée]dui(?:sez|re))\s+"
            rf"(?:le|la|les|l['’])\s*(?P<what>[^\W\d_][^\d,.;:\n]{{1,40}}?)\s+(?:à|a)|"
            rf"(?:increase|raise|bump|change|reduce|cut|bring|take)\s+the\s+(?P<what_en>[^\W\d_][^\d,.;:\n]{{1,40}}?)"
            rf"\s+(?:up\s+|down\s+)?to|"
            # 'les gants passent à 30', 'the tape goes up to 20', 'the gloves should be 30': the line named first
            rf"(?<![\w'’])(?P<what_after>[^\W\d_][^\d,.;:\n]{{1,40}}?)\s+(?:passent|passe|montent|monte|descendent"
            rf"|go(?:es)?\s+(?:up|down)|should\s+be|must\s+be|doivent\s+être|doit\s+être)\s*(?:à|a|to)?)"
            rf"\s+(?P<new>{qty})(?![\w,.]\d|\w)",
            re.I,
        ),
        # 'finalement pas de bavette', 'en fait plus d'enveloppes C5': the article named is dropped
        "dropped": re.compile(
            rf"\b(?:{any_of(words.dropped)})\s+(?:de\s+|d['’]\s*|du\s+|des\s+|of\s+)?(?P<what>[^\W\d_][^.;,:!?\n]{{2,80}})",
            re.I,
        ),
        # '3 bidons de rinçage au lieu de 1, pas de sel (il en reste), et ...': a clause opening on the
        # article no longer wanted, after the list that ordered it
        "dropped_opening": re.compile(
            rf"(?:^|(?<=[.!?:;,])\s)\s*(?:{any_of(words.dropped_opening)})(?:(?<=['’])|(?!\w))\s*"
            rf"(?P<what>[^\W\d_][^.;,:!?()\n]{{2,60}})",
            re.I,
        ),
        # Both open with a count, looked for in every sentence: tried only where a count may start.
        "instead_of": starting(
            re.compile(
                # a word may carry its size: '4 couronnes d'ICTA 25 au lieu de 3'
                rf"(?P<new>{qty})\s*(?:(?:[^\W\d_][\w'’\-/+]*\.?|\d[\w,.\-/+]*[^\W\d_][\w,.\-/+]*)\s+(?:\d+(?:[.,]\d+)?\s+)?){{0,6}}?"
                rf"\(?\s*(?:au lieu de|à la place de|plut[ôo]t que|instead of|rather than)\s+(?P<old>{qty})",
                re.I,
            )
        ),
        # "only 2 of the batteries, not 3", "15 of the anti-fog glasses, not 10", "12 et non 10", "20 (pas 10)"
        "not_old": starting(
            re.compile(
                # a size's decimal point ends no sentence ('make it 6 rolls of the 4.20 wide one, not 4')
                rf"\b(?P<new>{qty})\b(?:[^.\n]|\.(?=\d)){{0,60}}?(?:,?\s+|\s*\(\s*)(?:not|pas|et non|and not|non pas)\s+"
                rf"(?P<old>{qty})\b",
                re.I,
            )
        ),
        "add": re.compile(
            # at a line's start, inside a sentence, or asked at a sentence's start ('PO attached. Please also
            # add 2 rolls'; a bare 'Ajoutez aussi ...' there is the prose reader's)
            rf"(?:^\s*|(?<=[.!?])\s+(?=(?:please|pls|could|can|pouvez|pourriez|{reported})\b)|[,;:]\s*|\b(?:et|and)\s+)"
            rf"(?:{any_of(words.add + words.beside)}|(?:{reported})\s+(?:(?:{fillers})\s+)*(?:{any_of(words.reported_add)})"
            rf"|(?:{reported})\s+(?:{also})\s+(?:{want})|(?:{reported})\s+(?:{want})\s+(?:{also}))"
            rf"(?!\w)\s*:?\s*"
            rf"(?:(?:{any_of(words.fillers)})(?!\w)\s*)*(?=\d|{quantity_words_pattern()})",
            re.I,
        ),
        "filler_tail": re.compile(rf"(?:[\s,]+(?:{any_of(words.fillers)}))+\s*[.!]?\s*$", re.I),
        # 'n'oubliez pas les gants', 'don't forget the tape' add rather than take out
        "remove": re.compile(
            rf"(?<!n['’])(?<!\bne\s)(?<!don['’]t\s)(?<!\bnot\s)\b(?:{any_of(words.remove)})\s+(?!pas\b|to\b)"
            rf"(?P<what>[^.;\n]{{3,80}})",
            re.I,
        ),
        "withdrawn": re.compile(
            rf"\b(?:pour|for|as\s+for|quant\s+aux?|concernant)\s+(?P<what>[^\W\d_][^,.;:\n]{{2,60}}?)\s*[,:]?\s+"
            rf"(?:{any_of(words.withdrawn_after)})(?!\w)",
            re.I,
        ),
        # '-> les vases 12 L, oubliez', 'the 700x32 tyres, forget it': a sentence opening on the line it names
        # (the article word tells a name from a count), then withdrawing it.
        "withdrawn_opening": re.compile(
            rf"(?:^|(?<=[.!?])\s)[^\w\n]*(?:les|le|la|l['’]|the)\s*(?P<what>[^\W\d_][^.;,:!?()\n]{{1,50}}?)\s*,\s*"
            rf"(?:{any_of(words.withdrawn_after)})(?!\w)",
            re.I | re.M,
        ),
        "except": re.compile(
            rf"\b(?:{any_of(words.whole_order)})\b[^.;\n]{{0,80}}?\b(?:{any_of(words.except_)})\s+(?P<what>[^.;,:(\n]{{3,80}})(?!(?:\([^)\n]*\)|[^.;\n(])*\d)",
            re.I,
        ),
        # 'Sauf les dalles, on en a reçu', 'OK, except the softshells: ...': an exception opening a sentence
        # (after an approval at most) takes out the one line it names of the list below it.
        "except_opening": re.compile(
            rf"(?:^|(?<=[.!?])\s)\W*(?:(?:{any_of(words.approval)})(?!\w)[\s,;:!.\-–]*)?(?:{any_of(words.except_)})\s+"
            rf"(?P<what>[^.;,:(\n]{{3,80}})(?!(?:\([^)\n]*\)|[^.;\n(])*\d)",
            re.I,
        ),
        # 'sorry, make that 30 of each', 'finalement 6 de chaque': one count for every item of the sentence
        "each": re.compile(
            rf"(?:{apology}|mettez(?:-en)?|put)(?!\w)[\s,:!]*(?P<new>{qty})\s+"
            rf"(?:of\s+each|each|de\s+chaque|chacun(?:e)?|pour\s+chacun(?:e)?)(?!\w)",
            re.I,
        ),
        "forwarder_drop": re.compile(
            rf"(?<!\w)(?:{any_of(words.forwarder_drop)})\s*(?P<what>[^\W\d_][^.;,:!?()\n]{{2,60}})", re.I
        ),
        "forwarder_drop_opening": re.compile(
            rf"(?:^|(?<=[.!?:;,])\s|(?<=\())\s*(?:{any_of(words.forwarder_drop_opening)})(?:(?<=['’])|(?!\w))\s*"
            rf"(?P<what>[^\W\d_][^.;,:!?()\n]{{2,60}})",
            re.I,
        ),
        # 'not the 48', 'pas les 48 ports': what follows runs to the clause's end, a figure in it
        "forwarder_drop_number": re.compile(
            rf"(?<!\w)(?:{any_of(words.forwarder_drop_number)})\s+(?P<what>\d[^.;,:!?()\n]{{0,40}})", re.I
        ),
        "forwarder_only": re.compile(
            rf"(?<!\w)(?:{any_of(words.forwarder_only)})\s+(?P<what>[^.;,:!?()\n]{{2,60}})", re.I
        ),
        "forwarder_told": re.compile(rf"(?<!\w)(?:{any_of(words.forwarder_told)})(?!\w)", re.I),
        "forwarder_dropped_after": re.compile(
            rf"(?:^|(?<=[.!?:;])\s)\W*(?:(?:les|le|la|l['’]|the)\s*)?(?P<what>[^\W\d_][^\d.;,:!?()\n]{{1,50}}?)\s*[,:]?\s+"
            rf"(?:{any_of(words.forwarder_dropped_after + words.withdrawn_after)})(?!\w)",
            re.I,
        ),
        "line_number": re.compile(
            rf"^\s*(?:la\s+|the\s+|l['’]\s*)?(?:{any_of(words.line_words)})\s*n?[°o.]?\s*(?P<no>\d{{1,2}})\b",
            re.I,
        ),
    }


# The keys the count readers ask `possible_keys` about: the recounts said of one line
# (parsers/text/corrections.py), a new count beside the one it replaces (parsers/text/count_changes.py).
RECOUNT_KEYS = ("make_that", "make_the", "for_the", "set_to", "only", "enough", "more", "changed_mind")
CHANGE_KEYS = ("instead_of", "not_old")


@lru_cache(maxsize=1)
def readers_sieves() -> tuple[Sieve, ...]:
    """The sieves of the keys the readers ask about, built where the vocabularies are loaded
    (`intake.preload`, before the reading workers are forked): built on first use, each worker
    worked them out again (~0.015 s of CPU)."""
    return tuple(_sieve(keys) for keys in (RECOUNT_KEYS, CHANGE_KEYS))


def possible_keys(keys: tuple[str, ...], text: str) -> list[str]:
    """Those of `keys` whose correction pattern may match `text`, in their order: each sentence
    of a body is looked at, and most hold none of the words a correction is written with."""
    return [key for key, maybe in zip(keys, _sieve(keys).possible(text), strict=True) if maybe]


@lru_cache(maxsize=8)
def _sieve(keys: tuple[str, ...]) -> Sieve:
    patterns = correction_patterns()
    return Sieve.of(patterns[key] for key in keys)
