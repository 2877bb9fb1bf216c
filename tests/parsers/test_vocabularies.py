"""The data files behind replies and classification are validated when they are loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import ConfigError
from parsers.classify.signals import VOCABULARY_FILE, load_vocabulary
from parsers.mail.markers import MARKERS_FILE, load_markers
from parsers.training.textcat import load_examples


def test_shipped_files_load() -> None:
    assert load_markers(MARKERS_FILE).forward_subject.match("TR : commande")
    assert set(load_vocabulary(VOCABULARY_FILE)) == {"subject", "text"}


@pytest.mark.parametrize(
    ("line", "holds_quantity"),
    [
        ("Gants cuir taille 8 : 10 paires", True),
        ("1 couronne H05VV-F 3G2,5 noir", True),
        ("Toner Canon 054 black                   4  EA", True),
        ("Huile de friture : 2 bidons", True),
        ("- 3 barquettes de jambon blanc", True),
        ("Ciment gris 25 kg : 3 sacs", True),
        ("3 sacs de ciment", True),
        ("Câble souple ........ 50 m", True),
        ("417228       Tube LED 150 4000K", False),
        ("Disjoncteur DX6 2P 32A", False),
        ("Copy paper A4 80 g", False),
        ("Lever arch file 80 mm blue", False),
    ],
)
def test_quantity_lines_take_their_unit_words_from_the_one_unit_table(
    line: str, holds_quantity: bool
) -> None:
    assert bool(load_markers().quantity.search(line)) is holds_quantity


@pytest.mark.parametrize(
    ("replace", "by", "key"),
    [
        ("sign_off = [", "sign_off = 3\nsign_off_old = [", "sign_off"),
        ("'^--\\s*$',", "'^--(\\s*$',", "signature_rule"),
        ("forward_subject = ", "forward_subject_x = ", "forward_subject"),
    ],
    ids=["list_expected", "bad_regex", "missing_key"],
)
def test_broken_marker_file_names_the_key(tmp_path: Path, replace: str, by: str, key: str) -> None:
    text = MARKERS_FILE.read_text(encoding="utf-8")
    assert replace in text
    broken = tmp_path / "markers.toml"
    broken.write_text(text.replace(replace, by, 1), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_markers(broken)
    assert caught.value.key == key


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ("[subject]\norder = [['commande', 1.0]]\n", "text"),
        ("[subject]\nbogus = [['x', 1.0]]\n[text]\n", "subject.bogus"),
        ("[subject]\norder = [['(', 1.0]]\n[text]\n", "subject.order"),
        ("[subject]\norder = [['x']]\n[text]\n", "subject.order"),
    ],
    ids=["missing_table", "unknown_kind", "bad_regex", "no_weight"],
)
def test_broken_vocabulary_names_the_key(tmp_path: Path, content: str, key: str) -> None:
    path = tmp_path / "vocabulary.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_vocabulary(path)
    assert caught.value.key == key


@pytest.mark.parametrize(
    "line",
    ['{"text": "x", "label": "purchase"}', "not json", '{"label": "order"}'],
    ids=["label", "json", "text"],
)
def test_bad_training_example_names_the_line(tmp_path: Path, line: str) -> None:
    path = tmp_path / "train.jsonl"
    path.write_text(
        '{"text": "Merci de livrer 2 cartons", "label": "order"}\n' + line + "\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError) as caught:
        load_examples(path)
    assert caught.value.key == "line 2"
