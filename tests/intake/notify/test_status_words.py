"""Downstream's names for an order's state, worded for the delivery answers (never printed raw)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from intake.api.events import EventKind
from intake.notify.status_words import WORDS_FILE, answer_status, load_status_words
from models import ConfigError

TEMPLATES = Path(__file__).parents[3] / "intake" / "notify" / "templates"


@pytest.mark.parametrize(
    ("names", "word"),
    [
        (("en cours de préparation", "prepared"), "in_preparation"),
        (("In preparation",), "in_preparation"),
        (("PICKING",), "in_preparation"),
        (("Expédiée partiellement", "shipped"), "partially_shipped"),
        (("partiellement expédiées",), "partially_shipped"),
        (("partially shipped",), "partially_shipped"),
        (("Livrée en partie",), "partially_delivered"),
        (("facturée", "delivered"), "invoiced"),
        (("Invoiced",), "invoiced"),
        (("En rupture de stock",), "backorder"),
        (("bloquée compta",), "on_hold"),
        (("expédiées",), "shipped"),
        (("Livrée",), "delivered"),
        (("STAT-40", "shipped"), "shipped"),
        ((None, "backorder_released"), "backorder_released"),
        (("STAT-40", "lost"), "in_progress"),
        (("",), "in_progress"),
    ],
    ids=[
        "fr-preparation", "en-preparation", "picking", "fr-partial", "fr-partial-plural", "en-partial",
        "fr-partly-delivered", "fr-invoiced", "en-invoiced", "fr-out-of-stock", "fr-hold", "fr-plural",
        "fr-delivered", "code-then-kind", "kind-alone", "nothing-known", "empty",
    ],
)  # fmt: skip
def test_downstream_names_are_worded_as_the_answers_know_them(
    names: tuple[str | None, ...], word: str
) -> None:
    assert answer_status(*names) == word


def test_every_event_kind_is_its_own_answer_word() -> None:
    assert {answer_status(kind.value) for kind in EventKind} == {kind.value for kind in EventKind}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_each_answer_word_has_its_sentence_in_the_template(language: str) -> None:
    text = (TEMPLATES / f"followup_{language}.txt").read_text(encoding="utf-8")
    worded = set(re.findall(r'"(\w+)": "[^"]*%s', text))
    assert load_status_words().answers <= worded


def test_a_bad_words_file_is_one_error_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "words.toml"
    bad.write_text('fallback = "in_progress"\n[words]\nshipped = "expédiée"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"words\.shipped"):
        load_status_words(bad)
    assert WORDS_FILE.exists()
