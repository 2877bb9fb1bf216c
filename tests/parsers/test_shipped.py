"""The shipped pipelines as parsers.shipped loads them read every fixture text as spaCy's own loading.

Texts: the subject, body, quoted history and signature of every labelled message (the
samples, fixtures/emails, the open parts of the blind, ERP and follow-up corpora) and
every training text, the NER's hand-written lines too. Tokens must be the same, and so
the classifiers' categories and the NER's entities (on a third of the texts).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
import spacy

from parsers import parse_message
from parsers.shipped import compact_alternatives, joined_words_only, load_pipeline
from tests.paths import FIXTURES, ROOT, SAMPLES

MODELS = ROOT / "parsers" / "models"
TRAINING = ROOT / "parsers" / "training"


def message_folders() -> list[Path]:
    named = [
        SAMPLES / "emails",
        FIXTURES,
        ROOT / "fixtures" / "erp" / "open",
        ROOT / "fixtures" / "followups" / "open",
    ]
    return [*named, *sorted(ROOT.glob("fixtures/blind/*/open"))]


@cache
def fixture_texts() -> tuple[str, ...]:
    texts: list[str] = []
    for folder in message_folders():
        for path in sorted(folder.rglob("*.eml")):
            parsed = parse_message(path.read_bytes())
            texts += [f"{parsed.subject}\n{parsed.text}", parsed.quoted or "", parsed.signature or ""]
    for path in [*sorted(TRAINING.glob("*.jsonl")), *sorted((ROOT / "fixtures" / "ner").glob("*.jsonl"))]:
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    return tuple(t for t in dict.fromkeys(texts) if t.strip())


def test_the_fixture_texts_are_found() -> None:
    assert len(fixture_texts()) > 1000


@pytest.mark.parametrize("name", ["textcat", "ner", "followup"])
def test_a_shipped_pipeline_reads_every_fixture_text_as_spacy_loads_it(name: str) -> None:
    ours, theirs = load_pipeline(MODELS / name), spacy.load(MODELS / name)
    assert ours.pipe_names == theirs.pipe_names
    texts = fixture_texts()
    for text in texts:
        assert [t.text for t in ours.tokenizer(text)] == [t.text for t in theirs.tokenizer(text)], text
    # The same tokens give the same answers; a third of the texts shows it for the models (CI time).
    for text in texts[::3]:
        mine, stock = ours(text), theirs(text)
        assert mine.cats == stock.cats, text
        assert [(e.start_char, e.end_char, e.label_) for e in mine.ents] == [
            (e.start_char, e.end_char, e.label_) for e in stock.ents
        ], text


def test_pieces_met_after_a_special_case_are_cut_the_same_from_the_cache() -> None:
    ours, theirs = load_pipeline(MODELS / "textcat").tokenizer, spacy.load(MODELS / "textcat").tokenizer
    texts = [
        "M. Garnier, etc. :\n\n  3 sacs de terreau (réf. TER-40L),   2 râteaux\t\tlivrés lundi.",
        "  Pour  le  jardin : 3 sacs de terreau (réf. TER-40L), 2 râteaux\nM. Garnier",
        "3 sacs de terreau (réf. TER-40L), 2 râteaux, etc.",
    ]
    for _ in range(2):  # the second time every piece is found cached
        for text in texts:
            mine, stock = ours(text), theirs(text)
            assert [(t.text, t.whitespace_, t.idx) for t in mine] == [
                (t.text, t.whitespace_, t.idx) for t in stock
            ], text
    assert "TER-40L)," in ours.met


def test_the_compact_token_match_matches_the_same_words() -> None:
    tokenizer = spacy.load(MODELS / "textcat").tokenizer
    original = tokenizer.token_match.__self__
    compact = re.compile(compact_alternatives(original.pattern))
    assert len(compact.pattern) < len(original.pattern) / 10
    words = {w for text in fixture_texts() for w in text.split()}
    # Neighbouring words joined as French joins them: 'arc-en-ciel', "entr'ouvert".
    joined = {
        mark.join(run)
        for text in fixture_texts()
        for triple in zip(text.split(), text.split()[1:], text.split()[2:], strict=False)
        for mark in "-'’"
        for run in (triple[:2], triple)
    }
    shapes = ["anti-gel", "Saint-Étienne", "entr'ouvert", "hip-hop", "New-York", "mi-temps", "arc-en-ciel"]
    for word in [*words, *joined, *shapes, *tokenizer.rules]:
        assert bool(compact.match(word)) == bool(original.match(word)), word


@pytest.mark.parametrize(
    "pattern",
    [
        pytest.param("(?iu)(?:^a[bc]$)|(?:^d[bc]$)", id="no long class"),
        pytest.param("(?iu)(?:^a|b$)", id="a bare alternation"),
        pytest.param("[a-z]+", id="another shape"),
    ],
)
def test_a_pattern_of_another_shape_is_left_alone_or_joined_the_same(pattern: str) -> None:
    compact = compact_alternatives(pattern)
    for word in ["ab", "db", "ac", "b", "a", "xyz", "dc", "ad"]:
        assert bool(re.match(compact, word)) == bool(re.match(pattern, word))


@pytest.mark.parametrize(
    ("pattern", "gated"),
    [
        pytest.param(
            "(?iu)(?:^(?:porte|garde)[-‐]\\w+$)|(?:^pr[ée]s['’]\\w+$)", True, id="every branch joins"
        ),
        pytest.param(
            "(?iu)(?:^(?:porte|garde)[-‐]\\w+$)|(?:^[a-z]+s?$)", False, id="a branch without joiner"
        ),
        pytest.param("(?iu)(?:^\\w+(?:-\\w+)?$)", False, id="an optional joiner"),
        pytest.param("(?:^a-b$)", False, id="no leading flags"),
    ],
)
def test_a_token_match_is_tried_on_joined_words_only_when_each_match_holds_a_joiner(
    pattern: str, gated: bool
) -> None:
    looked = joined_words_only(pattern)
    assert (looked != pattern) is gated
    words = [
        "porte-clés",
        "garde‐boue",
        "près'ici",
        "PORTE-X",
        "porte",
        "clés",
        "a-b",
        "abc",
        "x-",
        "-",
        "'",
        "",
    ]
    for word in words:
        assert bool(re.match(looked, word)) == bool(re.match(pattern, word)), word
