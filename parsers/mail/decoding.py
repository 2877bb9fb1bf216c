"""Bytes and headers to text, tolerant of the charsets real mail declares wrongly."""

from __future__ import annotations

import codecs
import email.errors
import email.header
import re

from charset_normalizer import from_bytes

# Declarations that real mail often gets wrong: UTF-8 bytes labelled Latin-1 or
# ASCII, and Windows-1252 bytes (curly quotes, euro sign) labelled ISO-8859-1.
_WESTERN = {"us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1", "iso_8859-1", "windows-1252", "cp1252"}
_ALIASES = {"utf8": "utf-8", "unicode-1-1-utf-7": "utf-7", "x-unknown": "", "unknown-8bit": "", "default": ""}
_ENCODED_WORD = re.compile(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")


def _codec(charset: str | None) -> str | None:
    """A Python codec name for a declared charset, or None when unknown."""
    name = (charset or "").strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None) -> tuple[str, str | None]:
    """Text of a body part, and a note when the declared charset had to be overridden."""
    if not data:
        return "", None
    codec = _codec(declared)
    if codec is None or codec in {_codec(c) for c in _WESTERN}:
        return _decode_western(data, declared)
    try:
        return data.decode(codec), None
    except (UnicodeDecodeError, LookupError):
        pass
    text, how = _guess(data)
    return text, f"charset {declared!r} does not decode the part; read as {how}"


def _decode_western(data: bytes, declared: str | None) -> tuple[str, str | None]:
    if data.isascii():
        return data.decode("ascii"), None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return text, f"charset {declared or 'missing'!r} but the bytes are UTF-8; read as UTF-8"
    # Windows-1252 is a superset of the printable ISO-8859-1 range; its five
    # undefined bytes fall back to Latin-1 so that nothing is lost.
    text = "".join(_cp1252_char(b) for b in data) if _has_undefined_cp1252(data) else data.decode("cp1252")
    note = None if declared else "no charset declared; read as windows-1252"
    return text, note


def _has_undefined_cp1252(data: bytes) -> bool:
    return any(b in data for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")


def _guess(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:65536]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("cp1252", "replace"), "windows-1252 with replacement characters"


def header_text(value: object) -> str:
    """A header value as readable text: encoded words decoded, raw 8-bit bytes repaired."""
    if value is None:
        return ""
    if isinstance(value, email.header.Header):
        # Raw 8-bit header bytes arrive as a Header in an unknown charset.
        value = "".join(
            decode_bytes(chunk, None if charset in (None, "unknown-8bit") else charset)[0]
            if isinstance(chunk, bytes)
            else chunk
            for chunk, charset in email.header.decode_header(value)
        )
    raw = _repair_8bit(str(value))
    if "=?" not in raw:
        return _unfold(raw)
    try:
        parts = email.header.decode_header(raw)
    except (ValueError, email.errors.HeaderParseError):
        return _unfold(raw)
    out = []
    for chunk, charset in parts:
        if isinstance(chunk, bytes):
            out.append(decode_bytes(chunk, charset or "utf-8")[0])
        else:
            out.append(chunk)
    return _unfold("".join(out))


def _repair_8bit(value: str) -> str:
    """Header bytes outside ASCII arrive as surrogate escapes: read them as text."""
    if value.isascii() or not any("\udc80" <= ch <= "\udcff" for ch in value):
        return value
    data = value.encode("ascii", "surrogateescape")
    return decode_bytes(data, None)[0]


def _unfold(value: str) -> str:
    return re.sub(r"\r?\n[ \t]+", " ", value).replace("\r", "").replace("\n", " ").strip()


def has_encoded_words(value: str) -> bool:
    """True when a header still carries undecoded RFC 2047 words."""
    return bool(_ENCODED_WORD.search(value))
