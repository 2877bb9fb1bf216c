"""A reply's own words as requests on the quoted lines: what 'sans' / 'without' leaves out, and what it names."""

from __future__ import annotations

import re

import pytest

from intake.followups.requests import as_requests


def _requests(said: str) -> str:
    pointer = re.search(r"(?:Bon pour accord|Fine with the quote)[^.]*\.", said)
    assert pointer is not None
    return as_requests(said, pointer)


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("Bon pour accord sur le devis. Ajoutez 6 yaourts sans sucre 125 g.", "6 yaourts sans sucre 125 g"),
        ("Fine with the quote. Add 4 storage crates without lid 40 L.", "4 storage crates without lid 40 L"),
    ],
    ids=["sans-fr", "without-en"],
)
def test_sans_before_a_bare_word_is_a_word_of_the_article_added(said: str, kept: str) -> None:
    requests = _requests(said)
    assert kept in requests
    assert "retirer" not in requests


@pytest.mark.parametrize(
    "said",
    [
        "Bon pour accord sur le devis, sans les nappes 140 cm.",
        "Fine with the quote. Add 2 trays without the 30 cm ones.",
        "Fine with the quote, without the oven gloves.",
    ],
    ids=["sans-les", "without-the-count", "without-the"],
)
def test_sans_before_a_determiner_leaves_a_quoted_line_out(said: str) -> None:
    requests = _requests(said)
    assert not re.search(r"\b(?:sans|without)\b", requests)
