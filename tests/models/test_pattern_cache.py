"""Patterns rebuilt from what an earlier run compiled are the patterns `re` compiles; a file that
cannot be trusted is not used."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from models import pattern_cache
from models.pattern_cache import PatternCache

# Every kind of construct the compiler writes code for, invented for a joinery's order lines.
PATTERNS: list[tuple[str | bytes, int]] = [
    (
        r"(?P<qty>\d+)\s*(?:x|pi[eè]ces?)\s+(?P<item>[\w\- ]+?)(?:\s+r[ée]f\.?\s*(?P<ref>[A-Z]{2}-\d{2,4}))?$",
        0,
    ),
    (r"\bcharni[eè]res?\b|\bgonds?\b", re.IGNORECASE),
    (r"(?<!\d)(\d{1,3}(?:[ .]\d{3})*)(?:,(\d{1,2}))?\s?€", 0),
    (r"^(?:bon de commande|purchase order)\s*[:#]?\s*(\S+)", re.IGNORECASE | re.MULTILINE),
    (r"(?x) (?P<a> [a-z]+ ) \s* = \s* (?P=a)", 0),
    (r"(?s)début(.*?)fin", 0),
    (r"(?=[cC])(?:commande|command)(?!e?s\b)", 0),
    (r"(?>ab|a)c*+[^\W\d_]{2,}?", 0),
    (r"(a)?(?(1)b|c)", re.ASCII),
    (rb"\x00PK\x03\x04|%PDF-1\.[0-7]", 0),
    (r"[\u00C0-\u017F]+|[^\x00-\x7F]", re.IGNORECASE | re.UNICODE),
]
TEXT = "12 pièces Charnière inox réf. CH-080\nBon de commande : BC-2031\n1 234,50 € début x fin"


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[PatternCache]:
    pattern_cache.uninstall()
    installed = pattern_cache.install(tmp_path / "patterns.bin")
    assert installed is not None
    installed.write_from = 1
    yield installed
    pattern_cache.uninstall()


def _fresh() -> None:
    """`re`'s own cache emptied: the next `re.compile` of a pattern goes to its compiler."""
    re.purge()


def test_a_pattern_kept_is_the_pattern_re_compiles(
    cache: PatternCache, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fresh()
    first = [re.compile(p, f) for p, f in PATTERNS]
    cache.save()
    pattern_cache.uninstall()
    again = pattern_cache.install(tmp_path / "patterns.bin")
    assert again is not None and len(again.known) == len(PATTERNS)
    again.write_from = 1
    _fresh()
    monkeypatch.setattr(pattern_cache, "compiled", None)  # none compiled: each rebuilt from the file
    rebuilt = [re.compile(p, f) for p, f in PATTERNS]
    monkeypatch.undo()
    for (pattern, flags), kept, made in zip(PATTERNS, rebuilt, first, strict=True):
        own = pattern_cache._ORIGINAL(pattern, flags)
        assert kept == own == made  # same pattern, flags and SRE code
        assert (kept.groups, kept.groupindex, kept.flags) == (own.groups, own.groupindex, own.flags)
        if isinstance(pattern, str):
            assert [m.groups() for m in kept.finditer(TEXT)] == [m.groups() for m in own.finditer(TEXT)]


def test_only_what_is_compiled_while_recording_is_kept(cache: PatternCache, tmp_path: Path) -> None:
    _fresh()
    re.compile(r"\bpanneaux? (?:MDF|OSB)\b")
    cache.save()  # recording ends: what a message builds afterwards is not kept
    re.compile(r"\bplinthes? " + re.escape("chêne 70 mm"))
    cache.save()
    assert list(pattern_cache.read(tmp_path / "patterns.bin")) == [(r"\bpanneaux? (?:MDF|OSB)\b", 0)]


def test_patterns_no_longer_used_are_dropped_once_they_outnumber_the_used_ones(tmp_path: Path) -> None:
    path = tmp_path / "patterns.bin"
    old = {(f"tasseau {n}", 0): pattern_cache.compiled(f"tasseau {n}", 0) for n in range(2)}
    pattern_cache.write(path, old)
    cache = PatternCache(path, pattern_cache.read(path), write_from=1)
    for text in ("vis", "agglo"):
        cache.compile(text, 0)
    cache.save()
    assert len(pattern_cache.read(path)) == 4  # as many unused as used: kept
    cache = PatternCache(path, pattern_cache.read(path), write_from=1)
    cache.compile("équerre", 0)
    cache.save()
    assert set(pattern_cache.read(path)) == {("équerre", 0)}


def test_a_few_new_patterns_are_compiled_again_rather_than_written(tmp_path: Path) -> None:
    # A process whose hash seed orders a class joined from a set otherwise finds it new each time.
    cache = PatternCache(tmp_path / "patterns.bin", write_from=3)
    for text in ("[;,:]+", "[,;:]+"):
        cache.compile(text, 0)
    cache.save()
    assert not cache.path.exists()
    cache = PatternCache(tmp_path / "patterns.bin", write_from=3)
    for text in ("[;,:]+", "[,;:]+", "[:;,]+"):
        cache.compile(text, 0)
    cache.save()
    assert len(pattern_cache.read(cache.path)) == 3


def test_a_damaged_file_or_one_of_another_python_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "patterns.bin"
    pattern_cache.write(path, {("tourillon", 0): pattern_cache.compiled("tourillon", 0)})
    assert pattern_cache.read(path)
    data = bytearray(path.read_bytes())
    data[-3] ^= 0x01  # one bit of the code changed
    damaged = tmp_path / "damaged.bin"
    damaged.write_bytes(bytes(data))
    assert pattern_cache.read(damaged) == {}
    (tmp_path / "short.bin").write_bytes(path.read_bytes()[:20])
    assert pattern_cache.read(tmp_path / "short.bin") == {}
    assert pattern_cache.read(tmp_path / "missing.bin") == {}
    monkeypatch.setattr(pattern_cache, "BUILD", ("another python",))
    assert pattern_cache.read(path) == {}


def test_a_file_that_cannot_be_written_is_left(cache: PatternCache, tmp_path: Path) -> None:
    (tmp_path / "not-a-folder").write_text("")
    cache.path = tmp_path / "not-a-folder" / "patterns.bin"
    _fresh()
    re.compile(r"\bquincaillerie\b")
    cache.save()
    assert not cache.path.exists() and not cache.recording


CALLS: list[tuple[str, int]] = []


@pattern_cache.kept
def _letters_of(pattern: str, flags: int) -> tuple[str, ...]:
    CALLS.append((pattern, flags))
    return tuple(sorted({c for c in pattern.lower() if c.isalpha()}))


def test_what_is_worked_out_of_a_pattern_is_kept_while_its_module_is_unchanged(
    cache: PatternCache, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    CALLS.clear()
    assert (
        _letters_of("Rivets? alu", 0)
        == _letters_of("Rivets? alu", 0)
        == ("a", "e", "i", "l", "r", "s", "t", "u", "v")
    )
    assert len(CALLS) == 1
    cache.save()
    pattern_cache.uninstall()
    assert pattern_cache.install(tmp_path / "patterns.bin") is not None
    assert _letters_of("Rivets? alu", 0) == ("a", "e", "i", "l", "r", "s", "t", "u", "v")
    assert len(CALLS) == 1  # taken from the file
    monkeypatch.setattr(pattern_cache, "_module_digest", lambda module: b"the module changed")
    assert _letters_of("Rivets? alu", 0) == ("a", "e", "i", "l", "r", "s", "t", "u", "v")
    assert len(CALLS) == 2


def test_a_value_that_cannot_be_written_is_given_and_not_kept(cache: PatternCache) -> None:
    @pattern_cache.kept
    def compiled_again(pattern: str) -> re.Pattern[str]:
        return re.compile(pattern)

    assert compiled_again(r"\bcheville\b").search("une cheville")
    assert not [
        key for key in cache.used if key[0] == compiled_again.__module__ + "." + compiled_again.__qualname__
    ]


@pytest.mark.parametrize(
    "pattern",
    [
        r"\bbon de (?:commande|livraison)\b",
        r"(?:réf|ref)\.?\s*(\w+)",
        r"\d+\s*(?:m|mm|cm)\b",
        r"(?i)devis n°?\s*\d+",
        r"x*",
    ],
)
def test_the_sieve_reads_a_pattern_alike_from_the_file(
    cache: PatternCache, tmp_path: Path, pattern: str
) -> None:
    from parsers.vocabulary import sieve

    compiled = re.compile(pattern)
    pattern_cache.uninstall()
    alone = (sieve.needles(compiled), sieve.starting(compiled).pattern)
    pattern_cache.install(tmp_path / "patterns.bin")
    worked = (sieve.needles(compiled), sieve.starting(compiled).pattern)
    cache = pattern_cache.installed()
    assert cache is not None
    cache.write_from = 1
    pattern_cache.save()
    pattern_cache.uninstall()
    again = pattern_cache.install(tmp_path / "patterns.bin")
    assert again is not None and any(str(key[0]).endswith("_opening_class") for key in again.known)
    assert alone == worked == (sieve.needles(compiled), sieve.starting(compiled).pattern)
