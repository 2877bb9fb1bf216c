"""`intake model train` (the order-entity NER), `intake model train-textcat` (the message-kind
classifier) and `intake model train-followup` (the follow-up kinds): retrain the models Intake
ships, print held-back scores.

spaCy and the training code are imported by the handlers, so `intake --help` stays quick."""

from __future__ import annotations

import argparse
import os
import shutil
import time
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    model = sub.add_parser("model", help="train the models Intake ships")
    tasks = model.add_subparsers(dest="task", required=True, metavar="TASK")
    tr = tasks.add_parser("train", help="retrain the NER from the annotated examples, print P/R/F1 per label")
    tr.add_argument("--data", type=Path, help="annotated examples (JSON lines; default: the shipped ones)")
    tr.add_argument("--out", type=Path, help="where to write the pipeline (default: the shipped one)")
    tr.add_argument("--epochs", type=int, default=12)
    tr.add_argument(
        "--regenerate", action="store_true", help="rewrite the examples file from the templates first"
    )
    tr.set_defaults(handler=train_model)
    tc = tasks.add_parser("train-textcat", help="train the message-kind classifier, print held-back scores")
    tc.add_argument(
        "--data", type=Path, help="annotated examples (JSONL: text, label, group; default: the shipped ones)"
    )
    tc.add_argument("--out", type=Path, help="where to save the trained pipeline (default: the shipped one)")
    tc.add_argument("--epochs", type=int, default=20, help="passes over the examples")
    tc.set_defaults(handler=train_textcat_command)
    fu = tasks.add_parser(
        "train-followup", help="train the follow-up kind model, print the held-back accuracy per kind"
    )
    fu.add_argument("--data", type=Path, help="examples (JSONL: subject, text, thread, label, group)")
    fu.add_argument("--out", type=Path, help="where to save the trained pipeline (default: the shipped one)")
    fu.add_argument("--epochs", type=int, default=20, help="passes over the examples")
    fu.add_argument(
        "--held-back", action="store_true", help="only print the held-back accuracy, save nothing"
    )
    fu.set_defaults(handler=train_followup_command)


def train_model(args: argparse.Namespace) -> int:
    from parsers.text.ner import MODEL_DIR
    from parsers.training.ner import TRAIN_FILE, read_examples, train
    from parsers.training.ner_corpus import LABELS, write_corpus

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    data, out = args.data or TRAIN_FILE, args.out or MODEL_DIR
    if args.regenerate:
        print(f"wrote {write_corpus(data)} examples to {data}")
    examples = read_examples(data)
    began = time.perf_counter()
    nlp, per_label, n_train, n_test = train(examples, epochs=args.epochs)
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    print(f"trained on {n_train} examples, scored on {n_test} held back, {time.perf_counter() - began:.1f} s")
    print(f"{'label':<12} {'P':>6} {'R':>6} {'F1':>6}")
    for label in LABELS:
        s = per_label.get(label)
        if s is None:
            print(f"{label:<12} {'-':>6} {'-':>6} {'-':>6}")
            continue
        print(f"{label:<12} {s['p']:>6.1%} {s['r']:>6.1%} {s['f']:>6.1%}")
    print(f"model written to {out}")
    return 0


def train_textcat_command(args: argparse.Namespace) -> int:
    from parsers.classify.textcat import MODEL_DIR
    from parsers.training.textcat import DATA_FILE, train_and_save

    train_and_save(data=args.data or DATA_FILE, out=args.out or MODEL_DIR, epochs=args.epochs)
    return 0


def train_followup_command(args: argparse.Namespace) -> int:
    from parsers.classify.followup_model import MODEL_DIR
    from parsers.training.followup import DATA_FILE, held_back_report, print_accuracy, train_and_save

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    data = args.data or DATA_FILE
    if args.held_back:
        print_accuracy(held_back_report(data=data, epochs=args.epochs))
        return 0
    train_and_save(data=data, out=args.out or MODEL_DIR, epochs=args.epochs)
    return 0
