"""`intake model train-textcat` trains a pipeline that loads and predicts every kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intake.cli import main
from parsers.classify.textcat import LABELS, load_textcat, predict
from parsers.training.textcat import DATA_FILE


@pytest.mark.timeout(300)
def test_train_textcat_command_writes_a_loadable_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [json.loads(line) for line in DATA_FILE.read_text(encoding="utf-8").splitlines()]
    small = tmp_path / "train.jsonl"
    small.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[::4]), encoding="utf-8")
    out = tmp_path / "textcat"
    assert main(["model", "train-textcat", "--data", str(small), "--out", str(out), "--epochs", "3"]) == 0
    printed = capsys.readouterr().out
    assert "held back" in printed and "rules + textcat" in printed
    scores = predict("Merci de nous livrer 3 cartons", load_textcat(out))
    assert set(scores) == set(LABELS)
