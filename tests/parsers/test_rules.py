"""Layout rules and the vocabulary: data files validated at load, chosen by sender or keywords."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import ConfigError
from parsers.documents.pdf import read_pdf
from parsers.documents.rules import default_rules, load_rules, parse_rule, vocabulary_for
from parsers.vocabulary.layout import default_vocabulary, load_vocabulary
from parsers.vocabulary.phrases import normalize
from tests.factories.documents import Item, Layout, make_po_pdf


def test_shipped_rules_and_vocabulary_load() -> None:
    assert {rule.name for rule in default_rules()} >= {"Batisud purchase orders"}
    assert "qte" in default_vocabulary().columns["quantity"]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('name = "x"\nsenders = ["a.fr"]\nfoo = 1\n', "foo"),
        ('name = "x"\n', "senders"),
        ('name = "x"\nsenders = ["a.fr"]\n[columns]\nprice = ["Prix"]\n', "columns.price"),
        ('name = "x"\nsenders = ["a.fr"]\n[columns]\ncode = []\n', "columns.code"),
        ('name = "x"\nsenders = ["a.fr"]\n[columns]\ncode = ["?!"]\n', "columns.code"),
        ('name = "x"\nsenders = ["a.fr"\n', "file"),
        ('name = ""\nsenders = ["a.fr"]\n', "name"),
    ],
    ids=[
        "unknown-key",
        "no-selector",
        "unknown-role",
        "empty-list",
        "empty-phrase",
        "bad-toml",
        "empty-name",
    ],
)
def test_a_bad_rule_names_its_file_and_key(tmp_path: Path, text: str, key: str) -> None:
    (tmp_path / "customer.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_rules(tmp_path)
    assert error.value.source.endswith("customer.toml")
    assert error.value.key == key


def test_a_bad_vocabulary_names_its_file_and_key(tmp_path: Path) -> None:
    path = tmp_path / "layout.toml"
    path.write_text("[columns]\nquantity = ['Qté']\n[fields]\n[rows]\n[kinds]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_vocabulary(path)
    assert (error.value.source, error.value.key) == (str(path), "fields")


RULE = parse_rule(
    {
        "name": "ERP X",
        "senders": ["erpx.fr"],
        "keywords": ["Bestellmenge", "Kurztext"],
        "columns": {"code": ["Article"], "quantity": ["Cdé"]},
    },
    source="test",
)


@pytest.mark.parametrize(
    ("sender", "text", "applies"),
    [
        ("achats@erpx.fr", "", True),
        ("achats@sub.erpx.fr", "", False),
        ("a@other.fr", "Pos Material Kurztext Bestellmenge", True),
        ("a@other.fr", "Kurztext only", False),
    ],
    ids=["by-domain", "other-domain", "by-keywords", "one-keyword-missing"],
)
def test_rule_chosen_by_sender_or_keywords(sender: str, text: str, applies: bool) -> None:
    assert RULE.applies(sender, text) is applies


def test_a_rule_fixes_what_the_generic_reader_gets_wrong() -> None:
    pdf = make_po_pdf(
        [Item("BS-1", "Vis inox", "10")], Layout(headers=("Article", "Libellé", "Cdé", "UV", "PU", "Montant"))
    )
    generic = read_pdf(pdf, "attachment:po.pdf", max_pages=5, ocr=False)
    assert generic.lines == []
    vocab, name = vocabulary_for((RULE,), "achats@erpx.fr", "")
    ruled = read_pdf(pdf, "attachment:po.pdf", max_pages=5, vocab=vocab, ocr=False)
    assert name == "ERP X"
    assert [(line.code.value, line.description.value, line.quantity.value) for line in ruled.lines] == [
        ("BS-1", "Vis inox", 10)
    ]
    assert "article" not in vocab.columns["description"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Qté cdée", "qte cdee"),
        ("N°", "n"),
        ("Art.-Nr.", "art nr"),
        ("P.U. HT €", "p u ht"),
        ("Größe", "grosse"),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_a_long_text_normalizes_as_its_words_do() -> None:
    word = "Qté cdée Größe"
    assert normalize(" ".join([word] * 20)) == " ".join([normalize(word)] * 20)
