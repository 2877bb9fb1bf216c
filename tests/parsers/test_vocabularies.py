"""The data files behind replies and classification are validated when they are loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import ConfigError
from models.followups import FollowupKind
from parsers.classify.followup import load_followup_vocabulary
from parsers.classify.signals import VOCABULARY_FILE, load_vocabulary
from parsers.mail.markers import MARKERS_FILE, load_markers
from parsers.text.thread import points_to_thread
from parsers.training.textcat import load_examples
from parsers.vocabulary.layout import default_vocabulary, numbered_heading
from parsers.vocabulary.thread import ThreadWords, thread_words


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
        ("[subject]\n[text]\n[thread.bogus]\nquote = 3.0\n", "thread.bogus"),
        ("[subject]\n[text]\n[thread.order]\nnope = 3.0\n", "thread.order.nope"),
        ("[subject]\n[text]\n[thread.order]\nquote = 'x'\n", "thread.order.quote"),
    ],
    ids=[
        "missing_table",
        "unknown_kind",
        "bad_regex",
        "no_weight",
        "thread_kind",
        "thread_group",
        "thread_weight",
    ],
)
def test_broken_vocabulary_names_the_key(tmp_path: Path, content: str, key: str) -> None:
    path = tmp_path / "vocabulary.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_vocabulary(path)
    assert caught.value.key == key


@pytest.mark.parametrize(
    "reply",
    [
        "Bon pour accord sur votre devis D26-1180",
        "Nous validons le devis, merci",
        "We accept your quotation Q-2291.",
        "OK for the quote, thanks",
        "Go ahead with everything below",
        "Reprenez ma commande ci-dessous svp",
        "Même commande que la dernière fois",
        "Idem que la précédente commande",
        "Pareil que la dernière fois, merci",
        "Pareil que la précédente commande svp",
        "Same as last time please",
        "Same again",
        "Même chose que ci-dessous, sans les gants",
        "Same as below, minus the gloves",
        "OK pour votre proposition",
        "Même commande que l'an dernier pour le chantier, mais 30 coudes au lieu de 20",
        "Comme l'année passée, merci",
        "Same order as last year, but 6 boxes of pens",
        "La même chose que d'hab mais 14 coudes au lieu de 10",
    ],
)
def test_the_thread_reader_and_both_classifiers_read_one_vocabulary_of_pointers(reply: str) -> None:
    order_rows = load_vocabulary(VOCABULARY_FILE)["text"]["order"]
    new_order_rows = load_followup_vocabulary().kinds[FollowupKind.NEW_ORDER]
    assert points_to_thread(reply) is not None
    assert any(p.search(reply) and w >= 3.0 for p, w in order_rows)
    assert any(p.search(reply) and w >= 5.0 for p, w in new_order_rows)


def test_a_bad_pattern_in_the_thread_vocabulary_is_refused() -> None:
    data = thread_words().model_dump()
    data["points"]["again"].append("(same")
    with pytest.raises(ValueError, match="is not a valid pattern"):
        ThreadWords.model_validate(data)


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


@pytest.mark.parametrize(
    ("heading", "numbered"),
    [
        ("Part #", True),
        ("Item No.", True),
        ("Article n°", True),
        ("SKU #", True),
        ("Line #", False),
        ("Pos. n°", False),
        ("Qty #", False),
        ("Order no", False),
        ("Invoice #", False),
        ("N°", False),
        ("N° catalogue", True),
        ("No. de catalogue", True),
        ("Nr. Katalog", True),
        ("N° ligne", False),
        ("N° commande", False),
        ("N° client", False),
        ("N° lot", False),
        ("No. of packs", False),
        ("No. off", False),
    ],
    ids=lambda value: str(value),
)
def test_a_word_and_a_number_sign_head_the_articles_number(heading: str, numbered: bool) -> None:
    assert numbered_heading(heading, default_vocabulary()) is numbered
