"""The shipped NER model and its training data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parsers.text import ner
from parsers.training.ner import read_examples
from parsers.training.ner_corpus import LABELS, build_corpus, parse_marks


@pytest.fixture(scope="session")
def model():
    return ner.load_model()


def test_model_finds_quantity_unit_designation(model) -> None:
    del model
    lines = ner.lines_from_entities(
        "Could you send us 3 boxes of nitrile gloves size 9 by Friday?", part="body", start=10
    )
    assert [(str(ln.quantity.value), ln.unit.value) for ln in lines] == [("3", "boite")]
    assert ln_span_text(lines[0], "Could you send us 3 boxes of nitrile gloves size 9 by Friday?", 10) == "3"


def ln_span_text(line, text: str, start: int) -> str:
    s, e = line.quantity.provenance.span
    return text[s - start : e - start]


def test_model_leaves_a_phone_number_alone(model) -> None:
    del model
    assert ner.lines_from_entities("Merci de me rappeler au 05 56 12 34 78.", part="body", start=0) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "550-5.1.1 The email account that you tried to reach does not exist",
        "2.  The 'To' header has an error",
    ],
    ids=["smtp-code", "numbered-clause"],
)
def test_model_lines_skip_numbers_that_are_not_quantities(model, sentence: str) -> None:
    del model
    assert ner.lines_from_entities(sentence, part="body", start=0) == []


def test_sentences_asked_together_give_the_lines_of_each_alone(model) -> None:
    del model
    sentences = [
        ("Could you send us 3 boxes of nitrile gloves size 9 by Friday?", 0),
        ("Merci de me rappeler au 05 56 12 34 78.", 63),
        ("Il nous faudrait aussi 12 cartons de gobelets kraft 25 cl et 4 rouleaux d'essuie-tout.", 104),
        ("2.  The 'To' header has an error", 192),
    ]
    alone = [
        ln for text, start in sentences for ln in ner.lines_from_entities(text, part="body", start=start)
    ]
    assert len(alone) >= 2
    assert ner.lines_from_sentences(sentences, part="body") == alone


def test_shipped_training_file_is_valid() -> None:
    examples = read_examples()
    assert len(examples) >= 300
    assert {label for e in examples for _, _, label in e["entities"]} == set(LABELS)


def test_corpus_is_deterministic() -> None:
    assert build_corpus(size=60) == build_corpus(size=60)


def test_parse_marks_offsets() -> None:
    text, entities = parse_marks("[2|QTY] [cartons|UNIT] de [gobelets|DESIGNATION]")
    assert text == "2 cartons de gobelets"
    assert [text[s:e] for s, e, _ in entities] == ["2", "cartons", "gobelets"]


def test_bad_training_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"text": "ab", "entities": [[0, 5, "QTY"]]}) + "\n", encoding="utf-8")
    with pytest.raises(ner.ModelError, match=r"bad\.jsonl:1"):
        read_examples(path)
