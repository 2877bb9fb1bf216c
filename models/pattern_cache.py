"""Regular expressions compiled by an earlier run, rebuilt without being compiled again; what is
worked out of a pattern (`kept`), not worked out again.

Start-up compiles ~1,300 patterns (the readers' vocabularies, spaCy's tokenizer): ~0.4 s of CPU,
in Python's own parser and compiler, on the path to the first message read. What a pattern
compiles to (its SRE code, a list of integers, and its groups) depends on the pattern, its flags
and the Python build alone: kept in a file, as Python keeps compiled modules, it is handed to
`_sre.compile` as `re` itself does at the end of compiling, in microseconds. The file is checked
by its digest and the Python build it was written by; a pattern it does not hold, or a file that
cannot be read, is compiled as before. What a `kept` function works out of a pattern with the
standard library's parser (the strings every match holds, the characters one opens with) is kept
beside it, for as long as the function's module is unchanged.
"""

from __future__ import annotations

import _sre
import contextlib
import functools
import hashlib
import marshal
import os
import re
import sys
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from re import _compiler, _parser
from typing import Any, TypeVar

# What the SRE code of a pattern depends on besides the pattern and its flags.
BUILD = (sys.version, _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS)
DEFAULT_PATH = Path(__file__).parent / "__pycache__" / f"patterns.{sys.implementation.cache_tag}.bin"
_DIGEST = 16
# The code is kept as the bytes of an array of this type, whose items are SRE code words.
_WORD = "I"

# A pattern and its flags; for what a `kept` function worked out, its name, its module's digest
# and its arguments.
Key = tuple
# The final flags, the SRE code, the number of groups less one, the group names both ways.
Entry = tuple[int, bytes, int, dict, tuple]
T = TypeVar("T")
_MISSING: Any = object()


@dataclass
class PatternCache:
    """What `re` compiles through once `install`ed: `known` (read from `path`), and what was
    compiled while `recording` (a start-up's patterns, not those built from each message),
    written by `save`."""

    path: Path
    known: dict[Key, Entry] = field(default_factory=dict)
    used: dict[Key, Entry] = field(default_factory=dict)
    recording: bool = True
    # New patterns fewer than this are compiled again rather than the file written for them:
    # some are built afresh by each process (a character class joined from a set, whose order
    # changes with the process's hash seed).
    write_from: int = 16

    def compile(self, pattern: str | bytes, flags: int = 0) -> re.Pattern:
        """`re._compiler.compile`: a known pattern rebuilt from its code, any other compiled."""
        if not isinstance(pattern, str | bytes) or flags & re.DEBUG:
            return _ORIGINAL(pattern, flags)
        key = (pattern, int(flags))
        entry = self.known.get(key)
        if entry is None and not self.recording:
            return _ORIGINAL(pattern, flags)
        if entry is None:
            entry = compiled(pattern, flags)
        if self.recording:
            self.used[key] = entry
        final, code, groups, groupindex, indexgroup = entry
        return _sre.compile(pattern, final, array(_WORD, code).tolist(), groups, groupindex, indexgroup)

    def worked_out(self, key: Key, work: Callable[[], T]) -> T:
        """`work()`, or what it gave under `key` before."""
        value = self.used.get(key, _MISSING)
        if value is _MISSING:
            value = self.known.get(key, _MISSING)
        if value is _MISSING:
            value = work()
            if not _keepable(value):
                return value
        if self.recording:
            self.used[key] = value
        return value

    def save(self) -> None:
        """The patterns recorded, written with those kept before when `write_from` were not known
        (those no longer used dropped once they outnumber the used ones); recording ends."""
        self.recording = False
        if len(self.used.keys() - self.known.keys()) < self.write_from:
            return
        stale = len(self.known.keys() - self.used.keys())
        entries = {**self.known, **self.used} if stale <= len(self.used) else self.used
        with contextlib.suppress(OSError, ValueError):
            write(self.path, entries)
        self.known = entries


_ORIGINAL = _compiler.compile
_INSTALLED: list[PatternCache] = []


def compiled(pattern: str | bytes, flags: int) -> Entry:
    """What `re._compiler.compile` hands to `_sre.compile` for `pattern`."""
    parsed = _parser.parse(pattern, flags)
    code = array(_WORD, _compiler._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def kept(function: Callable[..., T]) -> Callable[..., T]:
    """`function`, whose value depends on its arguments (patterns, flags, plain values) and on the
    code of its own module alone, remembered in the cache installed (and kept with its patterns)."""
    name = f"{function.__module__}.{function.__qualname__}"

    @functools.wraps(function)
    def remembered(*args: Any) -> T:
        digest = _module_digest(function.__module__) if _INSTALLED else None
        if digest is None:
            return function(*args)
        return _INSTALLED[0].worked_out((name, digest, args), lambda: function(*args))

    return remembered


@functools.cache
def _module_digest(module: str) -> bytes | None:
    """The digest of a module's source (what its functions work out changes with it); None when
    its source cannot be read."""
    source = getattr(sys.modules.get(module), "__file__", None)
    try:
        return hashlib.blake2b(Path(source or "").read_bytes(), digest_size=_DIGEST).digest()
    except OSError:
        return None


def _keepable(value: object) -> bool:
    try:
        marshal.dumps(value)
    except ValueError:
        return False
    return True


def read(path: Path) -> dict[Key, Entry]:
    """The entries kept in `path`; none when it is missing, damaged or of another Python build."""
    try:
        data = path.read_bytes()
        payload = data[_DIGEST:]
        if hashlib.blake2b(payload, digest_size=_DIGEST).digest() != data[:_DIGEST]:
            return {}
        build, entries = marshal.loads(payload)
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return entries if build == BUILD and isinstance(entries, dict) else {}


def write(path: Path, entries: dict[Key, Entry]) -> None:
    """`entries` in `path`, replaced whole: a run reading it meanwhile finds the old file or the new."""
    import tempfile  # only a run that compiled something new writes

    payload = marshal.dumps((BUILD, entries))
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(hashlib.blake2b(payload, digest_size=_DIGEST).digest() + payload)
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def install(path: Path = DEFAULT_PATH) -> PatternCache | None:
    """`re` compiles through the cache kept in `path`, in this process and those it forks from now
    on; None where SRE code words are not the size of the array items they are kept in."""
    if _INSTALLED:
        return _INSTALLED[0]
    if array(_WORD).itemsize != _sre.CODESIZE:
        return None
    cache = PatternCache(path, read(path))
    _compiler.compile = cache.compile
    _INSTALLED.append(cache)
    return cache


def installed() -> PatternCache | None:
    return _INSTALLED[0] if _INSTALLED else None


def recording(on: bool) -> None:
    """Patterns compiled from now on recorded for `save` (a start-up's), or not (a message's)."""
    if _INSTALLED:
        _INSTALLED[0].recording = on


def save() -> None:
    if _INSTALLED:
        _INSTALLED[0].save()


def uninstall() -> None:
    """`re` compiles as it did before `install`."""
    if _INSTALLED:
        _compiler.compile = _ORIGINAL
        _INSTALLED.clear()
