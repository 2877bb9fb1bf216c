"""`intake model train-textcat`: retrain the message-kind classifier shipped in parsers/models/."""

from __future__ import annotations

import argparse
from pathlib import Path

from parsers.textcat import DATA_FILE, MODEL_DIR, train_and_save


def register(sub: argparse._SubParsersAction) -> None:
    model = sub.add_parser("model", help="train the models Intake ships")
    tasks = model.add_subparsers(dest="task", required=True, metavar="TASK")
    train = tasks.add_parser(
        "train-textcat", help="train the message-kind classifier, print held-back scores"
    )
    train.add_argument(
        "--data", type=Path, default=DATA_FILE, help="annotated examples (JSONL: text, label, group)"
    )
    train.add_argument("--out", type=Path, default=MODEL_DIR, help="where to save the trained pipeline")
    train.add_argument("--epochs", type=int, default=20, help="passes over the examples")
    train.set_defaults(handler=train_textcat_command)


def train_textcat_command(args: argparse.Namespace) -> int:
    train_and_save(data=args.data, out=args.out, epochs=args.epochs)
    return 0
