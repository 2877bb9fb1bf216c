"""Words the message writes once for all its lines: the vehicle an order is for ('Order for the
Transit Custom fleet:' above 'front brake pads, Bosch - 3 sets'), the site, the model.

Among near twins a line's own words cannot tell apart, the one whose telling words (those the
other close candidates lack) the message writes elsewhere is the article meant. It is put first
without a lead of its own: the line still goes to a clerk, with that article proposed.
"""

from __future__ import annotations

import re

from matchers.designation import Scored
from matchers.designation_index import DesignationIndex
from matchers.normalize import Wording, read_wording
from models import ExtractedLine, ParsedMessage

CLOSE = 0.1  # candidates within this of the best are near twins the words did not tell apart


def message_words(parsed: ParsedMessage, lines: list[ExtractedLine]) -> frozenset[str]:
    """The words of the subject and of the body's rows that no line was read from, as designations
    are compared: another line's words ('filtre habitacle charbon actif Clio 4' above 'filtre
    habitacle simple 208') say nothing of this one's."""
    rows = _unread_rows(parsed.text or "", [span for line in lines for span in _spans(line)])
    return frozenset(read_wording(" ".join([parsed.subject or "", *rows])).words)


def thread_words(parsed: ParsedMessage, lines: list[ExtractedLine]) -> list[frozenset[str]]:
    """For each line, the words of the quoted thread's rows no line was read from that name its
    article: our offer or the order answered ('Genouillères gel coque : 16,90 € HT la paire' under
    'deux paires de genouillères'). A question's row offers choices ('la 30 % ou la légère 15 % ?'),
    it names none; a row naming other goods ('Tomates pelées boîte 5/1') says nothing of this one."""
    spans = [
        p.span
        for line in lines
        for p in (line.provenance, *(v.provenance for v in (line.code, line.description, line.quantity) if v))
        if p is not None and p.span is not None and p.part == "quoted"
    ]
    rows = [row for row in _unread_rows(parsed.quoted or "", spans) if "?" not in row]
    return [frozenset(read_wording(" ".join(_naming(rows, line))).words) for line in lines]


def answer_rows(parsed: ParsedMessage, lines: list[ExtractedLine]) -> list[str]:
    """For each line, the body's rows no line was read from that write a word of its name: the
    customer's answer about it ('Et la crème en carton de 6' over the quoted '4 cartons crème liquide')."""
    rows = _unread_rows(parsed.text or "", [span for line in lines for span in _spans(line)])
    return [" ".join(_naming(rows, line)) for line in lines]


def _naming(rows: list[str], line: ExtractedLine) -> list[str]:
    """The rows that write a word of the line's name."""
    named = set(read_wording(line.description.value).words) if line.description else set()
    return [row for row in rows if row.strip() and set(read_wording(row).words) & named]


def _unread_rows(text: str, spans: list[tuple[int, int]]) -> list[str]:
    rows, at = [], 0
    for row in text.split("\n"):
        end = at + len(row)
        if not any(start < end and at < stop for start, stop in spans):
            rows.append(row)
        at = end + 1
    return rows


def line_headings(parsed: ParsedMessage, lines: list[ExtractedLine]) -> list[frozenset[str]]:
    """Each line's heading, as designations are compared: the nearest row above it that is no line's
    ('Clio 4 1.5 dCi' above its 'plaquettes avant' and 'filtre à air', 'Master III' above its own):
    a message ordering for several vehicles, sites or models names each once, above its lines."""
    text = parsed.text or ""
    spans = [_spans(line) for line in lines]
    taken = [s for found in spans for s in found]
    rows, at = [], 0
    for row in text.split("\n"):
        rows.append((at, at + len(row), row))
        at += len(row) + 1
    headings = []
    for found in spans:
        start = min((s for s, _ in found), default=None)
        above = [
            row
            for begin, end, row in rows
            if start is not None
            and end <= start
            and row.strip()
            and not any(s < end and begin < e for s, e in taken)
        ]
        headings.append(frozenset(read_wording(above[-1]).words) if above else frozenset())
    return headings


# The end of a sentence before a clause, or the words that ask ('il nous faudrait des', 'we need the').
_SENTENCE_END = re.compile(r"[.!?;]\s+")
# A clause introducing a list of counted colours: its last words before the colon name the article, past
# the words that ask for it ('il nous faudrait des', 'we need some', 'please send the').
_LEAD_WORDS = 8
# A colon, or an arrow pointing at the items ('Ducato III 2.3 JTD -> pl. AV TRW x1, pl. AR TRW x1').
_CLOSES_LEAD = re.compile(r":|(?<=\s)(?:-+>|=+>|→)(?=\s)")
_LINKS = re.compile(r"\b(?:et|and|puis|plus|ainsi que)\b", re.I)
_ASKING = re.compile(
    r"\b(?:faut|faudrait|besoin\s+d[e']|voudrions|voudrais|souhaitons|commander|envoyer|prendre|need|needs"
    r"|want|like|order|send|supply|take)\b\s*(?:(?:des|du|de\s+la|de\s+l'|d'|les|le|la|the|some|us|me)\s+)*",
    re.I,
)


def lead_clauses(parsed: ParsedMessage, lines: list[ExtractedLine]) -> list[str]:
    """Each line's clause written before it on its own row and closed by a colon, when no line was read
    from it: 'des marqueurs Edding 360 pour tableau blanc' in '... il nous faudrait des marqueurs Edding
    360 pour tableau blanc : 6 boîtes de noirs, 4 de bleus'; '' when none."""
    text = parsed.text or ""
    spans = [_spans(line) for line in lines]
    taken = [s for found in spans for s in found]
    clauses = []
    for found in spans:
        start = min((s for s, _ in found), default=None)
        if start is None:
            clauses.append("")
            continue
        row = text[text.rfind("\n", 0, start) + 1 : start]
        begin = start - len(row)
        closes = [m.start() for m in _CLOSES_LEAD.finditer(row)]
        colon = closes[-1] if closes else -1
        head = row[: colon if colon >= 0 else 0]
        sentence = list(_SENTENCE_END.finditer(head))
        at = sentence[-1].end() if sentence else 0
        # Between the colon and the line, only the lines listed before it ('6 boîtes de noirs, ') and their
        # links: 'J'en profite : pouvez-vous nous envoyer 5 couronnes de fil 2,5 bleu, 5 de rouge' leads none.
        listed = _blanked(text, begin, start, taken)[colon + 1 :].lstrip("-=>→") if colon >= 0 else ""
        if (
            colon < 0
            or _SENTENCE_END.search(listed)
            or _LINKS.sub(" ", listed).strip(" ,")
            or any(s < begin + colon and begin + at < e for s, e in taken)
        ):
            clauses.append("")
            continue
        clause = head[at:]
        asked = list(_ASKING.finditer(clause))
        clauses.append(" ".join(clause[asked[-1].end() if asked else 0 :].split()[-_LEAD_WORDS:]))
    return clauses


def line_rows(parsed: ParsedMessage, lines: list[ExtractedLine]) -> list[str]:
    """Each line's rows of the body as written ('40 boîtes placo 1 poste prof. 40' where the designation
    read is 'placo 1 poste prof'): the numbers a reader set aside still say sizes. What other lines were
    read from in the same row ('two cartons of crushed tomatoes 5/1, two tubs of vanilla ice cream') and
    the line's own count are blanked: their numbers say nothing of this line's size."""
    text = parsed.text or ""
    spans = [_spans(line) for line in lines]
    rows = []
    for own, line in zip(spans, lines, strict=True):
        others = [
            s for found in spans if found is not own for s in found if not any(_overlap(s, o) for o in own)
        ]
        counted = line.quantity.provenance if line.quantity and line.quantity.provenance else None
        if counted is not None and counted.span is not None and counted.part not in ("quoted", "subject"):
            others.append(counted.span)
        found = [(text.rfind("\n", 0, start) + 1, text.find("\n", stop)) for start, stop in own]
        whole = dict.fromkeys(
            _blanked(text, start, stop if stop >= 0 else len(text), others) for start, stop in found
        )
        rows.append(" ".join(whole))
    return rows


def _overlap(one: tuple[int, int], other: tuple[int, int]) -> bool:
    return one[0] < other[1] and other[0] < one[1]


def _blanked(text: str, start: int, stop: int, spans: list[tuple[int, int]]) -> str:
    """`text[start:stop]` with every one of `spans` inside it put out as spaces."""
    chars = list(text[start:stop])
    for begin, end in spans:
        for at in range(max(begin, start), min(end, stop)):
            chars[at - start] = " "
    return "".join(chars)


def _spans(line: ExtractedLine) -> list[tuple[int, int]]:
    """Where in the body a line was read from (never the quoted part nor the subject)."""
    return [
        p.span
        for p in (line.provenance, *(v.provenance for v in (line.code, line.description, line.quantity) if v))
        if p is not None and p.span is not None and p.part not in ("quoted", "subject")
    ]


def named_by_context(
    scored: list[Scored], query: Wording, context: frozenset[str], names: DesignationIndex
) -> Scored | None:
    """The one close candidate whose telling words the message writes outside the line, else None."""
    if not context or len(scored) < 2:
        return None
    close = [s for s in scored if scored[0].score - s.score < CLOSE]
    if len(close) < 2:
        return None
    words = {s.position: set(names.wordings[s.position].words) for s in close}
    shared = set.intersection(*words.values())
    said = set(query.words)
    named = [s for s in close if (words[s.position] - shared - said) & context]
    return named[0] if len(named) == 1 else None
