"""The project's order-entity NER (QTY, UNIT, CODE, DESIGNATION, PRICE, PO, DATE).

A blank French spaCy pipeline with one `ner` component, trained from
parsers/training/ner_train.jsonl by `intake model train` (deterministic: fixed
seeds, one thread), shipped in parsers/models/ner/, loaded once per process.
The text reader uses it for sentences where the rules find no line.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from models import Extracted, ExtractedLine, IntakeError, Provenance

MODEL_DIR = Path(__file__).parents[1] / "models" / "ner"


class ModelError(IntakeError):
    """The NER model or its training data is missing or malformed."""


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_DIR):
    """The shipped NER pipeline (loaded once per process)."""
    from parsers.shipped import load_pipeline

    if not (path / "meta.json").exists():
        raise ModelError(f"{path}: no trained NER model; run `intake model train`")
    return load_pipeline(path)


def predict(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, label, text) of each entity the model finds."""
    return _entities(load_model()(text))


def _entities(doc) -> list[tuple[int, int, str, str]]:
    return [(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]


def lines_from_entities(text: str, *, part: str, start: int) -> list[ExtractedLine]:
    """Order lines from QTY [UNIT] DESIGNATION (or CODE) groups the model finds in a sentence."""
    return _grouped(predict(text), text, part=part, start=start)


def lines_from_sentences(sentences: list[tuple[str, int]], *, part: str) -> list[ExtractedLine]:
    """`lines_from_entities` of each (sentence, where it starts), the model asked once for all
    (same entities, about half the cost of asking for each alone)."""
    if not sentences:
        return []
    docs = load_model().pipe([text for text, _ in sentences])
    return [
        line
        for (text, start), doc in zip(sentences, docs, strict=True)
        for line in _grouped(_entities(doc), text, part=part, start=start)
    ]


def _grouped(
    entities: list[tuple[int, int, str, str]], text: str, *, part: str, start: int
) -> list[ExtractedLine]:
    from parsers.values.numbers import parse_number, word_quantity
    from parsers.values.units import normalise_unit

    lines: list[ExtractedLine] = []
    pending: dict[str, tuple[int, int, str]] = {}
    for s, e, label, value in entities:
        if label == "QTY":
            pending = {"QTY": (s, e, value)}
        elif label in {"UNIT", "DESIGNATION", "CODE"} and "QTY" in pending:
            pending[label] = (s, e, value)
            if label in {"DESIGNATION", "CODE"}:
                number = _plausible_quantity(pending, text, parse_number, word_quantity)
                if number:
                    lines.append(_entity_line(pending, number, normalise_unit, part=part, start=start))
                pending = {}
    return lines


def _plausible_quantity(found, sentence: str, parse_number, word_quantity):
    """The quantity of a QTY..DESIGNATION group, or None when the group does not look like a line.

    A worded quantity needs a unit ("trois boîtes de ..."), and a designation is a few words,
    not a clause: the model alone is not trusted on free prose.
    """
    start, end, text = found["QTY"]
    if re.match(r"[-%°./:]", sentence[end : end + 1]) or re.search(
        r"[-./:]$", sentence[max(0, start - 1) : start]
    ):
        return None  # "550-5.1.1", "2.  The", "5 %": numbers that are not quantities
    number = parse_number(text)
    if number is None:
        worded = word_quantity(text)
        if worded is None or "UNIT" not in found:
            return None
        number = worded[0]
    if "DESIGNATION" in found and len(found["DESIGNATION"][2].split()) > 8:
        return None
    return number if number > 0 else None


def _entity_line(found, number, normalise_unit, *, part: str, start: int) -> ExtractedLine:
    def prov(key):
        s, e, _ = found[key]
        return Provenance(part=part, span=(start + s, start + e), rule="ner")

    unit = normalise_unit(found["UNIT"][2]) if "UNIT" in found else None
    first = min(v[0] for v in found.values())
    last = max(v[1] for v in found.values())
    return ExtractedLine(
        line_no=0,
        quantity=Extracted[Decimal](value=number, confidence=0.6, provenance=prov("QTY")),
        unit=Extracted[str](value=unit, confidence=0.6, provenance=prov("UNIT")) if unit else None,
        description=Extracted[str](
            value=found["DESIGNATION"][2], confidence=0.6, provenance=prov("DESIGNATION")
        )
        if "DESIGNATION" in found
        else None,
        code=Extracted[str](value=found["CODE"][2], confidence=0.6, provenance=prov("CODE"))
        if "CODE" in found
        else None,
        provenance=Provenance(part=part, span=(start + first, start + last), rule="ner"),
        confidence=0.6,
    )
