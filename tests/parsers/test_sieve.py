import re

import pytest

from parsers.vocabulary.sieve import Sieve, fold, needles


def test_every_character_an_ascii_one_matches_regardless_of_case_folds_to_it() -> None:
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for found in re.finditer(r"[\x00-\x7f]", everything, re.I):
        for char in map(chr, range(128)):
            if re.fullmatch(re.escape(char), found.group(), re.I):
                assert fold(found.group()) == char.lower(), hex(ord(found.group()))


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bsemences?\b", ("semence",)),
        (r"\b(arrosoir|tuyau d.arrosage)s?\b", ("arrosage", "arrosoir")),
        (r"(?:veuillez|merci de) (nous )?livrer", ("livrer",)),
        (r"engrais(?!\s+bio)\b", ("engrais",)),
        (r"\d+\s*(?:sacs?|palettes?)", ("palette", "sac")),
        (r"(?:bêche|pelle)", ("che", "pelle")),
        (r"\d{2,}\s*kg", ("kg",)),
        (r"(?:rateau)?\d+", None),
        (r"[A-Z]{3}-\d+", ("-",)),
        (r"(?i:GRAVIER)|sable", ("gravier", "sable")),
    ],
)
def test_needles_are_what_every_match_holds(pattern: str, expected: tuple[str, ...] | None) -> None:
    assert needles(re.compile(pattern, re.I)) == expected


def test_needles_hold_no_white_space() -> None:
    found = needles(re.compile(r"terreau universel|paillage de lin", re.I))
    assert found is not None and not any(c.isspace() for n in found for c in n)


PATTERNS = [
    r"\bsemences?\b",
    r"\b(arrosoir|tuyau d.arrosage)s?\b",
    r"(?:veuillez|merci de) (nous )?livrer",
    r"engrais(?!\s+bio)\b",
    r"\d+\s*(?:sacs?|palettes?)",
    r"(?<!pas de )\btondeuses?\b",
    r"(?m)^\s*(bon|bc)\s*n°?\s*\d+",
    r"\bS\d{2}\b",
    r"(?:haie|gazon){1,2}",
]
TEXTS = [
    "Merci de nous livrer 3 palettes de terreau",
    "Bonjour, 12 SACS d'engrais bio et un arrosoir",
    "BC n° 4512\nTondeuses x2",
    "Pas de tondeuse cette fois, des SEMENCES ſvp",
    "İnvoice attached: tuyau d'arrosage 25 m, semaine S12",
    "GAZON et haie",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_sieve_lets_through_every_pattern_that_matches(text: str) -> None:
    sieve = Sieve.of(re.compile(p, re.I) for p in PATTERNS)
    possible = sieve.possible(text)
    for pattern, maybe in zip(sieve.patterns, possible, strict=True):
        if pattern.search(text):
            assert maybe, pattern.pattern
    assert sieve.present(text) == [p for p, maybe in zip(sieve.patterns, possible, strict=True) if maybe]


def test_a_sieve_skips_the_patterns_whose_words_are_absent() -> None:
    sieve = Sieve.of(re.compile(p, re.I) for p in PATTERNS[:4])
    assert sieve.possible("rien à voir") == [False, False, False, False]


def test_the_long_s_and_dotless_i_are_looked_for_as_the_letters_they_match() -> None:
    sieve = Sieve.of([re.compile(r"\bsvp\b", re.I), re.compile(r"\binvoice\b", re.I)])
    assert sieve.possible("ſvp") == [True, False]
    assert re.search(r"\binvoice\b", "ınvoıce", re.I)
    assert sieve.possible("ınvoıce") == [False, True]
