"""The project's order-entity NER (QTY, UNIT, CODE, DESIGNATION, PRICE, PO, DATE).

A blank French spaCy pipeline with one `ner` component, trained from
parsers/data/ner_train.jsonl by `intake model train` (deterministic: fixed
seeds, one thread), shipped in parsers/models/ner/, loaded once per process.
The text reader uses it for sentences where the rules find no line.
"""

from __future__ import annotations

import json
import random
import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from models import Extracted, ExtractedLine, IntakeError, Provenance

MODEL_DIR = Path(__file__).parents[1] / "models" / "ner"
TRAIN_FILE = Path(__file__).parents[1] / "data" / "ner_train.jsonl"


class ModelError(IntakeError):
    """The NER model or its training data is missing or malformed."""


def read_examples(path: Path = TRAIN_FILE) -> list[dict]:
    """The annotated examples, each checked: entity spans inside the text, known labels."""
    from parsers.ner_corpus import LABELS

    examples = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            item = json.loads(raw)
            text, entities = item["text"], item["entities"]
        except (ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"{path}:{number}: not an example ({exc})") from exc
        for start, end, label in entities:
            if label not in LABELS or not 0 <= start < end <= len(text):
                raise ModelError(f"{path}:{number}: bad entity {start}-{end} {label!r}")
        examples.append(item)
    return examples


def train(examples: list[dict], *, epochs: int = 12, seed: int = 0, held_back: float = 0.2):
    """Train a blank-fr NER on a split of `examples`; returns (nlp, per-label scores on the held-back part)."""
    import spacy
    from spacy.training import Example

    spacy.util.fix_random_seed(seed)
    rng = random.Random(seed)
    shuffled = examples[:]
    rng.shuffle(shuffled)
    cut = int(len(shuffled) * (1 - held_back))
    train_set, test_set = shuffled[:cut], shuffled[cut:]
    nlp = spacy.blank("fr")
    ner = nlp.add_pipe("ner")
    for item in examples:
        for _, _, label in item["entities"]:
            ner.add_label(label)

    def aligned(item) -> bool:
        # An entity must start and end on token boundaries ("16 A." keeps its dot in one token).
        doc = nlp.make_doc(item["text"])
        return all(doc.char_span(s, e, alignment_mode="strict") is not None for s, e, _ in item["entities"])

    def as_examples(items):
        return [
            Example.from_dict(nlp.make_doc(i["text"]), {"entities": [tuple(e) for e in i["entities"]]})
            for i in items
            if aligned(i)
        ]

    train_examples = as_examples(train_set)
    test_examples = as_examples(test_set)
    optimizer = nlp.initialize(lambda: train_examples)
    for _ in range(epochs):
        rng.shuffle(train_examples)
        for batch in spacy.util.minibatch(train_examples, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.2)
    scores = nlp.evaluate(test_examples)
    return nlp, scores.get("ents_per_type", {}), len(train_examples), len(test_examples)


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_DIR):
    """The shipped NER pipeline (loaded once per process)."""
    import spacy

    if not (path / "meta.json").exists():
        raise ModelError(f"{path}: no trained NER model; run `intake model train`")
    return spacy.load(path)


def predict(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, label, text) of each entity the model finds."""
    doc = load_model()(text)
    return [(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]


def lines_from_entities(text: str, *, part: str, start: int) -> list[ExtractedLine]:
    """Order lines from QTY [UNIT] DESIGNATION (or CODE) groups the model finds in a sentence."""
    from parsers.values.numbers import normalise_unit, parse_number, word_quantity

    lines: list[ExtractedLine] = []
    pending: dict[str, tuple[int, int, str]] = {}
    for s, e, label, value in predict(text):
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
