"""Training and scoring the NER: the held-out lines are never trained on, scores are exact spans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from intake.cli import main
from parsers.text import ner
from parsers.training.ner import (
    HELD_OUT,
    TRAIN_FILE,
    WRITTEN_TRAIN,
    Counts,
    folds,
    read_examples,
    score,
    training_examples,
)


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_training_refuses_the_held_out_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ner"
    assert main(["model", "train", "--data", str(HELD_OUT), "--out", str(out), "--epochs", "1"]) == 1
    assert "held-out examples are for scoring only" in capsys.readouterr().err
    assert not out.exists()


def test_training_refuses_a_held_out_line_copied_into_another_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    held = read_examples(HELD_OUT)[4]
    copied = {"text": "  " + held["text"].upper().replace(" ", "  "), "entities": []}
    data = write_jsonl(tmp_path / "mine.jsonl", [*read_examples(WRITTEN_TRAIN)[:5], copied])
    out = tmp_path / "ner"
    assert main(["model", "train", "--data", str(data), "--out", str(out), "--epochs", "1"]) == 1
    err = capsys.readouterr().err
    assert "1 training example(s) are held out" in err and "heldout.jsonl" in err
    assert not out.exists()


def test_the_training_files_hold_none_of_the_held_out_lines() -> None:
    examples = training_examples()
    assert len(examples) == len(read_examples(TRAIN_FILE)) + len(read_examples(WRITTEN_TRAIN))
    assert (len(read_examples(WRITTEN_TRAIN)), len(read_examples(HELD_OUT))) == (340, 170)


def test_folds_deal_every_example_once_and_the_same_way_each_run() -> None:
    examples = [{"text": str(n), "entities": []} for n in range(10)]
    parts = folds(examples, 3)
    assert sorted(int(e["text"]) for part in parts for e in part) == list(range(10))
    assert [len(p) for p in parts] == [4, 3, 3]
    assert parts == folds(examples, 3)


def test_a_score_counts_an_entity_right_only_on_its_exact_span_and_label() -> None:
    nlp = spacy.blank("fr")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "QTY", "pattern": "12"},
            {"label": "UNIT", "pattern": "cartons"},
            {"label": "CODE", "pattern": "AB-12"},
        ]
    )
    examples = [
        # QTY right; UNIT marked wider than found; CODE found where a PO is marked.
        {"text": "12 cartons verts", "entities": [[0, 2, "QTY"], [3, 16, "UNIT"]]},
        {"text": "notre bon AB-12", "entities": [[10, 15, "PO"]]},
    ]
    counts = score(nlp, examples)
    assert (counts["QTY"].tp, counts["QTY"].fp, counts["QTY"].fn) == (1, 0, 0)
    assert (counts["UNIT"].tp, counts["UNIT"].fp, counts["UNIT"].fn) == (0, 1, 1)
    assert (counts["CODE"].fp, counts["PO"].fn) == (1, 1)
    assert counts["QTY"].f1 == 1.0 and counts["UNIT"].f1 == 0.0


@pytest.mark.timeout(300)
def test_a_trained_model_is_written_and_scored_by_the_score_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small = write_jsonl(tmp_path / "small.jsonl", read_examples(WRITTEN_TRAIN)[:60])
    out = tmp_path / "ner"
    assert main(["model", "train", "--data", str(small), "--out", str(out), "--epochs", "2"]) == 0
    assert (out / "meta.json").exists()
    capsys.readouterr()
    assert main(["model", "score", str(HELD_OUT), "--model", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].endswith("on 170 examples of " + str(HELD_OUT) + " (exact span and label)")
    assert [line.split()[0] for line in printed[1:]] == [
        "label",
        "QTY",
        "UNIT",
        "CODE",
        "DESIGNATION",
        "PRICE",
        "PO",
        "DATE",
        "all",
    ]
    assert printed[-1].split()[-1] == str(sum(len(e["entities"]) for e in read_examples(HELD_OUT)))


def test_the_shipped_model_scores_on_the_held_out_lines_as_documented() -> None:
    # DEVELOPERS.md gives 76.1 % over all labels: a retrained model that reads worse fails here.
    counts = score(ner.load_model(), read_examples(HELD_OUT))
    total = sum(counts.values(), Counts())
    assert total.f1 >= 0.76
    assert counts["QTY"].f1 >= 0.89
