"""Training the order-entity NER (offline: `intake model train`), from ner_train.jsonl beside this module."""

from __future__ import annotations

import json
import random
from pathlib import Path

from parsers.text.ner import ModelError
from parsers.training.ner_corpus import LABELS

TRAIN_FILE = Path(__file__).with_name("ner_train.jsonl")


def read_examples(path: Path = TRAIN_FILE) -> list[dict]:
    """The annotated examples, each checked: entity spans inside the text, known labels."""
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
