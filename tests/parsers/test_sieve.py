import re

import pytest

from parsers.vocabulary.sieve import Sieve, fold, needles, starting


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


# Garden-centre orders: the shapes `starting` reads (phrases, classes, repeats, look-arounds, flags).
OPENED = [
    r"(?:n°|num[ée]ro)\s*(?:de\s+)?bon|bon\s+de\s+commande|\bnotre\s+r[ée]f",
    r"(?<![\w.])(?P<qty>\d+|deux|trois)\s+(?:sacs?|palettes?)\b",
    r"(?:au\s+)?lieu\s+de\s+(?P<old>\d+)",
    r"[A-Z]{2,}-\d+|#\d+",
    r"(?:-|–|\()\s*annul[ée]",
    r"\s*\bKit\b",
    r"(?:bulbes?)?\d+",
]
OPENED_TEXTS = [
    *TEXTS,
    "N° de bon GC-2611 : 3 sacs de terreau au lieu de 2 (annulé)",
    "notre réf #118, deux palettes - annulée",
    "KIT d'arrosage ﬁltre; \u212aIT (kelvin) et ſacs",
    "Numéro de bon: 12 bulbes 7",
    "Kit de semis, 2 sacs",
]


@pytest.mark.parametrize("flags", [0, re.I, re.I | re.M])
@pytest.mark.parametrize("pattern", OPENED)
def test_a_pattern_tried_where_it_may_start_finds_the_same_matches(pattern: str, flags: int) -> None:
    plain, quick = re.compile(pattern, flags), starting(re.compile(pattern, flags))
    assert quick.pattern.startswith("(?=[")
    for text in OPENED_TEXTS:
        expected = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in quick.finditer(text)] == expected, text


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?i:kit)s?",  # a group's own flags: its letters read otherwise than the look ahead's
        r"[^\W\d]+\s+\d+",  # a negated class opens it
        r"(?:sacs?)?",  # it may match nothing
        r".+ kg",
        r"(?i)bon",  # the flags written first must stay first
    ],
)
def test_a_pattern_whose_start_is_not_known_is_kept_as_it_is(pattern: str) -> None:
    kept = re.compile(pattern)
    assert starting(kept) is kept


def test_a_verbose_pattern_is_kept_as_it_is() -> None:
    kept = re.compile("bon  # a comment", re.X)
    assert starting(kept) is kept


def test_fold_of_a_text_with_and_without_the_letters_lower_alone_misses() -> None:
    assert fold("İNVOICE ſacs Évier") == "invoice sacs évier"
    assert fold("Évier Œuvre STRASSE") == "évier œuvre strasse"


def test_patterns_sharing_a_string_are_each_told_by_it() -> None:
    sieve = Sieve.of(
        [re.compile(r"\bbrouettes?\b", re.I), re.compile(r"brouette\s+\d+", re.I), re.compile(r"\d+")]
    )
    assert sieve.strings == ("brouette",)
    assert sieve.possible("2 BROUETTES") == [True, True, True]
    assert sieve.possible("2 râteaux") == [False, False, True]


def test_a_text_sieved_again_gets_the_same_answer_its_own_copy() -> None:
    sieve = Sieve.of(re.compile(p, re.I) for p in PATTERNS)
    first = sieve.possible(TEXTS[0])
    first[0] = not first[0]  # a caller's copy: changing it changes nothing kept
    assert sieve.possible(TEXTS[0]) == Sieve.of(sieve.patterns).possible(TEXTS[0])
    assert [sieve.possible(text) for text in TEXTS] == [Sieve.of(sieve.patterns).possible(t) for t in TEXTS]


def test_a_sieve_keeps_a_bounded_number_of_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("parsers.vocabulary.sieve._SEEN", 3)
    sieve = Sieve.of(re.compile(p, re.I) for p in PATTERNS)
    for text in TEXTS:
        sieve.possible(text)
    assert len(sieve.seen) <= 3
    assert sieve.possible(TEXTS[1]) == Sieve.of(sieve.patterns).possible(TEXTS[1])
