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

HELD_OUT_HINT = "fixtures/ner/heldout.jsonl"


def register(sub: argparse._SubParsersAction) -> None:
    model = sub.add_parser("model", help="train the models Intake ships")
    tasks = model.add_subparsers(dest="task", required=True, metavar="TASK")
    tr = tasks.add_parser(
        "train", help="retrain the NER from the annotated examples (never the held-out ones), print scores"
    )
    tr.add_argument(
        "--data",
        type=Path,
        action="append",
        help="annotated examples (JSON lines), repeatable (default: the templated and the hand-written ones)",
    )
    tr.add_argument("--out", type=Path, help="where to write the pipeline (default: the shipped one)")
    tr.add_argument("--epochs", type=int, help="passes over the examples (default: the chosen number)")
    tr.add_argument("--dropout", type=float, help="dropout while training (default: the chosen rate)")
    tr.add_argument(
        "--folds",
        type=int,
        metavar="K",
        help="cross-validate on the hand-written training lines: K trainings, each scored on the K-th"
        " part it did not train on; prints the summed scores and writes nothing (to choose the knobs)",
    )
    tr.add_argument(
        "--regenerate",
        action="store_true",
        help="rewrite the templated examples file from the templates first",
    )
    tr.set_defaults(handler=train_model)
    sc = tasks.add_parser("score", help="score the NER on annotated examples: P/R/F1 per label, exact spans")
    sc.add_argument("data", type=Path, help="annotated examples (JSON lines)")
    sc.add_argument("--model", type=Path, help="the pipeline to score (default: the shipped one)")
    sc.set_defaults(handler=score_model)
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
    from parsers.training.ner import TRAIN_FILE, TRAINING_FILES, Knobs, train, training_examples
    from parsers.training.ner_corpus import write_corpus

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    paths = args.data or list(TRAINING_FILES)
    if args.regenerate:
        print(f"wrote {write_corpus(TRAIN_FILE)} examples to {TRAIN_FILE}")
    examples = training_examples(paths)
    chosen = {"epochs": args.epochs, "dropout": args.dropout}
    knobs = Knobs(**{name: value for name, value in chosen.items() if value is not None})
    about = f"{len(examples)} examples of {', '.join(map(str, paths))} ({knobs.epochs} epochs, dropout {knobs.dropout})"
    if args.folds:
        return _cross_validate(examples, args.folds, knobs, about)
    began = time.perf_counter()
    nlp = train(examples, knobs)
    print(f"trained on {about}, {time.perf_counter() - began:.1f} s")
    out = args.out or MODEL_DIR
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    print(f"model written to {out}; score it with `intake model score {HELD_OUT_HINT}`")
    return 0


def _cross_validate(examples: list[dict], k: int, knobs, about: str) -> int:
    from parsers.training.ner import WRITTEN_TRAIN, cross_scores, score_table, training_examples

    began = time.perf_counter()
    written = training_examples([WRITTEN_TRAIN])
    scores = cross_scores(examples, written, k, knobs)
    print(
        f"{k} folds of the {len(written)} hand-written training lines, each trained on {about} less its fold:"
    )
    print("\n".join(score_table(scores)))
    print(f"{time.perf_counter() - began:.1f} s")
    return 0


def score_model(args: argparse.Namespace) -> int:
    from parsers.shipped import load_pipeline
    from parsers.text.ner import MODEL_DIR
    from parsers.training.ner import read_examples, score, score_table

    model = args.model or MODEL_DIR
    examples = read_examples(args.data)
    print(f"{model} on {len(examples)} examples of {args.data} (exact span and label)")
    print("\n".join(score_table(score(load_pipeline(model), examples))))
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
