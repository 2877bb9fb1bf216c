"""Training the follow-up kind model (offline: `intake model train-followup`).

The examples (followup_train.jsonl, written by followup_data.py) are turned into
messages and read as the pipeline reads them (subject and the sender's own text,
the quoted order under a reply left out). Whole template groups are held back, a
seeded fifth of each kind's, so the accuracy printed is on wordings never trained on.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from spacy.language import Language

from parsers.classify.followup import followup_sign, followup_text
from parsers.classify.followup_model import LABELS, MODEL_DIR, load_followup_model
from parsers.classify.signals import classify
from parsers.classify.textcat import best_label
from parsers.mail.mime import parse_message
from parsers.training.jsonl import read_labelled
from parsers.training.textcat import split_held_back, train_textcat

DATA_FILE = Path(__file__).with_name("followup_train.jsonl")
HELD_SHARE = 0.2
SEED = 18
READERS = ("model", "rules", "rules + model")
# Words alone (a bag of single words): on templates it never saw it does better than spaCy's
# default ensemble, which learns each template's wording by heart (68% against 37% alone).
BAG_OF_WORDS = {
    "@architectures": "spacy.TextCatBOW.v3",
    "exclusive_classes": True,
    "ngram_size": 1,
    "no_output_layer": False,
    "length": 65536,
}


@dataclass(frozen=True)
class KindAccuracy:
    kind: str
    support: int
    right: dict[str, int]  # per reader (READERS)


def load_examples(path: Path = DATA_FILE) -> list[dict]:
    """The examples, each read as a message (`input`: what the classifier sees, `is_order`)."""
    rows = []
    for number, row in read_labelled(path, LABELS):
        parsed = parse_message(_mail(row, number))
        parsed.classification = classify(parsed)
        rows.append({**row, "parsed": parsed, "input": followup_text(parsed)})
    return rows


def _mail(row: dict, number: int) -> bytes:
    mail = EmailMessage()
    mail["From"] = "achats@client.example"
    mail["To"] = "commandes@fournisseur.example"
    mail["Subject"] = row.get("subject", "")
    mail["Date"] = "Tue, 24 Nov 2026 10:00:00 +0100"
    mail["Message-ID"] = f"<example-{number}@client.example>"
    if row.get("thread"):
        mail["In-Reply-To"] = mail["References"] = "<order@client.example>"
    mail.set_content(row["text"])
    return bytes(mail)


def split(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """(train, held back): a seeded fifth of each kind's template groups held back."""
    return split_held_back(rows, share=HELD_SHARE, seed=SEED, labels=LABELS)


def train(rows: list[dict], *, epochs: int = 20) -> Language:
    return train_textcat(rows, epochs=epochs, labels=LABELS, text="input", model=dict(BAG_OF_WORDS))


def accuracy(nlp: Language, rows: list[dict]) -> list[KindAccuracy]:
    """Per kind, how many the model alone, the rules alone and both together read right."""
    out = {label: KindAccuracy(label, 0, dict.fromkeys(READERS, 0)) for label in LABELS}
    for row in rows:
        parsed = row["parsed"]
        is_order = parsed.classification.is_order
        said = {
            "model": best_label(nlp(row["input"][:2000]).cats),
            "rules": followup_sign(parsed, is_order=is_order, use_model=False).kind.value,
            "rules + model": followup_sign(parsed, is_order=is_order, nlp=nlp).kind.value,
        }
        entry = out[row["label"]]
        out[row["label"]] = KindAccuracy(
            entry.kind,
            entry.support + 1,
            {r: entry.right[r] + (said[r] == row["label"]) for r in READERS},
        )
    return list(out.values())


def print_accuracy(scores: list[KindAccuracy]) -> None:
    print(f"{'kind':<18} {'n':>4} " + " ".join(f"{r:>14}" for r in READERS))
    for s in [*scores, _total(scores)]:
        cells = " ".join(f"{s.right[r] / s.support if s.support else 0:>14.0%}" for r in READERS)
        print(f"{s.kind:<18} {s.support:>4} {cells}")


def _total(scores: list[KindAccuracy]) -> KindAccuracy:
    return KindAccuracy(
        "all", sum(s.support for s in scores), {r: sum(s.right[r] for s in scores) for r in READERS}
    )


def train_and_save(*, data: Path = DATA_FILE, out: Path = MODEL_DIR, epochs: int = 20) -> None:
    """Fit on the training part, print the held-back accuracy, then save a model fitted on all."""
    rows = load_examples(data)
    fitted, held = split(rows)
    nlp = train(fitted, epochs=epochs)
    print(f"train {len(fitted)}  held back {len(held)} (accuracy per kind on the held-back part)")
    print_accuracy(accuracy(nlp, held))
    final = train(rows, epochs=epochs)
    out.mkdir(parents=True, exist_ok=True)
    final.to_disk(out)
    load_followup_model.cache_clear()
    print(f"saved (trained on all {len(rows)} examples) -> {out}")


def held_back_report(*, data: Path = DATA_FILE, epochs: int = 20) -> list[KindAccuracy]:
    """The held-back accuracy of a model fitted on the training part only (the shipped one saw all)."""
    rows = load_examples(data)
    fitted, held = split(rows)
    return accuracy(train(fitted, epochs=epochs), held)


if __name__ == "__main__":
    train_and_save()
    sys.exit(0)
