"""`intake model train`: retrain the order-entity NER from the annotated examples."""

from __future__ import annotations

import argparse
import os
import shutil
import time
from pathlib import Path

from parsers.ner import MODEL_DIR, TRAIN_FILE, read_examples, train
from parsers.ner_corpus import LABELS, write_corpus


def register(sub: argparse._SubParsersAction) -> None:
    model = sub.add_parser("model", help="the project's NER model")
    model_sub = model.add_subparsers(dest="model_command", required=True, metavar="ACTION")
    tr = model_sub.add_parser("train", help="retrain from the annotated examples and print P/R/F1 per label")
    tr.add_argument("--data", type=Path, default=TRAIN_FILE, help="annotated examples (JSON lines)")
    tr.add_argument("--out", type=Path, default=MODEL_DIR, help="where to write the pipeline")
    tr.add_argument("--epochs", type=int, default=12)
    tr.add_argument(
        "--regenerate", action="store_true", help="rewrite the examples file from the templates first"
    )
    tr.set_defaults(handler=train_model)


def train_model(args: argparse.Namespace) -> int:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if args.regenerate:
        print(f"wrote {write_corpus(args.data)} examples to {args.data}")
    examples = read_examples(args.data)
    began = time.perf_counter()
    nlp, per_label, n_train, n_test = train(examples, epochs=args.epochs)
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.out)
    print(f"trained on {n_train} examples, scored on {n_test} held back, {time.perf_counter() - began:.1f} s")
    print(f"{'label':<12} {'P':>6} {'R':>6} {'F1':>6}")
    for label in LABELS:
        s = per_label.get(label)
        if s is None:
            print(f"{label:<12} {'-':>6} {'-':>6} {'-':>6}")
            continue
        print(f"{label:<12} {s['p']:>6.1%} {s['r']:>6.1%} {s['f']:>6.1%}")
    print(f"model written to {args.out}")
    return 0
