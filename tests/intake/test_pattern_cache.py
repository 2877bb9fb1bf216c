"""Patterns rebuilt from what an earlier run compiled are the patterns `re` compiles; a file that
cannot be trusted is not used."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake import pattern_cache
from intake.pattern_cache import PatternCache

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
    cache = PatternCache(path, pattern_cache.read(path))
    for text in ("vis", "agglo"):
        cache.compile(text, 0)
    cache.save()
    assert len(pattern_cache.read(path)) == 4  # as many unused as used: kept
    cache = PatternCache(path, pattern_cache.read(path))
    cache.compile("équerre", 0)
    cache.save()
    assert set(pattern_cache.read(path)) == {("équerre", 0)}


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
