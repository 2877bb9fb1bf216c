"""A reply's own words as requests on the quoted lines: the sentence that points at the thread blanked,
'sauf X' read as 'retirer X', 'except the gloves: just 5' as a count set, a wrapped sentence read as one."""

from __future__ import annotations

import re
from functools import lru_cache

from intake.followups.clause import replaced_in_figures
from models import Provenance
from parsers.text.thread import changes_the_thread, points_to_thread
from parsers.values.numbers import quantity_words_pattern, word_quantity

# "sauf les casques", "except the gloves", "sans la ligne 3": what is left out of the quoted lines. 'sans' or
# 'without' takes a line out through a determiner or a count; before a bare word it is a word of the article's
# name ('5 souris sans fil', 'bins without lid').
_LEFT_OUT_THROUGH = (
    r"(?=\s+(?:(?:les?|la|des|du|un|une|ces?|cette|the|a|an|any|this|these|those|them|it)\b|[ld]['’]|\d))"
)
_EXCEPT = re.compile(
    r"(?:(?:\b[àa]\s+l['’]\s*|\bwith\s+the\s+|\b)exception\s+(?:of|de|du|des|d['’])(?=\s*\w)"
    rf"|\b(?:sauf|except(?:ing|é)?|hormis|[àa] part|apart from)\b|\b(?:without|sans)\b{_LEFT_OUT_THROUGH})",
    re.I,
)
# "mais 8 au lieu de 5", "but 20 of the gloves": the word that opens a change, no request itself.
_BUT = re.compile(r"\b(?:mais|but)\b", re.I)
_ASKS = re.compile(
    r"\b(?:au lieu d|instead of|rather than|plut[ôo]t que|[àa] la place d|make (?:it|that|them)|mett(?:ez|re)|pass(?:ez|er)"
    r"|ajout|rajout|add|en plus|more|extra)\w*|\+\s*\d",
    re.I,
)
_SENTENCE = re.compile(r"[^.!?\n]+")
# A sentence the mail program wrapped: the line breaks inside it, before a word in lower case.
_WRAPPED = re.compile(r"(?<=[^\s.!?:;])\n(?=[a-zà-ÿ])")


def request_spans(own: str, quoted: str, part: str) -> list[Provenance]:
    """The sentences that point at the thread or change it: read as requests, not lines (a sentence
    the mail program wrapped is one, as `as_requests` reads it; a break is one character, offsets kept)."""
    return [
        Provenance(part=part, span=found.span(), rule="thread-request")
        for found in _SENTENCE.finditer(_WRAPPED.sub(" ", own))
        if points_to_thread(found.group(0), quoted) is not None or changes_the_thread(found.group(0))
    ]


def as_requests(own: str, pointer: re.Match[str]) -> str:
    """The sender's text as requests on the quoted lines: the pointer blanked, 'sauf X' read as 'retirer X'."""
    text = own[: pointer.start()] + " " * (pointer.end() - pointer.start()) + own[pointer.end() :]
    return _SENTENCE.sub(_as_request, _WRAPPED.sub(" ", replaced_in_figures(text)))


def _as_request(sentence: re.Match[str]) -> str:
    text = _BUT.sub(" ", sentence.group(0))
    if _ASKS.search(text):
        return _left_out_clauses(text)
    recounted = _recounted().search(text)
    if recounted is not None:  # read as 'le décapant : mettre 2 bidons'
        colon = text.index(":", recounted.start())
        said = word_quantity(recounted["count"])
        count = str(int(said[0])) if said else recounted["count"]
        rest = text[recounted.end("count") :]
        return _EXCEPT.sub(" ", text[:colon]) + f": mettre {count}" + re.sub(r"^\s+seule?s?\b", "", rest)
    return _EXCEPT.sub("retirer", text)


# Where the clause opened by 'sauf' / 'except' ends: 'sauf le ruban, et mettez ...', 'except the salmon - ...'.
_CLAUSE_END = re.compile(r"[,;(]|\s[-–]\s|\s(?:et|and)\s", re.I)


def _left_out_clauses(text: str) -> str:
    """'sauf le ruban, et mettez 30 coudes au lieu de 20', 'except the salmon - we'll leave it - and make
    ...': the line named alone in its clause is left out, the clause set apart for the diff to read alone;
    a clause that counts or asks ('sauf les 41 : mettez-en 8') is the change of that line."""
    out, last = [], 0
    for found in _EXCEPT.finditer(text):
        if found.start() < last:
            continue
        end = found.end() + len(_CLAUSE_END.split(text[found.end() :])[0])
        if _counts_or_asks(text[found.end() : end]):
            out.append(text[last : found.start()] + " ")
            last = found.end()
        else:
            out.append(text[last : found.start()] + ". retirer" + text[found.end() : end] + ".")
            last = end
    return "".join(out) + text[last:]


def _counts_or_asks(clause: str) -> bool:
    return bool(re.search(r"\d", clause) or _ASKS.search(clause))


@lru_cache(maxsize=1)
def _recounted() -> re.Pattern[str]:
    """'sauf le décapant : 2 bidons suffiront', 'sauf les œufs : un seul colis', 'except the gloves: just 5':
    the line named keeps another count, it is not taken out."""
    count = rf"(?P<count>\d+|{quantity_words_pattern()})"
    return re.compile(
        rf"{_EXCEPT.pattern}[^:\n]{{1,60}}:\s*(?:(?:only|just|seulement|juste)\s+)?{count}\b", re.I
    )
