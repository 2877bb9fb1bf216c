"""Training and scoring the order-entity NER (offline: `intake model train`, `intake model score`).

It learns from the templated examples beside this module (ner_train.jsonl, written by
ner_corpus.py) and from the lines written by hand in fixtures/ner/train.jsonl. The other
hand-written part, fixtures/ner/heldout.jsonl, is for scoring only: training refuses that
file and any example whose text it holds, so a score on it is on sentences never trained on.
"""

from __future__ import annotations

import json
import random
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from parsers.text.ner import ModelError
from parsers.training.ner_corpus import LABELS

TRAIN_FILE = Path(__file__).with_name("ner_train.jsonl")
WRITTEN = Path(__file__).parents[2] / "fixtures" / "ner"
WRITTEN_TRAIN = WRITTEN / "train.jsonl"
HELD_OUT = WRITTEN / "heldout.jsonl"
TRAINING_FILES = (TRAIN_FILE, WRITTEN_TRAIN)


@dataclass(frozen=True)
class Knobs:
    """How a model is trained: chosen by `intake model train --folds 3` on the hand-written
    training lines only (DEVELOPERS.md), never on the held-out score."""

    epochs: int = 30
    dropout: float = 0.2
    seed: int = 0


@dataclass(frozen=True)
class Counts:
    """Entities of one label: found and right, found and wrong, missed (exact span and label)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


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


def training_examples(paths: Sequence[Path] = TRAINING_FILES, held_out: Path = HELD_OUT) -> list[dict]:
    """The examples of `paths`; ModelError when one of them is the held-out file or holds its texts."""
    for path in paths:
        if held_out.exists() and path.resolve() == held_out.resolve():
            raise ModelError(f"{path}: the held-out examples are for scoring only, never for training")
    examples = [item for path in paths for item in read_examples(path)]
    refuse_held_out(examples, held_out)
    return examples


def refuse_held_out(examples: Iterable[dict], held_out: Path = HELD_OUT) -> None:
    """ModelError when a training example is a held-out one (same words, whatever the case or spacing)."""
    if not held_out.exists():
        return
    kept = {_words(item["text"]) for item in read_examples(held_out)}
    leaked = [item["text"] for item in examples if _words(item["text"]) in kept]
    if leaked:
        raise ModelError(
            f"{len(leaked)} training example(s) are held out in {held_out} (first: {leaked[0]!r});"
            " the held-out examples are for scoring only"
        )


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def folds(examples: list[dict], k: int, seed: int = 0) -> list[list[dict]]:
    """The examples dealt into `k` parts after a fixed shuffle: the same parts on every run."""
    shuffled = examples[:]
    random.Random(seed).shuffle(shuffled)
    return [shuffled[i::k] for i in range(k)]


def cross_scores(examples: list[dict], written: list[dict], k: int, knobs: Knobs) -> dict[str, Counts]:
    """Scores summed over `k` trainings, each on `examples` less one part of `written`, scored on that part."""
    total = {label: Counts() for label in LABELS}
    for part in folds(written, k, knobs.seed):
        apart = {_words(item["text"]) for item in part}
        nlp = train([e for e in examples if _words(e["text"]) not in apart], knobs)
        for label, counts in score(nlp, part).items():
            total[label] += counts
    return total


def train(examples: list[dict], knobs: Knobs = Knobs()):
    """A blank-fr pipeline with one NER trained on `examples` (deterministic: fixed seeds)."""
    import spacy
    from spacy.training import Example

    spacy.util.fix_random_seed(knobs.seed)
    rng = random.Random(knobs.seed)
    nlp = spacy.blank("fr")
    ner = nlp.add_pipe("ner")
    for label in LABELS:
        ner.add_label(label)
    # An entity off the token boundaries ('x2', '25x') leaves its tokens unknown, not wrong.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W030\]")
        train_examples = [
            Example.from_dict(nlp.make_doc(i["text"]), {"entities": [tuple(e) for e in i["entities"]]})
            for i in examples
        ]
    optimizer = nlp.initialize(lambda: train_examples)
    for _ in range(knobs.epochs):
        rng.shuffle(train_examples)
        for batch in spacy.util.minibatch(train_examples, size=16):
            nlp.update(batch, sgd=optimizer, drop=knobs.dropout)
    return nlp


def score(nlp, examples: Iterable[dict]) -> dict[str, Counts]:
    """Counts per label of the entities `nlp` finds against the marked ones: exact span and label."""
    items = list(examples)
    counts = {label: Counts() for label in LABELS}
    for item, doc in zip(items, nlp.pipe(i["text"] for i in items), strict=True):
        found = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        marked = {tuple(e) for e in item["entities"]}
        for label in LABELS:
            f = {e for e in found if e[2] == label}
            m = {e for e in marked if e[2] == label}
            counts[label] += Counts(len(f & m), len(f - m), len(m - f))
    return counts


def score_table(counts: dict[str, Counts]) -> list[str]:
    """Lines of a table: P, R, F1 and the number of marked entities per label, then all labels."""
    lines = [f"{'label':<12} {'P':>6} {'R':>6} {'F1':>6} {'marked':>7}"]
    total = Counts()
    for label, c in counts.items():
        total += c
        lines.append(f"{label:<12} {c.precision:>6.1%} {c.recall:>6.1%} {c.f1:>6.1%} {c.tp + c.fn:>7}")
    lines.append(
        f"{'all':<12} {total.precision:>6.1%} {total.recall:>6.1%} {total.f1:>6.1%} {total.tp + total.fn:>7}"
    )
    return lines
