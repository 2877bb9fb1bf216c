"""Training the message-kind textcat (offline: `intake model train-textcat`).

Retrains it from textcat_train.jsonl beside this module (groups of examples
written from one template are held back together, so the scores it prints are
on wordings it has not seen).
"""

from __future__ import annotations

import copy
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline.textcat import DEFAULT_SINGLE_TEXTCAT_MODEL
from spacy.training import Example

from models import ParsedMessage
from parsers.classify.signals import classify
from parsers.classify.textcat import LABELS, MODEL_DIR, best_label, load_textcat
from parsers.training.jsonl import read_labelled

DATA_FILE = Path(__file__).with_name("textcat_train.jsonl")


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 of one label on held-back examples."""

    label: str
    precision: float
    recall: float
    f1: float
    support: int


def load_examples(path: Path = DATA_FILE) -> list[dict]:
    """The annotated examples; ConfigError names the line that is wrong."""
    return [row for _, row in read_labelled(path, LABELS)]


def split_held_back(
    rows: list[dict], share: float = 0.2, seed: int = 13, labels: list[str] = LABELS
) -> tuple[list[dict], list[dict]]:
    """(train, held back): whole template groups are held back, a share of each label's groups."""
    rng = random.Random(seed)
    held: set[str] = set()
    for label in labels:
        groups = sorted({r.get("group", r["text"]) for r in rows if r["label"] == label})
        rng.shuffle(groups)
        held.update(groups[: max(1, round(len(groups) * share))] if len(groups) > 2 else [])
    train = [r for r in rows if r.get("group", r["text"]) not in held]
    return train, [r for r in rows if r.get("group", r["text"]) in held]


def train_textcat(
    rows: list[dict],
    *,
    epochs: int = 20,
    seed: int = 1,
    labels: list[str] = LABELS,
    text: str = "text",
    model: dict | None = None,
) -> Language:
    """A blank French pipeline with a textcat over `labels` (the message kinds), read from row[text]."""
    spacy.util.fix_random_seed(seed)
    nlp = spacy.blank("fr")
    textcat = nlp.add_pipe("textcat", config={"model": model or _small_model()})
    for label in labels:
        textcat.add_label(label)
    examples = [_example(nlp, row[text], row["label"], labels) for row in rows]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        for batch in spacy.util.minibatch(examples, size=8):
            nlp.update(batch, sgd=optimizer, drop=0.2)
    return nlp


def _small_model() -> dict:
    """spaCy's default textcat (bag of words + tok2vec), with hash tables sized for a small package."""
    model = copy.deepcopy(DEFAULT_SINGLE_TEXTCAT_MODEL)
    model["linear_model"]["length"] = 16384
    model["tok2vec"]["embed"]["rows"] = [1000, 1000, 250, 500, 250]
    return model


def _example(nlp: Language, text: str, label: str, labels: list[str]) -> Example:
    cats = {name: float(name == label) for name in labels}
    return Example.from_dict(nlp.make_doc(text), {"cats": cats})


def evaluate(nlp: Language, rows: list[dict]) -> list[Scores]:
    """Per-label precision, recall and F1 of `nlp` on `rows`."""
    return label_scores([best_label(nlp(row["text"]).cats) for row in rows], rows)


def label_scores(predicted: list[str], rows: list[dict], labels: list[str] = LABELS) -> list[Scores]:
    """Per-label precision, recall and F1 of predicted labels against the rows' labels."""
    out = []
    for label in labels:
        tp = sum(p == label == r["label"] for p, r in zip(predicted, rows, strict=True))
        n_pred = predicted.count(label)
        n_true = sum(r["label"] == label for r in rows)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_true if n_true else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out.append(Scores(label, precision, recall, f1, n_true))
    return out


def train_and_save(*, data: Path = DATA_FILE, out: Path = MODEL_DIR, epochs: int = 20) -> None:
    """Fit on the training split, print held-back scores, then save a model fitted on everything."""
    rows = load_examples(data)
    train, held = split_held_back(rows)
    nlp = train_textcat(train, epochs=epochs)
    print(f"train {len(train)}  held back {len(held)}")
    print(f"{'label':<15} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}")
    for s in evaluate(nlp, held):
        print(f"{s.label:<15} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f} {s.support:4d}")
    _print_combined(nlp, held)
    final = train_textcat(rows, epochs=epochs)
    out.mkdir(parents=True, exist_ok=True)
    final.to_disk(out)
    load_textcat.cache_clear()
    print(f"saved (trained on all {len(rows)} examples) -> {out}")


def main(argv: list[str]) -> int:
    """`train`: see train_and_save."""
    if argv[:1] != ["train"]:
        print("usage: python -m parsers.training.textcat train", file=sys.stderr)
        return 2
    train_and_save()
    return 0


def _print_combined(nlp: Language, held: list[dict]) -> None:
    """The whole classifier (rules + this model) on the same held-back texts."""
    predicted = [
        classify(ParsedMessage(message_id="<eval>", text=r["text"]), nlp=nlp).kind.value for r in held
    ]
    scores = label_scores(predicted, held)
    order_right = sum((p == "order") == (r["label"] == "order") for p, r in zip(predicted, held, strict=True))
    print(f"rules + textcat: macro F1 {sum(s.f1 for s in scores) / len(scores):.2f}, ", end="")
    print(f"order / not order right {order_right}/{len(held)}")
    for s in scores:
        print(f"{s.label:<15} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f} {s.support:4d}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
