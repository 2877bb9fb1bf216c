"""The requested delivery date of an order's text: among the dates `find_dates` lists, the one a
delivery cue points at ("livraison vendredi 16/10", "pour jeudi", "à livrer le 27", "by Friday")."""

from __future__ import annotations

import datetime as dt
import re

from parsers.values.dates import DateHit, date_words, find_dates
from parsers.vocabulary.phrases import any_of


def delivery_date(text: str, today: dt.date) -> DateHit | None:
    """The requested delivery date: the best-cued date expression, or None.

    Only dates a delivery cue points at count: a strong cue earlier in the same
    sentence ("Livraison souhaitée le ..."), a weak cue right before the date
    ("pour jeudi", "by Friday"), or a relative day word on its own ("demain"); lines
    of the order each dated to come, all the same day ('2 EA toner CF259A 25/11/2026').
    """
    best: tuple[int, DateHit] | None = None
    hits = find_dates(text, today)
    dated = _dated_lines(text, hits, today)
    for hit in hits:
        score = _cue_score(text, hit, today) or (1 if hit.span in dated else 0)
        if score and (best is None or score > best[0]):
            best = (score, hit)
    return best[1] if best else None


def _dated_lines(text: str, hits: list[DateHit], today: dt.date) -> set[tuple[int, int]]:
    """The dates of lines that each count something and carry one date to come, two lines or more, all
    the same day: the delivery asked of the whole order (lines dated apart ask deliveries apart, none
    of them the order's; a past date there is the order's own or an earlier one's)."""
    by_line: dict[int, list[DateHit]] = {}
    for hit in hits:
        by_line.setdefault(text.count("\n", 0, hit.span[0]), []).append(hit)
    lines = text.split("\n")
    dated = [
        found[0]
        for number, found in by_line.items()
        if len(found) == 1
        and found[0].value is not None
        and found[0].value > today
        and not found[0].relative
        and re.search(r"\d", lines[number].replace(found[0].text, ""))
    ]
    if len(dated) < 2 or len({hit.value for hit in dated}) > 1:
        return set()
    return {hit.span for hit in dated}


def _cue_score(text: str, hit: DateHit, today: dt.date) -> int:
    words = date_words()
    start = hit.span[0]
    # A strong cue reaches over a sentence that names the place first ('à livrer sur le chantier de ...
    # (18 rue de la Convention, 69600 Oullins) vendredi').
    window = text[max(0, start - 160) : start]
    window = re.split(r"[.!?]\s|\n|;", window)[-1].lower()
    lowered_hit = hit.text.lower()
    score = 0
    if any(cue in window for cue in words.cues["strong"]) or _labelled_above(text, start, window):
        score = 3
    # A whole word: 'laiton 3/4' is not 'on 3/4'.
    elif re.search(
        rf"(?<!\w)(?:{any_of(words.cues['weak'])})\s+(?:le\s+|la\s+|ce\s+|cette\s+|the\s+|this\s+)?$", window
    ) or _cued_after(text[hit.span[1] : hit.span[1] + 40].lower(), words.cues.get("after", [])):
        score = 2
    elif _stands_alone(hit, lowered_hit, today):
        score = 1
    return score


def _stands_alone(hit: DateHit, lowered_hit: str, today: dt.date) -> bool:
    """A relative day that asks by itself ('demain', 'lundi prochain'), or a week to come alone ('(semaine
    47)'); the week under way is the order's own ('Commande semaine 47')."""
    if hit.relative and re.match(
        r"(?:apr[èe]s[- ])?demain|tomorrow|sous|within|d'ici|d’ici|avant|by|before|(?:en\s+)?fin|end|next"
        r"|\w+\s+prochain",
        lowered_hit,
    ):
        return True
    week = re.match(r"semaine\s+\d|week\s+\d", lowered_hit)
    return week is not None and hit.value is not None and hit.value > today


def _labelled_above(text: str, start: int, window: str) -> bool:
    """'Date de livraison souhaitée' on its own line, the date alone on the next one."""
    if window.strip():
        return False
    above = text[:start].rstrip().rsplit("\n", 1)[-1].strip().lower()
    return (
        len(above) <= 40
        and not re.search(r"\d", above)
        and any(c in above for c in date_words().cues["strong"])
    )


def _cued_after(after: str, cues: list[str]) -> bool:
    """'Thursday if possible', 'vendredi au plus tard': the cue follows the date."""
    return bool(cues) and re.match(rf"\s*,?\s*(?:{any_of(cues)})(?!\w)", after) is not None
